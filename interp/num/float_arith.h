// Python's float arithmetic where it differs from IEEE/C: floor division and modulo take
// the sign of the divisor, divmod, true division by zero, and the ** operator's rules for
// zeros, infinities, nans, negative bases and overflow.
#pragma once

#include "interp/num/float_result.h"

namespace interp::num {

// a / b; ZeroDivisionError "float division by zero".
FloatResult<double> float_true_divide(double a, double b);
// a // b; ZeroDivisionError "float floor division by zero".
FloatResult<double> float_floor_divide(double a, double b);
// a % b, with the sign of b (a zero result is +0.0 or -0.0 as b);
// ZeroDivisionError "float modulo".
FloatResult<double> float_modulo(double a, double b);

struct FloatDivMod {
  double quotient;
  double remainder;
};
// divmod(a, b); ZeroDivisionError "float divmod()".
FloatResult<FloatDivMod> float_divmod(double a, double b);

// The outcome of a ** b when it is not an error.
struct FloatPower {
  // A negative finite base to a non-integral finite power: Python's float.__pow__ then
  // returns complex(a) ** complex(b); the caller computes that, `value` is unused.
  bool needs_complex = false;
  double value = 0;
};
// a ** b (and pow(a, b)). Errors: ZeroDivisionError "0.0 cannot be raised to a negative
// power"; OverflowError raised from errno ERANGE, whose str() is
// "(34, 'Numerical result out of range')" (args are errno_value and strerror_text).
FloatResult<FloatPower> float_power(double a, double b);

} // namespace interp::num
