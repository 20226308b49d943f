// Horspool search with a 256-entry skip table, forwards and backwards.
#include "interp/text/str_search.h"

#include <algorithm>
#include <array>

namespace interp::text {
namespace {

// Clips the window to the haystack; returns false when no needle of length m fits.
bool clip_window(std::size_t size, Index& start, Index& end, std::size_t m) {
  if (end > static_cast<Index>(size)) end = static_cast<Index>(size);
  if (start < 0) start = 0;
  return end - start >= static_cast<Index>(m);
}

template <CodeUnit C> std::size_t bucket(C c) {
  return ordinal(c) & 0xFF;
}

template <CodeUnit C> bool equal_at(const C* at, View<C> needle) {
  return std::equal(needle.begin(), needle.end(), at);
}

template <CodeUnit C> Index find_in(View<C> h, View<C> n, Index start, Index end) {
  const std::size_t m = n.size();
  if (m == 1) {
    const C* first = h.data() + start;
    const C* last = h.data() + end;
    const C* it = std::find(first, last, n[0]);
    return it == last ? -1 : it - h.data();
  }
  // Skip by how far the window's last unit's bucket lies from the needle's end.
  std::array<std::size_t, 256> skip;
  skip.fill(m);
  for (std::size_t i = 0; i + 1 < m; ++i)
    skip[bucket(n[i])] = m - 1 - i;
  const C last_unit = n[m - 1];
  Index pos = start;
  const Index stop = end - static_cast<Index>(m);
  while (pos <= stop) {
    const C tail = h[pos + m - 1];
    if (tail == last_unit && equal_at(h.data() + pos, n.substr(0, m - 1))) return pos;
    pos += static_cast<Index>(skip[bucket(tail)]);
  }
  return -1;
}

template <CodeUnit C> Index rfind_in(View<C> h, View<C> n, Index start, Index end) {
  const std::size_t m = n.size();
  if (m == 1) {
    for (Index i = end - 1; i >= start; --i) {
      if (h[i] == n[0]) return i;
    }
    return -1;
  }
  std::array<std::size_t, 256> skip;
  skip.fill(m);
  for (std::size_t i = m - 1; i > 0; --i)
    skip[bucket(n[i])] = i;
  const C first_unit = n[0];
  Index pos = end - static_cast<Index>(m);
  while (pos >= start) {
    const C head = h[pos];
    if (head == first_unit && equal_at(h.data() + pos + 1, n.substr(1))) return pos;
    pos -= static_cast<Index>(skip[bucket(head)]);
  }
  return -1;
}

} // namespace

template <CodeUnit C> Index str_find(View<C> haystack, View<C> needle, Index start, Index end) {
  if (!clip_window(haystack.size(), start, end, needle.size())) return -1;
  if (needle.empty()) return start;
  return find_in(haystack, needle, start, end);
}

template <CodeUnit C> Index str_rfind(View<C> haystack, View<C> needle, Index start, Index end) {
  if (!clip_window(haystack.size(), start, end, needle.size())) return -1;
  if (needle.empty()) return end;
  return rfind_in(haystack, needle, start, end);
}

template <CodeUnit C>
Index str_count(View<C> haystack, View<C> needle, Index start, Index end, Index limit) {
  if (!clip_window(haystack.size(), start, end, needle.size())) return 0;
  if (limit < 0) limit = end - start + 1;
  if (needle.empty()) return std::min(end - start + 1, limit);
  Index count = 0;
  Index pos = start;
  const Index m = static_cast<Index>(needle.size());
  while (count < limit && end - pos >= m) {
    Index found = find_in(haystack, needle, pos, end);
    if (found < 0) break;
    ++count;
    pos = found + m;
  }
  return count;
}

template <CodeUnit C> bool str_startswith(View<C> haystack, View<C> affix, Index start, Index end) {
  if (!clip_window(haystack.size(), start, end, affix.size())) return false;
  return equal_at(haystack.data() + start, affix);
}

template <CodeUnit C> bool str_endswith(View<C> haystack, View<C> affix, Index start, Index end) {
  if (!clip_window(haystack.size(), start, end, affix.size())) return false;
  return equal_at(haystack.data() + end - affix.size(), affix);
}

#define INTERP_TEXT_INSTANTIATE(C)                                                                 \
  template Index str_find<C>(View<C>, View<C>, Index, Index);                                      \
  template Index str_rfind<C>(View<C>, View<C>, Index, Index);                                     \
  template Index str_count<C>(View<C>, View<C>, Index, Index, Index);                              \
  template bool str_startswith<C>(View<C>, View<C>, Index, Index);                                 \
  template bool str_endswith<C>(View<C>, View<C>, Index, Index);
INTERP_TEXT_INSTANTIATE(char)
INTERP_TEXT_INSTANTIATE(char32_t)
#undef INTERP_TEXT_INSTANTIATE

} // namespace interp::text
