// Splitting by separator, by whitespace and by lines; one template per algorithm.
#include "interp/text/str_split.h"

#include <algorithm>

#include "interp/text/char_classes.h"
#include "interp/text/str_search.h"

namespace interp::text {
namespace {

TextError empty_separator() {
  return TextError{TextErrorKind::value_error, "empty separator"};
}

Index size_of(auto view) {
  return static_cast<Index>(view.size());
}

} // namespace

template <CodeUnit C> TextResult<Pieces<C>> str_split(View<C> s, View<C> sep, Index maxsplit) {
  if (sep.empty()) return empty_separator();
  Pieces<C> out;
  Index pos = 0;
  const Index n = size_of(s);
  while (maxsplit < 0 || size_of(out) < maxsplit) {
    Index found = str_find<C>(s, sep, pos, n);
    if (found < 0) break;
    out.push_back(s.substr(pos, found - pos));
    pos = found + size_of(sep);
  }
  out.push_back(s.substr(pos));
  return out;
}

template <CodeUnit C> TextResult<Pieces<C>> str_rsplit(View<C> s, View<C> sep, Index maxsplit) {
  if (sep.empty()) return empty_separator();
  Pieces<C> out;
  Index end = size_of(s);
  while (maxsplit < 0 || size_of(out) < maxsplit) {
    Index found = str_rfind<C>(s, sep, 0, end);
    if (found < 0) break;
    out.push_back(s.substr(found + sep.size(), end - found - sep.size()));
    end = found;
  }
  out.push_back(s.substr(0, end));
  std::reverse(out.begin(), out.end());
  return out;
}

template <CodeUnit C> Pieces<C> str_split_whitespace(View<C> s, Index maxsplit, Flavor flavor) {
  Pieces<C> out;
  const std::size_t n = s.size();
  auto space = [&](std::size_t i) { return is_space_in(ordinal(s[i]), flavor); };
  std::size_t i = 0;
  while (true) {
    while (i < n && space(i))
      ++i;
    if (i == n) break;
    // After the last allowed split, the rest (minus its leading whitespace) is one piece.
    if (maxsplit >= 0 && size_of(out) == maxsplit) {
      out.push_back(s.substr(i));
      break;
    }
    std::size_t word = i;
    while (i < n && !space(i))
      ++i;
    out.push_back(s.substr(word, i - word));
  }
  return out;
}

template <CodeUnit C> Pieces<C> str_rsplit_whitespace(View<C> s, Index maxsplit, Flavor flavor) {
  Pieces<C> out;
  auto space = [&](std::size_t i) { return is_space_in(ordinal(s[i]), flavor); };
  std::size_t end = s.size();
  while (true) {
    while (end > 0 && space(end - 1))
      --end;
    if (end == 0) break;
    if (maxsplit >= 0 && size_of(out) == maxsplit) {
      out.push_back(s.substr(0, end));
      break;
    }
    std::size_t word_end = end;
    while (end > 0 && !space(end - 1))
      --end;
    out.push_back(s.substr(end, word_end - end));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

template <CodeUnit C> Pieces<C> str_splitlines(View<C> s, bool keepends, Flavor flavor) {
  Pieces<C> out;
  const std::size_t n = s.size();
  std::size_t line = 0;
  std::size_t i = 0;
  while (i < n) {
    if (!is_linebreak_in(ordinal(s[i]), flavor)) {
      ++i;
      continue;
    }
    std::size_t eol = i;
    ++i;
    if (s[eol] == C('\r') && i < n && s[i] == C('\n')) ++i;
    out.push_back(s.substr(line, (keepends ? i : eol) - line));
    line = i;
  }
  if (line < n) out.push_back(s.substr(line));
  return out;
}

template <CodeUnit C> TextResult<std::array<View<C>, 3>> str_partition(View<C> s, View<C> sep) {
  if (sep.empty()) return empty_separator();
  Index found = str_find<C>(s, sep);
  if (found < 0) return std::array<View<C>, 3>{s, View<C>(), View<C>()};
  return std::array<View<C>, 3>{s.substr(0, found), s.substr(found, sep.size()),
                                s.substr(found + sep.size())};
}

template <CodeUnit C> TextResult<std::array<View<C>, 3>> str_rpartition(View<C> s, View<C> sep) {
  if (sep.empty()) return empty_separator();
  Index found = str_rfind<C>(s, sep);
  if (found < 0) return std::array<View<C>, 3>{View<C>(), View<C>(), s};
  return std::array<View<C>, 3>{s.substr(0, found), s.substr(found, sep.size()),
                                s.substr(found + sep.size())};
}

#define INTERP_TEXT_INSTANTIATE(C)                                                                 \
  template TextResult<Pieces<C>> str_split<C>(View<C>, View<C>, Index);                            \
  template TextResult<Pieces<C>> str_rsplit<C>(View<C>, View<C>, Index);                           \
  template Pieces<C> str_split_whitespace<C>(View<C>, Index, Flavor);                              \
  template Pieces<C> str_rsplit_whitespace<C>(View<C>, Index, Flavor);                             \
  template Pieces<C> str_splitlines<C>(View<C>, bool, Flavor);                                     \
  template TextResult<std::array<View<C>, 3>> str_partition<C>(View<C>, View<C>);                  \
  template TextResult<std::array<View<C>, 3>> str_rpartition<C>(View<C>, View<C>);
INTERP_TEXT_INSTANTIATE(char)
INTERP_TEXT_INSTANTIATE(char32_t)
#undef INTERP_TEXT_INSTANTIATE

} // namespace interp::text
