// ast_dump: node names, field order and value reprs as 3.11's Lib/ast.py prints them.
// Fields that are None and optional are left out; lists are always printed.
#include "interp/parse/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include <utf8proc.h>

#include "interp/parse/ast_fields.h"
#include "interp/parse/parser_internal.h"

namespace interp::parse {

using namespace interp::ast;

namespace {

// An integer literal's value in decimal: the text may be in any base and any length.
std::string int_literal_decimal(const std::string& text) {
  int base = 10;
  size_t i = 0;
  if (text.size() > 1 && text[0] == '0') {
    char b = static_cast<char>(text[1] | 0x20);
    if (b == 'x') base = 16;
    if (b == 'o') base = 8;
    if (b == 'b') base = 2;
    if (base != 10) i = 2;
  }
  std::vector<unsigned> limbs{0}; // base 1e9, little end first
  for (; i < text.size(); i++) {
    char c = text[i];
    unsigned d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    unsigned long long carry = d;
    for (auto& limb : limbs) {
      unsigned long long v = static_cast<unsigned long long>(limb) * base + carry;
      limb = static_cast<unsigned>(v % 1000000000ULL);
      carry = v / 1000000000ULL;
    }
    if (carry) limbs.push_back(static_cast<unsigned>(carry));
  }
  std::string out = std::to_string(limbs.back());
  for (size_t k = limbs.size() - 1; k-- > 0;) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%09u", limbs[k]);
    out += buf;
  }
  return out;
}

// float repr(): shortest round-trip digits, positional for 1e-4 <= |x| < 1e16.
std::string float_repr(double d, bool complex_part) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  std::string out;
  if (exp >= -5 + 1 && exp < 16) {
    if (exp >= 0) {
      if (static_cast<int>(digits.size()) <= exp + 1) {
        out = digits + std::string(exp + 1 - digits.size(), '0');
        if (!complex_part) out += ".0";
      } else {
        out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
      }
    } else {
      out = "0." + std::string(-exp - 1, '0') + digits;
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  }
  return neg ? "-" + out : out;
}

bool is_printable(char32_t cp) {
  if (cp == ' ') return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
  case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF:
  case UTF8PROC_CATEGORY_CS:
  case UTF8PROC_CATEGORY_CO:
  case UTF8PROC_CATEGORY_CN:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_ZS:
    return false;
  default:
    return true;
  }
}

std::string str_repr(const std::u32string& s) {
  bool has_single = s.find(U'\'') != std::u32string::npos;
  bool has_double = s.find(U'"') != std::u32string::npos;
  char32_t quote = has_single && !has_double ? U'"' : U'\'';
  std::u32string out;
  out += quote;
  char buf[16];
  for (char32_t c : s) {
    if (c == quote || c == U'\\') {
      out += U'\\';
      out += c;
    } else if (c == U'\t') {
      out += U"\\t";
    } else if (c == U'\n') {
      out += U"\\n";
    } else if (c == U'\r') {
      out += U"\\r";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += utf8_to_u32(buf);
    } else if (c < 0x7F) {
      out += c;
    } else if (c >= 0xD800 && c <= 0xDFFF ? false : is_printable(c)) {
      out += c;
    } else if (c <= 0xFF) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += utf8_to_u32(buf);
    } else if (c <= 0xFFFF) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += utf8_to_u32(buf);
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
      out += utf8_to_u32(buf);
    }
  }
  out += quote;
  return u32_to_utf8(out);
}

std::string bytes_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  char buf[8];
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == quote || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += quote;
  return out;
}

