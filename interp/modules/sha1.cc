// interp/modules/sha1.cc - the _sha1 module (SHA-1, FIPS 180-4), which hashlib falls back
// on without OpenSSL. The hash object is hash_support's.
#include "interp/modules/hash_support.h"
#include "interp/modules/modules.h"

namespace interp {
namespace {

void compress(std::uint32_t* h, const unsigned char* block) {
  std::uint32_t w[80];
  for (int i = 0; i < 16; ++i)
    w[i] = load_word<std::uint32_t, true>(block + 4 * i);
  for (int i = 16; i < 80; ++i)
    w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; ++i) {
    std::uint32_t f, k;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    std::uint32_t next = rotl(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = next;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

using Sha1 = MerkleDamgard<std::uint32_t, 64, true, compress>;

void start(void* state) {
  static const std::uint32_t kStart[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
                                          0xc3d2e1f0};
  Sha1::start(state, kStart, 5);
}

const HashAlgorithm kSha1 = {"sha1", "_sha1",      "SHA1Type",  20, 64, sizeof(Sha1::State),
                             start,  Sha1::absorb, Sha1::finish};

} // namespace

Value make_sha1_module(Thread& t) {
  static const HashEntry kEntries[] = {hash_entry<kSha1>()};
  return new_hash_module(t, "_sha1", kEntries, std::size(kEntries));
}

} // namespace interp
