// interp/value.h - one Python value in one machine word.
//
// Small integers (63 bits, signed) are tagged in the word (low bit 1) and never allocate.
// So are the floats a program computes with nearly always: +0.0 and every double whose
// magnitude lies between 2**-255 and 2**256 (low bits 10). Their three top exponent bits
// are then 011 or 100, so two of them follow from the third and the word has room for
// the tag; the double is rotated left by three to bring those bits down to the tag's
// place. Other floats (infinities, NaN, -0.0, huge, tiny) are heap objects, as are
// instances of float subclasses; code reads every float through float_value.
// Anything else is the Offset of a heap object (16-aligned, so the low four bits are 0).
// The word 0 is "no value": a function that returns it has set the thread's pending
// exception (CPython's NULL convention), and a slot that holds it is unbound.
#pragma once

#include "stm/stm.h"

#include <bit>
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
  // A float that fits the tagged form, or 0 when it must live on the heap.
  static Value tagged_float(double d) {
    std::uint64_t b = std::bit_cast<std::uint64_t>(d);
    if (b == 0) return Value(kTaggedZero);
    // Top exponent bits 011 or 100; 2**-255 itself would encode as +0.0's word.
    if ((((b >> 60) + 1) & 6) != 4 || b == kZeroAlias) return {};
    return Value((std::rotl(b, 3) & ~std::uint64_t{3}) | 2);
  }
  static constexpr bool fits_small(std::int64_t v) { return v >= kSmallMin && v <= kSmallMax; }

  constexpr std::uint64_t bits() const { return bits_; }
  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_small_int() const { return bits_ & 1; }
  constexpr bool is_tagged_float() const { return (bits_ & 3) == 2; }
  // Not null and not tagged: a heap object's Offset.
  constexpr bool is_object() const { return bits_ && !(bits_ & 3); }
  constexpr std::int64_t small_int_value() const { return static_cast<std::int64_t>(bits_) >> 1; }
  double tagged_float_value() const {
    if (bits_ == kTaggedZero) return 0.0;
    // The exponent's second bit is the word's top bit; the first is its complement.
    std::uint64_t low = bits_ >> 63 ? 1 : 2;
    return std::bit_cast<double>(std::rotr((bits_ & ~std::uint64_t{3}) | low, 3));
  }
  constexpr Offset offset() const { return bits_; }
  constexpr bool operator==(const Value&) const = default;

private:
  static constexpr std::uint64_t kTaggedZero = 0x8000000000000002;
  static constexpr std::uint64_t kZeroAlias = 0x3000000000000000;
  constexpr explicit Value(std::uint64_t bits) : bits_(bits) {}
  std::uint64_t bits_ = 0;
};

// Keeps `v` in a register or stack slot up to this point, where the collector's conservative
// scan sees it: for a container whose items C++ code copied out (into a std::vector the
// collector does not read) and that nothing else may reference.
inline void keep_alive(Value v) {
  asm volatile("" : : "r"(v.bits()) : "memory");
}

} // namespace interp
