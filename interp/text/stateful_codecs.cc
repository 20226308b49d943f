// The ISO-2022 family and HZ as CPython's _codecs_iso2022 and _codecs_cn run them: the
// escape sequences, shifts and their errors are this file's; the double-byte character
// sets come from glibc's EUC converters (EUC-JP for JIS X 0208 and JIS X 0212, EUC-KR for
// KS X 1001, EUC-CN for GB 2312), one character at a time, with the few code points where
// CPython's tables differ.
#include "interp/text/stateful_codecs.h"

#include <cerrno>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

#include "interp/text/iconv_descriptor.h"

namespace interp::text {
namespace {

constexpr unsigned char kEsc = 0x1B, kShiftOut = 0x0E, kShiftIn = 0x0F;
constexpr unsigned char kDoubleByte = 0x80; // a character set's mark: its final byte, | this

// A character set's mark: the final byte of the escape sequence that designates it.
enum Charset : unsigned char {
  kAscii = 'B',
  kIso8859_1 = 'A',
  kIso8859_7 = 'F',
  kJisX0201Roman = 'J',
  kJisX0201Kana = 'I',
  kKsX1001 = 'C' | kDoubleByte,
  kJisX0208 = 'B' | kDoubleByte,
  kJisX0208Old = '@' | kDoubleByte,
  kJisX0212 = 'D' | kDoubleByte,
  kGb2312 = 'A' | kDoubleByte,
  kJisX0213Plane1 = 'Q' | kDoubleByte,      // JIS X 0213:2004
  kJisX0213Plane1_2000 = 'O' | kDoubleByte, // the same less the ten characters of 2004
  kJisX0213Plane2 = 'P' | kDoubleByte,
};

// What JIS X 0213:2004 added to plane 1: codes and their characters.
constexpr std::pair<std::uint16_t, char32_t> kJisX0213Additions2004[] = {
    {0x2E21, 0x4FF1}, {0x2F7E, 0x525D}, {0x4F54, 0x20B9F}, {0x4F7E, 0x541E}, {0x7427, 0x5653},
    {0x7E7A, 0x59F8}, {0x7E7B, 0x5C5B}, {0x7E7C, 0x5E77},  {0x7E7D, 0x7626}, {0x7E7E, 0x7E6B}};

// The state bytes: G0-G3 designations, then the flags.
constexpr int kFlags = 4;
constexpr unsigned char kShifted = 0x01, kEscThroughout = 0x02;

struct Designation {
  unsigned char mark;
  int plane; // 0: G0, 1: G1 (shifted in by SO), 2: G2 (single shift ESC N, decoding only)
  int width;
};

enum ConfigFlag : unsigned { kNoShift = 1, kUseG2 = 2, kJisX0208Ext = 4 };

struct Iso2022Codec {
  std::string_view name;
  unsigned flags;
  std::span<const Designation> designations; // in the order the encoder tries them
};

constexpr Designation kKrSets[] = {{kKsX1001, 1, 2}};
constexpr Designation kJpSets[] = {{kJisX0208, 0, 2}, {kJisX0201Roman, 0, 1}, {kJisX0208Old, 0, 2}};
constexpr Designation kJp1Sets[] = {
    {kJisX0208, 0, 2}, {kJisX0212, 0, 2}, {kJisX0201Roman, 0, 1}, {kJisX0208Old, 0, 2}};
constexpr Designation kJp2Sets[] = {
    {kJisX0208, 0, 2},      {kJisX0212, 0, 2},    {kKsX1001, 0, 2},   {kGb2312, 0, 2},
    {kJisX0201Roman, 0, 1}, {kJisX0208Old, 0, 2}, {kIso8859_1, 2, 1}, {kIso8859_7, 2, 1}};
constexpr Designation kJpExtSets[] = {{kJisX0208, 0, 2},
                                      {kJisX0212, 0, 2},
                                      {kJisX0201Roman, 0, 1},
                                      {kJisX0201Kana, 0, 1},
                                      {kJisX0208Old, 0, 2}};

// No JIS X 0201 Roman and no JIS X 0212 here; what JIS X 0208 lacks comes from JIS X 0213.
constexpr Designation kJp2004Sets[] = {
    {kJisX0208, 0, 2}, {kJisX0213Plane1, 0, 2}, {kJisX0213Plane2, 0, 2}};
constexpr Designation kJp3Sets[] = {
    {kJisX0208, 0, 2}, {kJisX0213Plane1_2000, 0, 2}, {kJisX0213Plane2, 0, 2}};

constexpr Iso2022Codec kIso2022Codecs[] = {
    {"iso2022_kr", 0, kKrSets},
    {"iso2022_jp", kNoShift | kJisX0208Ext, kJpSets},
    {"iso2022_jp_1", kNoShift | kJisX0208Ext, kJp1Sets},
    {"iso2022_jp_2", kNoShift | kUseG2 | kJisX0208Ext, kJp2Sets},
    {"iso2022_jp_ext", kNoShift | kJisX0208Ext, kJpExtSets},
    {"iso2022_jp_2004", kNoShift | kJisX0208Ext, kJp2004Sets},
    {"iso2022_jp_3", kNoShift | kJisX0208Ext, kJp3Sets},
};

const Iso2022Codec* find_iso2022(std::string_view name) {
  for (const Iso2022Codec& codec : kIso2022Codecs)
    if (codec.name == name) return &codec;
  return nullptr;
}

// ---- the double-byte character sets, through glibc's EUC converters ----------------------

// One direction of one EUC converter, opened on first use for the length of a conversion.
class Converter {
public:
  Converter(const char* to, const char* from) : to_(to), from_(from) {}
  // The output of converting `in` whole (the converter reset first); empty on failure.
  std::string run(std::string_view in) {
    if (!cd_) cd_ = std::make_unique<IconvDescriptor>(to_, from_);
    if (!cd_->ok()) return {};
    iconv(cd_->get(), nullptr, nullptr, nullptr, nullptr);
    char* in_p = const_cast<char*>(in.data());
    std::size_t in_left = in.size();
    char out[16];
    char* out_p = out;
    std::size_t out_left = sizeof out;
    if (iconv(cd_->get(), &in_p, &in_left, &out_p, &out_left) == std::size_t(-1) || in_left)
      return {};
    // What glibc holds back: JIS X 0213's encoder keeps a character that a combining mark
    // may follow until it sees the next one.
    if (iconv(cd_->get(), nullptr, nullptr, &out_p, &out_left) == std::size_t(-1)) return {};
    return std::string(out, sizeof out - out_left);
  }

private:
  const char* to_;
  const char* from_;
  std::unique_ptr<IconvDescriptor> cd_;
};

class EucCharset {
public:
  explicit EucCharset(const char* charset)
      : encoder_(charset, "UTF-32LE"), decoder_("UTF-32LE", charset) {}
  std::string encode(char32_t c) {
    char in[4] = {char(c & 0xFF), char((c >> 8) & 0xFF), char((c >> 16) & 0xFF), char(c >> 24)};
    return encoder_.run(std::string_view(in, 4));
  }
  std::optional<char32_t> decode(std::string_view bytes) {
    std::u32string text = decode_all(bytes);
    if (text.size() != 1) return std::nullopt;
    return text[0];
  }
  // A code that stands for a pair (a kana and a combining mark) gives both.
  std::u32string decode_all(std::string_view bytes) {
    std::string out = decoder_.run(bytes);
    std::u32string text;
    auto* b = reinterpret_cast<const unsigned char*>(out.data());
    for (std::size_t k = 0; k + 4 <= out.size(); k += 4)
      text += b[k] | b[k + 1] << 8 | b[k + 2] << 16 | char32_t(b[k + 3]) << 24;
    return text;
  }

private:
  Converter encoder_, decoder_;
};

constexpr std::uint16_t kUnmapped = 0xFFFF;

bool in_row(unsigned char b) {
  return b >= 0x21 && b <= 0x7E;
}

// The character sets one conversion uses; a code is the set's bytes (two for a
// double-byte set, high byte first), each 0x21-0x7E.
class CharsetTables {
public:
  std::uint16_t encode(unsigned char mark, char32_t c) {
    switch (mark) {
    case kJisX0208:
    case kJisX0208Old:
      if (c == 0xFF3C) return 0x2140; // CPython's FULLWIDTH REVERSE SOLIDUS
      if (c == 0xFF5E) return kUnmapped;
      return double_byte(euc_jp_.encode(c), 0);
    case kJisX0212:
      if (c == 0xFF5E) return kUnmapped;
      return double_byte(euc_jp_.encode(c), 0x8F);
    case kKsX1001:
      if (c == 0x20A9 || c == 0x327E) return kUnmapped; // glibc's additions
      return double_byte(euc_kr_.encode(c), 0);
    case kGb2312:
      return double_byte(euc_cn_.encode(c), 0);
    case kJisX0213Plane1_2000:
      for (const auto& [code, added] : kJisX0213Additions2004)
        if (c == added) return kUnmapped;
      [[fallthrough]];
    case kJisX0213Plane1:
      // CPython's table: 1-1-29 is HORIZONTAL BAR (written through JIS X 0208), 1-2-18
      // TILDE, 1-2-54/55 the white parentheses (glibc: EM DASH, FULLWIDTH TILDE, and the
      // fullwidth white parentheses).
      if (c == 0x2985 || c == 0x2986) return std::uint16_t(0x2256 + (c - 0x2985));
      if (c == 0x2014 || c == 0xFF5E || c == 0xFF5F || c == 0xFF60) return kUnmapped;
      return double_byte(euc_jisx0213_.encode(c), 0);
    case kJisX0213Plane2:
      return double_byte(euc_jisx0213_.encode(c), 0x8F);
    case kJisX0201Roman:
      if (c < 0x80 && c != 0x5C && c != 0x7E) return std::uint16_t(c);
      if (c == 0xA5) return 0x5C;
      if (c == 0x203E) return 0x7E;
      return kUnmapped;
    case kJisX0201Kana:
      return c >= 0xFF61 && c <= 0xFF9F ? std::uint16_t(c - 0xFF40) : kUnmapped;
    default: // G2's sets are only read
      return kUnmapped;
    }
  }

