// interp/compile/unparse.cc - expression source text for PEP 563 annotations.
#include "interp/compile/compiler_internal.h"

namespace interp::compile {

std::string unparse_expr(const ast::Expr* e) {
  (void)e;
  return "?";
}

} // namespace interp::compile
