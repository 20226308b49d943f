// Exponentiation: a ** b, and three-argument pow with a modulus (a negative exponent goes
// through the modular inverse).
#include "interp/num/bigint.h"

namespace interp::num {
namespace {

bool is_one(BigView a) {
  return a.size == 1 && a.limbs[0] == 1;
}

// Left-to-right square and multiply over the exponent's bits; `reduce` keeps the running
// value small (identity for plain pow).
template <class Reduce> BigInt power(BigView base, BigView exponent, Reduce reduce) {
  BigInt result = BigInt::from_uint64(1);
  const std::uint64_t bits = bit_length(exponent);
  for (std::uint64_t i = bits; i-- > 0;) {
    result = reduce(mul(result, result));
    const bool bit = (exponent.limbs[i / kLimbBits] >> (i % kLimbBits)) & 1;
    if (bit) result = reduce(mul(result, base));
  }
  return result;
}

// The inverse of a modulo m (0 <= a < m, m > 1) by the extended Euclidean algorithm.
std::optional<BigInt> inverse_mod(BigView a, BigView m) {
  BigInt prev_r = BigInt::from_view(a), r = BigInt::from_view(m);
  BigInt prev_s = BigInt::from_uint64(1), s;
  while (!r.is_zero()) {
    DivMod qr = divmod(prev_r, r).value;
    prev_r = std::move(r);
    r = std::move(qr.remainder);
    BigInt next_s = sub(prev_s, mul(qr.quotient, s));
    prev_s = std::move(s);
    s = std::move(next_s);
  }
  if (!is_one(prev_r)) return std::nullopt;
  return mod(prev_s, m).value;
}

} // namespace

IntResult<BigInt> pow(BigView base, BigView exponent) {
  using R = IntResult<BigInt>;
  if (exponent.negative)
    return R::failure(IntErrorKind::ValueError, "integer pow() needs a non-negative exponent");
  if (exponent.size == 0) return R::success(BigInt::from_uint64(1));
  if (base.size == 0) return R::success(BigInt());
  const bool odd_exponent = (exponent.limbs[0] & 1) != 0;
  if (is_one(base)) {
    BigInt r = BigInt::from_uint64(1);
    r.set_negative(base.negative && odd_exponent);
    return R::success(std::move(r));
  }
  // |base| >= 2 from here, so the result has at least `exponent` bits.
  const std::uint64_t base_bits = bit_length(base);
  if (exponent.size > 1) return R::failure(IntErrorKind::MemoryError, "");
  const std::uint64_t e = exponent.limbs[0];
  if (e > kMaxResultBits / (base_bits - 1)) return R::failure(IntErrorKind::MemoryError, "");
  if (bit_count(base) == 1) {
    // (+-2**k) ** e is a single shift.
    R r = lshift_bits(BigInt::from_uint64(1), (base_bits - 1) * e);
    r.value.set_negative(base.negative && odd_exponent);
    return r;
  }
  BigView magnitude{false, base.limbs, base.size};
  BigInt r = power(magnitude, exponent, [](BigInt v) { return v; });
  r.set_negative(base.negative && odd_exponent);
  return R::success(std::move(r));
}

IntResult<BigInt> pow_mod(BigView base, BigView exponent, BigView modulus) {
  using R = IntResult<BigInt>;
  if (modulus.size == 0)
    return R::failure(IntErrorKind::ValueError, "pow() 3rd argument cannot be 0");
  const BigView m{false, modulus.limbs, modulus.size};
  if (is_one(m)) return R::success(BigInt());
  BigInt b = mod(base, m).value; // now 0 <= b < m
  BigView e{false, exponent.limbs, exponent.size};
  if (exponent.negative) {
    std::optional<BigInt> inverse = inverse_mod(b, m);
    if (!inverse)
      return R::failure(IntErrorKind::ValueError, "base is not invertible for the given modulus");
    b = std::move(*inverse);
  }
  BigInt r = power(b, e, [m](BigInt v) { return mod(v, m).value; });
  // Python gives the result the sign of the modulus.
  if (modulus.negative && !r.is_zero()) r = sub(r, m);
  return R::success(std::move(r));
}

} // namespace interp::num
