// The BigInt value type: construction, normalization, int64 conversion, comparison, sign.
#include "interp/num/bigint.h"

#include <algorithm>

namespace interp::num {

BigInt BigInt::from_uint64(std::uint64_t value) {
  BigInt r;
  if (value != 0) r.limbs_.push_back(value);
  return r;
}

BigInt BigInt::from_int64(std::int64_t value) {
  // Negating in unsigned arithmetic keeps INT64_MIN's magnitude (2**63) exact.
  std::uint64_t magnitude = static_cast<std::uint64_t>(value);
  if (value < 0) magnitude = ~magnitude + 1;
  BigInt r = from_uint64(magnitude);
  r.negative_ = value < 0;
  return r;
}

BigInt BigInt::from_limbs(bool negative, std::span<const Limb> magnitude) {
  BigInt r;
  r.limbs_.assign(magnitude.begin(), magnitude.end());
  r.negative_ = negative;
  r.normalize();
  return r;
}

bool BigInt::fits_int64() const {
  if (limbs_.size() > 1) return false;
  if (limbs_.empty()) return true;
  const std::uint64_t limit = std::uint64_t{1} << 63;
  return negative_ ? limbs_[0] <= limit : limbs_[0] < limit;
}

std::int64_t BigInt::to_int64() const {
  if (limbs_.empty()) return 0;
  std::uint64_t magnitude = limbs_[0];
  if (negative_) magnitude = ~magnitude + 1;
  return static_cast<std::int64_t>(magnitude);
}

std::optional<std::int64_t> BigInt::to_int63() const {
  if (!fits_int64()) return std::nullopt;
  const std::int64_t v = to_int64();
  const std::int64_t limit = std::int64_t{1} << 62;
  if (v < -limit || v >= limit) return std::nullopt;
  return v;
}

Limb* BigInt::resize_for_write(std::size_t size) {
  limbs_.resize(size);
  return limbs_.data();
}

void BigInt::normalize() {
  while (!limbs_.empty() && limbs_.back() == 0)
    limbs_.pop_back();
  if (limbs_.empty()) negative_ = false;
}

int compare_abs(BigView a, BigView b) {
  if (a.size != b.size) return a.size < b.size ? -1 : 1;
  if (a.size == 0) return 0;
  const int c = mpn_cmp(a.limbs, b.limbs, static_cast<mp_size_t>(a.size));
  return (c > 0) - (c < 0);
}

int compare(BigView a, BigView b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  const int c = compare_abs(a, b);
  return a.negative ? -c : c;
}

BigInt negate(BigView a) {
  return BigInt::from_limbs(!a.negative, a.magnitude());
}

BigInt abs(BigView a) {
  return BigInt::from_limbs(false, a.magnitude());
}

} // namespace interp::num
