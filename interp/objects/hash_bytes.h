// interp/objects/hash_bytes.h - the hash of str and bytes: SipHash-1-3 over the bytes
// CPython hashes, with the all-zero key that CPython uses under PYTHONHASHSEED=0. Hashes
// (and so the iteration order of sets of strings) are then the same as CPython's run
// with PYTHONHASHSEED=0, which makes programs reproducible across the two.
#pragma once

#include <cstddef>
#include <cstdint>

namespace interp {

// -1 never comes out (it becomes -2); the empty buffer hashes to 0.
std::int64_t hash_bytes(const void* data, std::size_t size);

} // namespace interp
