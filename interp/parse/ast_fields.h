// ast_fields: the fields of every node class, with the names, order and optionality of
// CPython 3.11's `_ast`, written once as a walk that visitors share. ast_dump prints a
// tree with it, the `_ast` export turns a tree into Python objects with it, and the
// import fills a new tree from Python objects with it; each needs the same schema, and
// keeping three copies of it in step by hand is how they would drift apart.
//
// A visitor V provides:
//   begin(class_name)              a node of that class starts
//   end(node)                      its fields are done; node is null for the classes
//                                  without position attributes (comprehension, ...)
//   node(key, T*& child)           a required child (T: Expr, Stmt, Pattern, Arguments...)
//   opt(key, T*& child)            an optional one (null: None)
//   list(key, List<T>& items, none_ok)   none_ok: None items allowed (Dict keys, kw_defaults)
//   ident(key, std::string&)       a required identifier
//   opt_ident(key, std::string&)   an optional identifier or string (empty: None)
//   idents(key, std::vector<std::string>&)
//   integer(key, int&), flag(key, bool&)
//   choice(key, E&, names, base)   an operator-like field: one of the classes `names`
//                                  (indexed by the enum), all derived from `base`
//   choices(key, std::vector<E>&, names, base)
//   constant(key, ConstantValue&)
//   absent(key, is_list)           a field this tree does not keep (type comments,
//                                  type_ignores): None or [] in Python
// The walk is written once for const and non-const trees: node pointers keep the
// constness they were given (Like<T, B>).
#pragma once

#include <concepts>
#include <type_traits>

#include "interp/parse/ast.h"

