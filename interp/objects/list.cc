// interp/objects/list.cc - the list type: a growable array of values.
//
// The list object holds its length and a ValueArray of spare capacity. Every read takes a
// read barrier on both, every change a write barrier; a grown array is new, so filling it
// needs none.
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/objects/repr_guard.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

#include <vector>

namespace interp {

static Value array_new(Thread& t, std::int64_t capacity) {
  Value a = allocate(t, Layout::ValueArray, type_value(T_value_array),
                     sizeof(ValueArray) + std::size_t(capacity) * sizeof(Value));
  if (a) fresh<ValueArray>(a)->capacity = capacity;
  return a;
}

// Makes room for `needed` items; false on MemoryError.
static bool reserve(Thread& t, Value list, std::int64_t needed) {
  const ListObject* l = rd<ListObject>(list);
  Value storage = l->storage;
  std::int64_t capacity = storage ? rd<ValueArray>(storage)->capacity : 0;
  if (needed <= capacity) return true;
  if (needed > (std::int64_t(1) << 40)) {
    raise_memory_error(t);
    return false;
  }
  std::int64_t grown = std::max<std::int64_t>(needed, capacity + (capacity >> 1) + 4);
  Value fresh_array = array_new(t, grown);
  if (!fresh_array) return false;
  l = rd<ListObject>(list);
  if (l->storage) {
    const ValueArray* old = rd<ValueArray>(l->storage);
    ValueArray* n = fresh<ValueArray>(fresh_array);
    for (std::int64_t i = 0; i < l->length; ++i)
      n->items[i] = old->items[i];
  }
  wr<ListObject>(list)->storage = fresh_array;
  return true;
}

Value list_new(Thread& t, std::size_t n) {
  Value list = allocate(t, Layout::List, type_value(T_list), sizeof(ListObject));
  if (!list || n == 0) return list;
  Value a = array_new(t, std::int64_t(n));
  if (!a) return {};
  ListObject* l = fresh<ListObject>(list);
  l->storage = a;
  l->length = std::int64_t(n);
  for (std::size_t i = 0; i < n; ++i)
    fresh<ValueArray>(a)->items[i] = none();
  return list;
}

Value list_from(Thread& t, const Value* items, std::size_t n) {
  Value list = list_new(t, n);
  if (!list) return {};
  if (n) {
    ValueArray* a = fresh<ValueArray>(fresh<ListObject>(list)->storage);
    for (std::size_t i = 0; i < n; ++i)
      a->items[i] = items[i];
  }
  return list;
}

std::int64_t list_length(Value list) {
  return rd<ListObject>(list)->length;
}

Value list_item(Value list, std::int64_t i) {
  return rd<ValueArray>(rd<ListObject>(list)->storage)->items[i];
}

void list_set_item(Value list, std::int64_t i, Value v) {
  // One item of a big list's storage: the commit copies its page, not the whole array.
  Value storage = rd<ListObject>(list)->storage;
  const ValueArray* a = ro<ValueArray>(storage); // only to compute the item's offset
  std::size_t at =
      std::size_t(reinterpret_cast<const char*>(&a->items[i]) - reinterpret_cast<const char*>(a));
  wr_range<ValueArray>(storage, at, sizeof(Value))->items[i] = v;
}

bool list_append(Thread& t, Value list, Value item) {
  std::int64_t n = rd<ListObject>(list)->length;
  if (!reserve(t, list, n + 1)) return false;
  ListObject* l = wr<ListObject>(list);
  wr<ValueArray>(l->storage)->items[n] = item;
  l->length = n + 1;
  return true;
}

Value list_to_tuple(Thread& t, Value list) {
  std::int64_t n = list_length(list);
  Value out = tuple_new(t, std::size_t(n));
  if (!out) return {};
  for (std::int64_t i = 0; i < n && i < list_length(list); ++i)
    tuple_init(out, i, list_item(list, i));
  return out;
}

// Replaces items [lo, hi) by `count` items of `source` (a tuple); the list may grow or shrink.
static bool list_replace(Thread& t, Value list, std::int64_t lo, std::int64_t hi, Value source) {
  std::int64_t n = list_length(list), count = tuple_length(source);
  std::int64_t new_length = n - (hi - lo) + count;
  if (!reserve(t, list, new_length)) return false;
  ListObject* l = wr<ListObject>(list);
  ValueArray* a = wr<ValueArray>(l->storage ? l->storage : Value());
  if (count != hi - lo) {
    if (count > hi - lo)
      for (std::int64_t i = n - 1; i >= hi; --i)
        a->items[i + count - (hi - lo)] = a->items[i];
    else
      for (std::int64_t i = hi; i < n; ++i)
        a->items[i + count - (hi - lo)] = a->items[i];
  }
  for (std::int64_t i = 0; i < count; ++i)
    a->items[lo + i] = tuple_item(source, i);
  for (std::int64_t i = new_length; i < n; ++i)
    a->items[i] = {};
  l->length = new_length;
  return true;
}

void list_truncate(Value list, std::int64_t n) {
  std::int64_t length = list_length(list);
  if (n < 0) n = 0;
  if (n >= length) return;
  ListObject* l = wr<ListObject>(list);
  ValueArray* a = wr<ValueArray>(l->storage);
  for (std::int64_t i = n; i < length; ++i)
    a->items[i] = {};
  l->length = n;
}

bool list_insert_at(Thread& t, Value list, std::int64_t i, Value item) {
  std::int64_t n = list_length(list);
  if (i < 0) i = std::max<std::int64_t>(0, i + n);
  if (i > n) i = n;
  Value one = tuple_from(t, &item, 1);
  return one && list_replace(t, list, i, i, one);
}

namespace {

bool list_check(Value v) {
  return v.is_object() && isinstance(v, T_list);
}

INTERP_NATIVE(list_len) {
  return Value::small_int(list_length(args[0]));
}

INTERP_NATIVE(list_getitem) {
  if (!check_positional(t, "list.__getitem__", nargs, kwnames, 1, 1, 1)) return {};
  Value self = args[0];
  std::int64_t n = list_length(self);
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    Value out = list_new(t, std::size_t(count));
    if (!out) return {};
    for (std::int64_t i = 0; i < count; ++i)
      list_set_item(out, i, list_item(self, start + i * step));
    return out;
  }
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "list")) return {};
  return list_item(self, i);
}

