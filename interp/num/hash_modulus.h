// interp/num/hash_modulus.h - the modulus of Python's numeric hash, shared by int and float
// so that equal numbers hash equal.
#pragma once

#include <cstdint>

namespace interp::num {

inline constexpr std::uint64_t kHashModulus = (std::uint64_t{1} << 61) - 1;

} // namespace interp::num
