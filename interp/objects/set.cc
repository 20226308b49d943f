// interp/objects/set.cc - the set and frozenset types, over the dict's hash table (keys
// only; values are unused).
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

namespace interp {

Value set_new(Thread& t, bool frozen) {
  Value s = allocate(t, Layout::Set, type_value(frozen ? T_frozenset : T_set), sizeof(SetObject));
  if (!s) return {};
  fresh<SetObject>(s)->frozen = frozen;
  fresh<SetObject>(s)->hash = -1;
  return s;
}

// The table code is the dict's: a set's first fields have the dict's shape.
bool set_add(Thread& t, Value set, Value key) {
  return dict_set(t, set, key, none());
}

int set_contains(Thread& t, Value set, Value key) {
  bool error;
  Value v = dict_get(t, set, key, error);
  if (error) return -1;
  return v ? 1 : 0;
}

namespace {

INTERP_NATIVE(set_len) {
  return Value::small_int(rd<SetObject>(args[0])->length);
}

INTERP_NATIVE(set_contains_method) {
  int r = set_contains(t, args[0], args[1]);
  if (r < 0) {
    // An unhashable set is looked up as a frozenset, as CPython does.
    if (matches(t, exc(E_TypeError)) && args[1].is_object() && isinstance(args[1], T_set)) {
      clear_pending(t);
      return runtime().false_;
    }
    return {};
  }
  return py_bool(r);
}

INTERP_NATIVE(set_iter) {
  return iterator_new(t, T_set_iterator, args[0]);
}

INTERP_NATIVE(set_add_method) {
  if (!check_positional(t, "set.add", nargs, kwnames, 1, 1)) return {};
  return set_add(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(set_repr) {
  Value self = args[0];
  bool frozen = !is_exact(self, T_set);
  std::int64_t n = rd<SetObject>(self)->length;
  std::string tname = type_name_of(self);
  if (n == 0) return str_from_utf8(t, tname + "()");
  std::string out = frozen || tname != "set" ? tname + "({" : "{";
  std::int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(self, pos, k, v)) {
    if (!first) out += ", ";
    first = false;
    Value r = repr(t, k);
    if (!r) return {};
    out += str_utf8(r);
  }
  out += frozen || tname != "set" ? "})" : "}";
  return str_from_utf8(t, out);
}

bool set_update_from(Thread& t, Value self, Value iterable) {
  Value it = iter(t, iterable);
  if (!it) return false;
  for (;;) {
    Value x = next(t, it);
    if (!x) return !t.pending;
    if (!set_add(t, self, x)) return false;
  }
}

INTERP_NATIVE(set_new_method) {
  bool frozen = is_subtype(args[0], type_value(T_frozenset));
  Value s = allocate(t, Layout::Set, args[0], sizeof(SetObject));
  if (!s) return {};
  fresh<SetObject>(s)->frozen = frozen;
  fresh<SetObject>(s)->hash = -1;
  if (frozen && nargs > 1 && !set_update_from(t, s, args[1])) return {};
  return s;
}

INTERP_NATIVE(set_init) {
  if (!check_positional(t, "set", nargs, kwnames, 0, 1)) return {};
  if (is_subtype(type_of(args[0]), type_value(T_frozenset))) return none();
  if (nargs > 1 && !set_update_from(t, args[0], args[1])) return {};
  return none();
}

INTERP_NATIVE(set_eq) {
  Value a = args[0], b = args[1];
  if (!(b.is_object() && (isinstance(b, T_set) || isinstance(b, T_frozenset))))
    return runtime().not_implemented;
  if (rd<SetObject>(a)->length != rd<SetObject>(b)->length) return runtime().false_;
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(a, pos, k, v)) {
    int r = set_contains(t, b, k);
    if (r < 0) return {};
    if (!r) return runtime().false_;
  }
  return runtime().true_;
}

INTERP_NATIVE(set_discard) {
  if (!check_positional(t, "discard", nargs, kwnames, 1, 1)) return {};
  return dict_del(t, args[0], args[1]) < 0 ? Value() : none();
}

INTERP_NATIVE(set_remove) {
  if (!check_positional(t, "remove", nargs, kwnames, 1, 1)) return {};
  int r = dict_del(t, args[0], args[1]);
  if (r < 0) return {};
  if (r == 0) {
    Value a = tuple_from(t, &args[1], 1);
    if (!a) return {};
    Value e = exception_new(t, exc(E_KeyError), a);
    if (e) t.pending = e;
    return {};
  }
  return none();
}

INTERP_NATIVE(set_hash) {
  if (!is_subtype(type_of(args[0]), type_value(T_frozenset)))
    return raisef(t, exc(E_TypeError), "unhashable type: '%s'", type_name_of(args[0]).c_str());
  std::uint64_t h = 1927868237ull * std::uint64_t(rd<SetObject>(args[0])->length + 1);
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(args[0], pos, k, v)) {
    std::int64_t kh;
    if (!hash(t, k, kh)) return {};
    std::uint64_t x = std::uint64_t(kh);
    h ^= ((x ^ 89869747ull) ^ (x << 16)) * 3644798167ull;
  }
  h = h * 69069u + 907133923ull;
  std::int64_t r = std::int64_t(h);
  if (r == -1) r = 590923713;
  return int_from_i64(t, r);
}

} // namespace

void init_set_types(Thread& t) {
  for (TypeId id : {T_set, T_frozenset}) {
    Value type = type_value(id);
    add_method(t, type, "__len__", set_len);
    add_method(t, type, "__contains__", set_contains_method);
    add_method(t, type, "__iter__", set_iter);
    add_method(t, type, "__repr__", set_repr);
    add_method(t, type, "__eq__", set_eq);
    add_staticmethod(t, type, "__new__", set_new_method);
    add_method(t, type, "__init__", set_init);
  }
  add_method(t, type_value(T_set), "add", set_add_method);
  add_method(t, type_value(T_set), "discard", set_discard);
  add_method(t, type_value(T_set), "remove", set_remove);
  add_attribute(t, type_value(T_set), "__hash__", none());
  add_method(t, type_value(T_frozenset), "__hash__", set_hash);
}

} // namespace interp
