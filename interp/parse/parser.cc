// The parser's core: token access, error reporting in CPython 3.11's priorities, node
// positions, and the entry point parse().
#include "interp/parse/parser.h"

#include <algorithm>

#include "interp/parse/parser_internal.h"
#include "interp/parse/source.h"

namespace interp::parse {

Parser::Parser(std::string_view text, const SourceLines& lines, std::string filename,
               ast::Arena* arena, int depth, SubSourceOrigin origin)
    : text_(text), lines_(lines), filename_(filename), arena_(arena),
      tokenizer_(text, lines, filename), depth_(depth), origin_(origin) {}

const Token& Parser::tok(size_t i) {
  while (toks_.size() <= i) {
    if (!toks_.empty() && (toks_.back().kind == TokenKind::EndMarker || tokenizer_failed_))
      return toks_.back();
    Token t;
    if (!tokenizer_.next(t)) {
      tokenizer_failed_ = true;
      // A stand-in that no rule accepts, so that parsing unwinds.
      t.kind = TokenKind::EndMarker;
      t.lineno = t.end_lineno = toks_.empty() ? 1 : toks_.back().end_lineno;
      t.col = t.end_col = toks_.empty() ? 0 : toks_.back().end_col;
      toks_.push_back(std::move(t));
      return toks_.back();
    }
    if (origin_.line_offset || origin_.col_offset) {
      if (t.lineno == 1) t.col += origin_.col_offset;
      if (t.end_lineno == 1) t.end_col += origin_.col_offset;
      t.lineno += origin_.line_offset;
      t.end_lineno += origin_.line_offset;
    }
    toks_.push_back(std::move(t));
  }
  return toks_[i];
}

bool Parser::eat_op(std::string_view s) {
  if (!at_op(s)) return false;
  pos_++;
  return true;
}

bool Parser::eat_kw(std::string_view s) {
  if (!at_kw(s)) return false;
  pos_++;
  return true;
}

bool Parser::at_name() {
  return cur().kind == TokenKind::Name && !is_keyword(cur().text);
}

std::optional<SyntaxErrorInfo> Parser::take_error() {
  if (tokenizer_failed_ && tokenizer_.error()) {
    // A backslash at the end of input inside brackets: 3.11's E_EOF there is the
    // unclosed bracket.
    if (tokenizer_.error()->msg == "unexpected EOF while parsing" &&
        !tokenizer_.open_brackets().empty())
      return unclosed_bracket_error();
    // Inside an f-string field: the lines of the real source, the field's own columns.
    SyntaxErrorInfo e = *tokenizer_.error();
    e.lineno += origin_.line_offset;
    e.end_lineno += origin_.line_offset;
    return e;
  }
  return std::move(error_);
}

std::vector<SourceWarning> Parser::take_warnings() {
  std::vector<SourceWarning> all = tokenizer_.take_warnings();
  for (SourceWarning& w : all) {
    w.error.lineno += origin_.line_offset;
    w.error.end_lineno += origin_.line_offset;
  }
  for (SourceWarning& w : warnings_)
    all.push_back(std::move(w));
  warnings_.clear();
  std::stable_sort(all.begin(), all.end(), [](const SourceWarning& a, const SourceWarning& b) {
    return a.error.lineno < b.error.lineno;
  });
  return all;
}

Failed Parser::fail_range(SyntaxErrorInfo::Kind kind, const std::string& msg, int lineno, int col,
                          int end_lineno, int end_col) {
  if (failed()) return {};
  error_ = error_info(kind, msg, lineno, col, end_lineno, end_col);
  return {};
}

SyntaxErrorInfo Parser::error_info(SyntaxErrorInfo::Kind kind, const std::string& msg, int lineno,
                                   int col, int end_lineno, int end_col) {
  SyntaxErrorInfo e;
  e.kind = kind;
  e.msg = is_fstring_ && kind != SyntaxErrorInfo::Kind::MemoryError ? "f-string: " + msg : msg;
  e.filename = filename_;
  // Positions inside an f-string field are reported against the field's own text.
  int line = lineno - origin_.line_offset;
  int end_line = end_lineno - origin_.line_offset;
  if (line == 1) col -= origin_.col_offset;
  if (end_line == 1) end_col -= origin_.col_offset;
  e.lineno = lineno;
  e.end_lineno = end_lineno;
  e.offset = column(line, col) + 1;
  e.end_offset = end_col < 0 ? end_col : column(end_line, end_col) + 1;
  // 3.11 takes the text from the tokenizer's buffer, the line it is reading with its
  // newline, when the error is on that line; an earlier line comes without its newline.
  int reading = toks_.empty() ? 1 : toks_.back().end_lineno - origin_.line_offset;
  e.text = std::string(lines_.line(line));
  if (line >= reading && !e.text.ends_with('\n')) e.text += '\n';
  if (line < reading && e.text.ends_with('\n')) e.text.pop_back();
  return e;
}

Failed Parser::fail_node(const ast::Node* n, const std::string& msg) {
  return fail_range(SyntaxErrorInfo::Kind::SyntaxError, msg, n->pos.lineno, n->pos.col_offset,
                    n->pos.end_lineno, n->pos.end_col_offset);
}

Failed Parser::fail_nodes(const ast::Node* a, const ast::Node* b, const std::string& msg) {
  return fail_range(SyntaxErrorInfo::Kind::SyntaxError, msg, a->pos.lineno, a->pos.col_offset,
                    b->pos.end_lineno, b->pos.end_col_offset);
}

Failed Parser::fail_token(const Token& t, const std::string& msg, SyntaxErrorInfo::Kind kind) {
  if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent ||
      t.kind == TokenKind::EndMarker) {
    // CPython's INDENT, DEDENT and ENDMARKER have no position of their own: the error
    // gets the tokenizer's column (the line read so far, with its newline) and no end.
    // Observed in 3.11: one past the column; at the end of the file, the length of the
    // last line with its newline (CPython adds one where the file has none).
    int offset = t.col + 1;
    bool at_end = t.lineno == lines_.count() &&
                  t.col == static_cast<int>(lines_.line(t.lineno).size()) && text_.ends_with('\n');
    if (at_end) offset = t.col;
    fail_range(kind, msg, t.lineno, offset - 1, t.lineno, -1);
    // A DEDENT back to column 0 reports offset 0.
    if (error_ && t.kind == TokenKind::Dedent && !at_end && t.col == 0) error_->offset = 0;
    return {};
  }
  return fail_range(kind, msg, t.lineno, t.col, t.end_lineno, t.end_col);
}

