// The front end's entry point: source bytes in, an AST (interp/parse/ast.h) or a
// SyntaxError description out, both exactly as CPython 3.11's compile() would give.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/parse/ast.h"
#include "interp/parse/source.h"
#include "interp/parse/syntax_error.h"

namespace interp::parse {

struct ParseResult {
  std::unique_ptr<ast::Module> module; // null when error is set
  std::optional<SyntaxErrorInfo> error;
  std::vector<SourceWarning> warnings; // in source order, to be issued before the error
};

// Decodes (see source.h), tokenizes and parses. Never throws for bad input, never
// recurses without bound: nesting beyond the limits is reported as an error. Text (a
// str's UTF-8) has only its newlines translated.
ParseResult parse(std::string_view source_bytes, const std::string& filename, ast::Mode mode,
                  SourceKind kind = SourceKind::Bytes);

} // namespace interp::parse
