// Expressions, from star_expressions down to atoms, calls, slices and comprehensions.
#include <cstdlib>

#include "interp/parse/parser_internal.h"

namespace interp::parse {

using namespace interp::ast;

bool Parser::starts_expression(const Token& t) {
  switch (t.kind) {
  case TokenKind::Name:
    return !is_keyword(t.text) || t.text == "None" || t.text == "True" || t.text == "False" ||
           t.text == "not" || t.text == "lambda" || t.text == "await";
  case TokenKind::Number:
  case TokenKind::String:
    return true;
  case TokenKind::Op:
    return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
           t.text == "~" || t.text == "...";
  default:
    return false;
  }
}

Expr* Parser::star_expressions() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  size_t start = pos_;
  Expr* e = star_expression();
  if (!e) return nullptr;
  if (!at_op(",")) return e;
  List<Expr> elts{e};
  while (eat_op(",")) {
    if (!starts_expression(cur()) && !at_op("*")) break;
    e = star_expression();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  auto* t = make<TupleExpr>(start);
  t->elts = std::move(elts);
  t->ctx = ExprContext::Load;
  return t;
}

Expr* Parser::star_expression() {
  if (at_op("*")) {
    size_t start = pos_++;
    Expr* v = bitwise_or();
    if (!v) return nullptr;
    auto* s = make<Starred>(start);
    s->value = v;
    s->ctx = ExprContext::Load;
    return s;
  }
  return expression();
}

Expr* Parser::star_named_expression() {
  if (at_op("*")) return star_expression();
  return named_expression();
}

Expr* Parser::named_expression() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  bool call_argument = call_argument_;
  call_argument_ = false;
  size_t start = pos_;
  if (at_name() && peek().is_op(":=")) {
    auto* target = make<Name>(start);
    target->id = cur().name;
    target->ctx = ExprContext::Store;
    pos_++;
    target->pos = pos_from(start);
    pos_++;
    Expr* value = expression();
    if (!value) return nullptr;
    auto* n = make<NamedExpr>(start);
    n->target = target;
    n->value = value;
    return n;
  }
  Expr* e = expression();
  if (!e) return nullptr;
  if (at_op(":="))
    return fail_node(e, std::string("cannot use assignment expressions with ") + expr_name(e));
  if (at_op("=") && !suppress_invalid_ && !call_argument) {
    size_t m = mark();
    auto saved = std::move(error_);
    error_.reset();
    bool saved_suppress = suppress_invalid_;
    suppress_invalid_ = true;
    pos_++;
    Expr* b = bitwise_or();
    bool ok = b && !at_op("=") && !at_op(":=");
    suppress_invalid_ = saved_suppress;
    error_ = std::move(saved);
    if (ok && !tokenizer_failed_) {
      if (e->kind == ExprKind::Name)
        return fail_nodes(e, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      bool excluded =
          e->kind == ExprKind::List || e->kind == ExprKind::Tuple ||
          e->kind == ExprKind::GeneratorExp || e->kind == ExprKind::BoolOp ||
          e->kind == ExprKind::Compare || e->kind == ExprKind::IfExp ||
          e->kind == ExprKind::Lambda ||
          (e->kind == ExprKind::UnaryOp && static_cast<UnaryOp*>(e)->op == UnaryOpKind::Not) ||
          (e->kind == ExprKind::Constant &&
           (std::holds_alternative<bool>(static_cast<Constant*>(e)->value) ||
            std::holds_alternative<NoneValue>(static_cast<Constant*>(e)->value)));
      if (!excluded)
        return fail_node(e, std::string("cannot assign to ") + expr_name(e) +
                                " here. Maybe you meant '==' instead of '='?");
    }
    reset(m);
  }
  return e;
}

void Parser::check_missing_comma(Expr* first) {
  if (suppress_invalid_ || failed()) return;
  if (cur().level == 0 || !starts_expression(cur())) return;
  // `print "x"`-like legacy statements and soft keywords are not comma typos.
  size_t m = mark();
  auto saved = std::move(error_);
  error_.reset();
  suppress_invalid_ = true;
  Expr* second = expression();
  // As 3.11's invalid_expression: only when the second expression ends inside brackets.
  bool inside = second && prev().level > 0;
  suppress_invalid_ = false;
  error_ = std::move(saved);
  reset(m);
  if (inside && !tokenizer_failed_)
    fail_nodes(first, second, "invalid syntax. Perhaps you forgot a comma?");
}

Expr* Parser::expression() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  if (at_kw("lambda")) return lambdef();
  size_t start = pos_;
  const Token& first_tok = cur();
  bool soft_start = first_tok.kind == TokenKind::Name &&
                    (first_tok.text == "match" || first_tok.text == "case" ||
                     first_tok.text == "_" || peek().kind == TokenKind::String);
  Expr* body = disjunction();
  if (!body) return nullptr;
  if (at_kw("if")) {
    pos_++;
    Expr* test = disjunction();
    if (!test) return nullptr;
    if (!eat_kw("else")) {
      if (at_op(":")) return fail_generic();
      return fail_nodes(body, test, "expected 'else' after 'if' expression");
    }
    Expr* orelse = expression();
    if (!orelse) return nullptr;
    auto* e = make<IfExp>(start);
    e->test = test;
    e->body = body;
    e->orelse = orelse;
    return e;
  }
  if (!soft_start) check_missing_comma(body);
  if (failed()) return nullptr;
  return body;
}

