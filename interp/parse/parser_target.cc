// Assignment and deletion targets: Store/Del contexts and the "cannot assign to ..."
// family of errors, worded as CPython 3.11's invalid_* rules word them.
#include "interp/parse/parser_internal.h"

namespace interp::parse {

using namespace interp::ast;

const char* Parser::expr_name(const Expr* e) {
  switch (e->kind) {
  case ExprKind::Attribute:
    return "attribute";
  case ExprKind::Subscript:
    return "subscript";
  case ExprKind::Starred:
    return "starred";
  case ExprKind::Name:
    return "name";
  case ExprKind::List:
    return "list";
  case ExprKind::Tuple:
    return "tuple";
  case ExprKind::Lambda:
    return "lambda";
  case ExprKind::Call:
    return "function call";
  case ExprKind::BoolOp:
  case ExprKind::BinOp:
  case ExprKind::UnaryOp:
    return "expression";
  case ExprKind::GeneratorExp:
    return "generator expression";
  case ExprKind::Yield:
  case ExprKind::YieldFrom:
    return "yield expression";
  case ExprKind::Await:
    return "await expression";
  case ExprKind::ListComp:
    return "list comprehension";
  case ExprKind::SetComp:
    return "set comprehension";
  case ExprKind::DictComp:
    return "dict comprehension";
  case ExprKind::Dict:
    return "dict literal";
  case ExprKind::Set:
    return "set display";
  case ExprKind::JoinedStr:
  case ExprKind::FormattedValue:
    return "f-string expression";
  case ExprKind::Constant: {
    const auto& v = static_cast<const Constant*>(e)->value;
    if (std::holds_alternative<NoneValue>(v)) return "None";
    if (const bool* b = std::get_if<bool>(&v)) return *b ? "True" : "False";
    if (std::holds_alternative<EllipsisValue>(v)) return "ellipsis";
    return "literal";
  }
  case ExprKind::Compare:
    return "comparison";
  case ExprKind::IfExp:
    return "conditional expression";
  case ExprKind::NamedExpr:
    return "named expression";
  case ExprKind::Slice:
    return "slice";
  }
  return "expression";
}

bool Parser::set_store(Expr* e, bool here_hint) {
  switch (e->kind) {
  case ExprKind::Name:
    static_cast<Name*>(e)->ctx = ExprContext::Store;
    return true;
  case ExprKind::Attribute:
    static_cast<Attribute*>(e)->ctx = ExprContext::Store;
    return true;
  case ExprKind::Subscript:
    static_cast<Subscript*>(e)->ctx = ExprContext::Store;
    return true;
  case ExprKind::Starred:
    static_cast<Starred*>(e)->ctx = ExprContext::Store;
    return set_store(static_cast<Starred*>(e)->value, false);
  case ExprKind::Tuple:
    static_cast<TupleExpr*>(e)->ctx = ExprContext::Store;
    for (Expr* x : static_cast<TupleExpr*>(e)->elts)
      if (!set_store(x, false)) return false;
    return true;
  case ExprKind::List:
    static_cast<ListExpr*>(e)->ctx = ExprContext::Store;
    for (Expr* x : static_cast<ListExpr*>(e)->elts)
      if (!set_store(x, false)) return false;
    return true;
  default:
    if (here_hint)
      return fail_node(e, std::string("cannot assign to ") + expr_name(e) +
                              " here. Maybe you meant '==' instead of '='?");
    return fail_node(e, std::string("cannot assign to ") + expr_name(e));
  }
}

bool Parser::set_del(Expr* e) {
  switch (e->kind) {
  case ExprKind::Name:
    static_cast<Name*>(e)->ctx = ExprContext::Del;
    return true;
  case ExprKind::Attribute:
    static_cast<Attribute*>(e)->ctx = ExprContext::Del;
    return true;
  case ExprKind::Subscript:
    static_cast<Subscript*>(e)->ctx = ExprContext::Del;
    return true;
  case ExprKind::Tuple:
    static_cast<TupleExpr*>(e)->ctx = ExprContext::Del;
    for (Expr* x : static_cast<TupleExpr*>(e)->elts)
      if (!set_del(x)) return false;
    return true;
  case ExprKind::List:
    static_cast<ListExpr*>(e)->ctx = ExprContext::Del;
    for (Expr* x : static_cast<ListExpr*>(e)->elts)
      if (!set_del(x)) return false;
    return true;
  default:
    return fail_node(e, std::string("cannot delete ") + expr_name(e));
  }
}

Expr* Parser::star_target_element() {
  if (at_op("*")) {
    size_t start = pos_++;
    if (at_op("*")) return fail_generic();
    Expr* v = star_target_element();
    if (!v) return nullptr;
    auto* s = make<Starred>(start);
    s->value = v;
    s->ctx = ExprContext::Store;
    return s;
  }
  return bitwise_or();
}

Expr* Parser::star_targets() {
  size_t start = pos_;
  Expr* first = star_target_element();
  if (!first) return nullptr;
  if (!at_op(",")) {
    if (!set_store(first, false)) return nullptr;
    return first;
  }
  List<Expr> elts{first};
  while (eat_op(",")) {
    if (at_kw("in") || at_op("=") || at_op(":") || at_op(")")) break;
    Expr* e = star_target_element();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  auto* t = make<TupleExpr>(start);
  t->elts = std::move(elts);
  if (!set_store(t, false)) return nullptr;
  return t;
}

} // namespace interp::parse
