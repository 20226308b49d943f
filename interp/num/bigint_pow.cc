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

// The inverse of a modulo m (0 < a < m, m > 1), from mpn_gcdext's cofactor.
std::optional<BigInt> inverse_mod(BigView a, BigView m) {
  // mpn_gcdext(U = m, V = a) gives G and S with G = m*S + a*T; the inverse is T mod m when
  // G == 1, and T = (1 - m*S) / a exactly. It destroys its operands: work on copies.
  std::vector<Limb> u(m.limbs, m.limbs + m.size), v(a.limbs, a.limbs + a.size);
  u.push_back(0);
  v.push_back(0);
  std::vector<Limb> g(a.size + 1), s(a.size + 1);
  mp_size_t s_size = 0;
  const mp_size_t g_size =
      mpn_gcdext(g.data(), s.data(), &s_size, u.data(), static_cast<mp_size_t>(m.size), v.data(),
                 static_cast<mp_size_t>(a.size));
  if (g_size != 1 || g[0] != 1) return std::nullopt;
  const BigInt cofactor = BigInt::from_limbs(
      s_size < 0,
      std::span<const Limb>(s.data(), static_cast<std::size_t>(s_size < 0 ? -s_size : s_size)));
  const BigInt t = floor_div(sub(BigInt::from_uint64(1), mul(m, cofactor)), a).value;
  return mod(t, m).value;
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
    if (b.is_zero())
      return R::failure(IntErrorKind::ValueError, "base is not invertible for the given modulus");
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
