// interp/objects/hash_bytes.cc - SipHash-1-3 (one compression round per 8-byte word,
// three finalization rounds), 64-bit output, zero key.
#include "interp/objects/hash_bytes.h"

#include <cstring>

namespace interp {

namespace {

inline std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
  std::uint64_t v0 = 0x736f6d6570736575ull;
  std::uint64_t v1 = 0x646f72616e646f6dull;
  std::uint64_t v2 = 0x6c7967656e657261ull;
  std::uint64_t v3 = 0x7465646279746573ull;

  void round() {
    v0 += v1;
    v1 = rotl(v1, 13);
    v1 ^= v0;
    v0 = rotl(v0, 32);
    v2 += v3;
    v3 = rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = rotl(v1, 17);
    v1 ^= v2;
    v2 = rotl(v2, 32);
  }
  void absorb(std::uint64_t m) {
    v3 ^= m;
    round();
    v0 ^= m;
  }
};

} // namespace

std::int64_t hash_bytes(const void* data, std::size_t size) {
  if (size == 0) return 0;
  auto* bytes = static_cast<const unsigned char*>(data);
  SipState s;
  std::size_t whole = size & ~std::size_t{7};
  for (std::size_t i = 0; i < whole; i += 8) {
    std::uint64_t m;
    std::memcpy(&m, bytes + i, 8); // x86-64: little-endian, as the algorithm reads words
    s.absorb(m);
  }
  std::uint64_t last = std::uint64_t(size & 0xff) << 56;
  for (std::size_t i = whole; i < size; ++i) last |= std::uint64_t(bytes[i]) << (8 * (i - whole));
  s.absorb(last);
  s.v2 ^= 0xff;
  s.round();
  s.round();
  s.round();
  auto h = static_cast<std::int64_t>(s.v0 ^ s.v1 ^ s.v2 ^ s.v3);
  return h == -1 ? -2 : h;
}

} // namespace interp
