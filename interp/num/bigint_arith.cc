// Addition, subtraction, multiplication and Python's floor division / modulo on BigViews.
#include "interp/num/bigint.h"

namespace interp::num {
namespace {

mp_size_t sz(std::size_t n) {
  return static_cast<mp_size_t>(n);
}

// |a| + |b| with the given sign.
BigInt add_magnitudes(BigView a, BigView b, bool negative) {
  if (a.size < b.size) std::swap(a, b);
  if (b.size == 0) return BigInt::from_limbs(negative, a.magnitude());
  BigInt r;
  Limb* out = r.resize_for_write(a.size + 1);
  out[a.size] = mpn_add(out, a.limbs, sz(a.size), b.limbs, sz(b.size));
  r.set_negative(negative);
  r.normalize();
  return r;
}

// |a| - |b| where |a| >= |b|, with the given sign.
BigInt sub_magnitudes(BigView a, BigView b, bool negative) {
  if (b.size == 0) return BigInt::from_limbs(negative, a.magnitude());
  BigInt r;
  Limb* out = r.resize_for_write(a.size);
  mpn_sub(out, a.limbs, sz(a.size), b.limbs, sz(b.size));
  r.set_negative(negative);
  r.normalize();
  return r;
}

// a + (b_negative ? -|b| : |b|).
BigInt add_signed(BigView a, BigView b, bool b_negative) {
  if (a.negative == b_negative) return add_magnitudes(a, b, a.negative);
  // Opposite signs: the larger magnitude decides the sign.
  const int c = compare_abs(a, b);
  if (c == 0) return BigInt();
  if (c > 0) return sub_magnitudes(a, b, a.negative);
  return sub_magnitudes(b, a, b_negative);
}

constexpr const char* kDivByZero = "integer division or modulo by zero";
constexpr const char* kModByZero = "integer modulo by zero";

} // namespace

BigInt add(BigView a, BigView b) {
  return add_signed(a, b, b.negative);
}

BigInt sub(BigView a, BigView b) {
  return add_signed(a, b, !b.negative && b.size != 0);
}

BigInt mul(BigView a, BigView b) {
  if (a.size == 0 || b.size == 0) return BigInt();
  if (a.size < b.size) std::swap(a, b);
  BigInt r;
  Limb* out = r.resize_for_write(a.size + b.size);
  if (a.limbs == b.limbs && a.size == b.size)
    mpn_sqr(out, a.limbs, sz(a.size));
  else
    mpn_mul(out, a.limbs, sz(a.size), b.limbs, sz(b.size));
  r.set_negative(a.negative != b.negative);
  r.normalize();
  return r;
}

IntResult<DivMod> divmod(BigView a, BigView b) {
  using R = IntResult<DivMod>;
  if (b.size == 0) return R::failure(IntErrorKind::ZeroDivisionError, kDivByZero);
  DivMod out;
  if (a.size >= b.size) {
    Limb* q = out.quotient.resize_for_write(a.size - b.size + 1);
    Limb* r = out.remainder.resize_for_write(b.size);
    mpn_tdiv_qr(q, r, 0, a.limbs, sz(a.size), b.limbs, sz(b.size));
    out.quotient.normalize();
    out.remainder.normalize();
  } else {
    out.remainder = BigInt::from_limbs(false, a.magnitude());
  }
  // Now |a| = Q*|b| + R. Python floors the quotient, so when the signs differ and the
  // division is inexact the quotient moves one further from zero and R becomes |b| - R.
  const bool signs_differ = a.negative != b.negative;
  if (signs_differ && !out.remainder.is_zero()) {
    const BigInt one = BigInt::from_uint64(1);
    out.quotient = add(out.quotient, one);
    out.remainder = sub_magnitudes(b, out.remainder, false);
  }
  out.quotient.set_negative(signs_differ);
  out.quotient.normalize();
  out.remainder.set_negative(b.negative);
  out.remainder.normalize();
  return R::success(std::move(out));
}

IntResult<BigInt> floor_div(BigView a, BigView b) {
  using R = IntResult<BigInt>;
  if (b.size == 0) return R::failure(IntErrorKind::ZeroDivisionError, kDivByZero);
  return R::success(std::move(divmod(a, b).value.quotient));
}

IntResult<BigInt> mod(BigView a, BigView b) {
  using R = IntResult<BigInt>;
  if (b.size == 0) return R::failure(IntErrorKind::ZeroDivisionError, kModByZero);
  return R::success(std::move(divmod(a, b).value.remainder));
}

} // namespace interp::num
