// interp/compile/compiler.h - the bytecode compiler's entry point: an AST (from
// interp/parse) in, the CodeUnit of the module (with every nested code object among its
// constants) or a SyntaxError out.
//
// The instruction sequences are CPython 3.11's (what `python3.11 -m dis` shows), translated
// to the differences listed in opcodes.h. The SyntaxErrors are those that 3.11 raises after
// parsing (symbol table and compiler), with 3.11's words and positions.
#pragma once

#include "interp/compile/code_unit.h"
#include "interp/parse/ast.h"
#include "interp/parse/syntax_error.h"

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace interp::compile {

using CompileResult =
    std::variant<std::shared_ptr<const bytecode::CodeUnit>, parse::SyntaxErrorInfo>;

// Compiles a module parsed in any mode: Exec (a module), Eval (one expression, whose code
// returns its value) or Single (interactive: expression statements print their value with
// PRINT_EXPR). Never throws; thread-safe (no shared state). With optimize > 0 (-O), assert
// statements compile to nothing and __debug__ is False.
// The compiler's SyntaxWarnings go to `warnings` when given.
// top_level_await (compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT): await, async for, async with
// and async comprehensions are allowed in the module's own code, which is then a
// coroutine's (CO_COROUTINE).
CompileResult compile(const ast::Module& module, const std::string& filename, int optimize = 0,
                      std::vector<parse::SourceWarning>* warnings = nullptr,
                      bool top_level_await = false);

} // namespace interp::compile
