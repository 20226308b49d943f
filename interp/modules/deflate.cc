// interp/modules/deflate.cc - DEFLATE encoding (RFC 1951) in zlib (RFC 1950) and gzip
// (RFC 1952) containers. Level 0 writes stored blocks; the others find matches with
// hash chains (longer searches at higher levels) and write them with the fixed Huffman
// code. Each deflate_data call writes whole blocks, so that the state kept between calls
// is only a few words (DeflateState); matches do not reach back into earlier calls.
#include "interp/modules/zlib_codec.h"

#include <vector>

namespace interp::zcodec {
namespace {

struct Writer {
  DeflateState& s;
  std::string& out;
  void put(std::uint32_t value, int n) {
    s.bitbuf |= value << s.bitcount;
    s.bitcount += n;
    while (s.bitcount >= 8) {
      out.push_back(char(s.bitbuf & 0xff));
      s.bitbuf >>= 8;
      s.bitcount -= 8;
    }
  }
  void align() {
    if (s.bitcount) put(0, 8 - s.bitcount);
  }
  // A Huffman code, most significant bit first.
  void code(std::uint32_t code, int len) {
    std::uint32_t rev = 0;
    for (int k = 0; k < len; ++k)
      rev |= ((code >> k) & 1) << (len - 1 - k);
    put(rev, len);
  }
  void literal(int sym) { // fixed code
    if (sym < 144)
      code(0x30 + sym, 8);
    else if (sym < 256)
      code(0x190 + sym - 144, 9);
    else if (sym < 280)
      code(sym - 256, 7);
    else
      code(0xc0 + sym - 280, 8);
  }
};

void write_match(Writer& w, std::size_t len, std::size_t dist) {
  int l = 28;
  while (kLengthBase[l] > len)
    --l;
  w.literal(257 + l);
  w.put(std::uint32_t(len - kLengthBase[l]), kLengthExtra[l]);
  int d = 29;
  while (kDistBase[d] > dist)
    --d;
  w.code(std::uint32_t(d), 5);
  w.put(std::uint32_t(dist - kDistBase[d]), kDistExtra[d]);
}

void header(DeflateState& s, std::string& out) {
  if (s.started) return;
  s.started = 1;
  if (s.container == int(Container::Zlib)) {
    int flevel = s.level == 1                  ? 0
                 : s.level < 6 && s.level >= 0 ? 1
                 : s.level == 6 || s.level < 0 ? 2
                                               : 3;
    unsigned cmf = unsigned(s.window_bits - 8) << 4 | 8, flg = unsigned(flevel) << 6;
    flg += 31 - (cmf * 256 + flg) % 31;
    out.push_back(char(cmf));
    out.push_back(char(flg));
  } else if (s.container == int(Container::Gzip)) {
    const unsigned char h[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
    out.append(reinterpret_cast<const char*>(h), 10);
  }
}

void stored_block(Writer& w, std::string_view data, bool last) {
  w.put(last ? 1 : 0, 1);
  w.put(0, 2);
  w.align();
  std::uint32_t n = std::uint32_t(data.size());
  w.put(n & 0xffff, 16);
  w.put(~n & 0xffff, 16);
  w.out.append(data);
}

void lz77_block(Writer& w, std::string_view data, int level, int window_bits) {
  w.put(0, 1);
  w.put(1, 2);
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t n = data.size();
  constexpr int kHashBits = 15;
  // zlib's reach: the window less its lookahead.
  const std::size_t kWindow = (std::size_t(1) << window_bits) - 262;
  std::vector<std::int32_t> head(1 << kHashBits, -1);
  std::vector<std::int32_t> prev(n, -1);
  int chain = level <= 1 ? 4 : level <= 3 ? 16 : level <= 6 ? 128 : 1024;
  auto hash = [&](std::size_t i) {
    std::uint32_t v = p[i] | p[i + 1] << 8 | p[i + 2] << 16;
    return (v * 2654435761u) >> (32 - kHashBits);
  };
  auto insert = [&](std::size_t i) {
    if (i + 2 >= n) return;
    std::uint32_t h = hash(i);
    prev[i] = head[h];
    head[h] = std::int32_t(i);
  };
  std::size_t i = 0;
  while (i < n) {
    std::size_t best = 0, best_dist = 0;
    if (i + 2 < n) {
      std::int32_t cand = head[hash(i)];
      std::size_t max = std::min<std::size_t>(258, n - i);
      for (int c = 0; cand >= 0 && c < chain && i - std::size_t(cand) <= kWindow; ++c) {
        std::size_t k = 0;
        while (k < max && p[cand + k] == p[i + k])
          ++k;
        if (k > best) {
          best = k;
          best_dist = i - std::size_t(cand);
          if (k == max) break;
        }
        cand = prev[cand];
      }
    }
    if (best >= 3) {
      write_match(w, best, best_dist);
      for (std::size_t k = 0; k < best; ++k)
        insert(i + k);
      i += best;
    } else {
      w.literal(p[i]);
      insert(i);
      ++i;
    }
  }
  w.literal(256);
}

} // namespace

void deflate_start(DeflateState& s, int level, Container c, int window_bits) {
  s = DeflateState{};
  s.window_bits = window_bits < 9 ? 9 : window_bits;
  s.level = level;
  s.container = int(c);
  s.check = c == Container::Zlib ? 1 : 0;
}

void deflate_data(DeflateState& s, std::string_view data, std::string& out) {
  header(s, out);
  if (data.empty()) return;
  auto* p = reinterpret_cast<const unsigned char*>(data.data());
  if (s.container == int(Container::Zlib))
    s.check = adler32_update(s.check, p, data.size());
  else if (s.container == int(Container::Gzip))
    s.check = crc32_update(s.check, p, data.size());
  s.total += std::uint32_t(data.size());
  Writer w{s, out};
  if (s.level == 0) {
    for (std::size_t at = 0; at < data.size(); at += 65535)
      stored_block(w, data.substr(at, 65535), false);
    return;
  }
  // Blocks of at most 1 MiB keep the chains' memory bounded.
  for (std::size_t at = 0; at < data.size(); at += 1 << 20)
    lz77_block(w, data.substr(at, 1 << 20), s.level, s.window_bits);
}

void deflate_flush(DeflateState& s, int flush, std::string& out) {
  if (s.finished) return;
  header(s, out);
  Writer w{s, out};
  if (flush == 2 || flush == 3) {
    stored_block(w, {}, false);
    return;
  }
  if (flush != 4) return;
  stored_block(w, {}, true);
  s.finished = 1;
  if (s.container == int(Container::Zlib)) {
    for (int k = 3; k >= 0; --k)
      out.push_back(char(s.check >> (8 * k)));
  } else if (s.container == int(Container::Gzip)) {
    for (int k = 0; k < 4; ++k)
      out.push_back(char(s.check >> (8 * k)));
    for (int k = 0; k < 4; ++k)
      out.push_back(char(s.total >> (8 * k)));
  }
}

} // namespace interp::zcodec
