// interp/modules/sha3.cc - the _sha3 module: SHA3-224/256/384/512 and the extendable-
// output functions SHAKE128/256 (FIPS 202), all sponges on Keccak-f[1600].
//
// hashlib takes sha3_* and shake_* from here. The running state lives in the heap as
// hash_support.h describes.
#include "interp/modules/hash_support.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"

#include <array>

namespace interp {

namespace {

constexpr int kRounds = 24;

// The round constants, from the LFSR of FIPS 202 algorithm 5: bit 2**j - 1 of round i's
// constant is rc(j + 7i).
constexpr std::array<std::uint64_t, kRounds> make_round_constants() {
  std::array<std::uint64_t, kRounds> rc{};
  for (int i = 0; i < kRounds; ++i)
    for (int j = 0; j < 7; ++j) {
      unsigned r = 1;
      for (int k = 0; k < (j + 7 * i) % 255; ++k) {
        r <<= 1;
        if (r & 0x100) r ^= 0x171;
      }
      if (r & 1) rc[std::size_t(i)] |= std::uint64_t(1) << ((1 << j) - 1);
    }
  return rc;
}
constexpr auto kRoundConstants = make_round_constants();

// The rotation of each lane (x + 5y) in step rho (FIPS 202 algorithm 2).
constexpr std::array<int, 25> make_rotations() {
  std::array<int, 25> rot{};
  int x = 1, y = 0;
  for (int t = 0; t < 24; ++t) {
    rot[std::size_t(x + 5 * y)] = ((t + 1) * (t + 2) / 2) % 64;
    int next_y = (2 * x + 3 * y) % 5;
    x = y;
    y = next_y;
  }
  return rot;
}
constexpr auto kRotations = make_rotations();

std::uint64_t rotl(std::uint64_t v, int n) {
  return (v << n) | (v >> ((64 - n) & 63));
}

void keccak_f(std::uint64_t a[25]) {
  for (int round = 0; round < kRounds; ++round) {
    // theta: each lane takes the parities of two neighbouring columns.
    std::uint64_t c[5];
    for (int x = 0; x < 5; ++x)
      c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; ++x) {
      std::uint64_t d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5)
        a[x + y] ^= d;
    }
    // rho and pi: lane (x, y) rotates and moves to (y, 2x + 3y).
    std::uint64_t b[25];
    for (int x = 0; x < 5; ++x)
      for (int y = 0; y < 5; ++y)
        b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], kRotations[std::size_t(x + 5 * y)]);
    // chi: the only non-linear step, along each row.
    for (int y = 0; y < 25; y += 5)
      for (int x = 0; x < 5; ++x)
        a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
    // iota
    a[0] ^= kRoundConstants[std::size_t(round)];
  }
}

struct Sha3State {
  std::uint64_t lanes[25];
  std::uint32_t rate;        // bytes absorbed or squeezed between permutations
  std::uint32_t buffered;    // bytes of the current block absorbed so far
  std::uint32_t digest_size; // 0 for SHAKE
  std::uint32_t suffix;      // the domain bits and the first bit of padding
};

void absorb(Sha3State& s, const unsigned char* p, std::size_t n) {
  while (n) {
    if (s.buffered % 8 == 0 && n >= 8) {
      std::uint64_t lane = 0;
      for (int i = 7; i >= 0; --i)
        lane = (lane << 8) | p[i];
      s.lanes[s.buffered / 8] ^= lane;
      s.buffered += 8;
      p += 8;
      n -= 8;
    } else {
      s.lanes[s.buffered / 8] ^= std::uint64_t(*p++) << (8 * (s.buffered % 8));
      ++s.buffered;
      --n;
    }
    if (s.buffered == s.rate) {
      keccak_f(s.lanes);
      s.buffered = 0;
    }
  }
}

std::string squeeze(Sha3State s, std::size_t length) {
  s.lanes[s.buffered / 8] ^= std::uint64_t(s.suffix) << (8 * (s.buffered % 8));
  s.lanes[(s.rate - 1) / 8] ^= std::uint64_t(0x80) << (8 * ((s.rate - 1) % 8));
  keccak_f(s.lanes);
  std::string out;
  out.reserve(length);
  for (;;) {
    for (std::uint32_t i = 0; i < s.rate && out.size() < length; ++i)
      out.push_back(static_cast<char>(s.lanes[i / 8] >> (8 * (i % 8))));
    if (out.size() == length) return out;
    keccak_f(s.lanes);
  }
}

struct Kind {
  const char* name;
  NativeFn new_fn;
  bool shake; // digest() and hexdigest() take a length
};

const Sha3State* state_rd(Value self) {
  return hash_state<Sha3State>(self);
}

std::string kind_name(const Sha3State& s) {
  std::uint32_t capacity = 1600 - 8 * s.rate;
  return s.digest_size ? "sha3_" + std::to_string(s.digest_size * 8)
                       : "shake_" + std::to_string(capacity / 2);
}

Value sha3_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames, std::uint32_t rate,
               std::uint32_t digest_size) {
  // CPython names sha3_224 in every class's argument errors.
  static const char* const kAllowed[] = {"usedforsecurity", nullptr};
  if (!check_keywords(t, "sha3_224", kwnames, kAllowed, true)) return {};
  std::size_t npos = nargs - keyword_count(kwnames) - 1; // args[0] is the class
  if (npos > 1)
    return raisef(t, exc(E_TypeError), "sha3_224() takes at most 1 positional argument (%zu given)",
                  npos);
  if (Value v = keyword_arg(kwnames, args, nargs, "usedforsecurity"); v && truthy(t, v) < 0)
    return {};
  Sha3State s{};
  s.rate = rate;
  s.digest_size = digest_size;
  s.suffix = digest_size ? 0x06 : 0x1f;
  Value self = hash_object_new(t, args[0], &s, sizeof s);
  if (!self) return {};
  if (npos && !hash_update<Sha3State>(t, self, args[1], absorb)) return {};
  return self;
}

