// interp/modules/hash_support.h - what the hash modules (_sha512, _blake2, _sha3) share.
//
// A hash object's running state is a plain struct kept in a Bytes object in the heap;
// update() hashes into a copy and writes it back through wr<>, so a transaction that
// aborts takes its updates back with it.
#pragma once

#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

namespace interp {

struct HashObject : Object {
  Value state; // Bytes holding the algorithm's state struct
};

// The bytes a hash constructor or update() takes: any buffer but str, with CPython's
// TypeErrors ("Strings must be encoded before hashing", "object supporting the buffer
// API required").
bool hash_data_of(Thread& t, Value v, std::string& out);

// A new instance of `cls` holding a copy of the `size` bytes of `state`.
Value hash_object_new(Thread& t, Value cls, const void* state, std::size_t size);

template <class State> const State* hash_state(Value self) {
  return reinterpret_cast<const State*>(rd<BytesObject>(rd<HashObject>(self)->state)->data);
}

// An unsigned argument as CPython's unsigned long converter takes it: an int (__index__
// is not consulted), not negative, below 2**64; `overflow` is the OverflowError's message
// for larger ones.
bool hash_unsigned_arg(Thread& t, Value v, std::uint64_t& out, const char* overflow);

// `bytes` as lowercase hex digits, in a str.
Value hash_hex(Thread& t, std::string_view bytes);

// Hashes the bytes of `data` into self's state with absorb(state, p, n): long inputs a
// megabyte at a time with a safe point between.
template <class State, class Absorb>
bool hash_update(Thread& t, Value self, Value data, Absorb absorb) {
  std::string bytes;
  if (!hash_data_of(t, data, bytes)) return false;
  State s = *hash_state<State>(self);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::size_t at = 0; at < bytes.size(); at += 1 << 20) {
    absorb(s, p + at, std::min<std::size_t>(bytes.size() - at, 1 << 20));
    stm::safe_point();
  }
  *reinterpret_cast<State*>(wr<BytesObject>(rd<HashObject>(self)->state)->data) = s;
  return true;
}

} // namespace interp
