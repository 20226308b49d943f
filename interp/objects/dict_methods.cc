// interp/objects/dict_methods.cc - the methods of dict, and its keys/values/items views.
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/objects/repr_guard.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

namespace interp {

namespace {

Value key_error(Thread& t, Value key) {
  Value a = tuple_from(t, &key, 1);
  if (!a) return {};
  Value e = exception_new(t, exc(E_KeyError), a);
  if (e) t.pending = e;
  return {};
}

INTERP_NATIVE(dict_len_method) {
  return Value::small_int(dict_length(args[0]));
}

INTERP_NATIVE(dict_getitem) {
  if (!check_positional(t, "dict.__getitem__", nargs, kwnames, 1, 1, 1)) return {};
  bool error;
  Value v = dict_get(t, args[0], args[1], error);
  if (v || error) return v;
  if (!is_exact(args[0], T_dict)) {
    Value missing = type_lookup(type_of(args[0]), name(N___missing__));
    if (missing) return vm::call_function_or_other(t, missing, args[0], &args[1], 1, {});
  }
  return key_error(t, args[1]);
}

INTERP_NATIVE(dict_setitem) {
  return dict_set(t, args[0], args[1], args[2]) ? none() : Value();
}

INTERP_NATIVE(dict_delitem) {
  int r = dict_del(t, args[0], args[1]);
  if (r < 0) return {};
  if (r == 0) return key_error(t, args[1]);
  return none();
}

INTERP_NATIVE(dict_contains) {
  if (!check_positional(t, "dict.__contains__", nargs, kwnames, 1, 1, 1)) return {};
  bool error;
  Value v = dict_get(t, args[0], args[1], error);
  if (error) return {};
  return py_bool(bool(v));
}

INTERP_NATIVE(dict_iter) {
  return iterator_new(t, T_dict_keyiterator, args[0]);
}

INTERP_NATIVE(dict_repr) {
  Value self = args[0];
  ReprGuard guard(self);
  if (guard.recursive()) return str_from_ascii(t, "{...}");
  if (dict_length(self) == 0) return str_from_ascii(t, "{}");
  std::string out = "{";
  std::int64_t pos = 0;
  Value k, v;
  bool first = true, ok = true;
  while (dict_next(self, pos, k, v)) {
    if (!first) out += ", ";
    first = false;
    Value rk = repr(t, k);
    Value rv = rk ? repr(t, v) : Value();
    if (!rv) {
      ok = false;
      break;
    }
    out += str_utf8(rk) + ": " + str_utf8(rv);
  }
  if (!ok) return {};
  return str_from_utf8(t, out + "}");
}

INTERP_NATIVE(dict_eq) {
  Value a = args[0], b = args[1];
  if (!dict_check(b)) return runtime().not_implemented;
  if (dict_length(a) != dict_length(b)) return runtime().false_;
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(a, pos, k, v)) {
    bool error;
    Value other = dict_get(t, b, k, error);
    if (error) return {};
    if (!other) return runtime().false_;
    int e = equal(t, v, other);
    if (e < 0) return {};
    if (!e) return runtime().false_;
  }
  return runtime().true_;
}

INTERP_NATIVE(dict_ne) {
  Value r = dict_eq(t, args, nargs, kwnames);
  if (!r || r == runtime().not_implemented) return r;
  return py_bool(r == runtime().false_);
}

INTERP_NATIVE(dict_get_method) {
  if (!check_positional(t, "get", nargs, kwnames, 1, 2)) return {};
  bool error;
  Value v = dict_get(t, args[0], args[1], error);
  if (v || error) return v;
  return nargs > 2 ? args[2] : none();
}

INTERP_NATIVE(dict_setdefault) {
  if (!check_positional(t, "setdefault", nargs, kwnames, 1, 2)) return {};
  return dict_setdefault(t, args[0], args[1], nargs > 2 ? args[2] : none());
}

INTERP_NATIVE(dict_pop) {
  if (!check_positional(t, "pop", nargs, kwnames, 1, 2)) return {};
  bool error;
  Value v = dict_get(t, args[0], args[1], error);
  if (error) return {};
  if (!v) {
    if (nargs > 2) return args[2];
    return key_error(t, args[1]);
  }
  if (dict_del(t, args[0], args[1]) < 0) return {};
  return v;
}

INTERP_NATIVE(dict_popitem) {
  if (!check_positional(t, "popitem", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  if (dict_length(self) == 0) return raise(t, exc(E_KeyError), "popitem(): dictionary is empty");
  std::int64_t pos = 0;
  Value k, v, last_k, last_v;
  while (dict_next(self, pos, k, v)) {
    last_k = k;
    last_v = v;
  }
  if (dict_del(t, self, last_k) < 0) return {};
  Value items[2] = {last_k, last_v};
  return tuple_from(t, items, 2);
}

bool update_with_kwargs(Thread& t, Value self, const Value* args, std::size_t nargs,
                        Value kwnames) {
  std::size_t nkw = keyword_count(kwnames);
  for (std::size_t i = 0; i < nkw; ++i)
    if (!dict_set(t, self, tuple_item(kwnames, std::int64_t(i)), args[nargs - nkw + i]))
      return false;
  return true;
}

INTERP_NATIVE(dict_update_method) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 2)
    return raisef(t, exc(E_TypeError), "update expected at most 1 argument, got %zu", npos - 1);
  if (npos == 2 && !dict_update(t, args[0], args[1])) {
    if (matches(t, exc(E_TypeError)) && !dict_check(args[1])) {
      Value e = t.pending;
      (void)e;
    }
    return {};
  }
  return update_with_kwargs(t, args[0], args, nargs, kwnames) ? none() : Value();
}

INTERP_NATIVE(dict_init) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 2)
    return raisef(t, exc(E_TypeError), "dict expected at most 1 argument, got %zu", npos - 1);
  if (npos == 2) {
    Value arg = args[1];
    bool ok;
    if (!dict_check(arg) && !getattr_opt(t, arg, name(N_keys))) {
      if (t.pending) return {};
      Value it = iter(t, arg);
      if (!it) {
        if (matches(t, exc(E_TypeError))) {
          clear_pending(t);
          raisef(t, exc(E_TypeError), "'%s' object is not iterable", type_name_of(arg).c_str());
        }
        return {};
      }
    }
    ok = dict_update(t, args[0], arg);
    if (!ok) return {};
  }
  return update_with_kwargs(t, args[0], args, nargs, kwnames) ? none() : Value();
}

