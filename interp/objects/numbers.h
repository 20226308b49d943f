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

// Turns an error of interp/num into the Python exception.
struct NumErrorRaiser {
  static Value raise_int(Thread& t, num::IntErrorKind kind, const std::string& message);
};

void init_int_type(Thread& t);
void init_float_type(Thread& t);

} // namespace interp
