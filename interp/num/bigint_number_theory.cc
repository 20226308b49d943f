// math.gcd and math.isqrt on big integers.
#include "interp/num/bigint.h"

#include <algorithm>

namespace interp::num {
namespace {

mp_size_t sz(std::size_t n) {
  return static_cast<mp_size_t>(n);
}

std::uint64_t trailing_zeros(BigView a) {
  return mpn_scan1(a.limbs, 0);
}

} // namespace

BigInt gcd(BigView a, BigView b) {
  const BigView abs_a{false, a.limbs, a.size}, abs_b{false, b.limbs, b.size};
  if (a.size == 0) return BigInt::from_view(abs_b);
  if (b.size == 0) return BigInt::from_view(abs_a);
  // mpn_gcd wants odd operands, the first at least as long in bits as the second; the
  // common power of two comes back at the end.
  const std::uint64_t tz_a = trailing_zeros(abs_a), tz_b = trailing_zeros(abs_b);
  BigInt x = rshift_bits(abs_a, tz_a), y = rshift_bits(abs_b, tz_b);
  if (bit_length(x) < bit_length(y)) std::swap(x, y);
  std::vector<Limb> xs(x.limbs(), x.limbs() + x.size()), ys(y.limbs(), y.limbs() + y.size());
  BigInt g;
  Limb* out = g.resize_for_write(ys.size());
  const mp_size_t n = mpn_gcd(out, xs.data(), sz(xs.size()), ys.data(), sz(ys.size()));
  g.resize_for_write(static_cast<std::size_t>(n));
  g.normalize();
  return lshift_bits(g, std::min(tz_a, tz_b)).value;
}

IntResult<BigInt> isqrt(BigView a) {
  using R = IntResult<BigInt>;
  if (a.negative)
    return R::failure(IntErrorKind::ValueError, "isqrt() argument must be nonnegative");
  if (a.size == 0) return R::success(BigInt());
  BigInt root;
  Limb* out = root.resize_for_write((a.size + 1) / 2);
  mpn_sqrtrem(out, nullptr, a.limbs, sz(a.size));
  root.normalize();
  return R::success(std::move(root));
}

} // namespace interp::num