Expr* Parser::disjunction() {
  size_t start = pos_;
  Expr* e = conjunction();
  if (!e || !at_kw("or")) return e;
  List<Expr> values{e};
  while (eat_kw("or")) {
    Expr* v = conjunction();
    if (!v) return nullptr;
    values.push_back(v);
  }
  auto* b = make<BoolOp>(start);
  b->op = BoolOpKind::Or;
  b->values = std::move(values);
  return b;
}

Expr* Parser::conjunction() {
  size_t start = pos_;
  Expr* e = inversion();
  if (!e || !at_kw("and")) return e;
  List<Expr> values{e};
  while (eat_kw("and")) {
    Expr* v = inversion();
    if (!v) return nullptr;
    values.push_back(v);
  }
  auto* b = make<BoolOp>(start);
  b->op = BoolOpKind::And;
  b->values = std::move(values);
  return b;
}

Expr* Parser::inversion() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  if (at_kw("not")) {
    size_t start = pos_++;
    Expr* operand = inversion();
    if (!operand) return nullptr;
    auto* u = make<UnaryOp>(start);
    u->op = UnaryOpKind::Not;
    u->operand = operand;
    return u;
  }
  return comparison();
}

Expr* Parser::comparison() {
  size_t start = pos_;
  Expr* left = bitwise_or();
  if (!left) return nullptr;
  std::vector<CmpOp> ops;
  List<Expr> comparators;
  for (;;) {
    const Token& t = cur();
    CmpOp op;
    if (t.is_op("=="))
      op = CmpOp::Eq;
    else if (t.is_op("!="))
      op = CmpOp::NotEq;
    else if (t.is_op("<"))
      op = CmpOp::Lt;
    else if (t.is_op("<="))
      op = CmpOp::LtE;
    else if (t.is_op(">"))
      op = CmpOp::Gt;
    else if (t.is_op(">="))
      op = CmpOp::GtE;
    else if (t.is_name("in"))
      op = CmpOp::In;
    else if (t.is_name("not") && peek().is_name("in")) {
      op = CmpOp::NotIn;
      pos_++;
    } else if (t.is_name("is")) {
      op = CmpOp::Is;
      if (peek().is_name("not")) {
        op = CmpOp::IsNot;
        pos_++;
      }
    } else
      break;
    pos_++;
    Expr* right = bitwise_or();
    if (!right) return nullptr;
    ops.push_back(op);
    comparators.push_back(right);
  }
  if (ops.empty()) return left;
  auto* c = make<Compare>(start);
  c->left = left;
  c->ops = std::move(ops);
  c->comparators = std::move(comparators);
  return c;
}

