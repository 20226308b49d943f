// Splitting str and bytes: split, rsplit, splitlines, partition, rpartition.
//
// Pieces are views into the input, in order; the caller makes objects of them.
// maxsplit < 0 means no limit. Whitespace follows the flavor (str: Python's
// isspace, bytes: ASCII whitespace) and so do line boundaries (str: \n \r \r\n \v \f
// \x1c \x1d \x1e \x85 \u2028 \u2029; bytes: \n \r \r\n). An empty separator is
// CPython's ValueError "empty separator".
#pragma once

#include <array>
#include <vector>

#include "interp/text/code_unit.h"
#include "interp/text/text_result.h"

namespace interp::text {

template <CodeUnit C> using Pieces = std::vector<View<C>>;

template <CodeUnit C> TextResult<Pieces<C>> str_split(View<C> s, View<C> sep, Index maxsplit);
template <CodeUnit C> TextResult<Pieces<C>> str_rsplit(View<C> s, View<C> sep, Index maxsplit);
// split() and rsplit() with no separator: runs of whitespace.
template <CodeUnit C> Pieces<C> str_split_whitespace(View<C> s, Index maxsplit, Flavor flavor);
template <CodeUnit C> Pieces<C> str_rsplit_whitespace(View<C> s, Index maxsplit, Flavor flavor);

template <CodeUnit C> Pieces<C> str_splitlines(View<C> s, bool keepends, Flavor flavor);

// (head, separator, tail); when absent: (s, "", "") for partition, ("", "", s) for
// rpartition.
template <CodeUnit C> TextResult<std::array<View<C>, 3>> str_partition(View<C> s, View<C> sep);
template <CodeUnit C> TextResult<std::array<View<C>, 3>> str_rpartition(View<C> s, View<C> sep);

} // namespace interp::text
