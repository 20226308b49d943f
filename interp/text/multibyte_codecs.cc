// The CJK codecs over iconv(3). iconv converts one character per call here (the output
// buffer holds one, or the input is one code point), so each character's bytes are known:
// that is what lets the corrections below apply and errors carry CPython's positions.
// A descriptor lives only for one conversion, on the C++ stack, so no C state outlives
// a transaction.
#include "interp/text/multibyte_codecs.h"

#include <cerrno>
#include <iconv.h>

#include <map>
#include <mutex>
#include <span>

#include "interp/text/codec_sinks.h"
#include "interp/text/iconv_descriptor.h"

namespace interp::text {
namespace {

// Which bytes make CPython's decoder wait for a second one before it judges them.
enum class LeadBytes {
  shift_jis, // 0x81-0x9F and 0xE0-0xFC
  high,      // every byte from 0x80
  escapes,   // ISO-2022: only what iconv itself finds cut short
};

struct MultibyteCodec {
  std::string_view name;
  const char* charset; // glibc's name
  LeadBytes lead;
};

constexpr MultibyteCodec kCodecs[] = {
    {"shift_jis", "SHIFT_JIS", LeadBytes::shift_jis},
    {"cp932", "CP932", LeadBytes::shift_jis},
    {"euc_jp", "EUC-JP", LeadBytes::high},
    {"shift_jis_2004", "SHIFT_JISX0213", LeadBytes::shift_jis},
    {"shift_jisx0213", "SHIFT_JISX0213", LeadBytes::shift_jis},
    {"euc_jis_2004", "EUC-JISX0213", LeadBytes::high},
    {"euc_jisx0213", "EUC-JISX0213", LeadBytes::high},
    {"iso2022_jp", "ISO-2022-JP", LeadBytes::escapes},
    {"iso2022_jp_2", "ISO-2022-JP-2", LeadBytes::escapes},
    {"iso2022_kr", "ISO-2022-KR", LeadBytes::escapes},
    {"gb2312", "EUC-CN", LeadBytes::high},
    {"gbk", "GBK", LeadBytes::high},
    {"gb18030", "GB18030", LeadBytes::high},
    {"big5", "BIG5", LeadBytes::high},
    {"cp950", "CP950", LeadBytes::high},
    {"big5hkscs", "BIG5-HKSCS", LeadBytes::high},
    {"euc_kr", "EUC-KR", LeadBytes::high},
    {"cp949", "UHC", LeadBytes::high},
    {"johab", "JOHAB", LeadBytes::high},
};

const MultibyteCodec* find_codec(std::string_view name) {
  for (const MultibyteCodec& codec : kCodecs)
    if (codec.name == name) return &codec;
  return nullptr;
}

bool waits_for_more(LeadBytes lead, unsigned char byte) {
  switch (lead) {
  case LeadBytes::shift_jis:
    return (byte >= 0x81 && byte <= 0x9F) || (byte >= 0xE0 && byte <= 0xFC);
  case LeadBytes::high:
    return byte >= 0x80;
  case LeadBytes::escapes:
    return false;
  }
  return false;
}

// Where glibc's tables differ from CPython's for characters in common use. CPython's
// shift_jis reads bytes below 0x80 as ASCII (glibc: 0x5C is YEN SIGN, 0x7E OVERLINE);
// its cp932 gives the five single bytes Microsoft's table leaves unassigned code points,
// and refuses YEN SIGN and OVERLINE, which glibc's CP932 writes as ASCII; its euc_jp
// reads JIS X 0212's tilde as ASCII; its gbk has no euro sign at 0x80 (glibc's GBK, as
// Microsoft's cp936, does). CPython's big5 reads eleven symbols of rows 0xA1-0xA2 as other
// code points than glibc's BIG5 (0xA145 is BULLET, glibc's HYPHENATION POINT).
struct ByteCorrection {
  std::string_view codec;
  std::string_view bytes;
  char32_t code_point;
};

constexpr ByteCorrection kDecodeCorrections[] = {
    {"cp932", "\x80", 0x80},   {"cp932", "\xA0", 0xF8F0}, {"cp932", "\xFD", 0xF8F1},
    {"cp932", "\xFE", 0xF8F2}, {"cp932", "\xFF", 0xF8F3}, {"euc_jp", "\x8F\xA2\xB7", 0x7E},
};

// Corrections that hold both ways.
constexpr ByteCorrection kTwoWayCorrections[] = {
    {"big5", "\xA1\x45", 0x2022}, {"big5", "\xA1\x4E", 0xFF64}, {"big5", "\xA1\xC2", 0x203E},
    {"big5", "\xA1\xE3", 0x223C}, {"big5", "\xA1\xF2", 0x2641}, {"big5", "\xA1\xF3", 0x2609},
    {"big5", "\xA2\x41", 0xFF0F}, {"big5", "\xA2\x42", 0xFF3C}, {"big5", "\xA2\x44", 0x00A5},
    {"big5", "\xA2\x46", 0x00A2}, {"big5", "\xA2\x47", 0x00A3},
};

// CPython's cp950 reads those big5 symbols as glibc's CP950 does, but still writes the
// code points big5 reads there (Microsoft's table first, then big5's).
constexpr ByteCorrection kEncodeCorrections[] = {
    {"cp932", "\x80", 0x80},       {"cp932", "\xA0", 0xF8F0},     {"cp932", "\xFD", 0xF8F1},
    {"cp932", "\xFE", 0xF8F2},     {"cp932", "\xFF", 0xF8F3},     {"euc_jp", "\x5C", 0xA5},
    {"euc_jp", "\x7E", 0x203E},    {"cp950", "\xA1\x45", 0x2022}, {"cp950", "\xA1\x4E", 0xFF64},
    {"cp950", "\xA1\xC2", 0x203E}, {"cp950", "\xA1\xE3", 0x223C}, {"cp950", "\xA1\xF2", 0x2641},
    {"cp950", "\xA1\xF3", 0x2609}, {"cp950", "\xA2\x44", 0x00A5}, {"cp950", "\xA2\x46", 0x00A2},
    {"cp950", "\xA2\x47", 0x00A3},
};

// Big5's rows C6A1-C8FE are outside the standard: glibc's BIG5 and CP950 give them
// private-use code points, while CPython's big5 and cp950 read C6A1-C7FC as the ETEN
// extension (kana, Cyrillic, numbered signs), both ways, and refuse the rest. Its big5
// also refuses what cp950 adds: the euro sign at A3E1, and F9D6-F9FE (seven hanzi and box
// drawing). A run: the code of its first character, and that character's code point;
// the following codes (in Big5's order of trail bytes: 40-7E, then A1-FE) hold the
// following code points.
struct EtenRun {
  std::uint16_t code;
  char32_t first;
  int count;
};
constexpr EtenRun kEtenRuns[] = {
    {0xC6A1, 0x30FE, 1},  {0xC6A2, 0x309D, 2}, {0xC6A4, 0x3005, 1},  {0xC6A5, 0x3041, 83},
    {0xC6F8, 0x30A1, 86}, {0xC7B1, 0x0414, 2}, {0xC7B3, 0x0401, 1},  {0xC7B4, 0x0416, 7},
    {0xC7BB, 0x0423, 19}, {0xC7CE, 0x0451, 1}, {0xC7CF, 0x0436, 26}, {0xC7E9, 0x2460, 10},
    {0xC7F3, 0x2474, 10},
};

bool is_big5_family(std::string_view codec) {
  return codec == "big5" || codec == "cp950";
}

// A two-byte code's place in Big5's order (157 trail bytes a lead), -1 for no such code.
int big5_index(std::string_view bytes) {
  if (bytes.size() != 2) return -1;
  auto lead = static_cast<unsigned char>(bytes[0]), trail = static_cast<unsigned char>(bytes[1]);
  if (lead < 0x81 || lead > 0xFE) return -1;
  int t = trail >= 0x40 && trail <= 0x7E   ? trail - 0x40
          : trail >= 0xA1 && trail <= 0xFE ? trail - 0xA1 + 63
                                           : -1;
  return t < 0 ? -1 : (lead - 0x81) * 157 + t;
}
std::string big5_code(int index) {
  int t = index % 157;
  return {char(0x81 + index / 157), char(t < 63 ? 0x40 + t : 0xA1 + t - 63)};
}

std::optional<char32_t> eten_decode(std::string_view bytes) {
  int index = big5_index(bytes);
  for (const EtenRun& run : kEtenRuns) {
    int first = big5_index(std::string{char(run.code >> 8), char(run.code & 0xFF)});
    if (index >= first && index < first + run.count) return run.first + char32_t(index - first);
  }
  return std::nullopt;
}
std::optional<std::string> eten_encode(char32_t c) {
  for (const EtenRun& run : kEtenRuns)
    if (c >= run.first && c < run.first + char32_t(run.count))
      return big5_code(big5_index(std::string{char(run.code >> 8), char(run.code & 0xFF)}) +
                       int(c - run.first));
  return std::nullopt;
}

// Codes glibc reads that CPython's codec refuses (those of the ETEN runs are read above).
bool refused_code(std::string_view codec, std::string_view bytes) {
  if (!is_big5_family(codec) || bytes.size() != 2) return false;
  auto lead = static_cast<unsigned char>(bytes[0]), trail = static_cast<unsigned char>(bytes[1]);
  if ((lead == 0xC6 && trail >= 0xA1) || lead == 0xC7 || lead == 0xC8) return true;
  return codec == "big5" && ((lead == 0xA3 && trail == 0xE1) || (lead == 0xF9 && trail >= 0xD6));
}

constexpr std::pair<std::string_view, char32_t> kRefusedByEncoder[] = {
    {"cp932", 0xA5},
    {"cp932", 0x203E},
    {"cp932", 0x2014},
    {"euc_jp", 0xFF5E},
    {"gbk", 0x20AC},
    {"euc_kr", 0x20A9},
    {"euc_kr", 0x327E},
    {"shift_jis", 0xFFE0},
    {"shift_jis", 0xFFE1},
    {"shift_jis", 0xFFE2},
    // glibc's readings of big5's corrected symbols, and its euro sign at 0xA3E1
    {"big5", 0x2027},
    {"big5", 0xFE51},
    {"big5", 0xAF},
    {"big5", 0xFF5E},
    {"big5", 0x2295},
    {"big5", 0x2299},
    {"big5", 0x2215},
    {"big5", 0xFE68},
    {"big5", 0xFFE5},
    {"big5", 0xFFE0},
    {"big5", 0xFFE1},
    {"big5", 0x20AC}};

std::optional<char32_t> decode_correction(std::string_view codec, std::string_view bytes) {
  if (codec == "shift_jis" && bytes.size() == 1 && static_cast<unsigned char>(bytes[0]) < 0x80)
    return static_cast<unsigned char>(bytes[0]);
  if (is_big5_family(codec))
    if (auto c = eten_decode(bytes)) return c;
  for (const auto& table : {std::span<const ByteCorrection>(kDecodeCorrections),
                            std::span<const ByteCorrection>(kTwoWayCorrections)})
    for (const ByteCorrection& c : table)
      if (c.codec == codec && c.bytes == bytes) return c.code_point;
  return std::nullopt;
}

using Descriptor = IconvDescriptor;

// Characters that cp932 has twice, once among the NEC-selected IBM extensions (rows
// 0xED-0xEE) and once among IBM's own (0xFA-0xFC): CPython writes the NEC code, glibc the
// IBM one. Read from glibc's own table of those two rows.
const std::map<char32_t, std::string>& nec_selected_codes() {
  static std::map<char32_t, std::string> codes;
  static std::once_flag once;
  std::call_once(once, [] {
    Descriptor cd("UTF-32LE", "CP932");
    if (!cd.ok()) return;
    for (unsigned lead = 0xED; lead <= 0xEE; ++lead) {
      for (unsigned trail = 0x40; trail <= 0xFC; ++trail) {
        char in[2] = {char(lead), char(trail)};
        char out[8];
        char* in_p = in;
        char* out_p = out;
        std::size_t in_left = 2, out_left = sizeof out;
        if (iconv(cd.get(), &in_p, &in_left, &out_p, &out_left) == std::size_t(-1)) continue;
        if (sizeof out - out_left != 4) continue;
        auto* b = reinterpret_cast<unsigned char*>(out);
        char32_t c = b[0] | b[1] << 8 | b[2] << 16 | char32_t(b[3]) << 24;
        codes.emplace(c, std::string(in, 2));
      }
    }
  });
  return codes;
}

// cp932's code for `c` as CPython writes it, given the one glibc wrote.
std::string_view prefer_nec_selected(std::string_view codec, char32_t c, std::string_view written) {
  if (codec != "cp932" || written.size() != 2) return written;
  auto lead = static_cast<unsigned char>(written[0]);
  if (lead < 0xFA || lead > 0xFC) return written;
  const auto& nec = nec_selected_codes();
  auto it = nec.find(c);
  return it == nec.end() ? written : std::string_view(it->second);
}

std::optional<std::string> encode_correction(std::string_view codec, char32_t c, bool& refused) {
  refused = false;
  for (const auto& [name, code_point] : kRefusedByEncoder)
    if (name == codec && code_point == c) refused = true;
  if (refused) return std::nullopt;
  if (is_big5_family(codec))
    if (auto code = eten_encode(c)) return code;
  for (const auto& table : {std::span<const ByteCorrection>(kEncodeCorrections),
                            std::span<const ByteCorrection>(kTwoWayCorrections)})
    for (const ByteCorrection& correction : table)
      if (correction.codec == codec && correction.code_point == c)
        return std::string(correction.bytes);
  return std::nullopt;
}

CodecError unknown_codec(std::string_view name) {
  return CodecError{CodecError::Kind::unknown_encoding,
                    std::string(name),
                    0,
                    0,
                    "unknown encoding: " + std::string(name),
                    0};
}

char32_t read_code_point(const char* p) {
  auto* b = reinterpret_cast<const unsigned char*>(p);
  return b[0] | b[1] << 8 | b[2] << 16 | char32_t(b[3]) << 24;
}

} // namespace

bool multibyte_codec_known(std::string_view name) {
  return find_codec(name) != nullptr;
}

CodecResult<MultibyteDecoded> decode_multibyte(std::string_view name, std::string_view bytes,
                                               std::string_view errors, bool final) {
  const MultibyteCodec* codec = find_codec(name);
  if (codec == nullptr) return unknown_codec(name);
  Descriptor cd("UTF-32LE", codec->charset);
  if (!cd.ok()) return unknown_codec(name);
  detail::DecodeSink sink(bytes, errors, std::string(name));
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  // One character per call, offered byte by byte: the window grows while glibc finds the
  // character cut short. Limiting the output instead (room for one code point) misled
  // glibc's JIS X 0213 converters, which hold a kana back to see whether a combining mark
  // follows and then wrote it again at every call, for ever; and offering the whole rest
  // of the input made decoding quadratic (glibc converts all it is given into an inner
  // buffer first: 1.3 s for 50000 characters).
  std::size_t window = 1;
  bool double_byte = false;
  char out[32];
  while (i < n) {
    char* in_p = const_cast<char*>(bytes.data() + i);
    const std::size_t offered = std::min(window, n - i);
    std::size_t in_left = offered;
    char* out_p = out;
    std::size_t out_left = sizeof out;
    std::size_t r = iconv(cd.get(), &in_p, &in_left, &out_p, &out_left);
    int error = r == std::size_t(-1) ? errno : 0;
    std::size_t used = offered - in_left;
    if (used == 0 && out_left == sizeof out && error == EINVAL && offered < n - i) {
      ++window;
      continue;
    }
    std::size_t made = (sizeof out - out_left) / 4;
    // glibc's EUC tables pass C1 controls through, and its GBK reads 0x80 as the euro
    // sign; CPython's codecs read no byte from 0x80 alone.
    bool lone_high = codec->lead == LeadBytes::high && used == 1 && made == 1 &&
                     static_cast<unsigned char>(bytes[i]) >= 0x80;
    if (lone_high) {
      made = 0;
      used = 0;
      error = EILSEQ;
      iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);
    }
    std::optional<char32_t> corrected;
    if (made == 1) corrected = decode_correction(name, bytes.substr(i, used));
    // A code glibc reads and CPython's table lacks: its lead byte alone is illegal there.
    if (!corrected && made == 1 && refused_code(name, bytes.substr(i, used))) {
      made = 0;
      used = 0;
      error = EILSEQ;
    }
    if (used > 0 || made > 0) {
      if (codec->lead == LeadBytes::escapes) {
        // ISO-2022: after ESC $ the character sets read two bytes per character.
        for (std::size_t k = i; k + 1 < i + used; ++k)
          if (bytes[k] == '\x1b') double_byte = bytes[k + 1] == '$';
      }
      if (corrected) {
        sink.out += *corrected;
      } else {
        for (std::size_t k = 0; k < made; ++k)
          sink.out += read_code_point(out + 4 * k);
      }
      i += used;
      window = 1;
      continue;
    }
    if (error == 0) break;
    auto lead = static_cast<unsigned char>(bytes[i]);
    if (auto corrected = decode_correction(name, bytes.substr(i, 1))) {
      sink.out += *corrected;
      ++i;
      continue;
    }
    bool cut_short = error == EINVAL || (i + 1 == n && waits_for_more(codec->lead, lead));
    std::optional<std::size_t> resume;
    if (cut_short) {
      if (!final) break;
      resume = sink.bad(i, n, "incomplete multibyte sequence");
    } else {
      // A two-byte character of ISO-2022 is judged whole, as CPython does.
      std::size_t length = double_byte && lead >= 0x21 && lead <= 0x7E && i + 1 < n ? 2 : 1;
      resume = sink.bad(i, i + length, "illegal multibyte sequence");
    }
    if (!resume) return std::move(*sink.error);
    i = *resume;
  }
  // What glibc still holds back (a kana waiting for a combining mark that did not come):
  // each call has a converter of its own, so it is written now.
  char* out_p = out;
  std::size_t out_left = sizeof out;
  if (iconv(cd.get(), nullptr, nullptr, &out_p, &out_left) != std::size_t(-1))
    for (std::size_t k = 0, made = (sizeof out - out_left) / 4; k < made; ++k)
      sink.out += read_code_point(out + 4 * k);
  return MultibyteDecoded{std::move(sink.out), i};
}

