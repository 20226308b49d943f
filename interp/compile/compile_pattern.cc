// interp/compile/compile_pattern.cc - code generation for the match statement.
#include "interp/compile/compiler_internal.h"

namespace interp::compile {

bool Compiler::match_stmt(const ast::Match* s) {
  (void)s;
  return fail("match statement not supported yet");
}

} // namespace interp::compile