INTERP_NATIVE(list_setitem) {
  Value self = args[0];
  std::int64_t n = list_length(self);
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    Value items = tuple_of(t, args[2]);
    if (!items) {
      if (matches(t, exc(E_TypeError))) {
        clear_pending(t);
        return raise(t, exc(E_TypeError), "can only assign an iterable");
      }
      return {};
    }
    if (step == 1) {
      if (stop < start) stop = start;
      return list_replace(t, self, start, stop, items) ? none() : Value();
    }
    if (tuple_length(items) != count)
      return raisef(t, exc(E_ValueError),
                    "attempt to assign sequence of size %lld to extended slice of size %lld",
                    (long long)tuple_length(items), (long long)count);
    for (std::int64_t i = 0; i < count; ++i)
      list_set_item(self, start + i * step, tuple_item(items, i));
    return none();
  }
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "list")) {
    if (matches(t, exc(E_IndexError))) {
      clear_pending(t);
      return raise(t, exc(E_IndexError), "list assignment index out of range");
    }
    return {};
  }
  list_set_item(self, i, args[2]);
  return none();
}

INTERP_NATIVE(list_delitem) {
  Value self = args[0];
  std::int64_t n = list_length(self);
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    if (step == 1) {
      if (stop < start) stop = start;
      return list_replace(t, self, start, stop, runtime().empty_tuple) ? none() : Value();
    }
    // Keep the items not in the slice, in order.
    std::vector<char> drop(std::size_t(n), 0);
    for (std::int64_t i = 0; i < count; ++i)
      drop[std::size_t(start + i * step)] = 1;
    std::int64_t w = 0;
    for (std::int64_t r = 0; r < n; ++r)
      if (!drop[std::size_t(r)]) list_set_item(self, w++, list_item(self, r));
    ListObject* l = wr<ListObject>(self);
    for (std::int64_t i = w; i < n; ++i)
      wr<ValueArray>(l->storage)->items[i] = {};
    l->length = w;
    return none();
  }
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "list")) {
    if (matches(t, exc(E_IndexError))) {
      clear_pending(t);
      return raise(t, exc(E_IndexError), "list assignment index out of range");
    }
    return {};
  }
  return list_replace(t, self, i, i + 1, runtime().empty_tuple) ? none() : Value();
}

