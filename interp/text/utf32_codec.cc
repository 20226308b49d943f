// UTF-32 (with a byte order mark, -le and -be); without a BOM, little-endian.
#include "interp/text/codec_sinks.h"

namespace interp::text::detail {
namespace {

char32_t read_word(std::string_view in, std::size_t i, bool big_endian) {
  char32_t value = 0;
  for (int k = 0; k < 4; ++k) {
    auto b = static_cast<unsigned char>(in[i + (big_endian ? k : 3 - k)]);
    value = value << 8 | b;
  }
  return value;
}

template <bool BigEndian> void put_word(std::string& out, char32_t value) {
  for (int k = 0; k < 4; ++k) {
    int shift = BigEndian ? 24 - 8 * k : 8 * k;
    out += static_cast<char>((value >> shift) & 0xFF);
  }
}

template <bool BigEndian> void put_ascii(std::string& out, char c) {
  put_word<BigEndian>(out, static_cast<unsigned char>(c));
}

} // namespace

EncodeTarget utf32_target(bool big_endian) {
  if (big_endian) return EncodeTarget{put_ascii<true>, put_word<true>, false};
  return EncodeTarget{put_ascii<false>, put_word<false>, false};
}

void decode_utf32(std::string_view in, DecodeSink& sink, Codec codec) {
  bool big_endian = codec == Codec::utf_32_be;
  std::size_t i = 0;
  const std::size_t n = in.size();
  if (codec == Codec::utf_32 && n >= 4) {
    char32_t bom = read_word(in, 0, false);
    if (bom == 0xFEFF || bom == 0xFFFE0000) {
      big_endian = bom == 0xFFFE0000;
      i = 4;
    }
  }
  if (codec == Codec::utf_32) sink.set_encoding(big_endian ? "utf-32-be" : "utf-32-le");
  sink.out.reserve(n / 4);
  while (i < n) {
    std::optional<std::size_t> resume;
    if (n - i < 4) {
      resume = sink.bad(i, n, "truncated data");
    } else {
      char32_t value = read_word(in, i, big_endian);
      if (value >= 0xD800 && value <= 0xDFFF) {
        std::optional<std::pair<char32_t, std::size_t>> passed;
        if (sink.wants_surrogatepass()) passed = std::pair{value, std::size_t{4}};
        resume =
            sink.bad(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", passed);
      } else if (value > 0x10FFFF) {
        resume = sink.bad(i, i + 4, "code point not in range(0x110000)");
      } else {
        sink.out += value;
        i += 4;
        continue;
      }
    }
    if (!resume) return;
    i = *resume;
  }
}

template <CodeUnit C> void encode_utf32(View<C> text, EncodeSink& sink, Codec codec) {
  bool big_endian = codec == Codec::utf_32_be;
  auto put = big_endian ? put_word<true> : put_word<false>;
  sink.out.reserve(4 * text.size() + 4);
  if (codec == Codec::utf_32) put(sink.out, 0xFEFF);
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = ordinal(text[i]);
    if (c >= 0xD800 && c <= 0xDFFF) {
      auto resume = sink.bad(text, i, i + 1, "surrogates not allowed");
      if (!resume) return;
      i = *resume;
      continue;
    }
    put(sink.out, c);
    ++i;
  }
}

template void encode_utf32<char>(View<char>, EncodeSink&, Codec);
template void encode_utf32<char32_t>(View<char32_t>, EncodeSink&, Codec);

} // namespace interp::text::detail
