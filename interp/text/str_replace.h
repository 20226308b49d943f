// str.replace and bytes.replace: replace non-overlapping occurrences, left to right,
// at most `count` times (count < 0: all). An empty `old` matches before every code
// unit and at the end: 'abc'.replace('', '-') == '-a-b-c-'.
#pragma once

#include "interp/text/code_unit.h"

namespace interp::text {

template <CodeUnit C>
String<C> str_replace(View<C> s, View<C> old, View<C> replacement, Index count);

} // namespace interp::text
