// Statements: simple statements, compound statements, blocks, parameters.
#include "interp/parse/parser_internal.h"

namespace interp::parse {

using namespace interp::ast;

bool Parser::statements(List<Stmt>& out, bool until_dedent) {
  for (;;) {
    const Token& t = cur();
    if (t.kind == TokenKind::EndMarker) return !failed() || !until_dedent ? !failed() : false;
    if (until_dedent && t.kind == TokenKind::Dedent) return true;
    if (!statement(out)) return false;
  }
}

bool Parser::statement(List<Stmt>& out) {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  const Token& t = cur();
  if (t.kind == TokenKind::Name) {
    std::string_view w = t.text;
    if (w == "def" || w == "if" || w == "class" || w == "with" || w == "for" || w == "try" ||
        w == "while" || w == "async") {
      Stmt* s = compound_statement();
      if (!s) return false;
      out.push_back(s);
      return true;
    }
    if (w == "match") {
      size_t m = mark();
      match_missing_colon_ = 0;
      Stmt* s = match_statement();
      if (s) {
        out.push_back(s);
        return true;
      }
      if (failed()) return false;
      size_t missing_colon = match_missing_colon_;
      reset(m);
      if (missing_colon) {
        if (simple_statements(out)) return true;
        if (tokenizer_failed_) return false;
        error_.reset();
        return fail_token(tok(missing_colon), "expected ':'");
      }
    }
  } else if (t.is_op("@")) {
    Stmt* s = compound_statement();
    if (!s) return false;
    out.push_back(s);
    return true;
  }
  return simple_statements(out);
}

bool Parser::simple_statements(List<Stmt>& out) {
  for (;;) {
    Stmt* s = simple_statement();
    if (!s) return false;
    out.push_back(s);
    if (eat_op(";")) {
      if (cur().kind == TokenKind::Newline) break;
      continue;
    }
    break;
  }
  if (cur().kind != TokenKind::Newline) return fail_generic();
  pos_++;
  return true;
}

Stmt* Parser::simple_statement() {
  size_t start = pos_;
  const Token& t = cur();
  if (t.kind == TokenKind::Name) {
    std::string_view w = t.text;
    if (w == "pass") {
      pos_++;
      return make<Pass>(start);
    }
    if (w == "break") {
      pos_++;
      return make<Break>(start);
    }
    if (w == "continue") {
      pos_++;
      return make<Continue>(start);
    }
    if (w == "return") return return_statement();
    if (w == "import") return import_statement();
    if (w == "from") return from_import_statement();
    if (w == "raise") return raise_statement();
    if (w == "del") return del_statement();
    if (w == "assert") return assert_statement();
    if (w == "global") return global_statement(false);
    if (w == "nonlocal") return global_statement(true);
  }
  return expression_statement();
}

static bool is_augassign(const Token& t, Operator& op) {
  static constexpr std::pair<std::string_view, Operator> ops[] = {
      {"+=", Operator::Add},      {"-=", Operator::Sub},     {"*=", Operator::Mult},
      {"@=", Operator::MatMult},  {"/=", Operator::Div},     {"%=", Operator::Mod},
      {"&=", Operator::BitAnd},   {"|=", Operator::BitOr},   {"^=", Operator::BitXor},
      {"<<=", Operator::LShift},  {">>=", Operator::RShift}, {"**=", Operator::Pow},
      {"//=", Operator::FloorDiv}};
  if (t.kind != TokenKind::Op) return false;
  for (auto& [s, o] : ops)
    if (t.text == s) {
      op = o;
      return true;
    }
  return false;
}

// Whether `e = value` reads as a mistyped comparison to CPython's invalid_named_expression:
// e must be a bitwise_or-level expression that cannot be assigned to.
bool Parser::comparison_typo_candidate(const Expr* e) {
  switch (e->kind) {
  case ExprKind::Name:
  case ExprKind::Attribute:
  case ExprKind::Subscript:
  case ExprKind::Starred:
  case ExprKind::Tuple:
  case ExprKind::List:
  case ExprKind::GeneratorExp:
  case ExprKind::BoolOp:
  case ExprKind::Compare:
  case ExprKind::IfExp:
  case ExprKind::Lambda:
  case ExprKind::NamedExpr:
  case ExprKind::Yield:
  case ExprKind::YieldFrom:
    return false;
  case ExprKind::UnaryOp:
    return static_cast<const UnaryOp*>(e)->op != UnaryOpKind::Not;
  case ExprKind::Constant: {
    const auto& v = static_cast<const Constant*>(e)->value;
    return !std::holds_alternative<bool>(v) && !std::holds_alternative<NoneValue>(v);
  }
  default:
    return true;
  }
}

Expr* Parser::star_expressions_or_yield() {
  if (at_kw("yield")) return yield_expr();
  return star_expressions();
}

Stmt* Parser::expression_statement() {
  size_t start = pos_;
  bool starts_with_paren = at_op("(");
  Expr* first = star_expressions_or_yield();
  if (!first) return nullptr;
  if (at_op(":=") && first->kind == ExprKind::Name) return fail_generic();
  if (at_op(":="))
    return fail_node(first,
                     std::string("cannot use assignment expressions with ") + expr_name(first));
  if (at_op(":")) {
    if (first->kind == ExprKind::Tuple) {
      // Without parentheses 3.11 points at the first element only.
      auto& elts = static_cast<TupleExpr*>(first)->elts;
      bool bare = !elts.empty() && elts[0]->pos.lineno == first->pos.lineno &&
                  elts[0]->pos.col_offset == first->pos.col_offset;
      return fail_node(bare ? elts[0] : first, "only single target (not tuple) can be annotated");
    }
    if (first->kind == ExprKind::List)
      return fail_node(first, "only single target (not list) can be annotated");
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript)
      return fail_node(first, "illegal target for annotation");
    pos_++;
    if (!set_store(first, false)) return nullptr;
    Expr* annotation = expression();
    if (!annotation) return nullptr;
    Expr* value = nullptr;
    if (eat_op("=")) {
      value = star_expressions_or_yield();
      if (!value) return nullptr;
    }
    auto* s = make<AnnAssign>(start);
    s->target = first;
    s->annotation = annotation;
    s->value = value;
    s->simple = first->kind == ExprKind::Name && !starts_with_paren;
    return s;
  }
  Operator op;
  if (is_augassign(cur(), op)) {
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript)
      return fail_node(first, std::string("'") + expr_name(first) +
                                  "' is an illegal expression for augmented assignment");
    pos_++;
    if (!set_store(first, false)) return nullptr;
    Expr* value = star_expressions_or_yield();
    if (!value) return nullptr;
    auto* s = make<AugAssign>(start);
    s->target = first;
    s->op = op;
    s->value = value;
    return s;
  }
  if (at_op("=")) {
    List<Expr> exprs{first};
    // Which targets are a yield outside parentheses: CPython refuses those in their own
    // words, and words a parenthesized one as any other expression.
    std::vector<bool> bare_yield{!starts_with_paren};
    while (eat_op("=")) {
      bare_yield.push_back(at_kw("yield"));
      Expr* e = star_expressions_or_yield();
      if (!e) return nullptr;
      exprs.push_back(e);
    }
    Expr* value = exprs.back();
    exprs.pop_back();
    for (size_t i = 0; i < exprs.size(); i++) {
      Expr* target = exprs[i];
      bool yield = target->kind == ExprKind::Yield || target->kind == ExprKind::YieldFrom;
      if (yield && bare_yield[i])
        return fail_node(target, "assignment to yield expression not possible");
      // CPython words the first target's error as a comparison typo when the
      // statement is a single `a = b` (a yield or := there is in parentheses).
      bool single = i == 0 && exprs.size() == 1;
      // In `a, f() = 1` the last element is what CPython's rule sees before the '='.
      if (single && target->kind == ExprKind::Tuple && !starts_with_paren) {
        auto& elts = static_cast<TupleExpr*>(target)->elts;
        if (!elts.empty() && comparison_typo_candidate(elts.back()))
          return fail_node(elts.back(), std::string("cannot assign to ") + expr_name(elts.back()) +
                                            " here. Maybe you meant '==' instead of '='?");
      }
      bool hint = single && (comparison_typo_candidate(target) || yield ||
                             target->kind == ExprKind::NamedExpr);
      if (!set_store(target, hint)) return nullptr;
    }
    auto* s = make<Assign>(start);
    s->targets = std::move(exprs);
    s->value = value;
    return s;
  }
  if (first->kind == ExprKind::Name && starts_expression(cur()) && !at_op("(") && !at_op("[") &&
      !at_op("-") && !at_op("+") && !at_op("*")) {
    // CPython's invalid_legacy_expression reads on after the name: an error inside
    // what follows is the one reported.
    auto* name = static_cast<Name*>(first);
    size_t m = mark();
    Expr* rest = star_expressions();
    if (!rest) return nullptr;
    if (name->id == "print" || name->id == "exec")
      return fail_nodes(first, rest,
                        "Missing parentheses in call to '" + name->id + "'. Did you mean " +
                            name->id + "(...)?");
    reset(m);
  }
  auto* s = make<ExprStmt>(start);
  s->value = first;
  return s;
}

