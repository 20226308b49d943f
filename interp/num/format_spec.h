// The format-spec mini-language of format(), str.format and f-strings:
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// parsed into a FormatSpec, with CPython 3.11's errors. Applying a spec to a value is in
// format_value.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/num/float_result.h"

namespace interp::num {

struct FormatSpec {
  char32_t fill = U' ';
  // '<', '>', '^', '=', or the type's default alignment when the spec gives none.
  char align = '>';
  bool align_given = false;
  // '+', '-', ' ', or 0 when absent (which behaves as '-').
  char sign = 0;
  bool no_negative_zero = false; // 'z'
  bool alternate = false;        // '#'
  std::int64_t width = -1;       // -1: none
  char grouping = 0;             // ',', '_', or 0
  std::int64_t precision = -1;   // -1: none
  // The presentation type; the type's default when the spec gives none ('s' for str,
  // 'd' for int, 0 for float and complex).
  char32_t type = 0;
};

// What the object's type brings to parsing: its name for messages, its default type and
// default alignment ('<' for str, '>' for numbers).
struct FormatSpecDefaults {
  std::string_view type_name;
  char32_t type = 0;
  char align = '>';
};

// Parses a UTF-8 format spec. Errors (all ValueError): "Invalid format specifier '<spec>'
// for object of type '<type>'", "Format specifier missing precision", "Too many decimal
// digits in format string", "Cannot specify both ',' and '_'.", "Cannot specify ',' with
// 'x'." (grouping a type that does not group).
FloatResult<FormatSpec> parse_format_spec(std::string_view spec,
                                          const FormatSpecDefaults& defaults);

// The ValueError "Unknown format code 'x' for object of type 'float'" (non-printable or
// non-ASCII codes are shown as '\xNN' as CPython does).
FloatError unknown_format_code(char32_t type, std::string_view type_name);

} // namespace interp::num
