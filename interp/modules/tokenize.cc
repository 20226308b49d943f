// interp/modules/tokenize.cc - _tokenize: CPython 3.11's TokenizerIter over the front end's
// own tokenizer (interp/parse/tokenizer.h), for tokenize._generate_tokens_from_c_tokenizer.
//
// It yields what 3.11's C tokenizer gives: (string, type, lineno, end_lineno, col_offset,
// end_col_offset, line) with columns in UTF-8 bytes, no COMMENT or NL tokens, INDENT and
// DEDENT at column -1, NEWLINE as an empty string at the newline. It stops without an
// error where 3.11's tokenizer only sets a status code (the end of input, inside brackets
// or not, a bad dedent, too deep an indentation) and raises the tokenizer's SyntaxError
// otherwise, after the tokens before it.
#include "interp/compile_source.h"
#include "interp/modules/module_support.h"
#include "interp/modules/source_module.h"
#include "interp/parse/tokenizer.h"

#include <string_view>

namespace interp {
namespace {

// token.py's numbers (3.11).
enum TokenType : int { kName = 1, kNumber = 2, kString = 3, kNewline = 4, kIndent = 5,
                       kDedent = 6, kOp = 54, kAwait = 55, kAsync = 56 };

int operator_type(std::string_view op) {
  static const std::pair<std::string_view, int> kExact[] = {
      {"(", 7},    {")", 8},    {"[", 9},    {"]", 10},   {":", 11},   {",", 12},
      {";", 13},   {"+", 14},   {"-", 15},   {"*", 16},   {"/", 17},   {"|", 18},
      {"&", 19},   {"<", 20},   {">", 21},   {"=", 22},   {".", 23},   {"%", 24},
      {"{", 25},   {"}", 26},   {"==", 27},  {"!=", 28},  {"<=", 29},  {">=", 30},
      {"~", 31},   {"^", 32},   {"<<", 33},  {">>", 34},  {"**", 35},  {"+=", 36},
      {"-=", 37},  {"*=", 38},  {"/=", 39},  {"%=", 40},  {"&=", 41},  {"|=", 42},
      {"^=", 43},  {"<<=", 44}, {">>=", 45}, {"**=", 46}, {"//", 47},  {"//=", 48},
      {"@", 49},   {"@=", 50},  {"->", 51},  {"...", 52}, {":=", 53},
  };
  for (const auto& [text, type] : kExact)
    if (text == op) return type;
  return kOp;
}

// _tokens(source) -> (list of token tuples, stopped_by_error): the SyntaxError, if the
// tokenizer raised one, is pending with the list returned through `error_tokens`.
INTERP_NATIVE(tokenize_tokens) {
  if (!check_positional(t, "_tokens", nargs, kwnames, 1, 1, 0)) return {};
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "TokenizerIter() argument 'source' must be str, not %s",
                  type_name_of(args[0]).c_str());
  // As _PyTokenizer_FromUTF8 with exec_input: universal newlines and a final newline.
  std::string raw = str_utf8(args[0]), text;
  text.reserve(raw.size() + 1);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\r') {
      text += raw[i];
      continue;
    }
    text += '\n';
    if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
  }
  if (text.empty() || text.back() != '\n') text += '\n';

  parse::SourceLines lines(text);
  parse::Tokenizer tokenizer(text, lines, "<string>");
  Value tokens = list_new(t);
  if (!tokens) return {};
  // The line of a token is the tokenizer's buffer: from the first line that it read fresh
  // (not through a backslash or inside a string) to the end of the token's last line.
  std::vector<int> run_start(std::size_t(lines.count()) + 2);
  for (int n = 1; n <= lines.count(); ++n)
    run_start[std::size_t(n)] = n;
  auto join = [&](int first, int last) { // lines first..last read as one run
    for (int n = first + 1; n <= last && n <= lines.count(); ++n)
      run_start[std::size_t(n)] = run_start[std::size_t(first)];
  };
  std::size_t continued = 0;
  parse::Token tok;
  int prev_end_line = 0, prev_end_col = 0;
  while (tokenizer.next(tok) && tok.kind != parse::TokenKind::EndMarker) {
    for (; continued < tokenizer.continued_lines().size(); ++continued)
      join(tokenizer.continued_lines()[continued], tokenizer.continued_lines()[continued] + 1);
    if (tok.kind == parse::TokenKind::String) join(tok.lineno, tok.end_lineno);
    int type = kOp;
    std::string_view string = tok.text;
    int col = tok.col, end_col = tok.end_col;
    switch (tok.kind) {
    case parse::TokenKind::Name:
      type = tok.text == "async" ? kAsync : tok.text == "await" ? kAwait : kName;
      break;
    case parse::TokenKind::Number: type = kNumber; break;
    case parse::TokenKind::String: type = kString; break;
    case parse::TokenKind::Newline: {
      // A comment before the newline is the NEWLINE's text, as 3.11's tokenizer leaves it.
      type = kNewline;
      std::string_view line = lines.line(tok.lineno);
      std::size_t from = prev_end_line == tok.lineno ? std::size_t(prev_end_col) : 0;
      std::size_t hash = line.substr(0, std::size_t(col)).find('#', from);
      end_col = col;
      if (hash != std::string_view::npos) col = int(hash);
      string = line.substr(std::size_t(col), std::size_t(end_col - col));
      break;
    }
    case parse::TokenKind::Indent:
    case parse::TokenKind::Dedent:
      type = tok.kind == parse::TokenKind::Indent ? kIndent : kDedent;
      col = end_col = -1;
      break;
    default: type = operator_type(tok.text); break;
    }
    Value items[7] = {str_from_utf8(t, string),          Value::small_int(type),
                      Value::small_int(tok.lineno),      Value::small_int(tok.end_lineno),
                      Value::small_int(col),             Value::small_int(end_col),
                      Value()};
    std::size_t run_begin = lines.line_start(run_start[std::size_t(tok.end_lineno)]);
    std::string_view last = lines.line(tok.end_lineno);
    items[6] = str_from_utf8(
        t, std::string_view(text).substr(run_begin, std::size_t(last.data() + last.size() -
                                                                 (text.data() + run_begin))));
    for (Value v : items)
      if (!v) return {};
    prev_end_line = tok.end_lineno;
    prev_end_col = tok.end_col;
    Value item = tuple_from(t, items, 7);
    if (!item || !list_append(t, tokens, item)) return {};
  }
  if (!issue_warnings(t, tokenizer.take_warnings(), "<string>")) return {};
  // An error that 3.11 reports as a status code only ends the tokens; the others raise.
  Value error = none();
  if (tokenizer.error() && !tokenizer.error_is_status_code()) {
    raise_syntax_error(t, *tokenizer.error());
    error = fetch_pending(t);
    if (!error) return {};
  }
  Value pair[2] = {tokens, error};
  return tuple_from(t, pair, 2);
}

const char kSource[] = R"py(
class TokenizerIter:
    def __init__(self, source):
        self._tokens, self._error = _tokens(source)
        self._next = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._next < len(self._tokens):
            self._next += 1
            return self._tokens[self._next - 1]
        error, self._error = self._error, None
        if error is not None:
            raise error
        raise StopIteration

TokenizerIter.__module__ = '_tokenize'
)py";

} // namespace

Value make_tokenize_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"_tokens", tokenize_tokens}};
  Value m = new_module(t, "_tokenize", kFunctions, std::size(kFunctions));
  return m ? run_module_source(t, m, kSource, "<_tokenize>") : Value();
}

} // namespace interp
