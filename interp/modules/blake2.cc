// interp/modules/blake2.cc - the _blake2 module: BLAKE2b and BLAKE2s (RFC 7693), with
// keys, salts, personalization and the tree-hashing parameters.
//
// hashlib takes blake2b and blake2s from here. Both variants are one template on the
// word type: BLAKE2b works on 64-bit words (128-byte blocks, 12 rounds), BLAKE2s on
// 32-bit words (64-byte blocks, 10 rounds). The running state lives in the heap as
// hash_support.h describes.
#include "interp/modules/hash_support.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

// The message word schedule of each round (RFC 7693 section 2.7); round i uses row i % 10.
constexpr unsigned char kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

template <class W> struct Variant;

template <> struct Variant<std::uint64_t> {
  static constexpr const char* kName = "blake2b";
  static constexpr int kRounds = 12;
  static constexpr int kRotate[4] = {32, 24, 16, 63};
  static constexpr std::size_t kNodeOffsetBytes = 8;
  // SHA-512's initial hash values.
  static constexpr std::uint64_t kIv[8] = {
      0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
      0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
  };
};

template <> struct Variant<std::uint32_t> {
  static constexpr const char* kName = "blake2s";
  static constexpr int kRounds = 10;
  static constexpr int kRotate[4] = {16, 12, 8, 7};
  static constexpr std::size_t kNodeOffsetBytes = 6;
  // SHA-256's initial hash values.
  static constexpr std::uint32_t kIv[8] = {
      0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
      0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
  };
};

// Sizes in bytes, all from the word size: the block is 16 words, the parameter block 8,
// the longest digest and key 8 words, salt and personalization 2 words each.
template <class W> struct Sizes {
  static constexpr std::size_t kBlock = 16 * sizeof(W);
  static constexpr std::size_t kParams = 8 * sizeof(W);
  static constexpr std::size_t kMaxDigest = 8 * sizeof(W);
  static constexpr std::size_t kMaxKey = 8 * sizeof(W);
  static constexpr std::size_t kSalt = 2 * sizeof(W);
  static constexpr std::size_t kPerson = 2 * sizeof(W);
};

template <class W> struct State {
  W h[8];
  W counter[2]; // bytes compressed so far, low word first
  W last_node;  // all ones when this is the last node of its layer of a tree
  std::uint32_t buffered;
  std::uint32_t digest_size;
  unsigned char buffer[Sizes<W>::kBlock];
};

template <class W> W load_le(const unsigned char* p) {
  W w = 0;
  for (std::size_t i = sizeof(W); i-- > 0;)
    w = (w << 8) | p[i];
  return w;
}

template <class W> W rotr(W x, int n) {
  return (x >> n) | (x << (8 * sizeof(W) - n));
}

template <class W> void compress(State<W>& s, const unsigned char* block, bool final) {
  using V = Variant<W>;
  W m[16], v[16];
  for (int i = 0; i < 16; ++i)
    m[i] = load_le<W>(block + i * sizeof(W));
  for (int i = 0; i < 8; ++i) {
    v[i] = s.h[i];
    v[i + 8] = V::kIv[i];
  }
  v[12] ^= s.counter[0];
  v[13] ^= s.counter[1];
  if (final) {
    v[14] = ~v[14];
    v[15] ^= s.last_node;
  }
  auto mix = [&v](int a, int b, int c, int d, W x, W y) {
    v[a] = v[a] + v[b] + x;
    v[d] = rotr<W>(v[d] ^ v[a], V::kRotate[0]);
    v[c] = v[c] + v[d];
    v[b] = rotr<W>(v[b] ^ v[c], V::kRotate[1]);
    v[a] = v[a] + v[b] + y;
    v[d] = rotr<W>(v[d] ^ v[a], V::kRotate[2]);
    v[c] = v[c] + v[d];
    v[b] = rotr<W>(v[b] ^ v[c], V::kRotate[3]);
  };
  for (int round = 0; round < V::kRounds; ++round) {
    const unsigned char* z = kSigma[round % 10];
    // Columns, then diagonals.
    mix(0, 4, 8, 12, m[z[0]], m[z[1]]);
    mix(1, 5, 9, 13, m[z[2]], m[z[3]]);
    mix(2, 6, 10, 14, m[z[4]], m[z[5]]);
    mix(3, 7, 11, 15, m[z[6]], m[z[7]]);
    mix(0, 5, 10, 15, m[z[8]], m[z[9]]);
    mix(1, 6, 11, 12, m[z[10]], m[z[11]]);
    mix(2, 7, 8, 13, m[z[12]], m[z[13]]);
    mix(3, 4, 9, 14, m[z[14]], m[z[15]]);
  }
  for (int i = 0; i < 8; ++i)
    s.h[i] ^= v[i] ^ v[i + 8];
}

