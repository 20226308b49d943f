// Layout methods of str and bytes: expandtabs, center, ljust, rjust, zfill, join.
//
// Widths not larger than the length return the input unchanged. center puts the odd
// extra fill unit on the left when the width is odd, as CPython does.
#pragma once

#include <span>

#include "interp/text/code_unit.h"

namespace interp::text {

// Tabs advance to the next multiple of tabsize (tabsize <= 0 removes them); \n and
// \r restart the column.
template <CodeUnit C> String<C> str_expandtabs(View<C> s, Index tabsize);
template <CodeUnit C> String<C> str_center(View<C> s, Index width, C fill);
template <CodeUnit C> String<C> str_ljust(View<C> s, Index width, C fill);
template <CodeUnit C> String<C> str_rjust(View<C> s, Index width, C fill);
// Pads with '0' on the left, after a leading '+' or '-'.
template <CodeUnit C> String<C> str_zfill(View<C> s, Index width);
template <CodeUnit C> String<C> str_join(View<C> separator, std::span<const View<C>> parts);

} // namespace interp::text
