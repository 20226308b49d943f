// interp/modules/hash_support.h - what the hash modules share. _md5, _sha1, _sha256 and
// _sha512 share the whole hash object (update, digest, hexdigest, copy, name,
// digest_size, block_size) and the constructor, around an algorithm described by a
// HashAlgorithm, and the Merkle-Damgard block buffering and length padding. _blake2 and
// _sha3, whose constructors and methods differ, share the state object and its helpers
// (the second part of this file).
//
// A hash object's running state lives in a Bytes object in the heap (update() writes it
// through wr<>), so a transaction that aborts takes its updates back with it.
#pragma once

#include "interp/modules/module_support.h"
#include "interp/ops.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace interp {

// The most bytes of running state an algorithm may keep.
constexpr std::size_t kMaxHashState = 1024;

struct HashAlgorithm {
  const char* name;        // "sha256": the constructor's name, the type's and .name
  const char* module_name; // "_sha256"
  const char* type_attr;   // "SHA256Type": the module attribute holding the type
  std::uint32_t digest_size;
  std::uint32_t block_size;
  std::uint32_t state_size; // at most kMaxHashState
  // The state (16-byte aligned, state_size bytes) of an empty message.
  void (*init)(void* state);
  void (*absorb)(void* state, const unsigned char* data, std::size_t n);
  // Writes digest_size bytes; the state stays as it was.
  void (*finish)(const void* state, unsigned char* digest, std::size_t digest_size);
};

// name(string=b'', *, usedforsecurity=True): a new hash object of `alg`, fed `string`.
Value hash_new(Thread& t, const HashAlgorithm& alg, const Value* args, std::size_t nargs,
               Value kwnames);

// hash_new for Alg, as a native function.
template <const HashAlgorithm& Alg>
Value hash_constructor(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  return hash_new(t, Alg, args, nargs, kwnames);
}

// Module `module_name` with, for each algorithm, its constructor hash_constructor<alg>
// (named alg.name) and its type (named alg.name, module attribute alg.type_attr).
struct HashEntry {
  const HashAlgorithm* alg;
  NativeFn constructor;
};
template <const HashAlgorithm& Alg> constexpr HashEntry hash_entry() {
  return {&Alg, hash_constructor<Alg>};
}
Value new_hash_module(Thread& t, const char* module_name, const HashEntry* entries, std::size_t n);

// A word of `Word`'s size read from `p`, most significant byte first when BigEndian.
template <typename Word, bool BigEndian> Word load_word(const unsigned char* p) {
  Word w = 0;
  for (std::size_t b = 0; b < sizeof(Word); ++b)
    w |= Word(p[b]) << (8 * (BigEndian ? sizeof(Word) - 1 - b : b));
  return w;
}

template <typename Word> constexpr Word rotl(Word x, int n) {
  return Word(x << n) | Word(x >> (8 * sizeof(Word) - n));
}
template <typename Word> constexpr Word rotr(Word x, int n) {
  return Word(x >> n) | Word(x << (8 * sizeof(Word) - n));
}

// The buffering and padding of a Merkle-Damgard hash whose chaining value is at most 8
// words and whose compression function takes Block bytes: the message is followed by a
// 1 bit, zeros, and its length in bits in 2 * sizeof(Word) bytes; the digest is the
// chaining value's first bytes. BigEndian says how words are read and written (SHA: big,
// MD5: little).
template <typename Word, std::size_t Block, bool BigEndian,
          void (*Compress)(Word* h, const unsigned char* block)>
struct MerkleDamgard {
  struct State {
    Word h[8];
    std::uint64_t total; // bytes hashed so far
    std::uint32_t buffered;
    unsigned char buffer[Block];
  };
  static_assert(sizeof(State) <= kMaxHashState);

  static void start(void* p, const Word* words, std::size_t n) {
    State& s = *static_cast<State*>(p);
    s = State{};
    std::copy(words, words + n, s.h);
  }

