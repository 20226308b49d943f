// interp/objects/tuple.cc - the tuple type: an immutable array of values, read without
// barriers.
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

namespace interp {

Value tuple_new(Thread& t, std::size_t n) {
  if (n == 0 && runtime().empty_tuple) return runtime().empty_tuple;
  Value v =
      allocate(t, Layout::Tuple, type_value(T_tuple), sizeof(TupleObject) + n * sizeof(Value));
  if (!v) return {};
  TupleObject* o = fresh<TupleObject>(v);
  o->length = std::int64_t(n);
  o->hash = -1;
  return v;
}

Value tuple_from(Thread& t, const Value* items, std::size_t n) {
  Value v = tuple_new(t, n);
  if (!v || n == 0) return v;
  TupleObject* o = fresh<TupleObject>(v);
  for (std::size_t i = 0; i < n; ++i)
    o->items[i] = items[i];
  return v;
}

namespace {

INTERP_NATIVE(tuple_len) {
  return Value::small_int(tuple_length(args[0]));
}

INTERP_NATIVE(tuple_getitem) {
  Value self = args[0];
  std::int64_t n = tuple_length(self);
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    if (step == 1 && count == n && is_exact(self, T_tuple)) return self;
    Value out = tuple_new(t, std::size_t(count));
    if (!out) return {};
    for (std::int64_t i = 0; i < count; ++i)
      tuple_init(out, i, tuple_item(self, start + i * step));
    return out;
  }
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "tuple")) return {};
  return tuple_item(self, i);
}

INTERP_NATIVE(tuple_repr) {
  Value self = args[0];
  std::int64_t n = tuple_length(self);
  if (n == 0) return str_from_ascii(t, "()");
  std::string out = "(";
  for (std::int64_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    Value r = repr(t, tuple_item(self, i));
    if (!r) return {};
    out += str_utf8(r);
  }
  if (n == 1) out += ",";
  out += ")";
  return str_from_utf8(t, out);
}

INTERP_NATIVE(tuple_hash) {
  // The xxHash-style mixing CPython 3.8+ uses has the property that matters: equal
  // tuples hash equal, and permutations differ.
  Value self = args[0];
  // Nested tuples hash by recursion in C++ (CPython 3.11 itself overflows its stack here).
  CRecursion level{t, " while hashing a tuple"};
  if (!level) return {};
  std::uint64_t acc = 2870177450012600261ull;
  std::int64_t n = tuple_length(self);
  for (std::int64_t i = 0; i < n; ++i) {
    std::int64_t h;
    if (!hash(t, tuple_item(self, i), h)) return {};
    acc += static_cast<std::uint64_t>(h) * 14029467366897019727ull;
    acc = (acc << 31) | (acc >> 33);
    acc *= 11400714785074694791ull;
  }
  acc += static_cast<std::uint64_t>(n) ^ (2870177450012600261ull ^ 3527539ull);
  std::int64_t r = static_cast<std::int64_t>(acc);
  if (r == -1) r = 1546275796;
  return int_from_i64(t, r);
}

INTERP_NATIVE(tuple_compare_eq) {
  if (!(args[1].is_object() && isinstance(args[1], T_tuple))) return runtime().not_implemented;
  return sequence_compare(t, args[0], args[1], bytecode::CompareOp::Eq);
}
INTERP_NATIVE(tuple_compare_ne) {
  if (!(args[1].is_object() && isinstance(args[1], T_tuple))) return runtime().not_implemented;
  return sequence_compare(t, args[0], args[1], bytecode::CompareOp::Ne);
}
INTERP_NATIVE(tuple_compare_lt) {
  if (!(args[1].is_object() && isinstance(args[1], T_tuple))) return runtime().not_implemented;
  return sequence_compare(t, args[0], args[1], bytecode::CompareOp::Lt);
}
INTERP_NATIVE(tuple_compare_le) {
  if (!(args[1].is_object() && isinstance(args[1], T_tuple))) return runtime().not_implemented;
  return sequence_compare(t, args[0], args[1], bytecode::CompareOp::Le);
}
INTERP_NATIVE(tuple_compare_gt) {
  if (!(args[1].is_object() && isinstance(args[1], T_tuple))) return runtime().not_implemented;
  return sequence_compare(t, args[0], args[1], bytecode::CompareOp::Gt);
}
INTERP_NATIVE(tuple_compare_ge) {
  if (!(args[1].is_object() && isinstance(args[1], T_tuple))) return runtime().not_implemented;
  return sequence_compare(t, args[0], args[1], bytecode::CompareOp::Ge);
}

INTERP_NATIVE(tuple_add) {
  if (!(args[1].is_object() && isinstance(args[1], T_tuple))) return runtime().not_implemented;
  std::int64_t a = tuple_length(args[0]), b = tuple_length(args[1]);
  Value out = tuple_new(t, std::size_t(a + b));
  if (!out) return {};
  for (std::int64_t i = 0; i < a; ++i)
    tuple_init(out, i, tuple_item(args[0], i));
  for (std::int64_t i = 0; i < b; ++i)
    tuple_init(out, a + i, tuple_item(args[1], i));
  return out;
}

