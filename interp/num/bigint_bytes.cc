// int.to_bytes and int.from_bytes: fixed-length two's complement (or unsigned) byte strings
// in either byte order.
#include "interp/num/bigint.h"

#include <algorithm>

namespace interp::num {
namespace {

// Two's complement negation of a little-endian byte string, in place.
void negate_bytes(std::vector<std::uint8_t>& bytes) {
  bool carry = true;
  for (std::uint8_t& byte : bytes) {
    const unsigned v = static_cast<std::uint8_t>(~byte) + (carry ? 1u : 0u);
    byte = static_cast<std::uint8_t>(v);
    carry = v > 0xff;
  }
}

} // namespace

IntResult<std::vector<std::uint8_t>> to_bytes(BigView a, std::size_t length, bool big_endian,
                                              bool is_signed) {
  using R = IntResult<std::vector<std::uint8_t>>;
  if (a.negative && !is_signed)
    return R::failure(IntErrorKind::OverflowError, "can't convert negative int to unsigned");
  // The bits the value needs: a signed range of n bits is [-2**(n-1), 2**(n-1)), and 0 and
  // -1 need none at all (CPython gives b'' for both with length 0).
  std::uint64_t needed = bit_length(a);
  if (is_signed) {
    const BigView magnitude{false, a.limbs, a.size};
    const std::uint64_t significant =
        a.negative ? bit_length(sub(magnitude, BigInt::from_uint64(1))) : needed;
    needed = significant == 0 ? 0 : significant + 1;
  }
  if (length < needed / 8 + (needed % 8 != 0 ? 1 : 0))
    return R::failure(IntErrorKind::OverflowError, "int too big to convert");
  std::vector<std::uint8_t> bytes(length, 0);
  for (std::size_t i = 0; i < length && i / 8 < a.size; ++i)
    bytes[i] = static_cast<std::uint8_t>(a.limbs[i / 8] >> (8 * (i % 8)));
  if (a.negative) negate_bytes(bytes);
  if (big_endian) std::reverse(bytes.begin(), bytes.end());
  return R::success(std::move(bytes));
}

BigInt from_bytes(std::span<const std::uint8_t> bytes, bool big_endian, bool is_signed) {
  std::vector<std::uint8_t> little(bytes.begin(), bytes.end());
  if (big_endian) std::reverse(little.begin(), little.end());
  const bool negative = is_signed && !little.empty() && (little.back() & 0x80) != 0;
  if (negative) negate_bytes(little);
  BigInt r;
  Limb* limbs = r.resize_for_write((little.size() + 7) / 8);
  std::fill(limbs, limbs + r.size(), Limb{0});
  for (std::size_t i = 0; i < little.size(); ++i)
    limbs[i / 8] |= static_cast<Limb>(little[i]) << (8 * (i % 8));
  r.set_negative(negative);
  r.normalize();
  return r;
}

} // namespace interp::num
