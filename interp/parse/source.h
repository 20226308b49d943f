// Decoding the bytes of a Python source file into the UTF-8 text that the tokenizer
// reads, as CPython 3.11 does: a UTF-8 byte order mark, a PEP 263 coding declaration on
// line 1 or 2, and universal newlines (\r\n and \r become \n).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "interp/parse/syntax_error.h"

namespace interp::parse {

// What the source bytes are: bytes of a module (compile() of bytes, an import), the
// UTF-8 of a str (its coding declaration means nothing), or the file of the script that
// the command line runs (whose bytes 3.11 checks as it reads them).
enum class SourceKind { Bytes, Text, ScriptFile };

struct DecodedSource {
  std::string text; // UTF-8, every line ends in '\n' except perhaps the last
  std::optional<SyntaxErrorInfo> error;
};

// Supported encodings: utf-8, iso-8859-1 and ascii with their Python aliases; any
// other declared encoding is reported as "unknown encoding: <name>".
DecodedSource decode_source(std::string_view bytes, const std::string& filename,
                            SourceKind kind = SourceKind::Bytes);

// Universal newlines (\r\n and \r become \n) over text that is UTF-8 already.
DecodedSource translate_newlines(std::string_view text);

// The PEP 263 declaration of line 1 or 2 (after a BOM), as written.
std::optional<std::string> declared_encoding(std::string_view bytes);
// The declared encoding when decode_source cannot decode it itself (it would report
// "unknown encoding"): a caller with the codec registry decodes the bytes and parses the
// text. None where there is a BOM (any declaration but utf-8's is an error then).
std::optional<std::string> foreign_encoding(std::string_view bytes);

// Length in bytes of the UTF-8 sequence at `s[i]`, 0 if it is not well formed.
int utf8_sequence_length(std::string_view s, size_t i);

} // namespace interp::parse
