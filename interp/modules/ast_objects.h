// interp/modules/ast_objects.h - the bridge between the parser's trees
// (interp/parse/ast.h) and the node objects of the _ast module: what ast.parse returns, and
// what compile() reads back from a tree that a program built or changed.
#pragma once

#include "interp/parse/ast.h"
#include "interp/runtime.h"

namespace interp {

// A Module, Expression or Interactive object holding the whole tree, as CPython 3.11's
// compile(..., PyCF_ONLY_AST) builds it; 0 with an exception on failure.
Value ast_to_objects(Thread& t, const ast::Module& module);

// Whether v is an instance of _ast.AST: -1 with an exception if _ast cannot be imported.
int is_ast_object(Thread& t, Value v);

// Fills `out` (mode set by the caller) from a tree of _ast objects, checking it as
// CPython's compile() does: false with TypeError or ValueError raised.
bool ast_from_objects(Thread& t, Value tree, ast::Module& out);

} // namespace interp