  // The one or two code points of a JIS X 0213 code; empty when it has none.
  std::u32string decode_jisx0213(unsigned char mark, const unsigned char* b) {
    if (!in_row(b[0]) || !in_row(b[1])) return {};
    if (mark != kJisX0213Plane2) {
      std::uint16_t code = std::uint16_t(b[0] << 8 | b[1]);
      if (mark == kJisX0213Plane1_2000)
        for (const auto& [added, c] : kJisX0213Additions2004)
          if (code == added) return {};
      if (code == 0x213D) return U"\u2015";
      if (code == 0x2232) return U"~";
      if (code == 0x2256 || code == 0x2257) return std::u32string(1, 0x2985 + (code - 0x2256));
    }
    char euc[3] = {'\x8F', char(b[0] | 0x80), char(b[1] | 0x80)};
    return mark == kJisX0213Plane2 ? euc_jisx0213_.decode_all(std::string_view(euc, 3))
                                   : euc_jisx0213_.decode_all(std::string_view(euc + 1, 2));
  }

  std::optional<char32_t> decode(unsigned char mark, const unsigned char* b) {
    switch (mark) {
    case kJisX0208:
    case kJisX0208Old:
      if (b[0] == 0x21 && b[1] == 0x40) return 0xFF3C;
      return from_double_byte(euc_jp_, b, 0);
    case kJisX0212:
      if (b[0] == 0x22 && b[1] == 0x37) return 0x7E; // CPython's table: TILDE
      return from_double_byte(euc_jp_, b, 0x8F);
    case kKsX1001:
      return from_double_byte(euc_kr_, b, 0);
    case kGb2312:
      return from_double_byte(euc_cn_, b, 0);
    case kJisX0201Roman:
      if (b[0] == 0x5C) return 0xA5;
      if (b[0] == 0x7E) return 0x203E;
      if (b[0] < 0x80) return b[0];
      return std::nullopt;
    case kJisX0201Kana:
      if (b[0] >= 0x21 && b[0] <= 0x5F) return b[0] + 0xFF40;
      return std::nullopt;
    default:
      return std::nullopt;
    }
  }

private:
  // The EUC bytes of a double-byte character (after `prefix`, as EUC-JP's 0x8F for JIS X
  // 0212) as the set's code.
  static std::uint16_t double_byte(const std::string& euc, char prefix) {
    std::size_t skip = prefix ? 1 : 0;
    if (euc.size() != 2 + skip || (prefix && euc[0] != prefix)) return kUnmapped;
    auto hi = static_cast<unsigned char>(euc[skip]), lo = static_cast<unsigned char>(euc[skip + 1]);
    if (hi < 0xA1 || lo < 0xA1) return kUnmapped;
    return std::uint16_t((hi & 0x7F) << 8 | (lo & 0x7F));
  }
  static std::optional<char32_t> from_double_byte(EucCharset& set, const unsigned char* b,
                                                  char prefix) {
    if (!in_row(b[0]) || !in_row(b[1])) return std::nullopt;
    char euc[3] = {prefix, char(b[0] | 0x80), char(b[1] | 0x80)};
    return prefix ? set.decode(std::string_view(euc, 3)) : set.decode(std::string_view(euc + 1, 2));
  }

