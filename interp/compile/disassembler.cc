// interp/compile/disassembler.cc - listings of CodeUnits (see disassembler.h).

#include "interp/compile/disassembler.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

#include <utf8proc.h>

namespace interp::compile {
std::string int_literal_decimal(const std::string& text);
}

namespace interp::bytecode {

namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xc0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xe0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(char(0xf0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  }
}

std::string hex_escape(const char* prefix, unsigned v, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, v);
  return buf;
}

// str.isprintable() of one character: not in the Unicode categories Cc, Cf, Cs, Co, Cn,
// Zl, Zp or Zs (except the space itself).
bool printable(std::uint32_t c) {
  if (c == ' ') return true;
  if (c > 0x10ffff) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
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

template <class Char> std::string quoted(const std::basic_string<Char>& s, bool bytes) {
  bool has_single = false, has_double = false;
  for (Char c : s) {
    has_single = has_single || c == '\'';
    has_double = has_double || c == '"';
  }
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out = bytes ? "b" : "";
  out.push_back(quote);
  for (Char ch : s) {
    auto c = static_cast<std::uint32_t>(static_cast<std::make_unsigned_t<Char>>(ch));
    if (c == static_cast<std::uint32_t>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80) || (!bytes && c >= 0x80 && c < 0xa0)) {
      out += hex_escape("\\x", c, 2);
    } else if (!bytes && !printable(c)) {
      out += c < 0x100     ? hex_escape("\\x", c, 2)
             : c < 0x10000 ? hex_escape("\\u", c, 4)
                           : hex_escape("\\U", c, 8);
    } else if (bytes) {
      out.push_back(char(c));
    } else {
      append_utf8(out, char32_t(c));
    }
  }
  out.push_back(quote);
  return out;
}

// Python's repr of a float: the shortest digits that round-trip, in fixed notation when
// the decimal exponent is in [-4, 16), else in scientific notation.
std::string float_repr(double d, bool add_dot_zero) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  bool negative = sci[0] == '-';
  if (negative) sci = sci.substr(1);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits.push_back(c);
  int decpt = exp + 1;
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out = "0." + std::string(-decpt, '0') + digits;
    } else if (decpt >= static_cast<int>(digits.size())) {
      out = digits + std::string(decpt - digits.size(), '0');
      if (add_dot_zero) out += ".0";
    } else {
      out = digits.substr(0, decpt) + "." + digits.substr(decpt);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    out += ebuf;
  }
  return negative ? "-" + out : out;
}

const char* const kBinaryOpSymbols[] = {
    "+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "**",  ">>",  "-",  "/",  "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

bool is_jump(Op op) {
  switch (op) {
  case Op::JUMP:
  case Op::JUMP_NO_INTERRUPT:
  case Op::POP_JUMP_IF_FALSE:
  case Op::POP_JUMP_IF_TRUE:
  case Op::POP_JUMP_IF_NONE:
  case Op::POP_JUMP_IF_NOT_NONE:
  case Op::JUMP_IF_FALSE_OR_POP:
  case Op::JUMP_IF_TRUE_OR_POP:
  case Op::FOR_ITER:
  case Op::SEND:
    return true;
  default:
    return false;
  }
}

std::string argument_repr(const CodeUnit& code, Op op, std::uint32_t arg) {
  auto name_at = [&](const std::vector<std::string>& v, std::uint32_t i) {
    return i < v.size() ? v[i] : std::string("<bad index>");
  };
  auto cell_name = [&](std::uint32_t i) {
    if (i < code.cellvars.size()) return code.cellvars[i];
    return name_at(code.freevars, i - static_cast<std::uint32_t>(code.cellvars.size()));
  };
  switch (op) {
  case Op::LOAD_CONST:
  case Op::KW_NAMES:
    return arg < code.consts.size() ? constant_repr(code.consts[arg]) : "<bad index>";
  case Op::LOAD_FAST:
  case Op::STORE_FAST:
  case Op::DELETE_FAST:
    return name_at(code.varnames, arg);
  case Op::LOAD_DEREF:
  case Op::STORE_DEREF:
  case Op::DELETE_DEREF:
  case Op::LOAD_CLASSDEREF:
  case Op::LOAD_CLOSURE:
    return cell_name(arg);
  case Op::LOAD_GLOBAL:
    return (arg & 1 ? "NULL + " : "") + name_at(code.names, arg >> 1);
  case Op::LOAD_NAME:
  case Op::STORE_NAME:
  case Op::DELETE_NAME:
  case Op::STORE_GLOBAL:
  case Op::DELETE_GLOBAL:
  case Op::LOAD_ATTR:
  case Op::STORE_ATTR:
  case Op::DELETE_ATTR:
  case Op::LOAD_METHOD:
  case Op::IMPORT_NAME:
  case Op::IMPORT_FROM:
    return name_at(code.names, arg);
  case Op::BINARY_OP:
    return arg < 26 ? kBinaryOpSymbols[arg] : "?";
  case Op::COMPARE_OP:
    return arg < 6 ? kCompareSymbols[arg] : "?";
  case Op::FORMAT_VALUE: {
    static const char* const conv[] = {"", "str", "repr", "ascii"};
    std::string s = conv[arg & 3];
    if (arg & 4) s += s.empty() ? "with format" : ", with format";
    return s;
  }
  case Op::MAKE_FUNCTION: {
    static const char* const flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
    std::string s;
    for (int i = 0; i < 4; ++i)
      if (arg & (1u << i)) s += (s.empty() ? "" : ", ") + std::string(flags[i]);
    return s;
  }
  default:
    if (is_jump(op)) return "to " + std::to_string(arg);
    return "";
  }
}

} // namespace

