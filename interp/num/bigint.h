// Arbitrary-precision integer arithmetic for Python's `int`, independent of the heap.
//
// The interpreter keeps a big int as a sign and a magnitude (an array of 64-bit GMP limbs,
// least significant first) inside a heap object. Every operation here reads operands through
// a BigView (plain memory, so the limbs can live anywhere) and returns an owning BigInt that
// the caller copies into the heap. Arithmetic uses GMP's mpn layer only: mpz would own its
// memory, which the transactional heap must own instead.
//
// Semantics are CPython 3.11's: floor division and modulo, infinite two's complement for
// bitwise operations of negatives, int(text, base) parsing, numeric hash, correctly rounded
// int -> float and int / int. Nothing throws: an operation that can fail returns an
// IntResult carrying the Python exception class and CPython 3.11's exact message.
//
// All functions are reentrant and keep no state between calls.
#pragma once

#include "interp/num/hash_modulus.h"

#include <gmp.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace interp::num {

using Limb = mp_limb_t;
static_assert(sizeof(Limb) == 8, "interp::num assumes 64-bit GMP limbs");
inline constexpr unsigned kLimbBits = 64;

// A read-only signed integer over limbs someone else owns. Normalized: size == 0 for zero
// (never negative), otherwise limbs[size - 1] != 0.
struct BigView {
  bool negative = false;
  const Limb* limbs = nullptr;
  std::size_t size = 0;

  bool is_zero() const { return size == 0; }
  std::span<const Limb> magnitude() const { return {limbs, size}; }
};

// An owning integer, always normalized.
class BigInt {
public:
  BigInt() = default; // zero

  static BigInt from_int64(std::int64_t value);
  static BigInt from_uint64(std::uint64_t value);
  // Copies and normalizes: trailing zero limbs are dropped, and a zero is never negative.
  static BigInt from_limbs(bool negative, std::span<const Limb> magnitude);
  static BigInt from_view(BigView view) { return from_limbs(view.negative, view.magnitude()); }

  // The view borrows this object's limbs: it dangles once this BigInt is changed or gone.
  BigView view() const { return {negative_, limbs_.data(), limbs_.size()}; }
  operator BigView() const { return view(); }

  bool is_zero() const { return limbs_.empty(); }
  bool is_negative() const { return negative_; }
  std::size_t size() const { return limbs_.size(); }
  const Limb* limbs() const { return limbs_.data(); }

  bool fits_int64() const;
  // Only meaningful when fits_int64().
  std::int64_t to_int64() const;
  // Value as a 63-bit signed integer (the interpreter's tagged range) when it fits.
  std::optional<std::int64_t> to_int63() const;

  // Building in place, for the operations: size the magnitude, write the limbs, then
  // normalize(). resize_for_write keeps the first limbs (up to the new size) and zeroes new ones.
  Limb* resize_for_write(std::size_t size);
  void set_negative(bool negative) { negative_ = negative; }
  void normalize();

  friend bool operator==(const BigInt& a, const BigInt& b) = default;

private:
  bool negative_ = false;
  std::vector<Limb> limbs_;
};

// The Python exception an operation asks its caller to raise.
enum class IntErrorKind : std::uint8_t {
  None,
  ZeroDivisionError,
  ValueError,
  OverflowError,
  MemoryError,
  // int(text, base) got a malformed literal. The caller raises ValueError whose message is
  // `message` (which is "invalid literal for int() with base N: ") followed by repr(text),
  // because only the caller knows the original (possibly non-ASCII) text.
  InvalidLiteral,
};

template <class T> struct IntResult {
  T value{};
  IntErrorKind error = IntErrorKind::None;
  std::string message; // str() of the exception; empty when ok() and for MemoryError

  bool ok() const { return error == IntErrorKind::None; }

  static IntResult success(T v) { return IntResult{std::move(v), IntErrorKind::None, {}}; }
  static IntResult failure(IntErrorKind kind, std::string text) {
    return IntResult{T{}, kind, std::move(text)};
  }
};

// --- Comparison, sign ------------------------------------------------------------------

// -1, 0 or 1 as a <, ==, > b.
int compare(BigView a, BigView b);
// Compares magnitudes, ignoring signs.
int compare_abs(BigView a, BigView b);
BigInt negate(BigView a);
BigInt abs(BigView a);

// --- Arithmetic ------------------------------------------------------------------------

BigInt add(BigView a, BigView b);
BigInt sub(BigView a, BigView b);
BigInt mul(BigView a, BigView b);

struct DivMod {
  BigInt quotient;
  BigInt remainder;
};
// Python's //, % and divmod(): the quotient is floored and the remainder has the sign of the
// divisor. ZeroDivisionError with each operator's own 3.11 message.
IntResult<BigInt> floor_div(BigView a, BigView b);
IntResult<BigInt> mod(BigView a, BigView b);
IntResult<DivMod> divmod(BigView a, BigView b);