  EucCharset euc_jp_{"EUC-JP"}, euc_kr_{"EUC-KR"}, euc_cn_{"EUC-CN"}, euc_jisx0213_{"EUC-JISX0213"};
};

// One decoding call: its input and what it made so far.
struct DecodeRun {
  DecodeRun(std::string_view input, bool last)
      : bytes(reinterpret_cast<const unsigned char*>(input.data())), final(last) {}
  // Ends the call at an error; -1, a sequence cut short by the end, is one only when no
  // more input comes.
  StatefulDecoded stop(int error) {
    result.error = error == -1 ? (final ? -1 : 0) : error;
    return result;
  }
  const unsigned char* bytes;
  bool final;
  StatefulDecoded result;
};

// ---- ISO-2022 ---------------------------------------------------------------------------

StatefulEncoded iso2022_encode(const Iso2022Codec& codec, std::u32string_view text,
                               ShiftState& st) {
  CharsetTables sets;
  StatefulEncoded r;
  std::string& out = r.bytes;
  auto shift_in = [&] {
    if (st[kFlags] & kShifted) {
      out += char(kShiftIn);
      st[kFlags] &= ~kShifted;
    }
  };
  for (; r.consumed < text.size(); ++r.consumed) {
    char32_t c = text[r.consumed];
    if (c < 0x80) {
      if (st[0] != kAscii) {
        out += "\x1b(B";
        st[0] = kAscii;
      }
      shift_in();
      out += char(c);
      continue;
    }
    const Designation* found = nullptr;
    std::uint16_t code = kUnmapped;
    // CPython's iso2022_jp_3 writes U+9B1D with the code of U+9B1C (plane 2, 94-27), which
    // it then cannot write itself.
    char32_t wanted = c;
    if (codec.name == "iso2022_jp_3" && (c == 0x9B1C || c == 0x9B1D))
      wanted = c == 0x9B1D ? 0x9B1C : 0;
    for (const Designation& d : codec.designations) {
      if (d.plane > 1) continue;
      code = wanted ? sets.encode(d.mark, wanted) : kUnmapped;
      if (code != kUnmapped) {
        found = &d;
        break;
      }
    }
    if (!found) {
      r.failed = true;
      return r;
    }
    char final_byte = char(found->mark & ~kDoubleByte);
    if (found->plane == 0) {
      shift_in();
      if (st[0] != found->mark) {
        if (found->width == 1)
          out += std::string("\x1b(") + final_byte;
        else if (found->mark == kJisX0208)
          out += std::string("\x1b$") + final_byte;
        else
          out += std::string("\x1b$(") + final_byte;
        st[0] = found->mark;
      }
    } else {
      if (st[1] != found->mark) {
        out += found->width == 1 ? std::string("\x1b)") + final_byte
                                 : std::string("\x1b$)") + final_byte;
        st[1] = found->mark;
      }
      if (!(st[kFlags] & kShifted)) {
        out += char(kShiftOut);
        st[kFlags] |= kShifted;
      }
    }
    if (found->width == 2) out += char(code >> 8);
    out += char(code & 0xFF);
  }
  return r;
}

std::string iso2022_encode_reset(ShiftState& st) {
  std::string out;
  if (st[kFlags] & kShifted) {
    out += char(kShiftIn);
    st[kFlags] &= ~kShifted;
  }
  if (st[0] != kAscii) {
    out += "\x1b(B";
    st[0] = kAscii;
  }
  return out;
}

bool ends_escape(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || c == '@';
}
bool iso2022_escape(unsigned char c) {
  return c == '(' || c == ')' || c == '$' || c == '.' || c == '&';
}

// Reads the escape sequence at b (n bytes left): 0 when taken (the state updated, its
// length in `taken`), -1 when cut short by the end, else the length of the illegal sequence.
int iso2022_escape_sequence(const Iso2022Codec& codec, const unsigned char* b, std::size_t n,
                            ShiftState& st, std::size_t& taken) {
  constexpr std::size_t kMaxEscapeLength = 16;
  std::size_t length = 0;
  for (std::size_t i = 1; i < kMaxEscapeLength; ++i) {
    if (i >= n) return -1;
    if (ends_escape(b[i])) {
      length = i + 1;
      break;
    }
    // ESC & @ announces the ESC $ B that follows (JIS X 0208-1990): scanned over, with
    // the escape byte after it, as CPython does
    if ((codec.flags & kJisX0208Ext) && i + 1 < n && b[i] == '&' && b[i + 1] == '@') i += 2;
  }
  unsigned char charset, designation;
  switch (length) {
  case 0:
    return 1; // unterminated
  case 3:
    if (b[1] == '$') {
      charset = b[2] | kDoubleByte;
      designation = 0;
    } else {
      charset = b[2];
      if (b[1] == '(')
        designation = 0;
      else if (b[1] == ')')
        designation = 1;
      else if ((codec.flags & kUseG2) && b[1] == '.')
        designation = 2;
      else
        return 3;
    }
    break;
  case 4:
    if (b[1] != '$') return 4;
    charset = b[3] | kDoubleByte;
    if (b[2] == '(')
      designation = 0;
    else if (b[2] == ')')
      designation = 1;
    else
      return 4;
    break;
  case 6: // ESC & @ ESC $ B: JIS X 0208-1990
    if ((codec.flags & kJisX0208Ext) && b[3] == kEsc && b[4] == '$' && b[5] == 'B') {
      charset = kJisX0208;
      designation = 0;
    } else {
      return 6;
    }
    break;
  default:
    return int(length);
  }
  if (charset != kAscii) {
    bool known = false;
    for (const Designation& d : codec.designations)
      known = known || d.mark == charset;
    if (!known) return int(length);
  }
  st[designation] = charset;
  taken = length;
  return 0;
}

// ISO 8859-7's upper half as CPython's ISO-2022-JP-2 reads it (G2): byte c (0xA0-0xFF).
std::optional<char32_t> iso8859_7(unsigned c) {
  if (c < 0xA0) return c;
  if (c < 0xC0 && (0x288f3bc9UL & (1UL << (c - 0xA0)))) return c;
  if (c >= 0xB4 && c <= 0xFE && (c >= 0xD4 || (0xbffffd77UL & (1UL << (c - 0xB4)))))
    return 0x02D0 + c;
  if (c == 0xA1) return 0x2018;
  if (c == 0xA2) return 0x2019;
  if (c == 0xAF) return 0x2015;
  return std::nullopt;
}

StatefulDecoded iso2022_decode(const Iso2022Codec& codec, std::string_view bytes, ShiftState& st,
                               bool final) {
  CharsetTables sets;
  DecodeRun run(bytes, final);
  StatefulDecoded& r = run.result;
  const unsigned char* b = run.bytes;
  const std::size_t n = bytes.size();
  std::size_t& i = r.consumed;
  auto stop = [&](int error) { return run.stop(error); };
  while (i < n) {
    unsigned char c = b[i];
    if (st[kFlags] & kEscThroughout) {
      // After an escape sequence that is not ISO-2022's, bytes pass as Latin-1 up to its end.
      r.text += c;
      ++i;
      if (ends_escape(c)) st[kFlags] &= ~kEscThroughout;
      continue;
    }
    bool bypass = false;
    switch (c) {
    case kEsc:
      if (i + 1 >= n) return stop(-1);
      if (iso2022_escape(b[i + 1])) {
        std::size_t taken = 0;
        int e = iso2022_escape_sequence(codec, b + i, n - i, st, taken);
        if (e != 0) return stop(e);
        i += taken;
      } else if ((codec.flags & kUseG2) && b[i + 1] == 'N') { // single shift 2
        if (i + 2 >= n) return stop(-1);
        unsigned char x = b[i + 2];
        std::optional<char32_t> decoded;
        if (st[2] == kIso8859_1)
          decoded = x < 0x80 ? std::optional<char32_t>(x + 0x80) : std::nullopt;
        else if (st[2] == kIso8859_7)
          decoded = iso8859_7(x ^ 0x80);
        else if (st[2] == kAscii)
          decoded = x & 0x80 ? std::nullopt : std::optional<char32_t>(x);
        if (!decoded) return stop(3);
        r.text += *decoded;
        i += 3;
      } else {
        r.text += char32_t(kEsc);
        st[kFlags] |= kEscThroughout;
        ++i;
      }
      continue;
    case kShiftIn:
    case kShiftOut:
      if (codec.flags & kNoShift) {
        bypass = true;
        break;
      }
      if (c == kShiftOut)
        st[kFlags] |= kShifted;
      else
        st[kFlags] &= ~kShifted;
      ++i;
      continue;
    case '\n':
      st[kFlags] &= ~kShifted;
      r.text += c;
      ++i;
      continue;
    default:
      if (c < 0x20) {
        bypass = true;
        break;
      }
      if (c >= 0x80) return stop(1);
      unsigned char charset = (st[kFlags] & kShifted) ? st[1] : st[0];
      if (charset == kAscii) {
        bypass = true;
        break;
      }
      int width = 1;
      for (const Designation& d : codec.designations)
        if (d.mark == charset) width = d.width;
      if (i + width > n) return stop(-1);
      if (charset == kJisX0213Plane1 || charset == kJisX0213Plane1_2000 ||
          charset == kJisX0213Plane2) {
        std::u32string pair = sets.decode_jisx0213(charset, b + i);
        if (pair.empty()) return stop(width);
        r.text += pair;
        i += width;
        continue;
      }
      std::optional<char32_t> decoded = sets.decode(charset, b + i);
      if (!decoded) return stop(width);
      r.text += *decoded;
      i += width;
      continue;
    }
    if (bypass) {
      r.text += c;
      ++i;
    }
  }
  return r;
}

// ---- HZ: ASCII, and GB 2312 between ~{ and ~} (its bytes less 0x80) ----------------------

StatefulEncoded hz_encode(std::u32string_view text, ShiftState& st) {
  CharsetTables sets;
  StatefulEncoded r;
  for (; r.consumed < text.size(); ++r.consumed) {
    char32_t c = text[r.consumed];
    if (c < 0x80) {
      if (st[0]) {
        r.bytes += "~}";
        st[0] = 0;
      }
      r.bytes += char(c);
      if (c == '~') r.bytes += '~';
      continue;
    }
    std::uint16_t code = c > 0xFFFF ? kUnmapped : sets.encode(kGb2312, c);
    if (code == kUnmapped) {
      r.failed = true;
      return r;
    }
    if (!st[0]) {
      r.bytes += "~{";
      st[0] = 1;
    }
    r.bytes += char(code >> 8);
    r.bytes += char(code & 0xFF);
  }
  return r;
}

std::string hz_encode_reset(ShiftState& st) {
  if (!st[0]) return {};
  st[0] = 0;
  return "~}";
}

StatefulDecoded hz_decode(std::string_view bytes, ShiftState& st, bool final) {
  CharsetTables sets;
  DecodeRun run(bytes, final);
  StatefulDecoded& r = run.result;
  const unsigned char* b = run.bytes;
  const std::size_t n = bytes.size();
  std::size_t& i = r.consumed;
  auto stop = [&](int error) { return run.stop(error); };
  while (i < n) {
    unsigned char c = b[i];
    if (c == '~') {
      if (i + 1 >= n) return stop(-1);
      unsigned char c2 = b[i + 1];
      if (c2 == '~' && !st[0])
        r.text += U'~';
      else if (c2 == '{' && !st[0])
        st[0] = 1;
      else if (c2 == '\n' && !st[0])
        ; // a line continued
      else if (c2 == '}' && st[0])
        st[0] = 0;
      else
        return stop(1);
      i += 2;
      continue;
    }
    if (c & 0x80) return stop(1);
    if (!st[0]) {
      r.text += c;
      ++i;
      continue;
    }
    if (i + 1 >= n) return stop(-1);
    std::optional<char32_t> decoded = sets.decode(kGb2312, b + i);
    if (!decoded) return stop(1);
    r.text += *decoded;
    i += 2;
  }
  return r;
}

} // namespace

bool stateful_codec_known(std::string_view name) {
  return name == "hz" || find_iso2022(name) != nullptr;
}

ShiftState stateful_initial_state(std::string_view name, bool encoder) {
  ShiftState st{};
  if (find_iso2022(name)) {
    st[0] = st[1] = kAscii;
    if (!encoder) st[2] = kAscii;
  }
  return st;
}

StatefulEncoded stateful_encode(std::string_view name, std::u32string_view text,
                                ShiftState& state) {
  if (const Iso2022Codec* codec = find_iso2022(name)) return iso2022_encode(*codec, text, state);
  return hz_encode(text, state);
}

std::string stateful_encode_reset(std::string_view name, ShiftState& state) {
  return find_iso2022(name) ? iso2022_encode_reset(state) : hz_encode_reset(state);
}

StatefulDecoded stateful_decode(std::string_view name, std::string_view bytes, ShiftState& state,
                                bool final) {
  if (const Iso2022Codec* codec = find_iso2022(name))
    return iso2022_decode(*codec, bytes, state, final);
  return hz_decode(bytes, state, final);
}

} // namespace interp::text
