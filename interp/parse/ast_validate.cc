// ast_validate: CPython 3.11's checks (Python/ast.c), with its messages. The context an
// expression must have follows from the field holding it: assignment targets are Store
// (Del under Delete), the items of a Starred/List/Tuple share its context, everything
// else is Load.
#include "interp/parse/ast_validate.h"

#include <cstdio>
#include <cstring>
#include <vector>

#include "interp/parse/ast_fields.h"

namespace interp::parse {

namespace {

using namespace ast;

bool is(const char* a, const char* b) {
  return std::strcmp(a, b) == 0;
}

// Where an empty list is an error, and how CPython names it.
bool must_be_nonempty(const char* owner, const char* key) {
  if (is(key, "body")) return !is(owner, "Module") && !is(owner, "Interactive");
  if (is(key, "targets")) return true;
  if (is(key, "items")) return true; // With, AsyncWith
  if (is(key, "names")) return true; // Import, ImportFrom, Global, Nonlocal
  if (is(key, "cases")) return true; // Match
  return false;
}

class Validator {
public:
  std::optional<ValidationError> error;

  void begin(const char* name) { owners_.push_back(name); }
  void end(const Node*) { owners_.pop_back(); }

  template <class T> void node(const char* k, const T* n) {
    if (n && !error) visit(k, n);
  }
  template <class T> void opt(const char* k, const T* n) { node(k, n); }
  template <class T> void list(const char* k, const List<T>& items, bool) {
    if (error) return;
    if (items.empty() && must_be_nonempty(owners_.back(), k))
      return fail(false, "empty %s on %s", k, owners_.back());
    for (const T* item : items)
      node(k, item);
  }
  void idents(const char* k, const std::vector<std::string>& names) {
    if (names.empty() && !error && must_be_nonempty(owners_.back(), k))
      fail(false, "empty %s on %s", k, owners_.back());
  }
  void ident(const char*, const std::string&) {}
  void opt_ident(const char*, const std::string&) {}
  void integer(const char*, int) {}
  void flag(const char*, bool) {}
  template <class E, std::size_t N>
  void choice(const char*, E, const char* const (&)[N], const char*) {}
  template <class E, std::size_t N>
  void choices(const char*, const std::vector<E>&, const char* const (&)[N], const char*) {}
  void constant(const char*, const ConstantValue&) {}
  void absent(const char*, bool) {}

private:
  template <class... Args> void fail(bool type_error, const char* format, Args... args) {
    if (error) return;
    char buf[256];
    std::snprintf(buf, sizeof buf, format, args...);
    error = ValidationError{type_error, buf};
  }

  template <class T> void visit(const char*, const T* n) {
    check(n);
    if (!error) walk(*this, n);
  }

  // A star pattern may stand only as an item of a sequence pattern.
  void visit(const char* k, const Pattern* p) {
    if (p->kind == PatternKind::MatchStar &&
        !(is(owners_.back(), "MatchSequence") && is(k, "patterns")))
      return fail(false, "can't use MatchStar here");
    check(p);
    if (!error) walk(*this, p);
  }

  void visit(const char* k, const Expr* e) {
    ExprContext want = ExprContext::Load;
    const char* owner = owners_.back();
    if (is(k, "targets") || is(k, "target") || is(k, "optional_vars"))
      want = is(owner, "Delete") ? ExprContext::Del : ExprContext::Store;
    if (!contexts_.empty() && (is(k, "elts") || is(k, "value")) &&
        (is(owner, "Starred") || is(owner, "List") || is(owner, "Tuple")))
      want = contexts_.back();
    bool named_target = is(owner, "NamedExpr") && is(k, "target");
    if (named_target && e->kind != ExprKind::Name)
      return fail(true, "NamedExpr target must be a Name");
    const ExprContext* ctx = context_of(e);
    if (!ctx && want != ExprContext::Load)
      return fail(false, "expression which can't be assigned to in %s context",
                  kContextNames[static_cast<int>(want)]);
    if (ctx && *ctx != want && !named_target)
      return fail(false, "expression must have %s context but has %s instead",
                  kContextNames[static_cast<int>(want)], kContextNames[static_cast<int>(*ctx)]);
    check(e);
    if (error) return;
    contexts_.push_back(ctx ? *ctx : ExprContext::Load);
    walk(*this, e);
    contexts_.pop_back();
  }

