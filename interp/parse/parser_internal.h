// The recursive-descent parser of the Python 3.11 grammar, shared by the files that
// implement it (parser.cc: tokens, errors and the entry point; parser_stmt.cc,
// parser_expr.cc, parser_target.cc, parser_pattern.cc, parser_string.cc).
//
// Every parse function returns null (or false) on failure after recording an error;
// the first error recorded wins, as in CPython where an invalid_* rule raises at once.
// Speculative parses (a `match` that turns out to be a name, a missing comma check)
// save the position with mark() and come back with reset().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interp/parse/ast.h"
#include "interp/parse/parser.h"
#include "interp/parse/tokenizer.h"

namespace interp::parse {

// Where a parse of an f-string replacement field sits inside the real source.
struct SubSourceOrigin {
  int line_offset = 0; // added to every line number
  int col_offset = 0;  // added to the columns of the first line
};

// What the fail_* helpers return: null for the rules that build nodes, false for the
// rules that fill lists.
struct Failed {
  template <class T> operator T*() const { return nullptr; }
  explicit(false) operator bool() const { return false; }
};

class Parser {
public:
  Parser(std::string_view text, const SourceLines& lines, std::string filename, ast::Arena* arena,
         int depth = 0, SubSourceOrigin origin = {});

  bool parse_module(ast::Mode mode, ast::Module& out);
  // The f-string replacement field form: star_expressions, then the end.
  ast::Expr* parse_fstring_expression();
  std::optional<SyntaxErrorInfo> take_error();
  // The tokenizer's and the parser's warnings, by line.
  std::vector<SourceWarning> take_warnings();
  void set_byte_columns(bool on) { byte_columns_ = on; }

private:
  friend struct DepthGuard;
  // ---- tokens ----
  const Token& tok(size_t i);
  const Token& cur() { return tok(pos_); }
  const Token& peek(size_t k = 1) { return tok(pos_ + k); }
  const Token& prev() { return toks_[pos_ - 1]; }
  bool at_op(std::string_view s) { return cur().is_op(s); }
  bool at_kw(std::string_view s) { return cur().is_name(s); }
  bool eat_op(std::string_view s);
  bool eat_kw(std::string_view s);
  bool at_name(); // a NAME that is not a keyword
  size_t mark() const { return pos_; }
  void reset(size_t m) { pos_ = m; }

  // ---- errors ----
  bool failed() const { return error_.has_value() || tokenizer_failed_; }
  Failed fail_range(SyntaxErrorInfo::Kind kind, const std::string& msg, int lineno, int col,
                    int end_lineno, int end_col);
  // The SyntaxError fail_range would record, without recording it.
  SyntaxErrorInfo error_info(SyntaxErrorInfo::Kind kind, const std::string& msg, int lineno,
                             int col, int end_lineno, int end_col);
  // Records the DeprecationWarning for the invalid escape at body[at] of the string token
  // `t` (nothing when `at` is npos); true to go on.
  bool warn_invalid_escape(const Token& t, std::string_view body, size_t at);
  Failed fail_node(const ast::Node* n, const std::string& msg);
  Failed fail_nodes(const ast::Node* a, const ast::Node* b, const std::string& msg);
  Failed fail_token(const Token& t, const std::string& msg,
                    SyntaxErrorInfo::Kind kind = SyntaxErrorInfo::Kind::SyntaxError);
  Failed fail_generic();                  // "invalid syntax" (or what the current token implies)
  Failed fail_expected(const char* what); // "expected ':'" and the like
  // Where CPython's invalid_* rule only fires when the line ends there.
  Failed fail_expected_at_newline(const char* what);
  Failed fail_memory();
  void finish_error(); // after a failure: tokenizer errors and unclosed brackets first
  // The SyntaxError text of an unclosed bracket's line, once the whole input is read.
  std::string unclosed_bracket_text(int lineno) const;
  // "'(' was never closed" for the innermost bracket still open.
  SyntaxErrorInfo unclosed_bracket_error() const;

  // ---- positions ----
  // The 0-based column of an error as reported: characters, or bytes (set_byte_columns).
  int column(int lineno, int byte_col) const {
    return byte_columns_ ? byte_col : lines_.char_col(lineno, byte_col);
  }
  const Token& last_significant();
  ast::Pos pos_from(size_t start_tok);
  ast::Pos pos_from(const ast::Pos& start);
  template <class T> T* make(size_t start_tok) {
    T* n = arena_->make<T>();
    n->pos = pos_from(start_tok);
    return n;
  }
  template <class T> T* make_at(const ast::Pos& p) {
    T* n = arena_->make<T>();
    n->pos = p;
    return n;
  }

