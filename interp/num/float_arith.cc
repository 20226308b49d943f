// Python's float arithmetic rules (see float_arith.h).
#include "interp/num/float_arith.h"

#include <cmath>

namespace interp::num {
namespace {

// The floor quotient and the remainder with the divisor's sign, for b != 0. The
// remainder comes from fmod, which is exact; the quotient is derived from it so that
// q * b + r reproduces a as closely as doubles allow and q is integral.
FloatDivMod divmod_nonzero(double a, double b) {
  double remainder = std::fmod(a, b);
  double quotient = (a - remainder) / b;
  if (remainder != 0) {
    if ((b < 0) != (remainder < 0)) {
      remainder += b;
      quotient -= 1.0;
    }
  } else {
    // fmod gives a zero with a's sign; Python's zero remainder takes b's sign.
    remainder = std::copysign(0.0, b);
  }
  if (quotient != 0) {
    double floored = std::floor(quotient);
    // (a - r) / b is an integer up to rounding error; snap to the nearest one.
    if (quotient - floored > 0.5) floored += 1.0;
    quotient = floored;
  } else {
    quotient = std::copysign(0.0, a / b);
  }
  return {quotient, remainder};
}

bool is_odd_integer(double x) {
  return std::fmod(std::fabs(x), 2.0) == 1.0;
}

FloatError range_error() {
  FloatError error = overflow_error("(34, 'Numerical result out of range')");
  error.errno_value = 34;
  error.strerror_text = "Numerical result out of range";
  return error;
}

} // namespace

FloatResult<double> float_true_divide(double a, double b) {
  if (b == 0) return zero_division_error("float division by zero");
  return a / b;
}

FloatResult<double> float_floor_divide(double a, double b) {
  if (b == 0) return zero_division_error("float floor division by zero");
  return divmod_nonzero(a, b).quotient;
}

FloatResult<double> float_modulo(double a, double b) {
  if (b == 0) return zero_division_error("float modulo");
  return divmod_nonzero(a, b).remainder;
}

FloatResult<FloatDivMod> float_divmod(double a, double b) {
  if (b == 0) return zero_division_error("float divmod()");
  return divmod_nonzero(a, b);
}

FloatResult<FloatPower> float_power(double a, double b) {
  auto value = [](double v) { return FloatPower{false, v}; };
  // x ** 0 is 1 for every x, nan included (C99 Annex F agrees).
  if (b == 0) return value(1.0);
  if (std::isnan(a)) return value(a);
  if (std::isnan(b)) return value(a == 1.0 ? 1.0 : b);
  if (std::isinf(b)) {
    double magnitude = std::fabs(a);
    if (magnitude == 1.0) return value(1.0);
    // |a| > 1 grows toward inf when b is +inf; |a| < 1 does so when b is -inf.
    return value((b > 0) == (magnitude > 1.0) ? std::fabs(b) : 0.0);
  }
  if (std::isinf(a)) {
    bool odd = is_odd_integer(b);
    if (b > 0) return value(odd ? a : std::fabs(a));
    return value(odd ? std::copysign(0.0, a) : 0.0);
  }
  if (a == 0) {
    if (b < 0) return zero_division_error("0.0 cannot be raised to a negative power");
    return value(is_odd_integer(b) ? a : 0.0);
  }
  bool negate = false;
  if (a < 0) {
    if (b != std::floor(b)) return FloatPower{true, 0.0};
    negate = is_odd_integer(b);
    a = -a;
  }
  if (a == 1.0) return value(negate ? -1.0 : 1.0);
  double result = std::pow(a, b);
  if (std::isinf(result)) return range_error();
  return value(negate ? -result : result);
}

} // namespace interp::num