  static const ExprContext* context_of(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Attribute:
      return &static_cast<const Attribute*>(e)->ctx;
    case ExprKind::Subscript:
      return &static_cast<const Subscript*>(e)->ctx;
    case ExprKind::Starred:
      return &static_cast<const Starred*>(e)->ctx;
    case ExprKind::Name:
      return &static_cast<const Name*>(e)->ctx;
    case ExprKind::List:
      return &static_cast<const ListExpr*>(e)->ctx;
    case ExprKind::Tuple:
      return &static_cast<const TupleExpr*>(e)->ctx;
    default:
      return nullptr;
    }
  }

  template <class T> void check(const T*) {}

  void check(const Arguments* a) {
    if (a->defaults.size() > a->posonlyargs.size() + a->args.size())
      fail(false, "more positional defaults than args on arguments");
    else if (a->kw_defaults.size() != a->kwonlyargs.size())
      fail(false, "length of kwonlyargs is not the same as kw_defaults on arguments");
  }

  void check(const Expr* e) {
    switch (e->kind) {
    case ExprKind::BoolOp:
      if (static_cast<const BoolOp*>(e)->values.size() < 2)
        fail(false, "BoolOp with less than 2 values");
      break;
    case ExprKind::Dict: {
      auto* d = static_cast<const Dict*>(e);
      if (d->keys.size() != d->values.size())
        fail(false, "Dict doesn't have the same number of keys as values");
      break;
    }
    case ExprKind::Compare: {
      auto* c = static_cast<const Compare*>(e);
      if (c->comparators.empty())
        fail(false, "Compare with no comparators");
      else if (c->comparators.size() != c->ops.size())
        fail(false, "Compare has a different number of comparators and operands");
      break;
    }
    case ExprKind::Name: {
      const std::string& id = static_cast<const Name*>(e)->id;
      if (id == "None" || id == "True" || id == "False")
        fail(false, "identifier field can't represent '%s' constant", id.c_str());
      break;
    }
    case ExprKind::ListComp:
      return need_generators(static_cast<const ListComp*>(e)->generators);
    case ExprKind::SetComp:
      return need_generators(static_cast<const SetComp*>(e)->generators);
    case ExprKind::GeneratorExp:
      return need_generators(static_cast<const GeneratorExp*>(e)->generators);
    case ExprKind::DictComp:
      return need_generators(static_cast<const DictComp*>(e)->generators);
    default:
      break;
    }
  }

  void need_generators(const List<Comprehension>& generators) {
    if (generators.empty()) fail(false, "comprehension with no generators");
  }

  void check(const Stmt* s) {
    switch (s->kind) {
    case StmtKind::Try:
    case StmtKind::TryStar: {
      auto* n = static_cast<const Try*>(s);
      const char* owner = kStmtNames[static_cast<int>(s->kind)];
      if (n->handlers.empty() && n->finalbody.empty())
        fail(false, "%s has neither except handlers nor finalbody", owner);
      else if (n->handlers.empty() && !n->orelse.empty())
        fail(false, "%s has orelse but no except handlers", owner);
      break;
    }
    case StmtKind::ImportFrom:
      if (static_cast<const ImportFrom*>(s)->level < 0) fail(false, "Negative ImportFrom level");
      break;
    case StmtKind::Raise: {
      auto* n = static_cast<const Raise*>(s);
      if (!n->exc && n->cause) fail(false, "Raise with cause but no exception");
      break;
    }
    default:
      break;
    }
  }