Failed Parser::fail_memory() {
  if (failed()) return {};
  SyntaxErrorInfo e;
  e.kind = SyntaxErrorInfo::Kind::MemoryError;
  e.filename = filename_;
  e.has_position = false;
  error_ = std::move(e);
  return {};
}

Failed Parser::fail_generic() {
  if (failed()) return {};
  const Token& t = cur();
  if (t.kind == TokenKind::Indent) {
    // CPython reports the column where the indented text starts, with no end.
    fail_range(SyntaxErrorInfo::Kind::IndentationError, "unexpected indent", t.lineno, t.col - 1,
               t.lineno, -1);
    if (error_) error_->end_offset = -1;
    return {};
  }
  if (t.kind == TokenKind::Dedent) {
    fail_range(SyntaxErrorInfo::Kind::IndentationError, "unexpected unindent", t.lineno, t.col,
               t.lineno, -1);
    return {};
  }
  return fail_token(t, "invalid syntax");
}

Failed Parser::fail_expected_at_newline(const char* what) {
  if (cur().kind != TokenKind::Newline) return fail_generic();
  return fail_expected(what);
}

Failed Parser::fail_expected(const char* what) {
  if (failed()) return {};
  // At the unexpected token, as CPython's forced tokens and invalid_* rules report it.
  if (cur().kind == TokenKind::Indent || cur().kind == TokenKind::Dedent) return fail_generic();
  return fail_token(cur(), std::string("expected ") + what);
}

