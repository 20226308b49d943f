// interp/objects/range.cc - range and slice: immutable descriptions of arithmetic
// progressions of indices.
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

namespace interp {

Value slice_new(Thread& t, Value start, Value stop, Value step) {
  Value s = allocate(t, Layout::Slice, type_value(T_slice), sizeof(SliceObject));
  if (!s) return {};
  SliceObject* o = fresh<SliceObject>(s);
  o->start = start;
  o->stop = stop;
  o->step = step;
  return s;
}

Value range_new(Thread& t, Value start, Value stop, Value step) {
  Value r = allocate(t, Layout::Range, type_value(T_range), sizeof(RangeObject));
  if (!r) return {};
  RangeObject* o = fresh<RangeObject>(r);
  o->start = start;
  o->stop = stop;
  o->step = step;
  // length = max(0, ceil((stop - start) / step)), computed on ints of any size.
  Value span = binary_op(t, stop, start, bytecode::BinaryOp::Subtract);
  if (!span) return {};
  bool positive = !(step.is_small_int() ? step.small_int_value() < 0 : false);
  if (!step.is_small_int()) {
    Value zero = Value::small_int(0);
    Value c = compare(t, step, zero, bytecode::CompareOp::Gt);
    if (!c) return {};
    positive = c == runtime().true_;
  }
  Value adj = binary_op(t, span, step, bytecode::BinaryOp::Add);
  if (!adj) return {};
  Value one = Value::small_int(positive ? 1 : -1);
  adj = binary_op(t, adj, one, bytecode::BinaryOp::Subtract);
  if (!adj) return {};
  Value n = binary_op(t, adj, step, bytecode::BinaryOp::FloorDivide);
  if (!n) return {};
  Value neg = compare(t, n, Value::small_int(0), bytecode::CompareOp::Lt);
  if (!neg) return {};
  fresh<RangeObject>(r)->length = neg == runtime().true_ ? Value::small_int(0) : n;
  return r;
}

namespace {

// operator.index of an argument as an exact int: range(True).stop is 1, not True.
bool index_arg(Thread& t, Value v, Value& out) {
  out = index_value(t, v);
  if (out && !out.is_small_int() && !is_exact(out, T_int)) out = int_from_big(t, int_big(out));
  return bool(out);
}

INTERP_NATIVE(range_new_method) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "range() takes no keyword arguments");
  std::size_t n = nargs - 1;
  if (n < 1 || n > 3)
    return raisef(t, exc(E_TypeError),
                  n < 1 ? "range expected at least 1 argument, got %zu"
                        : "range expected at most 3 arguments, got %zu",
                  n);
  Value start = Value::small_int(0), stop, step = Value::small_int(1);
  if (n == 1) {
    if (!index_arg(t, args[1], stop)) return {};
  } else {
    if (!index_arg(t, args[1], start) || !index_arg(t, args[2], stop)) return {};
    if (n == 3 && !index_arg(t, args[3], step)) return {};
  }
  if (step == Value::small_int(0))
    return raise(t, exc(E_ValueError), "range() arg 3 must not be zero");
  return range_new(t, start, stop, step);
}

INTERP_NATIVE(range_len) {
  Value n = ro<RangeObject>(args[0])->length;
  // Up to sys.maxsize, which lies beyond the tagged ints.
  std::int64_t fits;
  if (!n.is_small_int() && !int_to_i64(n, fits))
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C ssize_t");
  return n;
}

INTERP_NATIVE(range_iter) {
  const RangeObject* r = ro<RangeObject>(args[0]);
  if (!(r->start.is_small_int() && r->step.is_small_int() && r->length.is_small_int() &&
        r->stop.is_small_int()))
    // Beyond the tagged range, items come from range.__getitem__ (CPython's
    // longrange_iterator; _collections_abc takes its type at import).
    return iterator_new(t, T_seq_iterator, args[0]);
  Value it = iterator_new(t, T_range_iterator, r->start);
  if (!it) return {};
  fresh<IteratorObject>(it)->extra = ro<RangeObject>(args[0])->step;
  fresh<IteratorObject>(it)->extra2 = ro<RangeObject>(args[0])->length;
  return it;
}

// The last item of a range whose start, step and length are small ints, when it is one
// too: it may lie beyond (range(-2**32, -2**64, -2**31) has a small length and step).
static bool small_last_item(const RangeObject* r, std::int64_t& last) {
  if (!(r->start.is_small_int() && r->step.is_small_int() && r->length.is_small_int()))
    return false;
  std::int64_t span;
  return !__builtin_mul_overflow(r->length.small_int_value() - 1, r->step.small_int_value(),
                                 &span) &&
         !__builtin_add_overflow(r->start.small_int_value(), span, &last) &&
         Value::fits_small(last);
}

