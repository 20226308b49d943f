// Parsing of the format-spec mini-language (see format_spec.h).
#include "interp/num/format_spec.h"

#include <cstdio>
#include <string>

#include "interp/num/format_text.h"

namespace interp::num {
namespace {

bool is_align(char32_t c) {
  return c == U'<' || c == U'>' || c == U'=' || c == U'^';
}
bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

// Reads a run of decimal digits; false when it exceeds what a Py_ssize_t holds.
bool read_number(const std::u32string& s, size_t& at, std::int64_t& value) {
  value = 0;
  while (at < s.size() && is_digit(s[at])) {
    std::int64_t digit = s[at] - U'0';
    if (value > (INT64_MAX - digit) / 10) return false;
    value = value * 10 + digit;
    ++at;
  }
  return true;
}

// How CPython shows a code point inside a message: itself when printable ASCII.
std::string code_in_message(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\x%x", static_cast<unsigned>(c));
  return buffer;
}

bool groups_with(char grouping, char32_t type) {
  switch (type) {
  case U'd':
  case U'e':
  case U'f':
  case U'g':
  case U'E':
  case U'G':
  case U'%':
  case U'F':
  case 0:
    return true;
  case U'b':
  case U'o':
  case U'x':
  case U'X':
    return grouping == '_';
  default:
    return false;
  }
}

} // namespace

FloatError unknown_format_code(char32_t type, std::string_view type_name) {
  return value_error("Unknown format code '" + code_in_message(type) + "' for object of type '" +
                     std::string(type_name) + "'");
}

FloatResult<FormatSpec> parse_format_spec(std::string_view spec_utf8,
                                          const FormatSpecDefaults& defaults) {
  std::u32string s = utf8_to_code_points(spec_utf8);
  FormatSpec spec;
  spec.align = defaults.align;
  spec.type = defaults.type;
  size_t at = 0;
  bool fill_given = false;
  if (s.size() >= 2 && is_align(s[1])) {
    spec.fill = s[0];
    spec.align = static_cast<char>(s[1]);
    fill_given = spec.align_given = true;
    at = 2;
  } else if (!s.empty() && is_align(s[0])) {
    spec.align = static_cast<char>(s[0]);
    spec.align_given = true;
    at = 1;
  }
  if (at < s.size() && (s[at] == U'+' || s[at] == U'-' || s[at] == U' '))
    spec.sign = static_cast<char>(s[at++]);
  if (at < s.size() && s[at] == U'z') {
    spec.no_negative_zero = true;
    ++at;
  }
  if (at < s.size() && s[at] == U'#') {
    spec.alternate = true;
    ++at;
  }
  // A leading '0' asks for zero padding, unless a fill was given explicitly; numbers then
  // pad between sign and digits, strings keep their default alignment.
  if (at < s.size() && s[at] == U'0' && !fill_given) {
    spec.fill = U'0';
    if (!spec.align_given && defaults.align == '>') spec.align = '=';
    ++at;
  }
  if (at < s.size() && is_digit(s[at])) {
    if (!read_number(s, at, spec.width))
      return value_error("Too many decimal digits in format string");
  }
  if (at < s.size() && s[at] == U',') {
    spec.grouping = ',';
    ++at;
  }
  if (at < s.size() && s[at] == U'_') {
    if (spec.grouping) return value_error("Cannot specify both ',' and '_'.");
    spec.grouping = '_';
    ++at;
  }
  if (at < s.size() && s[at] == U',' && spec.grouping == '_')
    return value_error("Cannot specify both ',' and '_'.");
  if (at < s.size() && s[at] == U'.') {
    ++at;
    size_t start = at;
    if (!read_number(s, at, spec.precision))
      return value_error("Too many decimal digits in format string");
    if (at == start) return value_error("Format specifier missing precision");
  }
  if (s.size() - at > 1)
    return value_error("Invalid format specifier '" + std::string(spec_utf8) +
                       "' for object of type '" + std::string(defaults.type_name) + "'");
  if (at < s.size()) spec.type = s[at];
  if (spec.grouping && !groups_with(spec.grouping, spec.type))
    return value_error(std::string("Cannot specify '") + spec.grouping + "' with '" +
                       code_in_message(spec.type) + "'.");
  return spec;
}

} // namespace interp::num