void Parser::finish_error() {
  if (tokenizer_failed_) return;
  if (!error_ || error_->kind == SyntaxErrorInfo::Kind::MemoryError) return;
  if (error_->msg == "unexpected indent" || error_->msg == "unexpected unindent") return;
  // Like CPython, a tokenizer error anywhere later in the file, or a bracket still
  // open at the end, takes precedence over the parser's own complaint.
  int err_line = toks_.empty() ? error_->lineno : std::max(error_->lineno, toks_.back().lineno);
  bool failed_at_end = cur().kind == TokenKind::EndMarker;
  for (;;) {
    Token t;
    if (!tokenizer_.next(t)) {
      if (!tokenizer_.error_is_status_code()) {
        tokenizer_failed_ = true;
        return;
      }
      break;
    }
    if (t.kind == TokenKind::EndMarker) break;
  }
  (void)failed_at_end;
  const auto& open = tokenizer_.open_brackets();
  if (!open.empty() && err_line > open.back().lineno) {
    error_ = unclosed_bracket_error();
  }
}

SyntaxErrorInfo Parser::unclosed_bracket_error() const {
  const auto& b = tokenizer_.open_brackets().back();
  SyntaxErrorInfo e;
  e.msg = std::string("'") + b.ch + "' was never closed";
  e.filename = filename_;
  e.lineno = e.end_lineno = b.lineno;
  e.offset = column(b.lineno, b.col) + 1;
  e.end_offset = 0;
  e.text = unclosed_bracket_text(b.lineno);
  return e;
}

// CPython takes this text from its tokenizer's buffer when the line is the last one it
// read (with the newline it adds to the source), and from the source otherwise, without
// the newline.
std::string Parser::unclosed_bracket_text(int lineno) const {
  int last = lines_.count();
  if (last > 1 && lines_.line(last).empty()) last--;
  std::string text(lines_.line(lineno));
  if (lineno == last && !text.ends_with('\n')) text += '\n';
  if (lineno != last && text.ends_with('\n')) text.pop_back();
  return text;
}

// The end of a node is the end of its last token that is not NEWLINE, INDENT or DEDENT.
const Token& Parser::last_significant() {
  size_t i = pos_;
  while (i > 0) {
    const Token& t = toks_[i - 1];
    if (t.kind != TokenKind::Newline && t.kind != TokenKind::Indent && t.kind != TokenKind::Dedent)
      return t;
    i--;
  }
  return tok(0);
}

ast::Pos Parser::pos_from(size_t start_tok) {
  const Token& s = tok(start_tok);
  const Token& e = pos_ > start_tok ? last_significant() : s;
  return {s.lineno, s.col, e.end_lineno, e.end_col};
}

ast::Pos Parser::pos_from(const ast::Pos& start) {
  const Token& e = last_significant();
  return {start.lineno, start.col_offset, e.end_lineno, e.end_col};
}

bool Parser::parse_module(ast::Mode mode, ast::Module& out) {
  out.mode = mode;
  bool ok = false;
  if (mode == ast::Mode::Exec) {
    ok = statements(out.body, false) && cur().kind == TokenKind::EndMarker;
    if (ok && tokenizer_failed_) ok = false;
    if (!ok) fail_generic();
  } else if (mode == ast::Mode::Eval || mode == ast::Mode::FuncType) {
    out.expression = mode == ast::Mode::Eval ? star_expressions() : func_type(out.argtypes);
    ok = out.expression != nullptr;
    while (ok && cur().kind == TokenKind::Newline)
      pos_++;
    if (ok && cur().kind != TokenKind::EndMarker) ok = false;
    if (ok && tokenizer_failed_) ok = false;
    if (!ok) fail_generic();
  } else {
    // Interactive: one statement (simple statements or one compound statement), then the
    // end; blank input is an empty body.
    if (cur().kind == TokenKind::EndMarker) {
      ok = !tokenizer_failed_;
    } else {
      ok = statement(out.body);
      while (ok && cur().kind == TokenKind::Newline)
        pos_++;
      if (ok && cur().kind != TokenKind::EndMarker) {
        const Token& p = prev();
        fail_range(SyntaxErrorInfo::Kind::SyntaxError,
                   "multiple statements found while compiling a single statement", p.lineno, p.col,
                   p.lineno, p.col);
        // 3.11 finds the rest by scanning characters, not tokens: its tokenizer is still
        // on the statement's line, which the text shows with its newline.
        if (error_ && !error_->text.ends_with('\n')) error_->text += '\n';
        ok = false;
      }
      if (ok && tokenizer_failed_) ok = false;
    }
    if (!ok) fail_generic();
  }
  if (!ok) {
    // (the end read at all, as 3.11's tokenizer reports the end inside brackets whenever
    // its parser reads that far)
    if (!toks_.empty() && toks_.back().kind == TokenKind::EndMarker && !tokenizer_failed_ &&
        !tokenizer_.open_brackets().empty() && error_ && error_->msg == "invalid syntax") {
      // The file ended inside brackets.
      error_ = unclosed_bracket_error();
      return false;
    }
    finish_error();
  }
  return ok;
}

