// Name normalization and the alias table of the supported codecs (encodings/aliases
// of Python 3.11, restricted to these codecs).
#include "interp/text/codec_registry.h"

#include <algorithm>
#include <utility>

namespace interp::text {
namespace {

constexpr std::pair<std::string_view, Codec> codec_names[] = {
    {"utf_8", Codec::utf_8},
    {"u8", Codec::utf_8},
    {"utf", Codec::utf_8},
    {"utf8", Codec::utf_8},
    {"utf8_ucs2", Codec::utf_8},
    {"utf8_ucs4", Codec::utf_8},
    {"cp65001", Codec::utf_8},
    {"ascii", Codec::ascii},
    {"646", Codec::ascii},
    {"ansi_x3.4_1968", Codec::ascii},
    {"ansi_x3.4_1986", Codec::ascii},
    {"ansi_x3_4_1968", Codec::ascii},
    {"cp367", Codec::ascii},
    {"csascii", Codec::ascii},
    {"ibm367", Codec::ascii},
    {"iso646_us", Codec::ascii},
    {"iso_646.irv_1991", Codec::ascii},
    {"iso_ir_6", Codec::ascii},
    {"us", Codec::ascii},
    {"us_ascii", Codec::ascii},
    {"latin_1", Codec::latin_1},
    {"8859", Codec::latin_1},
    {"cp819", Codec::latin_1},
    {"csisolatin1", Codec::latin_1},
    {"ibm819", Codec::latin_1},
    {"iso8859", Codec::latin_1},
    {"iso8859_1", Codec::latin_1},
    {"iso_8859_1", Codec::latin_1},
    {"iso_8859_1_1987", Codec::latin_1},
    {"iso_ir_100", Codec::latin_1},
    {"l1", Codec::latin_1},
    {"latin", Codec::latin_1},
    {"latin1", Codec::latin_1},
    {"utf_16", Codec::utf_16},
    {"u16", Codec::utf_16},
    {"utf16", Codec::utf_16},
    {"utf_16_le", Codec::utf_16_le},
    {"utf_16le", Codec::utf_16_le},
    {"unicodelittleunmarked", Codec::utf_16_le},
    {"utf_16_be", Codec::utf_16_be},
    {"utf_16be", Codec::utf_16_be},
    {"unicodebigunmarked", Codec::utf_16_be},
    {"utf_32", Codec::utf_32},
    {"u32", Codec::utf_32},
    {"utf32", Codec::utf_32},
    {"utf_32_le", Codec::utf_32_le},
    {"utf_32le", Codec::utf_32_le},
    {"utf_32_be", Codec::utf_32_be},
    {"utf_32be", Codec::utf_32_be},
};

// Letters, digits and '.' survive normalization; anything else, non-ASCII included (as
// in CPython's C-level normalization), separates words.
bool keeps(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
}

std::optional<Codec> find_name(std::string_view name) {
  for (const auto& [known, codec] : codec_names) {
    if (known == name) return codec;
  }
  return std::nullopt;
}

} // namespace

std::string normalize_encoding_name(std::string_view name) {
  std::string out;
  bool pending_separator = false;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (!keeps(c)) {
      pending_separator = true;
      continue;
    }
    if (pending_separator && !out.empty()) out += '_';
    pending_separator = false;
    out += c;
  }
  return out;
}

std::optional<Codec> lookup_codec(std::string_view name) {
  std::string normalized = normalize_encoding_name(name);
  if (auto codec = find_name(normalized)) return codec;
  // Aliases are also tried with '.' read as '_'.
  std::replace(normalized.begin(), normalized.end(), '.', '_');
  return find_name(normalized);
}

std::optional<ErrorHandler> lookup_error_handler(std::string_view name) {
  if (name == "strict") return ErrorHandler::strict;
  if (name == "ignore") return ErrorHandler::ignore;
  if (name == "replace") return ErrorHandler::replace;
  if (name == "backslashreplace") return ErrorHandler::backslashreplace;
  if (name == "surrogateescape") return ErrorHandler::surrogateescape;
  if (name == "surrogatepass") return ErrorHandler::surrogatepass;
  if (name == "xmlcharrefreplace") return ErrorHandler::xmlcharrefreplace;
  if (name == "namereplace") return ErrorHandler::namereplace;
  return std::nullopt;
}

std::string_view codec_error_name(Codec codec) {
  switch (codec) {
  case Codec::utf_8:
    return "utf-8";
  case Codec::ascii:
    return "ascii";
  case Codec::latin_1:
    return "latin-1";
  case Codec::utf_16:
    return "utf-16";
  case Codec::utf_16_le:
    return "utf-16-le";
  case Codec::utf_16_be:
    return "utf-16-be";
  case Codec::utf_32:
    return "utf-32";
  case Codec::utf_32_le:
    return "utf-32-le";
  case Codec::utf_32_be:
    return "utf-32-be";
  }
  return "";
}

} // namespace interp::text
