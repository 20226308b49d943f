// Properties of a double's exact binary value that Python exposes: hash(float) (equal to
// the hash of an equal int or Fraction), float.as_integer_ratio() and float.is_integer().
#pragma once

#include "interp/num/hash_modulus.h"

#include <cstdint>
#include <string>

#include "interp/num/float_result.h"

namespace interp::num {

// hash(x) for finite and infinite x: x reduced modulo the Mersenne prime 2**61 - 1 with
// x's sign, -1 mapped to -2; inf -> 314159, -inf -> -314159. A nan has no value hash:
// since 3.10 CPython hashes a nan by the identity of the float object, which only the
// caller knows; for a nan this function returns 0 and the caller must not use it.
std::int64_t float_hash(double x);

// The modulus of numeric hashes, 2**61 - 1.
// kHashModulus: interp/num/hash_modulus.h

// x == (negative ? -1 : 1) * mantissa * 2**exponent, with mantissa odd (or zero, with
// exponent 0): the reduced form of x.as_integer_ratio().
struct FloatBinaryRatio {
  bool negative = false;
  std::uint64_t mantissa = 0;
  int exponent = 0;
};
// Errors: OverflowError "cannot convert Infinity to integer ratio", ValueError "cannot
// convert NaN to integer ratio".
FloatResult<FloatBinaryRatio> float_binary_ratio(double x);

// x.as_integer_ratio() as decimal strings: numerator (with '-' when negative) and a
// positive denominator, in lowest terms. Same errors as float_binary_ratio.
struct FloatDecimalRatio {
  std::string numerator;
  std::string denominator;
};
FloatResult<FloatDecimalRatio> float_as_integer_ratio(double x);

// x.is_integer(): finite and integral.
bool float_is_integer(double x);

} // namespace interp::num
