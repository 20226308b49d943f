// UTF-16 (with a byte order mark, -le and -be). Without a BOM, 'utf-16' reads and
// writes little-endian, CPython's native order on the platforms this project targets.
#include "interp/text/codec_sinks.h"

namespace interp::text::detail {
namespace {

char32_t read_unit(std::string_view in, std::size_t i, bool big_endian) {
  auto b0 = static_cast<unsigned char>(in[i]);
  auto b1 = static_cast<unsigned char>(in[i + 1]);
  return big_endian ? (b0 << 8 | b1) : (b1 << 8 | b0);
}

template <bool BigEndian> void put_unit(std::string& out, char32_t unit) {
  char hi = static_cast<char>(unit >> 8);
  char lo = static_cast<char>(unit & 0xFF);
  if (BigEndian) {
    out += hi;
    out += lo;
  } else {
    out += lo;
    out += hi;
  }
}

template <bool BigEndian> void put_ascii(std::string& out, char c) {
  put_unit<BigEndian>(out, static_cast<unsigned char>(c));
}

} // namespace

EncodeTarget utf16_target(bool big_endian) {
  if (big_endian) return EncodeTarget{put_ascii<true>, put_unit<true>, false};
  return EncodeTarget{put_ascii<false>, put_unit<false>, false};
}

void decode_utf16(std::string_view in, DecodeSink& sink, Codec codec) {
  bool big_endian = codec == Codec::utf_16_be;
  std::size_t i = 0;
  const std::size_t n = in.size();
  if (codec == Codec::utf_16 && n >= 2) {
    char32_t bom = read_unit(in, 0, false);
    if (bom == 0xFEFF || bom == 0xFFFE) {
      big_endian = bom == 0xFFFE;
      i = 2;
    }
  }
  if (codec == Codec::utf_16) sink.set_encoding(big_endian ? "utf-16-be" : "utf-16-le");
  sink.out.reserve(n / 2);
  auto pass_unit = [&](std::size_t at) -> std::optional<std::pair<char32_t, std::size_t>> {
    if (!sink.wants_surrogatepass() || n - at < 2) return std::nullopt;
    char32_t unit = read_unit(in, at, big_endian);
    if (unit < 0xD800 || unit > 0xDFFF) return std::nullopt;
    return std::pair{unit, std::size_t{2}};
  };
  while (i < n) {
    std::optional<std::size_t> resume;
    if (n - i < 2) {
      resume = sink.bad(i, n, "truncated data");
    } else {
      char32_t unit = read_unit(in, i, big_endian);
      if (unit < 0xD800 || unit > 0xDFFF) {
        sink.out += unit;
        i += 2;
        continue;
      }
      if (unit >= 0xDC00) {
        resume = sink.bad(i, i + 2, "illegal encoding", pass_unit(i));
      } else if (n - i < 4) {
        resume = sink.bad(i, n, "unexpected end of data", pass_unit(i));
      } else {
        char32_t low = read_unit(in, i + 2, big_endian);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          sink.out += 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          i += 4;
          continue;
        }
        resume = sink.bad(i, i + 2, "illegal UTF-16 surrogate", pass_unit(i));
      }
    }
    if (!resume) return;
    i = *resume;
  }
}

template <CodeUnit C> void encode_utf16(View<C> text, EncodeSink& sink, Codec codec) {
  bool big_endian = codec == Codec::utf_16_be;
  auto put = big_endian ? put_unit<true> : put_unit<false>;
  sink.out.reserve(2 * text.size() + 2);
  if (codec == Codec::utf_16) put(sink.out, 0xFEFF);
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = ordinal(text[i]);
    if (c >= 0xD800 && c <= 0xDFFF) {
      auto resume = sink.bad(text, i, i + 1, "surrogates not allowed");
      if (!resume) return;
      i = *resume;
      continue;
    }
    if (c >= 0x10000) {
      put(sink.out, 0xD800 + ((c - 0x10000) >> 10));
      put(sink.out, 0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      put(sink.out, c);
    }
    ++i;
  }
}

template void encode_utf16<char>(View<char>, EncodeSink&, Codec);
template void encode_utf16<char32_t>(View<char32_t>, EncodeSink&, Codec);

} // namespace interp::text::detail
