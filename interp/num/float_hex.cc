// float.hex() and float.fromhex() (see float_hex.h).
#include "interp/num/float_hex.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace interp::num {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_word[i]) return false;
  }
  return true;
}

FloatError invalid() {
  return value_error("invalid hexadecimal floating-point string");
}
FloatError too_large() {
  return overflow_error("hexadecimal value too large to represent as a float");
}

// A hexadecimal significand as a list of nibbles (most significant first, no leading
// zeros) and the power of two of the last nibble's lowest bit.
struct HexSignificand {
  std::string nibbles; // values 0..15 stored as chars
  long long low_bit_power = 0;

  int bit(long long power) const {
    long long offset = power - low_bit_power;
    if (offset < 0) return 0;
    long long index = static_cast<long long>(nibbles.size()) - 1 - offset / 4;
    if (index < 0) return 0;
    return (nibbles[index] >> (offset % 4)) & 1;
  }
  bool any_bit_below(long long power) const {
    for (long long p = power - 1; p >= low_bit_power; --p) {
      long long index = static_cast<long long>(nibbles.size()) - 1 - (p - low_bit_power) / 4;
      // Whole nibbles below the one holding p can be tested at once.
      if ((p - low_bit_power) % 4 == 3) {
        for (long long i = index < 0 ? 0 : index; i < static_cast<long long>(nibbles.size()); ++i)
          if (nibbles[i]) return true;
        return false;
      }
      if (bit(p)) return true;
    }
    return false;
  }
};

} // namespace

std::string float_to_hex(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  std::string out = std::signbit(x) ? "-" : "";
  if (x == 0) return out + "0x0.0p+0";
  auto bits = std::bit_cast<std::uint64_t>(x);
  int biased_exponent = static_cast<int>((bits >> 52) & 0x7ff);
  std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  int exponent = biased_exponent == 0 ? -1022 : biased_exponent - 1023;
  out += biased_exponent == 0 ? "0x0." : "0x1.";
  for (int shift = 48; shift >= 0; shift -= 4)
    out += kHexDigits[(fraction >> shift) & 0xf];
  out += 'p';
  out += exponent < 0 ? '-' : '+';
  out += std::to_string(exponent < 0 ? -exponent : exponent);
  return out;
}

FloatResult<double> float_from_hex(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  double sign = negative ? -1.0 : 1.0;
  if (equals_ignoring_case(text, "inf") || equals_ignoring_case(text, "infinity"))
    return sign * std::numeric_limits<double>::infinity();
  if (equals_ignoring_case(text, "nan"))
    return std::copysign(std::numeric_limits<double>::quiet_NaN(), sign);

  size_t i = 0, n = text.size();
  if (n >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) i = 2;
  HexSignificand significand;
  long long fraction_digits = 0;
  size_t digit_count = 0;
  while (i < n && hex_value(text[i]) >= 0) {
    if (!significand.nibbles.empty() || hex_value(text[i]) != 0)
      significand.nibbles.push_back(static_cast<char>(hex_value(text[i])));
    ++digit_count;
    ++i;
  }
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && hex_value(text[i]) >= 0) {
      if (!significand.nibbles.empty() || hex_value(text[i]) != 0)
        significand.nibbles.push_back(static_cast<char>(hex_value(text[i])));
      ++fraction_digits;
      ++digit_count;
      ++i;
    }
  }
  if (digit_count == 0) return invalid();
  long long exponent = 0;
  if (i < n && (text[i] == 'p' || text[i] == 'P')) {
    ++i;
    bool exponent_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      exponent_negative = text[i] == '-';
      ++i;
    }
    size_t start = i;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      // Clamped: far beyond any double's range, yet small enough not to overflow below.
      if (exponent < 1'000'000'000'000'000LL) exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (i == start) return invalid();
    if (exponent_negative) exponent = -exponent;
  }
  if (i != n) return invalid();
  if (significand.nibbles.empty()) return sign * 0.0;

  significand.low_bit_power = exponent - 4 * fraction_digits;
  // The power of two of the leading set bit.
  int leading_nibble_width = std::bit_width(static_cast<unsigned>(significand.nibbles[0]));
  long long top = significand.low_bit_power +
                  4 * (static_cast<long long>(significand.nibbles.size()) - 1) +
                  leading_nibble_width - 1;
  if (top > 1023) return too_large();
  // The power of the last bit the double can hold at this magnitude.
  long long last = top >= -1022 ? top - 52 : -1074;
  if (top < last - 1) return sign * 0.0; // below half the smallest subnormal
  std::uint64_t mantissa = 0;
  for (long long p = top; p >= last; --p)
    mantissa = (mantissa << 1) | significand.bit(p);
  int round_bit = significand.bit(last - 1);
  bool sticky = significand.any_bit_below(last - 1);
  if (round_bit && (sticky || (mantissa & 1))) {
    ++mantissa;
    if (mantissa == (std::uint64_t{1} << 53) && top == 1023) return too_large();
  }
  return sign * std::ldexp(static_cast<double>(mantissa), static_cast<int>(last));
}

} // namespace interp::num
