// interp/objects/hash_bytes.cc - SipHash-1-3 (one compression round per 8-byte word,
// three finalization rounds), 64-bit output, under the key PYTHONHASHSEED chooses.
#include "interp/objects/hash_bytes.h"
#include "interp/interp.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/random.h>

namespace interp {

namespace {

// Written once at start-up, before any thread but the main one exists; read-only after.
std::uint64_t key0 = 0, key1 = 0;

inline std::uint64_t rotl(std::uint64_t x, int b) {
  return (x << b) | (x >> (64 - b));
}

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
  s.v0 ^= key0;
  s.v1 ^= key1;
  s.v2 ^= key0;
  s.v3 ^= key1;
  std::size_t whole = size & ~std::size_t{7};
  for (std::size_t i = 0; i < whole; i += 8) {
    std::uint64_t m;
    std::memcpy(&m, bytes + i, 8); // x86-64: little-endian, as the algorithm reads words
    s.absorb(m);
  }
  std::uint64_t last = std::uint64_t(size & 0xff) << 56;
  for (std::size_t i = whole; i < size; ++i)
    last |= std::uint64_t(bytes[i]) << (8 * (i - whole));
  s.absorb(last);
  s.v2 ^= 0xff;
  s.round();
  s.round();
  s.round();
  auto h = static_cast<std::int64_t>(s.v0 ^ s.v1 ^ s.v2 ^ s.v3);
  return h == -1 ? -2 : h;
}

bool set_hash_seed(const char* seed) {
  unsigned char key[16] = {};
  if (!seed || !*seed || std::strcmp(seed, "random") == 0) {
    std::size_t got = 0;
    while (got < sizeof key) {
      ssize_t n = ::getrandom(key + got, sizeof key - got, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += std::size_t(n);
    }
  } else {
    char* end = nullptr;
    errno = 0;
    unsigned long long n = std::strtoull(seed, &end, 10);
    if (*end || errno || seed[0] == '-' || n > 4294967295ull) return false;
    // CPython's key for a seed: the bytes of a 32-bit linear congruential generator
    // started at the seed (multiplier 214013, increment 2531011, bits 16..23 of each
    // state). Seed 0 means the all-zero key.
    std::uint32_t x = std::uint32_t(n);
    for (std::size_t i = 0; n != 0 && i < sizeof key; ++i) {
      x = x * 214013u + 2531011u;
      key[i] = static_cast<unsigned char>((x >> 16) & 0xff);
    }
  }
  std::memcpy(&key0, key, 8);
  std::memcpy(&key1, key + 8, 8);
  return true;
}

} // namespace interp
