// tests/interp/compile/compile_test.cc - the compiler against CPython 3.11: instruction
// listings (translated from `dis`), compile-time SyntaxErrors with their positions, and
// the symbol table's classification of names. The expected data comes from
// gen_compile_cases.py run under python3.11.
#define BOOST_TEST_MODULE interp_compile
#include <boost/test/unit_test.hpp>

#include "interp/compile/disassembler.h"
#include "interp/compile/stack_check.h"
#include "interp/compile/symtable.h"
#include "interp/parse/parser.h"
#include "tests/interp/compile/case_file.h"

#include <map>
#include <sstream>

using namespace interp;

namespace {

std::string describe(const parse::SyntaxErrorInfo& e) {
  std::ostringstream out;
  out << e.msg << "\n"
      << e.lineno << " " << e.offset << " " << e.end_lineno << " " << e.end_offset << "\n";
  return out.str();
}

const char* scope_type(compile::ScopeKind kind) {
  switch (kind) {
  case compile::ScopeKind::Module:
    return "module";
  case compile::ScopeKind::Class:
    return "class";
  case compile::ScopeKind::Function:
    return "function";
  case compile::ScopeKind::Annotation:
    return "annotation";
  }
  return "?";
}

const char* scope_name(std::optional<compile::NameScope> s) {
  if (!s) return "NONE";
  switch (*s) {
  case compile::NameScope::Local:
    return "LOCAL";
  case compile::NameScope::GlobalExplicit:
    return "GLOBAL_EXPLICIT";
  case compile::NameScope::GlobalImplicit:
    return "GLOBAL_IMPLICIT";
  case compile::NameScope::Free:
    return "FREE";
  case compile::NameScope::Cell:
    return "CELL";
  }
  return "?";
}

void dump_scope(const compile::Scope* s, std::string& out) {
  if (s->kind == compile::ScopeKind::Annotation) return; // not listed by 3.11's symtable
  out += std::string("scope ") + scope_type(s->kind) + " " + s->name + " " +
         std::to_string(s->lineno) + "\n";
  std::map<std::string, std::uint32_t> sorted(s->flags.begin(), s->flags.end());
  static const std::pair<std::uint32_t, char> letters[] = {
      {compile::kDefGlobal, 'G'},   {compile::kDefLocal, 'L'}, {compile::kDefParam, 'P'},
      {compile::kDefNonlocal, 'N'}, {compile::kUse, 'U'},      {compile::kDefFreeClass, 'C'},
      {compile::kDefImport, 'I'},   {compile::kDefAnnot, 'A'}, {compile::kDefCompIter, 'T'}};
  for (auto& [name, flags] : sorted) {
    std::string l;
    for (auto& [bit, c] : letters)
      if (flags & bit) l += c;
    out += "  " + name + " " + scope_name(s->find_scope(name)) + " " + (l.empty() ? "-" : l) + "\n";
  }
  for (auto* child : s->children)
    dump_scope(child, out);
}

} // namespace

BOOST_AUTO_TEST_CASE(listings_match_cpython_dis) {
  auto cases = compile_test::read_cases("listing_cases.txt");
  BOOST_REQUIRE_GT(cases.size(), 40u);
  for (auto& c : cases) {
    BOOST_TEST_CONTEXT("case " << c.name << ":\n" << c.source) {
      auto result = compile_test::compile_source(c.source);
      if (auto* err = std::get_if<parse::SyntaxErrorInfo>(&result)) {
        BOOST_ERROR("compile failed: " << err->msg);
        continue;
      }
      auto& code = *std::get<0>(result);
      BOOST_TEST(bytecode::disassemble(code) == c.expect);
      auto problem = compile::check_code(code);
      BOOST_TEST(!problem.has_value(), (problem ? *problem : ""));
    }
  }
}

void positions(const bytecode::CodeUnit& code, std::string& out) {
  for (size_t i = 0; i < code.code.size(); ++i) {
    auto& l = code.locations[i];
    out += std::string(bytecode::op_name(bytecode::op_of(code.code[i]))) + " " +
           std::to_string(l.line) + " " + std::to_string(l.end_line) + " " + std::to_string(l.col) +
           " " + std::to_string(l.end_col) + "\n";
  }
  for (auto& c : code.consts)
    if (auto* nested = std::get_if<std::shared_ptr<const bytecode::CodeUnit>>(&c))
      positions(**nested, out);
}

// Lines and columns of every instruction, as CPython's co_positions() (tracebacks show
// the line, and in 3.11 mark the columns).
BOOST_AUTO_TEST_CASE(positions_match_cpython) {
  auto cases = compile_test::read_cases("position_cases.txt");
  BOOST_REQUIRE_GT(cases.size(), 40u);
  for (auto& c : cases) {
    BOOST_TEST_CONTEXT("case " << c.name << ":\n" << c.source) {
      auto result = compile_test::compile_source(c.source);
      BOOST_TEST_REQUIRE(std::holds_alternative<std::shared_ptr<const bytecode::CodeUnit>>(result));
      std::string out;
      positions(*std::get<0>(result), out);
      BOOST_TEST(out == c.expect);
    }
  }
}