// One constructor a class. The rate is 200 bytes less twice the digest (SHA-3) or less a
// quarter of the security level in bits (SHAKE).
template <std::uint32_t Rate, std::uint32_t DigestSize>
Value sha3_new_of(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  return sha3_new(t, args, nargs, kwnames, Rate, DigestSize);
}

std::string method_name(Value self, const char* method) {
  return kind_name(*state_rd(self)) + "." + method;
}

INTERP_NATIVE(sha3_update) {
  if (!check_positional(t, method_name(args[0], "update").c_str(), nargs, kwnames, 1, 1)) return {};
  return hash_update<Sha3State>(t, args[0], args[1], absorb) ? none() : Value();
}

INTERP_NATIVE(sha3_digest) {
  if (!check_positional(t, method_name(args[0], "digest").c_str(), nargs, kwnames, 0, 0)) return {};
  return bytes_new(t, squeeze(*state_rd(args[0]), state_rd(args[0])->digest_size));
}

INTERP_NATIVE(sha3_hexdigest) {
  if (!check_positional(t, method_name(args[0], "hexdigest").c_str(), nargs, kwnames, 0, 0))
    return {};
  return hash_hex(t, squeeze(*state_rd(args[0]), state_rd(args[0])->digest_size));
}

// SHAKE's digest(length) and hexdigest(length): the first `length` bytes of the output.
bool shake_output(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                  const char* method, std::string& out) {
  if (!check_positional(t, method_name(args[0], method).c_str(), nargs, kwnames, 1, 1))
    return false;
  std::uint64_t length;
  if (!hash_unsigned_arg(t, args[1], length, "Python int too large to convert to C unsigned long"))
    return false;
  if (length >= (1u << 29)) {
    raise(t, exc(E_ValueError), "length is too large");
    return false;
  }
  out = squeeze(*state_rd(args[0]), std::size_t(length));
  return true;
}

INTERP_NATIVE(shake_digest) {
  std::string out;
  return shake_output(t, args, nargs, kwnames, "digest", out) ? bytes_new(t, out) : Value();
}

INTERP_NATIVE(shake_hexdigest) {
  std::string out;
  return shake_output(t, args, nargs, kwnames, "hexdigest", out) ? hash_hex(t, out) : Value();
}

INTERP_NATIVE(sha3_copy) {
  if (!check_positional(t, method_name(args[0], "copy").c_str(), nargs, kwnames, 0, 0)) return {};
  Sha3State s = *state_rd(args[0]);
  return hash_object_new(t, type_of(args[0]), &s, sizeof s);
}

INTERP_NATIVE(sha3_name) {
  return str_from_ascii(t, kind_name(*state_rd(args[0])));
}
INTERP_NATIVE(sha3_digest_size) {
  return Value::small_int(state_rd(args[0])->digest_size);
}
INTERP_NATIVE(sha3_block_size) {
  return Value::small_int(state_rd(args[0])->rate);
}
INTERP_NATIVE(sha3_capacity_bits) {
  return Value::small_int(1600 - 8 * state_rd(args[0])->rate);
}
INTERP_NATIVE(sha3_rate_bits) {
  return Value::small_int(8 * state_rd(args[0])->rate);
}
INTERP_NATIVE(sha3_suffix) {
  char suffix = static_cast<char>(state_rd(args[0])->suffix);
  return bytes_new(t, std::string_view(&suffix, 1));
}

} // namespace

Value make_sha3_module(Thread& t) {
  Value m = new_module(t, "_sha3", nullptr, 0);
  if (!m) return {};
  static const Kind kKinds[] = {
      {"sha3_224", sha3_new_of<144, 28>, false}, {"sha3_256", sha3_new_of<136, 32>, false},
      {"sha3_384", sha3_new_of<104, 48>, false}, {"sha3_512", sha3_new_of<72, 64>, false},
      {"shake_128", sha3_new_of<168, 0>, true},  {"shake_256", sha3_new_of<136, 0>, true},
  };
  for (const Kind& k : kKinds) {
    Value cls = new_type(t, k.name, "_sha3", Layout::Instance, {}, false);
    if (!cls) return {};
    add_staticmethod(t, cls, "__new__", k.new_fn);
    add_method(t, cls, "update", sha3_update);
    add_method(t, cls, "digest", k.shake ? shake_digest : sha3_digest);
    add_method(t, cls, "hexdigest", k.shake ? shake_hexdigest : sha3_hexdigest);
    add_method(t, cls, "copy", sha3_copy);
    add_getter(t, cls, "name", sha3_name);
    add_getter(t, cls, "digest_size", sha3_digest_size);
    add_getter(t, cls, "block_size", sha3_block_size);
    add_getter(t, cls, "_capacity_bits", sha3_capacity_bits);
    add_getter(t, cls, "_rate_bits", sha3_rate_bits);
    add_getter(t, cls, "_suffix", sha3_suffix);
    update_type_flags(cls);
    module_set(t, m, k.name, cls);
  }
  return m;
}

} // namespace interp