template <class W> void count(State<W>& s, std::size_t n) {
  s.counter[0] += W(n);
  if (s.counter[0] < W(n)) ++s.counter[1];
}

// The last block is compressed only by finish(), with the final flag: a full buffer
// waits until more data comes.
template <class W> void absorb(State<W>& s, const unsigned char* data, std::size_t n) {
  constexpr std::size_t kBlock = Sizes<W>::kBlock;
  while (n) {
    if (s.buffered == kBlock) {
      count(s, kBlock);
      compress(s, s.buffer, false);
      s.buffered = 0;
    }
    std::size_t take = std::min(n, kBlock - s.buffered);
    std::memcpy(s.buffer + s.buffered, data, take);
    s.buffered += std::uint32_t(take);
    data += take;
    n -= take;
  }
}

template <class W> std::string finish(State<W> s) {
  count(s, s.buffered);
  std::memset(s.buffer + s.buffered, 0, Sizes<W>::kBlock - s.buffered);
  compress(s, s.buffer, true);
  std::string out;
  for (std::uint32_t i = 0; i < s.digest_size; ++i)
    out.push_back(static_cast<char>(s.h[i / sizeof(W)] >> (8 * (i % sizeof(W)))));
  return out;
}

// An int argument as CPython's "i" converter takes it (__index__ included).
bool int_arg(Thread& t, Value v, int& out) {
  std::int64_t wide;
  if (!index_to_i64(t, v, wide)) {
    if (!matches(t, exc(E_OverflowError))) return false;
    clear_pending(t);
    wide = INT64_MAX;
  }
  if (wide < INT32_MIN || wide > INT32_MAX) {
    raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
    return false;
  }
  out = int(wide);
  return true;
}

bool in_byte_range(Thread& t, int v, int low, const char* what) {
  if (v >= low && v <= 255) return true;
  raisef(t, exc(E_ValueError), "%s must be between %d and 255", what, low);
  return false;
}

