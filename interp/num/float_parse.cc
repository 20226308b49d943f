// Python's float(str) (see float_parse.h).
#include "interp/num/float_parse.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include <utf8proc.h>

namespace interp::num {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

bool equals_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_word[i]) return false;
  }
  return true;
}

// Python's str.isspace() for one code point: bidirectional class WS, B or S, or Zs.
bool is_unicode_space(utf8proc_int32_t cp) {
  const utf8proc_property_t* p = utf8proc_get_property(cp);
  return p->category == UTF8PROC_CATEGORY_ZS || p->bidi_class == UTF8PROC_BIDI_CLASS_WS ||
         p->bidi_class == UTF8PROC_BIDI_CLASS_B || p->bidi_class == UTF8PROC_BIDI_CLASS_S;
}

// The digit value of a Unicode decimal digit, or -1. Unicode encodes every Nd digit set
// as consecutive runs of ten starting at zero, so the position in its run gives the value.
int unicode_decimal_value(utf8proc_int32_t cp) {
  if (utf8proc_category(cp) != UTF8PROC_CATEGORY_ND) return -1;
  int before = 0;
  while (cp - before - 1 >= 0 && utf8proc_category(cp - before - 1) == UTF8PROC_CATEGORY_ND)
    ++before;
  return before % 10;
}

// Rewrites non-ASCII text the way float() sees it: Unicode spaces become ' ', decimal
// digits of any script become ASCII digits, anything else non-ASCII becomes '?' (which
// no grammar accepts). Returns nullopt for malformed UTF-8.
std::optional<std::string> to_ascii_number_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t at = 0, size = static_cast<utf8proc_ssize_t>(text.size());
  while (at < size) {
    if (bytes[at] < 0x80) {
      out.push_back(static_cast<char>(bytes[at++]));
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t used = utf8proc_iterate(bytes + at, size - at, &cp);
    if (used <= 0) return std::nullopt;
    at += used;
    if (is_unicode_space(cp)) {
      out.push_back(' ');
    } else if (int digit = unicode_decimal_value(cp); digit >= 0) {
      out.push_back(static_cast<char>('0' + digit));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

// Removes underscores that sit between two digits; nullopt if any other underscore.
std::optional<std::string> strip_underscores(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') {
      out.push_back(text[i]);
      continue;
    }
    bool digit_before = i > 0 && is_ascii_digit(text[i - 1]);
    bool digit_after = i + 1 < text.size() && is_ascii_digit(text[i + 1]);
    if (!digit_before || !digit_after) return std::nullopt;
  }
  return out;
}

} // namespace

std::optional<double> parse_plain_decimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (equals_ignoring_case(text, "inf") || equals_ignoring_case(text, "infinity"))
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  if (equals_ignoring_case(text, "nan"))
    return negative ? -std::numeric_limits<double>::quiet_NaN()
                    : std::numeric_limits<double>::quiet_NaN();

  // Validate the grammar ourselves: from_chars accepts forms Python does not.
  size_t i = 0, n = text.size();
  size_t mantissa_digits = 0;
  // Decimal exponent of the first nonzero digit, to tell overflow from underflow.
  long long leading_position = 0;
  bool seen_nonzero = false;
  size_t integer_digits = 0;
  while (i < n && is_ascii_digit(text[i])) {
    if (!seen_nonzero && text[i] != '0') {
      seen_nonzero = true;
      leading_position = 0;
    }
    if (seen_nonzero) ++leading_position;
    ++integer_digits;
    ++i;
  }
  mantissa_digits = integer_digits;
  if (i < n && text[i] == '.') {
    ++i;
    long long fraction_index = 0;
    while (i < n && is_ascii_digit(text[i])) {
      --fraction_index;
      if (!seen_nonzero && text[i] != '0') {
        seen_nonzero = true;
        leading_position = fraction_index + 1;
      }
      ++mantissa_digits;
      ++i;
    }
  }
  if (mantissa_digits == 0) return std::nullopt;
  long long exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      exponent_negative = text[i] == '-';
      ++i;
    }
    size_t exponent_start = i;
    while (i < n && is_ascii_digit(text[i])) {
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (i == exponent_start) return std::nullopt;
    if (exponent_negative) exponent = -exponent;
  }
  if (i != n) return std::nullopt;

  double value = 0;
  auto result = std::from_chars(text.data(), text.data() + n, value, std::chars_format::general);
  if (result.ec == std::errc::result_out_of_range) {
    value = (seen_nonzero && leading_position + exponent > 0)
                ? std::numeric_limits<double>::infinity()
                : 0.0;
  } else if (result.ec != std::errc() || result.ptr != text.data() + n) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

std::optional<double> parse_float_text(std::string_view text) {
  std::string ascii;
  bool has_non_ascii = false;
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) has_non_ascii = true;
  if (has_non_ascii) {
    auto converted = to_ascii_number_text(text);
    if (!converted) return std::nullopt;
    ascii = std::move(*converted);
    text = ascii;
  }
  while (!text.empty() && is_ascii_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back()))
    text.remove_suffix(1);
  if (text.find('_') != std::string_view::npos) {
    auto stripped = strip_underscores(text);
    if (!stripped) return std::nullopt;
    return parse_plain_decimal(*stripped);
  }
  return parse_plain_decimal(text);
}

FloatError float_from_string_error(std::string_view text_repr) {
  return value_error("could not convert string to float: " + std::string(text_repr));
}

FloatResult<double> float_from_string(std::string_view text,
                                      const std::function<std::string(std::string_view)>& repr_of) {
  if (auto value = parse_float_text(text)) return *value;
  return float_from_string_error(repr_of(text));
}

} // namespace interp::num
