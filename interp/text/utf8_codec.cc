// UTF-8. Malformed input is reported in maximal valid prefixes, as CPython does:
// an invalid lead byte alone, a lead byte plus the continuation bytes that were still
// valid ("invalid continuation byte"), or a valid but cut-off sequence at the end of
// the data ("unexpected end of data").
#include "interp/text/codec_sinks.h"

namespace interp::text::detail {
namespace {

bool in_range(unsigned char b, unsigned lo, unsigned hi) {
  return b >= lo && b <= hi;
}

// The bytes of a surrogate written as UTF-8 (ED A0..BF 80..BF), for surrogatepass.
std::optional<std::pair<char32_t, std::size_t>> encoded_surrogate(std::string_view in,
                                                                  std::size_t i) {
  if (in.size() - i < 3) return std::nullopt;
  auto b0 = static_cast<unsigned char>(in[i]);
  auto b1 = static_cast<unsigned char>(in[i + 1]);
  auto b2 = static_cast<unsigned char>(in[i + 2]);
  if (b0 != 0xED || !in_range(b1, 0xA0, 0xBF) || !in_range(b2, 0x80, 0xBF)) return std::nullopt;
  return std::pair{static_cast<char32_t>(0xD000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F)),
                   std::size_t{3}};
}

void put_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void put_ascii(std::string& out, char c) {
  out += c;
}

} // namespace

EncodeTarget utf8_target() {
  return EncodeTarget{put_ascii, put_utf8, true};
}

void decode_utf8(std::string_view in, DecodeSink& sink) {
  const std::size_t n = in.size();
  sink.out.reserve(n);
  std::size_t i = 0;
  while (i < n) {
    auto lead = static_cast<unsigned char>(in[i]);
    if (lead < 0x80) {
      sink.out += lead;
      ++i;
      continue;
    }
    std::size_t length;
    unsigned second_lo = 0x80, second_hi = 0xBF;
    if (in_range(lead, 0xC2, 0xDF)) {
      length = 2;
    } else if (in_range(lead, 0xE0, 0xEF)) {
      length = 3;
      if (lead == 0xE0) second_lo = 0xA0;
      if (lead == 0xED) second_hi = 0x9F;
    } else if (in_range(lead, 0xF0, 0xF4)) {
      length = 4;
      if (lead == 0xF0) second_lo = 0x90;
      if (lead == 0xF4) second_hi = 0x8F;
    } else {
      auto resume = sink.bad(i, i + 1, "invalid start byte");
      if (!resume) return;
      i = *resume;
      continue;
    }
    // Count the continuation bytes that are valid in their place.
    std::size_t valid = 1;
    while (valid < length && i + valid < n) {
      auto b = static_cast<unsigned char>(in[i + valid]);
      bool ok = valid == 1 ? in_range(b, second_lo, second_hi) : in_range(b, 0x80, 0xBF);
      if (!ok) break;
      ++valid;
    }
    if (valid == length) {
      char32_t c = lead & (0x7F >> length);
      for (std::size_t k = 1; k < length; ++k)
        c = (c << 6) | (in[i + k] & 0x3F);
      sink.out += c;
      i += length;
      continue;
    }
    std::optional<std::size_t> resume;
    auto passed = sink.wants_surrogatepass() ? encoded_surrogate(in, i) : std::nullopt;
    if (i + valid == n) {
      resume = sink.bad(i, n, "unexpected end of data", passed);
    } else {
      resume = sink.bad(i, i + valid, "invalid continuation byte", passed);
    }
    if (!resume) return;
    i = *resume;
  }
}

template <CodeUnit C> void encode_utf8(View<C> text, EncodeSink& sink) {
  sink.out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = ordinal(text[i]);
    if (c < 0xD800 || c > 0xDFFF) {
      put_utf8(sink.out, c);
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && ordinal(text[end]) >= 0xD800 && ordinal(text[end]) <= 0xDFFF)
      ++end;
    auto resume = sink.bad(text, i, end, "surrogates not allowed");
    if (!resume) return;
    i = *resume;
  }
}

template void encode_utf8<char>(View<char>, EncodeSink&);
template void encode_utf8<char32_t>(View<char32_t>, EncodeSink&);

} // namespace interp::text::detail