INTERP_NATIVE(list_repr) {
  Value self = args[0];
  ReprGuard guard(self);
  if (guard.recursive()) return str_from_ascii(t, "[...]");
  std::int64_t n = list_length(self);
  if (n == 0) return str_from_ascii(t, "[]");
  std::string out = "[";
  bool ok = true;
  for (std::int64_t i = 0; i < list_length(self); ++i) {
    if (i) out += ", ";
    Value r = repr(t, list_item(self, i));
    if (!r) {
      ok = false;
      break;
    }
    out += str_utf8(r);
  }
  if (!ok) return {};
  out += "]";
  return str_from_utf8(t, out);
}

#define LIST_COMPARE(fn_name, op)                                                                  \
  INTERP_NATIVE(fn_name) {                                                                         \
    if (!list_check(args[1])) return runtime().not_implemented;                                    \
    return sequence_compare(t, args[0], args[1], bytecode::CompareOp::op);                         \
  }
LIST_COMPARE(list_eq, Eq)
LIST_COMPARE(list_ne, Ne)
LIST_COMPARE(list_lt, Lt)
LIST_COMPARE(list_le, Le)
LIST_COMPARE(list_gt, Gt)
LIST_COMPARE(list_ge, Ge)

INTERP_NATIVE(list_append_method) {
  if (!check_positional(t, "list.append", nargs, kwnames, 1, 1)) return {};
  return list_append(t, args[0], args[1]) ? none() : Value();
}

} // namespace

bool list_extend_impl(Thread& t, Value self, Value iterable) {
  // A subclass with its own __iter__ is iterated, so that its items are what it yields.
  if (iterates_as_builtin(iterable, T_list) || iterates_as_builtin(iterable, T_tuple)) {
    Value items = is_layout(iterable, Layout::Tuple) ? iterable : list_to_tuple(t, iterable);
    if (!items) return false;
    std::int64_t n = list_length(self);
    return list_replace(t, self, n, n, items);
  }
  if (iterable.is_object() && is_layout(iterable, Layout::Range)) {
    // Room for the whole range first, as CPython makes from its length: one too long
    // for memory raises MemoryError at once instead of filling the heap item by item.
    std::int64_t more;
    if (!int_to_i64(ro<RangeObject>(iterable)->length, more)) {
      raise(t, exc(E_OverflowError), "Python int too large to convert to C ssize_t");
      return false;
    }
    if (!reserve(t, self, list_length(self) + more)) return false;
  }
  Value it = iter(t, iterable);
  if (!it || !consult_length_hint(t, iterable)) return false;
  for (;;) {
    Value x = next(t, it);
    if (!x) return !t.pending;
    if (!list_append(t, self, x)) return false;
  }
}

