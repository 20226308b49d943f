// The whole-string predicates of str and bytes: isalpha, isdigit, isspace, istitle...
//
// All are false for an empty string (except isascii). Predicates that only str has
// (isdecimal, isnumeric, isprintable) take no flavor; isprintable is true for "".
#pragma once

#include "interp/text/code_unit.h"

namespace interp::text {

template <CodeUnit C> bool str_isalpha(View<C> s, Flavor flavor);
template <CodeUnit C> bool str_isalnum(View<C> s, Flavor flavor);
template <CodeUnit C> bool str_isdigit(View<C> s, Flavor flavor);
template <CodeUnit C> bool str_isspace(View<C> s, Flavor flavor);
template <CodeUnit C> bool str_islower(View<C> s, Flavor flavor);
template <CodeUnit C> bool str_isupper(View<C> s, Flavor flavor);
template <CodeUnit C> bool str_istitle(View<C> s, Flavor flavor);
template <CodeUnit C> bool str_isascii(View<C> s);
template <CodeUnit C> bool str_isdecimal(View<C> s);
template <CodeUnit C> bool str_isnumeric(View<C> s);
template <CodeUnit C> bool str_isprintable(View<C> s);

} // namespace interp::text
