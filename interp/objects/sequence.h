// interp/objects/sequence.h - what the sequence types share: index and slice arithmetic,
// and lexicographic comparison.
#pragma once

#include "interp/compile/opcodes.h"
#include "interp/runtime.h"

namespace interp {

// An index for a sequence of `length`: negative counts from the end; IndexError
// "<what> index out of range" outside, TypeError "<kind> indices must be ..." for a
// non-integer (kind defaults to what).
bool sequence_index(Thread& t, Value index, std::int64_t length, std::int64_t& out,
                    const char* what, const char* kind = nullptr);
// An integer subscript as a C integer; IndexError where it does not fit.
bool index_key_to_i64(Thread& t, Value index, std::int64_t& out);
// The count of a sequence repeat (seq * n): TypeError for a non-integer, OverflowError
// where it does not fit.
bool repeat_count(Thread& t, Value count, std::int64_t& out);
// slice.indices(): start, stop, step and the number of items.
bool slice_indices(Thread& t, Value slice, std::int64_t length, std::int64_t& start,
                   std::int64_t& stop, std::int64_t& step, std::int64_t& count);
// A start/stop argument of index()/count()-like methods: clamped into [0, length].
bool slice_bound(Thread& t, Value v, std::int64_t length, std::int64_t& out);
// Lexicographic comparison of two tuples or two lists.
Value sequence_compare(Thread& t, Value a, Value b, bytecode::CompareOp op);

} // namespace interp
