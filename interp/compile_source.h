// interp/compile_source.h - from source text to a code object: parse, compile, and turn
// the front end's SyntaxErrorInfo into a raised SyntaxError.
#pragma once

#include "interp/parse/ast.h"
#include "interp/parse/source.h"
#include "interp/parse/syntax_error.h"
#include "interp/runtime.h"

#include <string>
#include <string_view>
#include <vector>

namespace interp {

// A code object, or 0 with SyntaxError (IndentationError, TabError, MemoryError) raised.
// optimize: the -O level to compile at; -1 is the interpreter's own (sys.flags.optimize).
// `kind` (parse/source.h): a str's UTF-8 (its coding declaration is ignored), or bytes,
// decoded as their BOM or PEP 263 declaration says, through the codec registry for the
// encodings the front end does not decode itself.
// top_level_await: compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT (the code is then a coroutine).
Value compile_source(Thread& t, std::string_view source, const std::string& filename,
                     ast::Mode mode, int optimize = -1,
                     parse::SourceKind kind = parse::SourceKind::Bytes,
                     bool top_level_await = false);

// Raises the SyntaxError (IndentationError, TabError, MemoryError) that the front end
// described, shaped as 3.11 shapes it for the part that found it; returns 0.
Value raise_syntax_error(Thread& t, const parse::SyntaxErrorInfo& info);

// Issues the front end's warnings (warnings.warn_explicit); one that the filters make an
// error becomes the SyntaxError at its place, raised. False with the exception.
bool issue_warnings(Thread& t, const std::vector<parse::SourceWarning>& warnings,
                    const std::string& filename);

// compile() of a tree of _ast objects: the tree is parsed already.
Value compile_tree(Thread& t, const ast::Module& module, const std::string& filename,
                   int optimize = -1, bool top_level_await = false);

// compile() with PyCF_ONLY_AST: the tree of _ast objects (ast.parse), or 0 with
// SyntaxError raised.
Value parse_to_objects(Thread& t, std::string_view source, const std::string& filename,
                       ast::Mode mode, parse::SourceKind kind = parse::SourceKind::Bytes);

} // namespace interp
