// interp/modules/sha512.cc - the _sha512 module (SHA-512 and SHA-384, FIPS 180-4).
//
// random.py imports it to turn str and bytes seeds into ints; without it, random falls
// back on hashlib. The hash object is hash_support's.
#include "interp/modules/hash_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/sha2.h"

#include <cstring>

namespace interp {
namespace {

struct Shape512 {
  using Word = std::uint64_t;
  static constexpr int kRounds = 80;
  static constexpr int kSigma0[3] = {1, 8, 7}, kSigma1[3] = {19, 61, 6};
  static constexpr int kBigSigma0[3] = {28, 34, 39}, kBigSigma1[3] = {14, 18, 41};
  static Word round_constant(int i) { return kSha2Round[i]; }
};

using Sha512 = MerkleDamgard<std::uint64_t, 128, true, sha2_compress<Shape512>>;

void start512(void* state) {
  Sha512::start(state, kSha512Start, 8);
}
void start384(void* state) {
  Sha512::start(state, kSha384Start, 8);
}

const HashAlgorithm kSha512 = {
    "sha512", "_sha512",      "SHA512Type",  64, 128, sizeof(Sha512::State),
    start512, Sha512::absorb, Sha512::finish};
const HashAlgorithm kSha384 = {
    "sha384", "_sha512",      "SHA384Type",  48, 128, sizeof(Sha512::State),
    start384, Sha512::absorb, Sha512::finish};

} // namespace

Value make_sha512_module(Thread& t) {
  static const HashEntry kEntries[] = {hash_entry<kSha512>(), hash_entry<kSha384>()};
  return new_hash_module(t, "_sha512", kEntries, std::size(kEntries));
}

} // namespace interp
