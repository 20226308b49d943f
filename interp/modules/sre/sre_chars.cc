// interp/modules/sre/sre_chars.cc - character categories and case mappings for the
// regular expression engine (see sre_chars.h), on top of the Unicode properties of
// interp/text.
#include "interp/modules/sre/sre_chars.h"

#include "interp/modules/sre/sre_constants.h"
#include "interp/text/case_mapping.h"
#include "interp/text/char_classes.h"
#include "interp/text/unicode_props.h"

namespace interp::sre {

namespace {

bool is_ascii_digit(std::uint32_t ch) {
  return ch >= '0' && ch <= '9';
}
bool is_ascii_space(std::uint32_t ch) {
  return ch < 128 && text::is_ascii_space(ch);
}
// Code points past U+10FFFF cannot come from a str, but a bytes pattern's code may hold
// any 32-bit number: keep the Unicode tables out of that range.
bool in_unicode(std::uint32_t ch) {
  return ch <= 0x10ffff;
}

} // namespace

bool is_ascii_word(std::uint32_t ch) {
  return ch < 128 && (text::is_ascii_alpha(ch) || is_ascii_digit(ch) || ch == '_');
}

bool is_unicode_word(std::uint32_t ch) {
  return ch == '_' || (in_unicode(ch) && text::is_alnum(ch));
}

std::uint32_t lower_unicode(std::uint32_t ch) {
  return in_unicode(ch) ? text::simple_lower(ch) : ch;
}

// As CPython's Py_UNICODE_TOUPPER: for a character with a special (full) uppercase
// mapping, the first code point of it ('\ufb05' gives 'S', so it is cased).
std::uint32_t upper_unicode(std::uint32_t ch) {
  if (ch < 0x80) return text::simple_upper(ch);
  if (!in_unicode(ch)) return ch;
  std::u32string full;
  text::append_upper(ch, full);
  return full.empty() ? ch : full[0];
}

bool ascii_iscased(std::uint32_t ch) {
  return ch < 128 && text::is_ascii_alpha(ch);
}

bool unicode_iscased(std::uint32_t ch) {
  return ch != lower_unicode(ch) || ch != upper_unicode(ch);
}

bool category_matches(std::uint32_t category, std::uint32_t ch) {
  switch (category) {
  case CATEGORY_DIGIT:
    return is_ascii_digit(ch);
  case CATEGORY_NOT_DIGIT:
    return !is_ascii_digit(ch);
  case CATEGORY_SPACE:
    return is_ascii_space(ch);
  case CATEGORY_NOT_SPACE:
    return !is_ascii_space(ch);
  case CATEGORY_WORD:
  case CATEGORY_LOC_WORD:
    return is_ascii_word(ch);
  case CATEGORY_NOT_WORD:
  case CATEGORY_LOC_NOT_WORD:
    return !is_ascii_word(ch);
  case CATEGORY_LINEBREAK:
    return ch == '\n';
  case CATEGORY_NOT_LINEBREAK:
    return ch != '\n';
  case CATEGORY_UNI_DIGIT:
    return in_unicode(ch) && text::is_decimal(ch);
  case CATEGORY_UNI_NOT_DIGIT:
    return !(in_unicode(ch) && text::is_decimal(ch));
  case CATEGORY_UNI_SPACE:
    return in_unicode(ch) && text::is_space(ch);
  case CATEGORY_UNI_NOT_SPACE:
    return !(in_unicode(ch) && text::is_space(ch));
  case CATEGORY_UNI_WORD:
    return is_unicode_word(ch);
  case CATEGORY_UNI_NOT_WORD:
    return !is_unicode_word(ch);
  case CATEGORY_UNI_LINEBREAK:
    return in_unicode(ch) && text::is_linebreak(ch);
  case CATEGORY_UNI_NOT_LINEBREAK:
    return !(in_unicode(ch) && text::is_linebreak(ch));
  default:
    return false;
  }
}

} // namespace interp::sre