std::string constant_repr(const Constant& c) {
  struct Visitor {
    std::string operator()(const ast::NoneValue&) const { return "None"; }
    std::string operator()(const ast::EllipsisValue&) const { return "Ellipsis"; }
    std::string operator()(bool b) const { return b ? "True" : "False"; }
    std::string operator()(const ast::IntLiteral& i) const {
      return compile::int_literal_decimal(i.text);
    }
    std::string operator()(double d) const { return float_repr(d, true); }
    std::string operator()(const ComplexValue& z) const {
      if (z.real == 0.0 && !std::signbit(z.real)) return float_repr(z.imag, false) + "j";
      std::string im = float_repr(z.imag, false);
      if (im[0] != '-') im = "+" + im;
      return "(" + float_repr(z.real, false) + im + "j)";
    }
    std::string operator()(const std::u32string& s) const { return quoted(s, false); }
    std::string operator()(const ast::BytesValue& b) const { return quoted(b.bytes, true); }
    std::string operator()(const std::shared_ptr<const ConstTuple>& t) const {
      std::string out = "(";
      for (size_t i = 0; i < t->items.size(); ++i)
        out += (i ? ", " : "") + constant_repr(t->items[i]);
      if (t->items.size() == 1) out += ",";
      return out + ")";
    }
    std::string operator()(const std::shared_ptr<const ConstFrozenSet>& t) const {
      if (t->items.empty()) return "frozenset()";
      // sorted, so that listings do not depend on hashing
      std::vector<std::string> items;
      for (auto& item : t->items)
        items.push_back(constant_repr(item));
      std::sort(items.begin(), items.end());
      std::string out = "frozenset({";
      for (size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + items[i];
      return out + "})";
    }
    std::string operator()(const std::shared_ptr<const CodeUnit>& code) const {
      return "<code object " + code->name + ", line " + std::to_string(code->firstlineno) + ">";
    }
  };
  return std::visit(Visitor{}, c);
}

std::string disassemble_one(const CodeUnit& code) {
  std::set<std::uint32_t> targets;
  for (auto insn : code.code)
    if (is_jump(op_of(insn))) targets.insert(arg_of(insn));
  for (auto& e : code.exception_table)
    targets.insert(e.target);
  char head[256];
  std::snprintf(head, sizeof head, " args %u posonly %u kwonly %u flags 0x%x stack %u\n",
                code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags,
                code.stacksize);
  std::string out = "Code " + code.name + " (" + code.qualname + ")" + head;
  int last_line = -1;
  for (size_t i = 0; i < code.code.size(); ++i) {
    Op op = op_of(code.code[i]);
    std::uint32_t arg = arg_of(code.code[i]);
    int line = i < code.locations.size() ? code.locations[i].line : 0;
    char buf[64];
    if (line != last_line) {
      std::snprintf(buf, sizeof buf, "%4d", line);
      out += buf;
      last_line = line;
    } else {
      out += "    ";
    }
    std::snprintf(buf, sizeof buf, " %2s %4zu ", targets.count(i) ? ">>" : "", i);
    out += buf;
    out += op_name(op);
    if (op_has_argument(op)) {
      out += " " + std::to_string(arg);
      std::string r = argument_repr(code, op, arg);
      if (!r.empty()) out += " (" + r + ")";
    }
    out += "\n";
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (auto& e : code.exception_table) {
      out += "  " + std::to_string(e.start) + " to " + std::to_string(e.end - 1) + " -> " +
             std::to_string(e.target) + " [" + std::to_string(e.depth) + "]" +
             (e.push_lasti ? " lasti" : "") + "\n";
    }
  }
  return out;
}

std::string disassemble(const CodeUnit& code) {
  std::string out = disassemble_one(code);
  for (auto& c : code.consts)
    if (auto* nested = std::get_if<std::shared_ptr<const CodeUnit>>(&c)) {
      out += "\nDisassembly of " + constant_repr(c) + ":\n";
      out += disassemble(**nested);
    }
  return out;
}

} // namespace interp::bytecode
