// interp/modules/inflate.cc - DEFLATE decoding (RFC 1951) inside zlib (RFC 1950) and gzip
// (RFC 1952) containers, with zlib's error messages. See zlib_codec.h.
#include "interp/modules/zlib_codec.h"

#include <cstring>

namespace interp::zcodec {
namespace {

struct Stop {
  InflateStatus status;
  const char* message;
};

// Least significant bit first reader over the whole input.
struct Bits {
  const unsigned char* p;
  std::size_t size;
  std::size_t pos = 0; // in bits

  std::uint32_t peek(int n) const { // n <= 24; zeros past the end
    std::uint32_t v = 0;
    std::size_t byte = pos >> 3;
    for (int k = 0; k < 4 && byte + k < size; ++k)
      v |= std::uint32_t(p[byte + k]) << (8 * k);
    v >>= pos & 7;
    return v & ((1u << n) - 1);
  }
  bool has(int n) const { return pos + n <= size * 8; }
  std::uint32_t get(int n) {
    if (!has(n)) throw Stop{InflateStatus::Truncated, nullptr};
    std::uint32_t v = n ? peek(n) : 0;
    pos += n;
    return v;
  }
  void align() { pos = (pos + 7) & ~std::size_t(7); }
  std::size_t byte_pos() const { return (pos + 7) >> 3; }
  unsigned byte() { return get(8); }
};

// A canonical Huffman code as a table indexed by the next `bits` input bits; an entry is
// symbol << 4 | length, 0 for no code.
struct Code {
  int bits = 0;
  std::uint32_t table[1 << 15];
};

// 0 on success, -1 over-subscribed or incomplete (zlib accepts an incomplete code only
// when its longest length is 1).
int build(Code& c, const unsigned char* lengths, int n, bool codes) {
  int count[16] = {};
  for (int i = 0; i < n; ++i)
    count[lengths[i]]++;
  int max = 15;
  while (max > 0 && !count[max])
    --max;
  c.bits = max;
  if (max == 0) {
    c.bits = 1;
    c.table[0] = c.table[1] = 0;
    return 0;
  }
  int left = 1;
  for (int len = 1; len <= 15; ++len) {
    left = left * 2 - count[len];
    if (left < 0) return -1;
  }
  if (left > 0 && (codes || max != 1)) return -1;
  std::fill(c.table, c.table + (1 << max), 0u);
  int next[16];
  int code = 0;
  count[0] = 0;
  for (int len = 1; len <= 15; ++len) {
    code = (code + count[len - 1]) << 1;
    next[len] = code;
  }
  for (int sym = 0; sym < n; ++sym) {
    int len = lengths[sym];
    if (!len) continue;
    int cv = next[len]++;
    int rev = 0;
    for (int k = 0; k < len; ++k)
      rev |= ((cv >> k) & 1) << (len - 1 - k);
    for (int fill = rev; fill < (1 << max); fill += 1 << len)
      c.table[fill] = std::uint32_t(sym) << 4 | len;
  }
  return 0;
}

// The next symbol, -1 for bits that are no code.
int decode(Bits& in, const Code& c) {
  std::uint32_t e = c.table[in.peek(c.bits)];
  int len = e & 15;
  if (!len) {
    // Not a code, or not enough input to tell.
    if (!in.has(c.bits)) throw Stop{InflateStatus::Truncated, nullptr};
    return -1;
  }
  if (!in.has(len)) throw Stop{InflateStatus::Truncated, nullptr};
  in.pos += len;
  return int(e >> 4);
}

struct Inflater {
  Bits in;
  std::string& out;
  std::size_t start; // out.size() when the stream began
  std::size_t window;
  std::size_t limit;
  Code& lencode;
  Code& distcode;

  void check_limit(std::size_t at) {
    if (out.size() >= limit) {
      in.pos = at;
      throw Stop{InflateStatus::Limit, nullptr};
    }
  }

  void codes() {
    for (;;) {
      std::size_t at = in.pos;
      int sym = decode(in, lencode);
      if (sym < 0 || sym > 285) throw Stop{InflateStatus::Error, "invalid literal/length code"};
      if (sym == 256) return;
      if (sym < 256) {
        check_limit(at);
        out.push_back(char(sym));
        continue;
      }
      sym -= 257;
      std::size_t len = kLengthBase[sym] + in.get(kLengthExtra[sym]);
      int dsym = decode(in, distcode);
      if (dsym < 0 || dsym > 29) throw Stop{InflateStatus::Error, "invalid distance code"};
      std::size_t dist = kDistBase[dsym] + in.get(kDistExtra[dsym]);
      if (dist > out.size() - start || dist > window)
        throw Stop{InflateStatus::Error, "invalid distance too far back"};
      check_limit(at);
      std::size_t from = out.size() - dist;
      for (std::size_t k = 0; k < len; ++k)
        out.push_back(out[from + k]);
    }
  }

