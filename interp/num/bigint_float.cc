// Conversions between big integers and doubles: float(int) and int / int correctly rounded
// (half to even, subnormals included), and int(float) by truncation.
#include "interp/num/bigint.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace interp::num {
namespace {

constexpr int kMantissaBits = 53;       // DBL_MANT_DIG
constexpr int kMaxExponent = 1024;      // DBL_MAX_EXP: 2**1024 overflows
constexpr int kMinNormalExp = -1021;    // DBL_MIN_EXP: smallest normal is 2**(kMinNormalExp-1)
constexpr int kSubnormalUlpExp = -1074; // the smallest subnormal is 2**-1074

// Bits [from, from + 64) of |a| as one word (bits past the top read as zero).
std::uint64_t bits_at(BigView a, std::uint64_t from) {
  const std::size_t index = from / kLimbBits;
  const unsigned offset = static_cast<unsigned>(from % kLimbBits);
  if (index >= a.size) return 0;
  std::uint64_t word = a.limbs[index] >> offset;
  if (offset != 0 && index + 1 < a.size) word |= a.limbs[index + 1] << (kLimbBits - offset);
  return word;
}

// Whether any of the bits [0, count) of |a| is set.
bool any_bit_below(BigView a, std::uint64_t count) {
  const std::size_t whole = count / kLimbBits;
  for (std::size_t i = 0; i < whole && i < a.size; ++i)
    if (a.limbs[i] != 0) return true;
  const unsigned rest = static_cast<unsigned>(count % kLimbBits);
  if (rest == 0 || whole >= a.size) return false;
  return (a.limbs[whole] & ((std::uint64_t{1} << rest) - 1)) != 0;
}

// q >> drop, rounded half to even; `sticky` says the true value is a little above q (some
// bit below q's last is set). The result may carry into one more bit.
std::uint64_t round_half_even(std::uint64_t q, int drop, bool sticky) {
  if (drop <= 0) return q;
  const std::uint64_t unit = std::uint64_t{1} << drop;
  const std::uint64_t rem = q & (unit - 1);
  const std::uint64_t half = unit >> 1;
  std::uint64_t kept = q >> drop;
  if (rem > half || (rem == half && (sticky || (kept & 1) != 0))) ++kept;
  return kept;
}

} // namespace

IntResult<double> to_double(BigView a) {
  using R = IntResult<double>;
  if (a.size == 0) return R::success(0.0);
  if (a.size == 1) {
    // The hardware conversion rounds to nearest, ties to even.
    const double v = static_cast<double>(a.limbs[0]);
    return R::success(a.negative ? -v : v);
  }
  const std::uint64_t length = bit_length(a);
  if (length > kMaxExponent)
    return R::failure(IntErrorKind::OverflowError, "int too large to convert to float");
  // The top 64 bits, then the rest as a sticky bit for the rounding.
  const std::uint64_t low = length - 64;
  const std::uint64_t top = bits_at(a, low);
  const int drop = 64 - kMantissaBits;
  const std::uint64_t mantissa = round_half_even(top, drop, any_bit_below(a, low));
  const double v = std::ldexp(static_cast<double>(mantissa), static_cast<int>(low) + drop);
  if (std::isinf(v))
    return R::failure(IntErrorKind::OverflowError, "int too large to convert to float");
  return R::success(a.negative ? -v : v);
}

BigInt from_double(double x) {
  const double t = std::trunc(x);
  const double two63 = 9223372036854775808.0;
  if (t > -two63 && t < two63) return BigInt::from_int64(static_cast<std::int64_t>(t));
  int exponent = 0;
  const double fraction = std::frexp(std::fabs(t), &exponent); // |t| = fraction * 2**exponent
  const auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, kMantissaBits));
  BigInt magnitude = BigInt::from_uint64(mantissa);
  BigInt r = lshift_bits(magnitude, static_cast<std::uint64_t>(exponent - kMantissaBits)).value;
  r.set_negative(x < 0);
  r.normalize();
  return r;
}

IntResult<double> true_divide(BigView a, BigView b) {
  using R = IntResult<double>;
  if (b.size == 0) return R::failure(IntErrorKind::ZeroDivisionError, "division by zero");
  const bool negative = a.negative != b.negative;
  const auto sign = [negative](double v) { return negative ? -v : v; };
  if (a.size == 0) return R::success(sign(0.0));
  const std::int64_t a_bits = static_cast<std::int64_t>(bit_length(a));
  const std::int64_t b_bits = static_cast<std::int64_t>(bit_length(b));
  if (a_bits <= kMantissaBits && b_bits <= kMantissaBits) {
    // Both are exact doubles, and IEEE division rounds correctly.
    return R::success(sign(static_cast<double>(a.limbs[0]) / static_cast<double>(b.limbs[0])));
  }
  const char* overflow = "integer division result too large for a float";
  // 2**(diff - 1) < |a / b| < 2**(diff + 1).
  const std::int64_t diff = a_bits - b_bits;
  if (diff > kMaxExponent + 1) return R::failure(IntErrorKind::OverflowError, overflow);
  if (diff < kSubnormalUlpExp - 2) return R::success(sign(0.0)); // below half the least ulp

  // Scale so the integer quotient q = floor(|a| / |b| / 2**shift) keeps at least two bits
  // below the last bit the double will hold: 55+ bits for a normal result, and bits down
  // to 2**-1076 for one that may be subnormal. q < 2**56 either way.
  const std::int64_t shift = std::max<std::int64_t>(diff, kMinNormalExp) - kMantissaBits - 2;
  BigView abs_a{false, a.limbs, a.size};
  BigView abs_b{false, b.limbs, b.size};
  bool inexact = false;
  BigInt scaled;
  if (shift < 0) {
    scaled = lshift_bits(abs_a, static_cast<std::uint64_t>(-shift)).value;
  } else {
    inexact = any_bit_below(abs_a, static_cast<std::uint64_t>(shift));
    scaled = rshift_bits(abs_a, static_cast<std::uint64_t>(shift));
  }
  DivMod qr = divmod(scaled, abs_b).value;
  inexact = inexact || !qr.remainder.is_zero();
  const std::uint64_t q = qr.quotient.is_zero() ? 0 : qr.quotient.limbs()[0];
  const int q_bits = std::bit_width(q);
  const int drop =
      std::max<int>(q_bits - kMantissaBits, kSubnormalUlpExp - static_cast<int>(shift));
  const std::uint64_t mantissa = round_half_even(q, drop, inexact);
  const double v = std::ldexp(static_cast<double>(mantissa), static_cast<int>(shift) + drop);
  if (std::isinf(v)) return R::failure(IntErrorKind::OverflowError, overflow);
  return R::success(sign(v));
}

int compare_to_double(BigView a, double x) {
  if (std::isinf(x)) return x > 0 ? -1 : 1;
  // Compare with the integer part exactly; a tie is broken by the fraction.
  const double whole = std::trunc(x);
  const int c = compare(a, from_double(whole));
  if (c != 0) return c;
  const double fraction = x - whole;
  return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
}

} // namespace interp::num
