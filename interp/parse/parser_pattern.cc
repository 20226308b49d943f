// The match statement and its patterns.
#include "interp/parse/parser_internal.h"

namespace interp::parse {

using namespace interp::ast;

Stmt* Parser::match_statement() {
  size_t start = pos_;
  int lineno = cur().lineno;
  pos_++; // match
  if (!starts_expression(cur()) && !at_op("*")) return nullptr;
  // `match` is a soft keyword: only a subject followed by ':' makes this a match
  // statement, anything else is an ordinary statement using the name.
  auto saved = std::move(error_);
  error_.reset();
  bool saved_suppress = suppress_invalid_;
  suppress_invalid_ = true;
  size_t subject_start = pos_;
  Expr* subject = star_named_expression();
  if (subject && at_op(",")) {
    List<Expr> elts{subject};
    while (eat_op(",")) {
      if (!starts_expression(cur()) && !at_op("*")) break;
      Expr* e = star_named_expression();
      if (!e) {
        subject = nullptr;
        break;
      }
      elts.push_back(e);
    }
    if (subject) {
      auto* t = make<TupleExpr>(subject_start);
      t->elts = std::move(elts);
      t->ctx = ExprContext::Load;
      subject = t;
    }
  }
  suppress_invalid_ = saved_suppress;
  error_ = std::move(saved);
  if (!subject || !at_op(":") || tokenizer_failed_) {
    // invalid_match_stmt, should the line not parse as another statement either.
    if (subject && !tokenizer_failed_ && cur().kind == TokenKind::Newline)
      match_missing_colon_ = pos_;
    return nullptr;
  }
  pos_++;
  if (cur().kind != TokenKind::Newline) return fail_generic();
  pos_++;
  if (cur().kind != TokenKind::Indent) {
    return fail_token(cur(),
                      "expected an indented block after 'match' statement on line " +
                          std::to_string(lineno),
                      SyntaxErrorInfo::Kind::IndentationError);
  }
  pos_++;
  auto* m = arena_->make<Match>();
  m->subject = subject;
  while (at_kw("case") || cur().is_name("case")) {
    int case_line = cur().lineno;
    pos_++;
    auto* c = arena_->make<MatchCase>();
    c->pattern = patterns();
    if (!c->pattern) return nullptr;
    if (eat_kw("if")) {
      c->guard = named_expression();
      if (!c->guard) return nullptr;
    }
    if (!eat_op(":")) return fail_expected_at_newline("':'");
    if (!block(c->body, "'case' statement", case_line)) return nullptr;
    m->cases.push_back(c);
  }
  if (m->cases.empty() || cur().kind != TokenKind::Dedent) return fail_generic();
  pos_++;
  m->pos = pos_from(start);
  return m;
}

Pattern* Parser::patterns() {
  size_t start = pos_;
  auto maybe_star = [&]() -> Pattern* {
    if (at_op("*")) {
      size_t s = pos_++;
      if (!at_name()) return fail_generic();
      auto* p = make<MatchStar>(s);
      if (cur().name != "_") p->name = cur().name;
      pos_++;
      p->pos = pos_from(s);
      return p;
    }
    return pattern();
  };
  Pattern* first = maybe_star();
  if (!first) return nullptr;
  if (!at_op(",")) {
    if (first->kind == PatternKind::MatchStar) {
      auto* seq = make<MatchSequence>(start);
      seq->patterns.push_back(first);
      return seq;
    }
    return first;
  }
  auto* seq = arena_->make<MatchSequence>();
  seq->patterns.push_back(first);
  while (eat_op(",")) {
    if (at_op(":") || at_kw("if")) break;
    Pattern* p = maybe_star();
    if (!p) return nullptr;
    seq->patterns.push_back(p);
  }
  seq->pos = pos_from(start);
  return seq;
}

Pattern* Parser::pattern() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  size_t start = pos_;
  Pattern* p = or_pattern();
  if (!p) return nullptr;
  if (eat_kw("as")) {
    if (!at_name()) {
      // invalid_as_pattern: any other expression there is an invalid target.
      size_t m = mark();
      auto saved = std::move(error_);
      error_.reset();
      bool saved_suppress = suppress_invalid_;
      suppress_invalid_ = true;
      Expr* target = expression();
      suppress_invalid_ = saved_suppress;
      error_ = std::move(saved);
      if (target && !tokenizer_failed_ && !saved_suppress)
        return fail_node(target, "invalid pattern target");
      reset(m);
      return fail_generic();
    }
    if (cur().name == "_") return fail_token(cur(), "cannot use '_' as a target");
    auto* a = arena_->make<MatchAs>();
    a->pattern = p;
    a->name = cur().name;
    pos_++;
    a->pos = pos_from(start);
    return a;
  }
  return p;
}