Stmt* Parser::return_statement() {
  size_t start = pos_++;
  Expr* value = nullptr;
  if (cur().kind != TokenKind::Newline && !at_op(";")) {
    value = star_expressions();
    if (!value) return nullptr;
  }
  auto* s = make<Return>(start);
  s->value = value;
  return s;
}

bool Parser::dotted_name(std::string& out) {
  if (!at_name()) return fail_generic();
  out = cur().name;
  pos_++;
  while (at_op(".")) {
    pos_++;
    if (!at_name()) return fail_generic();
    out += ".";
    out += cur().name;
    pos_++;
  }
  return true;
}

Stmt* Parser::import_statement() {
  size_t start = pos_++;
  List<Alias> names;
  do {
    size_t a_start = pos_;
    auto* alias = arena_->make<Alias>();
    if (!dotted_name(alias->name)) return nullptr;
    if (eat_kw("as")) {
      if (!at_name()) return fail_generic();
      alias->asname = cur().name;
      pos_++;
    }
    alias->pos = pos_from(a_start);
    names.push_back(alias);
  } while (eat_op(","));
  auto* s = make<Import>(start);
  s->names = std::move(names);
  return s;
}

Stmt* Parser::from_import_statement() {
  size_t start = pos_++;
  int level = 0;
  for (;;) {
    if (eat_op("."))
      level++;
    else if (eat_op("..."))
      level += 3;
    else
      break;
  }
  std::string module;
  if (!at_kw("import") || level == 0) {
    if (!dotted_name(module)) return nullptr;
  }
  if (!eat_kw("import")) return fail_generic();
  List<Alias> names;
  if (at_op("*")) {
    size_t a_start = pos_++;
    auto* alias = make<Alias>(a_start);
    alias->name = "*";
    names.push_back(alias);
  } else {
    bool paren = eat_op("(");
    for (;;) {
      size_t a_start = pos_;
      if (!at_name()) return fail_generic();
      auto* alias = arena_->make<Alias>();
      alias->name = cur().name;
      pos_++;
      if (eat_kw("as")) {
        if (!at_name()) return fail_generic();
        alias->asname = cur().name;
        pos_++;
      }
      alias->pos = pos_from(a_start);
      names.push_back(alias);
      if (!eat_op(",")) break;
      if (paren && at_op(")")) break;
      if (!paren && (cur().kind == TokenKind::Newline || at_op(";"))) {
        return fail_range(SyntaxErrorInfo::Kind::SyntaxError,
                          "trailing comma not allowed without surrounding parentheses",
                          cur().lineno, cur().col, cur().end_lineno, cur().end_col);
      }
    }
    if (paren && !eat_op(")")) return fail_generic();
  }
  auto* s = make<ImportFrom>(start);
  s->module = module;
  s->names = std::move(names);
  s->level = level;
  return s;
}

