// Padding, tab expansion and joining.
#include "interp/text/str_layout.h"

namespace interp::text {
namespace {

template <CodeUnit C> String<C> pad(View<C> s, Index left, Index right, C fill) {
  String<C> out;
  out.reserve(s.size() + static_cast<std::size_t>(left + right));
  out.append(static_cast<std::size_t>(left), fill);
  out += s;
  out.append(static_cast<std::size_t>(right), fill);
  return out;
}

} // namespace

template <CodeUnit C> String<C> str_expandtabs(View<C> s, Index tabsize) {
  String<C> out;
  out.reserve(s.size());
  Index column = 0;
  for (C c : s) {
    if (c == C('\t')) {
      if (tabsize > 0) {
        Index spaces = tabsize - column % tabsize;
        out.append(static_cast<std::size_t>(spaces), C(' '));
        column += spaces;
      }
    } else {
      out += c;
      column = (c == C('\n') || c == C('\r')) ? 0 : column + 1;
    }
  }
  return out;
}

template <CodeUnit C> String<C> str_center(View<C> s, Index width, C fill) {
  const Index n = static_cast<Index>(s.size());
  if (width <= n) return String<C>(s);
  Index margin = width - n;
  Index left = margin / 2 + (margin & width & 1);
  return pad<C>(s, left, margin - left, fill);
}

template <CodeUnit C> String<C> str_ljust(View<C> s, Index width, C fill) {
  const Index n = static_cast<Index>(s.size());
  return width <= n ? String<C>(s) : pad<C>(s, 0, width - n, fill);
}

template <CodeUnit C> String<C> str_rjust(View<C> s, Index width, C fill) {
  const Index n = static_cast<Index>(s.size());
  return width <= n ? String<C>(s) : pad<C>(s, width - n, 0, fill);
}

template <CodeUnit C> String<C> str_zfill(View<C> s, Index width) {
  const Index n = static_cast<Index>(s.size());
  if (width <= n) return String<C>(s);
  String<C> out = pad<C>(s, width - n, 0, C('0'));
  // A sign moves to the front, ahead of the zeros.
  if (n > 0 && (s[0] == C('+') || s[0] == C('-'))) {
    out[0] = s[0];
    out[static_cast<std::size_t>(width - n)] = C('0');
  }
  return out;
}

template <CodeUnit C> String<C> str_join(View<C> separator, std::span<const View<C>> parts) {
  std::size_t total = 0;
  for (View<C> part : parts)
    total += part.size();
  if (!parts.empty()) total += separator.size() * (parts.size() - 1);
  String<C> out;
  out.reserve(total);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

#define INTERP_TEXT_INSTANTIATE(C)                                                                 \
  template String<C> str_expandtabs<C>(View<C>, Index);                                            \
  template String<C> str_center<C>(View<C>, Index, C);                                             \
  template String<C> str_ljust<C>(View<C>, Index, C);                                              \
  template String<C> str_rjust<C>(View<C>, Index, C);                                              \
  template String<C> str_zfill<C>(View<C>, Index);                                                 \
  template String<C> str_join<C>(View<C>, std::span<const View<C>>);
INTERP_TEXT_INSTANTIATE(char)
INTERP_TEXT_INSTANTIATE(char32_t)
#undef INTERP_TEXT_INSTANTIATE

} // namespace interp::text
