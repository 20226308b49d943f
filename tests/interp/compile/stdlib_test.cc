// tests/interp/compile/stdlib_test.cc - every file of CPython 3.11's pure-Python standard
// library (/usr/lib/python3.11, tests included) compiles, and every code unit passes the
// stack-discipline check of interp/compile/stack_check.h and reads back unchanged from the
// bytes of interp/compile/code_serial.h (whose loader validates what it reads).
#define BOOST_TEST_MODULE interp_compile_stdlib
#include <boost/test/unit_test.hpp>

#include "interp/compile/code_serial.h"
#include "interp/compile/stack_check.h"
#include "tests/interp/compile/case_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(stdlib_compiles_with_sound_stacks) {
  const fs::path root = "/usr/lib/python3.11";
  if (!fs::exists(root)) {
    BOOST_TEST_MESSAGE("no " << root << ": skipped");
    return;
  }
  size_t files = 0, compiled = 0;
  for (auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
    std::string path = entry.path().string();
    if (path.find("site-packages") != std::string::npos ||
        path.find("dist-packages") != std::string::npos)
      continue;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    ++files;
    auto result = compile_test::compile_source(text.str(), path);
    if (auto* err = std::get_if<interp::parse::SyntaxErrorInfo>(&result)) {
      // A few test files are deliberately invalid: CPython 3.11 rejects them too.
      if (err->msg.rfind("parse error: ", 0) == 0 && path.find("/test/") != std::string::npos &&
          path.find("bad") != std::string::npos)
        continue;
      BOOST_ERROR(path << ": " << err->msg << " (line " << err->lineno << ")");
      continue;
    }
    ++compiled;
    if (auto problem = interp::compile::check_code(*std::get<0>(result)))
      BOOST_ERROR(path << ": " << *problem);
    std::string bytes, again;
    interp::bytecode::serialize_code(*std::get<0>(result), bytes);
    std::size_t pos = 0;
    auto loaded = interp::bytecode::deserialize_code(bytes, pos);
    if (auto* error = std::get_if<interp::bytecode::SerialError>(&loaded)) {
      BOOST_ERROR(path << ": not read back: " << error->message);
      continue;
    }
    interp::bytecode::serialize_code(*std::get<0>(loaded), again);
    if (again != bytes || pos != bytes.size()) BOOST_ERROR(path << ": read back differently");
  }
  BOOST_TEST_MESSAGE(compiled << " of " << files << " files compiled");
  BOOST_TEST(files > 500u);
}