Stmt* Parser::raise_statement() {
  size_t start = pos_++;
  Expr* exc = nullptr;
  Expr* cause = nullptr;
  if (cur().kind != TokenKind::Newline && !at_op(";")) {
    exc = expression();
    if (!exc) return nullptr;
    if (eat_kw("from")) {
      cause = expression();
      if (!cause) return nullptr;
    }
  }
  auto* s = make<Raise>(start);
  s->exc = exc;
  s->cause = cause;
  return s;
}

Stmt* Parser::del_statement() {
  size_t start = pos_++;
  List<Expr> targets;
  for (;;) {
    if (at_op("*")) break; // a starred target: only invalid_del_stmt takes it
    Expr* e = bitwise_or();
    if (!e) return nullptr;
    targets.push_back(e);
    if (!eat_op(",")) break;
    if (cur().kind == TokenKind::Newline || at_op(";")) break;
  }
  if (cur().kind != TokenKind::Newline && !at_op(";")) {
    // Find what CPython's invalid_del_stmt would name.
    reset(start + 1);
    Expr* all = star_expressions();
    if (all && (cur().kind == TokenKind::Newline || at_op(";"))) {
      if (!set_del(all)) return nullptr;
    }
    return fail_generic();
  }
  for (Expr* t : targets)
    if (!set_del(t)) return nullptr;
  auto* s = make<Delete>(start);
  s->targets = std::move(targets);
  return s;
}

