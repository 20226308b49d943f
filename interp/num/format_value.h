// Applying a parsed FormatSpec (format_spec.h) to a value: what str.__format__,
// int.__format__ and float.__format__ do. Results are UTF-8; widths count code points.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "interp/num/float_result.h"
#include "interp/num/format_spec.h"

namespace interp::num {

// format(text, spec) for a str. Parse the spec with defaults {"str", 's', '<'}.
// Errors: unknown type, "Sign not allowed in string format specifier", "Negative zero
// coercion (z) not allowed in string format specifier", "Alternate form (#) not allowed
// in string format specifier", "'=' alignment not allowed in string format specifier".
FloatResult<std::string> format_string(std::string_view text, const FormatSpec& spec,
                                       std::string_view type_name = "str");

// An integer as the formatter needs it, without knowing its representation.
struct IntegerForFormat {
  bool negative = false;
  // The digits of |value| in base 2, 8, 10 or 16 (lower case, no prefix, "0" for zero).
  std::function<std::string(int base)> magnitude_digits;
  // For types e E f F g G %: the value as a double, or the caller's conversion error
  // (OverflowError "int too large to convert to float").
  std::function<FloatResult<double>()> to_double;
};

// format(n, spec) for an int (or bool). Parse the spec with defaults {"int", 'd', '>'}.
// Types b c d o x X n, and e E f F g G % through to_double. 'c' formats the code point
// (OverflowError "%c arg not in range(0x110000)" outside it; for a magnitude beyond a C
// long CPython's message differs: "Python int too large to convert to C long").
FloatResult<std::string> format_integer(const IntegerForFormat& value, const FormatSpec& spec,
                                        std::string_view type_name = "int");

// format(x, spec) for a float. Parse the spec with defaults {"float", 0, '>'}.
// Types e E f F g G n % and none (repr-like, or 'g'-like when a precision is given).
FloatResult<std::string> format_float(double x, const FormatSpec& spec,
                                      std::string_view type_name = "float");

} // namespace interp::num
