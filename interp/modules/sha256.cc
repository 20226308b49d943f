// interp/modules/sha256.cc - the _sha256 module (SHA-256 and SHA-224, FIPS 180-4), which
// hashlib falls back on without OpenSSL. The hash object is hash_support's.
#include "interp/modules/hash_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/sha2.h"

#include <cstring>

namespace interp {
namespace {

struct Shape256 {
  using Word = std::uint32_t;
  static constexpr int kRounds = 64;
  static constexpr int kSigma0[3] = {7, 18, 3}, kSigma1[3] = {17, 19, 10};
  static constexpr int kBigSigma0[3] = {2, 13, 22}, kBigSigma1[3] = {6, 11, 25};
  static Word round_constant(int i) { return Word(kSha2Round[i] >> 32); }
};

using Sha256 = MerkleDamgard<std::uint32_t, 64, true, sha2_compress<Shape256>>;

void start256(void* state) {
  std::uint32_t words[8];
  for (int i = 0; i < 8; ++i)
    words[i] = std::uint32_t(kSha512Start[i] >> 32);
  Sha256::start(state, words, 8);
}
void start224(void* state) {
  std::uint32_t words[8];
  for (int i = 0; i < 8; ++i)
    words[i] = std::uint32_t(kSha384Start[i]);
  Sha256::start(state, words, 8);
}

const HashAlgorithm kSha256 = {
    "sha256", "_sha256",      "SHA256Type",  32, 64, sizeof(Sha256::State),
    start256, Sha256::absorb, Sha256::finish};
const HashAlgorithm kSha224 = {
    "sha224", "_sha256",      "SHA224Type",  28, 64, sizeof(Sha256::State),
    start224, Sha256::absorb, Sha256::finish};

} // namespace

Value make_sha256_module(Thread& t) {
  static const HashEntry kEntries[] = {hash_entry<kSha256>(), hash_entry<kSha224>()};
  return new_hash_module(t, "_sha256", kEntries, std::size(kEntries));
}

} // namespace interp
