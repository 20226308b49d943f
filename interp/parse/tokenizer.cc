// The tokenizer. The order of checks and the error positions follow CPython 3.11's
// tokenizer closely, because programs and tests observe SyntaxError.offset.
#include "interp/parse/tokenizer.h"

#include <array>
#include <cstdio>
#include <cstdlib>

#include <utf8proc.h>

#include "interp/parse/source.h"
#include "interp/text/identifiers.h"

namespace interp::parse {

namespace {

constexpr int kMaxBrackets = 200;
constexpr int kMaxIndents = 100;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_potential_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 128;
}
bool is_potential_identifier_char(char c) {
  return is_potential_identifier_start(c) || is_digit(c);
}

char32_t decode_at(std::string_view s, size_t i, int* len) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    *len = 1;
    return 0xFFFD;
  }
  *len = static_cast<int>(n);
  return static_cast<char32_t>(cp);
}

// str.isprintable for one character.
bool is_printable(char32_t cp) {
  if (cp == ' ') return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
  case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF:
  case UTF8PROC_CATEGORY_CS:
  case UTF8PROC_CATEGORY_CO:
  case UTF8PROC_CATEGORY_CN:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_ZS:
    return false;
  default:
    return true;
  }
}

std::string encode_utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

constexpr std::array<std::string_view, 4> kThreeCharOps = {"**=", "//=", ">>=", "<<="};
constexpr std::array<std::string_view, 21> kTwoCharOps = {
    "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=",
    "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "..", "~~"};

} // namespace

bool is_keyword(std::string_view name) {
  for (auto k : kKeywords)
    if (k == name) return true;
  return false;
}

SourceLines::SourceLines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); i++)
    if (text[i] == '\n' && i + 1 < text.size()) starts_.push_back(i + 1);
}

std::string_view SourceLines::line(int lineno) const {
  if (lineno < 1 || lineno > count()) return {};
  size_t start = starts_[lineno - 1];
  size_t end = text_.find('\n', start);
  return text_.substr(start,
                      end == std::string_view::npos ? text_.size() - start : end - start + 1);
}

int SourceLines::char_col(int lineno, int byte_col) const {
  std::string_view l = line(lineno);
  int chars = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(l.size()); i++)
    if ((static_cast<unsigned char>(l[i]) & 0xC0) != 0x80) chars++;
  if (byte_col > static_cast<int>(l.size())) chars += byte_col - static_cast<int>(l.size());
  return chars;
}

Tokenizer::Tokenizer(std::string_view text, const SourceLines& lines, std::string filename)
    : text_(text), lines_(lines), filename_(std::move(filename)) {}

bool Tokenizer::fail(SyntaxErrorInfo::Kind kind, std::string msg, int lineno, int offset,
                     int end_offset, bool parser_text) {
  SyntaxErrorInfo e;
  e.kind = kind;
  e.msg = std::move(msg);
  e.filename = filename_;
  e.lineno = e.end_lineno = lineno;
  e.offset = offset;
  e.end_offset = end_offset;
  e.text = std::string(lines_.line(lineno));
  bool newline = e.text.ends_with('\n');
  if (parser_text && !newline) e.text += '\n';
  if (!parser_text && newline) e.text.pop_back();
  error_ = std::move(e);
  return false;
}

void Tokenizer::warn_at(std::string msg, size_t pos) {
  auto saved = std::move(error_);
  fail_at(std::move(msg), pos);
  SourceWarning w;
  w.category = SourceWarning::Category::Syntax;
  w.error = std::move(*error_);
  warnings_.push_back(std::move(w));
  error_ = std::move(saved);
}

int Tokenizer::past_line_end(int lineno) const {
  std::string_view l = lines_.line(lineno);
  return lines_.char_col(lineno, static_cast<int>(l.size())) + (l.ends_with('\n') ? 0 : 1);
}

bool Tokenizer::fail_at(std::string msg, size_t pos) {
  int off = lines_.char_col(lineno_, static_cast<int>(pos - line_start_));
  return fail(SyntaxErrorInfo::Kind::SyntaxError, std::move(msg), lineno_, off, off);
}

