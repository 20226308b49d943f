// printf-style conversions (see format_percent.h).
#include "interp/num/format_percent.h"

#include <cctype>
#include <cstdio>

#include "interp/num/float_text.h"
#include "interp/num/format_text.h"

namespace interp::num {
namespace {

FloatError incomplete() {
  return value_error("incomplete format");
}

// Reads decimal digits at `at`; false when the number outgrows a Py_ssize_t.
bool read_count(std::string_view format, std::size_t& at, std::int64_t& value) {
  value = 0;
  while (at < format.size() && std::isdigit(static_cast<unsigned char>(format[at]))) {
    std::int64_t digit = format[at] - '0';
    if (value > (INT64_MAX - digit) / 10) return false;
    value = value * 10 + digit;
    ++at;
  }
  return true;
}

// Pads a number whose sign and prefix are `head` and digits `body`.
std::string pad_number(const std::string& head, const std::string& body, const PercentSpec& spec) {
  std::int64_t length = static_cast<std::int64_t>(head.size() + body.size());
  if (spec.width <= length) return head + body;
  std::int64_t padding = spec.width - length;
  if (spec.left) return head + body + std::string(padding, ' ');
  if (spec.zero) return head + std::string(padding, '0') + body;
  return std::string(padding, ' ') + head + body;
}

std::string sign_of(bool negative, const PercentSpec& spec) {
  if (negative) return "-";
  if (spec.plus) return "+";
  if (spec.space) return " ";
  return "";
}

} // namespace

FloatResult<PercentSpec> parse_percent_spec(std::string_view format, std::size_t percent_at) {
  PercentSpec spec;
  std::size_t at = percent_at + 1;
  std::size_t n = format.size();
  if (at < n && format[at] == '(') {
    std::size_t depth = 1;
    std::size_t key_start = ++at;
    while (at < n && depth > 0) {
      if (format[at] == '(')
        ++depth;
      else if (format[at] == ')')
        --depth;
      ++at;
    }
    if (depth > 0) return value_error("incomplete format key");
    spec.has_key = true;
    spec.key = std::string(format.substr(key_start, at - 1 - key_start));
  }
  for (; at < n; ++at) {
    char c = format[at];
    if (c == '-')
      spec.left = true;
    else if (c == '+')
      spec.plus = true;
    else if (c == ' ')
      spec.space = true;
    else if (c == '#')
      spec.alternate = true;
    else if (c == '0')
      spec.zero = true;
    else
      break;
  }
  if (at < n && format[at] == '*') {
    spec.width_from_argument = true;
    ++at;
  } else {
    std::size_t start = at;
    if (!read_count(format, at, spec.width)) return value_error("width too big");
    if (at == start) spec.width = -1;
  }
  if (at < n && format[at] == '.') {
    ++at;
    if (at < n && format[at] == '*') {
      spec.precision_from_argument = true;
      ++at;
    } else if (!read_count(format, at, spec.precision)) {
      return value_error("precision too big");
    }
  }
  while (at < n && (format[at] == 'h' || format[at] == 'l' || format[at] == 'L'))
    ++at;
  if (at >= n) return incomplete();
  std::u32string rest = utf8_to_code_points(format.substr(at, 4));
  spec.conversion = rest[0];
  std::string encoded;
  append_utf8(encoded, spec.conversion);
  spec.end = at + encoded.size();
  switch (spec.conversion) {
  case U'%':
  case U's':
  case U'r':
  case U'a':
  case U'c':
  case U'd':
  case U'i':
  case U'u':
  case U'o':
  case U'x':
  case U'X':
  case U'e':
  case U'E':
  case U'f':
  case U'F':
  case U'g':
  case U'G':
    return spec;
  default: {
    char shown =
        spec.conversion >= 32 && spec.conversion <= 126 ? static_cast<char>(spec.conversion) : '?';
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "unsupported format character '%c' (0x%x) at index %zu",
                  shown, static_cast<unsigned>(spec.conversion),
                  count_code_points(format.substr(0, at)));
    return value_error(buffer);
  }
  }
}

std::string percent_format_text(std::string_view text, const PercentSpec& spec) {
  std::string_view body = text;
  if (spec.precision >= 0) body = first_code_points(text, static_cast<std::size_t>(spec.precision));
  return pad_aligned(body, count_code_points(body), U' ', spec.left ? '<' : '>', spec.width);
}

std::string percent_format_integer(const IntegerForFormat& value, const PercentSpec& spec) {
  int base = 10;
  std::string prefix;
  switch (spec.conversion) {
  case U'x':
    base = 16;
    prefix = "0x";
    break;
  case U'X':
    base = 16;
    prefix = "0X";
    break;
  case U'o':
    base = 8;
    prefix = "0o";
    break;
  default:
    break;
  }
  std::string digits = value.magnitude_digits(base);
  if (spec.conversion == U'X')
    for (char& c : digits)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (spec.precision > static_cast<std::int64_t>(digits.size()))
    digits.insert(0, spec.precision - digits.size(), '0');
  std::string head = sign_of(value.negative, spec);
  if (spec.alternate) head += prefix;
  return pad_number(head, digits, spec);
}

std::string percent_format_float(double x, const PercentSpec& spec) {
  FloatTextFlags flags;
  flags.alternate = spec.alternate;
  std::int64_t precision = spec.precision < 0 ? 6 : spec.precision;
  std::string text =
      float_to_string(x, static_cast<char>(spec.conversion), static_cast<int>(precision), flags);
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  return pad_number(sign_of(negative, spec), text, spec);
}

} // namespace interp::num
