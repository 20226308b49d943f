// The parser against python3.11 on a table of small programs (ast.dump with positions)
// and a table of invalid ones (exception type, message and position), both written by
// gen_cases.py; plus nesting limits and concurrent use.
#define BOOST_TEST_MODULE parse_cases
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "interp/parse/ast_dump.h"
#include "interp/parse/parser.h"

using interp::ast::Mode;
using interp::parse::parse;
using interp::parse::SyntaxErrorInfo;

namespace {

struct Record {
  Mode mode;
  std::string source;
  std::string expected;
};

Mode mode_named(const std::string& m) {
  return m == "eval" ? Mode::Eval : m == "single" ? Mode::Single : Mode::Exec;
}

std::vector<Record> read_records(const std::string& file, const std::string& tag) {
  std::ifstream in(std::string(PARSE_TEST_DATA_DIR) + "/" + file, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << file);
  std::vector<Record> out;
  std::string header;
  while (std::getline(in, header)) {
    std::istringstream h(header);
    std::string at, mode;
    size_t n = 0;
    h >> at >> mode >> n;
    BOOST_REQUIRE_EQUAL(at, tag);
    Record r;
    r.mode = mode_named(mode);
    r.source.resize(n);
    in.read(r.source.data(), static_cast<std::streamsize>(n));
    in.get(); // the newline after the source
    std::getline(in, r.expected);
    out.push_back(std::move(r));
  }
  return out;
}

const char* kind_name(SyntaxErrorInfo::Kind k) {
  switch (k) {
  case SyntaxErrorInfo::Kind::SyntaxError:
    return "SyntaxError";
  case SyntaxErrorInfo::Kind::IndentationError:
    return "IndentationError";
  case SyntaxErrorInfo::Kind::TabError:
    return "TabError";
  case SyntaxErrorInfo::Kind::MemoryError:
    return "MemoryError";
  }
  return "?";
}

std::string describe(const SyntaxErrorInfo& e) {
  auto opt = [&](int v) { return e.has_position ? std::to_string(v) : std::string("None"); };
  std::string lineno = std::to_string(e.lineno);
  std::string offset = std::to_string(e.offset);
  if (e.kind == SyntaxErrorInfo::Kind::MemoryError) lineno = offset = "None";
  return std::string(kind_name(e.kind)) + "\t" + e.msg + "\t" + lineno + "\t" + offset + "\t" +
         opt(e.end_lineno) + "\t" + opt(e.end_offset);
}

} // namespace

BOOST_AUTO_TEST_CASE(valid_programs_dump_like_python) {
  auto records = read_records("cases.txt", "@@case");
  BOOST_REQUIRE_GT(records.size(), 50u);
  for (const auto& r : records) {
    auto result = parse(r.source, "<test>", r.mode);
    if (result.error) {
      BOOST_ERROR("unexpected error for:\n" << r.source << "\n" << describe(*result.error));
      continue;
    }
    std::string dump = interp::parse::ast_dump(*result.module, true);
    BOOST_CHECK_MESSAGE(dump == r.expected, "source:\n"
                                                << r.source << "\nours:   " << dump
                                                << "\npython: " << r.expected);
  }
}

BOOST_AUTO_TEST_CASE(invalid_programs_fail_like_python) {
  auto records = read_records("errors.txt", "@@error");
  BOOST_REQUIRE_GT(records.size(), 100u);
  for (const auto& r : records) {
    auto result = parse(r.source, "<test>", r.mode);
    if (!result.error) {
      BOOST_ERROR("no error for:\n" << r.source);
      continue;
    }
    std::string got = describe(*result.error);
    BOOST_CHECK_MESSAGE(got == r.expected, "source:\n"
                                               << r.source << "\nours:   " << got
                                               << "\npython: " << r.expected);
  }
}

BOOST_AUTO_TEST_CASE(error_text_is_the_source_line) {
  auto r = parse("x = 1\ny = (1 2)\n", "t.py", Mode::Exec);
  BOOST_REQUIRE(r.error);
  BOOST_CHECK_EQUAL(r.error->text, "y = (1 2)\n");
  BOOST_CHECK_EQUAL(r.error->filename, "t.py");
  BOOST_CHECK_EQUAL(r.error->msg, "invalid syntax. Perhaps you forgot a comma?");
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_an_error_not_a_crash) {
  // python3.11: 200 brackets parse, 201 is "too many nested parentheses".
  std::string ok = std::string(200, '(') + std::string(200, ')');
  BOOST_CHECK(!parse(ok, "t", Mode::Exec).error);
  auto r = parse(std::string(1000, '['), "t", Mode::Exec);
  BOOST_REQUIRE(r.error);
  BOOST_CHECK_EQUAL(r.error->msg, "too many nested parentheses");
  // python3.11 compiles 3000 unary minus signs and raises MemoryError for 10000.
  BOOST_CHECK(!parse(std::string(3000, '-') + "1", "t", Mode::Exec).error);
  r = parse(std::string(100000, '-') + "1", "t", Mode::Exec);
  BOOST_REQUIRE(r.error);
  BOOST_CHECK(r.error->kind == SyntaxErrorInfo::Kind::MemoryError);
  std::string nots;
  for (int i = 0; i < 100000; i++)
    nots += "not ";
  BOOST_CHECK(parse(nots + "x", "t", Mode::Exec).error);
  std::string lambdas;
  for (int i = 0; i < 50000; i++)
    lambdas += "lambda:";
  BOOST_CHECK(parse(lambdas + "x", "t", Mode::Exec).error);
  // Long flat chains build no deep recursion.
  std::string sum = "1";
  for (int i = 0; i < 100000; i++)
    sum += "+1";
  BOOST_CHECK(!parse(sum, "t", Mode::Exec).error);
  // Indentation deeper than 100 levels is refused like python3.11 does.
  std::string deep;
  for (int i = 0; i < 101; i++)
    deep += std::string(i, ' ') + "if x:\n";
  deep += std::string(101, ' ') + "pass\n";
  r = parse(deep, "t", Mode::Exec);
  BOOST_REQUIRE(r.error);
  BOOST_CHECK_EQUAL(r.error->msg, "too many levels of indentation");
}

BOOST_AUTO_TEST_CASE(parses_concurrently) {
  auto records = read_records("cases.txt", "@@case");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; t++)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; round++)
        for (const auto& r : records) {
          auto result = parse(r.source, "<test>", r.mode);
          if (!result.module || interp::parse::ast_dump(*result.module, true) != r.expected)
            mismatches[t]++;
        }
    });
  for (auto& th : threads)
    th.join();
  int first_run_failures = 0;
  for (const auto& r : records) {
    auto result = parse(r.source, "<test>", r.mode);
    if (!result.module || interp::parse::ast_dump(*result.module, true) != r.expected)
      first_run_failures++;
  }
  for (int t = 0; t < 4; t++)
    BOOST_CHECK_EQUAL(mismatches[t], first_run_failures * 20);
}
