// Quoting and escaping for repr() and ascii().
#include "interp/text/str_repr.h"

#include "interp/text/unicode_props.h"

namespace interp::text {
namespace {

template <CodeUnit C> char choose_quote(View<C> s) {
  bool has_single = false;
  bool has_double = false;
  for (C c : s) {
    has_single |= c == C('\'');
    has_double |= c == C('"');
  }
  return has_single && !has_double ? '"' : '\'';
}

template <CodeUnit Out> void append_hex(String<Out>& out, char prefix, char32_t value, int digits) {
  static constexpr char hex[] = "0123456789abcdef";
  out += Out('\\');
  out += Out(prefix);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out += Out(hex[(value >> shift) & 0xF]);
}

// Appends code point c with repr's escapes; `escape_non_ascii` is ascii()'s rule.
template <CodeUnit Out>
void append_escaped(String<Out>& out, char32_t c, char quote, bool escape_non_ascii) {
  if (c == static_cast<char32_t>(quote) || c == '\\') {
    out += Out('\\');
    out += Out(c);
  } else if (c == '\t') {
    out += {Out('\\'), Out('t')};
  } else if (c == '\n') {
    out += {Out('\\'), Out('n')};
  } else if (c == '\r') {
    out += {Out('\\'), Out('r')};
  } else if (c < 0x20 || c == 0x7F) {
    append_hex(out, 'x', c, 2);
  } else if (c < 0x7F || (!escape_non_ascii && is_printable(c))) {
    out += static_cast<Out>(c);
  } else if (c <= 0xFF) {
    append_hex(out, 'x', c, 2);
  } else if (c <= 0xFFFF) {
    append_hex(out, 'u', c, 4);
  } else {
    append_hex(out, 'U', c, 8);
  }
}

template <CodeUnit In, CodeUnit Out> String<Out> quote_text(View<In> s, bool escape_non_ascii) {
  String<Out> out;
  out.reserve(s.size() + 2);
  char quote = choose_quote(s);
  out += Out(quote);
  for (In c : s)
    append_escaped<Out>(out, ordinal(c), quote, escape_non_ascii);
  out += Out(quote);
  return out;
}

} // namespace

template <CodeUnit C> String<C> str_repr(View<C> s) {
  return quote_text<C, C>(s, false);
}

template <CodeUnit C> std::string str_ascii(View<C> s) {
  return quote_text<C, char>(s, true);
}

std::string bytes_repr(std::string_view b, bool escape_single_quote) {
  std::string out = "b";
  char quote = choose_quote(b);
  out += quote;
  for (char unit : b) {
    char32_t c = ordinal(unit);
    // Bytes have no printable Unicode range: everything past 0x7e is \xNN.
    if (c >= 0x7F) {
      append_hex(out, 'x', c, 2);
    } else if (escape_single_quote && c == '\'') {
      out += "\\'";
    } else {
      append_escaped<char>(out, c, quote, true);
    }
  }
  out += quote;
  return out;
}

template String<char> str_repr<char>(View<char>);
template String<char32_t> str_repr<char32_t>(View<char32_t>);
template std::string str_ascii<char>(View<char>);
template std::string str_ascii<char32_t>(View<char32_t>);

} // namespace interp::text
