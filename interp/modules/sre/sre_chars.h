// interp/modules/sre/sre_chars.h - what the regular expression engine asks of one
// character: the \d \s \w categories, word boundaries' "word character", and the case
// mappings of the three ignore-case flavours (ASCII, locale, Unicode).
//
// LOCALE is treated as the C locale, i.e. as ASCII: the interpreter never calls
// setlocale for LC_CTYPE, so this is what CPython would do under the same conditions.
#pragma once

#include <cstdint>

namespace interp::sre {

bool category_matches(std::uint32_t category, std::uint32_t ch);

bool is_ascii_word(std::uint32_t ch);
bool is_unicode_word(std::uint32_t ch);

inline std::uint32_t lower_ascii(std::uint32_t ch) {
  return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}
inline std::uint32_t upper_ascii(std::uint32_t ch) {
  return ch >= 'a' && ch <= 'z' ? ch - 32 : ch;
}
// The locale flavour: the C locale's tolower/toupper over bytes.
inline std::uint32_t lower_locale(std::uint32_t ch) {
  return lower_ascii(ch);
}
inline std::uint32_t upper_locale(std::uint32_t ch) {
  return upper_ascii(ch);
}
// Simple (one code point) Unicode mappings.
std::uint32_t lower_unicode(std::uint32_t ch);
std::uint32_t upper_unicode(std::uint32_t ch);

bool ascii_iscased(std::uint32_t ch);
bool unicode_iscased(std::uint32_t ch);

// Whether `ch` matches the pattern character `pattern_ch` under LOCALE ignore-case.
inline bool locale_equal(std::uint32_t pattern_ch, std::uint32_t ch) {
  return ch == pattern_ch || lower_locale(ch) == pattern_ch || upper_locale(ch) == pattern_ch;
}

} // namespace interp::sre
