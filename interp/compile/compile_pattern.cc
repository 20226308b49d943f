// interp/compile/compile_pattern.cc - code generation for the match statement, with 3.11's
// MATCH_* instructions.
//
// While a pattern is matched, the stack holds the subject, the values that sub-patterns
// still have to look at (`on_top` of them) and the values captured so far (one per name in
// `stores`, below the others). A failing test jumps to the block that pops exactly what
// is on the stack at that point (fail_pop[n] pops n items, then falls into fail_pop[n-1]).

#include "interp/compile/compiler_internal.h"
#include "interp/compile/disassembler.h"

#include <algorithm>

namespace interp::compile {

namespace {

bool is_wildcard(const ast::Pattern* p) {
  return p->kind == ast::PatternKind::MatchAs &&
         static_cast<const ast::MatchAs*>(p)->pattern == nullptr &&
         static_cast<const ast::MatchAs*>(p)->name.empty();
}
bool is_wildcard_star(const ast::Pattern* p) {
  return p->kind == ast::PatternKind::MatchStar &&
         static_cast<const ast::MatchStar*>(p)->name.empty();
}
std::string name_repr(const std::string& name) {
  return bytecode::constant_repr(utf8_to_u32(name));
}

// Identity of a mapping-pattern key for the duplicate check: equal numbers are equal keys
// (1, 1.0 and True), as in a Python set.
std::string key_identity(const Constant& c) {
  if (auto* b = std::get_if<bool>(&c)) return std::string("#") + (*b ? "1" : "0");
  if (auto* i = std::get_if<ast::IntLiteral>(&c)) return "#" + int_literal_decimal(i->text);
  if (auto* d = std::get_if<double>(&c)) {
    if (*d == static_cast<double>(static_cast<long long>(*d)) && std::abs(*d) < 1e15)
      return "#" + std::to_string(static_cast<long long>(*d));
  }
  if (auto* z = std::get_if<bytecode::ComplexValue>(&c)) {
    if (z->imag == 0.0) return key_identity(Constant(z->real));
  }
  return constant_key(c);
}

} // namespace

void Compiler::ensure_fail_pop(PatternContext& pc, int n) {
  while (static_cast<int>(pc.fail_pop.size()) < n + 1)
    pc.fail_pop.push_back(new_block());
}

bool Compiler::jump_to_fail_pop(PatternContext& pc, Op op) {
  int pops = pc.on_top + static_cast<int>(pc.stores.size());
  ensure_fail_pop(pc, pops);
  emit_jump(op, pc.fail_pop[pops]);
  return true;
}

void Compiler::emit_and_reset_fail_pop(PatternContext& pc) {
  if (pc.fail_pop.empty()) {
    next_block();
    return;
  }
  for (size_t i = pc.fail_pop.size() - 1; i > 0; --i) {
    use_block(pc.fail_pop[i]);
    emit(Op::POP_TOP);
  }
  use_block(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

bool Compiler::pattern_helper_rotate(int count) {
  while (1 < count)
    emit(Op::SWAP, count--);
  return true;
}

bool Compiler::pattern_helper_store_name(const std::string& name, PatternContext& pc,
                                         const ast::Pos& pos) {
  if (name.empty()) {
    emit(Op::POP_TOP);
    return true;
  }
  if (!forbidden_name(name, ast::ExprContext::Store, pos)) return false;
  if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
    return fail("multiple assignments to name " + name_repr(name) + " in pattern");
  // Rotate the value underneath what has to stay on top.
  pattern_helper_rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
  pc.stores.push_back(name);
  return true;
}

bool Compiler::pattern_helper_sequence_unpack(const ast::List<ast::Pattern>& pats, int star,
                                              PatternContext& pc) {
  (void)star;
  size_t n = pats.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (pats[i]->kind == ast::PatternKind::MatchStar && !seen_star) {
      if (i >= (1u << 8) || n - i - 1 >= (1u << 16))
        return fail("too many expressions in star-unpacking sequence pattern");
      emit(Op::UNPACK_EX, static_cast<std::uint32_t>(i + ((n - i - 1) << 8)));
      seen_star = true;
    } else if (pats[i]->kind == ast::PatternKind::MatchStar) {
      return fail("multiple starred expressions in sequence pattern");
    }
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(n));
  pc.on_top += static_cast<int>(n);
  for (size_t i = 0; i < n; ++i) {
    pc.on_top--;
    if (!pattern_subpattern(pats[i], pc)) return false;
  }
  return true;
}

// For patterns with a starred wildcard ([first, *_, last]): index instead of unpacking.
bool Compiler::pattern_helper_sequence_subscr(const ast::List<ast::Pattern>& pats, int star,
                                              PatternContext& pc) {
  pc.on_top++;
  int size = static_cast<int>(pats.size());
  for (int i = 0; i < size; ++i) {
    const ast::Pattern* p = pats[i];
    if (is_wildcard(p) || i == star) continue;
    emit(Op::COPY, 1);
    if (i < star) {
      load_const(ast::IntLiteral{std::to_string(i)});
    } else {
      // The subject may not support negative indices.
      emit(Op::GET_LEN);
      load_const(ast::IntLiteral{std::to_string(size - i)});
      emit(Op::BINARY_OP, static_cast<std::uint32_t>(bytecode::BinaryOp::Subtract));
    }
    emit(Op::BINARY_SUBSCR);
    if (!pattern_subpattern(p, pc)) return false;
  }
  pc.on_top--;
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::pattern_subpattern(const ast::Pattern* p, PatternContext& pc) {
  bool allow = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  if (!pattern(p, pc)) return false;
  pc.allow_irrefutable = allow;
  return true;
}

bool Compiler::pattern(const ast::Pattern* p, PatternContext& pc) {
  set_loc(p);
  using K = ast::PatternKind;
  switch (p->kind) {
  case K::MatchValue:
    return pattern_value(static_cast<const ast::MatchValue*>(p), pc);
  case K::MatchSingleton:
    return pattern_singleton(static_cast<const ast::MatchSingleton*>(p), pc);
  case K::MatchSequence:
    return pattern_sequence(static_cast<const ast::MatchSequence*>(p), pc);
  case K::MatchMapping:
    return pattern_mapping(static_cast<const ast::MatchMapping*>(p), pc);
  case K::MatchClass:
    return pattern_class(static_cast<const ast::MatchClass*>(p), pc);
  case K::MatchStar:
    return pattern_star(static_cast<const ast::MatchStar*>(p), pc);
  case K::MatchAs:
    return pattern_as(static_cast<const ast::MatchAs*>(p), pc);
  case K::MatchOr:
    return pattern_or(static_cast<const ast::MatchOr*>(p), pc);
  }
  return fail("invalid match pattern node in AST");
}

bool Compiler::pattern_as(const ast::MatchAs* p, PatternContext& pc) {
  if (!p->pattern) {
    if (!pc.allow_irrefutable) {
      if (!p->name.empty())
        return fail("name capture " + name_repr(p->name) + " makes remaining patterns unreachable");
      return fail("wildcard makes remaining patterns unreachable");
    }
    return pattern_helper_store_name(p->name, pc, p->pos);
  }
  pc.on_top++;
  emit(Op::COPY, 1);
  if (!pattern(p->pattern, pc)) return false;
  pc.on_top--;
  return pattern_helper_store_name(p->name, pc, p->pos);
}

bool Compiler::pattern_star(const ast::MatchStar* p, PatternContext& pc) {
  return pattern_helper_store_name(p->name, pc, p->pos);
}

bool Compiler::pattern_value(const ast::MatchValue* p, PatternContext& pc) {
  const ast::Expr* value = p->value;
  if (!constant_of(value) && value->kind != ast::ExprKind::Attribute)
    return fail("patterns may only match literals and attribute lookups");
  if (!expr(value)) return false;
  compare_op(ast::CmpOp::Eq);
  return jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
}

bool Compiler::pattern_singleton(const ast::MatchSingleton* p, PatternContext& pc) {
  if (std::holds_alternative<bool>(p->value))
    load_const(std::get<bool>(p->value));
  else
    load_const(ast::NoneValue{});
  compare_op(ast::CmpOp::Is);
  return jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
}

bool Compiler::pattern_sequence(const ast::MatchSequence* p, PatternContext& pc) {
  const auto& pats = p->patterns;
  int size = static_cast<int>(pats.size());
  int star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (int i = 0; i < size; ++i) {
    if (pats[i]->kind == ast::PatternKind::MatchStar) {
      if (star >= 0) return fail("multiple starred names in sequence pattern");
      star_wildcard = is_wildcard_star(pats[i]);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && is_wildcard(pats[i]);
  }
  pc.on_top++;
  emit(Op::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (star < 0) {
    emit(Op::GET_LEN);
    load_const(ast::IntLiteral{std::to_string(size)});
    compare_op(ast::CmpOp::Eq);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  } else if (size > 1) { // len(subject) >= size - 1 (always true for [*x])
    emit(Op::GET_LEN);
    load_const(ast::IntLiteral{std::to_string(size - 1)});
    compare_op(ast::CmpOp::GtE);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  pc.on_top--;
  if (only_wildcard) {
    emit(Op::POP_TOP);
    return true;
  }
  if (star_wildcard) return pattern_helper_sequence_subscr(pats, star, pc);
  return pattern_helper_sequence_unpack(pats, star, pc);
}

bool Compiler::pattern_mapping(const ast::MatchMapping* p, PatternContext& pc) {
  size_t size = p->keys.size();
  if (size != p->patterns.size()) return fail("keys / patterns length mismatch in mapping pattern");
  bool has_rest = !p->rest.empty();
  pc.on_top++;
  emit(Op::MATCH_MAPPING);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (!size && !has_rest) {
    pc.on_top--;
    emit(Op::POP_TOP);
    return true;
  }
  if (size) {
    emit(Op::GET_LEN);
    load_const(ast::IntLiteral{std::to_string(size)});
    compare_op(ast::CmpOp::GtE);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  std::vector<std::string> seen;
  for (size_t i = 0; i < size; ++i) {
    const ast::Expr* key = p->keys[i];
    if (!key) {
      set_loc(p->patterns[i]);
      return fail("can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    }
    if (auto c = constant_of(key)) {
      std::string id = key_identity(*c);
      if (std::find(seen.begin(), seen.end(), id) != seen.end())
        return fail("mapping pattern checks duplicate key (" + bytecode::constant_repr(*c) + ")");
      seen.push_back(id);
    } else if (key->kind != ast::ExprKind::Attribute) {
      return fail("mapping pattern keys may only match literals and attribute lookups");
    }
    if (!expr(key)) return false;
  }
  emit(Op::BUILD_TUPLE, static_cast<std::uint32_t>(size));
  emit(Op::MATCH_KEYS);
  pc.on_top += 2;
  emit(Op::COPY, 1);
  load_const(ast::NoneValue{});
  emit(Op::IS_OP, 1);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(size));
  pc.on_top += static_cast<int>(size) - 1;
  for (size_t i = 0; i < size; ++i) {
    pc.on_top--;
    if (!pattern_subpattern(p->patterns[i], pc)) return false;
  }
  pc.on_top -= 2;
  if (has_rest) {
    // rest = dict(subject); del rest[key] for each key
    emit(Op::BUILD_MAP, 0);
    emit(Op::SWAP, 3);
    emit(Op::DICT_UPDATE, 2);
    emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(size));
    while (size) {
      emit(Op::COPY, static_cast<std::uint32_t>(1 + size--));
      emit(Op::SWAP, 2);
      emit(Op::DELETE_SUBSCR);
    }
    return pattern_helper_store_name(p->rest, pc, p->pos);
  }
  emit(Op::POP_TOP); // the tuple of keys
  emit(Op::POP_TOP); // the subject
  return true;
}

bool Compiler::validate_kwd_attrs(const std::vector<std::string>& attrs,
                                  const ast::List<ast::Pattern>& pats) {
  for (size_t i = 0; i < attrs.size(); ++i) {
    set_loc(pats[i]);
    if (!forbidden_name(attrs[i], ast::ExprContext::Store, pats[i]->pos)) return false;
    for (size_t j = i + 1; j < attrs.size(); ++j)
      if (attrs[i] == attrs[j]) {
        set_loc(pats[j]);
        return fail("attribute name repeated in class pattern: " + attrs[i]);
      }
  }
  return true;
}

bool Compiler::pattern_class(const ast::MatchClass* p, PatternContext& pc) {
  size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
  if (nattrs != p->kwd_patterns.size())
    return fail("kwd_attrs / kwd_patterns length mismatch in class pattern");
  if (nattrs) {
    if (!validate_kwd_attrs(p->kwd_attrs, p->kwd_patterns)) return false;
    set_loc(p);
  }
  if (!expr(p->cls)) return false;
  auto names = std::make_shared<bytecode::ConstTuple>();
  for (auto& a : p->kwd_attrs)
    names->items.push_back(utf8_to_u32(a));
  load_const(std::shared_ptr<const bytecode::ConstTuple>(names));
  emit(Op::MATCH_CLASS, static_cast<std::uint32_t>(nargs));
  emit(Op::COPY, 1);
  load_const(ast::NoneValue{});
  emit(Op::IS_OP, 1);
  pc.on_top++;
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(nargs + nattrs));
  pc.on_top += static_cast<int>(nargs + nattrs) - 1;
  for (size_t i = 0; i < nargs + nattrs; ++i) {
    pc.on_top--;
    const ast::Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
    if (is_wildcard(sub)) {
      emit(Op::POP_TOP);
      continue;
    }
    if (!pattern_subpattern(sub, pc)) return false;
  }
  return true;
}

bool Compiler::pattern_or(const ast::MatchOr* p, PatternContext& pc) {
  int end = new_block();
  size_t size = p->patterns.size();
  PatternContext old_pc = pc;
  std::vector<std::string> control;
  for (size_t i = 0; i < size; ++i) {
    const ast::Pattern* alt = p->patterns[i];
    set_loc(alt);
    pc.stores.clear();
    pc.allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    emit(Op::COPY, 1);
    if (!pattern(alt, pc)) return false;
    size_t nstores = pc.stores.size();
    if (i == 0) {
      control = pc.stores;
    } else if (nstores != control.size()) {
      return fail("alternative patterns bind different names");
    } else if (nstores) {
      // Reorder the captured values to the order of the first alternative.
      for (size_t icontrol = nstores; icontrol-- > 0;) {
        const std::string& name = control[icontrol];
        auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
        if (it == pc.stores.end()) return fail("alternative patterns bind different names");
        size_t istores = static_cast<size_t>(it - pc.stores.begin());
        if (icontrol != istores) {
          size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + rotations);
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + rotations);
          pc.stores.insert(pc.stores.begin() + (icontrol - istores), rotated.begin(),
                           rotated.end());
          while (rotations--)
            pattern_helper_rotate(static_cast<int>(icontrol) + 1);
        }
      }
    }
    emit_jump(Op::JUMP, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = old_pc;
  // No alternative matched: pop the copy of the subject and fail.
  emit(Op::POP_TOP);
  jump_to_fail_pop(pc, Op::JUMP);
  use_block(end);
  int nrots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
  for (auto& name : control) {
    pattern_helper_rotate(nrots);
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
      return fail("multiple assignments to name " + name_repr(name) + " in pattern");
    pc.stores.push_back(name);
  }
  emit(Op::POP_TOP); // the copy of the subject
  return true;
}

bool Compiler::match_stmt(const ast::Match* s) {
  if (!expr(s->subject)) return false;
  int end = new_block();
  size_t cases = s->cases.size();
  const ast::MatchCase* m = s->cases.back();
  bool has_default = is_wildcard(m->pattern) && 1 < cases;
  PatternContext pc;
  for (size_t i = 0; i < cases - (has_default ? 1 : 0); ++i) {
    m = s->cases[i];
    set_loc(m->pattern);
    bool last = i == cases - (has_default ? 1 : 0) - 1;
    if (!last) emit(Op::COPY, 1);
    pc.stores.clear();
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pc.fail_pop.clear();
    pc.on_top = 0;
    if (!pattern(m->pattern, pc)) return false;
    for (auto& name : pc.stores)
      if (!nameop(name, ast::ExprContext::Store)) return false;
    if (m->guard) {
      ensure_fail_pop(pc, 0);
      if (!jump_if(m->guard, pc.fail_pop[0], false)) return false;
    }
    if (!last) emit(Op::POP_TOP);
    if (!stmts(m->body)) return false;
    emit_jump(Op::JUMP, end);
    // A failed pattern's cleanup belongs to the pattern's line, not the body's.
    set_loc(m->pattern);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    m = s->cases.back();
    set_loc(m->pattern);
    if (cases == 1)
      emit(Op::POP_TOP);
    else
      emit(Op::NOP); // line coverage for the default case
    if (m->guard && !jump_if(m->guard, end, false)) return false;
    if (!stmts(m->body)) return false;
  }
  use_block(end);
  return true;
}

} // namespace interp::compile
