// Python's float(str): text to double, as the float constructor reads a string.
// Accepts surrounding whitespace (Unicode whitespace included), a sign, decimal digits of
// any script (Unicode category Nd), underscores only between digits as in literals,
// "inf", "infinity" and "nan" in any case; never hexadecimal. Correctly rounded and
// independent of the C locale.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "interp/num/float_result.h"

namespace interp::num {

// The value of `text` (UTF-8), or nullopt when float() would reject it.
std::optional<double> parse_float_text(std::string_view text);

// float(text): on failure, the ValueError "could not convert string to float: <repr>",
// where `repr_of` gives Python's repr() of the original text (it runs only on failure).
FloatResult<double> float_from_string(std::string_view text,
                                      const std::function<std::string(std::string_view)>& repr_of);

// The ValueError float() raises, given the repr of the rejected string.
FloatError float_from_string_error(std::string_view text_repr);

// The value of an ASCII decimal literal with no whitespace and no underscores, or
// nullopt: [sign] digits [. digits] [e [sign] digits], or inf/infinity/nan. Overflow
// gives an infinity and underflow a zero, as Python's float() does.
std::optional<double> parse_plain_decimal(std::string_view text);

} // namespace interp::num
