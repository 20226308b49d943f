// What a failed encode or decode reports: enough for the caller to raise
// UnicodeDecodeError / UnicodeEncodeError (encoding, start, end, reason; the object is
// the caller's input), LookupError or TypeError, with CPython 3.11's message.
#pragma once

#include <string>

#include "interp/text/code_unit.h"

namespace interp::text {

struct CodecError {
  enum class Kind {
    decode,                // UnicodeDecodeError
    encode,                // UnicodeEncodeError
    unknown_encoding,      // LookupError
    unknown_error_handler, // LookupError
    handler_type_error,    // TypeError: the handler cannot handle this direction
    unsupported_handler,   // a handler this library does not implement (namereplace)
  };
  Kind kind;
  std::string encoding; // as the codec names itself, e.g. "utf-16-le"
  Index start = 0;      // the offending range of the input, [start, end)
  Index end = 0;
  std::string reason;
  char32_t first_bad = 0; // input[start]: a byte (decode) or a code point (encode)

  // str() of the Python exception.
  std::string message() const;
};

CodecError make_decode_error(std::string encoding, Index start, Index end, std::string reason,
                             unsigned char first_bad);
CodecError make_encode_error(std::string encoding, Index start, Index end, std::string reason,
                             char32_t first_bad);

} // namespace interp::text