void Tokenizer::finish(Token& out, TokenKind kind, size_t start, int start_lineno, int start_col) {
  out.kind = kind;
  out.text = text_.substr(start, pos_ - start);
  out.lineno = start_lineno;
  out.col = start_col;
  out.end_lineno = lineno_;
  out.end_col = col_of(pos_);
  out.level = static_cast<int>(brackets_.size());
  emitted_any_on_line_ = true;
}

bool Tokenizer::indentation(Token& out, bool& emitted) {
  emitted = false;
  int col = 0, alt = 0;
  // Indentation cannot be split over lines with backslashes: the column of the first
  // backslash-newline among the leading whitespace is the line's indentation.
  int continuation_col = 0;
  size_t p = pos_;
  for (;; p++) {
    char c = at(p);
    if (p >= text_.size()) break;
    if (c == ' ') {
      col++;
      alt++;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
      alt++;
    } else if (c == '\f') {
      col = alt = 0;
    } else if (c == '\\' && at(p + 1) == '\n' && p + 2 < text_.size()) {
      if (!continuation_col) continuation_col = col;
      lineno_++;
      line_start_ = p + 2;
      p++;
    } else {
      break;
    }
  }
  at_line_start_ = false;
  if (continuation_col) col = alt = continuation_col;
  if (p >= text_.size() || at(p) == '#' || at(p) == '\n') { // blank line
    pos_ = p;
    return true;
  }
  auto tab_error = [&] {
    status_code_error_ = true;
    return fail(SyntaxErrorInfo::Kind::TabError,
                "inconsistent use of tabs and spaces in indentation", lineno_, 1, 0, true);
  };
  if (col == indents_.back()) {
    if (alt != alt_indents_.back()) return tab_error();
  } else if (col > indents_.back()) {
    if (static_cast<int>(indents_.size()) >= kMaxIndents) {
      status_code_error_ = true;
      return fail(SyntaxErrorInfo::Kind::IndentationError, "too many levels of indentation",
                  lineno_, 1, 0, true);
    }
    if (alt <= alt_indents_.back()) return tab_error();
    indents_.push_back(col);
    alt_indents_.push_back(alt);
    out.kind = TokenKind::Indent;
    out.text = {};
    out.lineno = out.end_lineno = lineno_;
    out.col = out.end_col = static_cast<int>(p - line_start_);
    emitted = true;
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      pending_dedents_++;
    }
    if (col != indents_.back()) {
      status_code_error_ = true;
      return fail(SyntaxErrorInfo::Kind::IndentationError,
                  "unindent does not match any outer indentation level", lineno_,
                  past_line_end(lineno_), -1, true);
    }
    if (alt != alt_indents_.back()) return tab_error();
  }
  pos_ = p;
  return true;
}

