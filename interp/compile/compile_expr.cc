// interp/compile/compile_expr.cc - code generation for expressions: operators and
// comparisons, conditional jumps, calls (with the method-call form and keyword names),
// displays with star-unpacking, assignment targets with unpacking, attributes and
// subscripts, f-strings, yield/await, lambdas and comprehensions.

#include "interp/compile/compiler_internal.h"

namespace interp::compile {

namespace {
constexpr size_t kStackUseGuideline = 30; // beyond it, displays and calls are built in steps

bool is_starred(const ast::Expr* e) {
  return e->kind == ast::ExprKind::Starred;
}
} // namespace

std::uint32_t binary_op_index(ast::Operator op) {
  using O = ast::Operator;
  using B = bytecode::BinaryOp;
  B b = B::Add;
  switch (op) {
  case O::Add:
    b = B::Add;
    break;
  case O::Sub:
    b = B::Subtract;
    break;
  case O::Mult:
    b = B::Multiply;
    break;
  case O::MatMult:
    b = B::MatrixMultiply;
    break;
  case O::Div:
    b = B::TrueDivide;
    break;
  case O::Mod:
    b = B::Remainder;
    break;
  case O::Pow:
    b = B::Power;
    break;
  case O::LShift:
    b = B::LShift;
    break;
  case O::RShift:
    b = B::RShift;
    break;
  case O::BitOr:
    b = B::Or;
    break;
  case O::BitXor:
    b = B::Xor;
    break;
  case O::BitAnd:
    b = B::And;
    break;
  case O::FloorDiv:
    b = B::FloorDivide;
    break;
  }
  return static_cast<std::uint32_t>(b);
}

bool Compiler::exprs(const ast::List<ast::Expr>& list) {
  for (auto* e : list)
    if (!expr(e)) return false;
  return true;
}

bool Compiler::expr(const ast::Expr* e) {
  if (failed()) return false;
  Location saved = u->loc;
  set_loc(e);
  bool ok = expr1(e);
  u->loc = saved;
  return ok;
}

// An iterable of `for`/comprehensions, or the right operand of a final `in`: 3.11's AST
// optimizer turns a list display into a tuple and a set display of constants into a
// frozenset constant there.
bool Compiler::iter_expr(const ast::Expr* e) {
  if (e->kind == ast::ExprKind::List) {
    auto* l = static_cast<const ast::ListExpr*>(e);
    bool starred = false;
    for (auto* elt : l->elts)
      starred = starred || is_starred(elt);
    if (!starred && l->ctx == ast::ExprContext::Load) {
      Location saved = u->loc;
      set_loc(e);
      auto tuple = std::make_shared<bytecode::ConstTuple>();
      bool all_const = true;
      for (auto* elt : l->elts) {
        auto v = constant_of(elt);
        if (!v) {
          all_const = false;
          break;
        }
        tuple->items.push_back(std::move(*v));
      }
      bool ok = true;
      if (all_const)
        load_const(std::shared_ptr<const bytecode::ConstTuple>(tuple));
      else
        ok = starunpack_helper(l->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
      u->loc = saved;
      return ok;
    }
  } else if (e->kind == ast::ExprKind::Set) {
    auto* s = static_cast<const ast::Set*>(e);
    auto set = std::make_shared<bytecode::ConstFrozenSet>();
    for (auto* elt : s->elts) {
      auto v = constant_of(elt);
      if (!v) return expr(e);
      set->items.push_back(std::move(*v));
    }
    Location saved = u->loc;
    set_loc(e);
    load_const(std::shared_ptr<const bytecode::ConstFrozenSet>(set));
    u->loc = saved;
    return true;
  }
  return expr(e);
}

bool Compiler::expr1(const ast::Expr* e) {
  using K = ast::ExprKind;
  if (e->kind == K::Constant || e->kind == K::Tuple || e->kind == K::UnaryOp ||
      e->kind == K::Name || e->kind == K::BinOp) {
    if (auto c = constant_of(e)) {
      load_const(std::move(*c));
      return true;
    }
  }
  switch (e->kind) {
  case K::NamedExpr: {
    auto* n = static_cast<const ast::NamedExpr*>(e);
    if (!expr(n->value)) return false;
    emit(Op::COPY, 1);
    return expr(n->target);
  }
  case K::BoolOp:
    return boolop(static_cast<const ast::BoolOp*>(e));
  case K::BinOp: {
    auto* b = static_cast<const ast::BinOp*>(e);
    if (!expr(b->left) || !expr(b->right)) return false;
    emit(Op::BINARY_OP, binary_op_index(b->op));
    return true;
  }
  case K::UnaryOp: {
    auto* un = static_cast<const ast::UnaryOp*>(e);
    // `not (a is b)` is `a is not b` (and likewise for `in`), as 3.11's AST optimizer does.
    if (un->op == ast::UnaryOpKind::Not && un->operand->kind == K::Compare) {
      auto* cmp = static_cast<const ast::Compare*>(un->operand);
      if (cmp->ops.size() == 1 && inverted_compare(cmp->ops[0])) {
        ast::Compare inverted = *cmp;
        inverted.ops[0] = *inverted_compare(cmp->ops[0]);
        return expr(&inverted);
      }
    }
    if (!expr(un->operand)) return false;
    switch (un->op) {
    case ast::UnaryOpKind::Invert:
      emit(Op::UNARY_INVERT);
      break;
    case ast::UnaryOpKind::Not:
      emit(Op::UNARY_NOT);
      break;
    case ast::UnaryOpKind::UAdd:
      emit(Op::UNARY_POSITIVE);
      break;
    case ast::UnaryOpKind::USub:
      emit(Op::UNARY_NEGATIVE);
      break;
    }
    return true;
  }
  case K::Lambda:
    return lambda(static_cast<const ast::Lambda*>(e));
  case K::IfExp:
    return ifexp(static_cast<const ast::IfExp*>(e));
  case K::Dict:
    return dict_expr(static_cast<const ast::Dict*>(e));
  case K::Set:
    return set_expr(static_cast<const ast::Set*>(e));
  case K::GeneratorExp: {
    auto* c = static_cast<const ast::GeneratorExp*>(e);
    return comprehension(e, UnitKind::Comprehension, "<genexpr>", c->generators, c->elt, nullptr);
  }
  case K::ListComp: {
    auto* c = static_cast<const ast::ListComp*>(e);
    return comprehension(e, UnitKind::Comprehension, "<listcomp>", c->generators, c->elt, nullptr);
  }
  case K::SetComp: {
    auto* c = static_cast<const ast::SetComp*>(e);
    return comprehension(e, UnitKind::Comprehension, "<setcomp>", c->generators, c->elt, nullptr);
  }
  case K::DictComp: {
    auto* c = static_cast<const ast::DictComp*>(e);
    return comprehension(e, UnitKind::Comprehension, "<dictcomp>", c->generators, c->key, c->value);
  }
  case K::Yield: {
    auto* y = static_cast<const ast::Yield*>(e);
    if (u->ste->kind != ScopeKind::Function) return fail("'yield' outside function");
    if (y->value) {
      if (!expr(y->value)) return false;
    } else {
      load_const(ast::NoneValue{});
    }
    if (u->ste->coroutine && u->ste->generator) emit(Op::ASYNC_GEN_WRAP);
    emit(Op::YIELD_VALUE);
    return true;
  }
  case K::YieldFrom: {
    if (u->ste->kind != ScopeKind::Function) return fail("'yield' outside function");
    if (u->kind == UnitKind::AsyncFunction) return fail("'yield from' inside async function");
    if (!expr(static_cast<const ast::YieldFrom*>(e)->value)) return false;
    emit(Op::GET_YIELD_FROM_ITER);
    load_const(ast::NoneValue{});
    return add_yield_from(false);
  }
  case K::Await: {
    if (!may_await(u)) {
      if (u->ste->kind != ScopeKind::Function) return fail("'await' outside function");
      if (u->kind != UnitKind::Comprehension) return fail("'await' outside async function");
    }
    if (!expr(static_cast<const ast::Await*>(e)->value)) return false;
    emit(Op::GET_AWAITABLE, 0);
    load_const(ast::NoneValue{});
    return add_yield_from(true);
  }
  case K::Compare:
    return compare(static_cast<const ast::Compare*>(e));
  case K::Call:
    return call(static_cast<const ast::Call*>(e));
  case K::Constant:
    load_const(*constant_of(e));
    return true;
  case K::JoinedStr:
    return joined_str(static_cast<const ast::JoinedStr*>(e));
  case K::FormattedValue:
    return formatted_value(static_cast<const ast::FormattedValue*>(e));
  case K::Attribute:
    return attribute(static_cast<const ast::Attribute*>(e));
  case K::Subscript:
    return subscript(static_cast<const ast::Subscript*>(e));
  case K::Starred:
    if (static_cast<const ast::Starred*>(e)->ctx == ast::ExprContext::Store)
      return fail("starred assignment target must be in a list or tuple");
    return fail("can't use starred expression here");
  case K::Slice:
    return slice(static_cast<const ast::Slice*>(e));
  case K::Name: {
    auto* n = static_cast<const ast::Name*>(e);
    return nameop(n->id, n->ctx);
  }
  case K::List:
    return list_expr(static_cast<const ast::ListExpr*>(e));
  case K::Tuple:
    return tuple_expr(static_cast<const ast::TupleExpr*>(e));
  }
  return true;
}

std::optional<ast::CmpOp> inverted_compare(ast::CmpOp op) {
  switch (op) {
  case ast::CmpOp::Is:
    return ast::CmpOp::IsNot;
  case ast::CmpOp::IsNot:
    return ast::CmpOp::Is;
  case ast::CmpOp::In:
    return ast::CmpOp::NotIn;
  case ast::CmpOp::NotIn:
    return ast::CmpOp::In;
  default:
    return std::nullopt;
  }
}

// `yield from` / `await` of the value on the stack (3.11's compiler_add_yield_from).
bool Compiler::add_yield_from(bool await) {
  (void)await;
  int start = new_block(), resume = new_block(), exit = new_block();
  use_block(start);
  emit_jump(Op::SEND, exit);
  use_block(resume);
  emit(Op::YIELD_VALUE);
  emit_jump(Op::JUMP_NO_INTERRUPT, start);
  use_block(exit);
  return true;
}

void Compiler::compare_op(ast::CmpOp op) {
  using C = ast::CmpOp;
  using B = bytecode::CompareOp;
  auto cmp = [&](B b) { emit(Op::COMPARE_OP, static_cast<std::uint32_t>(b)); };
  switch (op) {
  case C::Eq:
    cmp(B::Eq);
    break;
  case C::NotEq:
    cmp(B::Ne);
    break;
  case C::Lt:
    cmp(B::Lt);
    break;
  case C::LtE:
    cmp(B::Le);
    break;
  case C::Gt:
    cmp(B::Gt);
    break;
  case C::GtE:
    cmp(B::Ge);
    break;
  case C::Is:
    emit(Op::IS_OP, 0);
    break;
  case C::IsNot:
    emit(Op::IS_OP, 1);
    break;
  case C::In:
    emit(Op::CONTAINS_OP, 0);
    break;
  case C::NotIn:
    emit(Op::CONTAINS_OP, 1);
    break;
  }
}

namespace {
bool last_is_membership(const ast::Compare* e, size_t i) {
  return i + 1 == e->ops.size() && (e->ops[i] == ast::CmpOp::In || e->ops[i] == ast::CmpOp::NotIn);
}
} // namespace

bool Compiler::comparator(const ast::Compare* e, size_t i) {
  return last_is_membership(e, i) ? iter_expr(e->comparators[i]) : expr(e->comparators[i]);
}

bool Compiler::compare(const ast::Compare* e) {
  check_compare(e);
  if (!expr(e->left)) return false;
  size_t n = e->ops.size() - 1;
  if (n == 0) {
    if (!comparator(e, 0)) return false;
    compare_op(e->ops[0]);
    return true;
  }
  int cleanup = new_block();
  for (size_t i = 0; i < n; ++i) {
    if (!comparator(e, i)) return false;
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    compare_op(e->ops[i]);
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  if (!comparator(e, n)) return false;
  compare_op(e->ops[n]);
  int end = new_block();
  emit_jump_noline(Op::JUMP, end);
  use_block(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  use_block(end);
  return true;
}

bool Compiler::boolop(const ast::BoolOp* e) {
  Op jumpi = e->op == ast::BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  int end = new_block();
  size_t n = e->values.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    if (!expr(e->values[i])) return false;
    emit_jump(jumpi, end);
  }
  if (!expr(e->values[n])) return false;
  use_block(end);
  return true;
}

// Jumps to `next` when the truth of `e` is `cond`; falls through otherwise.
bool Compiler::jump_if(const ast::Expr* e, int next, bool cond) {
  switch (e->kind) {
  case ast::ExprKind::UnaryOp: {
    auto* un = static_cast<const ast::UnaryOp*>(e);
    if (un->op == ast::UnaryOpKind::Not) {
      if (un->operand->kind == ast::ExprKind::Compare) {
        auto* cmp = static_cast<const ast::Compare*>(un->operand);
        if (cmp->ops.size() == 1 && inverted_compare(cmp->ops[0])) {
          ast::Compare inverted = *cmp;
          inverted.ops[0] = *inverted_compare(cmp->ops[0]);
          return jump_if(&inverted, next, cond);
        }
      }
      return jump_if(un->operand, next, !cond);
    }
    break;
  }
  case ast::ExprKind::BoolOp: {
    auto* b = static_cast<const ast::BoolOp*>(e);
    size_t n = b->values.size() - 1;
    bool cond2 = b->op == ast::BoolOpKind::Or;
    int next2 = next;
    if (cond2 != cond) next2 = new_block();
    for (size_t i = 0; i < n; ++i)
      if (!jump_if(b->values[i], next2, cond2)) return false;
    if (!jump_if(b->values[n], next, cond)) return false;
    if (next2 != next) use_block(next2);
    return true;
  }
  case ast::ExprKind::IfExp: {
    auto* i = static_cast<const ast::IfExp*>(e);
    int end = new_block(), next2 = new_block();
    if (!jump_if(i->test, next2, false)) return false;
    if (!jump_if(i->body, next, cond)) return false;
    emit_jump_noline(Op::JUMP, end);
    use_block(next2);
    if (!jump_if(i->orelse, next, cond)) return false;
    use_block(end);
    return true;
  }
  case ast::ExprKind::Compare: {
    auto* c = static_cast<const ast::Compare*>(e);
    size_t n = c->ops.size() - 1;
    // 3.11 takes the comparison's position here and keeps it after the jump.
    set_loc(e);
    if (n > 0) {
      check_compare(c);
      int cleanup = new_block();
      if (!expr(c->left)) return false;
      for (size_t i = 0; i < n; ++i) {
        if (!comparator(c, i)) return false;
        emit(Op::SWAP, 2);
        emit(Op::COPY, 2);
        compare_op(c->ops[i]);
        emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
      }
      if (!comparator(c, n)) return false;
      compare_op(c->ops[n]);
      emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, next);
      int end = new_block();
      emit_jump_noline(Op::JUMP, end);
      use_block(cleanup);
      emit(Op::POP_TOP);
      if (!cond) emit_jump_noline(Op::JUMP, next);
      use_block(end);
      return true;
    }
    break;
  }
  default:
    break;
  }
  if (!expr(e)) return false;
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, next);
  return true;
}

bool Compiler::ifexp(const ast::IfExp* e) {
  int end = new_block(), next = new_block();
  if (!jump_if(e->test, next, false)) return false;
  if (!expr(e->body)) return false;
  emit_jump_noline(Op::JUMP, end);
  use_block(next);
  if (!expr(e->orelse)) return false;
  use_block(end);
  return true;
}

// ---- calls -------------------------------------------------------------------------------

bool Compiler::validate_keywords(const ast::List<ast::Keyword>& kws) {
  for (size_t i = 0; i < kws.size(); ++i) {
    if (kws[i]->arg.empty()) continue;
    if (!forbidden_name(kws[i]->arg, ast::ExprContext::Store, kws[i]->pos)) return false;
    for (size_t j = i + 1; j < kws.size(); ++j)
      if (!kws[j]->arg.empty() && kws[j]->arg == kws[i]->arg) {
        set_loc(kws[j]);
        return fail("keyword argument repeated: " + kws[i]->arg);
      }
  }
  return true;
}

void Compiler::update_start_location_to_match_attr(const ast::Attribute* a) {
  if (u->loc.line != a->pos.end_lineno) {
    u->loc.line = a->pos.end_lineno;
    int len = static_cast<int>(utf8_to_u32(a->attr).size());
    if (len <= a->pos.end_col_offset) {
      u->loc.col = a->pos.end_col_offset - len;
    } else {
      u->loc.col = -1;
      u->loc.end_col = -1;
    }
    u->loc.end_line = std::max(u->loc.line, u->loc.end_line);
    if (u->loc.line == u->loc.end_line) u->loc.end_col = std::max(u->loc.col, u->loc.end_col);
  }
}

bool Compiler::call_simple_kw_helper(const ast::List<ast::Keyword>& kws) {
  auto names = std::make_shared<bytecode::ConstTuple>();
  for (auto* kw : kws)
    names->items.push_back(utf8_to_u32(kw->arg));
  emit(Op::KW_NAMES, add_const(std::shared_ptr<const bytecode::ConstTuple>(names)));
  return true;
}

bool Compiler::maybe_method_call(const ast::Call* e, bool& done) {
  done = false;
  if (e->func->kind != ast::ExprKind::Attribute) return true;
  auto* meth = static_cast<const ast::Attribute*>(e->func);
  if (meth->ctx != ast::ExprContext::Load) return true;
  size_t argsl = e->args.size(), kwdsl = e->keywords.size();
  if (argsl + kwdsl + (kwdsl != 0) >= kStackUseGuideline) return true;
  for (auto* a : e->args)
    if (is_starred(a)) return true;
  for (auto* k : e->keywords)
    if (k->arg.empty()) return true;
  // 3.11 does not use LOAD_METHOD on a name that the module imports (`re.compile(...)`).
  if (meth->value->kind == ast::ExprKind::Name &&
      (table_.top()->flags_of(static_cast<const ast::Name*>(meth->value)->id) & kDefImport))
    return true;
  done = true;
  if (!expr(meth->value)) return false;
  Location saved = u->loc;
  set_loc(meth);
  update_start_location_to_match_attr(meth);
  emit(Op::LOAD_METHOD, add_name(mangled(meth->attr)));
  if (!exprs(e->args)) return false;
  if (kwdsl) {
    for (auto* k : e->keywords)
      if (!expr(k->value)) return false;
    call_simple_kw_helper(e->keywords);
  }
  set_loc(e);
  update_start_location_to_match_attr(meth);
  emit(Op::CALL, static_cast<std::uint32_t>(argsl + kwdsl));
  u->loc = saved;
  return true;
}

namespace {

// What 3.11's AST optimizer makes a Constant: literals, and tuples and unary operations of
// them.
bool folds_to_constant(const ast::Expr* e) {
  switch (e->kind) {
  case ast::ExprKind::Constant:
    return true;
  case ast::ExprKind::Tuple: {
    auto* t = static_cast<const ast::TupleExpr*>(e);
    if (t->ctx != ast::ExprContext::Load) return false;
    for (const ast::Expr* x : t->elts)
      if (!folds_to_constant(x)) return false;
    return true;
  }
  case ast::ExprKind::UnaryOp: {
    auto* u = static_cast<const ast::UnaryOp*>(e);
    auto* c = static_cast<const ast::Constant*>(u->operand);
    return u->operand->kind == ast::ExprKind::Constant &&
           (std::holds_alternative<ast::IntLiteral>(c->value) ||
            std::holds_alternative<double>(c->value) ||
            std::holds_alternative<ast::ImaginaryLiteral>(c->value));
  }
  default:
    return false;
  }
}

const char* constant_type_name(const ast::ConstantValue& v) {
  static const char* const kNames[] = {"NoneType", "ellipsis", "bool", "int",
                                       "float",    "complex",  "str",  "bytes"};
  return kNames[v.index()];
}

// 3.11's infer_type: the type an expression is known to make, or null.
const char* inferred_type(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
  case K::Tuple: return "tuple";
  case K::List:
  case K::ListComp: return "list";
  case K::Dict:
  case K::DictComp: return "dict";
  case K::Set:
  case K::SetComp: return "set";
  case K::GeneratorExp: return "generator";
  case K::Lambda: return "function";
  case K::JoinedStr:
  case K::FormattedValue: return "str";
  case K::Constant: return constant_type_name(static_cast<const ast::Constant*>(e)->value);
  case K::UnaryOp: {
    if (!folds_to_constant(e)) return nullptr;
    auto* c = static_cast<const ast::Constant*>(static_cast<const ast::UnaryOp*>(e)->operand);
    return constant_type_name(c->value);
  }
  default: return nullptr;
  }
}

} // namespace

