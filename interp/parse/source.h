// Decoding the bytes of a Python source file into the UTF-8 text that the tokenizer
// reads, as CPython 3.11 does: a UTF-8 byte order mark, a PEP 263 coding declaration on
// line 1 or 2, and universal newlines (\r\n and \r become \n).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "interp/parse/syntax_error.h"

namespace interp::parse {

struct DecodedSource {
  std::string text; // UTF-8, every line ends in '\n' except perhaps the last
  std::optional<SyntaxErrorInfo> error;
};

// Supported encodings: utf-8, iso-8859-1 and ascii with their Python aliases; any
// other declared encoding is reported as "unknown encoding: <name>".
DecodedSource decode_source(std::string_view bytes, const std::string& filename);

// Length in bytes of the UTF-8 sequence at `s[i]`, 0 if it is not well formed.
int utf8_sequence_length(std::string_view s, size_t i);

} // namespace interp::parse
