// String literals: prefixes, escape sequences, implicit concatenation, and f-strings
// with the 3.11 rules (the replacement fields are parsed by a nested Parser over
// "(" + field + ")", placed where the field sits in the source, as CPython does).
#include <cctype>

#include "interp/parse/parser_internal.h"
#include "interp/parse/source.h"
#include "interp/parse/unicode_names.h"

namespace interp::parse {

using namespace interp::ast;

std::u32string utf8_to_u32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); k++)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += n;
  }
  return out;
}

std::string u32_to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t cp : s) {
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
  }
  return out;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the escapes of a literal body. For bytes, every element is one byte value.
// Returns an error message (empty on success). `first_invalid` gets the index of the
// character after the backslash of the first escape 3.11 warns about (an unknown escape,
// an octal value above 0o377), npos when there is none.
std::string decode_escapes(std::string_view body, bool is_bytes, std::u32string& out,
                           size_t* first_invalid = nullptr) {
  auto invalid = [&](size_t at) {
    if (first_invalid && *first_invalid == std::string_view::npos) *first_invalid = at;
  };
  auto unicode_error = [](size_t start, size_t end, const char* what) {
    return "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
           std::to_string(start) + "-" + std::to_string(end) + ": " + what;
  };
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c != '\\') {
      if (is_bytes) {
        out += static_cast<unsigned char>(c);
        i++;
      } else {
        int n = utf8_sequence_length(body, i);
        if (n == 0) n = 1;
        out += utf8_to_u32(body.substr(i, n));
        i += n;
      }
      continue;
    }
    size_t start = i;
    if (i + 1 >= body.size()) {
      if (is_bytes) return "(value error) Trailing \\ in string";
      return unicode_error(start, start, "\\ at end of string");
    }
    char e = body[i + 1];
    i += 2;
    switch (e) {
    case '\n':
      break;
    case '\\':
      out += U'\\';
      break;
    case '\'':
      out += U'\'';
      break;
    case '"':
      out += U'"';
      break;
    case 'a':
      out += U'\a';
      break;
    case 'b':
      out += U'\b';
      break;
    case 'f':
      out += U'\f';
      break;
    case 'n':
      out += U'\n';
      break;
    case 'r':
      out += U'\r';
      break;
    case 't':
      out += U'\t';
      break;
    case 'v':
      out += U'\v';
      break;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      unsigned v = e - '0';
      for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; k++)
        v = v * 8 + (body[i++] - '0');
      if (v > 0377) invalid(start + 1);
      out += static_cast<char32_t>(is_bytes ? (v & 0xFF) : v);
      break;
    }
    case 'x':
    case 'u':
    case 'U': {
      if (is_bytes && e != 'x') {
        invalid(start + 1);
        out += U'\\';
        out += static_cast<char32_t>(e);
        break;
      }
      int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      char32_t v = 0;
      int k = 0;
      for (; k < digits && i < body.size() && hex_value(body[i]) >= 0; k++)
        v = v * 16 + hex_value(body[i++]);
      if (k < digits) {
        if (is_bytes)
          return "(value error) invalid \\x escape at position " + std::to_string(start);
        const char* what = e == 'x'   ? "truncated \\xXX escape"
                           : e == 'u' ? "truncated \\uXXXX escape"
                                      : "truncated \\UXXXXXXXX escape";
        return unicode_error(start, i - 1, what);
      }
      if (v > 0x10FFFF) return unicode_error(start, i - 1, "illegal Unicode character");
      out += v;
      break;
    }
    case 'N': {
      if (is_bytes) {
        invalid(start + 1);
        out += U'\\';
        out += U'N';
        break;
      }
      if (i >= body.size() || body[i] != '{')
        return unicode_error(start, i - 1, "malformed \\N character escape");
      size_t close = body.find('}', i);
      if (close == std::string_view::npos || close == i + 1)
        return unicode_error(start, close == std::string_view::npos ? body.size() - 1 : close,
                             "malformed \\N character escape");
      auto cp = lookup_unicode_name(body.substr(i + 1, close - i - 1));
      if (!cp) return unicode_error(start, close, "unknown Unicode character name");
      out += *cp;
      i = close + 1;
      break;
    }
    default:
      // An invalid escape keeps its backslash (3.11 only warns; a backslash before a
      // character beyond ASCII is taken as itself).
      if (static_cast<unsigned char>(e) < 0x80) invalid(start + 1);
      out += U'\\';
      i--;
      break;
    }
  }
  return {};
}

