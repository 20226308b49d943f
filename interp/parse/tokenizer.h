// The tokenizer: turns decoded source text into Python 3.11 tokens, with the line
// structure (NEWLINE, INDENT, DEDENT), bracket tracking and the tokenizer's own
// SyntaxErrors worded and positioned as CPython 3.11 reports them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/parse/syntax_error.h"

namespace interp::parse {

enum class TokenKind : unsigned char {
  EndMarker,
  Name,
  Number,
  String,
  Newline,
  Indent,
  Dedent,
  Op
};

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  std::string_view text; // the source text; a String token includes prefix and quotes
  std::string name;      // Name: the identifier, NFKC-normalized
  int lineno = 1, col = 0, end_lineno = 1, end_col = 0; // columns are UTF-8 byte offsets
  int level = 0;                                        // brackets open after this token

  bool is_op(std::string_view s) const { return kind == TokenKind::Op && text == s; }
  bool is_name(std::string_view s) const { return kind == TokenKind::Name && text == s; }
};

bool is_keyword(std::string_view name);

// Source lines and the conversions that error positions need.
class SourceLines {
public:
  explicit SourceLines(std::string_view text);
  int count() const { return static_cast<int>(starts_.size()); }
  // Line `lineno` (1-based) with its newline if it has one; empty past the end.
  std::string_view line(int lineno) const;
  size_t line_start(int lineno) const { return starts_[lineno - 1]; }
  // The number of characters in the first `byte_col` bytes of line `lineno`.
  int char_col(int lineno, int byte_col) const;

private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

class Tokenizer {
public:
  Tokenizer(std::string_view text, const SourceLines& lines, std::string filename);

  // The next token; false once an error has been found (see error()).
  bool next(Token& out);
  const std::optional<SyntaxErrorInfo>& error() const { return error_; }
  // CPython's tokenizer reports indentation and line-continuation errors through a
  // status code that a later scan of the file does not turn into an exception: such an
  // error does not replace a parser error found earlier.
  bool error_is_status_code() const { return status_code_error_; }

  struct OpenBracket {
    char ch;
    int lineno, col;
  };
  const std::vector<OpenBracket>& open_brackets() const { return brackets_; }
  std::vector<SourceWarning> take_warnings() { return std::move(warnings_); }
  // The lines that end in a backslash joining them to the next, in order.
  const std::vector<int>& continued_lines() const { return continued_lines_; }

private:
  // The text is the line without its newline, as tokenizer.c's own errors give it; the
  // errors that 3.11's parser raises for the tokenizer's status codes (indentation, line
  // continuation) pass `parser_text` and get the line with its newline (one added at the
  // end of input without one, as the tokenizer's buffer has it).
  bool fail(SyntaxErrorInfo::Kind kind, std::string msg, int lineno, int offset, int end_offset,
            bool parser_text = false);
  // The 1-based offset just past the end of line `lineno` and its newline.
  int past_line_end(int lineno) const;
  // offset/end_offset as 1-based character columns of the current line, computed from
  // the byte position `pos` in the way CPython's tokenizer reports its errors.
  bool fail_at(std::string msg, size_t pos);
  // A SyntaxWarning at `pos`; its error is what fail_at would report.
  void warn_at(std::string msg, size_t pos);
  bool indentation(Token& out, bool& emitted);
  bool number(Token& out, size_t start);
  bool string(Token& out, size_t start, size_t quote);
  bool identifier(Token& out, size_t start);
  bool verify_end_of_number(size_t& p, const char* kind);
  void finish(Token& out, TokenKind kind, size_t start, int start_lineno, int start_col);
  int col_of(size_t pos) const { return static_cast<int>(pos - line_start_); }
  char at(size_t p) const { return p < text_.size() ? text_[p] : '\0'; }

  std::string_view text_;
  const SourceLines& lines_;
  std::string filename_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int lineno_ = 1;
  bool at_line_start_ = true;
  bool emitted_any_on_line_ = false;
  bool done_ = false;
  bool eof_newline_done_ = false;
  int pending_dedents_ = 0;
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<OpenBracket> brackets_;
  std::vector<int> continued_lines_;
  std::vector<SourceWarning> warnings_;
  std::optional<SyntaxErrorInfo> error_;
  bool status_code_error_ = false;
};

} // namespace interp::parse
