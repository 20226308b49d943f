// interp/compile/compiler.cc - the compiler's frame: the entry point, the stack of units
// (one per code object being compiled), blocks and instruction emission, constants and
// names, the unwinding of return/break/continue through enclosing statements, closures,
// and the three kinds of definition (function, class, lambda).

#include "interp/compile/compiler.h"

#include "interp/compile/compiler_internal.h"

#include <algorithm>
#include <cstring>

namespace interp::compile {

// ---- constants -------------------------------------------------------------------------

// The decimal digits of an integer literal ("0x1f" -> "31"), so that equal values share a
// constant as in CPython.
std::string int_literal_decimal(const std::string& text) {
  bool negative = !text.empty() && text[0] == '-';
  std::string t = negative ? text.substr(1) : text;
  unsigned base = 10;
  if (t.size() > 1 && t[0] == '0' && std::strchr("xXoObB", t[1])) {
    base = (t[1] == 'x' || t[1] == 'X') ? 16 : (t[1] == 'o' || t[1] == 'O') ? 8 : 2;
    t = t.substr(2);
  }
  // little-endian limbs of 10^9
  std::vector<std::uint32_t> limbs{0};
  for (char ch : t) {
    unsigned d = (ch >= '0' && ch <= '9')   ? unsigned(ch - '0')
                 : (ch >= 'a' && ch <= 'f') ? unsigned(ch - 'a' + 10)
                 : (ch >= 'A' && ch <= 'F') ? unsigned(ch - 'A' + 10)
                                            : 0;
    std::uint64_t carry = d;
    for (auto& limb : limbs) {
      std::uint64_t v = std::uint64_t(limb) * base + carry;
      limb = std::uint32_t(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      limbs.push_back(std::uint32_t(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  if (negative && out != "0") out = "-" + out;
  return out;
}

namespace {

template <class T> std::string bits_of(T v) {
  std::string s(sizeof(T), '\0');
  std::memcpy(s.data(), &v, sizeof(T));
  return s;
}

} // namespace

std::string constant_key(const Constant& c) {
  struct Visitor {
    std::string operator()(const ast::NoneValue&) const { return "N"; }
    std::string operator()(const ast::EllipsisValue&) const { return "E"; }
    std::string operator()(bool b) const { return b ? "B1" : "B0"; }
    std::string operator()(const ast::IntLiteral& i) const {
      return "I" + int_literal_decimal(i.text);
    }
    std::string operator()(double d) const { return "F" + bits_of(d); }
    std::string operator()(const bytecode::ComplexValue& z) const {
      return "C" + bits_of(z.real) + bits_of(z.imag);
    }
    std::string operator()(const std::u32string& s) const {
      std::string out = "S";
      out.append(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(char32_t));
      return out;
    }
    std::string operator()(const ast::BytesValue& b) const { return "Y" + b.bytes; }
    std::string items(char tag, const std::vector<Constant>& items) const {
      std::string out(1, tag);
      for (auto& item : items) {
        std::string k = constant_key(item);
        out += std::to_string(k.size()) + ":" + k;
      }
      return out;
    }
    std::string operator()(const std::shared_ptr<const bytecode::ConstTuple>& t) const {
      return items('T', t->items);
    }
    std::string operator()(const std::shared_ptr<const bytecode::ConstFrozenSet>& t) const {
      return items('Z', t->items);
    }
    std::string operator()(const std::shared_ptr<const bytecode::CodeUnit>& code) const {
      return "K" + bits_of(code.get());
    }
  };
  return std::visit(Visitor{}, c);
}

bool constant_truth(const Constant& c) {
  struct Visitor {
    bool operator()(const ast::NoneValue&) const { return false; }
    bool operator()(const ast::EllipsisValue&) const { return true; }
    bool operator()(bool b) const { return b; }
    bool operator()(const ast::IntLiteral& i) const { return int_literal_decimal(i.text) != "0"; }
    bool operator()(double d) const { return d != 0.0; }
    bool operator()(const bytecode::ComplexValue& z) const {
      return z.real != 0.0 || z.imag != 0.0;
    }
    bool operator()(const std::u32string& s) const { return !s.empty(); }
    bool operator()(const ast::BytesValue& b) const { return !b.bytes.empty(); }
    bool operator()(const std::shared_ptr<const bytecode::ConstTuple>& t) const {
      return !t->items.empty();
    }
    bool operator()(const std::shared_ptr<const bytecode::ConstFrozenSet>& t) const {
      return !t->items.empty();
    }
    bool operator()(const std::shared_ptr<const bytecode::CodeUnit>&) const { return true; }
  };
  return std::visit(Visitor{}, c);
}

Constant from_ast_constant(const ast::ConstantValue& v) {
  struct Visitor {
    Constant operator()(const ast::NoneValue& x) const { return x; }
    Constant operator()(const ast::EllipsisValue& x) const { return x; }
    Constant operator()(bool x) const { return x; }
    Constant operator()(const ast::IntLiteral& x) const { return x; }
    Constant operator()(double x) const { return x; }
    Constant operator()(const ast::ImaginaryLiteral& x) const {
      return bytecode::ComplexValue{0.0, x.imag};
    }
    Constant operator()(const std::u32string& x) const { return x; }
    Constant operator()(const ast::BytesValue& x) const { return x; }
    Constant operator()(const std::shared_ptr<const ast::ConstantCollection>& x) const {
      std::vector<Constant> items;
      for (const ast::ConstantValue& item : x->items)
        items.push_back(from_ast_constant(item));
      if (x->frozenset)
        return std::make_shared<const bytecode::ConstFrozenSet>(
            bytecode::ConstFrozenSet{std::move(items)});
      return std::make_shared<const bytecode::ConstTuple>(bytecode::ConstTuple{std::move(items)});
    }
  };
  return std::visit(Visitor{}, v);
}

std::optional<Constant> Compiler::constant_of(const ast::Expr* e) const {
  switch (e->kind) {
  case ast::ExprKind::Constant:
    return from_ast_constant(static_cast<const ast::Constant*>(e)->value);
  case ast::ExprKind::Name: {
    auto* n = static_cast<const ast::Name*>(e);
    if (n->ctx == ast::ExprContext::Load && n->id == "__debug__") return Constant(optimize_ == 0);
    return std::nullopt;
  }
  case ast::ExprKind::UnaryOp: {
    // 3.11 folds unary operators on constants; we fold only the minus of a number.
    auto* un = static_cast<const ast::UnaryOp*>(e);
    if (un->op != ast::UnaryOpKind::USub) return std::nullopt;
    auto v = constant_of(un->operand);
    if (!v) return std::nullopt;
    if (auto* i = std::get_if<ast::IntLiteral>(&*v)) {
      std::string t = i->text;
      if (!t.empty() && t[0] == '-')
        t = t.substr(1);
      else if (int_literal_decimal(t) != "0")
        t = "-" + t;
      else
        t = "0";
      return Constant(ast::IntLiteral{t});
    }
    if (auto* d = std::get_if<double>(&*v)) return Constant(-*d);
    if (auto* z = std::get_if<bytecode::ComplexValue>(&*v))
      return Constant(bytecode::ComplexValue{-z->real, -z->imag});
    if (auto* b = std::get_if<bool>(&*v)) return Constant(ast::IntLiteral{*b ? "-1" : "0"});
    return std::nullopt;
  }
  case ast::ExprKind::BinOp: {
    // A complex literal (`1+2j`, `-1.5-2j`), which 3.11 folds like every constant
    // arithmetic; other arithmetic is left to run time.
    auto* b = static_cast<const ast::BinOp*>(e);
    if (b->op != ast::Operator::Add && b->op != ast::Operator::Sub) return std::nullopt;
    if (b->right->kind != ast::ExprKind::Constant) return std::nullopt;
    auto right = constant_of(b->right);
    auto* imag = right ? std::get_if<bytecode::ComplexValue>(&*right) : nullptr;
    if (!imag) return std::nullopt;
    auto left = constant_of(b->left);
    if (!left) return std::nullopt;
    double real;
    if (auto* d = std::get_if<double>(&*left)) {
      real = *d;
    } else if (auto* i = std::get_if<ast::IntLiteral>(&*left)) {
      std::string dec = int_literal_decimal(i->text);
      if (dec.size() > 15) return std::nullopt;
      real = std::stod(dec);
    } else {
      return std::nullopt;
    }
    // As complex arithmetic does it, with the left side's imaginary part 0.0: the signs
    // of zeros come out as at run time (`1-0j` is (1+0j), `-0.0+1j` is (0+1j)).
    if (b->op == ast::Operator::Add)
      return Constant(bytecode::ComplexValue{real + imag->real, 0.0 + imag->imag});
    return Constant(bytecode::ComplexValue{real - imag->real, 0.0 - imag->imag});
  }
  case ast::ExprKind::Tuple: {
    auto* t = static_cast<const ast::TupleExpr*>(e);
    if (t->ctx != ast::ExprContext::Load) return std::nullopt;
    auto tuple = std::make_shared<bytecode::ConstTuple>();
    for (auto* elt : t->elts) {
      auto v = constant_of(elt);
      if (!v) return std::nullopt;
      tuple->items.push_back(std::move(*v));
    }
    return Constant(std::shared_ptr<const bytecode::ConstTuple>(std::move(tuple)));
  }
  default:
    return std::nullopt;
  }
}

// ---- errors ------------------------------------------------------------------------------

bool Compiler::fail(const std::string& message) {
  if (!error_) {
    ast::Pos pos{u->loc.line, u->loc.col, u->loc.end_line, u->loc.end_col};
    return fail_at(message, pos);
  }
  return false;
}

void Compiler::warn(const std::string& message) {
  if (!warnings_) return;
  parse::SourceWarning w;
  w.category = parse::SourceWarning::Category::Syntax;
  w.error = syntax_error_at(message, filename_,
                            ast::Pos{u->loc.line, u->loc.col, u->loc.end_line, u->loc.end_col});
  w.error.origin = SyntaxErrorInfo::Origin::Compiler;
  warnings_->push_back(std::move(w));
}

bool Compiler::fail_at(const std::string& message, const ast::Pos& pos) {
  if (!error_) {
    error_ = syntax_error_at(message, filename_, pos);
    error_->origin = SyntaxErrorInfo::Origin::Compiler;
  }
  return false;
}

// ---- units -------------------------------------------------------------------------------

namespace {
std::vector<std::string> names_by_scope(const Scope* ste, NameScope scope, std::uint32_t flag) {
  std::vector<std::string> out;
  for (auto& [name, sc] : ste->scopes)
    if (sc == scope || (flag && (ste->flags_of(name) & flag))) out.push_back(name);
  for (auto& [name, f] : ste->flags)
    if (flag && (f & flag) && !ste->scopes.count(name)) out.push_back(name);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}
} // namespace

void Compiler::enter_scope(const std::string& name, UnitKind kind, const void* node, int lineno) {
  auto unit = std::make_unique<Unit>();
  Unit* nu = unit.get();
  nu->kind = kind;
  nu->name = name;
  nu->ste = kind == UnitKind::Module ? table_.top() : table_.lookup(node);
  for (auto& p : nu->ste->params)
    varname_in(*nu, p);
  nu->cellvars = names_by_scope(nu->ste, NameScope::Cell, 0);
  if (nu->ste->needs_class_closure) nu->cellvars = {"__class__"};
  for (size_t i = 0; i < nu->cellvars.size(); ++i)
    nu->cell_index[nu->cellvars[i]] = int(i);
  nu->freevars = names_by_scope(nu->ste, NameScope::Free, kDefFreeClass);
  for (size_t i = 0; i < nu->freevars.size(); ++i)
    nu->free_index[nu->freevars[i]] = int(nu->cellvars.size() + i);
  nu->firstlineno = lineno;
  nu->loc = Location{lineno, lineno, 0, 0};
  if (u) nu->private_name = u->private_name;
  nu->blocks.emplace_back();
  nu->entry = nu->cur = 0;

  Unit* parent = u;
  units_.push_back(std::move(unit));
  u = nu;
  ++nest_level_;
  if (kind == UnitKind::Module) {
    u->qualname = name;
    u->loc = Location{0, 0, -1, -1};
  } else {
    // 3.11's compiler_set_qualname; the module is not a parent.
    std::string base;
    bool force_global = false;
    if (parent && parent->kind != UnitKind::Module) {
      if (kind == UnitKind::Function || kind == UnitKind::AsyncFunction ||
          kind == UnitKind::Class) {
        auto scope = parent->ste->find_scope(mangle(parent->private_name, name));
        if (scope && *scope == NameScope::GlobalExplicit) force_global = true;
      }
      if (!force_global) {
        if (parent->kind == UnitKind::Function || parent->kind == UnitKind::AsyncFunction ||
            parent->kind == UnitKind::Lambda)
          base = parent->qualname + ".<locals>";
        else
          base = parent->qualname;
      }
    }
    u->qualname = base.empty() ? name : base + "." + name;
  }
  emit(kResume);
  if (kind == UnitKind::Module) u->loc = Location{-1, -1, -1, -1};
}

bool Compiler::may_await(Unit* unit) {
  if (unit->kind == UnitKind::AsyncFunction) return true;
  if (!top_level_await_ || unit->kind != UnitKind::Module) return false;
  unit->awaits = true;
  return true;
}

std::uint32_t code_flags_of(const Scope* ste, bool future_annotations) {
  std::uint32_t flags = 0;
  if (ste->kind == ScopeKind::Function) {
    flags |= bytecode::kNewLocals | bytecode::kOptimized;
    if (ste->nested) flags |= bytecode::kNested;
    if (ste->generator && !ste->coroutine) flags |= bytecode::kGenerator;
    if (!ste->generator && ste->coroutine) flags |= bytecode::kCoroutine;
    if (ste->generator && ste->coroutine) flags |= bytecode::kAsyncGenerator;
    if (ste->varargs) flags |= bytecode::kVarargs;
    if (ste->varkeywords) flags |= bytecode::kVarKeywords;
  }
  if (future_annotations) flags |= bytecode::kFutureAnnotations;
  return flags;
}

std::shared_ptr<const bytecode::CodeUnit> Compiler::exit_scope(bool add_none) {
  // Every block that falls off the end returns None.
  auto& last = u->blocks[u->cur].instrs;
  bool returns = last.empty() ? u->after_return : last.back().op == op_code(Op::RETURN_VALUE);
  if (!returns) {
    unset_loc();
    if (add_none) load_const(ast::NoneValue{});
    emit(Op::RETURN_VALUE);
  }
  std::shared_ptr<const bytecode::CodeUnit> code;
  std::uint32_t flags = code_flags_of(u->ste, table_.future().annotations);
  if (u->kind == UnitKind::Module && u->awaits) flags |= bytecode::kCoroutine;
  if (!failed()) code = assemble(*u, filename_, flags);
  units_.pop_back();
  u = units_.empty() ? nullptr : units_.back().get();
  --nest_level_;
  return code;
}

// ---- blocks and instructions -------------------------------------------------------------

int Compiler::new_block() {
  u->blocks.emplace_back();
  return static_cast<int>(u->blocks.size()) - 1;
}

void Compiler::use_block(int b) {
  u->blocks[u->cur].next = b;
  u->cur = b;
  u->after_return = false;
}

void Compiler::next_block() {
  use_block(new_block());
}

void Compiler::emit(std::uint16_t op, std::uint32_t arg) {
  Instr in;
  in.op = op;
  in.arg = arg;
  in.loc = u->loc;
  u->blocks[u->cur].instrs.push_back(in);
  if (op < 256 && ends_block(op)) {
    next_block();
    // 3.11 continues a return's block, so the implicit `return None` is only added
    // when the code does not end with a return.
    u->after_return = op == op_code(Op::RETURN_VALUE);
  }
}

void Compiler::emit_jump(std::uint16_t op, int target) {
  Instr in;
  in.op = op;
  in.target = target;
  in.loc = u->loc;
  u->blocks[u->cur].instrs.push_back(in);
  // A jump ends its block, so that the optimizer sees every jump last in its block.
  if (!is_block_push(op)) next_block();
}

void Compiler::emit_noline(Op op, std::uint32_t arg) {
  Location saved = u->loc;
  unset_loc();
  emit(op, arg);
  u->loc = saved;
}

void Compiler::emit_jump_noline(Op op, int target) {
  Location saved = u->loc;
  unset_loc();
  emit_jump(op, target);
  u->loc = saved;
}

void Compiler::set_loc(const ast::Node* n) {
  u->loc = Location{n->pos.lineno, n->pos.end_lineno, n->pos.col_offset, n->pos.end_col_offset};
}

int Compiler::add_const(Constant c) {
  std::string key = constant_key(c);
  auto it = u->const_index.find(key);
  if (it != u->const_index.end()) return it->second;
  int index = static_cast<int>(u->consts.size());
  u->consts.push_back(std::move(c));
  u->const_index.emplace(std::move(key), index);
  return index;
}

int Compiler::add_name(const std::string& name) {
  auto it = u->name_index.find(name);
  if (it != u->name_index.end()) return it->second;
  int index = static_cast<int>(u->names.size());
  u->names.push_back(name);
  u->name_index.emplace(name, index);
  return index;
}

int varname_in(Unit& unit, const std::string& name) {
  auto it = unit.varname_index.find(name);
  if (it != unit.varname_index.end()) return it->second;
  int index = static_cast<int>(unit.varnames.size());
  unit.varnames.push_back(name);
  unit.varname_index.emplace(name, index);
  return index;
}

int Compiler::varname(const std::string& name) {
  return varname_in(*u, name);
}

// ---- unwinding ---------------------------------------------------------------------------

bool Compiler::push_fblock(FBlock fb) {
  if (u->fblocks.size() >= 20) return fail("too many statically nested blocks");
  u->fblocks.push_back(fb);
  return true;
}

// Emits what leaving one enclosing statement early takes (3.11's compiler_unwind_fblock).
bool Compiler::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.kind) {
  case FBlockKind::WhileLoop:
  case FBlockKind::ExceptionHandler:
  case FBlockKind::ExceptionGroupHandler:
  case FBlockKind::AsyncComprehensionGenerator:
    return true;
  case FBlockKind::ForLoop:
    if (preserve_tos) emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    return true;
  case FBlockKind::TryExcept:
    emit(kPopBlock);
    return true;
  case FBlockKind::FinallyTry:
    emit(kPopBlock);
    if (preserve_tos && !push_fblock(FBlock{FBlockKind::PopValue})) return false;
    if (!stmts(*fb.finalbody)) return false;
    if (preserve_tos) pop_fblock();
    // The finally body appears to run after the unwinding statement.
    unset_loc();
    return true;
  case FBlockKind::FinallyEnd:
    if (preserve_tos) emit(Op::SWAP, 2);
    emit(Op::POP_TOP); // exc_value
    if (preserve_tos) emit(Op::SWAP, 2);
    emit(kPopBlock);
    emit(Op::POP_EXCEPT);
    return true;
  case FBlockKind::With:
  case FBlockKind::AsyncWith:
    set_loc(fb.stmt);
    emit(kPopBlock);
    if (preserve_tos) emit(Op::SWAP, 2);
    if (!call_exit_with_nones()) return false;
    if (fb.kind == FBlockKind::AsyncWith) {
      emit(Op::GET_AWAITABLE, 2);
      load_const(ast::NoneValue{});
      if (!add_yield_from(true)) return false;
    }
    emit(Op::POP_TOP);
    unset_loc();
    return true;
  case FBlockKind::HandlerCleanup:
    if (fb.name) emit(kPopBlock);
    if (preserve_tos) emit(Op::SWAP, 2);
    emit(kPopBlock);
    emit(Op::POP_EXCEPT);
    if (fb.name) {
      load_const(ast::NoneValue{});
      if (!nameop(*fb.name, ast::ExprContext::Store)) return false;
      if (!nameop(*fb.name, ast::ExprContext::Del)) return false;
    }
    return true;
  case FBlockKind::PopValue:
    if (preserve_tos) emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    return true;
  }
  return true;
}

// Unwinds the whole stack, or up to the innermost loop (which is returned in *loop).
bool Compiler::unwind_fblock_stack(bool preserve_tos, const FBlock** loop) {
  if (u->fblocks.empty()) return true;
  FBlock top = u->fblocks.back();
  if (top.kind == FBlockKind::ExceptionGroupHandler)
    return fail("'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
    *loop = &u->fblocks.back();
    return true;
  }
  u->fblocks.pop_back();
  bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop);
  u->fblocks.push_back(top);
  if (loop && *loop) {
    // the pointer may have moved with the vector: find the loop again
    for (size_t i = u->fblocks.size(); i-- > 0;)
      if (u->fblocks[i].kind == FBlockKind::WhileLoop ||
          u->fblocks[i].kind == FBlockKind::ForLoop) {
        *loop = &u->fblocks[i];
        break;
      }
  }
  return ok;
}

// ---- names -------------------------------------------------------------------------------

int Compiler::lookup_cell(const std::string& name, bool free) {
  // A class body can hold both a free __class__ (an enclosing method's) and its own
  // __class__ cell for its methods: its own loads read the free one.
  const auto& first = free ? u->free_index : u->cell_index;
  const auto& second = free ? u->cell_index : u->free_index;
  auto it = first.find(name);
  if (it != first.end()) return it->second;
  auto jt = second.find(name);
  if (jt != second.end()) return jt->second;
  return -1;
}

bool Compiler::nameop(const std::string& name, ast::ExprContext ctx) {
  if (!forbidden_name(name, ctx,
                      ast::Pos{u->loc.line, u->loc.col, u->loc.end_line, u->loc.end_col}))
    return false;
  std::string m = mangled(name);
  auto scope = u->ste->find_scope(m);
  enum { Name, Fast, Deref, Global } optype = Name;
  bool function = u->ste->kind == ScopeKind::Function;
  if (scope) {
    switch (*scope) {
    case NameScope::Free:
    case NameScope::Cell:
      optype = Deref;
      break;
    case NameScope::Local:
      if (function) optype = Fast;
      break;
    case NameScope::GlobalImplicit:
      if (function) optype = Global;
      break;
    case NameScope::GlobalExplicit:
      optype = Global;
      break;
    }
  }
  using C = ast::ExprContext;
  switch (optype) {
  case Deref: {
    int index = lookup_cell(m, *scope == NameScope::Free);
    if (index < 0) return fail("internal error: no cell for '" + m + "'");
    Op op = ctx == C::Load
                ? (u->ste->kind == ScopeKind::Class ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF)
            : ctx == C::Store ? Op::STORE_DEREF
                              : Op::DELETE_DEREF;
    emit(op, index);
    return true;
  }
  case Fast:
    emit(ctx == C::Load    ? Op::LOAD_FAST
         : ctx == C::Store ? Op::STORE_FAST
                           : Op::DELETE_FAST,
         varname(m));
    return true;
  case Global: {
    int index = add_name(m);
    if (ctx == C::Load)
      emit(Op::LOAD_GLOBAL, index << 1);
    else
      emit(ctx == C::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, index);
    return true;
  }
  case Name:
    emit(ctx == C::Load    ? Op::LOAD_NAME
         : ctx == C::Store ? Op::STORE_NAME
                           : Op::DELETE_NAME,
         add_name(m));
    return true;
  }
  return true;
}

// Reported at the current location (the statement or expression being compiled), as 3.11.
bool Compiler::forbidden_name(const std::string& name, ast::ExprContext ctx, const ast::Pos& pos) {
  (void)pos;
  if (ctx == ast::ExprContext::Store && name == "__debug__")
    return fail("cannot assign to __debug__");
  if (ctx == ast::ExprContext::Del && name == "__debug__") return fail("cannot delete __debug__");
  return true;
}

bool Compiler::make_closure(std::shared_ptr<const bytecode::CodeUnit> code, std::uint32_t flags) {
  if (!code->freevars.empty()) {
    for (auto& name : code->freevars) {
      int arg;
      // A class's own __class__ cell, or a name that is free and local in a class.
      bool cell = (u->kind == UnitKind::Class && name == "__class__") ||
                  (u->ste->find_scope(name) == NameScope::Cell);
      if (cell) {
        auto it = u->cell_index.find(name);
        arg = it == u->cell_index.end() ? -1 : it->second;
      } else {
        auto it = u->free_index.find(name);
        arg = it == u->free_index.end() ? -1 : it->second;
      }
      if (arg < 0) return fail("internal error: no closure cell for '" + name + "'");
      emit(Op::LOAD_CLOSURE, arg);
    }
    flags |= 0x08;
    emit(Op::BUILD_TUPLE, static_cast<std::uint32_t>(code->freevars.size()));
  }
  load_const(std::shared_ptr<const bytecode::CodeUnit>(code));
  emit(Op::MAKE_FUNCTION, flags);
  return true;
}

// ---- definitions -------------------------------------------------------------------------

bool Compiler::decorators(const ast::List<ast::Expr>& list) {
  for (auto* d : list)
    if (!expr(d)) return false;
  return true;
}

// Each decorator call takes the decorator's position, innermost first.
void Compiler::apply_decorators(const ast::List<ast::Expr>& list) {
  Location saved = u->loc;
  for (size_t i = list.size(); i-- > 0;) {
    set_loc(list[i]);
    emit(Op::CALL, 0);
  }
  u->loc = saved;
}

bool Compiler::default_arguments(const ast::Arguments* args, std::uint32_t& flags) {
  if (!args->defaults.empty()) {
    if (!exprs(args->defaults)) return false;
    emit(Op::BUILD_TUPLE, static_cast<std::uint32_t>(args->defaults.size()));
    flags |= 0x01;
  }
  auto keys = std::make_shared<bytecode::ConstTuple>();
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    const ast::Expr* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
    if (!d) continue;
    keys->items.push_back(utf8_to_u32(mangled(args->kwonlyargs[i]->arg)));
    if (!expr(d)) return false;
  }
  if (!keys->items.empty()) {
    std::uint32_t n = static_cast<std::uint32_t>(keys->items.size());
    load_const(std::shared_ptr<const bytecode::ConstTuple>(keys));
    emit(Op::BUILD_CONST_KEY_MAP, n);
    flags |= 0x02;
  }
  return true;
}

bool Compiler::annotations(const ast::Arguments* args, const ast::Expr* returns,
                           std::uint32_t& flags) {
  std::uint32_t len = 0;
  auto one = [&](const std::string& id, const ast::Expr* ann) {
    if (!ann) return true;
    load_const(utf8_to_u32(mangled(id)));
    if (table_.future().annotations) {
      if (!annotation_value(ann)) return false;
    } else if (ann->kind == ast::ExprKind::Starred) {
      if (!expr(static_cast<const ast::Starred*>(ann)->value)) return false;
      emit(Op::UNPACK_SEQUENCE, 1);
    } else if (!expr(ann)) {
      return false;
    }
    len += 2;
    return true;
  };
  // 3.11's order: args, then positional-only args
  for (auto* a : args->args)
    if (!one(a->arg, a->annotation)) return false;
  for (auto* a : args->posonlyargs)
    if (!one(a->arg, a->annotation)) return false;
  if (args->vararg && !one(args->vararg->arg, args->vararg->annotation)) return false;
  for (auto* a : args->kwonlyargs)
    if (!one(a->arg, a->annotation)) return false;
  if (args->kwarg && !one(args->kwarg->arg, args->kwarg->annotation)) return false;
  if (!one("return", returns)) return false;
  if (len) {
    emit(Op::BUILD_TUPLE, len);
    flags |= 0x04;
  }
  return true;
}

namespace {
bool check_debug_args(Compiler& c, const ast::Arguments* args) {
  auto check = [&](const ast::Arg* a) {
    return !a || c.forbidden_name(a->arg, ast::ExprContext::Store, a->pos);
  };
  for (auto* a : args->posonlyargs)
    if (!check(a)) return false;
  for (auto* a : args->args)
    if (!check(a)) return false;
  if (!check(args->vararg)) return false;
  for (auto* a : args->kwonlyargs)
    if (!check(a)) return false;
  return check(args->kwarg);
}

} // namespace

bool Compiler::function_def(const ast::FunctionDef* f) {
  bool is_async = f->kind == ast::StmtKind::AsyncFunctionDef;
  if (!check_debug_args(*this, f->args)) return false;
  if (!decorators(f->decorator_list)) return false;
  int firstlineno = f->pos.lineno;
  if (!f->decorator_list.empty()) firstlineno = f->decorator_list[0]->pos.lineno;
  std::uint32_t flags = 0;
  if (!default_arguments(f->args, flags)) return false;
  if (!annotations(f->args, f->returns, flags)) return false;

  enter_scope(f->name, is_async ? UnitKind::AsyncFunction : UnitKind::Function, f, firstlineno);
  const std::u32string* doc = docstring_of(f->body);
  if (doc)
    u->docstring = add_const(*doc);
  else
    add_const(ast::NoneValue{});
  u->argcount = static_cast<std::uint32_t>(f->args->args.size() + f->args->posonlyargs.size());
  u->posonlyargcount = static_cast<std::uint32_t>(f->args->posonlyargs.size());
  u->kwonlyargcount = static_cast<std::uint32_t>(f->args->kwonlyargs.size());
  for (size_t i = doc ? 1 : 0; i < f->body.size(); ++i)
    if (!stmt(f->body[i])) {
      exit_scope(true);
      return false;
    }
  auto code = exit_scope(true);
  if (!code) return false;
  if (!make_closure(code, flags)) return false;
  apply_decorators(f->decorator_list);
  return nameop(f->name, ast::ExprContext::Store);
}

bool Compiler::class_def(const ast::ClassDef* c) {
  if (!decorators(c->decorator_list)) return false;
  int firstlineno = c->pos.lineno;
  if (!c->decorator_list.empty()) firstlineno = c->decorator_list[0]->pos.lineno;

  enter_scope(c->name, UnitKind::Class, c, firstlineno);
  u->private_name = c->name;
  bool ok =
      nameop("__name__", ast::ExprContext::Load) && nameop("__module__", ast::ExprContext::Store);
  if (ok) {
    load_const(utf8_to_u32(u->qualname));
    ok = nameop("__qualname__", ast::ExprContext::Store) && body(c->body, false);
  }
  if (!ok) {
    exit_scope(true);
    return false;
  }
  unset_loc();
  if (u->ste->needs_class_closure) {
    emit(Op::LOAD_CLOSURE, u->cell_index.at("__class__"));
    emit(Op::COPY, 1);
    emit(Op::STORE_NAME, add_name("__classcell__"));
  } else {
    load_const(ast::NoneValue{});
  }
  emit(Op::RETURN_VALUE);
  auto code = exit_scope(true);
  if (!code) return false;

  emit(Op::PUSH_NULL);
  emit(Op::LOAD_BUILD_CLASS);
  if (!make_closure(code, 0)) return false;
  load_const(utf8_to_u32(c->name));
  if (!call_helper(2, c->bases, c->keywords)) return false;
  apply_decorators(c->decorator_list);
  return nameop(c->name, ast::ExprContext::Store);
}

bool Compiler::lambda(const ast::Lambda* e) {
  if (!check_debug_args(*this, e->args)) return false;
  std::uint32_t flags = 0;
  if (!default_arguments(e->args, flags)) return false;
  enter_scope("<lambda>", UnitKind::Lambda, e, e->pos.lineno);
  // None first, so that a lambda never has a docstring.
  add_const(ast::NoneValue{});
  u->argcount = static_cast<std::uint32_t>(e->args->args.size() + e->args->posonlyargs.size());
  u->posonlyargcount = static_cast<std::uint32_t>(e->args->posonlyargs.size());
  u->kwonlyargcount = static_cast<std::uint32_t>(e->args->kwonlyargs.size());
  if (!expr(e->body)) {
    exit_scope(false);
    return false;
  }
  // A generator lambda returns the value of its body too (3.11 adds no POP_TOP).
  if (!u->ste->generator) emit(Op::RETURN_VALUE);
  auto code = exit_scope(false);
  if (!code) return false;
  return make_closure(code, flags);
}

// ---- modules -----------------------------------------------------------------------------

std::optional<std::shared_ptr<const bytecode::CodeUnit>>
Compiler::compile_module(const ast::Module& m) {
  enter_scope("<module>", UnitKind::Module, &m, 1);
  bool add_none = true;
  bool ok = true;
  switch (m.mode) {
  case ast::Mode::Exec:
    ok = body(m.body, true);
    break;
  case ast::Mode::Single:
    interactive_ = true;
    if (find_ann(m.body)) emit(Op::SETUP_ANNOTATIONS);
    ok = stmts(m.body);
    break;
  case ast::Mode::Eval:
    ok = expr(m.expression);
    add_none = false;
    break;
  case ast::Mode::FuncType:
    break; // compile() takes this mode only with PyCF_ONLY_AST: nothing to run
  }
  auto code = exit_scope(add_none);
  if (!ok || failed() || !code) return std::nullopt;
  return code;
}

std::u32string utf8_to_u32(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int len;
    if (c < 0x80)
      cp = c, len = 1;
    else if ((c >> 5) == 6)
      cp = c & 0x1f, len = 2;
    else if ((c >> 4) == 14)
      cp = c & 0x0f, len = 3;
    else
      cp = c & 0x07, len = 4;
    for (int k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(cp);
    i += len;
  }
  return out;
}

CompileResult compile(const ast::Module& module, const std::string& filename, int optimize,
                      std::vector<parse::SourceWarning>* warnings, bool top_level_await) {
  auto table = build_symtable(module, filename);
  if (auto* err = std::get_if<SyntaxErrorInfo>(&table)) return *err;
  auto& st = *std::get<std::unique_ptr<SymbolTable>>(table);
  Compiler compiler(st, filename);
  compiler.optimize_ = optimize;
  compiler.warnings_ = warnings;
  compiler.top_level_await_ = top_level_await;
  auto code = compiler.compile_module(module);
  if (!code) {
    if (compiler.error()) return *compiler.error();
    return syntax_error_at("internal compiler error", filename, ast::Pos{});
  }
  return *code;
}

} // namespace interp::compile