bool Tokenizer::next(Token& out) {
  if (error_) return false;
  out.name.clear();
  auto zero_width = [&](TokenKind kind) {
    out.kind = kind;
    out.text = {};
    out.lineno = out.end_lineno = lineno_;
    out.col = out.end_col = col_of(std::min(pos_, text_.size()));
  };
  if (pending_dedents_ > 0) {
    pending_dedents_--;
    zero_width(TokenKind::Dedent);
    return true;
  }
  if (done_) {
    zero_width(TokenKind::EndMarker);
    return true;
  }
  for (;;) {
    if (at_line_start_ && brackets_.empty()) {
      bool emitted = false;
      if (!indentation(out, emitted)) return false;
      if (emitted) return true;
      if (pending_dedents_ > 0) {
        pending_dedents_--;
        zero_width(TokenKind::Dedent);
        return true;
      }
    }
    at_line_start_ = false;
    while (pos_ < text_.size() && (at(pos_) == ' ' || at(pos_) == '\t' || at(pos_) == '\f'))
      pos_++;
    if (pos_ >= text_.size()) {
      if (emitted_any_on_line_ && brackets_.empty()) {
        zero_width(TokenKind::Newline);
        emitted_any_on_line_ = false;
        return true;
      }
      if (indents_.size() > 1 && brackets_.empty()) {
        pending_dedents_ = static_cast<int>(indents_.size()) - 1;
        indents_.resize(1);
        alt_indents_.resize(1);
        pending_dedents_--;
        zero_width(TokenKind::Dedent);
        return true;
      }
      done_ = true;
      zero_width(TokenKind::EndMarker);
      return true;
    }
    char c = text_[pos_];
    if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n')
        pos_++;
      continue;
    }
    if (c == '\n') {
      bool significant = brackets_.empty() && emitted_any_on_line_;
      if (significant) zero_width(TokenKind::Newline);
      pos_++;
      if (pos_ < text_.size()) {
        lineno_++;
        line_start_ = pos_;
      }
      if (brackets_.empty()) at_line_start_ = true;
      if (significant) {
        emitted_any_on_line_ = false;
        return true;
      }
      continue;
    }
    if (c == '\\') {
      if (at(pos_ + 1) == '\n' && pos_ + 2 < text_.size()) {
        continued_lines_.push_back(lineno_);
        pos_ += 2;
        lineno_++;
        line_start_ = pos_;
        continue;
      }
      int off = col_of(pos_) + 2;
      status_code_error_ = true;
      if (at(pos_ + 1) == '\n' || pos_ + 1 >= text_.size())
        return fail(SyntaxErrorInfo::Kind::SyntaxError, "unexpected EOF while parsing", lineno_,
                    off, -1, true);
      return fail(SyntaxErrorInfo::Kind::SyntaxError,
                  "unexpected character after line continuation character", lineno_, off, 0, true);
    }
    break;
  }

  size_t start = pos_;
  char c = text_[pos_];
  if (is_potential_identifier_start(c)) {
    // A string prefix is a few letters in a fixed combination, then a quote.
    bool b = false, r = false, u = false, f = false;
    size_t p = pos_;
    for (;; p++) {
      char d = at(p);
      if (!(b || u || f) && (d == 'b' || d == 'B'))
        b = true;
      else if (!(b || u || r || f) && (d == 'u' || d == 'U'))
        u = true;
      else if (!(r || u) && (d == 'r' || d == 'R'))
        r = true;
      else if (!(f || b || u) && (d == 'f' || d == 'F'))
        f = true;
      else
        break;
    }
    if (p > pos_ && (at(p) == '"' || at(p) == '\'')) return string(out, start, p);
    return identifier(out, start);
  }
  if (is_digit(c) || (c == '.' && is_digit(at(pos_ + 1)))) return number(out, start);
  if (c == '"' || c == '\'') return string(out, start, pos_);

  int start_col = col_of(pos_);
  if (c == '(' || c == '[' || c == '{') {
    pos_++;
    if (static_cast<int>(brackets_.size()) >= kMaxBrackets)
      return fail_at("too many nested parentheses", pos_);
    brackets_.push_back({c, lineno_, start_col});
    finish(out, TokenKind::Op, start, lineno_, start_col);
    return true;
  }
  if (c == ')' || c == ']' || c == '}') {
    pos_++;
    if (brackets_.empty()) return fail_at(std::string("unmatched '") + c + "'", pos_);
    OpenBracket open = brackets_.back();
    char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
    if (c != expected) {
      std::string msg = std::string("closing parenthesis '") + c +
                        "' does not match opening parenthesis '" + open.ch + "'";
      if (open.lineno != lineno_) msg += " on line " + std::to_string(open.lineno);
      return fail_at(msg, pos_);
    }
    brackets_.pop_back();
    finish(out, TokenKind::Op, start, lineno_, start_col);
    return true;
  }
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                  static_cast<unsigned>(c));
    return fail_at(buf, pos_ + 1);
  }
  std::string_view rest = text_.substr(pos_);
  size_t len = 1;
  for (auto op : kThreeCharOps)
    if (rest.starts_with(op)) len = 3;
  if (len == 1 && rest.starts_with("...")) len = 3;
  if (len == 1)
    for (auto op : kTwoCharOps)
      if (op != ".." && op != "~~" && rest.starts_with(op)) len = 2;
  if (len == 1 && static_cast<unsigned char>(c) >= 0x80) len = 1;
  pos_ += len;
  finish(out, TokenKind::Op, start, lineno_, start_col);
  return true;
}