INTERP_NATIVE(tuple_mul) {
  std::int64_t times;
  if (!repeat_count(t, args[1], times)) return {};
  if (times < 0) times = 0;
  if (times == 1 && is_exact(args[0], T_tuple)) return args[0];
  std::int64_t n = tuple_length(args[0]);
  if (n && times > (std::int64_t(1) << 40) / n) return raise_memory_error(t);
  Value out = tuple_new(t, std::size_t(n * times));
  if (!out) return {};
  for (std::int64_t k = 0; k < times; ++k)
    for (std::int64_t i = 0; i < n; ++i)
      tuple_init(out, k * n + i, tuple_item(args[0], i));
  return out;
}

INTERP_NATIVE(tuple_contains) {
  std::int64_t n = tuple_length(args[0]);
  for (std::int64_t i = 0; i < n; ++i) {
    int eq = equal(t, tuple_item(args[0], i), args[1]);
    if (eq < 0) return {};
    if (eq) return runtime().true_;
  }
  return runtime().false_;
}

INTERP_NATIVE(tuple_iter) {
  return iterator_new(t, T_tuple_iterator, args[0]);
}

INTERP_NATIVE(tuple_count) {
  if (!check_positional(t, "count", nargs, kwnames, 1, 1)) return {};
  std::int64_t n = tuple_length(args[0]), c = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    int eq = equal(t, tuple_item(args[0], i), args[1]);
    if (eq < 0) return {};
    c += eq;
  }
  return Value::small_int(c);
}

INTERP_NATIVE(tuple_index) {
  if (!check_positional(t, "index", nargs, kwnames, 1, 3)) return {};
  std::int64_t n = tuple_length(args[0]);
  std::int64_t start = 0, stop = n;
  if (nargs > 2 && !slice_bound(t, args[2], n, start)) return {};
  if (nargs > 3 && !slice_bound(t, args[3], n, stop)) return {};
  for (std::int64_t i = start; i < stop && i < n; ++i) {
    int eq = equal(t, tuple_item(args[0], i), args[1]);
    if (eq < 0) return {};
    if (eq) return Value::small_int(i);
  }
  return raise(t, exc(E_ValueError), "tuple.index(x): x not in tuple");
}

INTERP_NATIVE(tuple_new_method) {
  if (keyword_count(kwnames) && !refuses_keywords(args[0], T_tuple, N___init__)) {
    nargs -= keyword_count(kwnames);
    kwnames = {};
  }
  if (!check_positional(t, "tuple", nargs, kwnames, 0, 1)) return {};
  Value items = nargs == 2 ? tuple_of(t, args[1], true) : runtime().empty_tuple;
  if (!items) return {};
  if (args[0] == type_value(T_tuple)) return items;
  std::int64_t n = tuple_length(items);
  Value out = allocate(t, Layout::Tuple, args[0], sizeof(TupleObject) + n * sizeof(Value));
  if (!out) return {};
  TupleObject* o = fresh<TupleObject>(out);
  o->length = n;
  o->hash = -1;
  for (std::int64_t i = 0; i < n; ++i)
    o->items[i] = tuple_item(items, i);
  return out;
}

INTERP_NATIVE(tuple_getnewargs) {
  Value copy = tuple_from(t, ro<TupleObject>(args[0])->items, tuple_length(args[0]));
  if (!copy) return {};
  return tuple_from(t, &copy, 1);
}

} // namespace

void init_tuple_type(Thread& t) {
  Value type = type_value(T_tuple);
  add_method(t, type, "__len__", tuple_len);
  add_method(t, type, "__getitem__", tuple_getitem);
  add_method(t, type, "__repr__", tuple_repr);
  add_method(t, type, "__hash__", tuple_hash);
  add_method(t, type, "__eq__", tuple_compare_eq);
  add_method(t, type, "__ne__", tuple_compare_ne);
  add_method(t, type, "__lt__", tuple_compare_lt);
  add_method(t, type, "__le__", tuple_compare_le);
  add_method(t, type, "__gt__", tuple_compare_gt);
  add_method(t, type, "__ge__", tuple_compare_ge);
  add_method(t, type, "__add__", tuple_add);
  add_method(t, type, "__mul__", tuple_mul);
  add_method(t, type, "__rmul__", tuple_mul);
  mark_sequence_repeat(t, type);
  add_method(t, type, "__contains__", tuple_contains);
  add_method(t, type, "__iter__", tuple_iter);
  add_method(t, type, "count", tuple_count, MethodArgs::one);
  add_method(t, type, "index", tuple_index, MethodArgs::positional);
  add_method(t, type, "__getnewargs__", tuple_getnewargs, MethodArgs::none);
  add_staticmethod(t, type, "__new__", tuple_new_method);
}

} // namespace interp
