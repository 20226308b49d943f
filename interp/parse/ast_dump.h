// ast_dump: the text of CPython 3.11's ast.dump(tree) for our trees, so that tests can
// compare the parser with python3.11 character for character.
#pragma once

#include <string>

#include "interp/parse/ast.h"

namespace interp::parse {

// ast.dump(tree) or ast.dump(tree, include_attributes=True).
std::string ast_dump(const ast::Module& module, bool include_attributes = false);

// Python's repr() of a constant as the AST holds it (int in decimal, float shortest).
std::string constant_repr(const ast::ConstantValue& value);

} // namespace interp::parse
