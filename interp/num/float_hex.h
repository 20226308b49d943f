// float.hex() and float.fromhex(): doubles to and from C99 hexadecimal text.
#pragma once

#include <string>
#include <string_view>

#include "interp/num/float_result.h"

namespace interp::num {

// x.hex(): "0x1.8000000000000p+0" (always 13 fraction digits), "0x0.0p+0" for zero,
// subnormals as "0x0.<13 digits>p-1022", and "inf", "-inf", "nan".
std::string float_to_hex(double x);

// float.fromhex(text): optional surrounding whitespace, sign, "inf"/"infinity"/"nan" in
// any case, or an optional "0x", hex digits with an optional point and an optional binary
// exponent "p[sign]digits". Correctly rounded (ties to even). Errors: ValueError "invalid
// hexadecimal floating-point string", OverflowError "hexadecimal value too large to
// represent as a float".
FloatResult<double> float_from_hex(std::string_view text);

} // namespace interp::num
