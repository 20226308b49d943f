// interp/compile/compile_stmt.cc - code generation for statements: bodies and
// docstrings, control flow (if/while/for/async for, break/continue/return through
// enclosing statements), try/except/finally and except*, with/async with, imports,
// assert/raise/del, and assignments with annotations.

#include "interp/compile/compiler_internal.h"

namespace interp::compile {

const std::u32string* Compiler::docstring_of(const ast::List<ast::Stmt>& body) const {
  if (optimize_ >= 2) return nullptr;
  if (body.empty() || body[0]->kind != ast::StmtKind::Expr) return nullptr;
  auto* e = static_cast<const ast::ExprStmt*>(body[0])->value;
  if (e->kind != ast::ExprKind::Constant) return nullptr;
  return std::get_if<std::u32string>(&static_cast<const ast::Constant*>(e)->value);
}

// 3.11's find_ann: annotated assignments anywhere in the body, outside nested definitions
// (match statements are not searched, as in 3.11).
bool find_ann(const ast::List<ast::Stmt>& stmts) {
  using K = ast::StmtKind;
  for (auto* s : stmts) {
    switch (s->kind) {
    case K::AnnAssign:
      return true;
    case K::For:
    case K::AsyncFor: {
      auto* f = static_cast<const ast::For*>(s);
      if (find_ann(f->body) || find_ann(f->orelse)) return true;
      break;
    }
    case K::While: {
      auto* w = static_cast<const ast::While*>(s);
      if (find_ann(w->body) || find_ann(w->orelse)) return true;
      break;
    }
    case K::If: {
      auto* i = static_cast<const ast::If*>(s);
      if (find_ann(i->body) || find_ann(i->orelse)) return true;
      break;
    }
    case K::With:
    case K::AsyncWith:
      if (find_ann(static_cast<const ast::With*>(s)->body)) return true;
      break;
    case K::Try:
    case K::TryStar: {
      auto* t = static_cast<const ast::Try*>(s);
      for (auto* h : t->handlers)
        if (find_ann(h->body)) return true;
      if (find_ann(t->body) || find_ann(t->finalbody) || find_ann(t->orelse)) return true;
      break;
    }
    default:
      break;
    }
  }
  return false;
}

bool Compiler::body(const ast::List<ast::Stmt>& list, bool is_module) {
  // SETUP_ANNOTATIONS takes the line of the first statement of a module.
  if (is_module && !list.empty()) set_loc(list[0]);
  if (find_ann(list)) emit(Op::SETUP_ANNOTATIONS);
  if (list.empty()) return true;
  size_t i = 0;
  if (auto* doc = docstring_of(list)) {
    i = 1;
    set_loc(list[0]);
    auto* value = static_cast<const ast::ExprStmt*>(list[0])->value;
    set_loc(value);
    u->docstring = add_const(*doc);
    emit(Op::LOAD_CONST, u->docstring);
    unset_loc();
    if (!nameop("__doc__", ast::ExprContext::Store)) return false;
  }
  for (; i < list.size(); ++i)
    if (!stmt(list[i])) return false;
  return true;
}

bool Compiler::stmts(const ast::List<ast::Stmt>& list) {
  for (auto* s : list)
    if (!stmt(s)) return false;
  return true;
}

bool Compiler::stmt(const ast::Stmt* s) {
  if (failed()) return false;
  set_loc(s);
  using K = ast::StmtKind;
  switch (s->kind) {
  case K::FunctionDef:
  case K::AsyncFunctionDef:
    return function_def(static_cast<const ast::FunctionDef*>(s));
  case K::ClassDef:
    return class_def(static_cast<const ast::ClassDef*>(s));
  case K::Return:
    return return_stmt(static_cast<const ast::Return*>(s));
  case K::Delete:
    return delete_stmt(static_cast<const ast::Delete*>(s));
  case K::Assign: {
    auto* a = static_cast<const ast::Assign*>(s);
    if (!expr(a->value)) return false;
    for (size_t i = 0; i < a->targets.size(); ++i) {
      if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
      if (!expr(a->targets[i])) return false;
    }
    return true;
  }
  case K::AugAssign:
    return aug_assign(static_cast<const ast::AugAssign*>(s));
  case K::AnnAssign:
    return ann_assign(static_cast<const ast::AnnAssign*>(s));
  case K::For:
    return for_stmt(static_cast<const ast::For*>(s));
  case K::AsyncFor:
    return async_for_stmt(static_cast<const ast::For*>(s));
  case K::While:
    return while_stmt(static_cast<const ast::While*>(s));
  case K::If:
    return if_stmt(static_cast<const ast::If*>(s));
  case K::Match:
    return match_stmt(static_cast<const ast::Match*>(s));
  case K::Raise:
    return raise_stmt(static_cast<const ast::Raise*>(s));
  case K::Try:
    return try_stmt(static_cast<const ast::Try*>(s));
  case K::TryStar:
    return try_star(static_cast<const ast::Try*>(s));
  case K::Assert:
    return assert_stmt(static_cast<const ast::Assert*>(s));
  case K::Import:
    return import(static_cast<const ast::Import*>(s));
  case K::ImportFrom:
    return import_from(static_cast<const ast::ImportFrom*>(s));
  case K::Global:
  case K::Nonlocal:
    return true;
  case K::Expr:
    return expr_stmt(static_cast<const ast::ExprStmt*>(s)->value);
  case K::Pass:
    emit(Op::NOP);
    return true;
  case K::Break: {
    const FBlock* loop = nullptr;
    emit(Op::NOP); // holds the line number
    auto stmt_loc = u->loc; // the unwinding may leave no location: the error has the statement's
    if (!unwind_fblock_stack(false, &loop)) return false;
    if (!loop) {
      u->loc = stmt_loc;
      return fail("'break' outside loop");
    }
    FBlock l = *loop;
    if (!unwind_fblock(l, false)) return false;
    emit_jump(Op::JUMP, l.exit);
    return true;
  }
  case K::Continue: {
    const FBlock* loop = nullptr;
    emit(Op::NOP);
    auto stmt_loc = u->loc;
    if (!unwind_fblock_stack(false, &loop)) return false;
    if (!loop) {
      u->loc = stmt_loc;
      return fail("'continue' not properly in loop");
    }
    emit_jump(Op::JUMP, loop->block);
    return true;
  }
  case K::With:
    return with_stmt(static_cast<const ast::With*>(s), 0);
  case K::AsyncWith:
    return async_with_stmt(static_cast<const ast::With*>(s), 0);
  }
  return true;
}

bool Compiler::expr_stmt(const ast::Expr* value) {
  if (interactive_ && nest_level_ <= 1) {
    if (!expr(value)) return false;
    emit(Op::PRINT_EXPR);
    return true;
  }
  if (constant_of(value)) {
    emit(Op::NOP); // a constant statement does nothing
    return true;
  }
  if (!expr(value)) return false;
  unset_loc(); // the POP_TOP is artificial, and so is what follows until the next statement
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::return_stmt(const ast::Return* s) {
  bool preserve_tos = s->value && !constant_of(s->value);
  if (u->ste->kind != ScopeKind::Function) return fail("'return' outside function");
  if (s->value && u->ste->coroutine && u->ste->generator)
    return fail("'return' with value in async generator");
  if (preserve_tos) {
    if (!expr(s->value)) return false;
  } else if (s->value) {
    set_loc(s->value);
    emit(Op::NOP);
  }
  if (!s->value || s->value->pos.lineno != s->pos.lineno) {
    set_loc(s);
    emit(Op::NOP);
  }
  if (!unwind_fblock_stack(preserve_tos, nullptr)) return false;
  if (!s->value)
    load_const(ast::NoneValue{});
  else if (!preserve_tos)
    load_const(*constant_of(s->value));
  emit(Op::RETURN_VALUE);
  return true;
}

bool Compiler::delete_stmt(const ast::Delete* s) {
  return exprs(s->targets);
}

bool Compiler::raise_stmt(const ast::Raise* s) {
  std::uint32_t n = 0;
  if (s->exc) {
    if (!expr(s->exc)) return false;
    ++n;
    if (s->cause) {
      if (!expr(s->cause)) return false;
      ++n;
    }
  }
  emit(Op::RAISE_VARARGS, n);
  return true;
}

bool Compiler::if_stmt(const ast::If* s) {
  int end = new_block();
  int next = s->orelse.empty() ? end : new_block();
  if (!jump_if(s->test, next, false)) return false;
  if (!stmts(s->body)) return false;
  if (!s->orelse.empty()) {
    emit_jump_noline(Op::JUMP, end);
    use_block(next);
    if (!stmts(s->orelse)) return false;
  }
  use_block(end);
  return true;
}

bool Compiler::while_stmt(const ast::While* s) {
  int loop = new_block(), body_block = new_block(), anchor = new_block(), end = new_block();
  use_block(loop);
  if (!push_fblock(FBlock{FBlockKind::WhileLoop, loop, end})) return false;
  if (!jump_if(s->test, anchor, false)) return false;
  use_block(body_block);
  if (!stmts(s->body)) return false;
  set_loc(s);
  if (!jump_if(s->test, body_block, true)) return false;
  pop_fblock();
  use_block(anchor);
  if (!stmts(s->orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::for_stmt(const ast::For* s) {
  int start = new_block(), body_block = new_block(), cleanup = new_block(), end = new_block();
  if (!push_fblock(FBlock{FBlockKind::ForLoop, start, end})) return false;
  if (!iter_expr(s->iter)) return false;
  emit(Op::GET_ITER);
  use_block(start);
  emit_jump(Op::FOR_ITER, cleanup);
  use_block(body_block);
  if (!expr(s->target)) return false;
  if (!stmts(s->body)) return false;
  unset_loc();
  emit_jump(Op::JUMP, start);
  use_block(cleanup);
  pop_fblock();
  if (!stmts(s->orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::async_for_stmt(const ast::For* s) {
  if (!may_await(u)) return fail("'async for' outside async function");
  int start = new_block(), except = new_block(), end = new_block();
  if (!expr(s->iter)) return false;
  emit(Op::GET_AITER);
  use_block(start);
  if (!push_fblock(FBlock{FBlockKind::ForLoop, start, end})) return false;
  emit_jump(kSetupFinally, except);
  emit(Op::GET_ANEXT);
  load_const(ast::NoneValue{});
  if (!add_yield_from(true)) return false;
  emit(kPopBlock);
  if (!expr(s->target)) return false;
  if (!stmts(s->body)) return false;
  unset_loc();
  emit_jump(Op::JUMP, start);
  pop_fblock();
  use_block(except);
  // END_ASYNC_FOR follows the `for`, not the body: it takes the iterator's line.
  set_loc(s->iter);
  emit(Op::END_ASYNC_FOR);
  if (!stmts(s->orelse)) return false;
  use_block(end);
  return true;
}

void Compiler::pop_except_and_reraise() {
  emit(Op::COPY, 3);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 1);
}

bool Compiler::try_stmt(const ast::Try* s) {
  return s->finalbody.empty() ? try_except(s) : try_finally(s);
}

bool Compiler::try_finally(const ast::Try* s) {
  int body_block = new_block(), end = new_block(), exit = new_block(), cleanup = new_block();
  bool star = s->kind == ast::StmtKind::TryStar;
  emit_jump(kSetupFinally, end);
  use_block(body_block);
  FBlock fb{FBlockKind::FinallyTry, body_block, end};
  fb.finalbody = &s->finalbody;
  if (!push_fblock(fb)) return false;
  if (!s->handlers.empty()) {
    if (!(star ? try_star_except(s) : try_except(s))) return false;
  } else if (!stmts(s->body)) {
    return false;
  }
  {
    Location saved = u->loc;
    unset_loc();
    emit(kPopBlock);
    u->loc = saved;
  }
  pop_fblock();
  if (!stmts(s->finalbody)) return false;
  emit_jump_noline(Op::JUMP, exit);
  use_block(end);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  if (!push_fblock(FBlock{FBlockKind::FinallyEnd, end})) return false;
  if (!stmts(s->finalbody)) return false;
  pop_fblock();
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  return true;
}

bool Compiler::try_except(const ast::Try* s) {
  int body_block = new_block(), except = new_block(), end = new_block(), cleanup = new_block();
  emit_jump(kSetupFinally, except);
  use_block(body_block);
  if (!push_fblock(FBlock{FBlockKind::TryExcept, body_block})) return false;
  if (!stmts(s->body)) return false;
  pop_fblock();
  {
    Location saved = u->loc;
    unset_loc();
    emit(kPopBlock);
    u->loc = saved;
  }
  if (!stmts(s->orelse)) return false;
  emit_jump_noline(Op::JUMP, end);
  size_t n = s->handlers.size();
  use_block(except);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  if (!push_fblock(FBlock{FBlockKind::ExceptionHandler})) return false;
  for (size_t i = 0; i < n; ++i) {
    const ast::ExceptHandler* h = s->handlers[i];
    set_loc(h);
    if (!h->type && i + 1 < n) return fail("default 'except:' must be last");
    except = new_block();
    if (h->type) {
      if (!expr(h->type)) return false;
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, except);
    }
    if (!h->name.empty()) {
      int cleanup_end = new_block(), cleanup_body = new_block();
      if (!nameop(h->name, ast::ExprContext::Store)) return false;
      emit_jump(kSetupCleanup, cleanup_end);
      use_block(cleanup_body);
      FBlock fb{FBlockKind::HandlerCleanup, cleanup_body};
      fb.name = &h->name;
      if (!push_fblock(fb)) return false;
      if (!stmts(h->body)) return false;
      pop_fblock();
      unset_loc();
      emit(kPopBlock);
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      load_const(ast::NoneValue{});
      if (!nameop(h->name, ast::ExprContext::Store)) return false;
      if (!nameop(h->name, ast::ExprContext::Del)) return false;
      emit_jump(Op::JUMP, end);
      use_block(cleanup_end);
      unset_loc();
      load_const(ast::NoneValue{});
      if (!nameop(h->name, ast::ExprContext::Store)) return false;
      if (!nameop(h->name, ast::ExprContext::Del)) return false;
      emit(Op::RERAISE, 1);
    } else {
      int cleanup_body = new_block();
      emit(Op::POP_TOP); // exc_value
      use_block(cleanup_body);
      if (!push_fblock(FBlock{FBlockKind::HandlerCleanup, cleanup_body})) return false;
      if (!stmts(h->body)) return false;
      pop_fblock();
      unset_loc();
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      emit_jump(Op::JUMP, end);
    }
    use_block(except);
  }
  unset_loc();
  pop_fblock();
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(end);
  return true;
}

bool Compiler::try_star(const ast::Try* s) {
  return s->finalbody.empty() ? try_star_except(s) : try_finally(s);
}

bool Compiler::try_star_except(const ast::Try* s) {
  int body_block = new_block(), except = new_block(), orelse = new_block(), end = new_block(),
      cleanup = new_block(), reraise_star = new_block();
  emit_jump(kSetupFinally, except);
  use_block(body_block);
  if (!push_fblock(FBlock{FBlockKind::TryExcept, body_block})) return false;
  if (!stmts(s->body)) return false;
  pop_fblock();
  {
    Location saved = u->loc;
    unset_loc();
    emit(kPopBlock);
    u->loc = saved;
  }
  emit_jump_noline(Op::JUMP, orelse);
  size_t n = s->handlers.size();
  use_block(except);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  if (!push_fblock(FBlock{FBlockKind::ExceptionGroupHandler})) return false;
  for (size_t i = 0; i < n; ++i) {
    const ast::ExceptHandler* h = s->handlers[i];
    set_loc(h);
    except = new_block();
    int except_with_error = new_block(), no_match = new_block();
    if (i == 0) {
      emit(Op::COPY, 1);
      emit(Op::BUILD_LIST, 0);
      emit(Op::SWAP, 2);
    }
    if (h->type) {
      if (!expr(h->type)) return false;
      emit(Op::CHECK_EG_MATCH);
      emit(Op::COPY, 1);
      emit_jump(Op::POP_JUMP_IF_NONE, no_match);
    }
    int cleanup_end = new_block(), cleanup_body = new_block();
    if (!h->name.empty()) {
      if (!nameop(h->name, ast::ExprContext::Store)) return false;
    } else {
      emit(Op::POP_TOP); // match
    }
    emit_jump(kSetupCleanup, cleanup_end);
    use_block(cleanup_body);
    FBlock fb{FBlockKind::HandlerCleanup, cleanup_body};
    if (!h->name.empty()) fb.name = &h->name;
    if (!push_fblock(fb)) return false;
    if (!stmts(h->body)) return false;
    pop_fblock();
    emit(kPopBlock);
    if (!h->name.empty()) {
      load_const(ast::NoneValue{});
      if (!nameop(h->name, ast::ExprContext::Store)) return false;
      if (!nameop(h->name, ast::ExprContext::Del)) return false;
    }
    emit_jump(Op::JUMP, except);
    use_block(cleanup_end);
    unset_loc();
    if (!h->name.empty()) {
      load_const(ast::NoneValue{});
      if (!nameop(h->name, ast::ExprContext::Store)) return false;
      if (!nameop(h->name, ast::ExprContext::Del)) return false;
    }
    emit(Op::LIST_APPEND, 3); // exc
    emit(Op::POP_TOP);        // lasti
    emit_jump(Op::JUMP, except_with_error);
    use_block(except);
    emit(Op::NOP); // holds a propagated location
    emit_jump(Op::JUMP, except_with_error);
    use_block(no_match);
    emit(Op::POP_TOP); // match (None)
    use_block(except_with_error);
    if (i == n - 1) {
      emit(Op::LIST_APPEND, 1);
      emit_jump(Op::JUMP, reraise_star);
    }
  }
  unset_loc();
  pop_fblock();
  int reraise = new_block();
  use_block(reraise_star);
  emit(Op::PREP_RERAISE_STAR);
  emit(Op::COPY, 1);
  emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
  emit(Op::POP_TOP);
  emit(kPopBlock);
  emit(Op::POP_EXCEPT);
  emit_jump(Op::JUMP, end);
  use_block(reraise);
  emit(kPopBlock);
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(orelse);
  if (!stmts(s->orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::call_exit_with_nones() {
  load_const(ast::NoneValue{});
  load_const(ast::NoneValue{});
  load_const(ast::NoneValue{});
  emit(Op::CALL, 2);
  return true;
}

bool Compiler::with_except_finish(int cleanup) {
  unset_loc();
  int exit = new_block();
  emit_jump(Op::POP_JUMP_IF_TRUE, exit);
  emit(Op::RERAISE, 2);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  emit(Op::POP_TOP); // exc_value
  emit(kPopBlock);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::with_stmt(const ast::With* s, size_t pos) {
  const ast::WithItem* item = s->items[pos];
  int body_block = new_block(), final = new_block(), exit = new_block(), cleanup = new_block();
  if (!expr(item->context_expr)) return false;
  emit(Op::BEFORE_WITH);
  emit_jump(kSetupWith, final);
  use_block(body_block);
  FBlock fb{FBlockKind::With, body_block, final};
  fb.stmt = s;
  if (!push_fblock(fb)) return false;
  if (item->optional_vars) {
    if (!expr(item->optional_vars)) return false;
  } else {
    emit(Op::POP_TOP); // the result of __enter__()
  }
  ++pos;
  if (pos == s->items.size()) {
    if (!stmts(s->body)) return false;
  } else if (!with_stmt(s, pos)) {
    return false;
  }
  unset_loc();
  emit(kPopBlock);
  pop_fblock();
  set_loc(s);
  if (!call_exit_with_nones()) return false;
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);
  use_block(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  if (!with_except_finish(cleanup)) return false;
  use_block(exit);
  return true;
}

bool Compiler::async_with_stmt(const ast::With* s, size_t pos) {
  if (!may_await(u)) return fail("'async with' outside async function");
  const ast::WithItem* item = s->items[pos];
  int block = new_block(), final = new_block(), exit = new_block(), cleanup = new_block();
  if (!expr(item->context_expr)) return false;
  emit(Op::BEFORE_ASYNC_WITH);
  emit(Op::GET_AWAITABLE, 1);
  load_const(ast::NoneValue{});
  if (!add_yield_from(true)) return false;
  emit_jump(kSetupWith, final);
  use_block(block);
  FBlock fb{FBlockKind::AsyncWith, block, final};
  fb.stmt = s;
  if (!push_fblock(fb)) return false;
  if (item->optional_vars) {
    if (!expr(item->optional_vars)) return false;
  } else {
    emit(Op::POP_TOP);
  }
  ++pos;
  if (pos == s->items.size()) {
    if (!stmts(s->body)) return false;
  } else if (!async_with_stmt(s, pos)) {
    return false;
  }
  pop_fblock();
  emit(kPopBlock);
  set_loc(s);
  if (!call_exit_with_nones()) return false;
  emit(Op::GET_AWAITABLE, 2);
  load_const(ast::NoneValue{});
  if (!add_yield_from(true)) return false;
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);
  use_block(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  emit(Op::GET_AWAITABLE, 2);
  load_const(ast::NoneValue{});
  if (!add_yield_from(true)) return false;
  if (!with_except_finish(cleanup)) return false;
  use_block(exit);
  return true;
}

// ---- imports -----------------------------------------------------------------------------

bool Compiler::import(const ast::Import* s) {
  for (auto* alias : s->names) {
    load_const(ast::IntLiteral{"0"});
    load_const(ast::NoneValue{});
    emit(Op::IMPORT_NAME, add_name(mangled(alias->name)));
    if (!alias->asname.empty()) {
      if (!import_as(alias->name, alias->asname)) return false;
    } else {
      std::string store = alias->name.substr(0, alias->name.find('.'));
      if (!nameop(store, ast::ExprContext::Store)) return false;
    }
  }
  return true;
}

bool Compiler::import_as(const std::string& name, const std::string& asname) {
  size_t dot = name.find('.');
  if (dot != std::string::npos) {
    while (true) {
      size_t pos = dot + 1;
      dot = name.find('.', pos);
      std::string attr = name.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
      emit(Op::IMPORT_FROM, add_name(attr));
      if (dot == std::string::npos) break;
      emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
    }
    if (!nameop(asname, ast::ExprContext::Store)) return false;
    emit(Op::POP_TOP);
    return true;
  }
  return nameop(asname, ast::ExprContext::Store);
}

bool Compiler::import_from(const ast::ImportFrom* s) {
  load_const(ast::IntLiteral{std::to_string(s->level)});
  auto names = std::make_shared<bytecode::ConstTuple>();
  for (auto* a : s->names)
    names->items.push_back(utf8_to_u32(a->name));
  if (s->pos.lineno > table_.future().lineno && s->module == "__future__")
    return fail("from __future__ imports must occur at the beginning of the file");
  load_const(std::shared_ptr<const bytecode::ConstTuple>(names));
  emit(Op::IMPORT_NAME, add_name(mangled(s->module)));
  for (size_t i = 0; i < s->names.size(); ++i) {
    auto* alias = s->names[i];
    if (i == 0 && !alias->name.empty() && alias->name[0] == '*') {
      emit(Op::IMPORT_STAR);
      return true;
    }
    emit(Op::IMPORT_FROM, add_name(mangled(alias->name)));
    if (!nameop(alias->asname.empty() ? alias->name : alias->asname, ast::ExprContext::Store))
      return false;
  }
  emit(Op::POP_TOP); // the module
  return true;
}

// ---- assert, assignments -----------------------------------------------------------------

bool Compiler::assert_stmt(const ast::Assert* s) {
  if (optimize_ > 0) return true;
  if (s->test->kind == ast::ExprKind::Tuple &&
      !static_cast<const ast::TupleExpr*>(s->test)->elts.empty())
    warn("assertion is always true, perhaps remove parentheses?");
  int end = new_block();
  if (!jump_if(s->test, end, true)) return false;
  emit(Op::LOAD_ASSERTION_ERROR);
  if (s->msg) {
    if (!expr(s->msg)) return false;
    emit(Op::CALL, 0);
  }
  emit(Op::RAISE_VARARGS, 1);
  use_block(end);
  return true;
}

bool Compiler::aug_assign(const ast::AugAssign* s) {
  const ast::Expr* e = s->target;
  Location saved = u->loc;
  set_loc(e);
  switch (e->kind) {
  case ast::ExprKind::Attribute: {
    auto* a = static_cast<const ast::Attribute*>(e);
    if (!expr(a->value)) return false;
    emit(Op::COPY, 1);
    update_start_location_to_match_attr(a);
    emit(Op::LOAD_ATTR, add_name(mangled(a->attr)));
    break;
  }
  case ast::ExprKind::Subscript: {
    auto* sub = static_cast<const ast::Subscript*>(e);
    if (!expr(sub->value) || !expr(sub->slice)) return false;
    emit(Op::COPY, 2);
    emit(Op::COPY, 2);
    emit(Op::BINARY_SUBSCR);
    break;
  }
  case ast::ExprKind::Name:
    if (!nameop(static_cast<const ast::Name*>(e)->id, ast::ExprContext::Load)) return false;
    break;
  default:
    return fail("invalid node type for augmented assignment");
  }
  u->loc = saved;
  if (!expr(s->value)) return false;
  emit(Op::BINARY_OP, bytecode::kInplaceOffset + binary_op_index(s->op));
  set_loc(e);
  switch (e->kind) {
  case ast::ExprKind::Attribute: {
    auto* a = static_cast<const ast::Attribute*>(e);
    update_start_location_to_match_attr(a);
    emit(Op::SWAP, 2);
    emit(Op::STORE_ATTR, add_name(mangled(a->attr)));
    return true;
  }
  case ast::ExprKind::Subscript:
    emit(Op::SWAP, 3);
    emit(Op::SWAP, 2);
    emit(Op::STORE_SUBSCR);
    return true;
  default:
    return nameop(static_cast<const ast::Name*>(e)->id, ast::ExprContext::Store);
  }
}

bool Compiler::check_ann_expr(const ast::Expr* e) {
  if (!expr(e)) return false;
  emit(Op::POP_TOP);
  return true;
}

namespace {
bool check_ann_subscr(Compiler& c, const ast::Expr* e) {
  switch (e->kind) {
  case ast::ExprKind::Slice: {
    auto* s = static_cast<const ast::Slice*>(e);
    if (s->lower && !c.check_ann_expr(s->lower)) return false;
    if (s->upper && !c.check_ann_expr(s->upper)) return false;
    if (s->step && !c.check_ann_expr(s->step)) return false;
    return true;
  }
  case ast::ExprKind::Tuple:
    for (auto* elt : static_cast<const ast::TupleExpr*>(e)->elts)
      if (!check_ann_subscr(c, elt)) return false;
    return true;
  default:
    return c.check_ann_expr(e);
  }
}
} // namespace

bool Compiler::check_annotation(const ast::AnnAssign* s) {
  if (table_.future().annotations) return true;
  if (u->kind == UnitKind::Module || u->kind == UnitKind::Class)
    return check_ann_expr(s->annotation);
  return true;
}

bool Compiler::ann_assign(const ast::AnnAssign* s) {
  const ast::Expr* targ = s->target;
  if (s->value) {
    if (!expr(s->value) || !expr(targ)) return false;
  }
  switch (targ->kind) {
  case ast::ExprKind::Name: {
    auto* n = static_cast<const ast::Name*>(targ);
    if (!forbidden_name(n->id, ast::ExprContext::Store, targ->pos)) return false;
    if (s->simple && (u->kind == UnitKind::Module || u->kind == UnitKind::Class)) {
      if (!annotation_value(s->annotation)) return false;
      emit(Op::LOAD_NAME, add_name("__annotations__"));
      load_const(utf8_to_u32(mangled(n->id)));
      emit(Op::STORE_SUBSCR);
    }
    break;
  }
  case ast::ExprKind::Attribute: {
    auto* a = static_cast<const ast::Attribute*>(targ);
    if (!forbidden_name(a->attr, ast::ExprContext::Store, targ->pos)) return false;
    if (!s->value && !check_ann_expr(a->value)) return false;
    break;
  }
  case ast::ExprKind::Subscript: {
    auto* sub = static_cast<const ast::Subscript*>(targ);
    if (!s->value && (!check_ann_expr(sub->value) || !check_ann_subscr(*this, sub->slice)))
      return false;
    break;
  }
  default:
    return fail("invalid node type for annotated assignment");
  }
  if (!s->simple && !check_annotation(s)) return false;
  return true;
}

// The value stored for an annotation: the expression, or under PEP 563 its source text.
bool Compiler::annotation_value(const ast::Expr* e) {
  if (table_.future().annotations) {
    load_const(utf8_to_u32(unparse_expr(e)));
    return true;
  }
  return expr(e);
}

} // namespace interp::compile
