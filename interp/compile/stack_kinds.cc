// interp/compile/stack_kinds.cc - see stack_kinds.h.
#include "interp/compile/stack_kinds.h"

#include "interp/compile/compiler_internal.h"

namespace interp::compile {

std::vector<std::optional<StackKinds>> stack_kinds(const bytecode::CodeUnit& code) {
  using bytecode::arg_of;
  using bytecode::op_of;
  std::size_t n = code.code.size();
  std::vector<std::optional<StackKinds>> at(n);
  std::vector<std::size_t> work;
  auto reach = [&](std::size_t target, const StackKinds& stack) {
    if (target >= n || at[target]) return;
    at[target] = stack;
    work.push_back(target);
  };
  // Pops `count` slots (never below the bottom: the compiler's code never underflows).
  auto pop = [](StackKinds& stack, std::size_t count) {
    stack.resize(stack.size() > count ? stack.size() - count : 0);
  };
  if (n) reach(0, {});
  while (!work.empty()) {
    std::size_t i = work.back();
    work.pop_back();
    StackKinds stack = *at[i];
    Op op = op_of(code.code[i]);
    std::uint32_t arg = arg_of(code.code[i]);
    for (const bytecode::ExceptionEntry& e : code.exception_table) {
      if (i < e.start || i >= e.end) continue;
      StackKinds handler(stack.begin(),
                         stack.begin() + std::min<std::size_t>(e.depth, stack.size()));
      if (e.push_lasti) handler.push_back(SlotKind::Lasti);
      handler.push_back(SlotKind::Raised);
      reach(e.target, handler);
      break;
    }
    switch (op) {
    case Op::RETURN_VALUE:
    case Op::RAISE_VARARGS:
    case Op::RERAISE:
      continue;
    case Op::PUSH_NULL:
      stack.push_back(SlotKind::Null);
      break;
    case Op::LOAD_GLOBAL:
      if (arg & 1) stack.push_back(SlotKind::Null);
      stack.push_back(SlotKind::Object);
      break;
    case Op::LOAD_METHOD:
      pop(stack, 1);
      stack.push_back(SlotKind::Null);
      stack.push_back(SlotKind::Object);
      break;
    case Op::PUSH_EXC_INFO:
      pop(stack, 1);
      stack.push_back(SlotKind::Except);
      stack.push_back(SlotKind::Raised);
      break;
    case Op::GET_ITER:
    case Op::GET_AITER:
      pop(stack, 1);
      stack.push_back(SlotKind::Iterator);
      break;
    case Op::COPY:
      stack.push_back(arg && arg <= stack.size() ? stack[stack.size() - arg] : SlotKind::Object);
      break;
    case Op::SWAP:
      if (arg >= 2 && arg <= stack.size()) std::swap(stack.back(), stack[stack.size() - arg]);
      break;
    case Op::CALL:
      // Whatever sat below the callable (a NULL, a bound method's function): one result.
      pop(stack, arg + 2);
      stack.push_back(SlotKind::Object);
      break;
    case Op::CALL_FUNCTION_EX:
      pop(stack, 3 + (arg & 1));
      stack.push_back(SlotKind::Object);
      break;
    default: {
      if (is_jump_op(op_code(op))) {
        StackKinds taken = stack;
        int effect = stack_effect(op_code(op), arg, true);
        if (effect < 0) pop(taken, std::size_t(-effect));
        for (; effect > 0; --effect)
          taken.push_back(SlotKind::Object);
        reach(arg, taken);
        if (op == Op::JUMP || op == Op::JUMP_NO_INTERRUPT) continue;
      }
      int effect = stack_effect(op_code(op), arg, false);
      if (effect < 0) pop(stack, std::size_t(-effect));
      for (; effect > 0; --effect)
        stack.push_back(SlotKind::Object);
      break;
    }
    }
    reach(i + 1, stack);
  }
  return at;
}

} // namespace interp::compile
