// ast_dump: node names, field order and value reprs as 3.11's Lib/ast.py prints them.
// Fields that are None and optional are left out; lists are always printed.
#include "interp/parse/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include <utf8proc.h>

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

const char* operator_name(Operator op) {
  static constexpr const char* names[] = {"Add",    "Sub",    "Mult",    "MatMult", "Div",
                                          "Mod",    "Pow",    "LShift",  "RShift",  "BitOr",
                                          "BitXor", "BitAnd", "FloorDiv"};
  return names[static_cast<int>(op)];
}

const char* cmpop_name(CmpOp op) {
  static constexpr const char* names[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                          "GtE", "Is",    "IsNot", "In",  "NotIn"};
  return names[static_cast<int>(op)];
}

const char* ctx_name(ExprContext c) {
  return c == ExprContext::Load ? "Load()" : c == ExprContext::Store ? "Store()" : "Del()";
}

class Dumper {
public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}
  std::string out;

  // One node: Name(field=..., ...).
  struct Fields {
    Dumper& d;
    bool first = true;
    Fields(Dumper& dumper, const char* name) : d(dumper) {
      d.out += name;
      d.out += '(';
    }
    void key(const char* k) {
      if (!first) d.out += ", ";
      first = false;
      d.out += k;
      d.out += '=';
    }
    void raw(const char* k, const std::string& v) {
      key(k);
      d.out += v;
    }
    template <class T> void node(const char* k, const T* n) {
      if (!n) return; // optional and absent
      key(k);
      d.dump(n);
    }
    template <class T> void list(const char* k, const List<T>& l) {
      key(k);
      d.out += '[';
      for (size_t i = 0; i < l.size(); i++) {
        if (i) d.out += ", ";
        if (l[i])
          d.dump(l[i]);
        else
          d.out += "None";
      }
      d.out += ']';
    }
    void strs(const char* k, const std::vector<std::string>& l) {
      key(k);
      d.out += '[';
      for (size_t i = 0; i < l.size(); i++) {
        if (i) d.out += ", ";
        d.out += str_repr(utf8_to_u32(l[i]));
      }
      d.out += ']';
    }
    void str(const char* k, const std::string& s) { raw(k, str_repr(utf8_to_u32(s))); }
    void opt_str(const char* k, const std::string& s) {
      if (!s.empty()) str(k, s);
    }
    void close(const Node* n) {
      if (d.attrs_ && n) {
        raw("lineno", std::to_string(n->pos.lineno));
        raw("col_offset", std::to_string(n->pos.col_offset));
        raw("end_lineno", std::to_string(n->pos.end_lineno));
        raw("end_col_offset", std::to_string(n->pos.end_col_offset));
      }
      d.out += ')';
    }
  };

  void dump(const Stmt* s);
  void dump(const Expr* e);
  void dump(const Pattern* p);
  void dump(const Comprehension* c) {
    Fields f(*this, "comprehension");
    f.node("target", c->target);
    f.node("iter", c->iter);
    f.list("ifs", c->ifs);
    f.raw("is_async", c->is_async ? "1" : "0");
    f.close(nullptr);
  }
  void dump(const Arguments* a) {
    Fields f(*this, "arguments");
    f.list("posonlyargs", a->posonlyargs);
    f.list("args", a->args);
    f.node("vararg", a->vararg);
    f.list("kwonlyargs", a->kwonlyargs);
    f.list("kw_defaults", a->kw_defaults);
    f.node("kwarg", a->kwarg);
    f.list("defaults", a->defaults);
    f.close(nullptr);
  }
  void dump(const Arg* a) {
    Fields f(*this, "arg");
    f.str("arg", a->arg);
    f.node("annotation", a->annotation);
    f.opt_str("type_comment", a->type_comment);
    f.close(a);
  }
  void dump(const Keyword* k) {
    Fields f(*this, "keyword");
    f.opt_str("arg", k->arg);
    f.node("value", k->value);
    f.close(k);
  }
  void dump(const Alias* a) {
    Fields f(*this, "alias");
    f.str("name", a->name);
    f.opt_str("asname", a->asname);
    f.close(a);
  }
  void dump(const WithItem* w) {
    Fields f(*this, "withitem");
    f.node("context_expr", w->context_expr);
    f.node("optional_vars", w->optional_vars);
    f.close(nullptr);
  }
  void dump(const ExceptHandler* h) {
    Fields f(*this, "ExceptHandler");
    f.node("type", h->type);
    f.opt_str("name", h->name);
    f.list("body", h->body);
    f.close(h);
  }
  void dump(const MatchCase* m) {
    Fields f(*this, "match_case");
    f.node("pattern", m->pattern);
    f.node("guard", m->guard);
    f.list("body", m->body);
    f.close(nullptr);
  }