  void stored() {
    in.align();
    std::uint32_t len = in.get(16), nlen = in.get(16);
    if ((len ^ 0xffff) != nlen) throw Stop{InflateStatus::Error, "invalid stored block lengths"};
    for (std::uint32_t k = 0; k < len; ++k) {
      check_limit(in.pos);
      out.push_back(char(in.byte()));
    }
  }

  void fixed() {
    unsigned char lengths[320];
    std::memset(lengths, 8, 144);
    std::memset(lengths + 144, 9, 112);
    std::memset(lengths + 256, 7, 24);
    std::memset(lengths + 280, 8, 8);
    build(lencode, lengths, 288, false);
    std::memset(lengths, 5, 32);
    build(distcode, lengths, 32, false);
    codes();
  }

  void dynamic() {
    int nlen = int(in.get(5)) + 257, ndist = int(in.get(5)) + 1, ncode = int(in.get(4)) + 4;
    if (nlen > 286 || ndist > 30)
      throw Stop{InflateStatus::Error, "too many length or distance symbols"};
    static constexpr std::uint8_t kOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                11, 4,  12, 3, 13, 2, 14, 1, 15};
    unsigned char lengths[320] = {};
    for (int i = 0; i < ncode; ++i)
      lengths[kOrder[i]] = static_cast<unsigned char>(in.get(3));
    if (build(lencode, lengths, 19, true) != 0)
      throw Stop{InflateStatus::Error, "invalid code lengths set"};
    std::memset(lengths, 0, sizeof lengths);
    for (int i = 0; i < nlen + ndist;) {
      int sym = decode(in, lencode);
      if (sym < 0) throw Stop{InflateStatus::Error, "invalid code lengths set"};
      if (sym < 16) {
        lengths[i++] = static_cast<unsigned char>(sym);
        continue;
      }
      int value = 0, repeat;
      if (sym == 16) {
        if (i == 0) throw Stop{InflateStatus::Error, "invalid bit length repeat"};
        value = lengths[i - 1];
        repeat = 3 + int(in.get(2));
      } else if (sym == 17) {
        repeat = 3 + int(in.get(3));
      } else {
        repeat = 11 + int(in.get(7));
      }
      if (i + repeat > nlen + ndist) throw Stop{InflateStatus::Error, "invalid bit length repeat"};
      while (repeat--)
        lengths[i++] = static_cast<unsigned char>(value);
    }
    if (lengths[256] == 0) throw Stop{InflateStatus::Error, "invalid code -- missing end-of-block"};
    if (build(lencode, lengths, nlen, false) != 0)
      throw Stop{InflateStatus::Error, "invalid literal/lengths set"};
    if (build(distcode, lengths + nlen, ndist, false) != 0)
      throw Stop{InflateStatus::Error, "invalid distances set"};
    codes();
  }

  void blocks() {
    for (;;) {
      int last = int(in.get(1));
      int type = int(in.get(2));
      if (type == 0)
        stored();
      else if (type == 1)
        fixed();
      else if (type == 2)
        dynamic();
      else
        throw Stop{InflateStatus::Error, "invalid block type"};
      if (last) return;
    }
  }
};

std::uint32_t read_le32(Bits& in) {
  std::uint32_t v = 0;
  for (int k = 0; k < 4; ++k)
    v |= std::uint32_t(in.byte()) << (8 * k);
  return v;
}

void gzip_header(Bits& in) {
  std::size_t begin = in.pos / 8;
  unsigned id1 = in.byte(), id2 = in.byte();
  if (id1 != 0x1f || id2 != 0x8b) throw Stop{InflateStatus::Error, "incorrect header check"};
  if (in.byte() != 8) throw Stop{InflateStatus::Error, "unknown compression method"};
  unsigned flags = in.byte();
  if (flags & 0xe0) throw Stop{InflateStatus::Error, "unknown header flags set"};
  in.get(16), in.get(16), in.get(16); // mtime, extra flags, operating system
  if (flags & 4) {
    unsigned xlen = in.get(16);
    while (xlen--)
      in.byte();
  }
  if (flags & 8)
    while (in.byte())
      ;
  if (flags & 16)
    while (in.byte())
      ;
  if (flags & 2) {
    std::uint32_t crc = crc32_update(0, in.p + begin, in.pos / 8 - begin) & 0xffff;
    if (in.get(16) != crc) throw Stop{InflateStatus::Error, "header crc mismatch"};
  }
}

} // namespace