// func_type: '(' [type_expressions] ')' '->' expression. The type expressions are plain
// expressions, then at most one '*' expression, then at most one '**' expression; the
// stars are dropped from the tree.
ast::Expr* Parser::func_type(ast::List<ast::Expr>& argtypes) {
  if (!eat_op("(")) return fail_generic();
  int stars = 0;
  while (!argtypes.empty() || !at_op(")")) {
    int star = eat_op("**") ? 2 : eat_op("*") ? 1 : 0;
    if (star ? star <= stars : stars > 0) return fail_generic();
    stars = star;
    ast::Expr* e = expression();
    if (!e) return nullptr;
    argtypes.push_back(e);
    if (stars == 2 || !eat_op(",")) break; // nothing may follow the '**' one
  }
  if (!eat_op(")") || !eat_op("->")) return fail_generic();
  return expression();
}

ast::Expr* Parser::parse_fstring_expression() {
  is_fstring_ = true;
  ast::Expr* e = star_expressions();
  if (e && cur().kind == TokenKind::Newline) pos_++;
  if (e && cur().kind != TokenKind::EndMarker) e = nullptr;
  if (!e) fail_generic();
  return e;
}

namespace {

// CPython appends a newline to source text only for exec input. Without it, eval and
// single input end in ENDMARKER with no NEWLINE before it: an error there has offset 0,
// and the last line is reported as written, with no newline.
void report_without_final_newline(SyntaxErrorInfo& e, const SourceLines& lines, bool bytes) {
  if (e.kind != SyntaxErrorInfo::Kind::SyntaxError || e.lineno != lines.count()) return;
  std::string_view last = lines.line(e.lineno);
  if (last.ends_with('\n') || !e.text.ends_with('\n')) return;
  e.text.pop_back();
  int end_col = static_cast<int>(last.size()) + 1;
  if (!bytes) end_col = lines.char_col(e.lineno, static_cast<int>(last.size())) + 1;
  if (e.offset == end_col && e.end_offset == end_col) e.offset = e.end_offset = 0;
}

} // namespace

ParseResult parse(std::string_view source_bytes, const std::string& filename, ast::Mode mode,
                  SourceKind kind) {
  ParseResult result;
  if (source_bytes.find('\0') != std::string_view::npos) {
    SyntaxErrorInfo e;
    e.msg = "source code string cannot contain null bytes";
    e.filename = filename;
    e.has_position = false;
    if (kind != SourceKind::ScriptFile) e.kind = SyntaxErrorInfo::Kind::ValueError;
    result.error = std::move(e);
    return result;
  }
  DecodedSource decoded = kind == SourceKind::Text ? translate_newlines(source_bytes)
                                                   : decode_source(source_bytes, filename, kind);
  if (decoded.error) {
    result.error = std::move(decoded.error);
    return result;
  }
  auto module = std::make_unique<ast::Module>();
  SourceLines lines(decoded.text);
  Parser parser(decoded.text, lines, filename, module->arena.get());
  // 3.11 reports its parser's columns in bytes for bytes with neither a BOM nor a coding
  // declaration (its tokenizer has no encoding then); in characters otherwise.
  bool byte_columns = kind != SourceKind::Text && !source_bytes.starts_with("\xef\xbb\xbf") &&
                      !declared_encoding(source_bytes);
  parser.set_byte_columns(byte_columns);
  bool parsed = parser.parse_module(mode, *module);
  result.warnings = parser.take_warnings();
  if (!parsed) {
    result.error = parser.take_error();
    if (!result.error) {
      SyntaxErrorInfo e;
      e.msg = "invalid syntax";
      e.filename = filename;
      result.error = std::move(e);
    }
    if (mode != ast::Mode::Exec) report_without_final_newline(*result.error, lines, byte_columns);
    return result;
  }
  result.module = std::move(module);
  return result;
}

} // namespace interp::parse