INTERP_NATIVE(range_reversed) {
  const RangeObject* r = ro<RangeObject>(args[0]);
  if (r->length == Value::small_int(0)) return range_iter(t, args, 1, {});
  if (std::int64_t last; small_last_item(r, last)) {
    Value it = iterator_new(t, T_range_iterator, Value::small_int(last));
    if (!it) return {};
    fresh<IteratorObject>(it)->extra = Value::small_int(-r->step.small_int_value());
    fresh<IteratorObject>(it)->extra2 = r->length;
    return it;
  }
  // Beyond the tagged range: the items of range(last, start - step, -step), in the same
  // arithmetic as any int (CPython's long range iterator).
  using bytecode::BinaryOp;
  Value start = r->start, step = r->step, length = r->length;
  Value count = binary_op(t, length, Value::small_int(1), BinaryOp::Subtract);
  Value offset = count ? binary_op(t, count, step, BinaryOp::Multiply) : Value();
  Value last = offset ? binary_op(t, start, offset, BinaryOp::Add) : Value();
  Value stop = last ? binary_op(t, start, step, BinaryOp::Subtract) : Value();
  Value back = stop ? unary_negative(t, step) : Value();
  Value reversed = back ? range_new(t, last, stop, back) : Value();
  if (!reversed) return {};
  return range_iter(t, &reversed, 1, {});
}

Value big_slice_indices(Thread& t, Value slice, Value length);

bool is_big_int(Value v) {
  return int_check(v) && !v.is_small_int();
}

// range(...)[slice]: the positions the slice picks (in ints of any size where the range or
// the slice needs them) mapped to the range's values.
Value range_slice(Thread& t, Value range, Value slice) {
  using bytecode::BinaryOp;
  const RangeObject* r = ro<RangeObject>(range);
  Value start = r->start, step = r->step, length = r->length;
  const SliceObject* sl = ro<SliceObject>(slice);
  Value first, last, by;
  std::int64_t n;
  if (!int_to_i64(length, n) || is_big_int(sl->start) || is_big_int(sl->stop) ||
      is_big_int(sl->step)) {
    Value bounds = big_slice_indices(t, slice, length);
    if (!bounds) return {};
    first = tuple_item(bounds, 0);
    last = tuple_item(bounds, 1);
    by = tuple_item(bounds, 2);
  } else {
    std::int64_t s, e, st, count;
    if (!slice_indices(t, slice, n, s, e, st, count)) return {};
    first = Value::small_int(s);
    last = Value::small_int(e);
    by = Value::small_int(st);
  }
  Value offset = binary_op(t, first, step, BinaryOp::Multiply);
  Value new_start = offset ? binary_op(t, start, offset, BinaryOp::Add) : Value();
  offset = new_start ? binary_op(t, last, step, BinaryOp::Multiply) : Value();
  Value new_stop = offset ? binary_op(t, start, offset, BinaryOp::Add) : Value();
  Value new_step = new_stop ? binary_op(t, step, by, BinaryOp::Multiply) : Value();
  return new_step ? range_new(t, new_start, new_stop, new_step) : Value();
}

INTERP_NATIVE(range_getitem) {
  const RangeObject* r = ro<RangeObject>(args[0]);
  Value start = r->start, step = r->step, length = r->length;
  if (args[1].is_object() && is_layout(args[1], Layout::Slice))
    return range_slice(t, args[0], args[1]);
  std::int64_t n, i;
  if (!int_to_i64(length, n) || (!args[1].is_small_int() && int_check(args[1]))) {
    // A length or an index beyond 64 bits: the index is checked with ints of any size
    // (an index too large for C is just out of range, not an overflow).
    Value index = args[1];
    if (!index_arg(t, index, index)) return {};
    Value zero = Value::small_int(0);
    Value negative = compare(t, index, zero, bytecode::CompareOp::Lt);
    if (!negative) return {};
    if (negative == runtime().true_) {
      index = binary_op(t, index, length, bytecode::BinaryOp::Add);
      if (!index) return {};
    }
    Value low = compare(t, index, zero, bytecode::CompareOp::Lt);
    Value high = low ? compare(t, index, length, bytecode::CompareOp::Ge) : Value();
    if (!high) return {};
    if (low == runtime().true_ || high == runtime().true_)
      return raise(t, exc(E_IndexError), "range object index out of range");
    Value offset = binary_op(t, index, step, bytecode::BinaryOp::Multiply);
    if (!offset) return {};
    return binary_op(t, start, offset, bytecode::BinaryOp::Add);
  }
  if (!sequence_index(t, args[1], n, i, "range object", "range")) return {};
  Value offset = binary_op(t, Value::small_int(i), step, bytecode::BinaryOp::Multiply);
  if (!offset) return {};
  return binary_op(t, start, offset, bytecode::BinaryOp::Add);
}

