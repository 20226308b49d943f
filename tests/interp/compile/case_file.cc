// tests/interp/compile/case_file.cc - see case_file.h.
#include "tests/interp/compile/case_file.h"

#include "interp/parse/parser.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace compile_test {

std::vector<Case> read_cases(const std::string& file_name) {
  std::ifstream in(std::string(COMPILE_TEST_DIR) + "/" + file_name);
  if (!in) throw std::runtime_error("cannot open " + file_name);
  std::vector<Case> cases;
  std::string line;
  Case current;
  enum { None, Source, Expect } state = None;
  while (std::getline(in, line)) {
    if (line.rfind("@@@ case ", 0) == 0) {
      current = Case{line.substr(9), "", ""};
      state = Source;
    } else if (line == "@@@ expect") {
      state = Expect;
    } else if (line == "@@@ end") {
      cases.push_back(current);
      state = None;
    } else if (state == Source) {
      current.source += line + "\n";
    } else if (state == Expect) {
      current.expect += line + "\n";
    }
  }
  return cases;
}

interp::compile::CompileResult compile_source(const std::string& source,
                                              const std::string& filename) {
  auto parsed = interp::parse::parse(source, filename, interp::ast::Mode::Exec);
  if (parsed.error) {
    auto e = *parsed.error;
    e.msg = "parse error: " + e.msg;
    return e;
  }
  return interp::compile::compile(*parsed.module, filename);
}

} // namespace compile_test
