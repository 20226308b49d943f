// Encoding str to bytes and decoding bytes to str: utf-8, ascii, latin-1, utf-16 and
// utf-32 (with BOM, -le, -be), under the error handlers strict, ignore, replace,
// backslashreplace, surrogateescape, surrogatepass and xmlcharrefreplace (encode
// only). namereplace is not implemented (it needs character names) and reports
// Kind::unsupported_handler.
//
// As in CPython, an unknown error handler is only an error when an error occurs;
// an unknown encoding always is. Decoding is "final": a truncated sequence at the end
// is an error, not left for more input.
#pragma once

#include <string>
#include <variant>

#include "interp/text/code_unit.h"
#include "interp/text/codec_error.h"
#include "interp/text/codec_registry.h"

namespace interp::text {

template <typename T> class CodecResult {
public:
  CodecResult(T value) : state_(std::move(value)) {}
  CodecResult(CodecError error) : state_(std::move(error)) {}
  bool ok() const { return state_.index() == 0; }
  const T& value() const { return std::get<0>(state_); }
  T& value() { return std::get<0>(state_); }
  const CodecError& error() const { return std::get<1>(state_); }

private:
  std::variant<T, CodecError> state_;
};

// bytes.decode(encoding, errors)
CodecResult<std::u32string> decode(std::string_view bytes, std::string_view encoding,
                                   std::string_view errors = "strict");
// str.encode(encoding, errors), from either storage form of a str.
template <CodeUnit C>
CodecResult<std::string> encode(View<C> text, std::string_view encoding,
                                std::string_view errors = "strict");

// The same, with the codec already looked up.
CodecResult<std::u32string> decode_with(Codec codec, std::string_view bytes,
                                        std::string_view errors);
template <CodeUnit C>
CodecResult<std::string> encode_with(Codec codec, View<C> text, std::string_view errors);

// UTF-7 (RFC 2152), which CPython reaches only through the codec registry. Unless
// `final`, a base64 run still open at the end waits for more input: it is neither
// decoded nor counted in `consumed`. Encoding never fails (lone surrogates go into
// base64 as they are).
CodecResult<std::u32string> decode_utf7(std::string_view bytes, std::string_view errors, bool final,
                                        std::size_t& consumed);
std::string encode_utf7(std::u32string_view text);

} // namespace interp::text