namespace {
struct BinaryLevel {
  std::string_view token;
  Operator op;
};
} // namespace

#define BINARY_LOOP(NAME, NEXT, ...)                                                               \
  Expr* Parser::NAME() {                                                                           \
    static constexpr BinaryLevel ops[] = {__VA_ARGS__};                                            \
    size_t start = pos_;                                                                           \
    Expr* left = NEXT();                                                                           \
    if (!left) return nullptr;                                                                     \
    for (;;) {                                                                                     \
      const Token& t = cur();                                                                      \
      const BinaryLevel* found = nullptr;                                                          \
      for (const auto& o : ops)                                                                    \
        if (t.is_op(o.token)) found = &o;                                                          \
      if (!found) return left;                                                                     \
      pos_++;                                                                                      \
      Expr* right = NEXT();                                                                        \
      if (!right) return nullptr;                                                                  \
      auto* b = make<BinOp>(start);                                                                \
      b->left = left;                                                                              \
      b->op = found->op;                                                                           \
      b->right = right;                                                                            \
      left = b;                                                                                    \
    }                                                                                              \
  }

BINARY_LOOP(bitwise_or, bitwise_xor, {"|", Operator::BitOr})
BINARY_LOOP(bitwise_xor, bitwise_and, {"^", Operator::BitXor})
BINARY_LOOP(bitwise_and, shift_expr, {"&", Operator::BitAnd})
BINARY_LOOP(shift_expr, sum, {"<<", Operator::LShift}, {">>", Operator::RShift})
BINARY_LOOP(sum, term, {"+", Operator::Add}, {"-", Operator::Sub})
BINARY_LOOP(term, factor, {"*", Operator::Mult}, {"/", Operator::Div}, {"//", Operator::FloorDiv},
            {"%", Operator::Mod}, {"@", Operator::MatMult})

#undef BINARY_LOOP

Expr* Parser::factor() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  const Token& t = cur();
  UnaryOpKind op;
  if (t.is_op("+"))
    op = UnaryOpKind::UAdd;
  else if (t.is_op("-"))
    op = UnaryOpKind::USub;
  else if (t.is_op("~"))
    op = UnaryOpKind::Invert;
  else
    return power();
  size_t start = pos_++;
  Expr* operand = factor();
  if (!operand) return nullptr;
  auto* u = make<UnaryOp>(start);
  u->op = op;
  u->operand = operand;
  return u;
}

Expr* Parser::power() {
  size_t start = pos_;
  Expr* base = await_primary();
  if (!base) return nullptr;
  if (!eat_op("**")) return base;
  Expr* exp = factor();
  if (!exp) return nullptr;
  auto* b = make<BinOp>(start);
  b->left = base;
  b->op = Operator::Pow;
  b->right = exp;
  return b;
}

Expr* Parser::await_primary() {
  if (at_kw("await")) {
    size_t start = pos_++;
    Expr* v = primary();
    if (!v) return nullptr;
    auto* a = make<Await>(start);
    a->value = v;
    return a;
  }
  return primary();
}

Expr* Parser::primary() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  size_t start = pos_;
  Expr* e = atom();
  if (!e) return nullptr;
  for (;;) {
    if (at_op(".")) {
      pos_++;
      if (!at_name()) return fail_generic();
      auto* a = make<Attribute>(start);
      a->value = e;
      a->attr = cur().name;
      a->ctx = ExprContext::Load;
      pos_++;
      a->pos = pos_from(start);
      e = a;
    } else if (at_op("(")) {
      Expr* c = call(e, start);
      if (!c) return nullptr;
      e = c;
    } else if (at_op("[")) {
      pos_++;
      Expr* s = slices();
      if (!s) return nullptr;
      if (!eat_op("]")) return fail_generic();
      auto* sub = make<Subscript>(start);
      sub->value = e;
      sub->slice = s;
      sub->ctx = ExprContext::Load;
      e = sub;
    } else {
      return e;
    }
  }
}