Pattern* Parser::or_pattern() {
  size_t start = pos_;
  Pattern* p = closed_pattern();
  if (!p || !at_op("|")) return p;
  auto* o = arena_->make<MatchOr>();
  o->patterns.push_back(p);
  while (eat_op("|")) {
    Pattern* q = closed_pattern();
    if (!q) return nullptr;
    o->patterns.push_back(q);
  }
  o->pos = pos_from(start);
  return o;
}

Expr* Parser::pattern_value_expr() {
  // signed_number, complex_number, or strings
  size_t start = pos_;
  if (cur().kind == TokenKind::String) return strings();
  bool negative = at_op("-");
  if (negative) pos_++;
  if (cur().kind != TokenKind::Number) return fail_generic();
  Expr* num = atom();
  if (!num) return nullptr;
  if (negative) {
    auto* u = make<UnaryOp>(start);
    u->op = UnaryOpKind::USub;
    u->operand = num;
    num = u;
  }
  if (at_op("+") || at_op("-")) {
    Operator op = at_op("+") ? Operator::Add : Operator::Sub;
    pos_++;
    if (cur().kind != TokenKind::Number) return fail_generic();
    Expr* imag = atom();
    if (!imag) return nullptr;
    if (!std::holds_alternative<ImaginaryLiteral>(static_cast<Constant*>(imag)->value))
      return fail_node(imag, "imaginary number required in complex literal");
    auto* b = make<BinOp>(start);
    b->left = num;
    b->op = op;
    b->right = imag;
    return b;
  }
  return num;
}

Pattern* Parser::closed_pattern() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  size_t start = pos_;
  const Token& t = cur();
  if (t.kind == TokenKind::Number || t.kind == TokenKind::String || t.is_op("-")) {
    Expr* v = pattern_value_expr();
    if (!v) return nullptr;
    auto* p = make<MatchValue>(start);
    p->value = v;
    return p;
  }
  if (t.is_name("None") || t.is_name("True") || t.is_name("False")) {
    auto* p = make<MatchSingleton>(start);
    if (t.text == "None")
      p->value = NoneValue{};
    else
      p->value = t.text == "True";
    pos_++;
    p->pos = pos_from(start);
    return p;
  }
  if (at_name()) {
    std::string first = cur().name;
    pos_++;
    Expr* e = make<Name>(start);
    static_cast<Name*>(e)->id = first;
    static_cast<Name*>(e)->ctx = ExprContext::Load;
    bool dotted = false;
    while (at_op(".")) {
      pos_++;
      if (!at_name()) return fail_generic();
      auto* a = make<Attribute>(start);
      a->value = e;
      a->attr = cur().name;
      a->ctx = ExprContext::Load;
      pos_++;
      a->pos = pos_from(start);
      e = a;
      dotted = true;
    }
    if (at_op("(")) return class_pattern_rest(e, start);
    if (dotted) {
      auto* p = make<MatchValue>(start);
      p->value = e;
      return p;
    }
    auto* p = make<MatchAs>(start);
    if (first != "_") p->name = first;
    return p;
  }
  if (t.is_op("(")) {
    pos_++;
    if (eat_op(")")) return make<MatchSequence>(start);
    size_t inner = pos_;
    Pattern* first = nullptr;
    bool star = at_op("*");
    if (star) {
      size_t s = pos_++;
      if (!at_name()) return fail_generic();
      auto* ms = make<MatchStar>(s);
      if (cur().name != "_") ms->name = cur().name;
      pos_++;
      ms->pos = pos_from(s);
      first = ms;
    } else {
      first = pattern();
    }
    if (!first) return nullptr;
    if (at_op(")") && !star) {
      pos_++;
      return first; // a group
    }
    (void)inner;
    reset(start + 1); // the sequence parser reads the first element again
    return sequence_pattern(")", start);
  }
  if (t.is_op("[")) {
    pos_++;
    return sequence_pattern("]", start);
  }
  if (t.is_op("{")) return mapping_pattern();
  return fail_generic();
}