void Compiler::check_compare(const ast::Compare* e) {
  // A named singleton (None, True, False, ...) is fine on either side of `is`.
  auto is_arg = [](const ast::Expr* x) {
    if (!folds_to_constant(x)) return true;
    if (x->kind != ast::ExprKind::Constant) return false;
    const auto& v = static_cast<const ast::Constant*>(x)->value;
    return std::holds_alternative<ast::NoneValue>(v) || std::holds_alternative<bool>(v) ||
           std::holds_alternative<ast::EllipsisValue>(v);
  };
  bool left = is_arg(e->left);
  for (size_t i = 0; i < e->ops.size(); ++i) {
    bool right = is_arg(e->comparators[i]);
    ast::CmpOp op = e->ops[i];
    if ((op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) && (!left || !right)) {
      warn(op == ast::CmpOp::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                    : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left = right;
  }
}

void Compiler::check_caller(const ast::Expr* func) {
  using K = ast::ExprKind;
  switch (func->kind) {
  case K::Constant: case K::Tuple: case K::List: case K::ListComp: case K::Dict:
  case K::DictComp: case K::Set: case K::SetComp: case K::GeneratorExp: case K::JoinedStr:
  case K::FormattedValue:
    warn(std::string("'") + inferred_type(func) +
         "' object is not callable; perhaps you missed a comma?");
    return;
  default:
    return;
  }
}

void Compiler::check_subscript(const ast::Subscript* e) {
  using K = ast::ExprKind;
  const ast::Expr* v = e->value;
  bool subscriptable = true;
  if (v->kind == K::Constant || (v->kind == K::UnaryOp && folds_to_constant(v))) {
    const ast::Expr* c = v->kind == K::Constant ? v : static_cast<const ast::UnaryOp*>(v)->operand;
    const auto& value = static_cast<const ast::Constant*>(c)->value;
    subscriptable = !(std::holds_alternative<ast::NoneValue>(value) ||
                      std::holds_alternative<ast::EllipsisValue>(value) ||
                      std::holds_alternative<ast::IntLiteral>(value) ||
                      std::holds_alternative<bool>(value) || std::holds_alternative<double>(value) ||
                      std::holds_alternative<ast::ImaginaryLiteral>(value));
  } else if (v->kind == K::Set || v->kind == K::SetComp || v->kind == K::GeneratorExp ||
             v->kind == K::Lambda) {
    subscriptable = false;
  }
  if (!subscriptable) {
    warn(std::string("'") + inferred_type(v) +
         "' object is not subscriptable; perhaps you missed a comma?");
    return;
  }
  // check_index: a sequence indexed by something known not to be an int or a slice.
  const char* index = inferred_type(e->slice);
  if (!index || std::string_view(index) == "int" || std::string_view(index) == "bool") return;
  bool sequence = false;
  if (v->kind == K::Constant) {
    const auto& value = static_cast<const ast::Constant*>(v)->value;
    sequence = std::holds_alternative<std::u32string>(value) ||
               std::holds_alternative<ast::BytesValue>(value);
  } else {
    sequence = v->kind == K::Tuple || v->kind == K::List || v->kind == K::ListComp ||
               v->kind == K::JoinedStr || v->kind == K::FormattedValue;
  }
  if (sequence)
    warn(std::string(inferred_type(v)) + " indices must be integers or slices, not " + index +
         "; perhaps you missed a comma?");
}

bool Compiler::call(const ast::Call* e) {
  if (!validate_keywords(e->keywords)) return false;
  bool done = false;
  if (!maybe_method_call(e, done)) return false;
  if (done) return true;
  set_loc(e);
  check_caller(e->func);
  set_loc(e->func);
  emit(Op::PUSH_NULL);
  set_loc(e);
  if (!expr(e->func)) return false;
  return call_helper(0, e->args, e->keywords);
}

bool Compiler::subkwargs(const ast::List<ast::Keyword>& kws, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    auto keys = std::make_shared<bytecode::ConstTuple>();
    for (size_t i = begin; i < end; ++i)
      if (!expr(kws[i]->value)) return false;
    for (size_t i = begin; i < end; ++i)
      keys->items.push_back(utf8_to_u32(kws[i]->arg));
    load_const(std::shared_ptr<const bytecode::ConstTuple>(keys));
    emit(Op::BUILD_CONST_KEY_MAP, static_cast<std::uint32_t>(n));
    return true;
  }
  if (big) emit_noline(Op::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    load_const(utf8_to_u32(kws[i]->arg));
    if (!expr(kws[i]->value)) return false;
    if (big) emit_noline(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, static_cast<std::uint32_t>(n));
  return true;
}

bool Compiler::call_helper(int n, const ast::List<ast::Expr>& args,
                           const ast::List<ast::Keyword>& kws) {
  if (!validate_keywords(kws)) return false;
  size_t nelts = args.size(), nkwelts = kws.size();
  bool ex_call = nelts + nkwelts * 2 > kStackUseGuideline;
  for (auto* a : args)
    ex_call = ex_call || is_starred(a);
  for (auto* k : kws)
    ex_call = ex_call || k->arg.empty();
  if (!ex_call) {
    if (!exprs(args)) return false;
    if (nkwelts) {
      for (auto* k : kws)
        if (!expr(k->value)) return false;
      call_simple_kw_helper(kws);
    }
    emit(Op::CALL, static_cast<std::uint32_t>(n + nelts + nkwelts));
    return true;
  }
  if (n == 0 && nelts == 1 && is_starred(args[0])) {
    if (!expr(static_cast<const ast::Starred*>(args[0])->value)) return false;
  } else if (!starunpack_helper(args, n, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true)) {
    return false;
  }
  if (nkwelts) {
    bool have_dict = false;
    size_t nseen = 0;
    for (size_t i = 0; i < nkwelts; ++i) {
      if (kws[i]->arg.empty()) {
        if (nseen) {
          if (!subkwargs(kws, i - nseen, i)) return false;
          if (have_dict) emit(Op::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Op::BUILD_MAP, 0);
          have_dict = true;
        }
        if (!expr(kws[i]->value)) return false;
        emit(Op::DICT_MERGE, 1);
      } else {
        ++nseen;
      }
    }
    if (nseen) {
      if (!subkwargs(kws, nkwelts - nseen, nkwelts)) return false;
      if (have_dict) emit(Op::DICT_MERGE, 1);
    }
  }
  emit(Op::CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
  return true;
}

// ---- displays and unpacking --------------------------------------------------------------

bool Compiler::starunpack_helper(const ast::List<ast::Expr>& elts, int pushed, Op build, Op add,
                                 Op extend, bool tuple) {
  size_t n = elts.size();
  if (n > 2) {
    std::vector<Constant> items;
    for (auto* elt : elts) {
      if (elt->kind != ast::ExprKind::Constant && elt->kind != ast::ExprKind::Tuple &&
          elt->kind != ast::ExprKind::UnaryOp && elt->kind != ast::ExprKind::Name)
        break;
      auto v = constant_of(elt);
      if (!v) break;
      items.push_back(std::move(*v));
    }
    if (items.size() == n) {
      if (tuple && !pushed) {
        load_const(std::make_shared<const bytecode::ConstTuple>(bytecode::ConstTuple{items}));
      } else {
        emit(build, pushed);
        if (add == Op::SET_ADD)
          load_const(
              std::make_shared<const bytecode::ConstFrozenSet>(bytecode::ConstFrozenSet{items}));
        else
          load_const(std::make_shared<const bytecode::ConstTuple>(bytecode::ConstTuple{items}));
        emit(extend, 1);
        if (tuple) emit(Op::LIST_TO_TUPLE);
      }
      return true;
    }
  }
  bool big = n + pushed > kStackUseGuideline;
  bool seen_star = false;
  for (auto* elt : elts)
    seen_star = seen_star || is_starred(elt);
  if (!seen_star && !big) {
    if (!exprs(elts)) return false;
    emit(tuple ? Op::BUILD_TUPLE : build, static_cast<std::uint32_t>(n + pushed));
    return true;
  }
  bool sequence_built = false;
  if (big) {
    emit(build, pushed);
    sequence_built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    const ast::Expr* elt = elts[i];
    if (is_starred(elt)) {
      if (!sequence_built) {
        emit(build, static_cast<std::uint32_t>(i + pushed));
        sequence_built = true;
      }
      if (!expr(static_cast<const ast::Starred*>(elt)->value)) return false;
      emit(extend, 1);
    } else {
      if (!expr(elt)) return false;
      if (sequence_built) emit(add, 1);
    }
  }
  if (tuple) emit(Op::LIST_TO_TUPLE);
  return true;
}

bool Compiler::unpack_helper(const ast::List<ast::Expr>& elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    const ast::Expr* elt = elts[i];
    if (is_starred(elt) && !seen_star) {
      if (i >= (1u << 8) || n - i - 1 >= (1u << 16))
        return fail("too many expressions in star-unpacking assignment");
      emit(Op::UNPACK_EX, static_cast<std::uint32_t>(i + ((n - i - 1) << 8)));
      seen_star = true;
    } else if (is_starred(elt)) {
      return fail("multiple starred expressions in assignment");
    }
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(n));
  return true;
}

bool Compiler::assignment_helper(const ast::List<ast::Expr>& elts) {
  if (!unpack_helper(elts)) return false;
  for (auto* elt : elts)
    if (!expr(is_starred(elt) ? static_cast<const ast::Starred*>(elt)->value : elt)) return false;
  return true;
}

bool Compiler::list_expr(const ast::ListExpr* e) {
  if (e->ctx == ast::ExprContext::Store) return assignment_helper(e->elts);
  if (e->ctx == ast::ExprContext::Load)
    return starunpack_helper(e->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, false);
  return exprs(e->elts);
}

bool Compiler::tuple_expr(const ast::TupleExpr* e) {
  if (e->ctx == ast::ExprContext::Store) return assignment_helper(e->elts);
  if (e->ctx == ast::ExprContext::Load)
    return starunpack_helper(e->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
  return exprs(e->elts);
}

bool Compiler::set_expr(const ast::Set* e) {
  return starunpack_helper(e->elts, 0, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false);
}

bool Compiler::subdict(const ast::Dict* e, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    auto keys = std::make_shared<bytecode::ConstTuple>();
    for (size_t i = begin; i < end; ++i) {
      const ast::Expr* k = e->keys[i];
      std::optional<Constant> v;
      if (k && (k->kind == ast::ExprKind::Constant || k->kind == ast::ExprKind::Tuple ||
                k->kind == ast::ExprKind::UnaryOp || k->kind == ast::ExprKind::Name))
        v = constant_of(k);
      if (!v) {
        keys.reset();
        break;
      }
      keys->items.push_back(std::move(*v));
    }
    if (keys) {
      for (size_t i = begin; i < end; ++i)
        if (!expr(e->values[i])) return false;
      load_const(std::shared_ptr<const bytecode::ConstTuple>(keys));
      emit(Op::BUILD_CONST_KEY_MAP, static_cast<std::uint32_t>(n));
      return true;
    }
  }
  if (big) emit(Op::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    if (!expr(e->keys[i]) || !expr(e->values[i])) return false;
    if (big) emit(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, static_cast<std::uint32_t>(n));
  return true;
}

bool Compiler::dict_expr(const ast::Dict* e) {
  size_t n = e->values.size(), elements = 0;
  bool have_dict = false;
  for (size_t i = 0; i < n; ++i) {
    if (!e->keys[i]) {
      if (elements) {
        if (!subdict(e, i - elements, i)) return false;
        if (have_dict) emit(Op::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Op::BUILD_MAP, 0);
        have_dict = true;
      }
      if (!expr(e->values[i])) return false;
      emit(Op::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      if (!subdict(e, i - elements, i + 1)) return false;
      if (have_dict) emit(Op::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements) {
    if (!subdict(e, n - elements, n)) return false;
    if (have_dict) emit(Op::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Op::BUILD_MAP, 0);
  return true;
}

// ---- attributes, subscripts, slices ------------------------------------------------------

bool Compiler::attribute(const ast::Attribute* e) {
  if (!expr(e->value)) return false;
  update_start_location_to_match_attr(e);
  switch (e->ctx) {
  case ast::ExprContext::Load: {
    int old = u->loc.line;
    u->loc.line = e->pos.end_lineno;
    emit(Op::LOAD_ATTR, add_name(mangled(e->attr)));
    u->loc.line = old;
    return true;
  }
  case ast::ExprContext::Store: {
    if (!forbidden_name(e->attr, e->ctx, e->pos)) return false;
    int old = u->loc.line;
    u->loc.line = e->pos.end_lineno;
    emit(Op::STORE_ATTR, add_name(mangled(e->attr)));
    u->loc.line = old;
    return true;
  }
  case ast::ExprContext::Del:
    emit(Op::DELETE_ATTR, add_name(mangled(e->attr)));
    return true;
  }
  return true;
}

bool Compiler::subscript(const ast::Subscript* e) {
  if (e->ctx == ast::ExprContext::Load) {
    set_loc(e);
    check_subscript(e);
  }
  if (!expr(e->value) || !expr(e->slice)) return false;
  switch (e->ctx) {
  case ast::ExprContext::Load:
    emit(Op::BINARY_SUBSCR);
    break;
  case ast::ExprContext::Store:
    emit(Op::STORE_SUBSCR);
    break;
  case ast::ExprContext::Del:
    emit(Op::DELETE_SUBSCR);
    break;
  }
  return true;
}

bool Compiler::slice(const ast::Slice* s) {
  std::uint32_t n = 2;
  if (s->lower) {
    if (!expr(s->lower)) return false;
  } else {
    load_const(ast::NoneValue{});
  }
  if (s->upper) {
    if (!expr(s->upper)) return false;
  } else {
    load_const(ast::NoneValue{});
  }
  if (s->step) {
    ++n;
    if (!expr(s->step)) return false;
  }
  emit(Op::BUILD_SLICE, n);
  return true;
}

// ---- f-strings ---------------------------------------------------------------------------

bool Compiler::joined_str(const ast::JoinedStr* e) {
  size_t n = e->values.size();
  if (n > kStackUseGuideline) {
    load_const(std::u32string());
    emit(Op::LOAD_METHOD, add_name("join"));
    emit(Op::BUILD_LIST, 0);
    for (auto* v : e->values) {
      if (!expr(v)) return false;
      emit(Op::LIST_APPEND, 1);
    }
    emit(Op::CALL, 1);
    return true;
  }
  if (!exprs(e->values)) return false;
  if (n != 1) emit(Op::BUILD_STRING, static_cast<std::uint32_t>(n));
  return true;
}

bool Compiler::formatted_value(const ast::FormattedValue* e) {
  if (!expr(e->value)) return false;
  std::uint32_t arg = 0;
  switch (e->conversion) {
  case 's':
    arg = 1;
    break;
  case 'r':
    arg = 2;
    break;
  case 'a':
    arg = 3;
    break;
  default:
    arg = 0;
    break;
  }
  if (e->format_spec) {
    if (!expr(e->format_spec)) return false;
    arg |= 4;
  }
  emit(Op::FORMAT_VALUE, arg);
  return true;
}

// ---- comprehensions ----------------------------------------------------------------------

bool Compiler::comprehension(const ast::Expr* e, UnitKind kind, const char* name,
                             const ast::List<ast::Comprehension>& gens, const ast::Expr* elt,
                             const ast::Expr* val) {
  (void)kind;
  UnitKind outer = u->kind;
  Unit* outer_unit = u;
  const ast::Comprehension* outermost = gens[0];
  enter_scope(name, UnitKind::Comprehension, e, e->pos.lineno);
  set_loc(e);
  bool is_async_generator = u->ste->coroutine;
  bool genexp = e->kind == ast::ExprKind::GeneratorExp;
  bool ok = true;
  if (is_async_generator && !genexp && !may_await(outer_unit) && outer != UnitKind::Comprehension)
    ok = fail("asynchronous comprehension outside of an asynchronous function");
  if (ok && !genexp) {
    Op op = e->kind == ast::ExprKind::ListComp  ? Op::BUILD_LIST
            : e->kind == ast::ExprKind::SetComp ? Op::BUILD_SET
                                                : Op::BUILD_MAP;
    emit(op, 0);
  }
  ok = ok && comprehension_generator(gens, 0, 0, elt, val, e->kind);
  if (ok && !genexp) emit(Op::RETURN_VALUE);
  auto code = exit_scope(true);
  if (!ok || !code) return false;
  if (!make_closure(code, 0)) return false;
  if (!iter_expr(outermost->iter)) return false;
  emit(outermost->is_async ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::CALL, 0);
  if (is_async_generator && !genexp) {
    emit(Op::GET_AWAITABLE, 0);
    load_const(ast::NoneValue{});
    if (!add_yield_from(true)) return false;
  }
  return true;
}

bool Compiler::comprehension_generator(const ast::List<ast::Comprehension>& gens, size_t i,
                                       int depth, const ast::Expr* elt, const ast::Expr* val,
                                       ast::ExprKind kind) {
  return gens[i]->is_async ? async_comprehension_generator(gens, i, depth, elt, val, kind)
                           : sync_comprehension_generator(gens, i, depth, elt, val, kind);
}

namespace {
// The innermost action of a comprehension: yield, or add to the collection being built.
bool comprehension_element(Compiler& c, int depth, const ast::Expr* elt, const ast::Expr* val,
                           ast::ExprKind kind) {
  switch (kind) {
  case ast::ExprKind::GeneratorExp:
    if (!c.expr(elt)) return false;
    if (c.u->ste->coroutine && c.u->ste->generator) c.emit(Op::ASYNC_GEN_WRAP);
    c.emit(Op::YIELD_VALUE);
    c.emit(Op::POP_TOP);
    return true;
  case ast::ExprKind::ListComp:
    if (!c.expr(elt)) return false;
    c.emit(Op::LIST_APPEND, depth + 1);
    return true;
  case ast::ExprKind::SetComp:
    if (!c.expr(elt)) return false;
    c.emit(Op::SET_ADD, depth + 1);
    return true;
  default:
    if (!c.expr(elt) || !c.expr(val)) return false;
    c.emit(Op::MAP_ADD, depth + 1);
    return true;
  }
}
} // namespace

bool Compiler::sync_comprehension_generator(const ast::List<ast::Comprehension>& gens, size_t i,
                                            int depth, const ast::Expr* elt, const ast::Expr* val,
                                            ast::ExprKind kind) {
  int start = new_block(), if_cleanup = new_block(), anchor = new_block();
  bool has_loop = true;
  const ast::Comprehension* gen = gens[i];
  if (i == 0) {
    u->argcount = 1;
    emit(Op::LOAD_FAST, 0);
  } else {
    // `for y in [f(x)]`: the temporary-variable idiom binds without a loop.
    const ast::List<ast::Expr>* elts = nullptr;
    if (gen->iter->kind == ast::ExprKind::List)
      elts = &static_cast<const ast::ListExpr*>(gen->iter)->elts;
    else if (gen->iter->kind == ast::ExprKind::Tuple)
      elts = &static_cast<const ast::TupleExpr*>(gen->iter)->elts;
    if (elts && elts->size() == 1 && !is_starred((*elts)[0]) && !constant_of((*elts)[0])) {
      if (!expr((*elts)[0])) return false;
      has_loop = false;
    }
    if (has_loop) {
      if (!iter_expr(gen->iter)) return false;
      emit(Op::GET_ITER);
    }
  }
  if (has_loop) {
    ++depth;
    use_block(start);
    emit_jump(Op::FOR_ITER, anchor);
  }
  if (!expr(gen->target)) return false;
  for (auto* cond : gen->ifs)
    if (!jump_if(cond, if_cleanup, false)) return false;
  if (i + 1 < gens.size()) {
    if (!comprehension_generator(gens, i + 1, depth, elt, val, kind)) return false;
  } else if (!comprehension_element(*this, depth, elt, val, kind)) {
    return false;
  }
  use_block(if_cleanup);
  if (has_loop) {
    emit_jump(Op::JUMP, start);
    use_block(anchor);
  }
  return true;
}

bool Compiler::async_comprehension_generator(const ast::List<ast::Comprehension>& gens, size_t i,
                                             int depth, const ast::Expr* elt, const ast::Expr* val,
                                             ast::ExprKind kind) {
  int start = new_block(), except = new_block(), if_cleanup = new_block();
  const ast::Comprehension* gen = gens[i];
  if (i == 0) {
    u->argcount = 1;
    emit(Op::LOAD_FAST, 0);
  } else {
    if (!iter_expr(gen->iter)) return false;
    emit(Op::GET_AITER);
  }
  use_block(start);
  if (!push_fblock(FBlock{FBlockKind::AsyncComprehensionGenerator, start})) return false;
  emit_jump(kSetupFinally, except);
  emit(Op::GET_ANEXT);
  load_const(ast::NoneValue{});
  if (!add_yield_from(true)) return false;
  emit(kPopBlock);
  if (!expr(gen->target)) return false;
  for (auto* cond : gen->ifs)
    if (!jump_if(cond, if_cleanup, false)) return false;
  ++depth;
  if (i + 1 < gens.size()) {
    if (!comprehension_generator(gens, i + 1, depth, elt, val, kind)) return false;
  } else if (!comprehension_element(*this, depth, elt, val, kind)) {
    return false;
  }
  use_block(if_cleanup);
  emit_jump(Op::JUMP, start);
  pop_fblock();
  use_block(except);
  emit(Op::END_ASYNC_FOR);
  return true;
}

} // namespace interp::compile
