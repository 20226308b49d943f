// tests/interp/compile/case_file.h - reading the generated case files of the compiler's
// tests (see gen_compile_cases.py) and compiling source text through the real parser.
#pragma once

#include "interp/compile/compiler.h"

#include <string>
#include <vector>

namespace compile_test {

struct Case {
  std::string name;
  std::string source;
  std::string expect;
};

// Records "@@@ case NAME / source / @@@ expect / expected / @@@ end" of a file in this
// test folder.
std::vector<Case> read_cases(const std::string& file_name);

// Parses (Exec mode) and compiles; a parse error is reported as a SyntaxErrorInfo whose
// message starts with "parse error: ".
interp::compile::CompileResult compile_source(const std::string& source,
                                              const std::string& filename = "<s>");

} // namespace compile_test