INTERP_NATIVE(dict_new_method) {
  return allocate(t, Layout::Dict, args[0], sizeof(DictObject));
}

INTERP_NATIVE(dict_clear) {
  if (!check_positional(t, "dict.clear", nargs, kwnames, 0, 0)) return {};
  DictObject* d = wr<DictObject>(args[0]);
  d->length = 0;
  d->storage = {};
  return none();
}

INTERP_NATIVE(dict_copy_method) {
  if (!check_positional(t, "dict.copy", nargs, kwnames, 0, 0)) return {};
  return dict_copy(t, args[0]);
}

INTERP_NATIVE(dict_fromkeys) {
  if (keyword_count(kwnames))
    return raisef(t, exc(E_TypeError), "%s.fromkeys() takes no keyword arguments",
                  type_name(args[0]).c_str());
  if (!check_positional(t, "fromkeys", nargs, kwnames, 1, 2)) return {};
  Value d = call0(t, args[0]);
  if (!d) return {};
  Value value = nargs > 2 ? args[2] : none();
  Value keys = args[1];
  // From a set or a dict into a plain dict, the keys' kept hashes serve: no __hash__ runs.
  if (is_exact(d, T_dict) && keys.is_object() &&
      (is_exact(keys, T_set) || is_exact(keys, T_frozenset) || is_exact(keys, T_dict))) {
    bool is_set = !is_exact(keys, T_dict);
    std::int64_t pos = 0, h;
    Value k, ignored;
    while (is_set ? set_next_hashed(keys, pos, k, h) : dict_next_hashed(keys, pos, k, ignored, h))
      if (!dict_set_hashed(t, d, k, h, value)) return {};
    return d;
  }
  Value it = iter(t, keys);
  if (!it) return {};
  for (;;) {
    Value k = next(t, it);
    if (!k) return t.pending ? Value() : d;
    // A subclass's own __setitem__ sees the keys.
    if (!(is_exact(d, T_dict) ? dict_set(t, d, k, value) : setitem(t, d, k, value))) return {};
  }
}

INTERP_NATIVE(dict_or) {
  if (!dict_check(args[1])) return runtime().not_implemented;
  Value d = dict_copy(t, args[0]);
  if (!d || !dict_update(t, d, args[1])) return {};
  return d;
}

