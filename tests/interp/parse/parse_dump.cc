// parse_dump: prints ast.dump of each file (or the SyntaxError), one result per line;
// a debugging aid and the C++ side of the stdlib comparison.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "interp/parse/ast_dump.h"
#include "interp/parse/parser.h"

int main(int argc, char** argv) {
  bool attrs = false;
  interp::ast::Mode mode = interp::ast::Mode::Exec;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--attrs") {
      attrs = true;
      continue;
    }
    if (a == "--eval") {
      mode = interp::ast::Mode::Eval;
      continue;
    }
    if (a == "--single") {
      mode = interp::ast::Mode::Single;
      continue;
    }
    std::string src;
    if (a == "-c" && i + 1 < argc) {
      src = argv[++i];
    } else {
      std::ifstream in(a, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      src = ss.str();
    }
    auto r = interp::parse::parse(src, a, mode);
    if (r.error) {
      static const char* kinds[] = {"SyntaxError", "IndentationError", "TabError", "MemoryError"};
      const auto& e = *r.error;
      std::cout << kinds[static_cast<int>(e.kind)] << " " << e.msg << " " << e.lineno << " "
                << e.offset << " " << e.end_lineno << " " << e.end_offset << "\n";
    } else {
      std::cout << interp::parse::ast_dump(*r.module, attrs) << "\n";
    }
  }
  return 0;
}
