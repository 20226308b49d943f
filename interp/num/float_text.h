// Doubles to text in Python's layouts: repr(float), and the general converter behind
// format(), str.format and %-formatting (the role PyOS_double_to_string plays in CPython).
// Digits come from std::to_chars, which is exact: shortest round-trip digits, or the
// exact binary value correctly rounded (half to even) to a requested number of digits.
#pragma once

#include <string>

namespace interp::num {

// repr(x) == str(x) for a Python float: shortest digits that round-trip, exponent
// notation when the decimal exponent is < -4 or >= 16, a ".0" on integral values.
std::string float_repr(double x);

// How float_to_string lays out a number.
struct FloatTextFlags {
  bool always_sign = false;      // '+' before non-negative numbers (and nan)
  bool add_dot_0 = false;        // integral results in fixed notation get ".0"
  bool alternate = false;        // '#': keep the point and, for 'g', trailing zeros
  bool no_negative_zero = false; // 'z': a result that rounds to zero loses its '-'
};

// Formats x with one of the codes 'e' 'E' 'f' 'F' 'g' 'G' 'r' ('r' is repr's layout and
// ignores precision; 'g' with add_dot_0 is the layout of format() with an empty type and
// a precision). Upper-case codes give 'E', "INF" and "NAN". Never signs a nan with '-'.
// precision must be >= 0; a huge precision only costs memory.
std::string float_to_string(double x, char code, int precision, FloatTextFlags flags = {});

// The digits of |x| as 0.d1d2d3... * 10**decimal_point. Zero is "0" with point 1.
struct DecimalDigits {
  std::string digits;
  int decimal_point = 0;
};

// Shortest digits that read back as x (no trailing zeros).
DecimalDigits shortest_digits(double x);
// |x| correctly rounded to `count` >= 1 significant digits (trailing zeros kept).
DecimalDigits significant_digits(double x, int count);
// |x| correctly rounded to `places` digits after the point (may be negative: rounds to
// tens, hundreds...); the digit string has no leading zeros and is "0" when the rounded
// value is zero, with decimal_point chosen so that the last digit has weight 10**-places.
DecimalDigits fixed_digits(double x, int places);

} // namespace interp::num