INTERP_NATIVE(dict_ror) {
  if (!dict_check(args[1])) return runtime().not_implemented;
  Value d = dict_copy(t, args[1]);
  if (!d || !dict_update(t, d, args[0])) return {};
  return d;
}

INTERP_NATIVE(dict_ior) {
  if (!dict_update(t, args[0], args[1])) return {};
  return args[0];
}

Value make_view(Thread& t, Value dict, TypeId type) {
  Value v = allocate(t, Layout::Iterator, type_value(type), sizeof(IteratorObject));
  if (v) fresh<IteratorObject>(v)->seq = dict;
  return v;
}

INTERP_NATIVE(dict_keys) {
  if (!check_positional(t, "dict.keys", nargs, kwnames, 0, 0)) return {};
  return make_view(t, args[0], T_dict_keys);
}
INTERP_NATIVE(dict_values) {
  if (!check_positional(t, "dict.values", nargs, kwnames, 0, 0)) return {};
  return make_view(t, args[0], T_dict_values);
}
INTERP_NATIVE(dict_items) {
  if (!check_positional(t, "dict.items", nargs, kwnames, 0, 0)) return {};
  return make_view(t, args[0], T_dict_items);
}

INTERP_NATIVE(view_len) {
  return Value::small_int(dict_length(rd<IteratorObject>(args[0])->seq));
}

INTERP_NATIVE(view_iter) {
  Value type = type_of(args[0]);
  Value dict = rd<IteratorObject>(args[0])->seq;
  if (type == type_value(T_dict_keys)) return iterator_new(t, T_dict_keyiterator, dict);
  if (type == type_value(T_dict_values)) return iterator_new(t, T_dict_valueiterator, dict);
  return iterator_new(t, T_dict_itemiterator, dict);
}

INTERP_NATIVE(view_repr) {
  // A view in its own dict (d[k] = d.values()) shows as ... inside its own repr.
  ReprGuard guard(args[0]);
  if (guard.recursive()) return str_from_ascii(t, "...");
  Value list = list_of(t, args[0]);
  if (!list) return {};
  Value r = repr(t, list);
  if (!r) return {};
  return str_from_utf8(t, type_name(type_of(args[0])) + "(" + str_utf8(r) + ")");
}

INTERP_NATIVE(view_contains) {
  Value type = type_of(args[0]);
  Value dict = rd<IteratorObject>(args[0])->seq;
  if (type == type_value(T_dict_keys)) {
    bool error;
    Value v = dict_get(t, dict, args[1], error);
    if (error) return {};
    return py_bool(bool(v));
  }
  if (type == type_value(T_dict_items)) {
    if (!(args[1].is_object() && isinstance(args[1], T_tuple) && tuple_length(args[1]) == 2))
      return runtime().false_;
    bool error;
    Value v = dict_get(t, dict, tuple_item(args[1], 0), error);
    if (error) return {};
    if (!v) return runtime().false_;
    int e = equal(t, v, tuple_item(args[1], 1));
    if (e < 0) return {};
    return py_bool(e);
  }
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(dict, pos, k, v)) {
    int e = equal(t, v, args[1]);
    if (e < 0) return {};
    if (e) return runtime().true_;
  }
  return runtime().false_;
}

bool is_set_view(Value v) {
  if (!v.is_object()) return false;
  Value type = type_of(v);
  return type == type_value(T_dict_keys) || type == type_value(T_dict_items);
}

bool set_like(Value v) {
  return v.is_object() && (isinstance(v, T_set) || isinstance(v, T_frozenset) || is_set_view(v));
}

Value set_method(Thread& t, Value set, const char* method, Value arg) {
  Value f = type_lookup(type_value(T_set), intern_literal(t, method));
  return call2(t, f, set, arg);
}

// A new set of what `v` iterates over (a dict view's keys or items, or any iterable).
Value to_set(Thread& t, Value v) {
  Value s = set_new(t, false);
  if (!s) return {};
  if (!set_method(t, s, "update", v)) return {};
  return s;
}

// Every item of `a` is in `b` (CPython's all_contained_in for view comparisons).
int all_contained_in(Thread& t, Value a, Value b) {
  Value it = iter(t, a);
  if (!it) return -1;
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? -1 : 1;
    int r = contains(t, b, x);
    if (r <= 0) return r;
  }
}

