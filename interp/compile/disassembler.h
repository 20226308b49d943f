// interp/compile/disassembler.h - a readable listing of a CodeUnit and the code nested in
// its constants, in the spirit of `dis.dis`: one line per instruction with its source
// line (where it changes), a `>>` mark on jump and handler targets, the argument and its
// meaning, then the exception table. Used by the compiler's tests and for debugging the VM.
#pragma once

#include "interp/compile/code_unit.h"

#include <string>

namespace interp::bytecode {

// The listing of one code unit and, after it, of every code unit among its constants
// (depth first, in constant order, each under "Disassembly of <code object NAME, line N>:").
std::string disassemble(const CodeUnit& code);

// The listing of this code unit alone.
std::string disassemble_one(const CodeUnit& code);

// Python's repr() of a constant ("'a'", "(1, 2)", "1.5", "<code object f, line 3>").
std::string constant_repr(const Constant& c);

} // namespace interp::bytecode