Expr* Parser::call(Expr* func, size_t start_tok) {
  size_t paren = pos_;
  pos_++; // (
  List<Expr> args;
  List<Keyword> keywords;
  bool seen_keyword = false, seen_double_star = false;
  Keyword* first_double_star = nullptr;
  while (!at_op(")")) {
    size_t start = pos_;
    if (at_op("*")) {
      pos_++;
      Expr* v = expression();
      if (!v) return nullptr;
      if (seen_double_star)
        return fail_node(first_double_star,
                         "iterable argument unpacking follows keyword argument unpacking");
      auto* s = make<Starred>(start);
      s->value = v;
      s->ctx = ExprContext::Load;
      args.push_back(s);
    } else if (at_op("**")) {
      pos_++;
      Expr* v = expression();
      if (!v) return nullptr;
      auto* k = make<Keyword>(start);
      k->value = v;
      keywords.push_back(k);
      if (!first_double_star) first_double_star = k;
      seen_double_star = true;
    } else if (at_name() && peek().is_op("=")) {
      std::string name = cur().name;
      const Token& name_tok = cur();
      const Token& equals = peek();
      pos_ += 2;
      Expr* v = expression();
      if (!v) return nullptr;
      if (at_comprehension_for()) // invalid_kwarg: NAME '=' expression for_if_clauses
        return fail_range(SyntaxErrorInfo::Kind::SyntaxError,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                          name_tok.lineno, name_tok.col, equals.end_lineno, equals.end_col);
      auto* k = make<Keyword>(start);
      k->arg = std::move(name);
      k->value = v;
      keywords.push_back(k);
      seen_keyword = true;
    } else {
      call_argument_ = true;
      Expr* e = named_expression();
      call_argument_ = false;
      if (!e) return nullptr;
      if (at_kw("for") || (at_kw("async") && peek().is_name("for"))) {
        // A class's bases are arguments without the bare generator form.
        if (!func) return fail_generic();
        auto* g = make<GeneratorExp>(start);
        g->elt = e;
        if (!comprehension_clauses(g->generators)) return nullptr;
        g->pos = pos_from(start);
        bool sole = args.empty() && keywords.empty() && at_op(")");
        if (at_op(",")) peek(); // 3.11 reads on first: a tokenizer error there wins
        if (!sole) return fail_node(g, "Generator expression must be parenthesized");
        g->pos = {tok(paren).lineno, tok(paren).col, 0, 0};
        args.push_back(g);
        g->pos.end_lineno = cur().end_lineno;
        g->pos.end_col_offset = cur().end_col;
        break;
      }
      if (at_op("=")) {
        // f(a.b=1): CPython's invalid_kwarg.
        if (e->kind == ExprKind::Constant &&
            (std::holds_alternative<bool>(static_cast<Constant*>(e)->value) ||
             std::holds_alternative<NoneValue>(static_cast<Constant*>(e)->value)))
          return fail_range(SyntaxErrorInfo::Kind::SyntaxError,
                            std::string("cannot assign to ") + expr_name(e), e->pos.lineno,
                            e->pos.col_offset, cur().end_lineno, cur().end_col);
        return fail_range(SyntaxErrorInfo::Kind::SyntaxError,
                          "expression cannot contain assignment, perhaps you meant \"==\"?",
                          e->pos.lineno, e->pos.col_offset, cur().end_lineno, cur().end_col);
      }
      // CPython points these at the token after the argument.
      if (seen_double_star)
        return fail_token(cur(), "positional argument follows keyword argument unpacking");
      if (seen_keyword) return fail_token(cur(), "positional argument follows keyword argument");
      args.push_back(e);
    }
    if (!eat_op(",")) break;
  }
  if (!eat_op(")")) return fail_generic();
  auto* c = arena_->make<Call>();
  c->pos = pos_from(func ? start_tok : paren);
  c->func = func;
  c->args = std::move(args);
  c->keywords = std::move(keywords);
  return c;
}

