// Python's round() for floats (see float_round.h).
#include "interp/num/float_round.h"

#include <charconv>
#include <cmath>
#include <string>

#include "interp/num/float_text.h"

namespace interp::num {
namespace {

// Past these, every double rounds to itself (its last binary digit sits at 10**-1074 >
// 10**-324) or to zero (the largest double is below 10**309); mirrors the bounds of
// CPython, which uses floor((53 - (-1021)) * log10(2)) and -floor(1025 * log10(2)).
constexpr std::int64_t kMaxDigits = 323;
constexpr std::int64_t kMinDigits = -308;

} // namespace

FloatResult<double> float_round_to_integer(double x) {
  if (std::isnan(x)) return value_error("cannot convert float NaN to integer");
  if (std::isinf(x)) return overflow_error("cannot convert float infinity to integer");
  double nearest = std::round(x); // ties away from zero
  if (std::fabs(x - nearest) == 0.5) nearest = 2.0 * std::round(x / 2.0);
  return nearest + 0.0; // an integer has no negative zero
}

FloatResult<double> float_round(double x, std::int64_t ndigits) {
  if (!std::isfinite(x) || x == 0) return x;
  if (ndigits > kMaxDigits) return x;
  if (ndigits < kMinDigits) return std::copysign(0.0, x);
  DecimalDigits rounded = fixed_digits(x, static_cast<int>(ndigits));
  std::string text =
      rounded.digits + "e" +
      std::to_string(rounded.decimal_point - static_cast<int>(rounded.digits.size()));
  double magnitude = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), magnitude);
  if (result.ec == std::errc::result_out_of_range) {
    // Only overflow is possible: the rounded value is a multiple of 10**-ndigits, which
    // is a representable magnitude (or zero) for ndigits <= kMaxDigits.
    if (rounded.digits != "0") return overflow_error("rounded value too large to represent");
    magnitude = 0;
  }
  if (std::isinf(magnitude)) return overflow_error("rounded value too large to represent");
  return std::copysign(magnitude, x);
}

} // namespace interp::num
