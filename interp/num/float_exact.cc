// hash, as_integer_ratio and is_integer of a double (see float_exact.h).
#include "interp/num/float_exact.h"

#include <bit>
#include <cmath>
#include <vector>

namespace interp::num {
namespace {

// 2**power mod (2**61 - 1): since 2**61 == 1 modulo it, only power mod 61 matters.
std::uint64_t power_of_two_mod(int power) {
  int reduced = power % 61;
  if (reduced < 0) reduced += 61;
  return std::uint64_t{1} << reduced;
}

std::uint64_t multiply_mod(std::uint64_t a, std::uint64_t b) {
  unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<std::uint64_t>(product % static_cast<std::uint64_t>(kHashModulus));
}

// value * 2**shift as decimal text, for shift >= 0 (digits kept in base 10**9 limbs,
// least significant first).
std::string decimal_of_shifted(std::uint64_t value, int shift) {
  constexpr std::uint32_t kBase = 1'000'000'000;
  std::vector<std::uint32_t> limbs;
  while (value) {
    limbs.push_back(static_cast<std::uint32_t>(value % kBase));
    value /= kBase;
  }
  if (limbs.empty()) limbs.push_back(0);
  while (shift > 0) {
    int step = shift > 32 ? 32 : shift;
    shift -= step;
    std::uint64_t carry = 0;
    for (auto& limb : limbs) {
      std::uint64_t current = (static_cast<std::uint64_t>(limb) << step) + carry;
      limb = static_cast<std::uint32_t>(current % kBase);
      carry = current / kBase;
    }
    while (carry) {
      limbs.push_back(static_cast<std::uint32_t>(carry % kBase));
      carry /= kBase;
    }
  }
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  return out;
}

} // namespace

std::int64_t float_hash(double x) {
  if (std::isnan(x)) return 0;
  if (std::isinf(x)) return x > 0 ? 314159 : -314159;
  int exponent = 0;
  double fraction = std::frexp(std::fabs(x), &exponent);
  // |x| == integer_mantissa * 2**(exponent - 53), with integer_mantissa < 2**53 < modulus.
  auto integer_mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
  std::uint64_t reduced = multiply_mod(integer_mantissa, power_of_two_mod(exponent - 53));
  auto hash = static_cast<std::int64_t>(reduced);
  if (std::signbit(x)) hash = -hash;
  return hash == -1 ? -2 : hash;
}

FloatResult<FloatBinaryRatio> float_binary_ratio(double x) {
  if (std::isinf(x)) return overflow_error("cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return value_error("cannot convert NaN to integer ratio");
  FloatBinaryRatio ratio;
  ratio.negative = x < 0;
  if (x == 0) return ratio;
  int exponent = 0;
  double fraction = std::frexp(std::fabs(x), &exponent);
  std::uint64_t mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
  exponent -= 53;
  int zeros = std::countr_zero(mantissa);
  ratio.mantissa = mantissa >> zeros;
  ratio.exponent = exponent + zeros;
  return ratio;
}

FloatResult<FloatDecimalRatio> float_as_integer_ratio(double x) {
  auto binary = float_binary_ratio(x);
  if (!binary) return binary.error();
  const FloatBinaryRatio& r = binary.value();
  FloatDecimalRatio out;
  if (r.exponent >= 0) {
    out.numerator = decimal_of_shifted(r.mantissa, r.exponent);
    out.denominator.assign(1, '1'); // not = "1": GCC 12 warns falsely (-Wrestrict)
  } else {
    out.numerator = decimal_of_shifted(r.mantissa, 0);
    out.denominator = decimal_of_shifted(1, -r.exponent);
  }
  if (r.negative) out.numerator.insert(out.numerator.begin(), '-');
  return out;
}

bool float_is_integer(double x) {
  return std::isfinite(x) && std::floor(x) == x;
}

} // namespace interp::num
