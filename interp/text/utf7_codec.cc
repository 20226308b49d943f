// UTF-7 (RFC 2152) as CPython 3.11 writes and reads it: which characters it writes
// directly, where it closes a base64 run with '-', and the errors (and their ranges) it
// reports when reading.
#include "interp/text/codec_sinks.h"
#include "interp/text/codecs.h"

namespace interp::text {
namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(char32_t c) {
  if (c >= 'A' && c <= 'Z') return int(c - 'A');
  if (c >= 'a' && c <= 'z') return int(c - 'a') + 26;
  if (c >= '0' && c <= '9') return int(c - '0') + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// RFC 2152's Set D, Set O and the four whitespace characters: CPython's encoder writes
// all of them as themselves; '+', '\', '~' and the controls go into base64.
bool written_directly(char32_t c) {
  if (c >= 0x80) return false;
  if (base64_value(c) >= 0 && c != '+' && c != '/') return true;
  static constexpr std::string_view kOthers = "'(),-./:? \t\r\n!\"#$%&*;<=>@[]^_`{|}";
  return kOthers.find(static_cast<char>(c)) != std::string_view::npos;
}

class Base64Run {
public:
  explicit Base64Run(std::string& out) : out_(out) {}
  void put_unit(char32_t unit) {
    bits_ = (bits_ << 16) | unit;
    count_ += 16;
    while (count_ >= 6) {
      count_ -= 6;
      out_ += kBase64[(bits_ >> count_) & 0x3F];
    }
    bits_ &= (1u << count_) - 1;
  }
  // The bits left over, padded with zeros to a last base64 digit.
  void flush() {
    if (count_ > 0) out_ += kBase64[(bits_ << (6 - count_)) & 0x3F];
    bits_ = 0;
    count_ = 0;
  }

private:
  std::string& out_;
  std::uint32_t bits_ = 0;
  int count_ = 0;
};

} // namespace

CodecResult<std::u32string> decode_utf7(std::string_view in, std::string_view errors, bool final,
                                        std::size_t& consumed) {
  detail::DecodeSink sink(in, errors, "utf7");
  const std::size_t n = in.size();
  bool in_shift = false;
  std::size_t shift_start = 0, shift_output = 0;
  std::uint32_t bits = 0;
  int count = 0;
  char32_t high = 0; // a high surrogate waiting for its low half
  std::size_t i = 0;
  while (i < n) {
    auto c = static_cast<unsigned char>(in[i]);
    std::optional<std::size_t> resume;
    if (in_shift) {
      int value = base64_value(c);
      if (value >= 0) {
        bits = (bits << 6) | unsigned(value);
        count += 6;
        ++i;
        if (count >= 16) {
          count -= 16;
          char32_t unit = (bits >> count) & 0xFFFF;
          bits &= (1u << count) - 1;
          if (high != 0 && unit >= 0xDC00 && unit <= 0xDFFF) {
            sink.out += 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00);
            high = 0;
            continue;
          }
          if (high != 0) sink.out += high;
          high = 0;
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            high = unit;
          } else {
            sink.out += unit;
          }
        }
        continue;
      }
      in_shift = false;
      if (count >= 6 || bits != 0) {
        // The run ended with bits that make no UTF-16 unit: the run and the character
        // that ended it are the error.
        high = 0;
        resume = sink.bad(shift_start, i + 1,
                          count >= 6 ? "partial character in shift sequence"
                                     : "non-zero padding bits in shift sequence");
      } else {
        if (high != 0 && c < 0x80) sink.out += high;
        high = 0;
        if (c == '-') ++i;
        continue;
      }
    } else if (c == '+') {
      if (i + 1 < n && in[i + 1] == '-') {
        sink.out += U'+';
        i += 2;
        continue;
      }
      if (i + 1 < n && base64_value(static_cast<unsigned char>(in[i + 1])) < 0) {
        resume = sink.bad(i, i + 2, "ill-formed sequence");
      } else {
        in_shift = true;
        shift_start = i;
        shift_output = sink.out.size();
        bits = 0;
        count = 0;
        ++i;
        continue;
      }
    } else if (c < 0x80) {
      sink.out += c;
      ++i;
      continue;
    } else {
      resume = sink.bad(i, i + 1, "unexpected special character");
    }
    if (!resume) return std::move(*sink.error);
    i = *resume;
  }
  consumed = n;
  if (in_shift) {
    if (!final) {
      // The open run waits for more input; what it decoded so far is taken back.
      sink.out.resize(shift_output);
      consumed = shift_start;
    } else if (high != 0 || count >= 6 || bits != 0) {
      if (!sink.bad(shift_start, n, "unterminated shift sequence")) return std::move(*sink.error);
    }
  }
  return std::move(sink.out);
}

std::string encode_utf7(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  Base64Run run(out);
  bool in_shift = false;
  for (char32_t c : text) {
    if (in_shift && written_directly(c)) {
      run.flush();
      in_shift = false;
      // A base64 digit or '-' right after the run would be read as part of it.
      if (base64_value(c) >= 0 || c == '-') out += '-';
    }
    if (!in_shift) {
      if (c == '+') {
        out += "+-";
        continue;
      }
      if (written_directly(c)) {
        out += static_cast<char>(c);
        continue;
      }
      out += '+';
      in_shift = true;
    }
    if (c >= 0x10000) {
      run.put_unit(0xD800 + ((c - 0x10000) >> 10));
      run.put_unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      run.put_unit(c);
    }
  }
  if (in_shift) {
    run.flush();
    out += '-';
  }
  return out;
}

} // namespace interp::text
