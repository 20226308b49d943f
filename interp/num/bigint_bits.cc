// Shifts, bitwise operations with infinite two's complement for negatives, bit counts.
#include "interp/num/bigint.h"

#include <algorithm>
#include <bit>

namespace interp::num {
namespace {

mp_size_t sz(std::size_t n) {
  return static_cast<mp_size_t>(n);
}

constexpr const char* kNegativeShift = "negative shift count";

// Writes a in two's complement over n limbs (n > a.size, so the top limb is all sign).
void to_twos_complement(BigView a, Limb* out, std::size_t n) {
  std::copy(a.limbs, a.limbs + a.size, out);
  std::fill(out + a.size, out + n, Limb{0});
  if (a.negative) mpn_neg(out, out, sz(n));
}

enum class BitOp { And, Or, Xor };

BigInt bitwise(BigView a, BigView b, BitOp op) {
  const std::size_t n = std::max(a.size, b.size) + 1;
  std::vector<Limb> x(n), y(n);
  to_twos_complement(a, x.data(), n);
  to_twos_complement(b, y.data(), n);
  BigInt r;
  Limb* out = r.resize_for_write(n);
  switch (op) {
  case BitOp::And:
    mpn_and_n(out, x.data(), y.data(), sz(n));
    break;
  case BitOp::Or:
    mpn_ior_n(out, x.data(), y.data(), sz(n));
    break;
  case BitOp::Xor:
    mpn_xor_n(out, x.data(), y.data(), sz(n));
    break;
  }
  const bool negative = (out[n - 1] >> (kLimbBits - 1)) != 0;
  if (negative) mpn_neg(out, out, sz(n));
  r.set_negative(negative);
  r.normalize();
  return r;
}

// |a| >> count, and whether any 1 bit was shifted out.
BigInt shift_magnitude_right(BigView a, std::uint64_t count, bool* lost_bits) {
  const std::uint64_t limb_shift = count / kLimbBits;
  const unsigned bit_shift = static_cast<unsigned>(count % kLimbBits);
  *lost_bits = false;
  if (limb_shift >= a.size) {
    *lost_bits = a.size != 0;
    return BigInt();
  }
  for (std::size_t i = 0; i < limb_shift && !*lost_bits; ++i)
    *lost_bits = a.limbs[i] != 0;
  const std::size_t n = a.size - limb_shift;
  BigInt r;
  Limb* out = r.resize_for_write(n);
  if (bit_shift == 0) {
    std::copy(a.limbs + limb_shift, a.limbs + a.size, out);
  } else {
    const Limb shifted_out = mpn_rshift(out, a.limbs + limb_shift, sz(n), bit_shift);
    *lost_bits = *lost_bits || shifted_out != 0;
  }
  r.normalize();
  return r;
}

} // namespace

IntResult<BigInt> lshift_bits(BigView a, std::uint64_t count) {
  using R = IntResult<BigInt>;
  if (a.size == 0) return R::success(BigInt());
  if (count >= kMaxResultBits || bit_length(a) + count > kMaxResultBits)
    return R::failure(IntErrorKind::MemoryError, "");
  const std::size_t limb_shift = count / kLimbBits;
  const unsigned bit_shift = static_cast<unsigned>(count % kLimbBits);
  BigInt r;
  Limb* out = r.resize_for_write(a.size + limb_shift + 1);
  std::fill(out, out + limb_shift, Limb{0});
  if (bit_shift == 0) {
    std::copy(a.limbs, a.limbs + a.size, out + limb_shift);
    out[a.size + limb_shift] = 0;
  } else {
    out[a.size + limb_shift] = mpn_lshift(out + limb_shift, a.limbs, sz(a.size), bit_shift);
  }
  r.set_negative(a.negative);
  r.normalize();
  return R::success(std::move(r));
}

BigInt rshift_bits(BigView a, std::uint64_t count) {
  bool lost_bits = false;
  BigInt q = shift_magnitude_right(a, count, &lost_bits);
  if (!a.negative) return q;
  // Flooring a negative: -|a| >> n == -(ceil(|a| / 2**n)).
  if (lost_bits) q = add(q, BigInt::from_uint64(1));
  q.set_negative(true);
  q.normalize();
  return q;
}

IntResult<BigInt> lshift(BigView a, BigView count) {
  using R = IntResult<BigInt>;
  if (count.negative) return R::failure(IntErrorKind::ValueError, kNegativeShift);
  if (a.size == 0) return R::success(BigInt());
  if (count.size > 1) return R::failure(IntErrorKind::MemoryError, "");
  return lshift_bits(a, count.size == 0 ? 0 : count.limbs[0]);
}

IntResult<BigInt> rshift(BigView a, BigView count) {
  using R = IntResult<BigInt>;
  if (count.negative) return R::failure(IntErrorKind::ValueError, kNegativeShift);
  // A count of more than one limb shifts every bit out.
  const std::uint64_t bits = count.size > 1 ? UINT64_MAX : (count.size == 0 ? 0 : count.limbs[0]);
  return R::success(rshift_bits(a, bits));
}

BigInt bit_and(BigView a, BigView b) {
  return bitwise(a, b, BitOp::And);
}
BigInt bit_or(BigView a, BigView b) {
  return bitwise(a, b, BitOp::Or);
}
BigInt bit_xor(BigView a, BigView b) {
  return bitwise(a, b, BitOp::Xor);
}

BigInt bit_invert(BigView a) {
  return sub(negate(a), BigInt::from_uint64(1));
}

std::uint64_t bit_length(BigView a) {
  if (a.size == 0) return 0;
  return (a.size - 1) * std::uint64_t{kLimbBits} +
         (kLimbBits - static_cast<unsigned>(std::countl_zero(a.limbs[a.size - 1])));
}

std::uint64_t bit_count(BigView a) {
  if (a.size == 0) return 0;
  return mpn_popcount(a.limbs, sz(a.size));
}

} // namespace interp::num