INTERP_NATIVE(range_repr) {
  const RangeObject* r = ro<RangeObject>(args[0]);
  std::string text = "range(" + int_to_decimal(r->start) + ", " + int_to_decimal(r->stop);
  if (!(r->step.is_small_int() && r->step.small_int_value() == 1))
    text += ", " + int_to_decimal(r->step);
  return str_from_ascii(t, text + ")");
}

// Whether membership, count and index may be computed: for ints and bools, not for a
// subclass of int, which may define its own __eq__ (then the items are compared).
bool found_by_arithmetic(Value x) {
  return x.is_small_int() || is_exact(x, T_int) || is_exact(x, T_bool);
}

INTERP_NATIVE(range_contains) {
  const RangeObject* r = ro<RangeObject>(args[0]);
  Value x = args[1];
  if (!found_by_arithmetic(x)) {
    Value it = range_iter(t, args, 1, {});
    if (!it) return {};
    for (;;) {
      Value v = next(t, it);
      if (!v) return t.pending ? Value() : runtime().false_;
      int eq = equal(t, v, x);
      if (eq < 0) return {};
      if (eq) return runtime().true_;
    }
  }
  // start <= x < stop (or reversed) and (x - start) % step == 0
  Value start = r->start, stop = r->stop, step = r->step;
  bool up = compare(t, step, Value::small_int(0), bytecode::CompareOp::Gt) == runtime().true_;
  Value lo = compare(t, x, start, up ? bytecode::CompareOp::Ge : bytecode::CompareOp::Le);
  Value hi = compare(t, x, stop, up ? bytecode::CompareOp::Lt : bytecode::CompareOp::Gt);
  if (!lo || !hi) return {};
  if (lo != runtime().true_ || hi != runtime().true_) return runtime().false_;
  Value diff = binary_op(t, x, start, bytecode::BinaryOp::Subtract);
  if (!diff) return {};
  Value m = binary_op(t, diff, step, bytecode::BinaryOp::Remainder);
  if (!m) return {};
  return py_bool(m == Value::small_int(0));
}

INTERP_NATIVE(range_eq) {
  if (!(args[1].is_object() && is_layout(args[1], Layout::Range))) return runtime().not_implemented;
  const RangeObject* a = ro<RangeObject>(args[0]);
  const RangeObject* b = ro<RangeObject>(args[1]);
  int e = equal(t, a->length, b->length);
  if (e <= 0) return e < 0 ? Value() : runtime().false_;
  if (a->length == Value::small_int(0)) return runtime().true_;
  e = equal(t, a->start, b->start);
  if (e <= 0) return e < 0 ? Value() : runtime().false_;
  if (a->length == Value::small_int(1)) return runtime().true_;
  e = equal(t, a->step, b->step);
  if (e < 0) return {};
  return py_bool(e);
}

INTERP_NATIVE(range_ne) {
  Value r = range_eq(t, args, nargs, kwnames);
  if (!r || r == runtime().not_implemented) return r;
  return py_bool(r == runtime().false_);
}

// Equal ranges hash equal: the hash of (len, start, step) with what does not matter as None.
INTERP_NATIVE(range_hash) {
  const RangeObject* r = ro<RangeObject>(args[0]);
  Value items[3] = {r->length, none(), none()};
  if (r->length != Value::small_int(0)) {
    items[1] = r->start;
    if (r->length != Value::small_int(1)) items[2] = r->step;
  }
  Value key = tuple_from(t, items, 3);
  if (!key) return {};
  std::int64_t h;
  if (!hash(t, key, h)) return {};
  return int_from_i64(t, h);
}

// Whether x (any object) is an item: arithmetic for ints, equality for anything else.
int range_has(Thread& t, Value self, Value x) {
  Value argv[2] = {self, x};
  Value r = range_contains(t, argv, 2, {});
  if (!r) return -1;
  return r == runtime().true_;
}

