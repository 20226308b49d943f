// interp/modules/hash_support.h - what the hash modules (_md5, _sha1, _sha256, _sha512)
// share: the hash object (update, digest, hexdigest, copy, name, digest_size, block_size)
// and the constructor, around an algorithm described by a HashAlgorithm; and the
// Merkle-Damgard block buffering and length padding of MD5 and the SHA-1/SHA-2 family.
//
// A hash object's running state lives in a Bytes object in the heap (update() writes it
// through wr<>), so a transaction that aborts takes its updates back with it.
#pragma once

#include "interp/modules/module_support.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

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

} // namespace interp
