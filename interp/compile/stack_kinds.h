// interp/compile/stack_kinds.h - what each slot of the value stack holds before each
// instruction of a code unit: the static picture that setting frame.f_lineno (a debugger's
// jump, interp/vm/line_jump.cc) checks a jump against, as CPython 3.11 does.
#pragma once

#include "interp/compile/code_unit.h"

#include <optional>
#include <vector>

namespace interp::compile {

enum class SlotKind : std::uint8_t {
  Object,   // any value
  Null,     // the NULL below a callable (PUSH_NULL, LOAD_GLOBAL's, LOAD_METHOD's)
  Iterator, // a for loop's iterator (GET_ITER, GET_AITER)
  Except,   // the exception handled before a handler began (PUSH_EXC_INFO's saved one)
  Raised,   // the exception a handler is given (on top at its start and after PUSH_EXC_INFO)
  Lasti,    // the raising instruction a cleanup handler re-raises from (push_lasti)
};

using StackKinds = std::vector<SlotKind>; // bottom first

// For each instruction, the kinds of the slots on the stack before it runs, over normal
// flow, jumps and the exception table's handlers; nothing for an instruction that no path
// reaches. Where paths meet, the first one found decides (they agree on the depth).
std::vector<std::optional<StackKinds>> stack_kinds(const bytecode::CodeUnit& code);

} // namespace interp::compile