  // ---- statements (parser_stmt.cc) ----
  bool statements(ast::List<ast::Stmt>& out, bool until_dedent);
  bool statement(ast::List<ast::Stmt>& out);
  bool simple_statements(ast::List<ast::Stmt>& out);
  ast::Stmt* simple_statement();
  ast::Stmt* expression_statement();
  ast::Stmt* compound_statement();
  bool block(ast::List<ast::Stmt>& out, const char* what, int lineno);
  ast::Stmt* function_def(ast::List<ast::Expr> decorators, size_t start);
  ast::Stmt* class_def(ast::List<ast::Expr> decorators, size_t start);
  ast::Stmt* if_statement(bool is_elif);
  ast::Stmt* while_statement();
  ast::Stmt* for_statement(size_t start, bool is_async);
  ast::Stmt* with_statement(size_t start, bool is_async);
  ast::Stmt* try_statement();
  ast::Stmt* match_statement(); // null without error when it is not a match statement
  ast::Stmt* import_statement();
  ast::Stmt* from_import_statement();
  ast::Stmt* raise_statement();
  ast::Stmt* del_statement();
  ast::Stmt* assert_statement();
  ast::Stmt* global_statement(bool nonlocal);
  ast::Stmt* return_statement();
  bool dotted_name(std::string& out);
  ast::Arguments* parameters(bool lambda);
  ast::Arg* parameter(bool lambda, bool allow_star_annotation);

  // ---- expressions (parser_expr.cc) ----
  ast::Expr* star_expressions();
  ast::Expr* func_type(ast::List<ast::Expr>& argtypes);
  ast::Expr* star_expression();
  ast::Expr* star_named_expression();
  ast::Expr* named_expression();
  ast::Expr* expression();
  ast::Expr* disjunction();
  ast::Expr* conjunction();
  ast::Expr* inversion();
  ast::Expr* comparison();
  ast::Expr* bitwise_or();
  ast::Expr* bitwise_xor();
  ast::Expr* bitwise_and();
  ast::Expr* shift_expr();
  ast::Expr* sum();
  ast::Expr* term();
  ast::Expr* factor();
  ast::Expr* power();
  ast::Expr* await_primary();
  ast::Expr* primary();
  ast::Expr* atom();
  ast::Expr* paren_atom();
  ast::Expr* list_atom();
  ast::Expr* brace_atom();
  ast::Expr* slices();
  ast::Expr* slice();
  ast::Expr* lambdef();
  ast::Expr* yield_expr();
  ast::Expr* call(ast::Expr* func, size_t start_tok);
  bool comprehension_clauses(ast::List<ast::Comprehension>& out);
  bool starts_expression(const Token& t);
  void check_missing_comma(ast::Expr* first); // records the "forgot a comma?" error
  bool at_comprehension_for() { return at_kw("for") || (at_kw("async") && peek().is_name("for")); }
  // invalid_comprehension's '[a, b for ...]': true with the error recorded when the
  // elements are followed by comprehension clauses.
  bool comprehension_target_hint(const ast::List<ast::Expr>& elts);
  // The value of a dict's key-value pair, with 3.11's invalid_kvpair errors.
  ast::Expr* dict_value();
  ast::Expr* star_expressions_or_yield();
  static bool comparison_typo_candidate(const ast::Expr* e);

  // ---- targets (parser_target.cc) ----
  ast::Expr* star_targets(); // for/comprehension targets
  ast::Expr* star_target_element();
  bool set_store(ast::Expr* e, bool here_hint);
  bool set_del(ast::Expr* e);
  static const char* expr_name(const ast::Expr* e);

  // ---- strings (parser_string.cc) ----
  ast::Expr* strings();
  bool fstring(const Token& t, std::string_view body, bool raw, int depth,
               std::vector<ast::Expr*>& parts, std::u32string& literal, ast::Pos whole,
               size_t* consumed);

  // ---- patterns (parser_pattern.cc) ----
  ast::Pattern* patterns();
  ast::Pattern* pattern();
  ast::Pattern* or_pattern();
  ast::Pattern* closed_pattern();
  ast::Expr* pattern_value_expr(); // signed numbers, complex, strings, dotted names
  ast::Pattern* class_pattern_rest(ast::Expr* cls, size_t start);
  ast::Pattern* mapping_pattern();
  ast::Pattern* sequence_pattern(const char* close, size_t start);

  std::string_view text_;
  const SourceLines& lines_;
  std::string filename_;
  ast::Arena* arena_;
  Tokenizer tokenizer_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  bool tokenizer_failed_ = false;
  std::optional<SyntaxErrorInfo> error_;
  std::vector<SourceWarning> warnings_;
  int depth_ = 0;
  SubSourceOrigin origin_;
  bool is_fstring_ = false;
  ast::Pos fstring_whole_;     // the string concatenation being parsed
  bool call_argument_ = false; // named_expression is a call argument: '=' is a kwarg typo
  size_t furthest_line_ = 0;
  bool suppress_invalid_ = false; // inside the speculative parse of an invalid_* check
  size_t match_missing_colon_ = 0; // `match subject` NEWLINE: the NEWLINE's token index
  bool byte_columns_ = false;
};

// Counts nesting of the recursive rules; past the limit the parse fails with
// MemoryError, which is what CPython 3.11 raises when its parser stack overflows.
struct DepthGuard {
  explicit DepthGuard(Parser& p) : parser(p) { parser.depth_++; }
  ~DepthGuard() { parser.depth_--; }
  bool too_deep() const { return parser.depth_ > kMaxDepth; }
  static constexpr int kMaxDepth = 6000;
  Parser& parser;
};

// Decoding of string literal bodies, shared with f-strings.
std::u32string utf8_to_u32(std::string_view s);
std::string u32_to_utf8(std::u32string_view s);

} // namespace interp::parse
