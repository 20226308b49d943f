// interp/objects/numbers.h - what int.cc and float.cc share with the VM and each other.
#pragma once

#include "interp/compile/opcodes.h"
#include "interp/num/bigint.h"
#include "interp/runtime.h"

namespace interp {

// hash() of a tagged int: Python's numeric hash (mod 2**61 - 1, -1 becomes -2).
std::int64_t int_hash_small(std::int64_t v);
std::int64_t int_hash(Value int_value); // any int, big ones included

// The value of an int as a BigInt (copies the limbs of a big one).
num::BigInt int_big(Value v);
// A BigInt back to a Value: tagged when it fits.
Value int_from_big(Thread& t, const num::BigInt& b);

// The arithmetic the VM does inline: tagged ints, floats, and int/float mixes; strs and
// lists for +. Returns 0 with no exception when the operands are not for it.
Value number_fast_path(Thread& t, Value a, Value b, bytecode::BinaryOp op);

// Python's // and % of two C++ ints (y != 0): the quotient rounds toward minus infinity
// and the remainder takes the divisor's sign. x // -1 may leave the tagged range.
inline std::int64_t floor_divide_i64(std::int64_t x, std::int64_t y) {
  return x / y - ((x % y != 0) && ((x < 0) != (y < 0)));
}
inline std::int64_t floor_modulo_i64(std::int64_t x, std::int64_t y) {
  std::int64_t r = x % y;
  return r != 0 && ((r < 0) != (y < 0)) ? r + y : r;
}

// The cheapest part of that, inlined into the VM loop: + - * / of two tagged numbers (at
// least one of them a float) and + - * // % of two tagged ints, when the result is tagged.
// 0 otherwise, and never an exception: division by zero, overflow and results that need a
// box go to number_fast_path and binary_op.
inline Value tagged_binary_op(Value a, Value b, unsigned op) {
  using bytecode::BinaryOp;
  if (op >= bytecode::kInplaceOffset) op -= bytecode::kInplaceOffset;
  if (a.is_small_int() && b.is_small_int()) {
    std::int64_t x = a.small_int_value(), y = b.small_int_value(), r;
    bool overflow;
    switch (static_cast<BinaryOp>(op)) {
    case BinaryOp::Add:
      overflow = __builtin_add_overflow(x, y, &r);
      break;
    case BinaryOp::Subtract:
      overflow = __builtin_sub_overflow(x, y, &r);
      break;
    case BinaryOp::Multiply:
      overflow = __builtin_mul_overflow(x, y, &r);
      break;
    case BinaryOp::FloorDivide:
      if (y == 0) return {};
      r = floor_divide_i64(x, y);
      overflow = false;
      break;
    case BinaryOp::Remainder:
      if (y == 0) return {};
      r = floor_modulo_i64(x, y);
      overflow = false;
      break;
    default:
      return {};
    }
    return !overflow && Value::fits_small(r) ? Value::small_int(r) : Value();
  }
  if (!(a.bits() & 3) || !(b.bits() & 3)) return {};
  // Both tagged and not both ints, so at least one is a float; an int converts as float(int) does
  // (round to nearest, ties to even).
  double x = a.is_small_int() ? double(a.small_int_value()) : a.tagged_float_value();
  double y = b.is_small_int() ? double(b.small_int_value()) : b.tagged_float_value();
  double r;
  switch (static_cast<BinaryOp>(op)) {
  case BinaryOp::Add:
    r = x + y;
    break;
  case BinaryOp::Subtract:
    r = x - y;
    break;
  case BinaryOp::Multiply:
    r = x * y;
    break;
  case BinaryOp::TrueDivide:
    if (y == 0.0) return {};
    r = x / y;
    break;
  default:
    return {};
  }
  return Value::tagged_float(r);
}

// Turns an error of interp/num into the Python exception.
struct NumErrorRaiser {
  static Value raise_int(Thread& t, num::IntErrorKind kind, const std::string& message);
};

void init_int_type(Thread& t);
void init_float_type(Thread& t);

} // namespace interp
