// interp/modules/random.cc - the _random module: the Random class that random.py builds
// on, a Mersenne Twister (MT19937) seeded exactly as CPython seeds it, so that a seeded
// program draws the same numbers here as under CPython.
//
// The generator's state changes on every draw, and several threads may draw from one
// Random at once, so it lives in the heap (a Bytes object written through wr<>, as
// bytearray does with its storage): an aborted transaction rolls the draws back with it.
#include "interp/modules/module_support.h"
#include "interp/objects/numbers.h"
#include "interp/ops.h"

#include <sys/random.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <vector>

namespace interp {

namespace {

constexpr int kN = 624; // state words
constexpr int kM = 397; // the twist's offset

struct MtState {
  std::uint32_t words[kN];
  std::int32_t index; // next word to temper; kN: twist first
};

struct RandomObject : Object {
  Value state; // Bytes holding an MtState
};

const MtState* state_rd(Value self) {
  return reinterpret_cast<const MtState*>(rd<BytesObject>(rd<RandomObject>(self)->state)->data);
}
MtState* state_wr(Value self) {
  return reinterpret_cast<MtState*>(wr<BytesObject>(rd<RandomObject>(self)->state)->data);
}

// Regenerates all kN words from the previous ones (the "twist").
void twist(MtState& s) {
  auto mix = [](std::uint32_t upper, std::uint32_t lower, std::uint32_t far) {
    std::uint32_t y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
    return far ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
  };
  for (int k = 0; k < kN; ++k)
    s.words[k] = mix(s.words[k], s.words[(k + 1) % kN], s.words[(k + kM) % kN]);
  s.index = 0;
}

std::uint32_t next_word(MtState& s) {
  if (s.index >= kN) twist(s);
  std::uint32_t y = s.words[s.index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

void seed_word(MtState& s, std::uint32_t seed) {
  s.words[0] = seed;
  for (std::uint32_t i = 1; i < kN; ++i)
    s.words[i] = 1812433253u * (s.words[i - 1] ^ (s.words[i - 1] >> 30)) + i;
  s.index = kN;
}

// The reference initialization from a key of 32-bit words (what CPython's seed uses).
void seed_key(MtState& s, const std::vector<std::uint32_t>& key) {
  seed_word(s, 19650218u);
  std::size_t i = 1, j = 0;
  std::size_t n = key.empty() ? 1 : key.size();
  auto wrap = [&] {
    if (++i >= std::size_t(kN)) {
      s.words[0] = s.words[kN - 1];
      i = 1;
    }
  };
  for (std::size_t k = std::max<std::size_t>(kN, n); k; --k) {
    std::uint32_t prev = s.words[i - 1];
    s.words[i] = (s.words[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + (key.empty() ? 0u : key[j]) +
                 std::uint32_t(j);
    wrap();
    if (++j >= n) j = 0;
  }
  for (std::size_t k = kN - 1; k; --k) {
    std::uint32_t prev = s.words[i - 1];
    s.words[i] = (s.words[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - std::uint32_t(i);
    wrap();
  }
  s.words[0] = 0x80000000u; // never an all-zero state
}

// The 32-bit words of |n|, least significant first (at least one).
std::vector<std::uint32_t> magnitude_words(Value n) {
  num::BigInt big = int_big(n);
  std::vector<std::uint32_t> key;
  for (std::size_t i = 0; i < big.size(); ++i) {
    key.push_back(std::uint32_t(big.limbs()[i]));
    key.push_back(std::uint32_t(big.limbs()[i] >> 32));
  }
  while (key.size() > 1 && key.back() == 0)
    key.pop_back();
  if (key.empty()) key.push_back(0);
  return key;
}

std::vector<std::uint32_t> entropy_words() {
  std::vector<std::uint32_t> key(kN);
  std::size_t want = key.size() * sizeof(std::uint32_t), got = 0;
  auto* bytes = reinterpret_cast<unsigned char*>(key.data());
  while (got < want) {
    ssize_t r = getrandom(bytes + got, want - got, GRND_NONBLOCK);
    if (r <= 0) break;
    got += std::size_t(r);
  }
  if (got < want) {
    // No entropy source: time and pid, as CPython falls back to.
    auto now = std::chrono::system_clock::now().time_since_epoch().count();
    key.assign(
        {std::uint32_t(now), std::uint32_t(std::uint64_t(now) >> 32), std::uint32_t(getpid())});
  }
  return key;
}

bool seed_from(Thread& t, Value self, Value arg) {
  std::vector<std::uint32_t> key;
  if (!arg || arg == none()) {
    key = entropy_words();
  } else if (int_check(arg)) {
    key = magnitude_words(arg);
  } else {
    // Any other hashable seeds by its hash, read as an unsigned word.
    std::int64_t h;
    if (!hash(t, arg, h)) return false;
    std::uint64_t u = std::uint64_t(h);
    key.push_back(std::uint32_t(u));
    if (u >> 32) key.push_back(std::uint32_t(u >> 32));
  }
  seed_key(*state_wr(self), key);
  return true;
}

INTERP_NATIVE(random_new) {
  Value self = allocate(t, Layout::Instance, args[0], sizeof(RandomObject));
  if (!self) return {};
  Value state = bytes_new(t, std::string(sizeof(MtState), '\0'));
  if (!state) return {};
  fresh<RandomObject>(self)->state = state;
  MtState s;
  seed_key(s, entropy_words());
  std::memcpy(fresh<BytesObject>(state)->data, &s, sizeof s);
  return self;
}

INTERP_NATIVE(random_init) {
  // Subclasses that take keywords define an __init__ of their own (random.Random does).
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "Random() takes no keyword arguments");
  std::size_t npos = nargs;
  if (npos > 2) return raise(t, exc(E_TypeError), "Random() requires 0 or 1 argument");
  return seed_from(t, args[0], npos == 2 ? args[1] : Value()) ? none() : Value();
}

INTERP_NATIVE(random_seed) {
  if (!check_positional(t, "seed", nargs, kwnames, 0, 1)) return {};
  return seed_from(t, args[0], nargs == 2 ? args[1] : Value()) ? none() : Value();
}

INTERP_NATIVE(random_random) {
  if (!check_positional(t, "Random.random", nargs, kwnames, 0, 0)) return {};
  MtState* s = state_wr(args[0]);
  // 27 + 26 random bits make the 53 of a double's mantissa.
  std::uint32_t a = next_word(*s) >> 5, b = next_word(*s) >> 6;
  return float_new(t, (a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

INTERP_NATIVE(random_getrandbits) {
  if (!check_positional(t, "getrandbits", nargs, kwnames, 1, 1)) return {};
  std::int64_t k;
  if (!index_to_i64(t, args[1], k)) return {};
  if (k < 0) return raise(t, exc(E_ValueError), "number of bits must be non-negative");
  if (k > std::int64_t(INT32_MAX))
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
  if (k == 0) return Value::small_int(0);
  if (k <= 32) return int_from_i64(t, next_word(*state_wr(args[0])) >> (32 - k));
  // Words are drawn least significant first; the last one keeps its top bits.
  num::BigInt out;
  std::size_t nwords = std::size_t((k - 1) / 32 + 1);
  num::Limb* limbs = out.resize_for_write((nwords + 1) / 2);
  std::int64_t left = k;
  for (std::size_t i = 0; i < nwords; ++i, left -= 32) {
    if ((i & 0xffff) == 0xffff) stm::safe_point(); // no view pointer is held here
    std::uint32_t w = next_word(*state_wr(args[0]));
    if (left < 32) w >>= (32 - left);
    limbs[i / 2] |= num::Limb(w) << (32 * (i % 2));
  }
  out.normalize();
  return int_from_big(t, out);
}

INTERP_NATIVE(random_getstate) {
  if (!check_positional(t, "getstate", nargs, kwnames, 0, 0)) return {};
  Value tuple = tuple_new(t, kN + 1);
  if (!tuple) return {};
  for (int i = 0; i <= kN; ++i) {
    const MtState* s = state_rd(args[0]); // again after each allocation
    Value v = int_from_i64(t, i < kN ? std::int64_t(s->words[i]) : s->index);
    if (!v) return {};
    tuple_init(tuple, std::size_t(i), v);
  }
  return tuple;
}

INTERP_NATIVE(random_setstate) {
  if (!check_positional(t, "setstate", nargs, kwnames, 1, 1)) return {};
  Value state = args[1];
  if (!isinstance(state, T_tuple))
    return raise(t, exc(E_TypeError), "state vector must be a tuple");
  if (tuple_length(state) != kN + 1)
    return raise(t, exc(E_ValueError), "state vector is the wrong size");
  MtState s;
  for (int i = 0; i <= kN; ++i) {
    Value item = tuple_item(state, i);
    if (!int_check(item))
      return raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                    type_name_of(item).c_str());
    num::BigInt big = int_big(item);
    if (i < kN) {
      if (big.is_negative())
        return raise(t, exc(E_OverflowError), "can't convert negative value to unsigned int");
      if (big.size() > 1)
        return raise(t, exc(E_OverflowError), "Python int too large to convert to C unsigned long");
      s.words[i] = big.size() ? std::uint32_t(big.limbs()[0]) : 0;
    } else {
      if (!big.fits_int64() || big.to_int64() < 0 || big.to_int64() > kN)
        return raise(t, exc(E_ValueError), "invalid state");
      s.index = std::int32_t(big.to_int64());
    }
  }
  *state_wr(args[0]) = s;
  return none();
}

} // namespace

Value make_random_module(Thread& t) {
  Value m = new_module(t, "_random", nullptr, 0);
  if (!m) return {};
  Value cls = new_type(t, "Random", "_random", Layout::Instance);
  if (!cls) return {};
  static const ModuleFunction kMethods[] = {
      {"__init__", random_init},     {"seed", random_seed},
      {"random", random_random},     {"getrandbits", random_getrandbits},
      {"getstate", random_getstate}, {"setstate", random_setstate},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, cls, f.name, f.fn);
  add_staticmethod(t, cls, "__new__", random_new);
  update_type_flags(cls);
  module_set(t, m, "Random", cls);
  return m;
}

} // namespace interp