bool Tokenizer::identifier(Token& out, size_t start) {
  int start_col = col_of(start);
  size_t p = start;
  bool ascii = true;
  while (p < text_.size() && is_potential_identifier_char(text_[p])) {
    if (static_cast<unsigned char>(text_[p]) >= 0x80) ascii = false;
    p++;
  }
  if (!ascii) {
    // Find the first character that cannot be part of an identifier.
    for (size_t i = start; i < p;) {
      int n = 1;
      char32_t cp = decode_at(text_, i, &n);
      bool ok = i == start ? (cp == '_' || text::is_xid_start(cp)) : text::is_xid_continue(cp);
      if (!ok) {
        pos_ = i + n;
        char buf[64];
        if (is_printable(cp)) {
          std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(cp));
          return fail_at("invalid character '" + encode_utf8(cp) + "'" + buf, pos_);
        }
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                      static_cast<unsigned>(cp));
        return fail_at(buf, pos_);
      }
      i += n;
    }
  }
  pos_ = p;
  finish(out, TokenKind::Name, start, lineno_, start_col);
  if (ascii) {
    out.name = std::string(out.text);
  } else {
    utf8proc_uint8_t* normalized =
        utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(std::string(out.text).c_str()));
    out.name = normalized ? reinterpret_cast<const char*>(normalized) : std::string(out.text);
    std::free(normalized);
  }
  return true;
}

bool Tokenizer::verify_end_of_number(size_t& p, const char* kind) {
  // p is just after the character c that follows the number.
  char c = at(p - 1);
  auto lookahead = [&](std::string_view word) { return text_.substr(p).starts_with(word); };
  bool keyword_follows = false;
  if (c == 'a')
    keyword_follows = lookahead("nd");
  else if (c == 'e')
    keyword_follows = lookahead("lse");
  else if (c == 'f')
    keyword_follows = lookahead("or");
  else if (c == 'i')
    keyword_follows = at(p) == 'f' || at(p) == 'n' || at(p) == 's';
  else if (c == 'o')
    keyword_follows = lookahead("r");
  else if (c == 'n')
    keyword_follows = lookahead("ot");
  if (keyword_follows) { // 3.11 only warns here
    warn_at(std::string("invalid ") + kind + " literal", p - 1);
    return true;
  }
  if (p - 1 < text_.size() && is_potential_identifier_char(c)) {
    p--;
    return fail_at(std::string("invalid ") + kind + " literal", p);
  }
  return true;
}

