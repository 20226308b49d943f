// interp/compile/unparse.cc - the source text of an expression, as CPython 3.11's C
// unparser writes it for `from __future__ import annotations` (PEP 563): minimal
// parentheses by precedence, reprs for constants, f-strings rebuilt.

#include "interp/compile/compiler_internal.h"
#include "interp/compile/disassembler.h"

#include <cmath>

namespace interp::compile {

namespace {

// Precedence levels, lowest first.
enum Level {
  kTuple,
  kTest,
  kOr,
  kAnd,
  kNot,
  kCmp,
  kExpr,
  kBor = kExpr,
  kBxor,
  kBand,
  kShift,
  kArith,
  kTerm,
  kFactor,
  kPower,
  kAwait,
  kAtom
};

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

class Unparser {
public:
  std::string out;

  void expr(const ast::Expr* e, int level) {
    using K = ast::ExprKind;
    switch (e->kind) {
    case K::BoolOp: {
      auto* b = static_cast<const ast::BoolOp*>(e);
      int pr = b->op == ast::BoolOpKind::And ? kAnd : kOr;
      open(level > pr);
      for (size_t i = 0; i < b->values.size(); ++i) {
        if (i) out += b->op == ast::BoolOpKind::And ? " and " : " or ";
        expr(b->values[i], pr + 1);
      }
      close(level > pr);
      return;
    }
    case K::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      const char* op = "";
      int pr = kArith;
      bool rassoc = false;
      switch (b->op) {
      case ast::Operator::Add:
        op = " + ";
        pr = kArith;
        break;
      case ast::Operator::Sub:
        op = " - ";
        pr = kArith;
        break;
      case ast::Operator::Mult:
        op = " * ";
        pr = kTerm;
        break;
      case ast::Operator::MatMult:
        op = " @ ";
        pr = kTerm;
        break;
      case ast::Operator::Div:
        op = " / ";
        pr = kTerm;
        break;
      case ast::Operator::Mod:
        op = " % ";
        pr = kTerm;
        break;
      case ast::Operator::LShift:
        op = " << ";
        pr = kShift;
        break;
      case ast::Operator::RShift:
        op = " >> ";
        pr = kShift;
        break;
      case ast::Operator::BitOr:
        op = " | ";
        pr = kBor;
        break;
      case ast::Operator::BitXor:
        op = " ^ ";
        pr = kBxor;
        break;
      case ast::Operator::BitAnd:
        op = " & ";
        pr = kBand;
        break;
      case ast::Operator::FloorDiv:
        op = " // ";
        pr = kTerm;
        break;
      case ast::Operator::Pow:
        op = " ** ";
        pr = kPower;
        rassoc = true;
        break;
      }
      open(level > pr);
      expr(b->left, pr + (rassoc ? 1 : 0));
      out += op;
      expr(b->right, pr + (rassoc ? 0 : 1));
      close(level > pr);
      return;
    }
    case K::UnaryOp: {
      auto* u = static_cast<const ast::UnaryOp*>(e);
      const char* op = "";
      int pr = kFactor;
      switch (u->op) {
      case ast::UnaryOpKind::Invert:
        op = "~";
        break;
      case ast::UnaryOpKind::Not:
        op = "not ";
        pr = kNot;
        break;
      case ast::UnaryOpKind::UAdd:
        op = "+";
        break;
      case ast::UnaryOpKind::USub:
        op = "-";
        break;
      }
      open(level > pr);
      out += op;
      expr(u->operand, pr);
      close(level > pr);
      return;
    }
    case K::Lambda: {
      auto* l = static_cast<const ast::Lambda*>(e);
      open(level > kTest);
      size_t before = out.size();
      out += "lambda ";
      size_t mark = out.size();
      arguments(l->args);
      if (out.size() == mark) out.resize(before + 6); // "lambda" alone
      out += ": ";
      expr(l->body, kTest);
      close(level > kTest);
      return;
    }
    case K::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      open(level > kTest);
      expr(i->body, kTest + 1);
      out += " if ";
      expr(i->test, kTest + 1);
      out += " else ";
      expr(i->orelse, kTest);
      close(level > kTest);
      return;
    }
    case K::Dict: {
      auto* d = static_cast<const ast::Dict*>(e);
      out += "{";
      for (size_t i = 0; i < d->values.size(); ++i) {
        if (i) out += ", ";
        if (d->keys[i]) {
          expr(d->keys[i], kTest);
          out += ": ";
          expr(d->values[i], kTest);
        } else {
          out += "**";
          expr(d->values[i], kExpr);
        }
      }
      out += "}";
      return;
    }
    case K::Set: {
      auto* s = static_cast<const ast::Set*>(e);
      if (s->elts.empty()) {
        out += "{*()}";
        return;
      }
      out += "{";
      seq(s->elts, kTest);
      out += "}";
      return;
    }
    case K::ListComp: {
      auto* c = static_cast<const ast::ListComp*>(e);
      out += "[";
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += "]";
      return;
    }
    case K::SetComp: {
      auto* c = static_cast<const ast::SetComp*>(e);
      out += "{";
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += "}";
      return;
    }
    case K::DictComp: {
      auto* c = static_cast<const ast::DictComp*>(e);
      out += "{";
      expr(c->key, kTest);
      out += ": ";
      expr(c->value, kTest);
      comprehensions(c->generators);
      out += "}";
      return;
    }
    case K::GeneratorExp: {
      auto* c = static_cast<const ast::GeneratorExp*>(e);
      out += "(";
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += ")";
      return;
    }
    case K::Await: {
      open(level > kAwait);
      out += "await ";
      expr(static_cast<const ast::Await*>(e)->value, kAtom);
      close(level > kAwait);
      return;
    }
    case K::Yield: {
      auto* y = static_cast<const ast::Yield*>(e);
      out += y->value ? "(yield " : "(yield";
      if (y->value) expr(y->value, kTest);
      out += ")";
      return;
    }
    case K::YieldFrom:
      out += "(yield from ";
      expr(static_cast<const ast::YieldFrom*>(e)->value, kTest);
      out += ")";
      return;
    case K::Compare: {
      auto* c = static_cast<const ast::Compare*>(e);
      open(level > kCmp);
      expr(c->left, kCmp + 1);
      for (size_t i = 0; i < c->ops.size(); ++i) {
        out += compare_op(c->ops[i]);
        expr(c->comparators[i], kCmp + 1);
      }
      close(level > kCmp);
      return;
    }
    case K::Call: {
      auto* c = static_cast<const ast::Call*>(e);
      expr(c->func, kAtom);
      if (c->args.size() == 1 && c->keywords.empty() && c->args[0]->kind == K::GeneratorExp) {
        expr(c->args[0], kTest); // the generator's own parentheses serve
        return;
      }
      out += "(";
      bool first = true;
      for (auto* a : c->args) {
        if (!first) out += ", ";
        first = false;
        expr(a, kTest);
      }
      for (auto* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        if (k->arg.empty()) {
          out += "**";
        } else {
          out += k->arg + "=";
        }
        expr(k->value, kTest);
      }
      out += ")";
      return;
    }
    case K::FormattedValue: {
      out += "f";
      std::string body;
      formatted_value(static_cast<const ast::FormattedValue*>(e), body);
      out += bytecode::constant_repr(utf8_to_u32(body));
      return;
    }
    case K::JoinedStr: {
      out += "f";
      out +=
          bytecode::constant_repr(utf8_to_u32(fstring_body(static_cast<const ast::JoinedStr*>(e))));
      return;
    }
    case K::Constant:
      constant(static_cast<const ast::Constant*>(e));
      return;
    case K::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      expr(a->value, kAtom);
      // `1 .real`: a period right after an integer would read as a float
      bool int_value =
          a->value->kind == K::Constant && std::holds_alternative<ast::IntLiteral>(
                                               static_cast<const ast::Constant*>(a->value)->value);
      out += int_value ? " ." : ".";
      out += a->attr;
      return;
    }
    case K::Subscript: {
      auto* s = static_cast<const ast::Subscript*>(e);
      expr(s->value, kAtom);
      int slice_level = kTuple;
      if (s->slice->kind == K::Tuple)
        for (auto* elt : static_cast<const ast::TupleExpr*>(s->slice)->elts)
          if (elt->kind == K::Starred) {
            ++slice_level;
            break;
          }
      out += "[";
      expr(s->slice, slice_level);
      out += "]";
      return;
    }
    case K::Starred:
      out += "*";
      expr(static_cast<const ast::Starred*>(e)->value, kExpr);
      return;
    case K::Name:
      out += static_cast<const ast::Name*>(e)->id;
      return;
    case K::List:
      out += "[";
      seq(static_cast<const ast::ListExpr*>(e)->elts, kTest);
      out += "]";
      return;
    case K::Tuple: {
      auto* t = static_cast<const ast::TupleExpr*>(e);
      if (t->elts.empty()) {
        out += "()";
        return;
      }
      open(level > kTuple);
      seq(t->elts, kTest);
      if (t->elts.size() == 1) out += ",";
      close(level > kTuple);
      return;
    }
    case K::Slice: {
      auto* s = static_cast<const ast::Slice*>(e);
      if (s->lower) expr(s->lower, kTest);
      out += ":";
      if (s->upper) expr(s->upper, kTest);
      if (s->step) {
        out += ":";
        expr(s->step, kTest);
      }
      return;
    }
    case K::NamedExpr: {
      auto* n = static_cast<const ast::NamedExpr*>(e);
      open(level > kTuple);
      expr(n->target, kAtom);
      out += " := ";
      expr(n->value, kAtom);
      close(level > kTuple);
      return;
    }
    }
  }

