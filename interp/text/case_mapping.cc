// Case conversion: utf8proc's simple mappings plus the transcribed full mappings,
// under one algorithm for both storage forms.
#include "interp/text/case_mapping.h"

#include <utf8proc.h>

#include "interp/text/char_classes.h"
#include "interp/text/unicode_tables.h"

namespace interp::text {
namespace {

constexpr char32_t capital_sigma = 0x03A3;
constexpr char32_t small_sigma = 0x03C3;
constexpr char32_t final_sigma = 0x03C2;

bool in_unicode(char32_t cp) {
  return cp <= 0x10FFFF;
}

// Appends a special mapping if the code point has one of this kind.
bool append_special(char32_t cp, const char32_t* tables::SpecialCasing::*field,
                    std::u32string& out) {
  if (cp < 0xDF) return false;
  const tables::SpecialCasing* special = tables::find_special_casing(cp);
  if (special == nullptr || *(special->*field) == 0) return false;
  out += special->*field;
  return true;
}

// Narrow buffers change only ASCII letters.
char ascii_lower(char c) {
  return is_ascii_upper(ordinal(c)) ? static_cast<char>(c + 32) : c;
}
char ascii_upper(char c) {
  return is_ascii_lower(ordinal(c)) ? static_cast<char>(c - 32) : c;
}

// The final-sigma rule: capital sigma lowercases to ς when a cased letter precedes it
// and none follows, skipping case-ignorable characters in both directions.
char32_t lower_sigma(std::u32string_view s, std::size_t i) {
  std::size_t j = i;
  bool cased_before = false;
  while (j > 0) {
    char32_t c = s[--j];
    if (!is_case_ignorable(c)) {
      cased_before = is_cased(c);
      break;
    }
  }
  if (!cased_before) return small_sigma;
  for (j = i + 1; j < s.size(); ++j) {
    char32_t c = s[j];
    if (!is_case_ignorable(c)) return is_cased(c) ? small_sigma : final_sigma;
  }
  return final_sigma;
}

void append_lower_at(std::u32string_view s, std::size_t i, std::u32string& out) {
  if (s[i] == capital_sigma) {
    out += lower_sigma(s, i);
  } else {
    append_lower(s[i], out);
  }
}

} // namespace

char32_t simple_lower(char32_t cp) {
  return in_unicode(cp) ? static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)))
                        : cp;
}
char32_t simple_upper(char32_t cp) {
  return in_unicode(cp) ? static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)))
                        : cp;
}
char32_t simple_title(char32_t cp) {
  return in_unicode(cp) ? static_cast<char32_t>(utf8proc_totitle(static_cast<utf8proc_int32_t>(cp)))
                        : cp;
}

void append_lower(char32_t cp, std::u32string& out) {
  if (!append_special(cp, &tables::SpecialCasing::lower, out)) out += simple_lower(cp);
}
void append_upper(char32_t cp, std::u32string& out) {
  if (!append_special(cp, &tables::SpecialCasing::upper, out)) out += simple_upper(cp);
}
void append_title(char32_t cp, std::u32string& out) {
  if (!append_special(cp, &tables::SpecialCasing::title, out)) out += simple_title(cp);
}

void append_casefold(char32_t cp, std::u32string& out) {
  if (cp < 0x80) {
    out += is_ascii_upper(cp) ? cp + 32 : cp;
    return;
  }
  if (append_special(cp, &tables::SpecialCasing::casefold, out)) return;
  if (!in_unicode(cp)) {
    out += cp;
    return;
  }
  // utf8proc's case folding (CaseFolding.txt C and F) of one code point.
  utf8proc_int32_t folded[4];
  utf8proc_int32_t last_boundclass = 0;
  utf8proc_ssize_t n =
      utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), folded, 4,
                              static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD), &last_boundclass);
  if (n <= 0 || n > 4) {
    out += cp;
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k)
    out += static_cast<char32_t>(folded[k]);
}

template <CodeUnit C> String<C> str_lower(View<C> s) {
  String<C> out;
  out.reserve(s.size());
  if constexpr (std::same_as<C, char>) {
    for (char c : s)
      out += ascii_lower(c);
  } else {
    for (std::size_t i = 0; i < s.size(); ++i)
      append_lower_at(s, i, out);
  }
  return out;
}

template <CodeUnit C> String<C> str_upper(View<C> s) {
  String<C> out;
  out.reserve(s.size());
  if constexpr (std::same_as<C, char>) {
    for (char c : s)
      out += ascii_upper(c);
  } else {
    for (char32_t c : s)
      append_upper(c, out);
  }
  return out;
}

template <CodeUnit C> String<C> str_casefold(View<C> s) {
  if constexpr (std::same_as<C, char>) {
    return str_lower(s);
  } else {
    String<C> out;
    out.reserve(s.size());
    for (char32_t c : s)
      append_casefold(c, out);
    return out;
  }
}

// Words start at a cased character that follows an uncased one; the first letter of a
// word goes to titlecase, the others to lowercase.
template <CodeUnit C> String<C> str_title(View<C> s) {
  String<C> out;
  out.reserve(s.size());
  bool previous_is_cased = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if constexpr (std::same_as<C, char>) {
      out += previous_is_cased ? ascii_lower(s[i]) : ascii_upper(s[i]);
      previous_is_cased = is_ascii_alpha(ordinal(s[i]));
    } else {
      if (previous_is_cased) {
        append_lower_at(s, i, out);
      } else {
        append_title(s[i], out);
      }
      previous_is_cased = is_cased(s[i]);
    }
  }
  return out;
}

template <CodeUnit C> String<C> str_capitalize(View<C> s) {
  String<C> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if constexpr (std::same_as<C, char>) {
      out += i == 0 ? ascii_upper(s[i]) : ascii_lower(s[i]);
    } else {
      if (i == 0) {
        append_title(s[i], out);
      } else {
        append_lower_at(s, i, out);
      }
    }
  }
  return out;
}

template <CodeUnit C> String<C> str_swapcase(View<C> s) {
  String<C> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if constexpr (std::same_as<C, char>) {
      char32_t c = ordinal(s[i]);
      out += is_ascii_upper(c) ? ascii_lower(s[i]) : ascii_upper(s[i]);
    } else {
      char32_t c = s[i];
      if (is_upper(c)) {
        append_lower_at(s, i, out);
      } else if (is_lower(c)) {
        append_upper(c, out);
      } else {
        out += c;
      }
    }
  }
  return out;
}

#define INTERP_TEXT_INSTANTIATE(C)                                                                 \
  template String<C> str_lower<C>(View<C>);                                                        \
  template String<C> str_upper<C>(View<C>);                                                        \
  template String<C> str_casefold<C>(View<C>);                                                     \
  template String<C> str_title<C>(View<C>);                                                        \
  template String<C> str_capitalize<C>(View<C>);                                                   \
  template String<C> str_swapcase<C>(View<C>);
INTERP_TEXT_INSTANTIATE(char)
INTERP_TEXT_INSTANTIATE(char32_t)
#undef INTERP_TEXT_INSTANTIATE

} // namespace interp::text