namespace {

INTERP_NATIVE(list_extend) {
  if (!check_positional(t, "list.extend", nargs, kwnames, 1, 1)) return {};
  return list_extend_impl(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(list_iadd) {
  return list_extend_impl(t, args[0], args[1]) ? args[0] : Value();
}

INTERP_NATIVE(list_add) {
  if (!list_check(args[1])) return runtime().not_implemented;
  Value out = list_new(t);
  if (!out) return {};
  if (!list_extend_impl(t, out, args[0]) || !list_extend_impl(t, out, args[1])) return {};
  return out;
}

Value list_repeat(Thread& t, Value self, Value times_value, Value into) {
  std::int64_t times;
  if (!repeat_count(t, times_value, times)) return {};
  Value items = list_to_tuple(t, self);
  if (!items) return {};
  std::int64_t n = tuple_length(items);
  if (times < 0) times = 0;
  if (n && times > (std::int64_t(1) << 36) / n) return raise_memory_error(t);
  Value out = into ? into : list_new(t);
  if (!out) return {};
  if (into && !list_replace(t, out, 0, list_length(out), runtime().empty_tuple)) return {};
  // One storage of the final size, filled in place: growing it copy by copy would leave
  // a trail of dead arrays as big as the result.
  std::int64_t total = n * times;
  if (!total) return out;
  if (!reserve(t, out, total)) return {};
  Value storage = rd<ListObject>(out)->storage;
  for (std::int64_t k = 0; k < times; ++k) {
    if ((k & 0xffff) == 0) stm::safe_point();
    ValueArray* a = wr<ValueArray>(storage);
    for (std::int64_t i = 0; i < n; ++i)
      a->items[k * n + i] = tuple_item(items, i);
  }
  wr<ListObject>(out)->length = total;
  return out;
}

INTERP_NATIVE(list_mul) {
  return list_repeat(t, args[0], args[1], {});
}
INTERP_NATIVE(list_imul) {
  return list_repeat(t, args[0], args[1], args[0]);
}

INTERP_NATIVE(list_insert) {
  if (!check_positional(t, "insert", nargs, kwnames, 2, 2)) return {};
  std::int64_t i;
  if (!index_to_i64(t, args[1], i, true)) return {};
  return list_insert_at(t, args[0], i, args[2]) ? none() : Value();
}

INTERP_NATIVE(list_pop) {
  if (!check_positional(t, "pop", nargs, kwnames, 0, 1)) return {};
  std::int64_t n = list_length(args[0]);
  if (n == 0) return raise(t, exc(E_IndexError), "pop from empty list");
  std::int64_t i = n - 1;
  if (nargs > 1) {
    if (!index_to_i64(t, args[1], i, true)) return {};
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "pop index out of range");
  }
  Value item = list_item(args[0], i);
  if (!list_replace(t, args[0], i, i + 1, runtime().empty_tuple)) return {};
  return item;
}

INTERP_NATIVE(list_remove) {
  if (!check_positional(t, "list.remove", nargs, kwnames, 1, 1)) return {};
  for (std::int64_t i = 0; i < list_length(args[0]); ++i) {
    int eq = equal(t, list_item(args[0], i), args[1]);
    if (eq < 0) return {};
    if (eq) return list_replace(t, args[0], i, i + 1, runtime().empty_tuple) ? none() : Value();
  }
  return raise(t, exc(E_ValueError), "list.remove(x): x not in list");
}

INTERP_NATIVE(list_index) {
  if (!check_positional(t, "index", nargs, kwnames, 1, 3)) return {};
  std::int64_t n = list_length(args[0]), start = 0, stop = n;
  if (nargs > 2 && !slice_bound(t, args[2], n, start)) return {};
  if (nargs > 3 && !slice_bound(t, args[3], n, stop)) return {};
  for (std::int64_t i = start; i < stop && i < list_length(args[0]); ++i) {
    int eq = equal(t, list_item(args[0], i), args[1]);
    if (eq < 0) return {};
    if (eq) return Value::small_int(i);
  }
  return raisef(t, exc(E_ValueError), "%s is not in list", repr_utf8(t, args[1]).c_str());
}

INTERP_NATIVE(list_count) {
  if (!check_positional(t, "list.count", nargs, kwnames, 1, 1)) return {};
  std::int64_t c = 0;
  for (std::int64_t i = 0; i < list_length(args[0]); ++i) {
    int eq = equal(t, list_item(args[0], i), args[1]);
    if (eq < 0) return {};
    c += eq;
  }
  return Value::small_int(c);
}

INTERP_NATIVE(list_clear) {
  if (!check_positional(t, "list.clear", nargs, kwnames, 0, 0)) return {};
  ListObject* l = wr<ListObject>(args[0]);
  l->length = 0;
  l->storage = {};
  return none();
}

INTERP_NATIVE(list_copy) {
  if (!check_positional(t, "list.copy", nargs, kwnames, 0, 0)) return {};
  Value out = list_new(t);
  if (!out || !list_extend_impl(t, out, args[0])) return {};
  return out;
}

INTERP_NATIVE(list_reverse) {
  if (!check_positional(t, "list.reverse", nargs, kwnames, 0, 0)) return {};
  std::int64_t n = list_length(args[0]);
  if (n < 2) return none();
  ValueArray* a = wr<ValueArray>(rd<ListObject>(args[0])->storage);
  for (std::int64_t i = 0, j = n - 1; i < j; ++i, --j)
    std::swap(a->items[i], a->items[j]);
  return none();
}

INTERP_NATIVE(list_contains) {
  for (std::int64_t i = 0; i < list_length(args[0]); ++i) {
    int eq = equal(t, list_item(args[0], i), args[1]);
    if (eq < 0) return {};
    if (eq) return runtime().true_;
  }
  return runtime().false_;
}

INTERP_NATIVE(list_iter) {
  return iterator_new(t, T_list_iterator, args[0]);
}
INTERP_NATIVE(list_reversed) {
  return iterator_new(t, T_list_reverseiterator, args[0]);
}

// A stable merge sort of `order` (positions into keys) by keys[i] < keys[j]. Comparisons
// may run Python code and may fail: the first failure stops all further comparisons.
struct Sorter {
  Thread& t;
  Value keys; // ValueArray in the heap, so the collector sees every key
  bool failed = false;
  bool less(std::int64_t i, std::int64_t j) {
    if (failed) return false;
    Value a = ro<ValueArray>(keys)->items[i], b = ro<ValueArray>(keys)->items[j];
    if (is_exact(a, T_tuple) && is_exact(b, T_tuple)) return tuple_less(a, b);
    return general_less(a, b);
  }
  bool general_less(Value a, Value b) {
    int truth = less_than(t, a, b);
    if (truth < 0) failed = true;
    return truth > 0;
  }
  // What tuple.__lt__ answers (the first pair of items that are not equal decides, an
  // item identical to the other counting as equal), with no call while the items order
  // as scalars: sort keys are mostly tuples of ints and strs.
  bool tuple_less(Value a, Value b) {
    std::int64_t na = tuple_length(a), nb = tuple_length(b);
    for (std::int64_t k = 0; k < na && k < nb; ++k) {
      Value x = tuple_item(a, k), y = tuple_item(b, k);
      if (x == y) continue;
      int order = scalar_order(x, y);
      if (order == 0) continue;
      if (order != kNoScalarOrder) return order < 0;
      int eq = equal(t, x, y);
      if (eq < 0) {
        failed = true;
        return false;
      }
      if (eq) continue;
      return general_less(x, y);
    }
    return na < nb;
  }
  void sort(std::vector<std::int64_t>& v, std::vector<std::int64_t>& buf, std::size_t lo,
            std::size_t hi) {
    if (hi - lo < 2 || failed) return;
    if (hi - lo <= 8) {
      for (std::size_t i = lo + 1; i < hi; ++i) {
        std::int64_t x = v[i];
        std::size_t j = i;
        while (j > lo && less(x, v[j - 1])) {
          v[j] = v[j - 1];
          --j;
        }
        v[j] = x;
      }
      return;
    }
    std::size_t mid = lo + (hi - lo) / 2;
    sort(v, buf, lo, mid);
    sort(v, buf, mid, hi);
    if (!less(v[mid], v[mid - 1])) return;
    std::size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
      buf[k++] = less(v[j], v[i]) ? v[j++] : v[i++];
    while (i < mid)
      buf[k++] = v[i++];
    while (j < hi)
      buf[k++] = v[j++];
    for (std::size_t x = lo; x < hi; ++x)
      v[x] = buf[x];
  }
};

INTERP_NATIVE(list_sort) {
  Value parsed[2];
  if (!parse_arguments(t, "sort", args + 1, nargs - 1, kwnames, {"key", "reverse"}, 0, 0, parsed,
                       2))
    return {};
  Value key = parsed[0], reverse_v = parsed[1];
  int reverse = reverse_v ? truthy(t, reverse_v) : 0;
  if (reverse < 0) return {};
  Value self = args[0];
  std::int64_t n = list_length(self);
  if (n < 2) return none();
  Value items = array_new(t, n);
  if (!items) return {};
  for (std::int64_t i = 0; i < n; ++i)
    fresh<ValueArray>(items)->items[i] = list_item(self, i);
  // The list is empty while it is sorted, as in CPython: a key or comparison function
  // that looks at it sees nothing, and one that changes it is caught afterwards.
  Value saved_storage = rd<ListObject>(self)->storage;
  {
    ListObject* l = wr<ListObject>(self);
    l->length = 0;
    l->storage = {};
  }
  Value keys = items;
  bool failed = false;
  if (key && key != none()) {
    keys = array_new(t, n);
    if (!keys) failed = true;
    for (std::int64_t i = 0; !failed && i < n; ++i) {
      Value k = call1(t, key, ro<ValueArray>(items)->items[i]);
      if (!k)
        failed = true;
      else
        fresh<ValueArray>(keys)->items[i] = k;
    }
  }
  std::vector<std::int64_t> order(static_cast<std::size_t>(n)), buf(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i)
    order[std::size_t(i)] = reverse ? n - 1 - i : i;
  Sorter sorter{t, keys};
  if (!failed) {
    sorter.sort(order, buf, 0, std::size_t(n));
    failed = sorter.failed;
  }
  bool modified = list_length(self) != 0 || rd<ListObject>(self)->storage;
  ListObject* l = wr<ListObject>(self);
  l->storage = saved_storage;
  l->length = n;
  ValueArray* a = wr<ValueArray>(saved_storage);
  if (!failed) {
    for (std::int64_t i = 0; i < n; ++i) {
      std::int64_t from = order[std::size_t(reverse ? n - 1 - i : i)];
      a->items[i] = ro<ValueArray>(items)->items[from];
    }
  }
  if (failed) return {};
  if (modified) return raise(t, exc(E_ValueError), "list modified during sort");
  return none();
}

INTERP_NATIVE(list_init) {
  if (keyword_count(kwnames) && !refuses_keywords(type_of(args[0]), T_list, N___new__)) {
    nargs -= keyword_count(kwnames);
    kwnames = {};
  }
  if (!check_positional(t, "list", nargs, kwnames, 0, 1)) return {};
  ListObject* l = wr<ListObject>(args[0]);
  l->length = 0;
  l->storage = {};
  if (nargs == 2 && !list_extend_impl(t, args[0], args[1])) return {};
  return none();
}

INTERP_NATIVE(list_new_method) {
  Value cls = args[0];
  return allocate(t, Layout::List, cls, sizeof(ListObject));
}

} // namespace

void init_list_type(Thread& t) {
  Value type = type_value(T_list);
  add_method(t, type, "__len__", list_len);
  add_method(t, type, "__getitem__", list_getitem, MethodArgs::one);
  add_method(t, type, "__setitem__", list_setitem);
  add_method(t, type, "__delitem__", list_delitem);
  add_method(t, type, "__repr__", list_repr);
  add_method(t, type, "__eq__", list_eq);
  add_method(t, type, "__ne__", list_ne);
  add_method(t, type, "__lt__", list_lt);
  add_method(t, type, "__le__", list_le);
  add_method(t, type, "__gt__", list_gt);
  add_method(t, type, "__ge__", list_ge);
  add_method(t, type, "__add__", list_add);
  add_method(t, type, "__iadd__", list_iadd);
  add_method(t, type, "__mul__", list_mul);
  add_method(t, type, "__rmul__", list_mul);
  add_method(t, type, "__imul__", list_imul);
  mark_sequence_repeat(t, type);
  add_method(t, type, "__contains__", list_contains);
  add_method(t, type, "__iter__", list_iter);
  add_method(t, type, "__reversed__", list_reversed, MethodArgs::none);
  add_method(t, type, "__init__", list_init);
  add_method(t, type, "append", list_append_method, MethodArgs::one);
  add_method(t, type, "extend", list_extend, MethodArgs::one);
  add_method(t, type, "insert", list_insert, MethodArgs::positional);
  add_method(t, type, "pop", list_pop, MethodArgs::positional);
  add_method(t, type, "remove", list_remove, MethodArgs::one);
  add_method(t, type, "index", list_index, MethodArgs::positional);
  add_method(t, type, "count", list_count, MethodArgs::one);
  add_method(t, type, "clear", list_clear, MethodArgs::none);
  add_method(t, type, "copy", list_copy, MethodArgs::none);
  add_method(t, type, "reverse", list_reverse, MethodArgs::none);
  add_method(t, type, "sort", list_sort);
  add_staticmethod(t, type, "__new__", list_new_method);
  add_attribute(t, type, "__hash__", none());
}

} // namespace interp
