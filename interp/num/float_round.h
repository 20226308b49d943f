// Python's round() for floats: round(x) to the nearest integer with ties to even, and
// round(x, n) correctly rounded from the exact decimal value of x (so round(2.675, 2) is
// 2.67, because the double nearest 2.675 lies below it).
#pragma once

#include <cstdint>

#include "interp/num/float_result.h"

namespace interp::num {

// round(x) without ndigits: the integral value as a double, for the caller to convert to
// int. Errors as CPython words them: OverflowError "cannot convert float infinity to
// integer", ValueError "cannot convert float NaN to integer".
FloatResult<double> float_round_to_integer(double x);

// round(x, ndigits). Infinities, nans and zeros come back unchanged; ndigits beyond what
// a double can distinguish returns x (large ndigits) or a zero with x's sign (very
// negative ndigits). OverflowError "rounded value too large to represent" when the
// rounded value exceeds the largest double. The caller clamps a huge Python int ndigits
// into int64 range (any value past +-400 behaves the same).
FloatResult<double> float_round(double x, std::int64_t ndigits);

} // namespace interp::num
