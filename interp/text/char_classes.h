// Classification of one code unit under the rules of str or bytes.
//
// bytes methods only know ASCII; str methods use Unicode properties. A byte 0x85 or
// 0xC0 in a bytes object is neither whitespace nor a letter, while U+0085 and U+00C0
// in a str are.
#pragma once

#include "interp/text/code_unit.h"
#include "interp/text/unicode_props.h"

#include <string_view>

namespace interp::text {

constexpr bool is_ascii_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D);
}
// `text` without the ASCII whitespace at either end (what int() and complex() skip).
constexpr std::string_view trim_ascii_space(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back()))
    text.remove_suffix(1);
  return text;
}
constexpr bool is_ascii_lower(char32_t c) {
  return c >= 'a' && c <= 'z';
}
constexpr bool is_ascii_upper(char32_t c) {
  return c >= 'A' && c <= 'Z';
}
constexpr bool is_ascii_alpha(char32_t c) {
  return is_ascii_lower(c) || is_ascii_upper(c);
}
constexpr bool is_ascii_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

inline bool is_space_in(char32_t c, Flavor flavor) {
  return flavor == Flavor::bytes ? is_ascii_space(c) : is_space(c);
}

// Line boundaries of splitlines: bytes know only \n and \r (and \r\n).
inline bool is_linebreak_in(char32_t c, Flavor flavor) {
  return flavor == Flavor::bytes ? (c == '\n' || c == '\r') : is_linebreak(c);
}

inline bool is_upper_in(char32_t c, Flavor flavor) {
  return flavor == Flavor::bytes ? is_ascii_upper(c) : is_upper(c);
}

inline bool is_lower_in(char32_t c, Flavor flavor) {
  return flavor == Flavor::bytes ? is_ascii_lower(c) : is_lower(c);
}

inline bool is_titlecase_in(char32_t c, Flavor flavor) {
  return flavor == Flavor::str && is_titlecase(c);
}

inline bool is_cased_in(char32_t c, Flavor flavor) {
  return flavor == Flavor::bytes ? is_ascii_alpha(c) : is_cased(c);
}

} // namespace interp::text
