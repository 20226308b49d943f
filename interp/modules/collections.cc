// interp/modules/collections.cc - the _collections module: deque and defaultdict
// (OrderedDict comes from collections/__init__.py's Python version).
//
// A deque is an Instance-layout object carrying a list of its items and its maxlen; the
// list's own methods do the work, so appendleft/popleft cost O(n) for now.
// A defaultdict is a Dict-layout object with one more word, its default_factory.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

namespace interp {

namespace {

struct DequeObject : Object {
  Value items;  // list
  Value maxlen; // None or a small int
};

struct DefaultDictObject : DictObject {
  Value factory; // None or a callable
};

Value items_of(Value deque) {
  return rd<DequeObject>(deque)->items;
}

// list.<method>(*args) on the deque's list.
Value list_call(Thread& t, Value list, const char* method, const Value* args, std::size_t n) {
  Value m = getattr(t, list, intern_literal(t, method));
  return m ? call(t, m, args, n) : Value();
}

std::int64_t maxlen_of(Value deque) {
  Value m = rd<DequeObject>(deque)->maxlen;
  return m && m.is_small_int() ? m.small_int_value() : -1;
}

// Drops items from the given end until the deque fits its maxlen.
bool trim(Thread& t, Value deque, bool from_left) {
  std::int64_t maxlen = maxlen_of(deque);
  if (maxlen < 0) return true;
  Value items = items_of(deque);
  while (list_length(items) > maxlen) {
    Value where = Value::small_int(from_left ? 0 : -1);
    if (!list_call(t, items, "pop", &where, 1)) return false;
  }
  return true;
}

INTERP_NATIVE(deque_new) {
  Value d = allocate(t, Layout::Instance, args[0], sizeof(DequeObject));
  if (!d) return {};
  Value items = list_new(t);
  if (!items) return {};
  fresh<DequeObject>(d)->items = items;
  fresh<DequeObject>(d)->maxlen = none();
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
  if (maxlen && maxlen != none()) {
    std::int64_t m;
    if (!index_to_i64(t, maxlen, m)) return {};
    if (m < 0) return raise(t, exc(E_ValueError), "maxlen must be non-negative");
    wr<DequeObject>(self)->maxlen = Value::small_int(m);
  } else {
    wr<DequeObject>(self)->maxlen = none();
  }
  Value items = list_new(t);
  if (!items) return {};
  wr<DequeObject>(self)->items = items;
  if (iterable && iterable != none()) {
    Value all = list_of(t, iterable);
    if (!all || !list_call(t, items, "extend", &all, 1)) return {};
    if (!trim(t, self, true)) return {};
  }
  return none();
}

INTERP_NATIVE(deque_append) {
  if (!check_positional(t, "append", nargs, kwnames, 1, 1)) return {};
  if (!list_append(t, items_of(args[0]), args[1])) return {};
  return trim(t, args[0], true) ? none() : Value();
}

INTERP_NATIVE(deque_appendleft) {
  if (!check_positional(t, "appendleft", nargs, kwnames, 1, 1)) return {};
  Value a[2] = {Value::small_int(0), args[1]};
  if (!list_call(t, items_of(args[0]), "insert", a, 2)) return {};
  return trim(t, args[0], false) ? none() : Value();
}

INTERP_NATIVE(deque_pop) {
  if (!check_positional(t, "pop", nargs, kwnames, 0, 0)) return {};
  if (list_length(items_of(args[0])) == 0)
    return raise(t, exc(E_IndexError), "pop from an empty deque");
  return list_call(t, items_of(args[0]), "pop", nullptr, 0);
}

INTERP_NATIVE(deque_popleft) {
  if (!check_positional(t, "popleft", nargs, kwnames, 0, 0)) return {};
  if (list_length(items_of(args[0])) == 0)
    return raise(t, exc(E_IndexError), "pop from an empty deque");
  Value zero = Value::small_int(0);
  return list_call(t, items_of(args[0]), "pop", &zero, 1);
}

INTERP_NATIVE(deque_extend) {
  if (!check_positional(t, "extend", nargs, kwnames, 1, 1)) return {};
  Value all = list_of(t, args[1]);
  if (!all || !list_call(t, items_of(args[0]), "extend", &all, 1)) return {};
  return trim(t, args[0], true) ? none() : Value();
}

INTERP_NATIVE(deque_extendleft) {
  if (!check_positional(t, "extendleft", nargs, kwnames, 1, 1)) return {};
  Value all = list_of(t, args[1]);
  if (!all) return {};
  for (std::int64_t i = 0; i < list_length(all); ++i) {
    Value a[2] = {Value::small_int(0), list_item(all, i)};
    if (!list_call(t, items_of(args[0]), "insert", a, 2)) return {};
  }
  return trim(t, args[0], false) ? none() : Value();
}

INTERP_NATIVE(deque_clear) {
  return list_call(t, items_of(args[0]), "clear", nullptr, 0);
}

INTERP_NATIVE(deque_rotate) {
  if (!check_positional(t, "rotate", nargs, kwnames, 0, 1)) return {};
  std::int64_t n = 1;
  if (nargs > 1 && !index_to_i64(t, args[1], n)) return {};
  Value items = items_of(args[0]);
  std::int64_t len = list_length(items);
  if (len <= 1) return none();
  n %= len;
  if (n < 0) n += len;
  if (n == 0) return none();
  Value copy = list_of(t, items);
  if (!copy) return {};
  for (std::int64_t i = 0; i < len; ++i)
    list_set_item(items, (i + n) % len, list_item(copy, i));
  return none();
}

INTERP_NATIVE(deque_len) {
  return Value::small_int(list_length(items_of(args[0])));
}

INTERP_NATIVE(deque_iter) {
  return iter(t, items_of(args[0]));
}

INTERP_NATIVE(deque_reversed) {
  Value r = list_of(t, items_of(args[0]));
  if (!r || !list_call(t, r, "reverse", nullptr, 0)) return {};
  return iter(t, r);
}

// A deque subscript as an integer, with the errors of CPython's sequence protocol, which
// deques index through.
bool deque_index(Thread& t, Value key, std::int64_t& out) {
  if (!key.is_small_int() && !int_check(key) && !lookup_special(t, key, N___index__)) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "sequence index must be integer, not '%s'",
             type_name_of(key).c_str());
    return false;
  }
  return index_key_to_i64(t, key, out);
}

