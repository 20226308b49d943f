// Dispatch from a codec name to the codec, and the result of a whole conversion.
#include "interp/text/codecs.h"

#include "interp/text/codec_sinks.h"

namespace interp::text {
namespace {

CodecError unknown_encoding(std::string_view name) {
  return CodecError{CodecError::Kind::unknown_encoding,
                    std::string(name),
                    0,
                    0,
                    "unknown encoding: " + std::string(name),
                    0};
}

bool big_endian(Codec codec) {
  return codec == Codec::utf_16_be || codec == Codec::utf_32_be;
}

// CPython calls a few codecs directly; all others go through the codec registry, which
// rewraps a non-Unicode error as "decoding with 'NAME' codec failed (Type: message)".
bool called_directly(std::string_view name) {
  std::string normalized = normalize_encoding_name(name);
  for (std::string_view direct : {"utf_8", "utf8", "utf_16", "utf16", "utf_32", "utf32", "ascii",
                                  "us_ascii", "latin1", "latin_1", "iso_8859_1", "iso8859_1"}) {
    if (normalized == direct) return true;
  }
  return false;
}

template <typename T>
CodecResult<T> wrap_registry_error(CodecResult<T> result, std::string_view name,
                                   const char* direction) {
  if (result.ok() || called_directly(name)) return result;
  CodecError error = result.error();
  const char* type = nullptr;
  if (error.kind == CodecError::Kind::unknown_error_handler) type = "LookupError";
  if (error.kind == CodecError::Kind::handler_type_error) type = "TypeError";
  if (type == nullptr) return result;
  error.reason = std::string(direction) + " with '" + std::string(name) + "' codec failed (" +
                 type + ": " + error.reason + ")";
  return error;
}

} // namespace

CodecResult<std::u32string> decode_with(Codec codec, std::string_view bytes,
                                        std::string_view errors) {
  detail::DecodeSink sink(bytes, errors, std::string(codec_error_name(codec)));
  switch (codec) {
  case Codec::utf_8:
    detail::decode_utf8(bytes, sink);
    break;
  case Codec::ascii:
    detail::decode_ascii(bytes, sink);
    break;
  case Codec::latin_1:
    detail::decode_latin1(bytes, sink);
    break;
  case Codec::utf_16:
  case Codec::utf_16_le:
  case Codec::utf_16_be:
    detail::decode_utf16(bytes, sink, codec);
    break;
  case Codec::utf_32:
  case Codec::utf_32_le:
  case Codec::utf_32_be:
    detail::decode_utf32(bytes, sink, codec);
    break;
  }
  if (sink.error) return std::move(*sink.error);
  return std::move(sink.out);
}

template <CodeUnit C>
CodecResult<std::string> encode_with(Codec codec, View<C> text, std::string_view errors) {
  detail::EncodeTarget target;
  switch (codec) {
  case Codec::utf_8:
    target = detail::utf8_target();
    break;
  case Codec::ascii:
  case Codec::latin_1:
    target = detail::single_byte_target();
    break;
  case Codec::utf_16:
  case Codec::utf_16_le:
  case Codec::utf_16_be:
    target = detail::utf16_target(big_endian(codec));
    break;
  default:
    target = detail::utf32_target(big_endian(codec));
    break;
  }
  detail::EncodeSink sink(errors, std::string(codec_error_name(codec)), target);
  switch (codec) {
  case Codec::utf_8:
    detail::encode_utf8(text, sink);
    break;
  case Codec::ascii:
    detail::encode_single_byte(text, sink, 0x80);
    break;
  case Codec::latin_1:
    detail::encode_single_byte(text, sink, 0x100);
    break;
  case Codec::utf_16:
  case Codec::utf_16_le:
  case Codec::utf_16_be:
    detail::encode_utf16(text, sink, codec);
    break;
  case Codec::utf_32:
  case Codec::utf_32_le:
  case Codec::utf_32_be:
    detail::encode_utf32(text, sink, codec);
    break;
  }
  if (sink.error) return std::move(*sink.error);
  return std::move(sink.out);
}

CodecResult<std::u32string> decode(std::string_view bytes, std::string_view encoding,
                                   std::string_view errors) {
  std::optional<Codec> codec = lookup_codec(encoding);
  if (!codec) return unknown_encoding(encoding);
  return wrap_registry_error(decode_with(*codec, bytes, errors), encoding, "decoding");
}

template <CodeUnit C>
CodecResult<std::string> encode(View<C> text, std::string_view encoding, std::string_view errors) {
  std::optional<Codec> codec = lookup_codec(encoding);
  if (!codec) return unknown_encoding(encoding);
  return wrap_registry_error(encode_with<C>(*codec, text, errors), encoding, "encoding");
}

template CodecResult<std::string> encode_with<char>(Codec, View<char>, std::string_view);
template CodecResult<std::string> encode_with<char32_t>(Codec, View<char32_t>, std::string_view);
template CodecResult<std::string> encode<char>(View<char>, std::string_view, std::string_view);
template CodecResult<std::string> encode<char32_t>(View<char32_t>, std::string_view,
                                                   std::string_view);

} // namespace interp::text