bool Parser::comprehension_clauses(List<Comprehension>& out) {
  while (at_kw("for") || (at_kw("async") && peek().is_name("for"))) {
    auto* c = arena_->make<Comprehension>();
    c->is_async = eat_kw("async");
    pos_++; // for
    c->target = star_targets();
    if (!c->target) return false;
    if (!eat_kw("in")) return fail_generic();
    c->iter = disjunction();
    if (!c->iter) return false;
    while (eat_kw("if")) {
      Expr* cond = disjunction();
      if (!cond) return false;
      c->ifs.push_back(cond);
    }
    out.push_back(c);
  }
  return true;
}

Expr* Parser::slice() {
  size_t start = pos_;
  Expr* lower = nullptr;
  if (!at_op(":")) {
    if (at_op("*")) return star_expression();
    lower = named_expression();
    if (!lower) return nullptr;
    if (!at_op(":")) return lower;
  }
  pos_++; // :
  auto* s = arena_->make<Slice>();
  s->lower = lower;
  if (!at_op(":") && !at_op(",") && !at_op("]")) {
    s->upper = expression();
    if (!s->upper) return nullptr;
  }
  if (eat_op(":")) {
    if (!at_op(",") && !at_op("]")) {
      s->step = expression();
      if (!s->step) return nullptr;
    }
  }
  s->pos = pos_from(start);
  return s;
}

Expr* Parser::slices() {
  size_t start = pos_;
  Expr* first = slice();
  if (!first) return nullptr;
  if (!at_op(",") && first->kind != ExprKind::Starred) return first;
  List<Expr> elts{first};
  while (eat_op(",")) {
    if (at_op("]")) break;
    Expr* e = slice();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  auto* t = make<TupleExpr>(start);
  t->elts = std::move(elts);
  t->ctx = ExprContext::Load;
  return t;
}

static Constant* number_constant(Arena* arena, std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  auto* c = arena->make<Constant>();
  char last = digits.back();
  bool radix = digits.size() > 1 && digits[0] == '0' &&
               (digits[1] == 'x' || digits[1] == 'X' || digits[1] == 'o' || digits[1] == 'O' ||
                digits[1] == 'b' || digits[1] == 'B');
  if (last == 'j' || last == 'J') {
    digits.pop_back();
    c->value = ImaginaryLiteral{std::strtod(digits.c_str(), nullptr)};
  } else if (!radix && digits.find_first_of(".eE") != std::string::npos) {
    c->value = std::strtod(digits.c_str(), nullptr);
  } else {
    c->value = IntLiteral{digits};
  }
  return c;
}

Expr* Parser::atom() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  size_t start = pos_;
  const Token& t = cur();
  switch (t.kind) {
  case TokenKind::Name: {
    if (t.text == "None" || t.text == "True" || t.text == "False") {
      pos_++;
      auto* c = make<Constant>(start);
      if (t.text == "None")
        c->value = NoneValue{};
      else
        c->value = t.text == "True";
      return c;
    }
    if (is_keyword(t.text)) return fail_generic();
    pos_++;
    auto* n = make<Name>(start);
    n->id = t.name;
    n->ctx = ExprContext::Load;
    return n;
  }
  case TokenKind::Number: {
    pos_++;
    Constant* c = number_constant(arena_, t.text);
    c->pos = pos_from(start);
    return c;
  }
  case TokenKind::String:
    return strings();
  case TokenKind::Op:
    if (t.text == "(") return paren_atom();
    if (t.text == "[") return list_atom();
    if (t.text == "{") return brace_atom();
    if (t.text == "...") {
      pos_++;
      auto* c = make<Constant>(start);
      c->value = EllipsisValue{};
      return c;
    }
    return fail_generic();
  default:
    return fail_generic();
  }
}

