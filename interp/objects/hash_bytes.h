// interp/objects/hash_bytes.h - the hash of str and bytes: SipHash-1-3 over the bytes
// CPython hashes, keyed as CPython keys it from PYTHONHASHSEED: random by default, all
// zeros for 0, and for any other seed the key CPython derives from it. Under the same
// PYTHONHASHSEED, hashes (and so the iteration order of sets of strings) are CPython's.
#pragma once

#include <cstddef>
#include <cstdint>

namespace interp {

// -1 never comes out (it becomes -2); the empty buffer hashes to 0.
std::int64_t hash_bytes(const void* data, std::size_t size);
// set_hash_seed (interp.h) chooses the key.

} // namespace interp