// a ** b for b >= 0 (a negative exponent gives a float: the caller's job, and ValueError
// here). An exponent whose result could not fit in memory gives MemoryError, as CPython
// does in practice.
IntResult<BigInt> pow(BigView base, BigView exponent);
// pow(base, exponent, modulus): the result has the sign of the modulus; a negative exponent
// uses the modular inverse of base.
IntResult<BigInt> pow_mod(BigView base, BigView exponent, BigView modulus);

// --- Bits ------------------------------------------------------------------------------

// Results bigger than this many bits give MemoryError instead of being attempted (16 GiB),
// as CPython's allocation would fail on the same inputs.
inline constexpr std::uint64_t kMaxResultBits = std::uint64_t{1} << 37;

// a << count and a >> count; count is a Python int. ">>" floors for negatives.
IntResult<BigInt> lshift(BigView a, BigView count);
IntResult<BigInt> rshift(BigView a, BigView count);
// The same with a machine-word count; lshift_bits gives MemoryError past kMaxResultBits.
IntResult<BigInt> lshift_bits(BigView a, std::uint64_t count);
BigInt rshift_bits(BigView a, std::uint64_t count);

// Bitwise operations as if both operands had infinitely many sign bits.
BigInt bit_and(BigView a, BigView b);
BigInt bit_or(BigView a, BigView b);
BigInt bit_xor(BigView a, BigView b);
BigInt bit_invert(BigView a); // ~a == -(a + 1)

// int.bit_length() and int.bit_count(): of the magnitude.
std::uint64_t bit_length(BigView a);
std::uint64_t bit_count(BigView a);

// --- Text ------------------------------------------------------------------------------

// CPython 3.11's default for sys.set_int_max_str_digits(); 0 means no limit.
inline constexpr std::size_t kDefaultMaxStrDigits = 4300;

// Digits of `a` in `base` (2..36, lowercase letters), with '-' before `prefix` for a
// negative number (prefix is for "0x" and the like). With max_str_digits != 0 and a base
// that is not a power of two, more digits than that (sign not counted) give ValueError with
// str()'s 3.11 message.
IntResult<std::string> to_string(BigView a, int base = 10, std::size_t max_str_digits = 0,
                                 std::string_view prefix = {});

// int(text, base) for ASCII text (base 0 or 2..36): surrounding whitespace (" \t\n\r\f\v"),
// one sign, the 0x/0o/0b prefix where the base allows it, single underscores between
// digits, and base 0's ban on leading zeros of a non-zero decimal. Errors: ValueError for a
// bad base, InvalidLiteral, and ValueError when a base that is not a power of two has more
// than max_str_digits digits (0: no limit). Non-ASCII digits and spaces are the caller's
// job (map them to ASCII first).
IntResult<BigInt> from_string(std::string_view text, int base = 10, std::size_t max_str_digits = 0);

// --- Floats ----------------------------------------------------------------------------

// float(a), correctly rounded (half to even); OverflowError past the double range.
IntResult<double> to_double(BigView a);
// int(x) for finite x: truncated toward zero. The caller rejects inf and nan.
BigInt from_double(double x);
// a / b correctly rounded, as CPython's int.__truediv__.
IntResult<double> true_divide(BigView a, BigView b);
// The exact comparison of int and float (-1, 0, 1), for ==, < and friends between them;
// x may be infinite but not nan (every comparison with nan is false: the caller's job).
int compare_to_double(BigView a, double x);

// --- Hash, bytes, number theory --------------------------------------------------------

// kHashModulus: interp/num/hash_modulus.h
// hash(a): sign(a) * (|a| mod 2**61 - 1), with -1 replaced by -2.
std::int64_t hash(BigView a);

// int.to_bytes(length, byteorder, signed=...).
IntResult<std::vector<std::uint8_t>> to_bytes(BigView a, std::size_t length, bool big_endian,
                                              bool is_signed);
// int.from_bytes(bytes, byteorder, signed=...).
BigInt from_bytes(std::span<const std::uint8_t> bytes, bool big_endian, bool is_signed);

// round(a, ndigits): a rounded to a multiple of 10**-ndigits, ties to even; a itself when
// ndigits >= 0.
BigInt round_digits(BigView a, BigView ndigits);

// math.gcd(a, b): never negative.
BigInt gcd(BigView a, BigView b);
// math.isqrt(a): ValueError for a negative a.
IntResult<BigInt> isqrt(BigView a);

// --- Machine-word fast paths for the VM ------------------------------------------------

// nullopt when the exact result does not fit in int64.
inline std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}
inline std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
  return r;
}
inline std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}
// Python's // and % on machine words; b must not be 0. floor_div overflows only for
// INT64_MIN // -1.
inline std::optional<std::int64_t> checked_floor_div(std::int64_t a, std::int64_t b) {
  if (b == -1) return checked_sub(0, a);
  std::int64_t q = a / b;
  // C++ truncates; Python floors, which differs when the signs differ and it is inexact.
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
inline std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  if (b == -1) return 0;
  std::int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

} // namespace interp::num