struct LiteralParts {
  bool bytes = false, raw = false, fmt = false, u = false;
  std::string_view body;
  size_t body_offset = 0; // where body starts inside the token text
};

LiteralParts split_literal(std::string_view text) {
  LiteralParts p;
  size_t i = 0;
  for (; i < text.size() && text[i] != '\'' && text[i] != '"'; i++) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    if (c == 'b') p.bytes = true;
    if (c == 'r') p.raw = true;
    if (c == 'f') p.fmt = true;
    if (c == 'u') p.u = true;
  }
  char q = text[i];
  size_t qlen =
      (i + 2 < text.size() && text[i + 1] == q && text[i + 2] == q && text.size() >= i + 6) ? 3 : 1;
  p.body_offset = i + qlen;
  p.body = text.substr(i + qlen, text.size() - i - 2 * qlen);
  return p;
}

} // namespace

bool Parser::warn_invalid_escape(const Token& t, std::string_view body, size_t at) {
  if (at == std::string_view::npos || suppress_invalid_) return true;
  unsigned char c = static_cast<unsigned char>(body[at]);
  std::string msg = c >= '4' && c <= '7'
                        ? "invalid octal escape sequence '\\" + std::string(body.substr(at, 3)) + "'"
                        : "invalid escape sequence '\\" + std::string(1, char(c)) + "'";
  for (const SourceWarning& w : warnings_) // a rule parsed again warns once
    if (w.error.lineno == t.lineno && w.token_col == t.col && w.error.msg == msg) return true;
  SourceWarning w;
  w.token_col = t.col;
  w.error = error_info(SyntaxErrorInfo::Kind::SyntaxError, msg, t.lineno, t.col, t.end_lineno,
                       t.end_col);
  warnings_.push_back(std::move(w));
  return true;
}

Expr* Parser::strings() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_memory();
  size_t start = pos_;
  while (cur().kind == TokenKind::String)
    pos_++;
  size_t end = pos_;
  Pos whole = pos_from(start);
  bool any_bytes = false, any_str = false, any_f = false;
  for (size_t i = start; i < end; i++) {
    LiteralParts p = split_literal(tok(i).text);
    (p.bytes ? any_bytes : any_str) = true;
    any_f |= p.fmt;
  }
  if (any_bytes && any_str) return fail_token(cur(), "cannot mix bytes and nonbytes literals");
  if (any_bytes) {
    std::string bytes;
    for (size_t i = start; i < end; i++) {
      LiteralParts p = split_literal(tok(i).text);
      for (char c : p.body)
        if (static_cast<unsigned char>(c) >= 0x80)
          return fail_token(cur(), "bytes can only contain ASCII literal characters");
      if (p.raw) {
        bytes.append(p.body);
      } else {
        std::u32string decoded;
        size_t invalid = std::string_view::npos;
        std::string err = decode_escapes(p.body, true, decoded, &invalid);
        if (!err.empty()) return fail_token(cur(), err);
        if (!warn_invalid_escape(tok(i), p.body, invalid)) return nullptr;
        for (char32_t c : decoded)
          bytes += static_cast<char>(c);
      }
    }
    auto* c = make_at<Constant>(whole);
    c->value = BytesValue{std::move(bytes)};
    return c;
  }
  if (!any_f) {
    std::u32string value;
    for (size_t i = start; i < end; i++) {
      LiteralParts p = split_literal(tok(i).text);
      if (p.raw) {
        value += utf8_to_u32(p.body);
      } else {
        size_t invalid = std::string_view::npos;
        std::string err = decode_escapes(p.body, false, value, &invalid);
        if (!err.empty()) return fail_token(cur(), err);
        if (!warn_invalid_escape(tok(i), p.body, invalid)) return nullptr;
      }
    }
    auto* c = make_at<Constant>(whole);
    c->value = std::move(value);
    if (split_literal(tok(start).text).u) c->kind = "u";
    return c;
  }
  std::vector<Expr*> parts;
  std::u32string literal;
  fstring_whole_ = whole;
  for (size_t i = start; i < end; i++) {
    const Token& t = tok(i);
    LiteralParts p = split_literal(t.text);
    if (!p.fmt) {
      if (p.raw) {
        literal += utf8_to_u32(p.body);
      } else {
        size_t invalid = std::string_view::npos;
        std::string err = decode_escapes(p.body, false, literal, &invalid);
        if (!err.empty()) return fail_token(cur(), err);
        if (!warn_invalid_escape(t, p.body, invalid)) return nullptr;
      }
      continue;
    }
    if (!fstring(t, p.body, p.raw, 0, parts, literal, whole, nullptr)) return nullptr;
  }
  if (!literal.empty()) {
    auto* c = make_at<Constant>(whole);
    c->value = std::move(literal);
    parts.push_back(c);
  }
  auto* j = make_at<JoinedStr>(whole);
  j->values = std::move(parts);
  return j;
}