bool Tokenizer::number(Token& out, size_t start) {
  int start_col = col_of(start);
  size_t p = start;
  auto nextc = [&]() -> char { return at(p++); };
  auto backup = [&]() { p--; };
  auto decimal_tail = [&](char& c) -> bool {
    for (;;) {
      do {
        c = nextc();
      } while (is_digit(c));
      if (c != '_') return true;
      c = nextc();
      if (!is_digit(c)) {
        backup();
        return fail_at("invalid decimal literal", p);
      }
    }
  };
  auto done = [&]() {
    backup();
    pos_ = p;
    finish(out, TokenKind::Number, start, lineno_, start_col);
    return true;
  };
  auto radix = [&](auto is_radix_digit, const char* kind, bool digit_error) -> bool {
    char c = nextc(); // the letter
    c = nextc();
    do {
      if (c == '_') c = nextc();
      if (!is_radix_digit(c)) {
        if (digit_error && is_digit(c))
          return fail_at(std::string("invalid digit '") + c + "' in " + kind + " literal", p);
        backup();
        return fail_at(std::string("invalid ") + kind + " literal", p);
      }
      do {
        c = nextc();
      } while (is_radix_digit(c));
    } while (c == '_');
    if (digit_error && is_digit(c))
      return fail_at(std::string("invalid digit '") + c + "' in " + kind + " literal", p);
    if (!verify_end_of_number(p, kind)) return false;
    return done();
  };

  char c = nextc();
  bool fraction = false;
  if (c == '.') {
    c = nextc();
    fraction = true;
  } else if (c == '0') {
    char letter = at(p);
    if (letter == 'x' || letter == 'X') return radix(is_hex, "hexadecimal", false);
    if (letter == 'o' || letter == 'O')
      return radix([](char d) { return d >= '0' && d <= '7'; }, "octal", true);
    if (letter == 'b' || letter == 'B')
      return radix([](char d) { return d == '0' || d == '1'; }, "binary", true);
    bool nonzero = false;
    c = nextc();
    for (;;) {
      if (c == '_') {
        c = nextc();
        if (!is_digit(c)) {
          backup();
          return fail_at("invalid decimal literal", p);
        }
      }
      if (c != '0') break;
      c = nextc();
    }
    size_t zeros_end = p;
    if (is_digit(c)) {
      nonzero = true;
      if (!decimal_tail(c)) return false;
    }
    if (c == '.') {
      c = nextc();
      fraction = true;
    } else if (c != 'e' && c != 'E' && c != 'j' && c != 'J') {
      if (nonzero) {
        return fail(SyntaxErrorInfo::Kind::SyntaxError,
                    "leading zeros in decimal integer literals are not permitted; use an 0o "
                    "prefix for octal integers",
                    lineno_, lines_.char_col(lineno_, col_of(start)) + 1,
                    lines_.char_col(lineno_, col_of(zeros_end)));
      }
      if (!verify_end_of_number(p, "decimal")) return false;
      return done();
    }
  } else {
    if (!decimal_tail(c)) return false;
    if (c == '.') {
      c = nextc();
      fraction = true;
    }
  }
  if (fraction && is_digit(c)) {
    if (!decimal_tail(c)) return false;
  }
  if (c == 'e' || c == 'E') {
    c = nextc();
    if (c == '+' || c == '-') {
      c = nextc();
      if (!is_digit(c)) {
        backup();
        return fail_at("invalid decimal literal", p);
      }
    } else if (!is_digit(c)) {
      backup(); // p is just after the 'e'
      if (!verify_end_of_number(p, "decimal")) return false;
      return done();
    }
    if (!decimal_tail(c)) return false;
  }
  if (c == 'j' || c == 'J') {
    c = nextc();
    if (!verify_end_of_number(p, "imaginary")) return false;
  } else if (!verify_end_of_number(p, "decimal")) {
    return false;
  }
  return done();
}

bool Tokenizer::string(Token& out, size_t start, size_t quote_pos) {
  int start_lineno = lineno_;
  int start_col = col_of(start);
  char q = text_[quote_pos];
  bool triple = at(quote_pos + 1) == q && at(quote_pos + 2) == q;
  size_t p = quote_pos + (triple ? 3 : 1);
  auto newline_at = [&](size_t nl) {
    if (nl + 1 < text_.size()) {
      lineno_++;
      line_start_ = nl + 1;
    }
  };
  auto unterminated = [&](bool is_triple) {
    int detected = lineno_;
    std::string msg = is_triple ? "unterminated triple-quoted string literal (detected at line "
                                : "unterminated string literal (detected at line ";
    msg += std::to_string(detected) + ")";
    int off = lines_.char_col(start_lineno, start_col) + 1;
    return fail(SyntaxErrorInfo::Kind::SyntaxError, msg, start_lineno, off, off);
  };
  for (;;) {
    if (p >= text_.size()) return unterminated(triple);
    char c = text_[p];
    if (c == '\\') {
      if (p + 1 >= text_.size()) return unterminated(triple);
      if (text_[p + 1] == '\n') newline_at(p + 1);
      p += 2;
      continue;
    }
    if (c == '\n') {
      if (!triple) return unterminated(false);
      newline_at(p);
      p++;
      continue;
    }
    if (c == q) {
      if (!triple) {
        p++;
        break;
      }
      if (at(p + 1) == q && at(p + 2) == q) {
        p += 3;
        break;
      }
    }
    p++;
  }
  pos_ = p;
  finish(out, TokenKind::String, start, start_lineno, start_col);
  return true;
}

} // namespace interp::parse