Pattern* Parser::sequence_pattern(const char* close, size_t start) {
  auto* seq = arena_->make<MatchSequence>();
  while (!at_op(close)) {
    Pattern* p;
    if (at_op("*")) {
      size_t s = pos_++;
      if (!at_name()) return fail_generic();
      auto* ms = make<MatchStar>(s);
      if (cur().name != "_") ms->name = cur().name;
      pos_++;
      ms->pos = pos_from(s);
      p = ms;
    } else {
      p = pattern();
    }
    if (!p) return nullptr;
    seq->patterns.push_back(p);
    if (!eat_op(",")) break;
  }
  if (!eat_op(close)) return fail_generic();
  seq->pos = pos_from(start);
  return seq;
}

Pattern* Parser::mapping_pattern() {
  size_t start = pos_++;
  auto* m = arena_->make<MatchMapping>();
  while (!at_op("}")) {
    if (eat_op("**")) {
      // A capture target: `**_` is not one.
      if (!at_name() || cur().is_name("_")) return fail_generic();
      m->rest = cur().name;
      pos_++;
      eat_op(",");
      break;
    }
    Expr* key = nullptr;
    size_t kstart = pos_;
    const Token& t = cur();
    if (t.is_name("None") || t.is_name("True") || t.is_name("False")) {
      key = atom();
    } else if (at_name()) {
      Expr* e = make<Name>(kstart);
      static_cast<Name*>(e)->id = cur().name;
      static_cast<Name*>(e)->ctx = ExprContext::Load;
      pos_++;
      e->pos = pos_from(kstart);
      if (!at_op(".")) return fail_generic();
      while (eat_op(".")) {
        if (!at_name()) return fail_generic();
        auto* a = arena_->make<Attribute>();
        a->value = e;
        a->attr = cur().name;
        a->ctx = ExprContext::Load;
        pos_++;
        a->pos = pos_from(kstart);
        e = a;
      }
      key = e;
    } else {
      key = pattern_value_expr();
    }
    if (!key) return nullptr;
    if (!eat_op(":")) return fail_generic();
    Pattern* p = pattern();
    if (!p) return nullptr;
    m->keys.push_back(key);
    m->patterns.push_back(p);
    if (!eat_op(",")) break;
  }
  if (!eat_op("}")) return fail_generic();
  m->pos = pos_from(start);
  return m;
}

Pattern* Parser::class_pattern_rest(Expr* cls, size_t start) {
  pos_++; // (
  auto* c = arena_->make<MatchClass>();
  c->cls = cls;
  while (!at_op(")")) {
    if (at_name() && peek().is_op("=")) {
      c->kwd_attrs.push_back(cur().name);
      pos_ += 2;
      Pattern* p = pattern();
      if (!p) return nullptr;
      c->kwd_patterns.push_back(p);
    } else {
      Pattern* p = pattern();
      if (!p) return nullptr;
      if (!c->kwd_attrs.empty()) return fail_node(p, "positional patterns follow keyword patterns");
      c->patterns.push_back(p);
    }
    if (!eat_op(",")) break;
  }
  if (!eat_op(")")) return fail_generic();
  c->pos = pos_from(start);
  return c;
}

} // namespace interp::parse