Stmt* Parser::assert_statement() {
  size_t start = pos_++;
  Expr* test = expression();
  if (!test) return nullptr;
  Expr* msg = nullptr;
  if (eat_op(",")) {
    msg = expression();
    if (!msg) return nullptr;
  }
  auto* s = make<Assert>(start);
  s->test = test;
  s->msg = msg;
  return s;
}

Stmt* Parser::global_statement(bool nonlocal) {
  size_t start = pos_++;
  std::vector<std::string> names;
  do {
    if (!at_name()) return fail_generic();
    names.push_back(cur().name);
    pos_++;
  } while (eat_op(","));
  if (nonlocal) {
    auto* s = make<Nonlocal>(start);
    s->names = std::move(names);
    return s;
  }
  auto* s = make<Global>(start);
  s->names = std::move(names);
  return s;
}

// ---- compound statements ----------------------------------------------------------------

bool Parser::block(List<Stmt>& out, const char* what, int lineno) {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  if (cur().kind == TokenKind::Newline) {
    pos_++;
    if (cur().kind != TokenKind::Indent) {
      if (tokenizer_failed_) return false;
      return fail_token(cur(),
                        std::string("expected an indented block after ") + what + " on line " +
                            std::to_string(lineno),
                        SyntaxErrorInfo::Kind::IndentationError);
    }
    pos_++;
    if (!statements(out, true)) return false;
    if (cur().kind != TokenKind::Dedent) return fail_generic();
    pos_++;
    return true;
  }
  return simple_statements(out);
}

Stmt* Parser::compound_statement() {
  size_t start = pos_;
  if (at_op("@")) {
    List<Expr> decorators;
    while (eat_op("@")) {
      Expr* d = named_expression();
      if (!d) return nullptr;
      decorators.push_back(d);
      if (cur().kind != TokenKind::Newline) return fail_generic();
      pos_++;
    }
    size_t def_start = pos_;
    if (at_kw("def")) return function_def(std::move(decorators), def_start);
    if (at_kw("async") && peek().is_name("def"))
      return function_def(std::move(decorators), def_start);
    if (at_kw("class")) return class_def(std::move(decorators), def_start);
    return fail_generic();
  }
  const Token& t = cur();
  if (t.is_name("def")) return function_def({}, start);
  if (t.is_name("class")) return class_def({}, start);
  if (t.is_name("if")) return if_statement(false);
  if (t.is_name("while")) return while_statement();
  if (t.is_name("for")) return for_statement(start, false);
  if (t.is_name("with")) return with_statement(start, false);
  if (t.is_name("try")) return try_statement();
  if (t.is_name("async")) {
    const Token& n = peek();
    if (n.is_name("def")) return function_def({}, start);
    if (n.is_name("for")) {
      pos_++;
      return for_statement(start, true);
    }
    if (n.is_name("with")) {
      pos_++;
      return with_statement(start, true);
    }
    pos_++;
    return fail_generic();
  }
  return fail_generic();
}

Stmt* Parser::function_def(List<Expr> decorators, size_t start) {
  bool is_async = eat_kw("async");
  int lineno = cur().lineno;
  pos_++; // def
  if (!at_name()) return fail_generic();
  std::string name = cur().name;
  pos_++;
  if (!eat_op("(")) return fail_expected("'('");
  Arguments* args = parameters(false);
  if (!args) return nullptr;
  if (!eat_op(")")) return fail_generic();
  Expr* returns = nullptr;
  if (eat_op("->")) {
    returns = expression();
    if (!returns) return nullptr;
  }
  if (!eat_op(":")) return fail_expected("':'");
  auto* f = arena_->make<FunctionDef>(is_async);
  if (!block(f->body, "function definition", lineno)) return nullptr;
  f->pos = pos_from(start);
  f->name = std::move(name);
  f->args = args;
  f->returns = returns;
  f->decorator_list = std::move(decorators);
  return f;
}

