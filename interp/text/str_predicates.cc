// Whole-string predicates, one template over both code units.
#include "interp/text/str_predicates.h"

#include "interp/text/char_classes.h"

namespace interp::text {
namespace {

template <CodeUnit C, typename Pred> bool all_of_nonempty(View<C> s, Pred pred) {
  if (s.empty()) return false;
  for (C c : s) {
    if (!pred(ordinal(c))) return false;
  }
  return true;
}

} // namespace

template <CodeUnit C> bool str_isalpha(View<C> s, Flavor flavor) {
  if (flavor == Flavor::bytes) return all_of_nonempty(s, is_ascii_alpha);
  return all_of_nonempty(s, is_alpha);
}

template <CodeUnit C> bool str_isalnum(View<C> s, Flavor flavor) {
  if (flavor == Flavor::bytes)
    return all_of_nonempty(s, [](char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c); });
  return all_of_nonempty(s, is_alnum);
}

template <CodeUnit C> bool str_isdigit(View<C> s, Flavor flavor) {
  if (flavor == Flavor::bytes) return all_of_nonempty(s, is_ascii_digit);
  return all_of_nonempty(s, is_digit);
}

template <CodeUnit C> bool str_isspace(View<C> s, Flavor flavor) {
  return all_of_nonempty(s, [flavor](char32_t c) { return is_space_in(c, flavor); });
}

template <CodeUnit C> bool str_islower(View<C> s, Flavor flavor) {
  bool cased = false;
  for (C unit : s) {
    char32_t c = ordinal(unit);
    if (is_upper_in(c, flavor) || is_titlecase_in(c, flavor)) return false;
    if (is_lower_in(c, flavor)) cased = true;
  }
  return cased;
}

template <CodeUnit C> bool str_isupper(View<C> s, Flavor flavor) {
  bool cased = false;
  for (C unit : s) {
    char32_t c = ordinal(unit);
    if (is_lower_in(c, flavor) || is_titlecase_in(c, flavor)) return false;
    if (is_upper_in(c, flavor)) cased = true;
  }
  return cased;
}

// Title case: every uppercase or titlecase character follows an uncased one, and
// every lowercase character follows a cased one.
template <CodeUnit C> bool str_istitle(View<C> s, Flavor flavor) {
  bool cased = false;
  bool previous_is_cased = false;
  for (C unit : s) {
    char32_t c = ordinal(unit);
    if (is_upper_in(c, flavor) || is_titlecase_in(c, flavor)) {
      if (previous_is_cased) return false;
      previous_is_cased = true;
      cased = true;
    } else if (is_lower_in(c, flavor)) {
      if (!previous_is_cased) return false;
      previous_is_cased = true;
      cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return cased;
}

template <CodeUnit C> bool str_isascii(View<C> s) {
  for (C c : s) {
    if (ordinal(c) >= 0x80) return false;
  }
  return true;
}

template <CodeUnit C> bool str_isdecimal(View<C> s) {
  return all_of_nonempty(s, is_decimal);
}
template <CodeUnit C> bool str_isnumeric(View<C> s) {
  return all_of_nonempty(s, is_numeric);
}

template <CodeUnit C> bool str_isprintable(View<C> s) {
  for (C c : s) {
    if (!is_printable(ordinal(c))) return false;
  }
  return true;
}

#define INTERP_TEXT_INSTANTIATE(C)                                                                 \
  template bool str_isalpha<C>(View<C>, Flavor);                                                   \
  template bool str_isalnum<C>(View<C>, Flavor);                                                   \
  template bool str_isdigit<C>(View<C>, Flavor);                                                   \
  template bool str_isspace<C>(View<C>, Flavor);                                                   \
  template bool str_islower<C>(View<C>, Flavor);                                                   \
  template bool str_isupper<C>(View<C>, Flavor);                                                   \
  template bool str_istitle<C>(View<C>, Flavor);                                                   \
  template bool str_isascii<C>(View<C>);                                                           \
  template bool str_isdecimal<C>(View<C>);                                                         \
  template bool str_isnumeric<C>(View<C>);                                                         \
  template bool str_isprintable<C>(View<C>);
INTERP_TEXT_INSTANTIATE(char)
INTERP_TEXT_INSTANTIATE(char32_t)
#undef INTERP_TEXT_INSTANTIATE

} // namespace interp::text
