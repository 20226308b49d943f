// Substring search for str and bytes: find, rfind, count, startswith/endswith.
//
// `start` and `end` arrive resolved the way Python resolves slice bounds (negative
// values already offset by the length and clipped at 0); `end` beyond the length is
// clipped here. As in CPython, a window shorter than the needle matches nothing, so
// an empty needle is found at `start` only when start <= end, and count('') is the
// number of positions, end - start + 1.
//
// Needles of more than one code unit use a Horspool skip table keyed on the low byte
// of each code unit, so one table serves bytes and UTF-32 alike.
#pragma once

#include "interp/text/code_unit.h"

namespace interp::text {

// Index of the first (last) occurrence inside [start, end), or -1.
template <CodeUnit C> Index str_find(View<C> haystack, View<C> needle, Index start, Index end);
template <CodeUnit C> Index str_rfind(View<C> haystack, View<C> needle, Index start, Index end);

// Non-overlapping occurrences inside [start, end), at most `limit` (negative: no limit).
template <CodeUnit C>
Index str_count(View<C> haystack, View<C> needle, Index start, Index end, Index limit = -1);

// Whether haystack[start:end] starts (ends) with `affix`.
template <CodeUnit C> bool str_startswith(View<C> haystack, View<C> affix, Index start, Index end);
template <CodeUnit C> bool str_endswith(View<C> haystack, View<C> affix, Index start, Index end);

// Whole-string forms.
template <CodeUnit C> Index str_find(View<C> haystack, View<C> needle) {
  return str_find<C>(haystack, needle, 0, static_cast<Index>(haystack.size()));
}
template <CodeUnit C> Index str_rfind(View<C> haystack, View<C> needle) {
  return str_rfind<C>(haystack, needle, 0, static_cast<Index>(haystack.size()));
}

} // namespace interp::text
