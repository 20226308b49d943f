// Internal to the codecs: where decoders and encoders put their output, and how a
// malformed or unencodable range is resolved by the chosen error handler. Each codec
// only finds bad ranges; this is the one place that knows the handlers.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "interp/text/code_unit.h"
#include "interp/text/codec_error.h"
#include "interp/text/codec_registry.h"

namespace interp::text::detail {

class DecodeSink {
public:
  DecodeSink(std::string_view input, std::string_view errors, std::string encoding);

  std::u32string out;
  std::optional<CodecError> error;

  void set_encoding(std::string encoding) { encoding_ = std::move(encoding); }
  bool wants_surrogatepass() const { return handler_ == ErrorHandler::surrogatepass; }

  // Resolves the bad range [start, end). `passed` is the surrogate (and its encoded
  // length) that surrogatepass may take at `start`, when the codec found one. Returns
  // where decoding resumes, or nullopt when it must stop (then `error` is set).
  std::optional<std::size_t> bad(std::size_t start, std::size_t end, const char* reason,
                                 std::optional<std::pair<char32_t, std::size_t>> passed = {});

private:
  std::string_view input_;
  std::string_view errors_name_;
  std::optional<ErrorHandler> handler_;
  std::string encoding_;
};

// How a codec writes what an error handler produces.
struct EncodeTarget {
  void (*put_ascii)(std::string& out, char c);
  // Writes a surrogate for surrogatepass; null when the codec cannot.
  void (*put_surrogate)(std::string& out, char32_t c);
  // Whether surrogateescape's raw bytes fit the codec's unit size.
  bool takes_raw_bytes;
};

class EncodeSink {
public:
  EncodeSink(std::string_view errors, std::string encoding, EncodeTarget target);

  std::string out;
  std::optional<CodecError> error;

  // Resolves the unencodable range [start, end) of `text`; returns where encoding
  // resumes, or nullopt when it must stop (then `error` is set).
  template <CodeUnit C>
  std::optional<std::size_t> bad(View<C> text, std::size_t start, std::size_t end,
                                 const char* reason);

private:
  std::string_view errors_name_;
  std::optional<ErrorHandler> handler_;
  std::string encoding_;
  EncodeTarget target_;
};

// The codecs proper.
void decode_utf8(std::string_view in, DecodeSink& sink);
void decode_ascii(std::string_view in, DecodeSink& sink);
void decode_latin1(std::string_view in, DecodeSink& sink);
void decode_utf16(std::string_view in, DecodeSink& sink, Codec codec);
void decode_utf32(std::string_view in, DecodeSink& sink, Codec codec);
template <CodeUnit C> void encode_utf8(View<C> text, EncodeSink& sink);
template <CodeUnit C> void encode_single_byte(View<C> text, EncodeSink& sink, char32_t limit);
template <CodeUnit C> void encode_utf16(View<C> text, EncodeSink& sink, Codec codec);
template <CodeUnit C> void encode_utf32(View<C> text, EncodeSink& sink, Codec codec);

EncodeTarget utf8_target();
EncodeTarget single_byte_target();
EncodeTarget utf16_target(bool big_endian);
EncodeTarget utf32_target(bool big_endian);

} // namespace interp::text::detail