INTERP_NATIVE(range_count) {
  if (!check_positional(t, "range.count", nargs, kwnames, 1, 1)) return {};
  if (found_by_arithmetic(args[1])) {
    int r = range_has(t, args[0], args[1]);
    return r < 0 ? Value() : Value::small_int(r);
  }
  Value it = iter(t, args[0]);
  if (!it) return {};
  std::int64_t count = 0;
  for (;;) {
    Value v = next(t, it);
    if (!v) return t.pending ? Value() : Value::small_int(count);
    int eq = equal(t, v, args[1]);
    if (eq < 0) return {};
    count += eq;
  }
}

INTERP_NATIVE(range_index) {
  if (!check_positional(t, "range.index", nargs, kwnames, 1, 1)) return {};
  Value x = args[1];
  if (found_by_arithmetic(x)) {
    int r = range_has(t, args[0], x);
    if (r < 0) return {};
    if (r) {
      const RangeObject* o = ro<RangeObject>(args[0]);
      Value step = o->step;
      Value diff = binary_op(t, x, o->start, bytecode::BinaryOp::Subtract);
      if (!diff) return {};
      return binary_op(t, diff, step, bytecode::BinaryOp::FloorDivide);
    }
  } else {
    Value it = iter(t, args[0]);
    if (!it) return {};
    for (std::int64_t i = 0;; ++i) {
      Value v = next(t, it);
      if (!v) {
        if (t.pending) return {};
        break;
      }
      int eq = equal(t, v, x);
      if (eq < 0) return {};
      if (eq) return Value::small_int(i);
    }
  }
  return raisef(t, exc(E_ValueError), "%s is not in range", repr_utf8(t, x).c_str());
}

// (type, (start, stop, step)): how a range or a slice pickles.
Value reduce_three(Thread& t, TypeId type, Value start, Value stop, Value step) {
  Value items[3] = {start, stop, step};
  Value state = tuple_from(t, items, 3);
  if (!state) return {};
  Value parts[2] = {type_value(type), state};
  return tuple_from(t, parts, 2);
}

INTERP_NATIVE(range_reduce) {
  const RangeObject* r = ro<RangeObject>(args[0]);
  return reduce_three(t, T_range, r->start, r->stop, r->step);
}

INTERP_NATIVE(slice_reduce) {
  const SliceObject* o = ro<SliceObject>(args[0]);
  return reduce_three(t, T_slice, o->start, o->stop, o->step);
}

INTERP_NATIVE(range_bool) {
  return py_bool(ro<RangeObject>(args[0])->length != Value::small_int(0));
}

INTERP_NATIVE(range_start) {
  return ro<RangeObject>(args[0])->start;
}
INTERP_NATIVE(range_stop) {
  return ro<RangeObject>(args[0])->stop;
}
INTERP_NATIVE(range_step) {
  return ro<RangeObject>(args[0])->step;
}

INTERP_NATIVE(slice_new_method) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "slice() takes no keyword arguments");
  std::size_t n = nargs - 1;
  if (n < 1 || n > 3)
    return raisef(t, exc(E_TypeError),
                  n < 1 ? "slice expected at least 1 argument, got %zu"
                        : "slice expected at most 3 arguments, got %zu",
                  n);
  if (n == 1) return slice_new(t, none(), args[1], none());
  return slice_new(t, args[1], args[2], n == 3 ? args[3] : none());
}

INTERP_NATIVE(slice_repr) {
  const SliceObject* s = ro<SliceObject>(args[0]);
  return str_from_utf8(t, "slice(" + repr_utf8(t, s->start) + ", " + repr_utf8(t, s->stop) + ", " +
                              repr_utf8(t, s->step) + ")");
}