Value view_compare(Thread& t, Value a, Value b, bytecode::CompareOp op) {
  if (!set_like(b)) return runtime().not_implemented;
  std::int64_t na, nb;
  if (!length(t, a, na) || !length(t, b, nb)) return {};
  int r = 0;
  switch (op) {
  case bytecode::CompareOp::Eq:
  case bytecode::CompareOp::Ne:
    r = na == nb ? all_contained_in(t, a, b) : 0;
    if (r < 0) return {};
    return py_bool(op == bytecode::CompareOp::Eq ? r : !r);
  case bytecode::CompareOp::Lt:
    r = na < nb ? all_contained_in(t, a, b) : 0;
    break;
  case bytecode::CompareOp::Le:
    r = na <= nb ? all_contained_in(t, a, b) : 0;
    break;
  case bytecode::CompareOp::Gt:
    r = na > nb ? all_contained_in(t, b, a) : 0;
    break;
  default:
    r = na >= nb ? all_contained_in(t, b, a) : 0;
    break;
  }
  if (r < 0) return {};
  return py_bool(r);
}

#define VIEW_COMPARE(fn_name, op)                                                                  \
  INTERP_NATIVE(fn_name) {                                                                         \
    return view_compare(t, args[0], args[1], bytecode::CompareOp::op);                             \
  }
VIEW_COMPARE(view_eq, Eq)
VIEW_COMPARE(view_ne, Ne)
VIEW_COMPARE(view_lt, Lt)
VIEW_COMPARE(view_le, Le)
VIEW_COMPARE(view_gt, Gt)
VIEW_COMPARE(view_ge, Ge)

// The set operators of keys and items views take any iterable on either side; the
// reflected forms run with the operands swapped, as CPython's number slots do.
Value view_sub(Thread& t, Value a, Value b) {
  Value r = to_set(t, a);
  if (!r || !set_method(t, r, "difference_update", b)) return {};
  return r;
}
Value view_or(Thread& t, Value a, Value b) {
  Value r = to_set(t, a);
  if (!r || !set_method(t, r, "update", b)) return {};
  return r;
}
Value view_xor(Thread& t, Value a, Value b) {
  Value r = to_set(t, a);
  if (!r || !set_method(t, r, "symmetric_difference_update", b)) return {};
  return r;
}
Value view_and(Thread& t, Value a, Value b) {
  if (!is_set_view(a)) std::swap(a, b);
  std::int64_t na;
  if (!length(t, a, na)) return {};
  if (b.is_object() && is_exact(b, T_set) && na <= rd<SetObject>(b)->length)
    return set_method(t, b, "intersection", a);
  if (is_set_view(b)) {
    std::int64_t nb;
    if (!length(t, b, nb)) return {};
    if (nb > na) std::swap(a, b);
  }
  Value result = set_new(t, false);
  if (!result) return {};
  Value it = iter(t, b);
  if (!it) return {};
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? Value() : result;
    int r = contains(t, a, x);
    if (r < 0) return {};
    if (r && !set_add(t, result, x)) return {};
  }
}

#define VIEW_BINARY(fn_name, impl)                                                                 \
  INTERP_NATIVE(fn_name) {                                                                         \
    return impl(t, args[0], args[1]);                                                              \
  }                                                                                                \
  INTERP_NATIVE(fn_name##_reflected) {                                                             \
    return impl(t, args[1], args[0]);                                                              \
  }
VIEW_BINARY(view_sub_method, view_sub)
VIEW_BINARY(view_or_method, view_or)
VIEW_BINARY(view_xor_method, view_xor)
VIEW_BINARY(view_and_method, view_and)

INTERP_NATIVE(view_isdisjoint) {
  if (!check_positional(t, "isdisjoint", nargs, kwnames, 1, 1)) return {};
  Value self = args[0], other = args[1];
  if (self == other) return py_bool(dict_length(rd<IteratorObject>(self)->seq) == 0);
  if (set_like(other)) {
    std::int64_t na, nb;
    if (!length(t, self, na) || !length(t, other, nb)) return {};
    if (nb > na) std::swap(self, other);
  }
  Value it = iter(t, other);
  if (!it) return {};
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? Value() : runtime().true_;
    int r = contains(t, self, x);
    if (r < 0) return {};
    if (r) return runtime().false_;
  }
}

