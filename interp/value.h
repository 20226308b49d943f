// interp/value.h - one Python value in one machine word.
//
// Small integers (63 bits, signed) are tagged in the word (low bit 1) and never allocate.
// Anything else is the Offset of a heap object (16-aligned, so the low four bits are 0).
// The word 0 is "no value": a function that returns it has set the thread's pending
// exception (CPython's NULL convention), and a slot that holds it is unbound.
#pragma once

#include "stm/stm.h"

#include <cstdint>

namespace interp {

using stm::Offset;

class Value {
public:
  constexpr Value() = default;
  static constexpr Value from_bits(std::uint64_t bits) { return Value(bits); }
  static constexpr Value object(Offset offset) { return Value(offset); }
  static constexpr Value small_int(std::int64_t v) {
    return Value((static_cast<std::uint64_t>(v) << 1) | 1);
  }
  static constexpr std::int64_t kSmallMax = (std::int64_t{1} << 62) - 1;
  static constexpr std::int64_t kSmallMin = -(std::int64_t{1} << 62);
  static constexpr bool fits_small(std::int64_t v) { return v >= kSmallMin && v <= kSmallMax; }

  constexpr std::uint64_t bits() const { return bits_; }
  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_small_int() const { return bits_ & 1; }
  constexpr bool is_object() const { return bits_ && !(bits_ & 1); }
  constexpr std::int64_t small_int_value() const { return static_cast<std::int64_t>(bits_) >> 1; }
  constexpr Offset offset() const { return bits_; }
  constexpr bool operator==(const Value&) const = default;

private:
  constexpr explicit Value(std::uint64_t bits) : bits_(bits) {}
  std::uint64_t bits_ = 0;
};

} // namespace interp