Expr* Parser::paren_atom() {
  size_t start = pos_++;
  if (eat_op(")")) {
    auto* t = make<TupleExpr>(start);
    t->ctx = ExprContext::Load;
    return t;
  }
  if (at_kw("yield")) {
    Expr* y = yield_expr();
    if (!y) return nullptr;
    if (!eat_op(")")) return fail_generic();
    return y;
  }
  if (at_op("**") && !suppress_invalid_) {
    // invalid_group: '(' '**' expression ')'
    size_t m = mark();
    const Token& stars = cur();
    pos_++;
    auto saved = std::move(error_);
    error_.reset();
    suppress_invalid_ = true;
    Expr* e = expression();
    bool closed = e && at_op(")");
    suppress_invalid_ = false;
    error_ = std::move(saved);
    reset(m);
    if (closed && !tokenizer_failed_)
      return fail_token(stars, "cannot use double starred expression here");
  }
  Expr* first = star_named_expression();
  if (!first) return nullptr;
  if (at_kw("for") || (at_kw("async") && peek().is_name("for"))) {
    if (first->kind == ExprKind::Starred)
      return fail_node(first, "iterable unpacking cannot be used in comprehension");
    auto* g = arena_->make<GeneratorExp>();
    g->elt = first;
    if (!comprehension_clauses(g->generators)) return nullptr;
    if (!eat_op(")")) return fail_generic();
    g->pos = pos_from(start);
    return g;
  }
  if (at_op(",")) {
    List<Expr> elts{first};
    while (eat_op(",")) {
      if (at_op(")")) break;
      Expr* e = star_named_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    if (!eat_op(")")) return fail_generic();
    auto* t = make<TupleExpr>(start);
    t->elts = std::move(elts);
    t->ctx = ExprContext::Load;
    return t;
  }
  if (!at_op(")")) return fail_generic();
  if (first->kind == ExprKind::Starred)
    return fail_node(first, "cannot use starred expression here");
  pos_++;
  return first;
}

Expr* Parser::list_atom() {
  size_t start = pos_++;
  List<Expr> elts;
  if (!at_op("]")) {
    Expr* first = star_named_expression();
    if (!first) return nullptr;
    if (at_kw("for") || (at_kw("async") && peek().is_name("for"))) {
      if (first->kind == ExprKind::Starred)
        return fail_node(first, "iterable unpacking cannot be used in comprehension");
      auto* l = arena_->make<ListComp>();
      l->elt = first;
      if (!comprehension_clauses(l->generators)) return nullptr;
      if (!eat_op("]")) return fail_generic();
      l->pos = pos_from(start);
      return l;
    }
    elts.push_back(first);
    while (eat_op(",")) {
      if (at_op("]") || at_comprehension_for()) break;
      Expr* e = star_named_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    if (comprehension_target_hint(elts)) return nullptr;
  }
  if (!eat_op("]")) return fail_generic();
  auto* l = make<ListExpr>(start);
  l->elts = std::move(elts);
  l->ctx = ExprContext::Load;
  return l;
}

bool Parser::comprehension_target_hint(const List<Expr>& elts) {
  if (!at_comprehension_for() || suppress_invalid_ || failed()) return false;
  size_t m = mark();
  const Token& comma = prev();
  auto saved = std::move(error_);
  error_.reset();
  suppress_invalid_ = true;
  List<Comprehension> generators;
  bool ok = comprehension_clauses(generators);
  suppress_invalid_ = false;
  error_ = std::move(saved);
  reset(m);
  if (!ok || tokenizer_failed_) return false;
  const char* msg = "did you forget parentheses around the comprehension target?";
  if (elts.size() == 1)
    fail_range(SyntaxErrorInfo::Kind::SyntaxError, msg, elts[0]->pos.lineno,
               elts[0]->pos.col_offset, comma.end_lineno, comma.end_col);
  else
    fail_nodes(elts.front(), elts.back(), msg);
  return true;
}

Expr* Parser::dict_value() {
  if (at_op("*")) {
    const Token& star = cur();
    pos_++;
    Expr* v = bitwise_or();
    if (!v) return nullptr;
    return fail_range(SyntaxErrorInfo::Kind::SyntaxError,
                      "cannot use a starred expression in a dictionary value", star.lineno,
                      star.col, v->pos.end_lineno, v->pos.end_col_offset);
  }
  if (at_op("}") || at_op(","))
    return fail_token(prev(), "expression expected after dictionary key and ':'");
  return expression();
}

Expr* Parser::brace_atom() {
  size_t start = pos_++;
  if (eat_op("}")) return make<Dict>(start);
  List<Expr> keys, values;
  auto dict_items = [&]() -> bool {
    while (eat_op(",")) {
      if (at_op("}")) break;
      if (eat_op("**")) {
        Expr* v = bitwise_or();
        if (!v) return false;
        keys.push_back(nullptr);
        values.push_back(v);
        continue;
      }
      Expr* k = expression();
      if (!k) return false;
      if (!eat_op(":")) {
        // invalid_kvpair: at the key's last character, with no end.
        fail_range(SyntaxErrorInfo::Kind::SyntaxError, "':' expected after dictionary key",
                   k->pos.lineno, k->pos.end_col_offset - 1, k->pos.end_lineno, -1);
        if (error_) error_->end_offset = 0;
        return false;
      }
      Expr* v = dict_value();
      if (!v) return false;
      keys.push_back(k);
      values.push_back(v);
    }
    return true;
  };
  if (at_op("**")) {
    const Token& stars = cur();
    pos_++;
    Expr* v = bitwise_or();
    if (!v) return nullptr;
    if (at_comprehension_for()) // invalid_dict_comprehension
      return fail_token(stars, "dict unpacking cannot be used in dict comprehension");
    keys.push_back(nullptr);
    values.push_back(v);
    if (!dict_items()) return nullptr;
    if (!eat_op("}")) return fail_generic();
    auto* d = make<Dict>(start);
    d->keys = std::move(keys);
    d->values = std::move(values);
    return d;
  }
  Expr* first = star_named_expression();
  if (!first) return nullptr;
  if (eat_op(":")) {
    Expr* v = dict_value();
    if (!v) return nullptr;
    if (at_kw("for") || (at_kw("async") && peek().is_name("for"))) {
      auto* d = arena_->make<DictComp>();
      d->key = first;
      d->value = v;
      if (!comprehension_clauses(d->generators)) return nullptr;
      if (!eat_op("}")) return fail_generic();
      d->pos = pos_from(start);
      return d;
    }
    keys.push_back(first);
    values.push_back(v);
    if (!dict_items()) return nullptr;
    if (!eat_op("}")) return fail_generic();
    auto* d = make<Dict>(start);
    d->keys = std::move(keys);
    d->values = std::move(values);
    return d;
  }
  if (at_kw("for") || (at_kw("async") && peek().is_name("for"))) {
    if (first->kind == ExprKind::Starred)
      return fail_node(first, "iterable unpacking cannot be used in comprehension");
    auto* s = arena_->make<SetComp>();
    s->elt = first;
    if (!comprehension_clauses(s->generators)) return nullptr;
    if (!eat_op("}")) return fail_generic();
    s->pos = pos_from(start);
    return s;
  }
  List<Expr> elts{first};
  while (eat_op(",")) {
    if (at_op("}") || at_comprehension_for()) break;
    Expr* e = star_named_expression();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  if (comprehension_target_hint(elts)) return nullptr;
  if (!eat_op("}")) return fail_generic();
  auto* s = make<Set>(start);
  s->elts = std::move(elts);
  return s;
}

Expr* Parser::lambdef() {
  size_t start = pos_++;
  Arguments* args = parameters(true);
  if (!args) return nullptr;
  if (!eat_op(":")) return fail_generic();
  Expr* body = expression();
  if (!body) return nullptr;
  auto* l = make<Lambda>(start);
  l->args = args;
  l->body = body;
  return l;
}

Expr* Parser::yield_expr() {
  size_t start = pos_++;
  if (eat_kw("from")) {
    Expr* v = expression();
    if (!v) return nullptr;
    auto* y = make<YieldFrom>(start);
    y->value = v;
    return y;
  }
  Expr* v = nullptr;
  if (starts_expression(cur()) || at_op("*")) {
    v = star_expressions();
    if (!v) return nullptr;
  }
  auto* y = make<Yield>(start);
  y->value = v;
  return y;
}

} // namespace interp::parse