namespace interp::ast {

template <class T, class B> using Like = std::conditional_t<std::is_const_v<B>, const T, T>;
template <class T, class B> Like<T, B>* as(B* node) {
  return static_cast<Like<T, B>*>(node);
}
template <class N, class T>
concept NodeOf = std::same_as<std::remove_const_t<N>, T>;

inline constexpr const char* kOperatorNames[] = {"Add",    "Sub",    "Mult",    "MatMult", "Div",
                                                 "Mod",    "Pow",    "LShift",  "RShift",  "BitOr",
                                                 "BitXor", "BitAnd", "FloorDiv"};
inline constexpr const char* kBoolOpNames[] = {"And", "Or"};
inline constexpr const char* kUnaryOpNames[] = {"Invert", "Not", "UAdd", "USub"};
inline constexpr const char* kCmpOpNames[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                              "GtE", "Is",    "IsNot", "In",  "NotIn"};
inline constexpr const char* kContextNames[] = {"Load", "Store", "Del"};

// Class names by kind (the enums of ast.h list the kinds in these orders).
inline constexpr const char* kStmtNames[] = {"FunctionDef", "AsyncFunctionDef",
                                             "ClassDef",    "Return",
                                             "Delete",      "Assign",
                                             "AugAssign",   "AnnAssign",
                                             "For",         "AsyncFor",
                                             "While",       "If",
                                             "With",        "AsyncWith",
                                             "Match",       "Raise",
                                             "Try",         "TryStar",
                                             "Assert",      "Import",
                                             "ImportFrom",  "Global",
                                             "Nonlocal",    "Expr",
                                             "Pass",        "Break",
                                             "Continue"};
inline constexpr const char* kExprNames[] = {
    "BoolOp",    "NamedExpr", "BinOp",   "UnaryOp",        "Lambda",       "IfExp",    "Dict",
    "Set",       "ListComp",  "SetComp", "DictComp",       "GeneratorExp", "Await",    "Yield",
    "YieldFrom", "Compare",   "Call",    "FormattedValue", "JoinedStr",    "Constant", "Attribute",
    "Subscript", "Starred",   "Name",    "List",           "Tuple",        "Slice"};
inline constexpr const char* kPatternNames[] = {"MatchValue",   "MatchSingleton", "MatchSequence",
                                                "MatchMapping", "MatchClass",     "MatchStar",
                                                "MatchAs",      "MatchOr"};

template <class V, NodeOf<Comprehension> N> void walk(V& v, N* n) {
  v.begin("comprehension");
  v.node("target", n->target);
  v.node("iter", n->iter);
  v.list("ifs", n->ifs, false);
  v.flag("is_async", n->is_async);
  v.end(nullptr);
}

template <class V, NodeOf<Arguments> N> void walk(V& v, N* n) {
  v.begin("arguments");
  v.list("posonlyargs", n->posonlyargs, false);
  v.list("args", n->args, false);
  v.opt("vararg", n->vararg);
  v.list("kwonlyargs", n->kwonlyargs, false);
  v.list("kw_defaults", n->kw_defaults, true);
  v.opt("kwarg", n->kwarg);
  v.list("defaults", n->defaults, false);
  v.end(nullptr);
}

template <class V, NodeOf<Arg> N> void walk(V& v, N* n) {
  v.begin("arg");
  v.ident("arg", n->arg);
  v.opt("annotation", n->annotation);
  v.absent("type_comment", false);
  v.end(n);
}

template <class V, NodeOf<Keyword> N> void walk(V& v, N* n) {
  v.begin("keyword");
  v.opt_ident("arg", n->arg);
  v.node("value", n->value);
  v.end(n);
}

template <class V, NodeOf<Alias> N> void walk(V& v, N* n) {
  v.begin("alias");
  v.ident("name", n->name);
  v.opt_ident("asname", n->asname);
  v.end(n);
}

template <class V, NodeOf<WithItem> N> void walk(V& v, N* n) {
  v.begin("withitem");
  v.node("context_expr", n->context_expr);
  v.opt("optional_vars", n->optional_vars);
  v.end(nullptr);
}

template <class V, NodeOf<ExceptHandler> N> void walk(V& v, N* n) {
  v.begin("ExceptHandler");
  v.opt("type", n->type);
  v.opt_ident("name", n->name);
  v.list("body", n->body, false);
  v.end(n);
}

template <class V, NodeOf<MatchCase> N> void walk(V& v, N* n) {
  v.begin("match_case");
  v.node("pattern", n->pattern);
  v.opt("guard", n->guard);
  v.list("body", n->body, false);
  v.end(nullptr);
}

template <class V, NodeOf<Stmt> S> void walk(V& v, S* s) {
  v.begin(kStmtNames[static_cast<int>(s->kind)]);
  switch (s->kind) {
  case StmtKind::FunctionDef:
  case StmtKind::AsyncFunctionDef: {
    auto* n = as<FunctionDef>(s);
    v.ident("name", n->name);
    v.node("args", n->args);
    v.list("body", n->body, false);
    v.list("decorator_list", n->decorator_list, false);
    v.opt("returns", n->returns);
    v.absent("type_comment", false);
    break;
  }
  case StmtKind::ClassDef: {
    auto* n = as<ClassDef>(s);
    v.ident("name", n->name);
    v.list("bases", n->bases, false);
    v.list("keywords", n->keywords, false);
    v.list("body", n->body, false);
    v.list("decorator_list", n->decorator_list, false);
    break;
  }
  case StmtKind::Return:
    v.opt("value", as<Return>(s)->value);
    break;
  case StmtKind::Delete:
    v.list("targets", as<Delete>(s)->targets, false);
    break;
  case StmtKind::Assign: {
    auto* n = as<Assign>(s);
    v.list("targets", n->targets, false);
    v.node("value", n->value);
    v.absent("type_comment", false);
    break;
  }
  case StmtKind::AugAssign: {
    auto* n = as<AugAssign>(s);
    v.node("target", n->target);
    v.choice("op", n->op, kOperatorNames, "operator");
    v.node("value", n->value);
    break;
  }
  case StmtKind::AnnAssign: {
    auto* n = as<AnnAssign>(s);
    v.node("target", n->target);
    v.node("annotation", n->annotation);
    v.opt("value", n->value);
    v.flag("simple", n->simple);
    break;
  }
  case StmtKind::For:
  case StmtKind::AsyncFor: {
    auto* n = as<For>(s);
    v.node("target", n->target);
    v.node("iter", n->iter);
    v.list("body", n->body, false);
    v.list("orelse", n->orelse, false);
    v.absent("type_comment", false);
    break;
  }
  case StmtKind::While: {
    auto* n = as<While>(s);
    v.node("test", n->test);
    v.list("body", n->body, false);
    v.list("orelse", n->orelse, false);
    break;
  }
  case StmtKind::If: {
    auto* n = as<If>(s);
    v.node("test", n->test);
    v.list("body", n->body, false);
    v.list("orelse", n->orelse, false);
    break;
  }
  case StmtKind::With:
  case StmtKind::AsyncWith: {
    auto* n = as<With>(s);
    v.list("items", n->items, false);
    v.list("body", n->body, false);
    v.absent("type_comment", false);
    break;
  }
  case StmtKind::Match: {
    auto* n = as<Match>(s);
    v.node("subject", n->subject);
    v.list("cases", n->cases, false);
    break;
  }
  case StmtKind::Raise: {
    auto* n = as<Raise>(s);
    v.opt("exc", n->exc);
    v.opt("cause", n->cause);
    break;
  }
  case StmtKind::Try:
  case StmtKind::TryStar: {
    auto* n = as<Try>(s);
    v.list("body", n->body, false);
    v.list("handlers", n->handlers, false);
    v.list("orelse", n->orelse, false);
    v.list("finalbody", n->finalbody, false);
    break;
  }
  case StmtKind::Assert: {
    auto* n = as<Assert>(s);
    v.node("test", n->test);
    v.opt("msg", n->msg);
    break;
  }
  case StmtKind::Import:
    v.list("names", as<Import>(s)->names, false);
    break;
  case StmtKind::ImportFrom: {
    auto* n = as<ImportFrom>(s);
    v.opt_ident("module", n->module);
    v.list("names", n->names, false);
    v.integer("level", n->level);
    break;
  }
  case StmtKind::Global:
    v.idents("names", as<Global>(s)->names);
    break;
  case StmtKind::Nonlocal:
    v.idents("names", as<Nonlocal>(s)->names);
    break;
  case StmtKind::Expr:
    v.node("value", as<ExprStmt>(s)->value);
    break;
  case StmtKind::Pass:
  case StmtKind::Break:
  case StmtKind::Continue:
    break;
  }
  v.end(s);
}

template <class V, NodeOf<Expr> E> void walk(V& v, E* e) {
  v.begin(kExprNames[static_cast<int>(e->kind)]);
  switch (e->kind) {
  case ExprKind::BoolOp: {
    auto* n = as<BoolOp>(e);
    v.choice("op", n->op, kBoolOpNames, "boolop");
    v.list("values", n->values, false);
    break;
  }
  case ExprKind::NamedExpr: {
    auto* n = as<NamedExpr>(e);
    v.node("target", n->target);
    v.node("value", n->value);
    break;
  }
  case ExprKind::BinOp: {
    auto* n = as<BinOp>(e);
    v.node("left", n->left);
    v.choice("op", n->op, kOperatorNames, "operator");
    v.node("right", n->right);
    break;
  }
  case ExprKind::UnaryOp: {
    auto* n = as<UnaryOp>(e);
    v.choice("op", n->op, kUnaryOpNames, "unaryop");
    v.node("operand", n->operand);
    break;
  }
  case ExprKind::Lambda: {
    auto* n = as<Lambda>(e);
    v.node("args", n->args);
    v.node("body", n->body);
    break;
  }
  case ExprKind::IfExp: {
    auto* n = as<IfExp>(e);
    v.node("test", n->test);
    v.node("body", n->body);
    v.node("orelse", n->orelse);
    break;
  }
  case ExprKind::Dict: {
    auto* n = as<Dict>(e);
    v.list("keys", n->keys, true);
    v.list("values", n->values, false);
    break;
  }
  case ExprKind::Set:
    v.list("elts", as<Set>(e)->elts, false);
    break;
  case ExprKind::ListComp:
    v.node("elt", as<ListComp>(e)->elt);
    v.list("generators", as<ListComp>(e)->generators, false);
    break;
  case ExprKind::SetComp:
    v.node("elt", as<SetComp>(e)->elt);
    v.list("generators", as<SetComp>(e)->generators, false);
    break;
  case ExprKind::GeneratorExp:
    v.node("elt", as<GeneratorExp>(e)->elt);
    v.list("generators", as<GeneratorExp>(e)->generators, false);
    break;
  case ExprKind::DictComp: {
    auto* n = as<DictComp>(e);
    v.node("key", n->key);
    v.node("value", n->value);
    v.list("generators", n->generators, false);
    break;
  }
  case ExprKind::Await:
    v.node("value", as<Await>(e)->value);
    break;
  case ExprKind::Yield:
    v.opt("value", as<Yield>(e)->value);
    break;
  case ExprKind::YieldFrom:
    v.node("value", as<YieldFrom>(e)->value);
    break;
  case ExprKind::Compare: {
    auto* n = as<Compare>(e);
    v.node("left", n->left);
    v.choices("ops", n->ops, kCmpOpNames, "cmpop");
    v.list("comparators", n->comparators, false);
    break;
  }
  case ExprKind::Call: {
    auto* n = as<Call>(e);
    v.node("func", n->func);
    v.list("args", n->args, false);
    v.list("keywords", n->keywords, false);
    break;
  }
  case ExprKind::FormattedValue: {
    auto* n = as<FormattedValue>(e);
    v.node("value", n->value);
    v.integer("conversion", n->conversion);
    v.opt("format_spec", n->format_spec);
    break;
  }
  case ExprKind::JoinedStr:
    v.list("values", as<JoinedStr>(e)->values, false);
    break;
  case ExprKind::Constant: {
    auto* n = as<Constant>(e);
    v.constant("value", n->value);
    v.opt_ident("kind", n->kind);
    break;
  }
  case ExprKind::Attribute: {
    auto* n = as<Attribute>(e);
    v.node("value", n->value);
    v.ident("attr", n->attr);
    v.choice("ctx", n->ctx, kContextNames, "expr_context");
    break;
  }
  case ExprKind::Subscript: {
    auto* n = as<Subscript>(e);
    v.node("value", n->value);
    v.node("slice", n->slice);
    v.choice("ctx", n->ctx, kContextNames, "expr_context");
    break;
  }
  case ExprKind::Starred: {
    auto* n = as<Starred>(e);
    v.node("value", n->value);
    v.choice("ctx", n->ctx, kContextNames, "expr_context");
    break;
  }
  case ExprKind::Name: {
    auto* n = as<Name>(e);
    v.ident("id", n->id);
    v.choice("ctx", n->ctx, kContextNames, "expr_context");
    break;
  }
  case ExprKind::List: {
    auto* n = as<ListExpr>(e);
    v.list("elts", n->elts, false);
    v.choice("ctx", n->ctx, kContextNames, "expr_context");
    break;
  }
  case ExprKind::Tuple: {
    auto* n = as<TupleExpr>(e);
    v.list("elts", n->elts, false);
    v.choice("ctx", n->ctx, kContextNames, "expr_context");
    break;
  }
  case ExprKind::Slice: {
    auto* n = as<Slice>(e);
    v.opt("lower", n->lower);
    v.opt("upper", n->upper);
    v.opt("step", n->step);
    break;
  }
  }
  v.end(e);
}

template <class V, NodeOf<Pattern> P> void walk(V& v, P* p) {
  v.begin(kPatternNames[static_cast<int>(p->kind)]);
  switch (p->kind) {
  case PatternKind::MatchValue:
    v.node("value", as<MatchValue>(p)->value);
    break;
  case PatternKind::MatchSingleton:
    v.constant("value", as<MatchSingleton>(p)->value);
    break;
  case PatternKind::MatchSequence:
    v.list("patterns", as<MatchSequence>(p)->patterns, false);
    break;
  case PatternKind::MatchMapping: {
    auto* n = as<MatchMapping>(p);
    v.list("keys", n->keys, false);
    v.list("patterns", n->patterns, false);
    v.opt_ident("rest", n->rest);
    break;
  }
  case PatternKind::MatchClass: {
    auto* n = as<MatchClass>(p);
    v.node("cls", n->cls);
    v.list("patterns", n->patterns, false);
    v.idents("kwd_attrs", n->kwd_attrs);
    v.list("kwd_patterns", n->kwd_patterns, false);
    break;
  }
  case PatternKind::MatchStar:
    v.opt_ident("name", as<MatchStar>(p)->name);
    break;
  case PatternKind::MatchAs: {
    auto* n = as<MatchAs>(p);
    v.opt("pattern", n->pattern);
    v.opt_ident("name", n->name);
    break;
  }
  case PatternKind::MatchOr:
    v.list("patterns", as<MatchOr>(p)->patterns, false);
    break;
  }
  v.end(p);
}

// The root: Module (exec), Expression (eval) or Interactive (single).
template <class V, NodeOf<Module> M> void walk(V& v, M* m) {
  switch (m->mode) {
  case Mode::Exec:
    v.begin("Module");
    v.list("body", m->body, false);
    v.absent("type_ignores", true);
    break;
  case Mode::Eval:
    v.begin("Expression");
    v.node("body", m->expression);
    break;
  case Mode::Single:
    v.begin("Interactive");
    v.list("body", m->body, false);
    break;
  case Mode::FuncType:
    v.begin("FunctionType");
    v.list("argtypes", m->argtypes, false);
    v.node("returns", m->expression);
    break;
  }
  v.end(nullptr);
}

} // namespace interp::ast
