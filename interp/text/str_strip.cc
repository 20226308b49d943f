// Stripping by a predicate on the ends of a view.
#include "interp/text/str_strip.h"

#include <algorithm>

#include "interp/text/char_classes.h"

namespace interp::text {
namespace {

template <CodeUnit C, typename Pred> View<C> strip_by(View<C> s, StripSide side, Pred strip) {
  std::size_t begin = 0;
  std::size_t end = s.size();
  if (side != StripSide::right) {
    while (begin < end && strip(s[begin]))
      ++begin;
  }
  if (side != StripSide::left) {
    while (end > begin && strip(s[end - 1]))
      --end;
  }
  return s.substr(begin, end - begin);
}

} // namespace

template <CodeUnit C>
View<C> str_strip(View<C> s, std::optional<View<C>> chars, StripSide side, Flavor flavor) {
  if (!chars) {
    return strip_by<C>(s, side, [flavor](C c) { return is_space_in(ordinal(c), flavor); });
  }
  View<C> set = *chars;
  return strip_by<C>(s, side,
                     [set](C c) { return std::find(set.begin(), set.end(), c) != set.end(); });
}

template View<char> str_strip<char>(View<char>, std::optional<View<char>>, StripSide, Flavor);
template View<char32_t> str_strip<char32_t>(View<char32_t>, std::optional<View<char32_t>>,
                                            StripSide, Flavor);

} // namespace interp::text
