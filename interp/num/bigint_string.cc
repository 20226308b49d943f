// Text conversion: digits in bases 2..36 and Python's int(text, base) parser, with
// CPython 3.11's limit on the length of decimal (non power-of-two base) conversions.
#include "interp/num/bigint.h"

#include <bit>
#include <cmath>

namespace interp::num {
namespace {

mp_size_t sz(std::size_t n) {
  return static_cast<mp_size_t>(n);
}

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

bool is_power_of_two_base(int base) {
  return std::has_single_bit(static_cast<unsigned>(base));
}

// Py_ISSPACE: the ASCII whitespace int() strips (not \x1c..\x1f, which str.isspace accepts).
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_string_limit_message(std::size_t limit) {
  return "Exceeds the limit (" + std::to_string(limit) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to "
         "increase the limit";
}

std::string from_string_limit_message(std::size_t limit, std::size_t digits) {
  return "Exceeds the limit (" + std::to_string(limit) +
         " digits) for integer string conversion: value has " + std::to_string(digits) +
         " digits; use sys.set_int_max_str_digits() to increase the limit";
}

} // namespace

IntResult<std::string> to_string(BigView a, int base, std::size_t max_str_digits,
                                 std::string_view prefix) {
  using R = IntResult<std::string>;
  if (base < 2 || base > 36) return R::failure(IntErrorKind::ValueError, "base must be in 2..36");
  const bool limited = max_str_digits != 0 && !is_power_of_two_base(base);
  std::string out;
  if (a.negative) out.push_back('-');
  out.append(prefix);
  if (a.size == 0) {
    out.push_back('0');
    return R::success(std::move(out));
  }
  const double digits_per_bit = std::log(2.0) / std::log(static_cast<double>(base));
  if (limited) {
    // A number of b bits has at least 1 + floor((b - 1) * log_base(2)) digits; refusing
    // early (with a margin for rounding) avoids converting a huge number only to reject it.
    const double fewest_digits = static_cast<double>(bit_length(a) - 1) * digits_per_bit;
    if (fewest_digits > static_cast<double>(max_str_digits) + 2)
      return R::failure(IntErrorKind::ValueError, to_string_limit_message(max_str_digits));
  }
  // mpn_get_str clobbers its input (except for powers of two) and wants room for the
  // largest number of that many limbs plus one character.
  std::vector<Limb> scratch(a.limbs, a.limbs + a.size);
  scratch.push_back(0);
  const std::size_t room =
      static_cast<std::size_t>(static_cast<double>(a.size * kLimbBits) * digits_per_bit) + 4;
  std::vector<unsigned char> raw(room);
  std::size_t count = mpn_get_str(raw.data(), base, scratch.data(), sz(a.size));
  std::size_t first = 0;
  while (first + 1 < count && raw[first] == 0)
    ++first;
  if (limited && count - first > max_str_digits)
    return R::failure(IntErrorKind::ValueError, to_string_limit_message(max_str_digits));
  out.reserve(out.size() + count - first);
  for (std::size_t i = first; i < count; ++i)
    out.push_back(kDigitChars[raw[i]]);
  return R::success(std::move(out));
}

IntResult<BigInt> from_string(std::string_view text, int base, std::size_t max_str_digits) {
  using R = IntResult<BigInt>;
  if (base != 0 && (base < 2 || base > 36))
    return R::failure(IntErrorKind::ValueError, "int() base must be >= 2 and <= 36, or 0");
  const auto invalid = [base]() {
    return R::failure(IntErrorKind::InvalidLiteral,
                      "invalid literal for int() with base " + std::to_string(base) + ": ");
  };
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n && is_space(text[i]))
    ++i;
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

  int radix = base;
  bool prefixed = false;
  if (i + 1 < n && text[i] == '0') {
    const char p = lower(text[i + 1]);
    if ((p == 'x' && (base == 16 || base == 0)) || (p == 'o' && (base == 8 || base == 0)) ||
        (p == 'b' && (base == 2 || base == 0))) {
      radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      prefixed = true;
      i += 2;
    }
  }
  // Base 0 reads decimal like Python source: a non-zero number may not start with 0.
  bool zeros_only = false;
  if (radix == 0) {
    radix = 10;
    zeros_only = i < n && text[i] == '0';
  }

  // The digits: one run of digits and single underscores. An underscore may lead only
  // right after a base prefix, and may never trail.
  const std::size_t digits_begin = i;
  std::size_t digits = 0;
  bool last_was_underscore = false;
  if (!prefixed && i < n && text[i] == '_') return invalid();
  for (; i < n; ++i) {
    if (text[i] == '_') {
      if (last_was_underscore) return invalid();
      last_was_underscore = true;
      continue;
    }
    if (digit_value(text[i]) >= radix) break;
    ++digits;
    last_was_underscore = false;
  }
  if (last_was_underscore) return invalid();
  const std::size_t digits_end = i;
  // CPython counts digits, and applies the limit, before it looks at what follows them.
  if (max_str_digits != 0 && !is_power_of_two_base(radix) && digits > max_str_digits)
    return R::failure(IntErrorKind::ValueError, from_string_limit_message(max_str_digits, digits));
  if (digits == 0) return invalid();
  while (i < n && is_space(text[i]))
    ++i;
  if (i != n) return invalid();

  std::vector<unsigned char> values;
  values.reserve(digits);
  for (std::size_t k = digits_begin; k < digits_end; ++k) {
    if (text[k] == '_') continue;
    const auto v = static_cast<unsigned char>(digit_value(text[k]));
    if (values.empty() && v == 0) continue; // mpn_set_str wants no leading zeros
    values.push_back(v);
  }
  if (values.empty()) return R::success(BigInt());
  if (zeros_only) return invalid();
  const unsigned bits_per_digit = std::bit_width(static_cast<unsigned>(radix - 1));
  BigInt r;
  Limb* out = r.resize_for_write(values.size() * bits_per_digit / kLimbBits + 2);
  const mp_size_t used = mpn_set_str(out, values.data(), values.size(), radix);
  r.resize_for_write(static_cast<std::size_t>(used));
  r.set_negative(negative);
  r.normalize();
  return R::success(std::move(r));
}

} // namespace interp::num