INTERP_NATIVE(deque_getitem) {
  std::int64_t i;
  if (!deque_index(t, args[1], i)) return {};
  std::int64_t n = list_length(items_of(args[0]));
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "deque index out of range");
  return list_item(items_of(args[0]), i);
}

INTERP_NATIVE(deque_setitem) {
  std::int64_t i;
  if (!deque_index(t, args[1], i)) return {};
  std::int64_t n = list_length(items_of(args[0]));
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "deque index out of range");
  list_set_item(items_of(args[0]), i, args[2]);
  return none();
}

INTERP_NATIVE(deque_delitem) {
  std::int64_t i;
  if (!deque_index(t, args[1], i)) return {};
  std::int64_t n = list_length(items_of(args[0]));
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "deque index out of range");
  Value where = Value::small_int(i);
  return list_call(t, items_of(args[0]), "pop", &where, 1) ? none() : Value();
}

INTERP_NATIVE(deque_contains) {
  int r = contains(t, items_of(args[0]), args[1]);
  return r < 0 ? Value() : py_bool(r);
}

Value forward(Thread& t, const char* method, const Value* args, std::size_t nargs) {
  return list_call(t, items_of(args[0]), method, args + 1, nargs - 1);
}
INTERP_NATIVE(deque_count) {
  return forward(t, "count", args, nargs);
}
INTERP_NATIVE(deque_index) {
  Value r = forward(t, "index", args, nargs);
  if (!r && matches(t, exc(E_ValueError))) {
    clear_pending(t);
    return raisef(t, exc(E_ValueError), "%s is not in deque", repr_utf8(t, args[1]).c_str());
  }
  return r;
}
INTERP_NATIVE(deque_remove) {
  Value r = forward(t, "remove", args, nargs);
  if (!r && matches(t, exc(E_ValueError))) {
    clear_pending(t);
    return raise(t, exc(E_ValueError), "deque.remove(x): x not in deque");
  }
  return r;
}
INTERP_NATIVE(deque_insert) {
  if (maxlen_of(args[0]) >= 0 && list_length(items_of(args[0])) >= maxlen_of(args[0]))
    return raise(t, exc(E_IndexError), "deque already at its maximum size");
  return forward(t, "insert", args, nargs);
}
INTERP_NATIVE(deque_reverse) {
  return forward(t, "reverse", args, nargs);
}

