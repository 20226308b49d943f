// interp/modules/deque.cc - collections.deque and its iterators (_collections).
//
// A deque keeps its items in a ring: a heap list whose length is the capacity, the index
// of the first item, and the count. Both ends take and give an item in O(1) (the ring
// doubles when full, amortized), which is what queue.Queue and every breadth-first walk
// rely on; indexing is O(1), an insertion or removal inside moves the items on one side.
// `state` changes with every change of the items: an iterator that finds it changed
// raises RuntimeError, as do count/index/remove/`in` when a comparison changed the deque.
// A subclass's __slots__ come at the end of the object, after the deque's words.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/repr_guard.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <climits>

namespace interp {

namespace {

struct DequeObject : Object {
  Value ring;   // list of the slots, its length the capacity; 0 before the first item
  Value head;   // small int: the slot of the first item
  Value length; // small int
  Value maxlen; // None or a small int
  Value state;  // small int, changed with the items
};

struct DequeIterObject : Object {
  Value deque;
  Value index;     // small int: items taken so far
  Value remaining; // small int
  Value state;     // the deque's state when the iterator was made
};

std::int64_t small(Value v) {
  return v.small_int_value();
}
std::int64_t length_of(Value d) {
  return small(rd<DequeObject>(d)->length);
}
std::int64_t capacity_of(Value d) {
  Value ring = rd<DequeObject>(d)->ring;
  return ring ? list_length(ring) : 0;
}
std::int64_t maxlen_of(Value d) {
  Value m = rd<DequeObject>(d)->maxlen;
  return m && m.is_small_int() ? small(m) : -1;
}
std::int64_t slot_of(Value d, std::int64_t i) {
  return (small(rd<DequeObject>(d)->head) + i) % capacity_of(d);
}
Value item_at(Value d, std::int64_t i) {
  return list_item(rd<DequeObject>(d)->ring, slot_of(d, i));
}
void set_item_at(Value d, std::int64_t i, Value v) {
  list_set_item(rd<DequeObject>(d)->ring, slot_of(d, i), v);
}
void changed(Value d) {
  DequeObject* w = wr<DequeObject>(d);
  w->state = Value::small_int((small(w->state) + 1) & 0x3fffffff);
}
void set_counts(Value d, std::int64_t head, std::int64_t length) {
  DequeObject* w = wr<DequeObject>(d);
  w->head = Value::small_int(head);
  w->length = Value::small_int(length);
}

// Room for `need` items: a new ring, twice as large at least, with the items from slot 0.
bool reserve(Thread& t, Value d, std::int64_t need) {
  std::int64_t capacity = capacity_of(d);
  if (need <= capacity) return true;
  std::int64_t grown = std::max<std::int64_t>({8, need, capacity * 2});
  Value ring = list_new(t, std::size_t(grown));
  if (!ring) return false;
  std::int64_t n = length_of(d);
  for (std::int64_t i = 0; i < n; ++i)
    list_set_item(ring, i, item_at(d, i));
  wr<DequeObject>(d)->ring = ring;
  set_counts(d, 0, n);
  return true;
}

Value take_back(Value d) {
  std::int64_t n = length_of(d);
  Value item = item_at(d, n - 1);
  set_item_at(d, n - 1, none());
  set_counts(d, small(rd<DequeObject>(d)->head), n - 1);
  changed(d);
  return item;
}

Value take_front(Value d) {
  std::int64_t n = length_of(d);
  Value item = item_at(d, 0);
  set_item_at(d, 0, none());
  set_counts(d, (small(rd<DequeObject>(d)->head) + 1) % capacity_of(d), n - 1);
  changed(d);
  return item;
}

// Appends at one end; with a maxlen, an item falls off the other end when full.
bool push_back(Thread& t, Value d, Value v) {
  std::int64_t n = length_of(d);
  if (!reserve(t, d, n + 1)) return false;
  set_counts(d, small(rd<DequeObject>(d)->head), n + 1);
  set_item_at(d, n, v);
  changed(d);
  std::int64_t maxlen = maxlen_of(d);
  if (maxlen >= 0 && n + 1 > maxlen) take_front(d);
  return true;
}

bool push_front(Thread& t, Value d, Value v) {
  std::int64_t n = length_of(d);
  if (!reserve(t, d, n + 1)) return false;
  std::int64_t capacity = capacity_of(d);
  set_counts(d, (small(rd<DequeObject>(d)->head) + capacity - 1) % capacity, n + 1);
  set_item_at(d, 0, v);
  changed(d);
  std::int64_t maxlen = maxlen_of(d);
  if (maxlen >= 0 && n + 1 > maxlen) take_back(d);
  return true;
}

void clear_items(Value d) {
  DequeObject* w = wr<DequeObject>(d);
  w->ring = {};
  w->head = Value::small_int(0);
  w->length = Value::small_int(0);
  changed(d);
}

// The items, in order, as a new list.
Value items_list(Thread& t, Value d) {
  std::int64_t n = length_of(d);
  Value list = list_new(t, std::size_t(n));
  if (!list) return {};
  for (std::int64_t i = 0; i < n; ++i)
    list_set_item(list, i, item_at(d, i));
  return list;
}

Value deque_type(Thread& t) {
  return module_attr(t, "_collections", "deque");
}

bool is_deque(Thread& t, Value v) {
  Value cls = deque_type(t);
  return cls && v.is_object() && is_subtype(type_of(v), cls);
}

// The first index in [from, to) whose item equals `v`, -1 if none, -2 with the exception
// of a comparison, -3 with RuntimeError when a comparison changed the deque.
std::int64_t find(Thread& t, Value d, Value v, std::int64_t from, std::int64_t to) {
  Value state = rd<DequeObject>(d)->state;
  for (std::int64_t i = from; i < std::min(to, length_of(d)); ++i) {
    int eq = equal(t, item_at(d, i), v);
    if (eq < 0) return -2;
    if (rd<DequeObject>(d)->state != state) {
      raise(t, exc(E_RuntimeError), "deque mutated during iteration");
      return -3;
    }
    if (eq) return i;
  }
  return -1;
}

// Removes the item at i, moving the shorter side up to close the gap.
void remove_at(Value d, std::int64_t i) {
  std::int64_t n = length_of(d);
  if (i < n / 2) {
    for (std::int64_t j = i; j > 0; --j)
      set_item_at(d, j, item_at(d, j - 1));
    take_front(d);
  } else {
    for (std::int64_t j = i; j < n - 1; ++j)
      set_item_at(d, j, item_at(d, j + 1));
    take_back(d);
  }
}

bool extend_back(Thread& t, Value d, Value iterable) {
  Value all = list_of(t, iterable); // a copy: the deque may extend itself
  if (!all) return false;
  for (std::int64_t i = 0; i < list_length(all); ++i)
    if (!push_back(t, d, list_item(all, i))) return false;
  return true;
}

// ---- the deque's methods --------------------------------------------------------------------

INTERP_NATIVE(deque_new) {
  Value d = allocate(t, Layout::Instance, args[0], sizeof(DequeObject));
  if (!d) return {};
  DequeObject* o = fresh<DequeObject>(d);
  o->head = o->length = o->state = Value::small_int(0);
  o->maxlen = none();
  return d;
}

INTERP_NATIVE(deque_init) {
  static const char* const kAllowed[] = {"iterable", "maxlen", nullptr};
  if (!check_keywords(t, "deque", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 3)
    return raisef(t, exc(E_TypeError), "deque expected at most 2 arguments, got %zu", npos - 1);
  Value iterable = arg_or_keyword(args, nargs, kwnames, 1, "iterable");
  Value maxlen = arg_or_keyword(args, nargs, kwnames, 2, "maxlen");
  Value self = args[0];
  Value limit = none();
  if (maxlen && maxlen != none()) {
    if (!maxlen.is_small_int() && !int_check(maxlen))
      return raise(t, exc(E_TypeError), "an integer is required");
    std::int64_t m;
    if (!index_to_i64(t, maxlen, m)) return {};
    if (m < 0) return raise(t, exc(E_ValueError), "maxlen must be non-negative");
    limit = Value::small_int(std::min<std::int64_t>(m, Value::kSmallMax));
  }
  wr<DequeObject>(self)->maxlen = limit;
  if (length_of(self)) clear_items(self);
  if (iterable && iterable != none() && !extend_back(t, self, iterable)) return {};
  return none();
}

INTERP_NATIVE(deque_append) {
  if (!check_positional(t, "append", nargs, kwnames, 1, 1)) return {};
  return push_back(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(deque_appendleft) {
  if (!check_positional(t, "appendleft", nargs, kwnames, 1, 1)) return {};
  return push_front(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(deque_pop) {
  if (!check_positional(t, "pop", nargs, kwnames, 0, 0)) return {};
  if (!length_of(args[0])) return raise(t, exc(E_IndexError), "pop from an empty deque");
  return take_back(args[0]);
}

INTERP_NATIVE(deque_popleft) {
  if (!check_positional(t, "popleft", nargs, kwnames, 0, 0)) return {};
  if (!length_of(args[0])) return raise(t, exc(E_IndexError), "pop from an empty deque");
  return take_front(args[0]);
}

INTERP_NATIVE(deque_extend) {
  if (!check_positional(t, "extend", nargs, kwnames, 1, 1)) return {};
  return extend_back(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(deque_extendleft) {
  if (!check_positional(t, "extendleft", nargs, kwnames, 1, 1)) return {};
  Value all = list_of(t, args[1]);
  if (!all) return {};
  for (std::int64_t i = 0; i < list_length(all); ++i)
    if (!push_front(t, args[0], list_item(all, i))) return {};
  return none();
}

INTERP_NATIVE(deque_clear) {
  if (!check_positional(t, "clear", nargs, kwnames, 0, 0)) return {};
  clear_items(args[0]);
  return none();
}

// rotate(n): n steps to the right (left when negative), moving the fewer items.
INTERP_NATIVE(deque_rotate) {
  if (!check_positional(t, "rotate", nargs, kwnames, 0, 1)) return {};
  std::int64_t n = 1;
  if (nargs > 1 && !index_to_i64(t, args[1], n)) return {};
  Value d = args[0];
  std::int64_t len = length_of(d);
  if (len <= 1) return none();
  n %= len;
  if (n < 0) n += len;
  if (n > len / 2) {
    for (std::int64_t k = len - n; k > 0; --k)
      push_back(t, d, take_front(d)); // the ring has room: the length is unchanged
  } else {
    for (std::int64_t k = n; k > 0; --k)
      push_front(t, d, take_back(d));
  }
  return none();
}

INTERP_NATIVE(deque_reverse) {
  if (!check_positional(t, "reverse", nargs, kwnames, 0, 0)) return {};
  Value d = args[0];
  for (std::int64_t i = 0, j = length_of(d) - 1; i < j; ++i, --j) {
    Value a = item_at(d, i);
    set_item_at(d, i, item_at(d, j));
    set_item_at(d, j, a);
  }
  changed(d);
  return none();
}

INTERP_NATIVE(deque_len) {
  return Value::small_int(length_of(args[0]));
}

// A deque subscript as an integer, with the errors of CPython's sequence protocol, which
// deques index through; false with the exception, IndexError when out of range.
bool subscript(Thread& t, Value d, Value key, std::int64_t& out) {
  if (!key.is_small_int() && !int_check(key) && !lookup_special(t, key, N___index__)) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "sequence index must be integer, not '%s'",
             type_name_of(key).c_str());
    return false;
  }
  if (!index_key_to_i64(t, key, out)) return false;
  std::int64_t n = length_of(d);
  if (out < 0) out += n;
  if (out < 0 || out >= n) return raise(t, exc(E_IndexError), "deque index out of range"), false;
  return true;
}

INTERP_NATIVE(deque_getitem) {
  std::int64_t i;
  return subscript(t, args[0], args[1], i) ? item_at(args[0], i) : Value();
}

INTERP_NATIVE(deque_setitem) {
  std::int64_t i;
  if (!subscript(t, args[0], args[1], i)) return {};
  set_item_at(args[0], i, args[2]);
  return none();
}

INTERP_NATIVE(deque_delitem) {
  std::int64_t i;
  if (!subscript(t, args[0], args[1], i)) return {};
  remove_at(args[0], i);
  return none();
}

INTERP_NATIVE(deque_contains) {
  std::int64_t at = find(t, args[0], args[1], 0, INT64_MAX);
  return at < -1 ? Value() : py_bool(at >= 0);
}

INTERP_NATIVE(deque_count) {
  if (!check_positional(t, "count", nargs, kwnames, 1, 1)) return {};
  std::int64_t count = 0;
  for (std::int64_t from = 0;; ++count) {
    std::int64_t at = find(t, args[0], args[1], from, INT64_MAX);
    if (at < -1) return {};
    if (at < 0) break;
    from = at + 1;
  }
  return Value::small_int(count);
}

// index(x, start=0, stop=sys.maxsize), bounds as list.index takes them.
INTERP_NATIVE(deque_index) {
  if (!check_positional(t, "index", nargs, kwnames, 1, 3)) return {};
  std::int64_t n = length_of(args[0]);
  std::int64_t bounds[2] = {0, n};
  for (std::size_t k = 0; k < 2 && k + 2 < nargs; ++k)
    if (!slice_bound(t, args[k + 2], n, bounds[k])) return {};
  std::int64_t at = find(t, args[0], args[1], bounds[0], bounds[1]);
  if (at < -1) return {};
  if (at < 0)
    return raisef(t, exc(E_ValueError), "%s is not in deque", repr_utf8(t, args[1]).c_str());
  return Value::small_int(at);
}

INTERP_NATIVE(deque_remove) {
  if (!check_positional(t, "remove", nargs, kwnames, 1, 1)) return {};
  std::int64_t at = find(t, args[0], args[1], 0, INT64_MAX);
  if (at == -3) {
    // CPython's remove reports the change as an IndexError.
    clear_pending(t);
    return raise(t, exc(E_IndexError), "deque mutated during iteration");
  }
  if (at == -2) return {};
  if (at < 0)
    return raisef(t, exc(E_ValueError), "%s is not in deque", repr_utf8(t, args[1]).c_str());
  remove_at(args[0], at);
  return none();
}

INTERP_NATIVE(deque_insert) {
  if (!check_positional(t, "insert", nargs, kwnames, 2, 2)) return {};
  Value d = args[0];
  std::int64_t i;
  if (!index_to_i64(t, args[1], i)) return {};
  std::int64_t n = length_of(d);
  if (maxlen_of(d) >= 0 && n >= maxlen_of(d))
    return raise(t, exc(E_IndexError), "deque already at its maximum size");
  if (i < 0) i = std::max<std::int64_t>(0, i + n);
  if (i > n) i = n;
  if (!push_back(t, d, args[2])) return {};
  for (std::int64_t j = n; j > i; --j)
    set_item_at(d, j, item_at(d, j - 1));
  set_item_at(d, i, args[2]);
  return none();
}

INTERP_NATIVE(deque_copy) {
  Value maxlen = rd<DequeObject>(args[0])->maxlen;
  Value a[2] = {args[0], maxlen};
  return call(t, type_of(args[0]), a, maxlen == none() ? 1 : 2);
}

// CPython tries the other operand's reflected method before a deque's own concatenation
// or repetition, which then raises: the reflected method's result, or null when it has
// none or it answered NotImplemented.
Value try_reflected(Thread& t, Value self, Value other, const char* reflected, bool& failed) {
  failed = false;
  Value method = type_lookup(type_of(other), intern_literal(t, reflected));
  if (!method) return {};
  Value r = vm::call_function_or_other(t, method, other, &self, 1, {});
  if (!r) failed = true;
  return r == runtime().not_implemented ? Value() : r;
}

INTERP_NATIVE(deque_add) {
  if (!is_deque(t, args[1])) {
    if (t.pending) return {};
    bool failed = false;
    if (Value r = try_reflected(t, args[0], args[1], "__radd__", failed); r || failed) return r;
    return raisef(t, exc(E_TypeError), "can only concatenate deque (not \"%s\") to deque",
                  type_name_of(args[1]).c_str());
  }
  Value copy = deque_copy(t, args, 1, {});
  if (!copy || !extend_back(t, copy, args[1])) return {};
  return copy;
}

// The items repeated `times` times in place, keeping the last maxlen of them.
Value repeat_in_place(Thread& t, Value self, Value times) {
  std::int64_t n = 0;
  if (!repeat_count(t, times, n)) return {};
  std::int64_t len = length_of(self);
  if (n <= 1 || len == 0) {
    if (n <= 0) clear_items(self);
    return self;
  }
  std::int64_t maxlen = maxlen_of(self);
  // Only the last maxlen items of the repetition survive: whole rounds enough to cover
  // them keep the same last items.
  std::int64_t rounds = n;
  if (maxlen >= 0)
    rounds = std::min(n, 1 + (maxlen + len - 1) / len);
  else if (len > INT64_MAX / n)
    return raise_memory_error(t);
  std::int64_t total = len * rounds;
  Value items = items_list(t, self);
  if (!items) return {};
  for (std::int64_t k = len; k < total; ++k)
    if (!push_back(t, self, list_item(items, k % len))) return {};
  return self;
}

INTERP_NATIVE(deque_mul) {
  std::int64_t n = 0;
  if (!repeat_count(t, args[1], n)) return {};
  Value copy = deque_copy(t, args, 1, {});
  return copy ? repeat_in_place(t, copy, args[1]) : Value();
}

INTERP_NATIVE(deque_imul) {
  return repeat_in_place(t, args[0], args[1]);
}

INTERP_NATIVE(deque_iadd) {
  return extend_back(t, args[0], args[1]) ? args[0] : Value();
}

INTERP_NATIVE(deque_repr) {
  ReprGuard guard(args[0]);
  if (guard.recursive()) return str_from_utf8(t, "[...]");
  Value items = items_list(t, args[0]);
  Value r = items ? repr(t, items) : Value();
  if (!r) return {};
  std::string text = type_name(type_of(args[0])) + "(" + str_utf8(r);
  std::int64_t m = maxlen_of(args[0]);
  if (m >= 0) text += ", maxlen=" + std::to_string(m);
  return str_from_utf8(t, text + ")");
}

Value deque_cmp(Thread& t, const Value* args, bytecode::CompareOp op) {
  if (!is_deque(t, args[1])) return t.pending ? Value() : runtime().not_implemented;
  Value a = items_list(t, args[0]);
  Value b = a ? items_list(t, args[1]) : Value();
  return b ? compare(t, a, b, op) : Value();
}
INTERP_NATIVE(deque_eq) {
  return deque_cmp(t, args, bytecode::CompareOp::Eq);
}
INTERP_NATIVE(deque_ne) {
  return deque_cmp(t, args, bytecode::CompareOp::Ne);
}
INTERP_NATIVE(deque_lt) {
  return deque_cmp(t, args, bytecode::CompareOp::Lt);
}
INTERP_NATIVE(deque_le) {
  return deque_cmp(t, args, bytecode::CompareOp::Le);
}
INTERP_NATIVE(deque_gt) {
  return deque_cmp(t, args, bytecode::CompareOp::Gt);
}
INTERP_NATIVE(deque_ge) {
  return deque_cmp(t, args, bytecode::CompareOp::Ge);
}

INTERP_NATIVE(deque_maxlen) {
  return rd<DequeObject>(args[0])->maxlen;
}

Value make_iterator(Thread& t, Value d, const char* type_name, std::int64_t skip) {
  Value cls = module_attr(t, "_collections", type_name);
  if (!cls) return {};
  Value it = allocate(t, Layout::Instance, cls, sizeof(DequeIterObject));
  if (!it) return {};
  std::int64_t n = length_of(d);
  skip = std::clamp<std::int64_t>(skip, 0, n);
  DequeIterObject* o = fresh<DequeIterObject>(it);
  o->deque = d;
  o->index = Value::small_int(skip);
  o->remaining = Value::small_int(n - skip);
  o->state = rd<DequeObject>(d)->state;
  return it;
}

INTERP_NATIVE(deque_iter) {
  return make_iterator(t, args[0], "_deque_iterator", 0);
}

INTERP_NATIVE(deque_reversed) {
  return make_iterator(t, args[0], "_deque_reverse_iterator", 0);
}

// (type, (), state, iterator): pickle and copy rebuild the deque by extending it, and
// its instance attributes or slots come back through the state.
INTERP_NATIVE(deque_reduce) {
  Value state = object_state(t, args[0]);
  Value it = state ? iter(t, args[0]) : Value(); // a subclass's own __iter__
  if (!it) return {};
  Value maxlen = rd<DequeObject>(args[0])->maxlen;
  Value init[2] = {runtime().empty_tuple, maxlen};
  Value init_args = maxlen == none() ? runtime().empty_tuple : tuple_from(t, init, 2);
  if (!init_args) return {};
  Value parts[4] = {type_of(args[0]), init_args, state, it};
  return tuple_from(t, parts, 4);
}

INTERP_NATIVE(class_getitem_self) {
  return args[0];
}

// ---- iterators --------------------------------------------------------------------------------

// _deque_iterator(deque, index=0) and the reverse one: what their __reduce__ names.
Value iterator_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                   const char* type_name) {
  if (!check_positional(t, type_name, nargs, kwnames, 1, 2)) return {};
  if (!is_deque(t, args[1])) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "argument 1 must be collections.deque, not %s",
                  type_name_of(args[1]).c_str());
  }
  std::int64_t skip = 0;
  if (nargs > 2 && !index_to_i64(t, args[2], skip)) return {};
  Value it = make_iterator(t, args[1], type_name, skip);
  if (it && type_of(it) != args[0]) wr<Object>(it)->cls = args[0];
  return it;
}
INTERP_NATIVE(dequeiter_new) {
  return iterator_new(t, args, nargs, kwnames, "_deque_iterator");
}
INTERP_NATIVE(dequereviter_new) {
  return iterator_new(t, args, nargs, kwnames, "_deque_reverse_iterator");
}

Value iterator_next(Thread& t, Value it, bool reverse) {
  const DequeIterObject* o = rd<DequeIterObject>(it);
  Value d = o->deque;
  if (rd<DequeObject>(d)->state != o->state) {
    wr<DequeIterObject>(it)->remaining = Value::small_int(0);
    return raise(t, exc(E_RuntimeError), "deque mutated during iteration");
  }
  std::int64_t remaining = small(o->remaining);
  if (remaining <= 0) return {}; // exhausted: no exception
  std::int64_t i = small(o->index);
  DequeIterObject* w = wr<DequeIterObject>(it);
  w->index = Value::small_int(i + 1);
  w->remaining = Value::small_int(remaining - 1);
  return item_at(d, reverse ? length_of(d) - 1 - i : i);
}
INTERP_NATIVE(dequeiter_next) {
  return iterator_next(t, args[0], false);
}
INTERP_NATIVE(dequereviter_next) {
  return iterator_next(t, args[0], true);
}

INTERP_NATIVE(dequeiter_iter) {
  return args[0];
}

INTERP_NATIVE(dequeiter_length_hint) {
  return rd<DequeIterObject>(args[0])->remaining;
}

INTERP_NATIVE(dequeiter_reduce) {
  const DequeIterObject* o = rd<DequeIterObject>(args[0]);
  std::int64_t taken = length_of(o->deque) - small(o->remaining);
  Value inner[2] = {o->deque, Value::small_int(taken)};
  Value call_args = tuple_from(t, inner, 2);
  if (!call_args) return {};
  Value parts[2] = {type_of(args[0]), call_args};
  return tuple_from(t, parts, 2);
}

Value make_iterator_type(Thread& t, Value module, const char* name, NativeFn make, NativeFn next) {
  Value type = new_type(t, name, "_collections", Layout::Instance, {}, false);
  if (!type) return {};
  add_staticmethod(t, type, "__new__", make);
  add_method(t, type, "__next__", next);
  add_method(t, type, "__iter__", dequeiter_iter);
  add_method(t, type, "__length_hint__", dequeiter_length_hint);
  add_method(t, type, "__reduce__", dequeiter_reduce);
  update_type_flags(type);
  module_set(t, module, name, type);
  return type;
}

} // namespace

bool add_deque_types(Thread& t, Value module) {
  Value deque = new_type(t, "deque", "collections", Layout::Instance);
  if (!deque) return false;
  // `match` sees a sequence; weakref.ref(deque) works.
  wr<TypeObject>(deque)->flags |= kSequence;
  make_weakrefable(deque);
  static const ModuleFunction kDeque[] = {
      {"__init__", deque_init},
      {"append", deque_append},
      {"appendleft", deque_appendleft},
      {"pop", deque_pop},
      {"popleft", deque_popleft},
      {"extend", deque_extend},
      {"extendleft", deque_extendleft},
      {"clear", deque_clear},
      {"rotate", deque_rotate},
      {"__len__", deque_len},
      {"__iter__", deque_iter},
      {"__reversed__", deque_reversed},
      {"__getitem__", deque_getitem},
      {"__setitem__", deque_setitem},
      {"__delitem__", deque_delitem},
      {"__contains__", deque_contains},
      {"count", deque_count},
      {"index", deque_index},
      {"remove", deque_remove},
      {"insert", deque_insert},
      {"reverse", deque_reverse},
      {"copy", deque_copy},
      {"__copy__", deque_copy},
      {"__iadd__", deque_iadd},
      {"__add__", deque_add},
      {"__mul__", deque_mul},
      {"__rmul__", deque_mul},
      {"__imul__", deque_imul},
      {"__repr__", deque_repr},
      {"__eq__", deque_eq},
      {"__ne__", deque_ne},
      {"__lt__", deque_lt},
      {"__le__", deque_le},
      {"__gt__", deque_gt},
      {"__ge__", deque_ge},
      {"__reduce__", deque_reduce},
  };
  for (const ModuleFunction& f : kDeque)
    add_method(t, deque, f.name, f.fn);
  mark_sequence_repeat(t, deque);
  add_staticmethod(t, deque, "__new__", deque_new);
  add_getter(t, deque, "maxlen", deque_maxlen);
  add_classmethod(t, deque, "__class_getitem__", class_getitem_self);
  add_attribute(t, deque, "__hash__", none());
  update_type_flags(deque);
  module_set(t, module, "deque", deque);
  return make_iterator_type(t, module, "_deque_iterator", dequeiter_new, dequeiter_next) &&
         make_iterator_type(t, module, "_deque_reverse_iterator", dequereviter_new,
                            dequereviter_next);
}

} // namespace interp