// Prints the fields as ast.dump does: None-valued optional fields are left out, lists
// are always printed.
class Dumper {
public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}
  std::string out;

  void begin(const char* name) {
    out += name;
    out += '(';
    first_.push_back(true);
  }
  void end(const Node* n) {
    if (attrs_ && n) {
      raw("lineno", std::to_string(n->pos.lineno));
      raw("col_offset", std::to_string(n->pos.col_offset));
      raw("end_lineno", std::to_string(n->pos.end_lineno));
      raw("end_col_offset", std::to_string(n->pos.end_col_offset));
    }
    first_.pop_back();
    out += ')';
  }
  template <class T> void node(const char* k, const T* n) {
    if (!n) return;
    key(k);
    walk(*this, n);
  }
  template <class T> void opt(const char* k, const T* n) { node(k, n); }
  template <class T> void list(const char* k, const List<T>& l, bool) {
    key(k);
    out += '[';
    for (size_t i = 0; i < l.size(); i++) {
      if (i) out += ", ";
      if (l[i])
        walk(*this, l[i]);
      else
        out += "None";
    }
    out += ']';
  }
  void idents(const char* k, const std::vector<std::string>& l) {
    key(k);
    out += '[';
    for (size_t i = 0; i < l.size(); i++) {
      if (i) out += ", ";
      out += str_repr(utf8_to_u32(l[i]));
    }
    out += ']';
  }
  void ident(const char* k, const std::string& s) { raw(k, str_repr(utf8_to_u32(s))); }
  void opt_ident(const char* k, const std::string& s) {
    if (!s.empty()) ident(k, s);
  }
  void integer(const char* k, int i) { raw(k, std::to_string(i)); }
  void flag(const char* k, bool b) { raw(k, b ? "1" : "0"); }
  template <class E, std::size_t N>
  void choice(const char* k, E value, const char* const (&names)[N], const char*) {
    raw(k, std::string(names[static_cast<int>(value)]) + "()");
  }
  template <class E, std::size_t N>
  void choices(const char* k, const std::vector<E>& values, const char* const (&names)[N],
               const char*) {
    std::string text = "[";
    for (size_t i = 0; i < values.size(); i++) {
      if (i) text += ", ";
      text += std::string(names[static_cast<int>(values[i])]) + "()";
    }
    raw(k, text + "]");
  }
  void constant(const char* k, const ConstantValue& value) { raw(k, constant_repr(value)); }
  void absent(const char* k, bool is_list) {
    if (is_list) raw(k, "[]");
  }

private:
  void key(const char* k) {
    if (!first_.back()) out += ", ";
    first_.back() = false;
    out += k;
    out += '=';
  }
  void raw(const char* k, const std::string& v) {
    key(k);
    out += v;
  }

  bool attrs_;
  std::vector<bool> first_;
};

std::string collection_repr(const ConstantCollection& c) {
  std::string out = c.frozenset ? "frozenset({" : "(";
  for (std::size_t i = 0; i < c.items.size(); i++)
    out += (i ? ", " : "") + constant_repr(c.items[i]);
  if (c.frozenset) return c.items.empty() ? "frozenset()" : out + "})";
  return out + (c.items.size() == 1 ? ",)" : ")");
}

} // namespace

std::string constant_repr(const ConstantValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, NoneValue>)
          return "None";
        else if constexpr (std::is_same_v<T, EllipsisValue>)
          return "Ellipsis";
        else if constexpr (std::is_same_v<T, bool>)
          return v ? "True" : "False";
        else if constexpr (std::is_same_v<T, IntLiteral>)
          return int_literal_decimal(v.text);
        else if constexpr (std::is_same_v<T, double>)
          return float_repr(v, false);
        else if constexpr (std::is_same_v<T, ImaginaryLiteral>)
          return float_repr(v.imag, true) + "j";
        else if constexpr (std::is_same_v<T, std::u32string>)
          return str_repr(v);
        else if constexpr (std::is_same_v<T, BytesValue>)
          return bytes_repr(v.bytes);
        else
          return collection_repr(*v);
      },
      value);
}

std::string ast_dump(const Module& module, bool include_attributes) {
  Dumper d(include_attributes);
  walk(d, &module);
  return d.out;
}

} // namespace interp::parse
