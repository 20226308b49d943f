// ast_validate: the checks CPython 3.11 makes on a tree before compiling it, for trees that
// did not come from the parser (compile() of _ast objects): expression contexts, empty
// bodies and target lists, lists whose lengths must agree. The parser never builds a
// tree that fails them; the compiler relies on them holding.
#pragma once

#include <optional>
#include <string>

#include "interp/parse/ast.h"

namespace interp::parse {

struct ValidationError {
  bool type_error = false; // TypeError; otherwise ValueError
  std::string msg;
};

std::optional<ValidationError> validate(const ast::Module& module);

} // namespace interp::parse