INTERP_NATIVE(view_reversed) {
  Value type = type_of(args[0]);
  Value dict = rd<IteratorObject>(args[0])->seq;
  Value items = list_new(t);
  if (!items) return {};
  std::int64_t pos = 0;
  Value k, v;
  TypeId reverse_type = T_dict_reversekeyiterator;
  if (type == type_value(T_dict_values)) reverse_type = T_dict_reversevalueiterator;
  if (type == type_value(T_dict_items)) reverse_type = T_dict_reverseitemiterator;
  while (dict_next(dict, pos, k, v)) {
    Value item = k;
    if (type == type_value(T_dict_values)) {
      item = v;
    } else if (type == type_value(T_dict_items)) {
      Value pair[2] = {k, v};
      item = tuple_from(t, pair, 2);
      if (!item) return {};
    }
    if (!list_append(t, items, item)) return {};
  }
  return iterator_new(t, reverse_type, items);
}

// The dict a view shows (CPython wraps it in a read-only mappingproxy).
// Read-only, as in CPython: the view must not become a way to change its dict.
INTERP_NATIVE(view_mapping) {
  return mappingproxy_new(t, rd<IteratorObject>(args[0])->seq);
}

INTERP_NATIVE(dict_reversed) {
  Value keys = list_of(t, args[0]);
  if (!keys) return {};
  return iterator_new(t, T_dict_reversekeyiterator, keys);
}

} // namespace

void init_dict_type(Thread& t) {
  Value type = type_value(T_dict);
  const MethodDef methods[] = {
      {"__len__", dict_len_method},
      {"__getitem__", dict_getitem, MethodArgs::one},
      {"__setitem__", dict_setitem},
      {"__delitem__", dict_delitem},
      {"__contains__", dict_contains, MethodArgs::one},
      {"__iter__", dict_iter},
      {"__repr__", dict_repr},
      {"__eq__", dict_eq},
      {"__ne__", dict_ne},
      {"get", dict_get_method, MethodArgs::positional},
      {"setdefault", dict_setdefault, MethodArgs::positional},
      {"pop", dict_pop, MethodArgs::positional},
      {"popitem", dict_popitem, MethodArgs::none},
      {"update", dict_update_method},
      {"__init__", dict_init},
      {"clear", dict_clear, MethodArgs::none},
      {"copy", dict_copy_method, MethodArgs::none},
      {"__or__", dict_or},
      {"__ror__", dict_ror},
      {"__ior__", dict_ior},
      {"keys", dict_keys, MethodArgs::none},
      {"values", dict_values, MethodArgs::none},
      {"items", dict_items, MethodArgs::none},
      {"__reversed__", dict_reversed, MethodArgs::none},
  };
  add_methods(t, type, methods);
  add_staticmethod(t, type, "__new__", dict_new_method);
  add_classmethod(t, type, "fromkeys", dict_fromkeys);
  add_attribute(t, type, "__hash__", none());
  for (TypeId id : {T_dict_keys, T_dict_values, T_dict_items}) {
    Value v = type_value(id);
    add_method(t, v, "__len__", view_len);
    add_method(t, v, "__iter__", view_iter);
    add_method(t, v, "__repr__", view_repr);
    add_method(t, v, "__contains__", view_contains, MethodArgs::one);
    add_method(t, v, "__reversed__", view_reversed, MethodArgs::none);
    add_getter(t, v, "mapping", view_mapping);
  }
  for (TypeId id : {T_dict_keys, T_dict_items}) {
    Value v = type_value(id);
    const MethodDef set_ops[] = {
        {"__eq__", view_eq},
        {"__ne__", view_ne},
        {"__lt__", view_lt},
        {"__le__", view_le},
        {"__gt__", view_gt},
        {"__ge__", view_ge},
        {"__sub__", view_sub_method},
        {"__rsub__", view_sub_method_reflected},
        {"__or__", view_or_method},
        {"__ror__", view_or_method_reflected},
        {"__xor__", view_xor_method},
        {"__rxor__", view_xor_method_reflected},
        {"__and__", view_and_method},
        {"__rand__", view_and_method_reflected},
        {"isdisjoint", view_isdisjoint, MethodArgs::one},
    };
    add_methods(t, v, set_ops);
    add_attribute(t, v, "__hash__", none());
  }
}

} // namespace interp
