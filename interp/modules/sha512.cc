// interp/modules/sha512.cc - the _sha512 module (SHA-512 and SHA-384, FIPS 180-4).
//
// random.py imports it to turn str and bytes seeds into ints; without it, random falls
// back on hashlib, which needs OpenSSL's _hashlib or logging. The running state lives in
// the heap as hash_support.h describes.
#include "interp/modules/hash_support.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

#include <cstring>

namespace interp {

namespace {

// The first 64 bits of the fractional parts of the cube roots of the first 80 primes.
constexpr std::uint64_t kRound[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

// Initial hash values: fractional parts of the square roots of primes 1-8 (SHA-512) and
// 9-16 (SHA-384).
constexpr std::uint64_t kStart512[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};
constexpr std::uint64_t kStart384[8] = {
    0xcbbb9d5dc1059ed8ull, 0x629a292a367cd507ull, 0x9159015a3070dd17ull, 0x152fecd8f70e5939ull,
    0x67332667ffc00b31ull, 0x8eb44a8768581511ull, 0xdb0c2e0d64f98fa7ull, 0x47b5481dbefa4fa4ull,
};

constexpr std::size_t kBlock = 128;

struct ShaState {
  std::uint64_t h[8];
  std::uint64_t total; // bytes hashed so far
  std::uint32_t buffered;
  std::uint32_t digest_size; // 64 or 48
  unsigned char buffer[kBlock];
};

std::uint64_t rotr(std::uint64_t x, int n) {
  return (x >> n) | (x << (64 - n));
}

void compress(std::uint64_t h[8], const unsigned char* block) {
  std::uint64_t w[80];
  for (int i = 0; i < 16; ++i) {
    w[i] = 0;
    for (int b = 0; b < 8; ++b)
      w[i] = (w[i] << 8) | block[i * 8 + b];
  }
  for (int i = 16; i < 80; ++i) {
    std::uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
    std::uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint64_t v[8];
  std::memcpy(v, h, sizeof v);
  for (int i = 0; i < 80; ++i) {
    auto& [a, b, c, d, e, f, g, hh] = v;
    std::uint64_t t1 =
        hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
    std::uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  for (int i = 0; i < 8; ++i)
    h[i] += v[i];
}

void absorb(ShaState& s, const unsigned char* data, std::size_t n) {
  s.total += n;
  while (n) {
    std::size_t take = std::min(n, kBlock - s.buffered);
    std::memcpy(s.buffer + s.buffered, data, take);
    s.buffered += std::uint32_t(take);
    data += take;
    n -= take;
    if (s.buffered == kBlock) {
      compress(s.h, s.buffer);
      s.buffered = 0;
    }
  }
}

std::string finish(ShaState s) {
  std::uint64_t bits = s.total * 8;
  unsigned char pad[kBlock + 16] = {0x80};
  std::size_t padlen = (s.buffered < 112 ? 112 : 240) - s.buffered;
  unsigned char length[16] = {};
  for (int i = 0; i < 8; ++i)
    length[15 - i] = static_cast<unsigned char>(bits >> (8 * i));
  absorb(s, pad, padlen);
  absorb(s, length, 16);
  std::string out;
  for (std::uint32_t i = 0; i < s.digest_size; ++i)
    out.push_back(static_cast<char>(s.h[i / 8] >> (56 - 8 * (i % 8))));
  return out;
}

const ShaState* state_rd(Value self) {
  return hash_state<ShaState>(self);
}

bool update(Thread& t, Value self, Value data) {
  return hash_update<ShaState>(t, self, data, absorb);
}

Value new_hash(Thread& t, Value cls, const ShaState& s) {
  return hash_object_new(t, cls, &s, sizeof s);
}

Value make_hash(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool is384) {
  static const char* const kAllowed[] = {"string", "usedforsecurity", nullptr};
  const char* fname = is384 ? "sha384" : "sha512";
  if (!check_keywords(t, fname, kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 1)
    return raisef(t, exc(E_TypeError), "%s() takes at most 1 positional argument (%zu given)",
                  fname, npos);
  Value data = arg_or_keyword(args, nargs, kwnames, 0, "string");
  ShaState s{};
  std::memcpy(s.h, is384 ? kStart384 : kStart512, sizeof s.h);
  s.digest_size = is384 ? 48 : 64;
  Value module = import_module(t, "_sha512");
  Value cls =
      module ? getattr(t, module, intern_literal(t, is384 ? "SHA384Type" : "SHA512Type")) : Value();
  Value self = cls ? new_hash(t, cls, s) : Value();
  if (!self) return {};
  if (data && !update(t, self, data)) return {};
  return self;
}

INTERP_NATIVE(sha512_new) {
  return make_hash(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(sha384_new) {
  return make_hash(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(sha_update) {
  if (!check_positional(t, "update", nargs, kwnames, 1, 1)) return {};
  return update(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(sha_digest) {
  if (!check_positional(t, "digest", nargs, kwnames, 0, 0)) return {};
  return bytes_new(t, finish(*state_rd(args[0])));
}

INTERP_NATIVE(sha_hexdigest) {
  if (!check_positional(t, "hexdigest", nargs, kwnames, 0, 0)) return {};
  return hash_hex(t, finish(*state_rd(args[0])));
}

INTERP_NATIVE(sha_copy) {
  if (!check_positional(t, "copy", nargs, kwnames, 0, 0)) return {};
  ShaState s = *state_rd(args[0]);
  return new_hash(t, type_of(args[0]), s);
}

INTERP_NATIVE(sha_name) {
  return intern_literal(t, state_rd(args[0])->digest_size == 48 ? "sha384" : "sha512");
}
INTERP_NATIVE(sha_digest_size) {
  return Value::small_int(state_rd(args[0])->digest_size);
}
INTERP_NATIVE(sha_block_size) {
  return Value::small_int(kBlock);
}

} // namespace

Value make_sha512_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"sha512", sha512_new},
      {"sha384", sha384_new},
  };
  Value m = new_module(t, "_sha512", kFunctions, std::size(kFunctions));
  if (!m) return {};
  for (const char* type_name : {"sha512", "sha384"}) {
    Value cls = new_type(t, type_name, "_sha512", Layout::Instance, {}, false);
    if (!cls) return {};
    add_method(t, cls, "update", sha_update);
    add_method(t, cls, "digest", sha_digest);
    add_method(t, cls, "hexdigest", sha_hexdigest);
    add_method(t, cls, "copy", sha_copy);
    add_getter(t, cls, "name", sha_name);
    add_getter(t, cls, "digest_size", sha_digest_size);
    add_getter(t, cls, "block_size", sha_block_size);
    update_type_flags(cls);
    module_set(t, m, type_name[3] == '3' ? "SHA384Type" : "SHA512Type", cls);
  }
  return m;
}

} // namespace interp
