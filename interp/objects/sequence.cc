// interp/objects/sequence.cc - index and slice arithmetic, sequence comparison.
#include "interp/objects/sequence.h"

#include "interp/objects/objects.h"
#include "interp/ops.h"

namespace interp {

// An index-sized integer as CPython's PyNumber_AsSsize_t converts it: one that does not fit
// raises `overflow` with CPython's message.
static bool index_sized(Thread& t, Value v, std::int64_t& out, ExcId overflow) {
  if (index_to_i64(t, v, out)) return true;
  if (matches(t, exc(E_OverflowError))) {
    clear_pending(t);
    raise(t, exc(overflow), "cannot fit 'int' into an index-sized integer");
  }
  return false;
}

bool index_key_to_i64(Thread& t, Value index, std::int64_t& out) {
  return index_sized(t, index, out, E_IndexError);
}

bool repeat_count(Thread& t, Value count, std::int64_t& out) {
  return index_sized(t, count, out, E_OverflowError);
}

bool sequence_index(Thread& t, Value index, std::int64_t length, std::int64_t& out,
                    const char* what, const char* kind) {
  std::int64_t i;
  if (index.is_small_int()) {
    i = index.small_int_value();
  } else if (!int_check(index) && !lookup_special(t, index, N___index__)) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "%s indices must be integers or slices, not %s",
             kind ? kind : what, type_name_of(index).c_str());
    return false;
  } else if (!index_key_to_i64(t, index, i)) {
    return false;
  }
  if (i < 0) i += length;
  if (i < 0 || i >= length) {
    raisef(t, exc(E_IndexError), "%s index out of range", what);
    return false;
  }
  out = i;
  return true;
}

static bool slice_part(Thread& t, Value v, std::int64_t& out) {
  if (!int_check(v) && !lookup_special(t, v, N___index__)) {
    if (!t.pending)
      raise(t, exc(E_TypeError),
            "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return index_to_i64(t, v, out, true);
}

bool slice_indices(Thread& t, Value slice, std::int64_t length, std::int64_t& start,
                   std::int64_t& stop, std::int64_t& step, std::int64_t& count) {
  const SliceObject* s = ro<SliceObject>(slice);
  Value vstart = s->start, vstop = s->stop, vstep = s->step;
  step = 1;
  if (vstep != none()) {
    if (!slice_part(t, vstep, step)) return false;
    if (step == 0) {
      raise(t, exc(E_ValueError), "slice step cannot be zero");
      return false;
    }
    if (step < -INT64_MAX) step = -INT64_MAX;
  }
  std::int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
  if (vstart == none()) {
    start = step < 0 ? upper : lower;
  } else {
    if (!slice_part(t, vstart, start)) return false;
    if (start < 0)
      start = std::max(start + length, lower);
    else
      start = std::min(start, upper);
  }
  if (vstop == none()) {
    stop = step < 0 ? lower : upper;
  } else {
    if (!slice_part(t, vstop, stop)) return false;
    if (stop < 0)
      stop = std::max(stop + length, lower);
    else
      stop = std::min(stop, upper);
  }
  if (step > 0)
    count = stop > start ? (stop - start - 1) / step + 1 : 0;
  else
    count = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
  return true;
}

bool slice_bound(Thread& t, Value v, std::int64_t length, std::int64_t& out) {
  if (v == none()) return true;
  if (!slice_part(t, v, out)) return false;
  if (out < 0) out = std::max<std::int64_t>(out + length, 0);
  if (out > length) out = length;
  return true;
}

static std::int64_t seq_length(Value v) {
  return is_layout(v, Layout::Tuple) ? tuple_length(v) : list_length(v);
}
static Value seq_item(Value v, std::int64_t i) {
  return is_layout(v, Layout::Tuple) ? tuple_item(v, i) : list_item(v, i);
}

static Value sequence_compare_items(Thread& t, Value a, Value b, bytecode::CompareOp op);

Value sequence_compare(Thread& t, Value a, Value b, bytecode::CompareOp op) {
  // Nested containers compare by recursion in C++: bounded as CPython bounds it.
  CRecursion level{t, " in comparison"};
  return level ? sequence_compare_items(t, a, b, op) : Value();
}

static Value sequence_compare_items(Thread& t, Value a, Value b, bytecode::CompareOp op) {
  using bytecode::CompareOp;
  std::int64_t na = seq_length(a), nb = seq_length(b);
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && na != nb) return py_bool(op == CompareOp::Ne);
  std::int64_t i = 0;
  for (; i < na && i < nb; ++i) {
    Value x = seq_item(a, i), y = seq_item(b, i);
    int eq = equal(t, x, y);
    if (eq < 0) return {};
    na = seq_length(a);
    nb = seq_length(b);
    if (!eq) break;
  }
  // An item's __eq__ may have shrunk either list: what is left decides, as in CPython.
  if (i >= na || i >= nb) {
    return py_bool(compare_numbers(na, nb, op));
  }
  if (op == CompareOp::Eq) return runtime().false_;
  if (op == CompareOp::Ne) return runtime().true_;
  return compare(t, seq_item(a, i), seq_item(b, i), op);
}

} // namespace interp