private:
  void open(bool yes) {
    if (yes) out += "(";
  }
  void close(bool yes) {
    if (yes) out += ")";
  }
  void seq(const ast::List<ast::Expr>& list, int level) {
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      expr(list[i], level);
    }
  }
  static const char* compare_op(ast::CmpOp op) {
    switch (op) {
    case ast::CmpOp::Eq:
      return " == ";
    case ast::CmpOp::NotEq:
      return " != ";
    case ast::CmpOp::Lt:
      return " < ";
    case ast::CmpOp::LtE:
      return " <= ";
    case ast::CmpOp::Gt:
      return " > ";
    case ast::CmpOp::GtE:
      return " >= ";
    case ast::CmpOp::Is:
      return " is ";
    case ast::CmpOp::IsNot:
      return " is not ";
    case ast::CmpOp::In:
      return " in ";
    case ast::CmpOp::NotIn:
      return " not in ";
    }
    return " ? ";
  }
  void comprehensions(const ast::List<ast::Comprehension>& gens) {
    for (auto* g : gens) {
      out += g->is_async ? " async for " : " for ";
      expr(g->target, kTuple);
      out += " in ";
      expr(g->iter, kTest + 1);
      for (auto* cond : g->ifs) {
        out += " if ";
        expr(cond, kTest + 1);
      }
    }
  }
  void arg(const ast::Arg* a) {
    out += a->arg;
    // lambda arguments have no annotations
  }
  void arguments(const ast::Arguments* a) {
    bool first = true;
    auto sep = [&] {
      if (!first) out += ", ";
      first = false;
    };
    size_t npos = a->posonlyargs.size() + a->args.size();
    size_t ndefaults = a->defaults.size();
    for (size_t i = 0; i < npos; ++i) {
      sep();
      const ast::Arg* x =
          i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
      arg(x);
      if (i + ndefaults >= npos) {
        out += "=";
        expr(a->defaults[i + ndefaults - npos], kTest);
      }
      if (i + 1 == a->posonlyargs.size()) out += ", /";
    }
    if (a->vararg || !a->kwonlyargs.empty()) {
      sep();
      out += "*";
      if (a->vararg) arg(a->vararg);
    }
    for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
      sep();
      arg(a->kwonlyargs[i]);
      if (i < a->kw_defaults.size() && a->kw_defaults[i]) {
        out += "=";
        expr(a->kw_defaults[i], kTest);
      }
    }
    if (a->kwarg) {
      sep();
      out += "**";
      arg(a->kwarg);
    }
  }
  void constant(const ast::Constant* c) {
    if (std::holds_alternative<ast::EllipsisValue>(c->value)) {
      out += "...";
      return;
    }
    if (c->kind == "u") out += "u";
    if (auto* d = std::get_if<double>(&c->value)) {
      if (std::isinf(*d)) {
        out += "1e309"; // the literal that reads back as infinity
        return;
      }
      out += bytecode::constant_repr(*d);
      return;
    }
    if (auto* im = std::get_if<ast::ImaginaryLiteral>(&c->value)) {
      if (std::isinf(im->imag)) {
        out += "1e309j";
        return;
      }
      out += bytecode::constant_repr(bytecode::ComplexValue{0.0, im->imag});
      return;
    }
    out += bytecode::constant_repr(from_ast_constant(c->value));
  }
  // The text between the quotes of an f-string.
  std::string fstring_body(const ast::JoinedStr* j) {
    std::string body;
    for (auto* v : j->values)
      fstring_element(v, body);
    return body;
  }
  void fstring_element(const ast::Expr* v, std::string& body) {
    if (v->kind == ast::ExprKind::Constant) {
      if (auto* s = std::get_if<std::u32string>(&static_cast<const ast::Constant*>(v)->value))
        for (char32_t ch : *s) {
          if (ch == '{' || ch == '}') append_utf8(body, ch);
          append_utf8(body, ch);
        }
    } else if (v->kind == ast::ExprKind::FormattedValue) {
      formatted_value(static_cast<const ast::FormattedValue*>(v), body);
    } else if (v->kind == ast::ExprKind::JoinedStr) {
      body += fstring_body(static_cast<const ast::JoinedStr*>(v));
    }
  }
  void formatted_value(const ast::FormattedValue* f, std::string& body) {
    Unparser inner;
    inner.expr(f->value, kTest + 1);
    body += (!inner.out.empty() && inner.out[0] == '{') ? "{ " : "{";
    body += inner.out;
    if (f->conversion > 0) {
      body += "!";
      body.push_back(static_cast<char>(f->conversion));
    }
    if (f->format_spec) {
      body += ":";
      fstring_element(f->format_spec, body);
    }
    body += "}";
  }
};

} // namespace

std::string unparse_expr(const ast::Expr* e) {
  Unparser u;
  u.expr(e, kTest);
  return u.out;
}

} // namespace interp::compile
