// interp/compile/cpython_view.h - a code unit as CPython 3.11 lays out its code objects, for
// the co_* fields that tools read byte by byte: co_code, co_linetable, co_exceptiontable,
// co_lnotab, and the offsets in f_lasti, tb_lasti, co_lines() and co_positions().
//
// The VM runs one 32-bit word per instruction (opcodes.h). CPython 3.11 instead uses two-byte
// code units: EXTENDED_ARG prefixes for arguments above 255, then the opcode and its low
// argument byte, then the inline CACHE entries of specialising instructions; its jumps are
// relative and split by direction. The instruction set is otherwise CPython's, so the view is
// a translation: each instruction becomes the units CPython would give it, with the same
// opcode numbers (`opcode.opmap`), so `dis` reads it as it reads CPython's. What the VM has
// and CPython 3.11 does not show (RESUME, PRECALL, MAKE_CELL, COPY_FREE_VARS) stays absent.
#pragma once

#include "interp/compile/code_unit.h"

#include <cstdint>
#include <string>
#include <vector>

namespace interp::bytecode {

struct CPythonView {
  // Per instruction, the unit where it starts (its first EXTENDED_ARG, if any): jumps and
  // handlers name this. One more entry at the end: the number of units.
  std::vector<std::uint32_t> start;
  // Per instruction, the unit of its opcode (what f_lasti names, halved).
  std::vector<std::uint32_t> opcode;
  std::string code; // co_code
};

// `with_code`: also make co_code (the offsets alone serve f_lasti and the tables).
CPythonView cpython_view(const CodeUnit& unit, bool with_code = true);

// The names CPython's "fast locals plus" numbering runs over: co_varnames, then the cells
// that are not arguments, then co_freevars. LOAD_DEREF's argument in co_code indexes this
// (code._varname_from_oparg answers it).
std::vector<std::string> localsplus_names(const CodeUnit& unit);

// co_linetable: the locations of every unit, in 3.11's location table format.
std::string location_table(const CodeUnit& unit, const CPythonView& view);
// co_exceptiontable: the handlers, in 3.11's exception table format.
std::string exception_table(const CodeUnit& unit, const CPythonView& view);
// co_lnotab: the (byte delta, line delta) pairs of the line starts (deprecated in 3.11 but
// still there).
std::string line_number_table(const CodeUnit& unit, const CPythonView& view);

} // namespace interp::bytecode