Stmt* Parser::class_def(List<Expr> decorators, size_t start) {
  int lineno = cur().lineno;
  pos_++;
  if (!at_name()) return fail_generic();
  auto* c = arena_->make<ClassDef>();
  c->name = cur().name;
  pos_++;
  if (at_op("(")) {
    Expr* fake = call(nullptr, pos_);
    if (!fake) return nullptr;
    auto* callnode = static_cast<Call*>(fake);
    c->bases = std::move(callnode->args);
    c->keywords = std::move(callnode->keywords);
  }
  if (!eat_op(":")) return fail_expected_at_newline("':'");
  if (!block(c->body, "class definition", lineno)) return nullptr;
  c->pos = pos_from(start);
  c->decorator_list = std::move(decorators);
  return c;
}

Stmt* Parser::if_statement(bool is_elif) {
  size_t start = pos_;
  int lineno = cur().lineno;
  pos_++;
  Expr* test = named_expression();
  if (!test) return nullptr;
  if (!eat_op(":")) return fail_expected_at_newline("':'");
  auto* s = arena_->make<If>();
  s->test = test;
  if (!block(s->body, is_elif ? "'elif' statement" : "'if' statement", lineno)) return nullptr;
  if (at_kw("elif")) {
    Stmt* e = if_statement(true);
    if (!e) return nullptr;
    s->orelse.push_back(e);
  } else if (at_kw("else")) {
    int else_line = cur().lineno;
    pos_++;
    if (!eat_op(":")) return fail_expected("':'");
    if (!block(s->orelse, "'else' statement", else_line)) return nullptr;
  }
  s->pos = pos_from(start);
  return s;
}

Stmt* Parser::while_statement() {
  size_t start = pos_;
  int lineno = cur().lineno;
  pos_++;
  Expr* test = named_expression();
  if (!test) return nullptr;
  if (!eat_op(":")) return fail_expected_at_newline("':'");
  auto* s = arena_->make<While>();
  s->test = test;
  if (!block(s->body, "'while' statement", lineno)) return nullptr;
  if (at_kw("else")) {
    int else_line = cur().lineno;
    pos_++;
    if (!eat_op(":")) return fail_expected("':'");
    if (!block(s->orelse, "'else' statement", else_line)) return nullptr;
  }
  s->pos = pos_from(start);
  return s;
}

Stmt* Parser::for_statement(size_t start, bool is_async) {
  int lineno = cur().lineno;
  pos_++; // for
  Expr* target = star_targets();
  if (!target) return nullptr;
  if (!eat_kw("in")) return fail_generic();
  Expr* iter = star_expressions();
  if (!iter) return nullptr;
  if (!eat_op(":")) return fail_expected_at_newline("':'");
  auto* s = arena_->make<For>(is_async);
  s->target = target;
  s->iter = iter;
  if (!block(s->body, "'for' statement", lineno)) return nullptr;
  if (at_kw("else")) {
    int else_line = cur().lineno;
    pos_++;
    if (!eat_op(":")) return fail_expected("':'");
    if (!block(s->orelse, "'else' statement", else_line)) return nullptr;
  }
  s->pos = pos_from(start);
  return s;
}