template <class W>
Value blake2_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  using Z = Sizes<W>;
  const char* fname = Variant<W>::kName;
  static const char* const kAllowed[] = {
      "digest_size", "key",         "salt",       "person",     "fanout",    "depth",
      "leaf_size",   "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity",
      nullptr};
  if (!check_keywords(t, fname, kwnames, kAllowed, true)) return {};
  std::size_t npos = nargs - keyword_count(kwnames) - 1; // args[0] is the class
  if (npos > 1)
    return raisef(t, exc(E_TypeError), "%s() takes at most 1 positional argument (%zu given)",
                  fname, npos);
  Value data = npos ? args[1] : Value();
  auto kw = [&](const char* name) { return keyword_arg(kwnames, args, nargs, name); };

  // Conversions first, in the order of the signature; then the range checks.
  int digest_size = int(Z::kMaxDigest), fanout = 1, depth = 1, node_depth = 0, inner_size = 0;
  std::uint64_t leaf_size = 0, node_offset = 0;
  std::string key, salt, person;
  if (Value v = kw("digest_size"); v && !int_arg(t, v, digest_size)) return {};
  if (Value v = kw("key"); v && !need_buffer(t, v, key)) return {};
  if (Value v = kw("salt"); v && !need_buffer(t, v, salt)) return {};
  if (Value v = kw("person"); v && !need_buffer(t, v, person)) return {};
  if (Value v = kw("fanout"); v && !int_arg(t, v, fanout)) return {};
  if (Value v = kw("depth"); v && !int_arg(t, v, depth)) return {};
  if (Value v = kw("leaf_size");
      v &&
      !hash_unsigned_arg(t, v, leaf_size, "Python int too large to convert to C unsigned long"))
    return {};
  if (Value v = kw("node_offset");
      v && !hash_unsigned_arg(t, v, node_offset, "int too big to convert"))
    return {};
  if (Value v = kw("node_depth"); v && !int_arg(t, v, node_depth)) return {};
  if (Value v = kw("inner_size"); v && !int_arg(t, v, inner_size)) return {};
  bool last_node = false;
  if (Value v = kw("last_node")) {
    int truth = truthy(t, v);
    if (truth < 0) return {};
    last_node = truth;
  }
  if (Value v = kw("usedforsecurity"); v && truthy(t, v) < 0) return {};

  if (digest_size < 1 || digest_size > int(Z::kMaxDigest))
    return raisef(t, exc(E_ValueError), "digest_size must be between 1 and %zu bytes",
                  Z::kMaxDigest);
  if (salt.size() > Z::kSalt)
    return raisef(t, exc(E_ValueError), "maximum salt length is %zu bytes", Z::kSalt);
  if (person.size() > Z::kPerson)
    return raisef(t, exc(E_ValueError), "maximum person length is %zu bytes", Z::kPerson);
  if (!in_byte_range(t, fanout, 0, "fanout") || !in_byte_range(t, depth, 1, "depth")) return {};
  if (leaf_size > 0xffffffffu) return raise(t, exc(E_OverflowError), "leaf_size is too large");
  if (node_offset > ~std::uint64_t(0) >> (64 - 8 * Variant<W>::kNodeOffsetBytes))
    return raise(t, exc(E_OverflowError), "node_offset is too large");
  if (!in_byte_range(t, node_depth, 0, "node_depth")) return {};
  if (inner_size < 0 || inner_size > int(Z::kMaxDigest))
    return raisef(t, exc(E_ValueError), "inner_size must be between 0 and is %zu", Z::kMaxDigest);
  if (key.size() > Z::kMaxKey)
    return raisef(t, exc(E_ValueError), "maximum key length is %zu bytes", Z::kMaxKey);

  // The parameter block (RFC 7693 section 2.5), XORed into the initial state.
  unsigned char params[Z::kParams] = {};
  params[0] = static_cast<unsigned char>(digest_size);
  params[1] = static_cast<unsigned char>(key.size());
  params[2] = static_cast<unsigned char>(fanout);
  params[3] = static_cast<unsigned char>(depth);
  for (int i = 0; i < 4; ++i)
    params[4 + i] = static_cast<unsigned char>(leaf_size >> (8 * i));
  for (std::size_t i = 0; i < Variant<W>::kNodeOffsetBytes; ++i)
    params[8 + i] = static_cast<unsigned char>(node_offset >> (8 * i));
  params[8 + Variant<W>::kNodeOffsetBytes] = static_cast<unsigned char>(node_depth);
  params[9 + Variant<W>::kNodeOffsetBytes] = static_cast<unsigned char>(inner_size);
  std::memcpy(params + 4 * sizeof(W), salt.data(), salt.size());
  std::memcpy(params + 4 * sizeof(W) + Z::kSalt, person.data(), person.size());

  State<W> s{};
  for (int i = 0; i < 8; ++i)
    s.h[i] = Variant<W>::kIv[i] ^ load_le<W>(params + i * sizeof(W));
  s.digest_size = std::uint32_t(digest_size);
  s.last_node = last_node ? ~W(0) : W(0);
  // A key is hashed first, as a whole block padded with zeros.
  if (!key.empty()) {
    std::memcpy(s.buffer, key.data(), key.size());
    s.buffered = Z::kBlock;
  }
  Value self = hash_object_new(t, args[0], &s, sizeof s);
  if (!self) return {};
  if (data && !hash_update<State<W>>(t, self, data, absorb<W>)) return {};
  return self;
}

// Methods serve both classes: the state says which variant it is by its size.
bool is_b(Value self) {
  return bytes_view(rd<HashStateObject>(self)->state).size() == sizeof(State<std::uint64_t>);
}

std::string method_name(Value self, const char* method) {
  return std::string(is_b(self) ? "blake2b." : "blake2s.") + method;
}