  static void absorb(void* p, const unsigned char* data, std::size_t n) {
    State& s = *static_cast<State*>(p);
    s.total += n;
    if (s.buffered) {
      std::size_t take = std::min(n, Block - s.buffered);
      std::memcpy(s.buffer + s.buffered, data, take);
      s.buffered += std::uint32_t(take);
      data += take;
      n -= take;
      if (s.buffered < Block) return;
      Compress(s.h, s.buffer);
      s.buffered = 0;
    }
    for (; n >= Block; data += Block, n -= Block)
      Compress(s.h, data);
    std::memcpy(s.buffer, data, n);
    s.buffered = std::uint32_t(n);
  }

  static void finish(const void* p, unsigned char* digest, std::size_t digest_size) {
    State s = *static_cast<const State*>(p);
    constexpr std::size_t kLength = 2 * sizeof(Word);
    std::uint64_t bits = s.total * 8;
    unsigned char pad[2 * Block] = {0x80};
    std::size_t padlen = (s.buffered < Block - kLength ? Block : 2 * Block) - kLength - s.buffered;
    unsigned char length[kLength] = {};
    for (std::size_t i = 0; i < 8; ++i)
      length[BigEndian ? kLength - 1 - i : i] = static_cast<unsigned char>(bits >> (8 * i));
    absorb(&s, pad, padlen);
    absorb(&s, length, kLength);
    for (std::size_t i = 0; i < digest_size; ++i) {
      std::size_t b = i % sizeof(Word);
      digest[i] = static_cast<unsigned char>(s.h[i / sizeof(Word)] >>
                                             (8 * (BigEndian ? sizeof(Word) - 1 - b : b)));
    }
  }
};

// ---- hash objects with types of their own (_blake2, _sha3) -----------------------------

struct HashStateObject : Object {
  Value state; // Bytes holding the algorithm's state struct
};

// The bytes a hash constructor or update() takes: any buffer but str, with CPython's
// TypeErrors ("Strings must be encoded before hashing", "object supporting the buffer
// API required").
bool hash_data_of(Thread& t, Value v, std::string& out);

// A new instance of `cls` holding a copy of the `size` bytes of `state`.
Value hash_object_new(Thread& t, Value cls, const void* state, std::size_t size);

template <class State> const State* hash_state(Value self) {
  return reinterpret_cast<const State*>(rd<BytesObject>(rd<HashStateObject>(self)->state)->data);
}

// An unsigned argument as CPython's unsigned long converter takes it: an int (__index__
// is not consulted), not negative, below 2**64; `overflow` is the OverflowError's message
// for larger ones.
bool hash_unsigned_arg(Thread& t, Value v, std::uint64_t& out, const char* overflow);

// `bytes` as lowercase hex digits, in a str.
Value hash_hex(Thread& t, std::string_view bytes);

// Feeds `bytes` to absorb(p, n) a megabyte at a time, with a safe point between: a long
// input does not keep a committer waiting.
template <class Absorb> void absorb_in_pieces(std::string_view bytes, Absorb absorb) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::size_t at = 0; at < bytes.size(); at += 1 << 20) {
    absorb(p + at, std::min<std::size_t>(bytes.size() - at, 1 << 20));
    stm::safe_point();
  }
}

// Hashes the bytes of `data` into self's state with absorb(state, p, n).
template <class State, class Absorb>
bool hash_update(Thread& t, Value self, Value data, Absorb absorb) {
  std::string bytes;
  if (!hash_data_of(t, data, bytes)) return false;
  State s = *hash_state<State>(self);
  absorb_in_pieces(bytes, [&](const unsigned char* p, std::size_t n) { absorb(s, p, n); });
  *reinterpret_cast<State*>(wr<BytesObject>(rd<HashStateObject>(self)->state)->data) = s;
  return true;
}

} // namespace interp