BOOST_AUTO_TEST_CASE(syntax_errors_match_cpython) {
  auto cases = compile_test::read_cases("error_cases.txt");
  BOOST_REQUIRE_GT(cases.size(), 40u);
  for (auto& c : cases) {
    BOOST_TEST_CONTEXT("case " << c.name << ":\n" << c.source) {
      auto result = compile_test::compile_source(c.source);
      auto* err = std::get_if<parse::SyntaxErrorInfo>(&result);
      BOOST_TEST_REQUIRE(err != nullptr);
      BOOST_TEST(describe(*err) == c.expect);
      BOOST_TEST(err->filename == "<s>");
    }
  }
}

BOOST_AUTO_TEST_CASE(symbol_tables_match_cpython_symtable) {
  auto cases = compile_test::read_cases("symtable_cases.txt");
  BOOST_REQUIRE_GT(cases.size(), 10u);
  for (auto& c : cases) {
    BOOST_TEST_CONTEXT("case " << c.name << ":\n" << c.source) {
      auto parsed = parse::parse(c.source, "<s>", ast::Mode::Exec);
      BOOST_TEST_REQUIRE(!parsed.error);
      auto table = compile::build_symtable(*parsed.module, "<s>");
      auto* st = std::get_if<std::unique_ptr<compile::SymbolTable>>(&table);
      BOOST_TEST_REQUIRE(st != nullptr);
      std::string out;
      dump_scope((*st)->top(), out);
      BOOST_TEST(out == c.expect);
    }
  }
}

BOOST_AUTO_TEST_CASE(mangling) {
  BOOST_TEST(compile::mangle("C", "__x") == "_C__x");
  BOOST_TEST(compile::mangle("_C", "__x") == "_C__x");
  BOOST_TEST(compile::mangle("C", "__x__") == "__x__");
  BOOST_TEST(compile::mangle("___", "__x") == "__x");
  BOOST_TEST(compile::mangle("C", "_x") == "_x");
  BOOST_TEST(compile::mangle("C", "__a.b") == "__a.b");
  BOOST_TEST(compile::mangle("", "__x") == "__x");
}

BOOST_AUTO_TEST_CASE(eval_and_single_modes) {
  auto parsed = parse::parse("a + 1\n", "<s>", ast::Mode::Eval);
  BOOST_TEST_REQUIRE(!parsed.error);
  auto result = compile::compile(*parsed.module, "<s>");
  BOOST_TEST_REQUIRE(std::holds_alternative<std::shared_ptr<const bytecode::CodeUnit>>(result));
  // as python3.11 -c "import dis; dis.dis(compile('a + 1', '', 'eval'))"
  BOOST_TEST(bytecode::disassemble(*std::get<0>(result)) ==
             "Code <module> (<module>) args 0 posonly 0 kwonly 0 flags 0x0 stack 2\n"
             "   1       0 LOAD_NAME 0 (a)\n"
             "           1 LOAD_CONST 0 (1)\n"
             "           2 BINARY_OP 0 (+)\n"
             "           3 RETURN_VALUE\n");
  auto single = parse::parse("x = 1; x\n", "<s>", ast::Mode::Single);
  BOOST_TEST_REQUIRE(!single.error);
  auto r2 = compile::compile(*single.module, "<s>");
  BOOST_TEST_REQUIRE(std::holds_alternative<std::shared_ptr<const bytecode::CodeUnit>>(r2));
  // as python3.11 -c "import dis; dis.dis(compile('x = 1; x', '', 'single'))"
  BOOST_TEST(bytecode::disassemble(*std::get<0>(r2)) ==
             "Code <module> (<module>) args 0 posonly 0 kwonly 0 flags 0x0 stack 1\n"
             "   1       0 LOAD_CONST 0 (1)\n"
             "           1 STORE_NAME 0 (x)\n"
             "           2 LOAD_NAME 0 (x)\n"
             "           3 PRINT_EXPR\n"
             "           4 LOAD_CONST 1 (None)\n"
             "           5 RETURN_VALUE\n");
}

BOOST_AUTO_TEST_CASE(line_table_points_at_raising_instructions) {
  // python3.11: the traceback of `f()` names line 3 for the division, line 4 for the call.
  auto result = compile_test::compile_source("def f(a,\n      b):\n    x = a / b\n    g(x)\n");
  BOOST_TEST_REQUIRE(std::holds_alternative<std::shared_ptr<const bytecode::CodeUnit>>(result));
  auto& module = *std::get<0>(result);
  auto f = std::get<std::shared_ptr<const bytecode::CodeUnit>>(module.consts.at(0));
  bool saw_div = false, saw_call = false;
  for (size_t i = 0; i < f->code.size(); ++i) {
    auto op = bytecode::op_of(f->code[i]);
    if (op == bytecode::Op::BINARY_OP) {
      saw_div = true;
      BOOST_TEST(f->locations[i].line == 3);
      BOOST_TEST(f->locations[i].col == 8);
      BOOST_TEST(f->locations[i].end_col == 13);
    }
    if (op == bytecode::Op::CALL) {
      saw_call = true;
      BOOST_TEST(f->locations[i].line == 4);
    }
  }
  BOOST_TEST(saw_div);
  BOOST_TEST(saw_call);
  BOOST_TEST(f->firstlineno == 1);
  BOOST_TEST(f->varnames == (std::vector<std::string>{"a", "b", "x"}));
}