// Parses one f-string body (or, at depth 1, a format spec) from the token `t`; literal
// text is accumulated in `literal` and flushed into `parts` before each field.
bool Parser::fstring(const Token& t, std::string_view body, bool raw, int depth,
                     std::vector<Expr*>& parts, std::u32string& literal, Pos whole,
                     size_t* consumed) {
  // Errors about the f-string itself point where CPython's do: at the token after it.
  size_t after = pos_;
  auto error = [&](const std::string& msg) -> bool {
    const Token& e = tok(after);
    return fail_range(SyntaxErrorInfo::Kind::SyntaxError, msg, e.lineno, e.col, e.end_lineno,
                      e.end_col);
  };
  auto flush = [&] {
    if (literal.empty()) return;
    auto* c = make_at<Constant>(whole);
    c->value = std::move(literal);
    literal.clear();
    parts.push_back(c);
  };
  const char* base = t.text.data();
  size_t i = 0;
  size_t n = body.size();
  while (i < n) {
    // The literal part, up to a '{' or '}'.
    size_t lit_start = i;
    bool doubled = false;
    while (i < n) {
      char ch = body[i++];
      if (!raw && ch == '\\' && i < n) {
        ch = body[i++];
        // 3.11 warns about '\{' itself and keeps the backslash.
        if (ch == '{' && !warn_invalid_escape(t, body, i - 1)) return false;
        if (ch == 'N') {
          if (i < n && body[i++] == '{') {
            while (i < n && body[i++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (depth == 0) {
          if (i < n && body[i] == ch) {
            doubled = true;
            break;
          }
          if (ch == '}') return error("f-string: single '}' is not allowed");
        }
        i--;
        break;
      }
    }
    size_t lit_end = i;
    if (lit_end > lit_start) {
      std::string_view piece = body.substr(lit_start, lit_end - lit_start);
      if (raw) {
        literal += utf8_to_u32(piece);
      } else {
        // A backslash just before a field stands for itself.
        bool trailing_backslash = false;
        for (size_t k = piece.size(); k > 0 && piece[k - 1] == '\\'; --k)
          trailing_backslash = !trailing_backslash;
        if (trailing_backslash) piece.remove_suffix(1);
        size_t invalid = std::string_view::npos;
        std::string err = decode_escapes(piece, false, literal, &invalid);
        if (!err.empty()) return error(err);
        if (trailing_backslash) literal += U'\\';
        if (!warn_invalid_escape(t, piece, invalid)) return false;
      }
    }
    if (doubled) {
      i++; // skip the second brace
      continue;
    }
    if (i >= n || body[i] == '}') break;

    // A replacement field: body[i] == '{'.
    if (depth >= 2) return error("f-string: expressions nested too deeply");
    size_t brace = i;
    i++;
    size_t expr_start = i;
    char quote = 0;
    int string_type = 0;
    std::vector<char> parens;
    for (; i < n; i++) {
      char ch = body[i];
      if (ch == '\\') return error("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (string_type == 3) {
            if (i + 2 < n && body[i + 1] == ch && body[i + 2] == ch) {
              i += 2;
              quote = 0;
              string_type = 0;
            }
          } else {
            quote = 0;
            string_type = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (i + 2 < n && body[i + 1] == ch && body[i + 2] == ch) {
          string_type = 3;
          i += 2;
        } else {
          string_type = 1;
        }
        quote = ch;
        continue;
      }
      if (ch == '[' || ch == '(' || ch == '{') {
        if (parens.size() >= 200) return error("f-string: too many nested parenthesis");
        parens.push_back(ch);
        continue;
      }
      if (ch == '#') return error("f-string expression part cannot include '#'");
      if (parens.empty() &&
          (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (i + 1 < n) {
          char next = body[i + 1];
          if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
            i++;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      }
      if (ch == ']' || ch == '}' || ch == ')') {
        if (parens.empty()) return error(std::string("f-string: unmatched '") + ch + "'");
        char open = parens.back();
        parens.pop_back();
        if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
              (open == '{' && ch == '}')))
          return error(std::string("f-string: closing parenthesis '") + ch +
                       "' does not match opening parenthesis '" + open + "'");
      }
    }
    if (quote) return error("f-string: unterminated string");
    if (!parens.empty()) return error(std::string("f-string: unmatched '") + parens.back() + "'");
    if (i >= n) return error("f-string: expecting '}'");
    std::string_view expr_text = body.substr(expr_start, i - expr_start);
    bool blank = true;
    for (char ch : expr_text)
      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\f' && ch != '\r') blank = false;
    if (blank && body[i] != '}')
      return error(std::string("f-string: expression required before '") + body[i] + "'");
    if (blank) return error("f-string: empty expression not allowed");

    // Where the field sits: CPython counts lines from the token start and columns from
    // the last newline before the '{' (or the token start).
    const char* brace_ptr = body.data() + brace;
    int lines = 0;
    for (const char* q = base; q < brace_ptr; q++)
      if (*q == '\n') lines++;
    int cols = 0;
    bool newline_after_brace = true;
    for (size_t k = expr_start; k < n && body[k] != '}' && body[k] != '\n'; k++)
      if (body[k] != ' ' && body[k] != '\t' && body[k] != '\f') {
        newline_after_brace = false;
        break;
      }
    if (!newline_after_brace) {
      const char* q = brace_ptr;
      while (q > base && *q != '\n')
        q--;
      cols = static_cast<int>(brace_ptr - q);
      if (*q == '\n') cols -= 1;
    }
    SubSourceOrigin origin;
    origin.line_offset = t.lineno + lines - 1;
    origin.col_offset = lines != 0 ? cols : t.col + cols;
    std::string sub_text = "(" + std::string(expr_text) + ")";
    SourceLines sub_lines(sub_text);
    Parser sub(sub_text, sub_lines, filename_, arena_, depth_ + 1, origin);
    Expr* value = sub.parse_fstring_expression();
    for (SourceWarning& w : sub.take_warnings())
      warnings_.push_back(std::move(w));
    if (!value) {
      auto err = sub.take_error();
      if (err && !failed()) error_ = std::move(err);
      if (!failed()) error("f-string: invalid syntax");
      return false;
    }

    std::u32string expr_literal;
    int conversion = -1;
    Expr* spec = nullptr;
    bool debug = false;
    if (body[i] == '=') {
      i++;
      while (i < n && std::isspace(static_cast<unsigned char>(body[i])))
        i++;
      if (i >= n) return error("f-string: expecting '}'");
      expr_literal = utf8_to_u32(body.substr(expr_start, i - expr_start));
      debug = true;
    }
    if (body[i] == '!') {
      i++;
      if (i >= n) return error("f-string: expecting '}'");
      char conv = body[i++];
      if (conv != 's' && conv != 'r' && conv != 'a')
        return error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      conversion = conv;
    }
    if (i < n && body[i] == ':') {
      i++;
      if (i >= n) return error("f-string: expecting '}'");
      std::vector<Expr*> spec_parts;
      std::u32string spec_literal;
      size_t spec_start = i;
      // Parse the spec as a nested body; it ends at the matching '}'.
      std::string_view rest = body.substr(spec_start);
      size_t consumed = 0;
      // CPython places a format spec at its own string token, not at the whole
      // concatenation.
      Pos token_pos{t.lineno, t.col, t.end_lineno, t.end_col};
      if (!fstring(t, rest, raw, depth + 1, spec_parts, spec_literal, token_pos, &consumed))
        return false;
      if (!spec_literal.empty()) {
        auto* c = make_at<Constant>(token_pos);
        c->value = std::move(spec_literal);
        spec_parts.push_back(c);
      }
      auto* j = make_at<JoinedStr>(token_pos);
      j->values = std::move(spec_parts);
      spec = j;
      i = spec_start + consumed;
    }
    if (i >= n || body[i] != '}') return error("f-string: expecting '}'");
    i++;
    if (debug && !spec && conversion == -1) conversion = 'r';
    if (debug) literal += expr_literal;
    flush();
    auto* fv = make_at<FormattedValue>(fstring_whole_);
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = spec;
    parts.push_back(fv);
  }
  if (consumed) *consumed = i;
  return true;
}

} // namespace interp::parse
