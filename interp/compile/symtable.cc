// interp/compile/symtable.cc - builds the symbol table in two passes, as CPython 3.11
// does: a walk of the tree that records how each block uses each name, then an analysis
// from the module down that decides local / global / free / cell for every name.

#include "interp/compile/symtable.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace interp::compile {

std::string mangle(const std::string& private_name, const std::string& name) {
  if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  if (name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
  if (name.find('.') != std::string::npos) return name;
  size_t skip = 0;
  while (skip < private_name.size() && private_name[skip] == '_')
    ++skip;
  if (skip == private_name.size()) return name;
  return "_" + private_name.substr(skip) + name;
}

SyntaxErrorInfo syntax_error_at(const std::string& message, const std::string& filename,
                                const ast::Pos& pos) {
  SyntaxErrorInfo e;
  e.kind = SyntaxErrorInfo::Kind::SyntaxError;
  e.msg = message;
  e.filename = filename;
  e.lineno = pos.lineno;
  e.offset = pos.col_offset + 1;
  e.end_lineno = pos.end_lineno;
  e.end_offset = pos.end_col_offset + 1;
  return e;
}

namespace {
using NameSet = std::unordered_set<std::string>;

bool is_docstring(const ast::Stmt* s) {
  if (s->kind != ast::StmtKind::Expr) return false;
  auto* e = static_cast<const ast::ExprStmt*>(s)->value;
  return e->kind == ast::ExprKind::Constant &&
         std::holds_alternative<std::u32string>(static_cast<const ast::Constant*>(e)->value);
}

const char* const kFutureFeatures[] = {
    "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};
} // namespace

class SymtableBuilder {
public:
  SymtableBuilder(const std::string& filename) : filename_(filename) {
    table_ = std::make_unique<SymbolTable>();
  }

  std::variant<std::unique_ptr<SymbolTable>, SyntaxErrorInfo> run(const ast::Module& module) {
    detect_future(module);
    if (error_) return *error_;
    enter(ScopeKind::Module, FunctionKind::None, "top", &module, 0);
    table_->top_ = cur_;
    if (module.mode == ast::Mode::Eval) {
      if (module.expression) expr(module.expression);
    } else {
      for (auto* s : module.body)
        stmt(s);
    }
    exit();
    if (error_) return *error_;
    NameSet free, global;
    analyze_block(table_->top_, nullptr, free, global);
    if (error_) return *error_;
    return std::move(table_);
  }

private:
  std::string filename_;
  std::unique_ptr<SymbolTable> table_;
  Scope* cur_ = nullptr;
  std::vector<Scope*> stack_;
  std::optional<SyntaxErrorInfo> error_;
  // Per scope, as CPython's ste_comp_iter_expr / ste_comp_iter_target: inside the
  // iterable of a comprehension (inherited by nested scopes, bpo-37757), and visiting the
  // iteration target.
  std::unordered_map<const Scope*, int> comp_iter_expr_;
  std::unordered_map<const Scope*, bool> comp_iter_target_;
  // Where each `global`/`nonlocal` was declared, for errors found by the analysis.
  std::unordered_map<const Scope*, std::unordered_map<std::string, ast::Pos>> directives_;

  void fail(const std::string& message, const ast::Pos& pos) {
    if (error_) return;
    error_ = syntax_error_at(message, filename_, pos);
    error_->origin = SyntaxErrorInfo::Origin::SymbolTable;
  }
  // future.c reports with a start position only.
  void fail_future(const std::string& message, const ast::Pos& pos) {
    if (error_) return;
    fail(message, pos);
    error_->end_lineno = pos.lineno;
    error_->end_offset = -1;
  }

  // The prologue of future statements: an optional docstring, then `from __future__`
  // imports. A future import after something else on the same line is reported here;
  // on a later line, by the compiler.
  void detect_future(const ast::Module& module) {
    if (module.mode == ast::Mode::Eval) return;
    auto& body = module.body;
    size_t i = (!body.empty() && is_docstring(body[0])) ? 1 : 0;
    bool done = false;
    int prev_line = 0;
    for (; i < body.size(); ++i) {
      const ast::Stmt* s = body[i];
      if (done && s->pos.lineno > prev_line) return;
      prev_line = s->pos.lineno;
      if (s->kind == ast::StmtKind::ImportFrom &&
          static_cast<const ast::ImportFrom*>(s)->module == "__future__") {
        if (done) {
          ast::Pos p = s->pos;
          p.col_offset -= 1; // future.c passes the 0-based column here
          fail_future("from __future__ imports must occur at the beginning of the file", p);
          return;
        }
        for (auto* a : static_cast<const ast::ImportFrom*>(s)->names) {
          bool known = false;
          for (const char* f : kFutureFeatures)
            known = known || a->name == f;
          if (a->name == "annotations") table_->future_.annotations = true;
          if (known) continue;
          fail_future(a->name == "braces" ? std::string("not a chance")
                                          : "future feature " + a->name + " is not defined",
                      s->pos);
          return;
        }
        table_->future_.lineno = s->pos.lineno;
      } else {
        done = true;
      }
    }
  }

  void enter(ScopeKind kind, FunctionKind fkind, const std::string& name, const void* node,
             int lineno) {
    auto scope = std::make_unique<Scope>();
    Scope* s = scope.get();
    s->kind = kind;
    s->function_kind = fkind;
    s->name = name;
    s->node = node;
    s->lineno = lineno;
    if (cur_) {
      s->nested = cur_->nested || cur_->kind == ScopeKind::Function;
      s->private_name = cur_->private_name;
      cur_->children.push_back(s);
      stack_.push_back(cur_);
      comp_iter_expr_[s] = comp_iter_expr_[cur_];
    }
    if (kind != ScopeKind::Annotation) table_->by_node_[node] = s;
    table_->scopes_.push_back(std::move(scope));
    cur_ = s;
  }
  void exit() {
    if (stack_.empty()) {
      cur_ = nullptr;
      return;
    }
    cur_ = stack_.back();
    stack_.pop_back();
  }

  std::uint32_t lookup(const std::string& name) const {
    return cur_->flags_of(mangle(cur_->private_name, name));
  }

  void add_def_in(Scope* scope, const std::string& raw, std::uint32_t flag, const ast::Pos& pos,
                  bool is_current) {
    std::string name = mangle(scope->private_name, raw);
    auto it = scope->flags.find(name);
    std::uint32_t val = 0;
    if (it != scope->flags.end()) {
      val = it->second;
      if ((flag & kDefParam) && (val & kDefParam)) {
        fail("duplicate argument '" + raw + "' in function definition", pos);
        return;
      }
    } else {
      scope->symbol_order.push_back(name);
    }
    val |= flag;
    (void)is_current;
    if (comp_iter_target_[scope]) {
      if (val & (kDefGlobal | kDefNonlocal)) {
        fail("comprehension inner loop cannot rebind assignment expression target '" + raw + "'",
             pos);
        return;
      }
      val |= kDefCompIter;
    }
    scope->flags[name] = val;
    if (flag & kDefParam) {
      scope->params.push_back(name);
    } else if (flag & kDefGlobal) {
      Scope* top = table_->top_;
      if (!top->flags.count(name)) top->symbol_order.push_back(name);
      top->flags[name] |= flag;
    }
  }
  void add_def(const std::string& name, std::uint32_t flag, const ast::Pos& pos) {
    add_def_in(cur_, name, flag, pos, true);
  }

  // ---- statements ----

  void stmts(const ast::List<ast::Stmt>& list) {
    for (auto* s : list)
      stmt(s);
  }
  void exprs(const ast::List<ast::Expr>& list) {
    for (auto* e : list)
      if (e) expr(e);
  }

  // Under PEP 563 an annotation is a block of its own (3.11's AnnotationBlock).
  void annotation(const ast::Expr* e) {
    if (!e) return;
    bool own_block = table_->future_.annotations;
    if (own_block)
      enter(ScopeKind::Annotation, FunctionKind::None, "_annotation", e, e->pos.lineno);
    expr(e);
    if (own_block) exit();
  }
  void arg_annotations(const ast::Arguments* a, const ast::Expr* returns, const void* node,
                       int lineno) {
    bool own_block = table_->future_.annotations;
    if (own_block) enter(ScopeKind::Annotation, FunctionKind::None, "_annotation", node, lineno);
    for (auto* x : a->posonlyargs)
      if (x->annotation) expr(x->annotation);
    for (auto* x : a->args)
      if (x->annotation) expr(x->annotation);
    if (a->vararg && a->vararg->annotation) expr(a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) expr(a->kwarg->annotation);
    for (auto* x : a->kwonlyargs)
      if (x->annotation) expr(x->annotation);
    if (own_block) exit();
    annotation(returns);
  }
  // 3.11's symtable_raise_if_annotation_block.
  bool in_annotation_block(const char* what, const ast::Expr* e) {
    if (cur_->kind != ScopeKind::Annotation) return false;
    fail(std::string("'") + what + "' can not be used within an annotation", e->pos);
    return true;
  }
  void params(const ast::Arguments* a) {
    for (auto* x : a->posonlyargs)
      add_def(x->arg, kDefParam, x->pos);
    for (auto* x : a->args)
      add_def(x->arg, kDefParam, x->pos);
    for (auto* x : a->kwonlyargs)
      add_def(x->arg, kDefParam, x->pos);
    if (a->vararg) {
      add_def(a->vararg->arg, kDefParam, a->vararg->pos);
      cur_->varargs = true;
    }
    if (a->kwarg) {
      add_def(a->kwarg->arg, kDefParam, a->kwarg->pos);
      cur_->varkeywords = true;
    }
  }

  void declare(const std::vector<std::string>& names, bool is_global, const ast::Pos& pos) {
    const char* what = is_global ? "global" : "nonlocal";
    for (auto& raw : names) {
      std::string name = mangle(cur_->private_name, raw);
      const std::string& shown = raw;
      std::uint32_t cur = lookup(raw);
      if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
        std::string msg;
        if (cur & kDefParam)
          msg = "name '" + shown + "' is parameter and " + what;
        else if (cur & kUse)
          msg = "name '" + shown + "' is used prior to " + what + " declaration";
        else if (cur & kDefAnnot)
          msg = "annotated name '" + shown + "' can't be " + what;
        else
          msg = "name '" + shown + "' is assigned to before " + what + " declaration";
        fail(msg, pos);
        return;
      }
      add_def(raw, is_global ? kDefGlobal : kDefNonlocal, pos);
      directives_[cur_].emplace(name, pos);
    }
  }

  void stmt(const ast::Stmt* s) {
    if (error_) return;
    using K = ast::StmtKind;
    switch (s->kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef: {
      auto* f = static_cast<const ast::FunctionDef*>(s);
      add_def(f->name, kDefLocal, s->pos);
      exprs(f->args->defaults);
      exprs(f->args->kw_defaults);
      arg_annotations(f->args, f->returns, f, s->pos.lineno);
      exprs(f->decorator_list);
      bool is_async = s->kind == K::AsyncFunctionDef;
      enter(ScopeKind::Function, is_async ? FunctionKind::AsyncFunction : FunctionKind::Function,
            f->name, f, s->pos.lineno);
      if (is_async) cur_->coroutine = true;
      params(f->args);
      stmts(f->body);
      exit();
      break;
    }
    case K::ClassDef: {
      auto* c = static_cast<const ast::ClassDef*>(s);
      add_def(c->name, kDefLocal, s->pos);
      exprs(c->bases);
      for (auto* k : c->keywords)
        expr(k->value);
      exprs(c->decorator_list);
      enter(ScopeKind::Class, FunctionKind::None, c->name, c, s->pos.lineno);
      cur_->private_name = c->name;
      stmts(c->body);
      exit();
      break;
    }
    case K::Return: {
      auto* r = static_cast<const ast::Return*>(s);
      if (r->value) {
        expr(r->value);
        cur_->returns_value = true;
      }
      break;
    }
    case K::Delete:
      exprs(static_cast<const ast::Delete*>(s)->targets);
      break;
    case K::Assign: {
      auto* a = static_cast<const ast::Assign*>(s);
      exprs(a->targets);
      expr(a->value);
      break;
    }
    case K::AnnAssign: {
      auto* a = static_cast<const ast::AnnAssign*>(s);
      if (a->target->kind == ast::ExprKind::Name) {
        auto* n = static_cast<const ast::Name*>(a->target);
        std::uint32_t cur = lookup(n->id);
        if ((cur & (kDefGlobal | kDefNonlocal)) && cur_ != table_->top_ && a->simple) {
          // 3.11 reports this one at the statement
          fail(std::string("annotated name '") + n->id + "' can't be " +
                   ((cur & kDefGlobal) ? "global" : "nonlocal"),
               s->pos);
          return;
        }
        if (a->simple) add_def(n->id, kDefAnnot | kDefLocal, a->target->pos);
        if (a->value) add_def(n->id, kDefLocal, a->target->pos);
      } else {
        expr(a->target);
      }
      annotation(a->annotation);
      if (a->value) expr(a->value);
      break;
    }
    case K::AugAssign: {
      auto* a = static_cast<const ast::AugAssign*>(s);
      expr(a->target);
      expr(a->value);
      break;
    }
    case K::For:
    case K::AsyncFor: {
      auto* f = static_cast<const ast::For*>(s);
      expr(f->target);
      expr(f->iter);
      stmts(f->body);
      stmts(f->orelse);
      break;
    }
    case K::While: {
      auto* w = static_cast<const ast::While*>(s);
      expr(w->test);
      stmts(w->body);
      stmts(w->orelse);
      break;
    }
    case K::If: {
      auto* w = static_cast<const ast::If*>(s);
      expr(w->test);
      stmts(w->body);
      stmts(w->orelse);
      break;
    }
    case K::With:
    case K::AsyncWith: {
      auto* w = static_cast<const ast::With*>(s);
      for (auto* item : w->items) {
        expr(item->context_expr);
        if (item->optional_vars) expr(item->optional_vars);
      }
      stmts(w->body);
      break;
    }
    case K::Match: {
      auto* m = static_cast<const ast::Match*>(s);
      expr(m->subject);
      for (auto* c : m->cases) {
        pattern(c->pattern);
        if (c->guard) expr(c->guard);
        stmts(c->body);
      }
      break;
    }
    case K::Raise: {
      auto* r = static_cast<const ast::Raise*>(s);
      if (r->exc) expr(r->exc);
      if (r->cause) expr(r->cause);
      break;
    }
    case K::Try:
    case K::TryStar: {
      auto* t = static_cast<const ast::Try*>(s);
      stmts(t->body);
      stmts(t->orelse);
      for (auto* h : t->handlers) {
        if (h->type) expr(h->type);
        if (!h->name.empty()) add_def(h->name, kDefLocal, h->pos);
        stmts(h->body);
      }
      stmts(t->finalbody);
      break;
    }
    case K::Assert: {
      auto* a = static_cast<const ast::Assert*>(s);
      expr(a->test);
      if (a->msg) expr(a->msg);
      break;
    }
    case K::Import:
      for (auto* a : static_cast<const ast::Import*>(s)->names)
        alias(a);
      break;
    case K::ImportFrom:
      for (auto* a : static_cast<const ast::ImportFrom*>(s)->names)
        alias(a);
      break;
    case K::Global:
      declare(static_cast<const ast::Global*>(s)->names, true, s->pos);
      break;
    case K::Nonlocal:
      declare(static_cast<const ast::Nonlocal*>(s)->names, false, s->pos);
      break;
    case K::Expr:
      expr(static_cast<const ast::ExprStmt*>(s)->value);
      break;
    case K::Pass:
    case K::Break:
    case K::Continue:
      break;
    }
  }

  void alias(const ast::Alias* a) {
    std::string store = a->asname.empty() ? a->name : a->asname;
    auto dot = store.find('.');
    if (dot != std::string::npos) store = store.substr(0, dot);
    if (store == "*") {
      if (cur_->kind != ScopeKind::Module) fail("import * only allowed at module level", a->pos);
      return;
    }
    add_def(store, kDefImport, a->pos);
  }

  // ---- expressions ----

  void named_expr_scope(const ast::Name* target) {
    const std::string& name = target->id;
    for (size_t i = stack_.size() + 1; i-- > 0;) {
      Scope* ste = i == stack_.size() ? cur_ : stack_[i];
      if (ste->comprehension) {
        if (ste->flags_of(name) & kDefCompIter) {
          fail("assignment expression cannot rebind comprehension iteration variable '" + name +
                   "'",
               target->pos);
          return;
        }
        continue;
      }
      if (ste->kind == ScopeKind::Function) {
        std::uint32_t in_scope = ste->flags_of(name);
        add_def(name, (in_scope & kDefGlobal) ? kDefGlobal : kDefNonlocal, target->pos);
        directives_[cur_].emplace(name, target->pos);
        add_def_in(ste, name, kDefLocal, target->pos, false);
        return;
      }
      if (ste->kind == ScopeKind::Module) {
        add_def(name, kDefGlobal, target->pos);
        directives_[cur_].emplace(name, target->pos);
        add_def_in(ste, name, kDefGlobal, target->pos, false);
        return;
      }
      if (ste->kind == ScopeKind::Class) {
        fail("assignment expression within a comprehension cannot be used in a class body",
             target->pos);
        return;
      }
    }
  }

  void comprehension(const ast::Expr* e, FunctionKind kind, const char* scope_name,
                     const ast::List<ast::Comprehension>& gens, const ast::Expr* elt,
                     const ast::Expr* value) {
    bool is_generator = kind == FunctionKind::GeneratorExp;
    auto* outermost = gens[0];
    ++comp_iter_expr_[cur_];
    expr(outermost->iter);
    --comp_iter_expr_[cur_];
    enter(ScopeKind::Function, kind, scope_name, e, e->pos.lineno);
    cur_->comprehension = true;
    if (outermost->is_async) cur_->coroutine = true;
    add_def(".0", kDefParam, e->pos);
    comp_iter_target_[cur_] = true;
    expr(outermost->target);
    comp_iter_target_[cur_] = false;
    exprs(outermost->ifs);
    for (size_t i = 1; i < gens.size(); ++i) {
      auto* g = gens[i];
      comp_iter_target_[cur_] = true;
      expr(g->target);
      comp_iter_target_[cur_] = false;
      ++comp_iter_expr_[cur_];
      expr(g->iter);
      --comp_iter_expr_[cur_];
      exprs(g->ifs);
      if (g->is_async) cur_->coroutine = true;
    }
    if (value) expr(value);
    expr(elt);
    cur_->generator = is_generator;
    bool is_async = cur_->coroutine && !is_generator;
    exit();
    if (is_async) cur_->coroutine = true;
  }

  void yield_in_comprehension(const ast::Expr* e) {
    const char* what = "";
    switch (cur_->function_kind) {
    case FunctionKind::ListComp:
      what = "'yield' inside list comprehension";
      break;
    case FunctionKind::SetComp:
      what = "'yield' inside set comprehension";
      break;
    case FunctionKind::DictComp:
      what = "'yield' inside dict comprehension";
      break;
    default:
      what = "'yield' inside generator expression";
      break;
    }
    fail(what, e->pos);
  }

  void expr(const ast::Expr* e) {
    if (error_ || !e) return;
    using K = ast::ExprKind;
    switch (e->kind) {
    case K::NamedExpr: {
      auto* n = static_cast<const ast::NamedExpr*>(e);
      if (in_annotation_block("named expression", e)) return;
      if (comp_iter_expr_[cur_] > 0) {
        fail("assignment expression cannot be used in a comprehension iterable expression", e->pos);
        return;
      }
      if (cur_->comprehension && n->target->kind == K::Name)
        named_expr_scope(static_cast<const ast::Name*>(n->target));
      expr(n->value);
      expr(n->target);
      break;
    }
    case K::BoolOp:
      exprs(static_cast<const ast::BoolOp*>(e)->values);
      break;
    case K::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      expr(b->left);
      expr(b->right);
      break;
    }
    case K::UnaryOp:
      expr(static_cast<const ast::UnaryOp*>(e)->operand);
      break;
    case K::Lambda: {
      auto* l = static_cast<const ast::Lambda*>(e);
      exprs(l->args->defaults);
      exprs(l->args->kw_defaults);
      enter(ScopeKind::Function, FunctionKind::Lambda, "lambda", l, e->pos.lineno);
      params(l->args);
      expr(l->body);
      exit();
      break;
    }
    case K::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      expr(i->test);
      expr(i->body);
      expr(i->orelse);
      break;
    }
    case K::Dict: {
      auto* d = static_cast<const ast::Dict*>(e);
      for (size_t i = 0; i < d->values.size(); ++i) {
        if (d->keys[i]) expr(d->keys[i]);
        expr(d->values[i]);
      }
      break;
    }
    case K::Set:
      exprs(static_cast<const ast::Set*>(e)->elts);
      break;
    case K::ListComp: {
      auto* c = static_cast<const ast::ListComp*>(e);
      comprehension(e, FunctionKind::ListComp, "listcomp", c->generators, c->elt, nullptr);
      break;
    }
    case K::SetComp: {
      auto* c = static_cast<const ast::SetComp*>(e);
      comprehension(e, FunctionKind::SetComp, "setcomp", c->generators, c->elt, nullptr);
      break;
    }
    case K::DictComp: {
      auto* c = static_cast<const ast::DictComp*>(e);
      comprehension(e, FunctionKind::DictComp, "dictcomp", c->generators, c->key, c->value);
      break;
    }
    case K::GeneratorExp: {
      auto* c = static_cast<const ast::GeneratorExp*>(e);
      comprehension(e, FunctionKind::GeneratorExp, "genexpr", c->generators, c->elt, nullptr);
      break;
    }
    case K::Await:
      if (in_annotation_block("await expression", e)) return;
      expr(static_cast<const ast::Await*>(e)->value);
      cur_->coroutine = true;
      break;
    case K::Yield: {
      auto* y = static_cast<const ast::Yield*>(e);
      if (in_annotation_block("yield expression", e)) return;
      if (y->value) expr(y->value);
      cur_->generator = true;
      if (cur_->comprehension) yield_in_comprehension(e);
      break;
    }
    case K::YieldFrom:
      if (in_annotation_block("yield expression", e)) return;
      expr(static_cast<const ast::YieldFrom*>(e)->value);
      cur_->generator = true;
      if (cur_->comprehension) yield_in_comprehension(e);
      break;
    case K::Compare: {
      auto* c = static_cast<const ast::Compare*>(e);
      expr(c->left);
      exprs(c->comparators);
      break;
    }
    case K::Call: {
      auto* c = static_cast<const ast::Call*>(e);
      expr(c->func);
      exprs(c->args);
      for (auto* k : c->keywords)
        expr(k->value);
      break;
    }
    case K::FormattedValue: {
      auto* f = static_cast<const ast::FormattedValue*>(e);
      expr(f->value);
      if (f->format_spec) expr(f->format_spec);
      break;
    }
    case K::JoinedStr:
      exprs(static_cast<const ast::JoinedStr*>(e)->values);
      break;
    case K::Constant:
      break;
    case K::Attribute:
      expr(static_cast<const ast::Attribute*>(e)->value);
      break;
    case K::Subscript: {
      auto* s = static_cast<const ast::Subscript*>(e);
      expr(s->value);
      expr(s->slice);
      break;
    }
    case K::Starred:
      expr(static_cast<const ast::Starred*>(e)->value);
      break;
    case K::Slice: {
      auto* s = static_cast<const ast::Slice*>(e);
      expr(s->lower);
      expr(s->upper);
      expr(s->step);
      break;
    }
    case K::Name: {
      auto* n = static_cast<const ast::Name*>(e);
      add_def(n->id, n->ctx == ast::ExprContext::Load ? kUse : kDefLocal, e->pos);
      if (n->ctx == ast::ExprContext::Load && cur_->kind == ScopeKind::Function && n->id == "super")
        add_def("__class__", kUse, e->pos);
      break;
    }
    case K::List:
      exprs(static_cast<const ast::ListExpr*>(e)->elts);
      break;
    case K::Tuple:
      exprs(static_cast<const ast::TupleExpr*>(e)->elts);
      break;
    }
  }

  void pattern(const ast::Pattern* p) {
    if (error_) return;
    using K = ast::PatternKind;
    switch (p->kind) {
    case K::MatchValue:
      expr(static_cast<const ast::MatchValue*>(p)->value);
      break;
    case K::MatchSingleton:
      break;
    case K::MatchSequence:
      for (auto* q : static_cast<const ast::MatchSequence*>(p)->patterns)
        pattern(q);
      break;
    case K::MatchStar: {
      auto* s = static_cast<const ast::MatchStar*>(p);
      if (!s->name.empty()) add_def(s->name, kDefLocal, p->pos);
      break;
    }
    case K::MatchMapping: {
      auto* m = static_cast<const ast::MatchMapping*>(p);
      exprs(m->keys);
      for (auto* q : m->patterns)
        pattern(q);
      if (!m->rest.empty()) add_def(m->rest, kDefLocal, p->pos);
      break;
    }
    case K::MatchClass: {
      auto* c = static_cast<const ast::MatchClass*>(p);
      expr(c->cls);
      for (auto* q : c->patterns)
        pattern(q);
      for (auto* q : c->kwd_patterns)
        pattern(q);
      break;
    }
    case K::MatchAs: {
      auto* a = static_cast<const ast::MatchAs*>(p);
      if (a->pattern) pattern(a->pattern);
      if (!a->name.empty()) add_def(a->name, kDefLocal, p->pos);
      break;
    }
    case K::MatchOr:
      for (auto* q : static_cast<const ast::MatchOr*>(p)->patterns)
        pattern(q);
      break;
    }
  }

  // ---- analysis ----

  const ast::Pos& directive_pos(const Scope* s, const std::string& name) {
    static const ast::Pos none{};
    auto it = directives_.find(s);
    if (it == directives_.end()) return none;
    auto jt = it->second.find(name);
    return jt == it->second.end() ? none : jt->second;
  }

  void analyze_name(Scope* ste, const std::string& name, std::uint32_t flags, const NameSet* bound,
                    NameSet& local, NameSet& free, NameSet& global) {
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) {
        fail("name '" + name + "' is nonlocal and global", directive_pos(ste, name));
        return;
      }
      ste->scopes[name] = NameScope::GlobalExplicit;
      global.insert(name);
      if (bound) const_cast<NameSet*>(bound)->erase(name);
      return;
    }
    if (flags & kDefNonlocal) {
      if (!bound) {
        fail("nonlocal declaration not allowed at module level", directive_pos(ste, name));
        return;
      }
      if (!bound->count(name)) {
        fail("no binding for nonlocal '" + name + "' found", directive_pos(ste, name));
        return;
      }
      ste->scopes[name] = NameScope::Free;
      ste->has_free = true;
      free.insert(name);
      return;
    }
    if (flags & kDefBound) {
      ste->scopes[name] = NameScope::Local;
      local.insert(name);
      global.erase(name);
      return;
    }
    if (bound && bound->count(name)) {
      ste->scopes[name] = NameScope::Free;
      ste->has_free = true;
      free.insert(name);
      return;
    }
    if (global.count(name)) {
      ste->scopes[name] = NameScope::GlobalImplicit;
      return;
    }
    if (ste->nested) ste->has_free = true;
    ste->scopes[name] = NameScope::GlobalImplicit;
  }

  void analyze_block(Scope* ste, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local, newglobal, newfree, newbound;
    if (ste->kind == ScopeKind::Class) {
      newglobal.insert(global.begin(), global.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
    }
    for (auto& name : ste->symbol_order) {
      analyze_name(ste, name, ste->flags[name], bound, local, free, global);
      if (error_) return;
    }
    if (ste->kind != ScopeKind::Class) {
      if (ste->kind == ScopeKind::Function) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newbound.insert("__class__");
    }
    NameSet allfree;
    for (Scope* child : ste->children) {
      NameSet child_bound = newbound, child_free = newfree, child_global = newglobal;
      analyze_block(child, &child_bound, child_free, child_global);
      if (error_) return;
      allfree.insert(child_free.begin(), child_free.end());
      if (child->has_free || child->child_free) ste->child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (ste->kind == ScopeKind::Function) {
      for (auto& name : ste->symbol_order) {
        if (ste->scopes[name] == NameScope::Local && newfree.count(name)) {
          ste->scopes[name] = NameScope::Cell;
          newfree.erase(name);
        }
      }
    } else if (ste->kind == ScopeKind::Class) {
      if (newfree.erase("__class__")) ste->needs_class_closure = true;
    }
    // Free variables of children that this block neither binds nor declares pass through
    // it (it becomes free too), unless they are globals.
    std::vector<std::string> sorted_free(newfree.begin(), newfree.end());
    std::sort(sorted_free.begin(), sorted_free.end());
    for (auto& name : sorted_free) {
      auto it = ste->flags.find(name);
      if (it != ste->flags.end()) {
        if (ste->kind == ScopeKind::Class && (it->second & (kDefBound | kDefGlobal)))
          it->second |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->count(name)) continue;
      ste->symbol_order.push_back(name);
      ste->flags[name] = 0;
      ste->scopes[name] = NameScope::Free;
    }
    free.insert(newfree.begin(), newfree.end());
  }
};

std::variant<std::unique_ptr<SymbolTable>, SyntaxErrorInfo>
build_symtable(const ast::Module& module, const std::string& filename) {
  SymtableBuilder builder(filename);
  return builder.run(module);
}

} // namespace interp::compile
