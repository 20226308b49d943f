// The codecs and error handlers that interp/text implements, found by the names
// Python accepts for them.
//
// Encoding names are normalized as CPython does (lower case, each
// run of characters other than ASCII letters, digits and '.' becomes one '_', none at the
// ends) and then looked up among the codec module names and their aliases, so
// 'UTF8', 'utf_8', 'U8', 'latin1' and 'iso-8859-1' all work. Error handler names
// are exact, as in Python's registry.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace interp::text {

enum class Codec {
  utf_8,
  ascii,
  latin_1,
  utf_16,
  utf_16_le,
  utf_16_be,
  utf_32,
  utf_32_le,
  utf_32_be
};

enum class ErrorHandler {
  strict,
  ignore,
  replace,
  backslashreplace,
  surrogateescape,
  surrogatepass,
  xmlcharrefreplace,
  namereplace, // known but not implemented: it needs the Unicode character names
};

std::string normalize_encoding_name(std::string_view name);
std::optional<Codec> lookup_codec(std::string_view name);
std::optional<ErrorHandler> lookup_error_handler(std::string_view name);

// The name a codec uses in its UnicodeError messages ('utf-8', 'latin-1', 'utf-16-le').
std::string_view codec_error_name(Codec codec);

} // namespace interp::text