private:
  bool attrs_;
};

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
        else
          return bytes_repr(v.bytes);
      },
      value);
}

void Dumper::dump(const Stmt* s) {
  switch (s->kind) {
  case StmtKind::FunctionDef:
  case StmtKind::AsyncFunctionDef: {
    auto* n = static_cast<const FunctionDef*>(s);
    Fields f(*this, s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef");
    f.str("name", n->name);
    f.node("args", n->args);
    f.list("body", n->body);
    f.list("decorator_list", n->decorator_list);
    f.node("returns", n->returns);
    f.close(s);
    return;
  }
  case StmtKind::ClassDef: {
    auto* n = static_cast<const ClassDef*>(s);
    Fields f(*this, "ClassDef");
    f.str("name", n->name);
    f.list("bases", n->bases);
    f.list("keywords", n->keywords);
    f.list("body", n->body);
    f.list("decorator_list", n->decorator_list);
    f.close(s);
    return;
  }
  case StmtKind::Return: {
    Fields f(*this, "Return");
    f.node("value", static_cast<const Return*>(s)->value);
    f.close(s);
    return;
  }
  case StmtKind::Delete: {
    Fields f(*this, "Delete");
    f.list("targets", static_cast<const Delete*>(s)->targets);
    f.close(s);
    return;
  }
  case StmtKind::Assign: {
    auto* n = static_cast<const Assign*>(s);
    Fields f(*this, "Assign");
    f.list("targets", n->targets);
    f.node("value", n->value);
    f.close(s);
    return;
  }
  case StmtKind::AugAssign: {
    auto* n = static_cast<const AugAssign*>(s);
    Fields f(*this, "AugAssign");
    f.node("target", n->target);
    f.raw("op", std::string(operator_name(n->op)) + "()");
    f.node("value", n->value);
    f.close(s);
    return;
  }
  case StmtKind::AnnAssign: {
    auto* n = static_cast<const AnnAssign*>(s);
    Fields f(*this, "AnnAssign");
    f.node("target", n->target);
    f.node("annotation", n->annotation);
    f.node("value", n->value);
    f.raw("simple", n->simple ? "1" : "0");
    f.close(s);
    return;
  }
  case StmtKind::For:
  case StmtKind::AsyncFor: {
    auto* n = static_cast<const For*>(s);
    Fields f(*this, s->kind == StmtKind::For ? "For" : "AsyncFor");
    f.node("target", n->target);
    f.node("iter", n->iter);
    f.list("body", n->body);
    f.list("orelse", n->orelse);
    f.close(s);
    return;
  }
  case StmtKind::While: {
    auto* n = static_cast<const While*>(s);
    Fields f(*this, "While");
    f.node("test", n->test);
    f.list("body", n->body);
    f.list("orelse", n->orelse);
    f.close(s);
    return;
  }
  case StmtKind::If: {
    auto* n = static_cast<const If*>(s);
    Fields f(*this, "If");
    f.node("test", n->test);
    f.list("body", n->body);
    f.list("orelse", n->orelse);
    f.close(s);
    return;
  }
  case StmtKind::With:
  case StmtKind::AsyncWith: {
    auto* n = static_cast<const With*>(s);
    Fields f(*this, s->kind == StmtKind::With ? "With" : "AsyncWith");
    f.list("items", n->items);
    f.list("body", n->body);
    f.close(s);
    return;
  }
  case StmtKind::Match: {
    auto* n = static_cast<const Match*>(s);
    Fields f(*this, "Match");
    f.node("subject", n->subject);
    f.list("cases", n->cases);
    f.close(s);
    return;
  }
  case StmtKind::Raise: {
    auto* n = static_cast<const Raise*>(s);
    Fields f(*this, "Raise");
    f.node("exc", n->exc);
    f.node("cause", n->cause);
    f.close(s);
    return;
  }
  case StmtKind::Try:
  case StmtKind::TryStar: {
    auto* n = static_cast<const Try*>(s);
    Fields f(*this, s->kind == StmtKind::Try ? "Try" : "TryStar");
    f.list("body", n->body);
    f.list("handlers", n->handlers);
    f.list("orelse", n->orelse);
    f.list("finalbody", n->finalbody);
    f.close(s);
    return;
  }
  case StmtKind::Assert: {
    auto* n = static_cast<const Assert*>(s);
    Fields f(*this, "Assert");
    f.node("test", n->test);
    f.node("msg", n->msg);
    f.close(s);
    return;
  }
  case StmtKind::Import: {
    Fields f(*this, "Import");
    f.list("names", static_cast<const Import*>(s)->names);
    f.close(s);
    return;
  }
  case StmtKind::ImportFrom: {
    auto* n = static_cast<const ImportFrom*>(s);
    Fields f(*this, "ImportFrom");
    f.opt_str("module", n->module);
    f.list("names", n->names);
    f.raw("level", std::to_string(n->level));
    f.close(s);
    return;
  }
  case StmtKind::Global: {
    Fields f(*this, "Global");
    f.strs("names", static_cast<const Global*>(s)->names);
    f.close(s);
    return;
  }
  case StmtKind::Nonlocal: {
    Fields f(*this, "Nonlocal");
    f.strs("names", static_cast<const Nonlocal*>(s)->names);
    f.close(s);
    return;
  }
  case StmtKind::Expr: {
    Fields f(*this, "Expr");
    f.node("value", static_cast<const ExprStmt*>(s)->value);
    f.close(s);
    return;
  }
  case StmtKind::Pass: {
    Fields f(*this, "Pass");
    f.close(s);
    return;
  }
  case StmtKind::Break: {
    Fields f(*this, "Break");
    f.close(s);
    return;
  }
  case StmtKind::Continue: {
    Fields f(*this, "Continue");
    f.close(s);
    return;
  }
  }
}

void Dumper::dump(const Expr* e) {
  switch (e->kind) {
  case ExprKind::BoolOp: {
    auto* n = static_cast<const BoolOp*>(e);
    Fields f(*this, "BoolOp");
    f.raw("op", n->op == BoolOpKind::And ? "And()" : "Or()");
    f.list("values", n->values);
    f.close(e);
    return;
  }
  case ExprKind::NamedExpr: {
    auto* n = static_cast<const NamedExpr*>(e);
    Fields f(*this, "NamedExpr");
    f.node("target", n->target);
    f.node("value", n->value);
    f.close(e);
    return;
  }
  case ExprKind::BinOp: {
    auto* n = static_cast<const BinOp*>(e);
    Fields f(*this, "BinOp");
    f.node("left", n->left);
    f.raw("op", std::string(operator_name(n->op)) + "()");
    f.node("right", n->right);
    f.close(e);
    return;
  }
  case ExprKind::UnaryOp: {
    auto* n = static_cast<const UnaryOp*>(e);
    static constexpr const char* names[] = {"Invert()", "Not()", "UAdd()", "USub()"};
    Fields f(*this, "UnaryOp");
    f.raw("op", names[static_cast<int>(n->op)]);
    f.node("operand", n->operand);
    f.close(e);
    return;
  }
  case ExprKind::Lambda: {
    auto* n = static_cast<const Lambda*>(e);
    Fields f(*this, "Lambda");
    f.node("args", n->args);
    f.node("body", n->body);
    f.close(e);
    return;
  }
  case ExprKind::IfExp: {
    auto* n = static_cast<const IfExp*>(e);
    Fields f(*this, "IfExp");
    f.node("test", n->test);
    f.node("body", n->body);
    f.node("orelse", n->orelse);
    f.close(e);
    return;
  }
  case ExprKind::Dict: {
    auto* n = static_cast<const Dict*>(e);
    Fields f(*this, "Dict");
    f.list("keys", n->keys);
    f.list("values", n->values);
    f.close(e);
    return;
  }
  case ExprKind::Set: {
    Fields f(*this, "Set");
    f.list("elts", static_cast<const Set*>(e)->elts);
    f.close(e);
    return;
  }
  case ExprKind::ListComp: {
    auto* n = static_cast<const ListComp*>(e);
    Fields f(*this, "ListComp");
    f.node("elt", n->elt);
    f.list("generators", n->generators);
    f.close(e);
    return;
  }
  case ExprKind::SetComp: {
    auto* n = static_cast<const SetComp*>(e);
    Fields f(*this, "SetComp");
    f.node("elt", n->elt);
    f.list("generators", n->generators);
    f.close(e);
    return;
  }
  case ExprKind::DictComp: {
    auto* n = static_cast<const DictComp*>(e);
    Fields f(*this, "DictComp");
    f.node("key", n->key);
    f.node("value", n->value);
    f.list("generators", n->generators);
    f.close(e);
    return;
  }
  case ExprKind::GeneratorExp: {
    auto* n = static_cast<const GeneratorExp*>(e);
    Fields f(*this, "GeneratorExp");
    f.node("elt", n->elt);
    f.list("generators", n->generators);
    f.close(e);
    return;
  }
  case ExprKind::Await: {
    Fields f(*this, "Await");
    f.node("value", static_cast<const Await*>(e)->value);
    f.close(e);
    return;
  }
  case ExprKind::Yield: {
    Fields f(*this, "Yield");
    f.node("value", static_cast<const Yield*>(e)->value);
    f.close(e);
    return;
  }
  case ExprKind::YieldFrom: {
    Fields f(*this, "YieldFrom");
    f.node("value", static_cast<const YieldFrom*>(e)->value);
    f.close(e);
    return;
  }
  case ExprKind::Compare: {
    auto* n = static_cast<const Compare*>(e);
    Fields f(*this, "Compare");
    f.node("left", n->left);
    std::string ops = "[";
    for (size_t i = 0; i < n->ops.size(); i++) {
      if (i) ops += ", ";
      ops += std::string(cmpop_name(n->ops[i])) + "()";
    }
    f.raw("ops", ops + "]");
    f.list("comparators", n->comparators);
    f.close(e);
    return;
  }
  case ExprKind::Call: {
    auto* n = static_cast<const Call*>(e);
    Fields f(*this, "Call");
    f.node("func", n->func);
    f.list("args", n->args);
    f.list("keywords", n->keywords);
    f.close(e);
    return;
  }
  case ExprKind::FormattedValue: {
    auto* n = static_cast<const FormattedValue*>(e);
    Fields f(*this, "FormattedValue");
    f.node("value", n->value);
    f.raw("conversion", std::to_string(n->conversion));
    f.node("format_spec", n->format_spec);
    f.close(e);
    return;
  }
  case ExprKind::JoinedStr: {
    Fields f(*this, "JoinedStr");
    f.list("values", static_cast<const JoinedStr*>(e)->values);
    f.close(e);
    return;
  }
  case ExprKind::Constant: {
    auto* n = static_cast<const Constant*>(e);
    Fields f(*this, "Constant");
    f.raw("value", constant_repr(n->value));
    f.opt_str("kind", n->kind);
    f.close(e);
    return;
  }
  case ExprKind::Attribute: {
    auto* n = static_cast<const Attribute*>(e);
    Fields f(*this, "Attribute");
    f.node("value", n->value);
    f.str("attr", n->attr);
    f.raw("ctx", ctx_name(n->ctx));
    f.close(e);
    return;
  }
  case ExprKind::Subscript: {
    auto* n = static_cast<const Subscript*>(e);
    Fields f(*this, "Subscript");
    f.node("value", n->value);
    f.node("slice", n->slice);
    f.raw("ctx", ctx_name(n->ctx));
    f.close(e);
    return;
  }
  case ExprKind::Starred: {
    auto* n = static_cast<const Starred*>(e);
    Fields f(*this, "Starred");
    f.node("value", n->value);
    f.raw("ctx", ctx_name(n->ctx));
    f.close(e);
    return;
  }
  case ExprKind::Name: {
    auto* n = static_cast<const Name*>(e);
    Fields f(*this, "Name");
    f.str("id", n->id);
    f.raw("ctx", ctx_name(n->ctx));
    f.close(e);
    return;
  }
  case ExprKind::List: {
    auto* n = static_cast<const ListExpr*>(e);
    Fields f(*this, "List");
    f.list("elts", n->elts);
    f.raw("ctx", ctx_name(n->ctx));
    f.close(e);
    return;
  }
  case ExprKind::Tuple: {
    auto* n = static_cast<const TupleExpr*>(e);
    Fields f(*this, "Tuple");
    f.list("elts", n->elts);
    f.raw("ctx", ctx_name(n->ctx));
    f.close(e);
    return;
  }
  case ExprKind::Slice: {
    auto* n = static_cast<const Slice*>(e);
    Fields f(*this, "Slice");
    f.node("lower", n->lower);
    f.node("upper", n->upper);
    f.node("step", n->step);
    f.close(e);
    return;
  }
  }
}

void Dumper::dump(const Pattern* p) {
  switch (p->kind) {
  case PatternKind::MatchValue: {
    Fields f(*this, "MatchValue");
    f.node("value", static_cast<const MatchValue*>(p)->value);
    f.close(p);
    return;
  }
  case PatternKind::MatchSingleton: {
    Fields f(*this, "MatchSingleton");
    f.raw("value", constant_repr(static_cast<const MatchSingleton*>(p)->value));
    f.close(p);
    return;
  }
  case PatternKind::MatchSequence: {
    Fields f(*this, "MatchSequence");
    f.list("patterns", static_cast<const MatchSequence*>(p)->patterns);
    f.close(p);
    return;
  }
  case PatternKind::MatchMapping: {
    auto* n = static_cast<const MatchMapping*>(p);
    Fields f(*this, "MatchMapping");
    f.list("keys", n->keys);
    f.list("patterns", n->patterns);
    f.opt_str("rest", n->rest);
    f.close(p);
    return;
  }
  case PatternKind::MatchClass: {
    auto* n = static_cast<const MatchClass*>(p);
    Fields f(*this, "MatchClass");
    f.node("cls", n->cls);
    f.list("patterns", n->patterns);
    f.strs("kwd_attrs", n->kwd_attrs);
    f.list("kwd_patterns", n->kwd_patterns);
    f.close(p);
    return;
  }
  case PatternKind::MatchStar: {
    Fields f(*this, "MatchStar");
    f.opt_str("name", static_cast<const MatchStar*>(p)->name);
    f.close(p);
    return;
  }
  case PatternKind::MatchAs: {
    auto* n = static_cast<const MatchAs*>(p);
    Fields f(*this, "MatchAs");
    f.node("pattern", n->pattern);
    f.opt_str("name", n->name);
    f.close(p);
    return;
  }
  case PatternKind::MatchOr: {
    Fields f(*this, "MatchOr");
    f.list("patterns", static_cast<const MatchOr*>(p)->patterns);
    f.close(p);
    return;
  }
  }
}

std::string ast_dump(const Module& module, bool include_attributes) {
  Dumper d(include_attributes);
  if (module.mode == Mode::Eval) {
    d.out += "Expression(body=";
    d.dump(module.expression);
    d.out += ")";
    return d.out;
  }
  Dumper::Fields f(d, module.mode == Mode::Exec ? "Module" : "Interactive");
  f.list("body", module.body);
  if (module.mode == Mode::Exec) f.raw("type_ignores", "[]");
  f.close(nullptr);
  return d.out;
}

} // namespace interp::parse