INTERP_NATIVE(deque_copy) {
  Value cls = type_of(args[0]);
  Value a[2] = {items_of(args[0]), rd<DequeObject>(args[0])->maxlen};
  return call(t, cls, a, 2);
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
  Value deque = module_attr(t, "_collections", "deque");
  if (!deque) return {};
  if (!args[1].is_object() || !is_subtype(type_of(args[1]), deque)) {
    bool failed = false;
    if (Value r = try_reflected(t, args[0], args[1], "__radd__", failed); r || failed) return r;
    return raisef(t, exc(E_TypeError), "can only concatenate deque (not \"%s\") to deque",
                  type_name_of(args[1]).c_str());
  }
  Value copy = deque_copy(t, args, 1, {});
  if (!copy) return {};
  Value a[2] = {copy, args[1]};
  return deque_extend(t, a, 2, {}) ? copy : Value();
}

// The items repeated `args[1]` times in place, keeping the last maxlen of them.
Value repeat_in_place(Thread& t, Value self, Value times) {
  std::int64_t n = 0;
  if (!repeat_count(t, times, n)) return {};
  Value items = items_of(self);
  if (n <= 0) {
    if (!list_call(t, items, "clear", nullptr, 0)) return {};
    return self;
  }
  Value count = int_from_i64(t, n);
  Value repeated = count ? list_call(t, items, "__mul__", &count, 1) : Value();
  if (!repeated) return {};
  wr<DequeObject>(self)->items = repeated;
  return trim(t, self, true) ? self : Value();
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
  Value a[2] = {args[0], args[1]};
  if (!deque_extend(t, a, 2, {})) return {};
  return args[0];
}

INTERP_NATIVE(deque_repr) {
  Value r = repr(t, items_of(args[0]));
  if (!r) return {};
  std::string text = type_name(type_of(args[0])) + "(" + str_utf8(r);
  std::int64_t m = maxlen_of(args[0]);
  if (m >= 0) text += ", maxlen=" + std::to_string(m);
  return str_from_utf8(t, text + ")");
}

