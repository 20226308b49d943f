// interp/objects/dict_methods.cc - the methods of dict, and its keys/values/items views.
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
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
  bool error;
  Value v = dict_get(t, args[0], args[1], error);
  if (error) return {};
  return py_bool(bool(v));
}

INTERP_NATIVE(dict_iter) {
  return iterator_new(t, T_dict_keyiterator, args[0]);
}

thread_local std::vector<std::uint64_t> dict_repr_in_progress;

INTERP_NATIVE(dict_repr) {
  Value self = args[0];
  for (std::uint64_t seen : dict_repr_in_progress)
    if (seen == self.bits()) return str_from_ascii(t, "{...}");
  if (dict_length(self) == 0) return str_from_ascii(t, "{}");
  dict_repr_in_progress.push_back(self.bits());
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
  dict_repr_in_progress.pop_back();
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
  bool error;
  Value v = dict_get(t, args[0], args[1], error);
  if (v || error) return v;
  Value d = nargs > 2 ? args[2] : none();
  return dict_set(t, args[0], args[1], d) ? d : Value();
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
  DictObject* d = wr<DictObject>(args[0]);
  d->length = 0;
  d->storage = {};
  return none();
}

INTERP_NATIVE(dict_copy_method) {
  return dict_copy(t, args[0]);
}

INTERP_NATIVE(dict_fromkeys) {
  if (!check_positional(t, "fromkeys", nargs, kwnames, 1, 2)) return {};
  Value d = call0(t, args[0]);
  if (!d) return {};
  Value value = nargs > 2 ? args[2] : none();
  Value it = iter(t, args[1]);
  if (!it) return {};
  for (;;) {
    Value k = next(t, it);
    if (!k) return t.pending ? Value() : d;
    if (!(dict_check(d) ? dict_set(t, d, k, value) : setitem(t, d, k, value))) return {};
  }
}

INTERP_NATIVE(dict_or) {
  if (!dict_check(args[1])) return runtime().not_implemented;
  Value d = dict_copy(t, args[0]);
  if (!d || !dict_update(t, d, args[1])) return {};
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
  return make_view(t, args[0], T_dict_keys);
}
INTERP_NATIVE(dict_values) {
  return make_view(t, args[0], T_dict_values);
}
INTERP_NATIVE(dict_items) {
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
  Value list = list_of(t, args[0]);
  if (!list) return {};
  Value r = repr(t, list);
  if (!r) return {};
  return str_from_utf8(t, type_name_of(args[0]) + "(" + str_utf8(r) + ")");
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

INTERP_NATIVE(view_eq) {
  Value type = type_of(args[0]);
  if (type == type_value(T_dict_values)) return py_bool(args[0] == args[1]);
  Value other = args[1];
  if (!(other.is_object() &&
        (isinstance(other, T_set) || isinstance(other, T_frozenset) ||
         type_of(other) == type_value(T_dict_keys) || type_of(other) == type_value(T_dict_items))))
    return runtime().not_implemented;
  Value a = set_new(t, false);
  Value b = set_new(t, false);
  if (!a || !b) return {};
  Value la = list_of(t, args[0]), lb = list_of(t, other);
  if (!la || !lb) return {};
  for (std::int64_t i = 0; i < list_length(la); ++i)
    if (!set_add(t, a, list_item(la, i))) return {};
  for (std::int64_t i = 0; i < list_length(lb); ++i)
    if (!set_add(t, b, list_item(lb, i))) return {};
  Value eq = type_lookup(type_value(T_set), name(N___eq__));
  return call2(t, eq, a, b);
}

INTERP_NATIVE(dict_reversed) {
  Value keys = list_of(t, args[0]);
  if (!keys) return {};
  return iterator_new(t, T_list_iterator, keys, kReversed);
}

} // namespace

void init_dict_type(Thread& t) {
  Value type = type_value(T_dict);
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry methods[] = {
      {"__len__", dict_len_method},
      {"__getitem__", dict_getitem},
      {"__setitem__", dict_setitem},
      {"__delitem__", dict_delitem},
      {"__contains__", dict_contains},
      {"__iter__", dict_iter},
      {"__repr__", dict_repr},
      {"__eq__", dict_eq},
      {"__ne__", dict_ne},
      {"get", dict_get_method},
      {"setdefault", dict_setdefault},
      {"pop", dict_pop},
      {"popitem", dict_popitem},
      {"update", dict_update_method},
      {"__init__", dict_init},
      {"clear", dict_clear},
      {"copy", dict_copy_method},
      {"__or__", dict_or},
      {"__ior__", dict_ior},
      {"keys", dict_keys},
      {"values", dict_values},
      {"items", dict_items},
      {"__reversed__", dict_reversed},
  };
  for (const Entry& e : methods)
    add_method(t, type, e.name, e.fn);
  add_staticmethod(t, type, "__new__", dict_new_method);
  add_classmethod(t, type, "fromkeys", dict_fromkeys);
  add_attribute(t, type, "__hash__", none());
  for (TypeId id : {T_dict_keys, T_dict_values, T_dict_items}) {
    Value v = type_value(id);
    add_method(t, v, "__len__", view_len);
    add_method(t, v, "__iter__", view_iter);
    add_method(t, v, "__repr__", view_repr);
    add_method(t, v, "__contains__", view_contains);
    add_method(t, v, "__eq__", view_eq);
  }
}

} // namespace interp