std::string digest_of(Value self) {
  if (is_b(self)) return finish(*hash_state<State<std::uint64_t>>(self));
  return finish(*hash_state<State<std::uint32_t>>(self));
}

INTERP_NATIVE(blake2b_new) {
  return blake2_new<std::uint64_t>(t, args, nargs, kwnames);
}
INTERP_NATIVE(blake2s_new) {
  return blake2_new<std::uint32_t>(t, args, nargs, kwnames);
}

INTERP_NATIVE(blake2_update) {
  if (!check_positional(t, method_name(args[0], "update").c_str(), nargs, kwnames, 1, 1)) return {};
  bool ok = is_b(args[0])
                ? hash_update<State<std::uint64_t>>(t, args[0], args[1], absorb<std::uint64_t>)
                : hash_update<State<std::uint32_t>>(t, args[0], args[1], absorb<std::uint32_t>);
  return ok ? none() : Value();
}

INTERP_NATIVE(blake2_digest) {
  if (!check_positional(t, method_name(args[0], "digest").c_str(), nargs, kwnames, 0, 0)) return {};
  return bytes_new(t, digest_of(args[0]));
}

INTERP_NATIVE(blake2_hexdigest) {
  if (!check_positional(t, method_name(args[0], "hexdigest").c_str(), nargs, kwnames, 0, 0))
    return {};
  return hash_hex(t, digest_of(args[0]));
}

INTERP_NATIVE(blake2_copy) {
  if (!check_positional(t, method_name(args[0], "copy").c_str(), nargs, kwnames, 0, 0)) return {};
  std::string state(bytes_view(rd<HashStateObject>(args[0])->state));
  return hash_object_new(t, type_of(args[0]), state.data(), state.size());
}

INTERP_NATIVE(blake2_name) {
  return intern_literal(t, is_b(args[0]) ? "blake2b" : "blake2s");
}
INTERP_NATIVE(blake2_digest_size) {
  if (is_b(args[0]))
    return Value::small_int(hash_state<State<std::uint64_t>>(args[0])->digest_size);
  return Value::small_int(hash_state<State<std::uint32_t>>(args[0])->digest_size);
}
INTERP_NATIVE(blake2_block_size) {
  return Value::small_int(is_b(args[0]) ? 128 : 64);
}

template <class W> Value make_class(Thread& t, Value module, NativeFn new_fn) {
  using Z = Sizes<W>;
  const char* name = Variant<W>::kName;
  Value cls = new_type(t, name, "_blake2", Layout::Instance, {}, false);
  if (!cls) return {};
  add_staticmethod(t, cls, "__new__", new_fn);
  add_method(t, cls, "update", blake2_update);
  add_method(t, cls, "digest", blake2_digest);
  add_method(t, cls, "hexdigest", blake2_hexdigest);
  add_method(t, cls, "copy", blake2_copy);
  add_getter(t, cls, "name", blake2_name);
  add_getter(t, cls, "digest_size", blake2_digest_size);
  add_getter(t, cls, "block_size", blake2_block_size);
  const std::pair<const char*, std::size_t> constants[] = {
      {"SALT_SIZE", Z::kSalt},
      {"PERSON_SIZE", Z::kPerson},
      {"MAX_KEY_SIZE", Z::kMaxKey},
      {"MAX_DIGEST_SIZE", Z::kMaxDigest},
  };
  std::string prefix = sizeof(W) == 8 ? "BLAKE2B_" : "BLAKE2S_";
  for (auto [attr, value] : constants) {
    add_attribute(t, cls, attr, Value::small_int(std::int64_t(value)));
    module_set(t, module, (prefix + attr).c_str(), Value::small_int(std::int64_t(value)));
  }
  update_type_flags(cls);
  module_set(t, module, name, cls);
  return cls;
}

} // namespace

Value make_blake2_module(Thread& t) {
  Value m = new_module(t, "_blake2", nullptr, 0);
  if (!m) return {};
  if (!make_class<std::uint64_t>(t, m, blake2b_new)) return {};
  if (!make_class<std::uint32_t>(t, m, blake2s_new)) return {};
  return m;
}

} // namespace interp
