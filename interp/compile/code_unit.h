// interp/compile/code_unit.h - what the compiler produces for one code block (module,
// class body, function, lambda, comprehension).
//
// A CodeUnit is plain C++ memory, immutable once compiled, so it can be shared by every
// thread without a barrier; the interpreter wraps it in a `code` object of the heap and
// turns its constants into heap values once. Field meanings follow CPython 3.11's code
// objects (co_argcount, co_flags, ...), so `f.__code__.co_*` can be answered from it.
#pragma once

#include "interp/compile/opcodes.h"
#include "interp/parse/ast.h"

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace interp::bytecode {

struct CodeUnit;

struct ComplexValue {
  double real;
  double imag;
};
struct ConstTuple;
struct ConstFrozenSet;
// A constant of co_consts: the literal kinds of the AST, tuples and frozensets of
// constants (folded by the compiler), and nested code.
//   - An IntLiteral may start with '-' ("-1", "-0x10"): the compiler folds the negation of
//     a number literal, as 3.11's AST optimizer does. Equal values share one constant.
//   - A ComplexValue may have a non-zero real part: `1+2j` is folded into one constant.
//   - A ConstFrozenSet comes from `x in {1, 2}` and from set displays of more than two
//     constants (BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1); its items may repeat
//     equal values (1 and 1.0), which the VM's frozenset merges.
//   - Strings are code points (they may hold lone surrogates), bytes are bytes.
using Constant =
    std::variant<ast::NoneValue, ast::EllipsisValue, bool, ast::IntLiteral, double, ComplexValue,
                 std::u32string, ast::BytesValue, std::shared_ptr<const ConstTuple>,
                 std::shared_ptr<const ConstFrozenSet>, std::shared_ptr<const CodeUnit>>;
struct ConstTuple {
  std::vector<Constant> items;
};
struct ConstFrozenSet {
  std::vector<Constant> items;
};

// Source position of one instruction (CPython's co_positions): lines 1-based, columns
// 0-based UTF-8 byte offsets; 0 / -1 where unknown (as 3.11, a few artificial cleanup
// instructions have no line). A traceback names `line` of the raising instruction.
struct Location {
  int line = 0;
  int end_line = 0;
  int col = -1;
  int end_col = -1;
};

// When an exception is raised by an instruction whose index is in [start, end): pop the
// value stack down to `depth` items, push the index of the raising instruction as an int
// if `push_lasti`, push the exception, and jump to `target`. Entries are ordered innermost
// first: the VM takes the first entry that contains the instruction. (As the compiler
// builds them, entries never overlap and are sorted by `start`, as in 3.11: every
// instruction has at most one handler.) An instruction covered by no entry propagates
// the exception out of the frame.
struct ExceptionEntry {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t target = 0;
  std::uint32_t depth = 0;
  bool push_lasti = false;
};

struct CodeUnit {
  std::string name;     // co_name
  std::string qualname; // co_qualname
  std::string filename;
  int firstlineno = 1;
  std::uint32_t argcount = 0; // positional, including positional-only
  std::uint32_t posonlyargcount = 0;
  std::uint32_t kwonlyargcount = 0;
  std::uint32_t flags = 0; // CodeFlag
  std::uint32_t stacksize = 0;

  std::vector<Instruction> code;
  std::vector<Constant> consts;
  std::vector<std::string> names;    // co_names (UTF-8)
  std::vector<std::string> varnames; // arguments first, in order: positional, kw-only, *args, **kw
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  // For each cellvar, the index of the argument it holds (copied into the cell when the
  // frame is built), or -1.
  std::vector<int> cell_args;
  std::vector<Location> locations; // one per instruction
  std::vector<ExceptionEntry> exception_table;
  // Index in consts of the docstring, or -1 (functions, classes and modules). A function's
  // consts[0] is its docstring or None, as in 3.11 (a lambda's is always None); a module
  // or class body stores its docstring into __doc__ itself.
  int docstring = -1;
};

} // namespace interp::bytecode