bool container_of(int wbits, Container& c, int& window_bits) {
  if (wbits >= -15 && wbits <= -8) {
    c = Container::Raw, window_bits = -wbits;
  } else if (wbits == 0 || (wbits >= 8 && wbits <= 15)) {
    c = Container::Zlib, window_bits = wbits;
  } else if (wbits >= 24 && wbits <= 31) {
    c = Container::Gzip, window_bits = wbits - 16;
  } else if (wbits >= 40 && wbits <= 47) {
    c = Container::Auto, window_bits = wbits - 32;
  } else {
    return false;
  }
  if (window_bits == 8) window_bits = 9;
  return true;
}

InflateResult inflate(std::string_view data, int wbits, std::string& out, std::size_t limit) {
  Container c;
  int window_bits;
  if (!container_of(wbits, c, window_bits)) return {InflateStatus::Error, "invalid window size", 0};
  auto* p = reinterpret_cast<const unsigned char*>(data.data());
  static thread_local Code* codes = nullptr; // two 128 KiB tables, made once per thread
  if (!codes) codes = new Code[2];
  Inflater inf{Bits{p, data.size()}, out, out.size(), 0, limit, codes[0], codes[1]};
  try {
    Bits& in = inf.in;
    if (c == Container::Auto)
      c = data.size() >= 2 && p[0] == 0x1f && p[1] == 0x8b ? Container::Gzip : Container::Zlib;
    if (c == Container::Zlib) {
      unsigned cmf = in.byte(), flg = in.byte();
      if ((cmf * 256 + flg) % 31) throw Stop{InflateStatus::Error, "incorrect header check"};
      if ((cmf & 15) != 8) throw Stop{InflateStatus::Error, "unknown compression method"};
      int len = int(cmf >> 4) + 8;
      if (window_bits == 0) window_bits = len;
      if (len > 15 || len > window_bits) throw Stop{InflateStatus::Error, "invalid window size"};
      if (flg & 32) throw Stop{InflateStatus::Error, "need dictionary"};
    } else if (c == Container::Gzip) {
      gzip_header(in);
    }
    inf.window = std::size_t(1) << window_bits;
    inf.blocks();
    in.align();
    std::string_view produced(out.data() + inf.start, out.size() - inf.start);
    auto* q = reinterpret_cast<const unsigned char*>(produced.data());
    if (c == Container::Zlib) {
      std::uint32_t want = 0;
      for (int k = 0; k < 4; ++k)
        want = want << 8 | in.byte();
      if (want != adler32_update(1, q, produced.size()))
        throw Stop{InflateStatus::Error, "incorrect data check"};
    } else if (c == Container::Gzip) {
      if (read_le32(in) != crc32_update(0, q, produced.size()))
        throw Stop{InflateStatus::Error, "incorrect data check"};
      if (read_le32(in) != std::uint32_t(produced.size()))
        throw Stop{InflateStatus::Error, "incorrect length check"};
    }
    return {InflateStatus::End, nullptr, in.pos / 8};
  } catch (const Stop& stop) {
    return {stop.status, stop.message, inf.in.byte_pos()};
  }
}

namespace {
struct Crc32Table {
  std::uint32_t entry[256];
  constexpr Crc32Table() : entry() {
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k)
        c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      entry[i] = c;
    }
  }
};
constexpr Crc32Table kCrc32;
} // namespace

std::uint32_t crc32_update(std::uint32_t crc, const unsigned char* p, std::size_t n) {
  crc = ~crc;
  for (std::size_t i = 0; i < n; ++i)
    crc = kCrc32.entry[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

std::uint32_t adler32_update(std::uint32_t adler, const unsigned char* p, std::size_t n) {
  std::uint32_t a = adler & 0xffff, b = adler >> 16;
  while (n) {
    std::size_t chunk = n < 5552 ? n : 5552;
    n -= chunk;
    while (chunk--) {
      a += *p++;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return b << 16 | a;
}

} // namespace interp::zcodec