Stmt* Parser::with_statement(size_t start, bool is_async) {
  int lineno = cur().lineno;
  pos_++; // with
  List<WithItem> items;
  auto with_item = [&]() -> WithItem* {
    Expr* e = expression();
    if (!e) return nullptr;
    auto* item = arena_->make<WithItem>();
    item->context_expr = e;
    if (eat_kw("as")) {
      Expr* t = star_target_element();
      if (!t) return nullptr;
      if (!set_store(t, false)) return nullptr;
      item->optional_vars = t;
    }
    return item;
  };
  bool done = false;
  if (at_op("(")) {
    // The parenthesized form `with (a as b, c):` if it parses as one.
    size_t m = mark();
    auto saved = std::move(error_);
    error_.reset();
    pos_++;
    List<WithItem> paren_items;
    bool ok = true;
    for (;;) {
      WithItem* item = with_item();
      if (!item) {
        ok = false;
        break;
      }
      paren_items.push_back(item);
      if (!eat_op(",")) break;
      if (at_op(")")) break;
    }
    ok = ok && eat_op(")");
    // invalid_with_stmt: the parenthesized items, then the end of the line.
    if (ok && !tokenizer_failed_ && cur().kind == TokenKind::Newline && !suppress_invalid_)
      return fail_token(cur(), "expected ':'");
    ok = ok && at_op(":");
    if (ok && !tokenizer_failed_) {
      error_ = std::move(saved);
      items = std::move(paren_items);
      done = true;
    } else {
      if (tokenizer_failed_) return nullptr;
      error_ = std::move(saved);
      reset(m);
    }
  }
  if (!done) {
    do {
      WithItem* item = with_item();
      if (!item) return nullptr;
      items.push_back(item);
    } while (eat_op(","));
  }
  if (!eat_op(":")) return fail_expected_at_newline("':'");
  auto* s = arena_->make<With>(is_async);
  s->items = std::move(items);
  if (!block(s->body, "'with' statement", lineno)) return nullptr;
  s->pos = pos_from(start);
  return s;
}

Stmt* Parser::try_statement() {
  size_t start = pos_;
  int lineno = cur().lineno;
  pos_++;
  if (!eat_op(":")) return fail_expected("':'");
  List<Stmt> body;
  if (!block(body, "'try' statement", lineno)) return nullptr;
  List<ExceptHandler> handlers;
  int star = -1; // unknown until the first handler
  while (at_kw("except")) {
    size_t h_start = pos_;
    int h_line = cur().lineno;
    pos_++;
    bool is_star = eat_op("*");
    if (star == -1) star = is_star;
    if (star != static_cast<int>(is_star)) {
      const Token& first = tok(h_start);
      const Token& last = tok(pos_ - 1);
      return fail_range(SyntaxErrorInfo::Kind::SyntaxError,
                        "cannot have both 'except' and 'except*' on the same 'try'", first.lineno,
                        first.col, last.end_lineno, last.end_col);
    }
    auto* h = arena_->make<ExceptHandler>();
    if (cur().kind == TokenKind::Newline) // invalid_except_stmt
      return fail_token(cur(), is_star ? "expected one or more exception types" : "expected ':'");
    if (!at_op(":")) {
      h->type = expression();
      if (!h->type) return nullptr;
      if (at_op(",")) {
        size_t m = mark();
        auto saved = std::move(error_);
        error_.reset();
        pos_++;
        Expr* rest = expression();
        while (rest && eat_op(","))
          rest = expression();
        error_ = std::move(saved);
        if (rest && (at_op(":") || at_kw("as")))
          return fail_nodes(h->type, rest, "multiple exception types must be parenthesized");
        reset(m);
        return fail_generic();
      }
      if (eat_kw("as")) {
        if (!at_name()) return fail_generic();
        h->name = cur().name;
        pos_++;
      }
    } else if (is_star) {
      return fail_token(cur(), "expected one or more exception types");
    }
    if (!eat_op(":")) return fail_expected_at_newline("':'");
    if (!block(h->body, is_star ? "'except*' statement" : "'except' statement", h_line))
      return nullptr;
    h->pos = pos_from(h_start);
    handlers.push_back(h);
  }
  List<Stmt> orelse, finalbody;
  if (!handlers.empty() && at_kw("else")) {
    int l = cur().lineno;
    pos_++;
    if (!eat_op(":")) return fail_expected("':'");
    if (!block(orelse, "'else' statement", l)) return nullptr;
  }
  if (at_kw("finally")) {
    int l = cur().lineno;
    pos_++;
    if (!eat_op(":")) return fail_expected("':'");
    if (!block(finalbody, "'finally' statement", l)) return nullptr;
  }
  if (handlers.empty() && finalbody.empty())
    return fail_token(cur(), "expected 'except' or 'finally' block");
  auto* s = arena_->make<Try>(star == 1);
  s->body = std::move(body);
  s->handlers = std::move(handlers);
  s->orelse = std::move(orelse);
  s->finalbody = std::move(finalbody);
  s->pos = pos_from(start);
  return s;
}

// ---- parameters ---------------------------------------------------------------------------

