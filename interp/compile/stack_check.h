// interp/compile/stack_check.h - an independent check of compiled code, for tests: walks
// every path of a CodeUnit (normal flow, jumps, and the exception table's handlers) and
// verifies what the VM relies on.
#pragma once

#include "interp/compile/code_unit.h"

#include <optional>
#include <string>

namespace interp::compile {

// Checks one code unit and every code unit among its constants. Verified: the value stack
// depth is never negative and never above `stacksize`; it is the same on every path into
// an instruction; a handler is entered at depth + (lasti ? 1 : 0) + 1 and the depth of its
// table entry is at most the depth of every instruction it covers; arguments index
// existing constants, names, locals and cells; jumps stay inside the code; no path runs
// off the end; there is one location per instruction. Returns a description of the first
// problem, or nothing.
std::optional<std::string> check_code(const bytecode::CodeUnit& code);

} // namespace interp::compile