CodecResult<std::string> encode_multibyte(std::string_view name, std::u32string_view text,
                                          std::string_view errors) {
  const MultibyteCodec* codec = find_codec(name);
  if (codec == nullptr) return unknown_codec(name);
  Descriptor cd(codec->charset, "UTF-32LE");
  if (!cd.ok()) return unknown_codec(name);
  bool stateful = codec->lead == LeadBytes::escapes;
  detail::EncodeSink sink(errors, std::string(name), detail::single_byte_target());
  auto shift_back = [&] {
    char out[16];
    char* out_p = out;
    std::size_t out_left = sizeof out;
    iconv(cd.get(), nullptr, nullptr, &out_p, &out_left);
    sink.out.append(out, sizeof out - out_left);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = text[i];
    bool refused = false;
    if (!stateful) {
      if (auto corrected = encode_correction(name, c, refused)) {
        sink.out += *corrected;
        ++i;
        continue;
      }
    }
    if (!refused) {
      char in[4] = {char(c & 0xFF), char((c >> 8) & 0xFF), char((c >> 16) & 0xFF), char(c >> 24)};
      char out[32];
      char* in_p = in;
      char* out_p = out;
      std::size_t in_left = 4, out_left = sizeof out;
      if (iconv(cd.get(), &in_p, &in_left, &out_p, &out_left) != std::size_t(-1)) {
        std::string_view written(out, sizeof out - out_left);
        // The mirror of the decoder's rule: no character from 0x80 becomes one byte.
        bool lone_high = codec->lead == LeadBytes::high && c >= 0x80 && written.size() == 1;
        if (!lone_high && !refused_code(name, written)) {
          sink.out += prefer_nec_selected(name, c, written);
          ++i;
          continue;
        }
      }
    }
    // Before a handler's ASCII and at the end, glibc writes what it holds: the shift back
    // of ISO-2022, or the kana that JIS X 0213 keeps back to see whether a combining mark
    // follows (without this the last one was lost).
    shift_back();
    auto resume = sink.bad(std::u32string_view(text), i, i + 1, "illegal multibyte sequence");
    if (!resume) return std::move(*sink.error);
    i = *resume;
  }
  shift_back();
  return std::move(sink.out);
}

} // namespace interp::text
