// SyntaxErrorInfo: what the front end reports instead of a tree, shaped like the
// attributes of CPython 3.11's SyntaxError so that the VM can raise it unchanged.
#pragma once

#include <string>

namespace interp::parse {

struct SyntaxErrorInfo {
  // MemoryError: the parser's own nesting limit was hit (CPython 3.11 raises a bare
  // MemoryError there, e.g. for 10000 unary minus signs); msg is empty then.
  // ValueError: compile() of a source with a null byte (3.11 raises ValueError there).
  enum class Kind {
    SyntaxError,
    IndentationError,
    TabError,
    MemoryError,
    ValueError
  } kind = Kind::SyntaxError;
  std::string msg, filename;
  // As SyntaxError's attributes in 3.11: offset is 1-based and counts characters;
  // end_offset is -1 or 0 where CPython leaves it so.
  int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
  std::string text;         // the source line, with its newline, as 3.11 sets SyntaxError.text
  // false where 3.11 gives SyntaxError(msg, (filename, lineno, offset, None)): no text, and
  // end_lineno/end_offset None (a source that cannot be decoded).
  bool has_position = true;
  // Which part of 3.11 raises it, which decides the exception's shape. The tokenizer and
  // parser give SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))
  // with the source line as text. The compiler gives the same tuple, but its text is the
  // line read back from the file `filename` (None when there is no such file). The symbol
  // table and the future-import check give SyntaxError(msg) and set the location as
  // attributes afterwards (text read back as the compiler's; a negative end is None).
  // Message: SyntaxError(msg) with no location at all (a script's undecodable bytes).
  enum class Origin { Parser, Compiler, SymbolTable, Message } origin = Origin::Parser;
};

// A warning that the front end reports while it goes on: DeprecationWarning for an invalid
// escape sequence, SyntaxWarning for a number run into a keyword ("invalid decimal
// literal") and for the compiler's checks ("is" with a literal, a call of a tuple...).
// `error` is the SyntaxError that takes its place when the warnings filter turns it into
// an error; its msg and lineno are the warning's.
struct SourceWarning {
  enum class Category { Deprecation, Syntax } category = Category::Deprecation;
  SyntaxErrorInfo error;
  int token_col = 0;
};

} // namespace interp::parse
