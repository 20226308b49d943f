// str, int and float __format__ (see format_value.h).
#include "interp/num/format_value.h"

#include <cctype>
#include <climits>

#include "interp/num/float_text.h"
#include "interp/num/format_text.h"

namespace interp::num {
namespace {

// A number split the way padding and grouping see it.
struct NumberParts {
  std::string sign;   // "", "-", "+" or " "
  std::string prefix; // "0x", "0b", ...
  std::string digits; // the integer digits, which grouping separates
  std::string rest;   // point, fraction, exponent, '%', or "inf"/"nan"
};

std::string sign_text(bool negative, char sign_option) {
  if (negative) return "-";
  if (sign_option == '+') return "+";
  if (sign_option == ' ') return " ";
  return "";
}

std::string lay_out_number(const NumberParts& parts, const FormatSpec& spec, int group_size) {
  std::string digits = parts.digits;
  std::int64_t fixed_width =
      static_cast<std::int64_t>(parts.sign.size() + parts.prefix.size() + parts.rest.size());
  if (spec.grouping && !digits.empty()) {
    // Zero padding under grouping pads with grouped zeros ("00,001,234").
    bool zero_padded = spec.fill == U'0' && spec.align == '=';
    digits =
        group_digits(digits, spec.grouping, group_size, zero_padded ? spec.width - fixed_width : 0);
  }
  std::string body = parts.sign + parts.prefix + digits + parts.rest;
  std::int64_t body_width = static_cast<std::int64_t>(body.size()); // all ASCII
  if (spec.width <= body_width) return body;
  if (spec.align == '=') {
    std::string head = parts.sign + parts.prefix;
    std::string tail = digits + parts.rest;
    return head + pad_aligned(tail, tail.size(), spec.fill, '>',
                              spec.width - static_cast<std::int64_t>(head.size()));
  }
  return pad_aligned(body, body.size(), spec.fill, spec.align, spec.width);
}

// Splits formatted float text (sign included) into parts.
NumberParts split_float_text(const std::string& text, char sign_option) {
  NumberParts parts;
  size_t at = 0;
  bool negative = !text.empty() && text[0] == '-';
  if (negative || (!text.empty() && text[0] == '+')) at = 1;
  parts.sign = sign_text(negative, sign_option);
  size_t digits_end = at;
  while (digits_end < text.size() && std::isdigit(static_cast<unsigned char>(text[digits_end])))
    ++digits_end;
  parts.digits = text.substr(at, digits_end - at);
  parts.rest = text.substr(digits_end);
  return parts;
}

std::string to_upper(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

} // namespace

FloatResult<std::string> format_string(std::string_view text, const FormatSpec& spec,
                                       std::string_view type_name) {
  if (spec.type != U's') return unknown_format_code(spec.type, type_name);
  if (spec.sign == ' ') return value_error("Space not allowed in string format specifier");
  if (spec.sign) return value_error("Sign not allowed in string format specifier");
  if (spec.no_negative_zero)
    return value_error("Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alternate)
    return value_error("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') return value_error("'=' alignment not allowed in string format specifier");
  std::string_view body = text;
  if (spec.precision >= 0) body = first_code_points(text, static_cast<size_t>(spec.precision));
  return pad_aligned(body, count_code_points(body), spec.fill, spec.align, spec.width);
}

FloatResult<std::string> format_integer(const IntegerForFormat& value, const FormatSpec& spec,
                                        std::string_view type_name) {
  int base = 10;
  std::string prefix;
  switch (spec.type) {
  case U'b':
    base = 2;
    prefix = "0b";
    break;
  case U'o':
    base = 8;
    prefix = "0o";
    break;
  case U'x':
    base = 16;
    prefix = "0x";
    break;
  case U'X':
    base = 16;
    prefix = "0X";
    break;
  case U'd':
  case U'n':
  case U'c':
    break;
  case U'e':
  case U'E':
  case U'f':
  case U'F':
  case U'g':
  case U'G':
  case U'%': {
    auto as_double = value.to_double();
    if (!as_double) return as_double.error();
    return format_float(as_double.value(), spec, type_name);
  }
  default:
    return unknown_format_code(spec.type, type_name);
  }
  if (spec.precision >= 0) return value_error("Precision not allowed in integer format specifier");
  if (spec.no_negative_zero)
    return value_error("Negative zero coercion (z) not allowed in integer format specifier");
  if (spec.type == U'c') {
    if (spec.sign) return value_error("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate)
      return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    std::string hex = value.magnitude_digits(16);
    // CPython first converts to a C long: -2**63 fits, 2**63 does not.
    bool fits_long =
        hex.size() < 16 ||
        (hex.size() == 16 && (hex[0] <= '7' || (value.negative && hex == "8000000000000000")));
    if (!fits_long) return overflow_error("Python int too large to convert to C long");
    unsigned long long magnitude = std::stoull(hex, nullptr, 16);
    if (value.negative || magnitude > 0x10ffff)
      return overflow_error("%c arg not in range(0x110000)");
    std::string text;
    append_utf8(text, static_cast<char32_t>(magnitude));
    return pad_aligned(text, 1, spec.fill, spec.align == '=' ? '>' : spec.align, spec.width);
  }
  NumberParts parts;
  parts.sign = sign_text(value.negative, spec.sign);
  if (spec.alternate) parts.prefix = prefix;
  parts.digits = value.magnitude_digits(base);
  if (spec.type == U'X') parts.digits = to_upper(parts.digits);
  return lay_out_number(parts, spec, base == 10 ? 3 : 4);
}

FloatResult<std::string> format_float(double x, const FormatSpec& spec,
                                      std::string_view type_name) {
  char code = 0;
  FloatTextFlags flags;
  flags.alternate = spec.alternate;
  flags.no_negative_zero = spec.no_negative_zero;
  bool percent = false;
  std::int64_t precision = spec.precision;
  switch (spec.type) {
  case 0:
    // Like repr, or like 'g' (but keeping a ".0" on integral values) with a precision.
    flags.add_dot_0 = true;
    code = precision >= 0 ? 'g' : 'r';
    break;
  case U'n':
    code = 'g';
    break;
  case U'%':
    code = 'f';
    percent = true;
    break;
  case U'e':
  case U'E':
  case U'f':
  case U'F':
  case U'g':
  case U'G':
    code = static_cast<char>(spec.type);
    break;
  default:
    return unknown_format_code(spec.type, type_name);
  }
  if (precision < 0) precision = code == 'r' ? 0 : 6;
  if (precision > INT_MAX) return value_error("precision too big");
  std::string text =
      float_to_string(percent ? x * 100 : x, code, static_cast<int>(precision), flags);
  NumberParts parts = split_float_text(text, spec.sign);
  if (percent) parts.rest += '%';
  return lay_out_number(parts, spec, 3);
}

} // namespace interp::num
