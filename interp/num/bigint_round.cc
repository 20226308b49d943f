// round(int, ndigits): rounding to a power of ten, ties to even, as int.__round__ does.
#include "interp/num/bigint.h"

namespace interp::num {

BigInt round_digits(BigView a, BigView ndigits) {
  if (!ndigits.negative || a.size == 0) return BigInt::from_view(a);
  // With 10**k > 2|a| the result is 0; deciding that first spares computing a 10**k that
  // could not fit in memory (CPython would try).
  const std::uint64_t a_bits = bit_length(a);
  if (ndigits.size > 1) return BigInt();
  const std::uint64_t k = ndigits.limbs[0];
  // 10**k >= 2**(3k) > 2|a| once 3k > a_bits + 1.
  if (k > a_bits / 3 + 1) return BigInt();
  const BigInt scale = pow(BigInt::from_uint64(10), BigInt::from_uint64(k)).value;
  DivMod qr = divmod(a, scale).value; // floored: 0 <= r < scale
  const BigInt twice_r = lshift_bits(qr.remainder, 1).value;
  const int c = compare(twice_r, scale);
  const bool q_odd = qr.quotient.size() != 0 && (qr.quotient.limbs()[0] & 1) != 0;
  BigInt q = std::move(qr.quotient);
  if (c > 0 || (c == 0 && q_odd)) q = add(q, BigInt::from_uint64(1));
  return mul(q, scale);
}

} // namespace interp::num