Arg* Parser::parameter(bool lambda, bool allow_star_annotation) {
  size_t start = pos_;
  if (!at_name()) return fail_generic();
  auto* a = arena_->make<Arg>();
  a->arg = cur().name;
  pos_++;
  if (!lambda && eat_op(":")) {
    if (allow_star_annotation && at_op("*")) {
      size_t s_start = pos_++;
      Expr* v = expression();
      if (!v) return nullptr;
      auto* st = make<Starred>(s_start);
      st->value = v;
      st->ctx = ExprContext::Load;
      a->annotation = st;
    } else {
      a->annotation = expression();
      if (!a->annotation) return nullptr;
    }
  }
  a->pos = pos_from(start);
  return a;
}

Arguments* Parser::parameters(bool lambda) {
  auto* args = arena_->make<Arguments>();
  const char* close = lambda ? ":" : ")";
  bool seen_default = false, seen_slash = false, seen_star = false, seen_kwarg = false;
  List<Arg> positional;
  List<Expr> defaults;
  while (!at_op(close)) {
    const Token& t = cur();
    if (seen_kwarg) {
      if (t.is_op("/") || t.is_op("*") || t.is_op("**") || at_name())
        return fail_token(t, "arguments cannot follow var-keyword argument");
      return fail_generic();
    }
    if (t.is_op("/")) {
      if (seen_slash) return fail_token(t, "/ may appear only once");
      if (seen_star) return fail_token(t, "/ must be ahead of *");
      if (positional.empty()) {
        if (peek().is_op(",")) return fail_token(t, "at least one argument must precede /");
        return fail_generic();
      }
      pos_++;
      seen_slash = true;
      args->posonlyargs = std::move(positional);
      positional.clear();
      if (at_op("*")) return fail_token(cur(), "expected comma between / and *");
    } else if (t.is_op("*")) {
      if (seen_star) return fail_token(t, "* argument may appear only once");
      const Token& star_tok = t;
      pos_++;
      seen_star = true;
      if (at_op(",") || at_op(close)) {
        bool named_follow = at_op(",") && !peek().is_op("**") && !peek().is_op(close);
        if (!named_follow) {
          if (lambda) return fail_token(cur(), "named arguments must follow bare *");
          return fail_token(star_tok, "named arguments must follow bare *");
        }
      } else {
        args->vararg = parameter(lambda, true);
        if (!args->vararg) return nullptr;
        if (at_op("="))
          return fail_token(cur(), "var-positional argument cannot have default value");
      }
    } else if (t.is_op("**")) {
      pos_++;
      args->kwarg = parameter(lambda, false);
      if (!args->kwarg) return nullptr;
      if (at_op("=")) return fail_token(cur(), "var-keyword argument cannot have default value");
      seen_kwarg = true;
    } else {
      if (t.is_op("(") && !seen_default && !seen_slash && !seen_star) {
        // invalid_parameters: '(' names ','? ')' after plain parameters only.
        size_t k = pos_ + 1;
        bool any = false;
        while (tok(k).kind == TokenKind::Name && !is_keyword(tok(k).text)) {
          any = true;
          if (!tok(++k).is_op(",")) break;
          ++k;
        }
        if (any && tok(k).is_op(")"))
          return fail_range(SyntaxErrorInfo::Kind::SyntaxError,
                            lambda ? "Lambda expression parameters cannot be parenthesized"
                                   : "Function parameters cannot be parenthesized",
                            t.lineno, t.col, tok(k).end_lineno, tok(k).end_col);
        return fail_generic();
      }
      Arg* a = parameter(lambda, false);
      if (!a) return nullptr;
      Expr* def = nullptr;
      if (eat_op("=")) {
        if (at_op(")") || at_op(","))
          return fail_token(prev(), "expected default value expression");
        def = expression();
        if (!def) return nullptr;
      }
      if (seen_star) {
        args->kwonlyargs.push_back(a);
        args->kw_defaults.push_back(def);
      } else {
        if (def) {
          seen_default = true;
          defaults.push_back(def);
        } else if (seen_default) {
          return fail_node(a, "non-default argument follows default argument");
        }
        positional.push_back(a);
      }
    }
    if (!eat_op(",")) break;
  }
  if (!at_op(close)) {
    if (lambda && at_op("(")) return fail_generic();
    return fail_generic();
  }
  args->args = std::move(positional);
  args->defaults = std::move(defaults);
  return args;
}

} // namespace interp::parse