// slice.indices(length) for a length beyond 64 bits, in int arithmetic: the same clamping
// as slice_indices, CPython's PySlice_GetLongIndices.
Value big_slice_indices(Thread& t, Value slice, Value length) {
  using bytecode::BinaryOp;
  using bytecode::CompareOp;
  const SliceObject* s = ro<SliceObject>(slice);
  auto less = [&](Value a, Value b) { return compare(t, a, b, CompareOp::Lt) == runtime().true_; };
  Value step = Value::small_int(1);
  if (s->step != none() && !(step = index_value(t, s->step))) return {};
  if (step == Value::small_int(0)) return raise(t, exc(E_ValueError), "slice step cannot be zero");
  bool down = less(step, Value::small_int(0));
  Value lower = Value::small_int(down ? -1 : 0);
  Value upper = down ? binary_op(t, length, Value::small_int(1), BinaryOp::Subtract) : length;
  if (!upper) return {};
  auto bound = [&](Value part, Value absent) -> Value {
    if (part == none()) return absent;
    if (!int_check(part) && !lookup_special(t, part, N___index__))
      return t.pending ? Value()
                       : raise(t, exc(E_TypeError),
                               "slice indices must be integers or None or have an __index__ "
                               "method");
    Value v = index_value(t, part);
    if (!v) return {};
    if (!v.is_small_int() && !is_exact(v, T_int)) v = int_from_big(t, int_big(v)); // True: 1
    if (less(v, Value::small_int(0))) {
      v = binary_op(t, v, length, BinaryOp::Add);
      return !v ? Value() : less(v, lower) ? lower : v;
    }
    return less(upper, v) ? upper : v;
  };
  Value start = bound(s->start, down ? upper : lower);
  Value stop = start ? bound(s->stop, down ? lower : upper) : Value();
  if (!stop) return {};
  Value items[3] = {start, stop, step};
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(slice_indices_method) {
  if (!check_positional(t, "indices", nargs, kwnames, 1, 1)) return {};
  Value length = index_value(t, args[1]);
  if (!length) return {};
  if (compare(t, length, Value::small_int(0), bytecode::CompareOp::Lt) == runtime().true_)
    return raise(t, exc(E_ValueError), "length should not be negative");
  const SliceObject* s = ro<SliceObject>(args[0]);
  if (is_big_int(length) || is_big_int(s->start) || is_big_int(s->stop) || is_big_int(s->step))
    return big_slice_indices(t, args[0], length);
  std::int64_t n = length.small_int_value();
  std::int64_t start, stop, step, count;
  if (!slice_indices(t, args[0], n, start, stop, step, count)) return {};
  Value items[3] = {Value::small_int(start), Value::small_int(stop), Value::small_int(step)};
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(slice_start) {
  return ro<SliceObject>(args[0])->start;
}
INTERP_NATIVE(slice_stop) {
  return ro<SliceObject>(args[0])->stop;
}
INTERP_NATIVE(slice_step) {
  return ro<SliceObject>(args[0])->step;
}

INTERP_NATIVE(slice_eq) {
  if (!(args[1].is_object() && is_layout(args[1], Layout::Slice))) return runtime().not_implemented;
  const SliceObject* a = ro<SliceObject>(args[0]);
  const SliceObject* b = ro<SliceObject>(args[1]);
  Value ta[3] = {a->start, a->stop, a->step}, tb[3] = {b->start, b->stop, b->step};
  for (int i = 0; i < 3; ++i) {
    int e = equal(t, ta[i], tb[i]);
    if (e <= 0) return e < 0 ? Value() : runtime().false_;
  }
  return runtime().true_;
}

} // namespace

void init_range_types(Thread& t) {
  Value r = type_value(T_range);
  add_staticmethod(t, r, "__new__", range_new_method);
  add_method(t, r, "__len__", range_len);
  add_method(t, r, "__iter__", range_iter);
  add_method(t, r, "__reversed__", range_reversed, MethodArgs::none);
  add_method(t, r, "__getitem__", range_getitem);
  add_method(t, r, "__repr__", range_repr);
  add_method(t, r, "__contains__", range_contains);
  add_method(t, r, "__eq__", range_eq);
  add_method(t, r, "__bool__", range_bool);
  add_method(t, r, "__ne__", range_ne);
  add_method(t, r, "__hash__", range_hash);
  add_method(t, r, "count", range_count, MethodArgs::one);
  add_method(t, r, "index", range_index, MethodArgs::one);
  add_method(t, r, "__reduce__", range_reduce);
  add_getter(t, r, "start", range_start);
  add_getter(t, r, "stop", range_stop);
  add_getter(t, r, "step", range_step);
  Value s = type_value(T_slice);
  add_staticmethod(t, s, "__new__", slice_new_method);
  add_method(t, s, "__repr__", slice_repr);
  add_method(t, s, "indices", slice_indices_method);
  add_method(t, s, "__reduce__", slice_reduce);
  add_method(t, s, "__eq__", slice_eq);
  add_getter(t, s, "start", slice_start);
  add_getter(t, s, "stop", slice_stop);
  add_getter(t, s, "step", slice_step);
  add_attribute(t, s, "__hash__", none());
}

} // namespace interp
