// printf-style formatting (str % values): parsing one conversion spec and applying it to
// one value. Walking the format string, fetching values, resolving '*' and "(name)", and
// converting values (int() for %d, float() for %f, repr() for %r, the character for %c)
// are the caller's; these functions do the text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "interp/num/float_result.h"
#include "interp/num/format_value.h"

namespace interp::num {

struct PercentSpec {
  // "(name)" selects a value of the mapping operand; the key is the text between the
  // outermost parentheses (nested parentheses are allowed inside).
  bool has_key = false;
  std::string key;
  bool left = false;      // '-'
  bool plus = false;      // '+'
  bool space = false;     // ' '
  bool alternate = false; // '#'
  bool zero = false;      // '0'
  // '*' takes the width or precision from the next value: the caller stores it here
  // (a negative '*' width means left-justify with its magnitude, as in CPython).
  bool width_from_argument = false;
  std::int64_t width = -1;
  bool precision_from_argument = false;
  std::int64_t precision = -1; // "%.f" has precision 0
  // The conversion character ('%' for "%%"); length modifiers h, l, L are skipped.
  char32_t conversion = 0;
  // Byte offset just past the conversion character.
  std::size_t end = 0;
};

// Parses the spec whose '%' is at byte offset `percent_at` of the UTF-8 `format`.
// ValueErrors as CPython words them: "incomplete format", "incomplete format key",
// "width too big", "precision too big", "unsupported format character 'y' (0x79) at
// index 3" (the index counts code points of the whole format string).
FloatResult<PercentSpec> parse_percent_spec(std::string_view format, std::size_t percent_at);

// %s %r %a %c: `text` is str(), repr(), ascii() or the character; precision truncates,
// width pads with spaces ('0' is ignored).
std::string percent_format_text(std::string_view text, const PercentSpec& spec);

// %d %i %u %x %X %o on an integer: precision is a minimum digit count, '#' adds 0x / 0X /
// 0o, '0' pads with zeros after the sign and prefix.
std::string percent_format_integer(const IntegerForFormat& value, const PercentSpec& spec);

// %e %E %f %F %g %G on a float (precision 6 by default).
std::string percent_format_float(double x, const PercentSpec& spec);

} // namespace interp::num