Value deque_cmp(Thread& t, const Value* args, bytecode::CompareOp op) {
  Value other = args[1];
  if (!other.is_object() || !is_subtype(type_of(other), type_of(args[0])) ||
      layout_of(other) != Layout::Instance)
    if (!(other.is_object() && type_lookup(type_of(other), intern_literal(t, "popleft"))))
      return runtime().not_implemented;
  return compare(t, items_of(args[0]), items_of(other), op);
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

INTERP_NATIVE(deque_reduce) {
  Value list = list_of(t, items_of(args[0]));
  if (!list) return {};
  Value inner[2] = {list, rd<DequeObject>(args[0])->maxlen};
  Value a = tuple_from(t, inner, 2);
  if (!a) return {};
  Value outer[2] = {type_of(args[0]), a};
  return tuple_from(t, outer, 2);
}

INTERP_NATIVE(class_getitem_self) {
  return args[0];
}

// ---- defaultdict
// ---------------------------------------------------------------------------------

INTERP_NATIVE(defaultdict_new) {
  Value d = allocate(t, Layout::Dict, args[0], sizeof(DefaultDictObject));
  if (d) fresh<DefaultDictObject>(d)->factory = none();
  return d;
}

INTERP_NATIVE(defaultdict_init) {
  std::size_t npos = nargs - keyword_count(kwnames);
  Value factory = none();
  std::size_t skip = 1;
  if (npos > 1) {
    factory = args[1];
    if (factory != none() && !is_callable(factory))
      return raise(t, exc(E_TypeError), "first argument must be callable or None");
    skip = 2;
  }
  wr<DefaultDictObject>(args[0])->factory = factory;
  Value init = type_lookup(type_value(T_dict), name(N___init__));
  std::vector<Value> rest;
  rest.push_back(args[0]);
  for (std::size_t i = skip; i < nargs; ++i)
    rest.push_back(args[i]);
  return call(t, init, rest.data(), rest.size(), kwnames);
}

INTERP_NATIVE(defaultdict_missing) {
  if (!check_positional(t, "defaultdict.__missing__", nargs, kwnames, 1, 1)) return {};
  Value factory = rd<DefaultDictObject>(args[0])->factory;
  if (factory == none()) {
    Value a = tuple_from(t, &args[1], 1);
    if (!a) return {};
    Value e = exception_new(t, exc(E_KeyError), a);
    return e ? raise_value(t, e) : Value();
  }
  Value v = call0(t, factory);
  if (!v || !setitem(t, args[0], args[1], v)) return {};
  return v;
}

INTERP_NATIVE(defaultdict_factory) {
  return rd<DefaultDictObject>(args[0])->factory;
}

// Any object may be the factory, as CPython's member allows; deleting it leaves None.
INTERP_NATIVE(defaultdict_set_factory) {
  wr<DefaultDictObject>(args[0])->factory = nargs > 1 ? args[1] : none();
  return none();
}

INTERP_NATIVE(defaultdict_repr) {
  Value plain = call1(t, type_lookup(type_value(T_dict), name(N___repr__)), args[0]);
  if (!plain) return {};
  Value factory = rd<DefaultDictObject>(args[0])->factory;
  std::string f = factory == none() ? "None" : repr_utf8(t, factory);
  return str_from_utf8(t, type_name(type_of(args[0])) + "(" + f + ", " + str_utf8(plain) + ")");
}

INTERP_NATIVE(defaultdict_copy) {
  Value factory = rd<DefaultDictObject>(args[0])->factory;
  Value a[2] = {factory, args[0]};
  return call(t, type_of(args[0]), a, 2);
}

INTERP_NATIVE(defaultdict_reduce) {
  Value factory = rd<DefaultDictObject>(args[0])->factory;
  Value fa = factory == none() ? runtime().empty_tuple : tuple_from(t, &factory, 1);
  Value items = getattr(t, args[0], name(N_items));
  Value it = items ? call0(t, items) : Value();
  it = it ? iter(t, it) : Value();
  if (!fa || !it) return {};
  Value parts[5] = {type_of(args[0]), fa, none(), none(), it};
  return tuple_from(t, parts, 5);
}

} // namespace

Value make_collections_module(Thread& t) {
  Value m = new_module(t, "_collections", nullptr, 0);
  if (!m) return {};
  Value deque = new_type(t, "deque", "collections", Layout::Instance);
  if (!deque) return {};
  wr<TypeObject>(deque)->flags |= kSequence | kNativeWeakref; // `match`, weakref.ref(deque)
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
  module_set(t, m, "deque", deque);

  Value dd = new_type(t, "defaultdict", "collections", Layout::Dict, type_value(T_dict));
  if (!dd) return {};
  add_staticmethod(t, dd, "__new__", defaultdict_new);
  add_method(t, dd, "__init__", defaultdict_init);
  add_method(t, dd, "__missing__", defaultdict_missing);
  add_method(t, dd, "__repr__", defaultdict_repr);
  add_method(t, dd, "copy", defaultdict_copy);
  add_method(t, dd, "__copy__", defaultdict_copy);
  add_method(t, dd, "__reduce__", defaultdict_reduce);
  add_getter(t, dd, "default_factory", defaultdict_factory, defaultdict_set_factory);
  update_type_flags(dd);
  module_set(t, m, "defaultdict", dd);
  return m;
}

} // namespace interp
