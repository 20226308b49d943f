// Replacement by repeated search; the result is sized once from the match count.
#include "interp/text/str_replace.h"

#include "interp/text/str_search.h"

namespace interp::text {

template <CodeUnit C>
String<C> str_replace(View<C> s, View<C> old, View<C> replacement, Index count) {
  const Index n = static_cast<Index>(s.size());
  Index matches = str_count<C>(s, old, 0, n, count);
  if (matches == 0) return String<C>(s);
  String<C> out;
  out.reserve(s.size() + static_cast<std::size_t>(matches) * replacement.size() -
              static_cast<std::size_t>(matches) * old.size());
  if (old.empty()) {
    // Insert before each of the first `matches` units (the last slot is the end).
    for (Index i = 0; i < matches; ++i) {
      out += replacement;
      if (i < n) out += s[i];
    }
    if (matches <= n) out += s.substr(matches);
    return out;
  }
  Index pos = 0;
  for (Index i = 0; i < matches; ++i) {
    Index found = str_find<C>(s, old, pos, n);
    out += s.substr(pos, found - pos);
    out += replacement;
    pos = found + static_cast<Index>(old.size());
  }
  out += s.substr(pos);
  return out;
}

template String<char> str_replace<char>(View<char>, View<char>, View<char>, Index);
template String<char32_t> str_replace<char32_t>(View<char32_t>, View<char32_t>, View<char32_t>,
                                                Index);

} // namespace interp::text
