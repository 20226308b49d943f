// Case conversion of str and bytes: lower, upper, casefold, title, capitalize and
// swapcase, with CPython 3.11's results.
//
// str uses the full Unicode mappings ('ß'.upper() == 'SS', 'ﬁ'.title() == 'Fi',
// 'İ'.lower() is two code points), the final-sigma rule of lower, and CaseFolding's
// C+F entries for casefold. A narrow buffer (an ASCII str, or bytes) only changes
// ASCII letters, which is what both types do there; results never get shorter than
// their input in code points, but may get longer in the UTF-32 form.
#pragma once

#include "interp/text/code_unit.h"

namespace interp::text {

// Full mappings of one code point, appended to `out`.
void append_lower(char32_t cp, std::u32string& out);
void append_upper(char32_t cp, std::u32string& out);
void append_title(char32_t cp, std::u32string& out);
void append_casefold(char32_t cp, std::u32string& out);

// Simple (one-to-one) mappings, used where Python needs one code point back.
char32_t simple_lower(char32_t cp);
char32_t simple_upper(char32_t cp);
char32_t simple_title(char32_t cp);

template <CodeUnit C> String<C> str_lower(View<C> s);
template <CodeUnit C> String<C> str_upper(View<C> s);
template <CodeUnit C> String<C> str_casefold(View<C> s);
template <CodeUnit C> String<C> str_title(View<C> s);
template <CodeUnit C> String<C> str_capitalize(View<C> s);
template <CodeUnit C> String<C> str_swapcase(View<C> s);

} // namespace interp::text
