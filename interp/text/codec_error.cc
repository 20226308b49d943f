// Messages of codec errors, worded as CPython 3.11 words them.
#include "interp/text/codec_error.h"

#include <cstdio>

namespace interp::text {
namespace {

std::string format(const char* pattern, auto... args) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, args...);
  return buffer;
}

std::string position_text(Index start, Index end) {
  if (end - start == 1) return format("position %td", start);
  return format("position %td-%td", start, end - 1);
}

} // namespace

std::string CodecError::message() const {
  switch (kind) {
  case Kind::decode:
    if (end - start == 1) {
      return "'" + encoding + "' codec can't decode byte " + format("0x%02x", unsigned(first_bad)) +
             " in " + position_text(start, end) + ": " + reason;
    }
    return "'" + encoding + "' codec can't decode bytes in " + position_text(start, end) + ": " +
           reason;
  case Kind::encode:
    if (end - start == 1) {
      std::string escaped = first_bad <= 0xFF     ? format("\\x%02x", unsigned(first_bad))
                            : first_bad <= 0xFFFF ? format("\\u%04x", unsigned(first_bad))
                                                  : format("\\U%08x", unsigned(first_bad));
      return "'" + encoding + "' codec can't encode character '" + escaped + "' in " +
             position_text(start, end) + ": " + reason;
    }
    return "'" + encoding + "' codec can't encode characters in " + position_text(start, end) +
           ": " + reason;
  case Kind::unknown_encoding:
  case Kind::unknown_error_handler:
  case Kind::handler_type_error:
  case Kind::unsupported_handler:
    return reason;
  }
  return reason;
}

CodecError make_decode_error(std::string encoding, Index start, Index end, std::string reason,
                             unsigned char first_bad) {
  return CodecError{
      CodecError::Kind::decode, std::move(encoding), start, end, std::move(reason), first_bad};
}

CodecError make_encode_error(std::string encoding, Index start, Index end, std::string reason,
                             char32_t first_bad) {
  return CodecError{
      CodecError::Kind::encode, std::move(encoding), start, end, std::move(reason), first_bad};
}

} // namespace interp::text
