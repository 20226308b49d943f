// ascii and latin-1: one byte per code point below a limit (128 or 256).
#include "interp/text/codec_sinks.h"

namespace interp::text::detail {
namespace {

void put_ascii(std::string& out, char c) {
  out += c;
}

} // namespace

EncodeTarget single_byte_target() {
  return EncodeTarget{put_ascii, nullptr, true};
}

void decode_ascii(std::string_view in, DecodeSink& sink) {
  sink.out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      sink.out += b;
      ++i;
      continue;
    }
    auto resume = sink.bad(i, i + 1, "ordinal not in range(128)");
    if (!resume) return;
    i = *resume;
  }
}

void decode_latin1(std::string_view in, DecodeSink& sink) {
  sink.out.reserve(in.size());
  for (char c : in)
    sink.out += static_cast<unsigned char>(c);
}

template <CodeUnit C> void encode_single_byte(View<C> text, EncodeSink& sink, char32_t limit) {
  const char* reason = limit == 0x80 ? "ordinal not in range(128)" : "ordinal not in range(256)";
  sink.out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = ordinal(text[i]);
    if (c < limit) {
      sink.out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && ordinal(text[end]) >= limit)
      ++end;
    auto resume = sink.bad(text, i, end, reason);
    if (!resume) return;
    i = *resume;
  }
}

template void encode_single_byte<char>(View<char>, EncodeSink&, char32_t);
template void encode_single_byte<char32_t>(View<char32_t>, EncodeSink&, char32_t);

} // namespace interp::text::detail