  // CPython's validate_pattern: what a pattern may hold that the parser would never make.
  void check(const Pattern* p) {
    switch (p->kind) {
    case PatternKind::MatchValue:
      match_value(static_cast<const MatchValue*>(p)->value);
      return;
    case PatternKind::MatchMapping: {
      auto* m = static_cast<const MatchMapping*>(p);
      if (m->keys.size() != m->patterns.size())
        return fail(false, "MatchMapping doesn't have the same number of keys as patterns");
      if (!m->rest.empty() && !capture(m->rest)) return;
      for (const Expr* key : m->keys) {
        // None, True and False are refused as values but taken as keys.
        if (key->kind == ExprKind::Constant) {
          const ConstantValue& v = static_cast<const Constant*>(key)->value;
          if (std::holds_alternative<NoneValue>(v) || std::holds_alternative<bool>(v)) continue;
        }
        if (!match_value(key)) return;
      }
      return;
    }
    case PatternKind::MatchClass: {
      auto* m = static_cast<const MatchClass*>(p);
      if (m->kwd_attrs.size() != m->kwd_patterns.size())
        return fail(false,
                    "MatchClass doesn't have the same number of keyword attributes as patterns");
      const Expr* cls = m->cls;
      while (cls->kind == ExprKind::Attribute)
        cls = static_cast<const Attribute*>(cls)->value;
      if (cls->kind != ExprKind::Name)
        return fail(false, "MatchClass cls field can only contain Name or Attribute nodes.");
      for (const std::string& attr : m->kwd_attrs)
        if (!name_allowed(attr)) return;
      return;
    }
    case PatternKind::MatchStar: {
      const std::string& name = static_cast<const MatchStar*>(p)->name;
      if (!name.empty()) capture(name);
      return;
    }
    case PatternKind::MatchAs: {
      auto* m = static_cast<const MatchAs*>(p);
      if (!m->name.empty() && !capture(m->name)) return;
      if (m->pattern && m->name.empty())
        fail(false, "MatchAs must specify a target name if a pattern is given");
      return;
    }
    case PatternKind::MatchOr:
      if (static_cast<const MatchOr*>(p)->patterns.size() < 2)
        fail(false, "MatchOr requires at least 2 patterns");
      return;
    default:
      return;
    }
  }

  bool name_allowed(const std::string& name) {
    if (name == "None" || name == "True" || name == "False")
      fail(false, "identifier field can't represent '%s' constant", name.c_str());
    return !error;
  }
  bool capture(const std::string& name) {
    if (name == "_") fail(false, "can't capture name '_' in patterns");
    return !error && name_allowed(name);
  }

  // A number constant: an int or float where `real`, an imaginary one where `imaginary`.
  static bool number(const Expr* e, bool real, bool imaginary) {
    if (e->kind != ExprKind::Constant) return false;
    const ConstantValue& v = static_cast<const Constant*>(e)->value;
    return (real && (std::holds_alternative<IntLiteral>(v) || std::holds_alternative<double>(v))) ||
           (imaginary && std::holds_alternative<ImaginaryLiteral>(v));
  }
  static bool negative(const Expr* e, bool real, bool imaginary) {
    if (e->kind != ExprKind::UnaryOp) return false;
    auto* u = static_cast<const UnaryOp*>(e);
    return u->op == UnaryOpKind::USub && number(u->operand, real, imaginary);
  }
  // real + imaginary or real - imaginary, the real part possibly negated.
  static bool complex_literal(const Expr* e) {
    if (e->kind != ExprKind::BinOp) return false;
    auto* b = static_cast<const BinOp*>(e);
    if (b->op != Operator::Add && b->op != Operator::Sub) return false;
    bool left = b->left->kind == ExprKind::UnaryOp ? negative(b->left, true, false)
                                                   : number(b->left, true, false);
    return left && number(b->right, false, true);
  }

  // What a value pattern (or a mapping pattern's key) may be: a literal or an attribute
  // lookup (f-strings are refused later, by the compiler).
  bool match_value(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Constant: {
      const ConstantValue& v = static_cast<const Constant*>(e)->value;
      if (std::holds_alternative<IntLiteral>(v) || std::holds_alternative<double>(v) ||
          std::holds_alternative<ImaginaryLiteral>(v) ||
          std::holds_alternative<std::u32string>(v) || std::holds_alternative<BytesValue>(v))
        return true;
      fail(false, "unexpected constant inside of a literal pattern");
      return false;
    }
    case ExprKind::Attribute:
    case ExprKind::JoinedStr:
      return true;
    case ExprKind::UnaryOp:
      if (negative(e, true, true)) return true;
      break;
    case ExprKind::BinOp:
      if (complex_literal(e)) return true;
      break;
    default:
      break;
    }
    fail(false, "patterns may only match literals and attribute lookups");
    return false;
  }

  std::vector<const char*> owners_;
  std::vector<ExprContext> contexts_;
};

} // namespace

std::optional<ValidationError> validate(const Module& module) {
  Validator v;
  walk(v, &module);
  return v.error;
}

} // namespace interp::parse
