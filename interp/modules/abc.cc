// interp/modules/abc.cc - the _abc module: the machinery of abc.ABCMeta (abstract method
// sets, virtual subclass registries and the caches of isinstance/issubclass answers).
//
// Without it abc.py falls back on _py_abc, which keeps its caches in WeakSets: every
// isinstance(x, collections.abc.Mapping) then ran a dozen Python frames, and its frames
// stood where typing's Protocol checks look for their callers.
//
// Each ABC holds an _abc_data object (cls._abc_impl) whose attributes are the registry, the
// positive and negative caches, and the negative cache's version. The three tables are
// dicts from id(class) to a weak reference to the class: a class that dies leaves an
// entry whose reference is dead, which never matches (ids are addresses in a heap that
// does not move objects). The invalidation counter, which register() bumps, lives in the
// _abc_data type's own dict: heap state, so a transaction that aborts rolls it back.
//
// _abc_init also sets the sequence and mapping flags that `match` tests, from a class's
// __abc_tpflags__ (collections.abc.Sequence and Mapping), and register() passes them to
// the registered class and the classes below it.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

namespace interp {

namespace {

// CPython's Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING, as __abc_tpflags__ holds them.
constexpr std::int64_t kAbcSequenceFlag = 1 << 5;
constexpr std::int64_t kAbcMappingFlag = 1 << 6;

Value data_type(Thread& t) {
  Value module = import_module(t, "_abc");
  return module ? getattr(t, module, intern_literal(t, "_abc_data")) : Value();
}

// The type's invalidation counter (a small int in its dict).
std::int64_t counter(Thread& t, Value type) {
  Value v = dict_get_str(rd<TypeObject>(type)->dict, name(N__abc_invalidation_counter));
  return v && v.is_small_int() ? v.small_int_value() : 0;
}

// cls._abc_impl, checked to be an _abc_data (the one type whose dict holds the counter).
Value impl_of(Thread& t, Value cls) {
  Value impl = getattr(t, cls, name(N__abc_impl));
  if (!impl) return {};
  Value type = type_of(impl);
  if (rd<TypeObject>(type)->flags & kHeapType ||
      !dict_get_str(rd<TypeObject>(type)->dict, name(N__abc_invalidation_counter)))
    return raise(t, exc(E_TypeError), "_abc_impl is set to a wrong type");
  return impl;
}

Value field(Value impl, NameId id) {
  Value dict = rd<Object>(impl)->dict;
  return dict ? dict_get_str(dict, name(id)) : Value();
}
// One of the impl's three tables; TypeError if something replaced it.
Value table_field(Thread& t, Value impl, NameId id) {
  Value table = field(impl, id);
  if (table && table.is_object() && is_exact(table, T_dict)) return table;
  return raise(t, exc(E_TypeError), "_abc_impl is set to a wrong type");
}
bool set_field(Thread& t, Value impl, NameId id, Value v) {
  return generic_setattr(t, impl, name(id), v);
}

// ---- weak tables: dicts from id(class) to a weak reference to it -------------------------

Value id_key(Thread& t, Value obj) {
  return int_from_i64(t, std::int64_t(obj.offset()));
}

int weak_contains(Thread& t, Value table, Value obj) {
  if (!table) return -1;
  if (!obj.is_object()) return 0;
  Value key = id_key(t, obj);
  if (!key) return -1;
  bool error = false;
  Value ref = dict_get(t, table, key, error);
  if (!ref) return error ? -1 : 0;
  return rd<WeakRefObject>(ref)->target == obj;
}

bool weak_add(Thread& t, Value table, Value obj) {
  Value key = table ? id_key(t, obj) : Value();
  Value ref = key ? call1(t, type_value(T_weakref), obj) : Value();
  return ref && dict_set(t, table, key, ref);
}

// The live classes of a table, oldest entry first.
Value weak_members(Thread& t, Value table) {
  Value members = table ? list_new(t) : Value();
  Value values = members ? call_method(t, table, N_values, nullptr, 0) : Value();
  Value refs = values ? list_of(t, values) : Value();
  if (!refs) return {};
  for (std::int64_t i = 0; i < list_length(refs); ++i)
    if (Value cls = rd<WeakRefObject>(list_item(refs, i))->target)
      if (!list_append(t, members, cls)) return {};
  return members;
}

// ---- collection flags ------------------------------------------------------------------------

// Gives `type` and every class below it that does not have it already the flag, as
// CPython's register() does.
void set_collection_flag(Value type, std::uint64_t flag) {
  std::uint64_t flags = rd<TypeObject>(type)->flags;
  if (!(flags & kHeapType) || (flags & kCollectionFlags) == flag) return;
  wr<TypeObject>(type)->flags = (flags & ~kCollectionFlags) | flag;
  Value below = rd<TypeObject>(type)->subclasses;
  if (!below) return;
  for (std::int64_t k = 0; k < list_length(below); ++k)
    if (Value sub = rd<WeakRefObject>(list_item(below, k))->target) set_collection_flag(sub, flag);
}

// ---- the functions ----------------------------------------------------------------------------

// cls.__abstractmethods__: the abstract attributes of its namespace, and the names its
// bases call abstract that are still abstract here.
bool compute_abstract_methods(Thread& t, Value cls) {
  Value abstracts = set_new(t, false);
  Value ns = abstracts ? getattr(t, cls, name(N___dict__)) : Value();
  Value keys = ns ? list_of(t, ns) : Value();
  if (!keys) return false;
  for (std::int64_t i = 0; i < list_length(keys); ++i) {
    Value key = list_item(keys, i);
    Value value = getitem(t, ns, key);
    if (!value) return false;
    int r = abstract_flag(t, value);
    if (r < 0 || (r && !set_add(t, abstracts, key))) return false;
  }
  Value bases = getattr(t, cls, name(N___bases__));
  if (!bases) return false;
  if (!(bases.is_object() && isinstance(bases, T_tuple)))
    return raise(t, exc(E_TypeError), "__bases__ is not tuple"), false;
  for (std::int64_t i = 0; i < tuple_length(bases); ++i) {
    Value inherited = getattr_opt(t, tuple_item(bases, i), name(N___abstractmethods__));
    if (!inherited) {
      if (t.pending) return false;
      continue;
    }
    Value names = list_of(t, inherited);
    if (!names) return false;
    for (std::int64_t k = 0; k < list_length(names); ++k) {
      Value key = list_item(names, k);
      Value value = getattr_opt(t, cls, key);
      if (!value) {
        if (t.pending) return false;
        continue;
      }
      int r = abstract_flag(t, value);
      if (r < 0 || (r && !set_add(t, abstracts, key))) return false;
    }
  }
  Value frozen = call1(t, type_value(T_frozenset), abstracts);
  return frozen && setattr(t, cls, name(N___abstractmethods__), frozen);
}

Value new_data(Thread& t) {
  Value type = data_type(t);
  Value impl = type ? call0(t, type) : Value();
  if (!impl) return {};
  for (NameId table : {N__abc_registry, N__abc_cache, N__abc_negative_cache}) {
    Value d = dict_new(t);
    if (!d || !set_field(t, impl, table, d)) return {};
  }
  if (!set_field(t, impl, N__abc_negative_cache_version, Value::small_int(counter(t, type))))
    return {};
  return impl;
}

INTERP_NATIVE(abc_init) {
  if (!check_positional(t, "_abc_init", nargs, kwnames, 1, 1, 0)) return {};
  Value cls = args[0];
  if (!compute_abstract_methods(t, cls)) return {};
  Value impl = new_data(t);
  if (!impl || !setattr(t, cls, name(N__abc_impl), impl)) return {};
  if (cls.is_object() && is_layout(cls, Layout::Type)) {
    Value dict = rd<TypeObject>(cls)->dict;
    Value flags_key = name(N___abc_tpflags__);
    if (Value flags = dict_get_str(dict, flags_key)) {
      if (flags.is_small_int()) {
        std::int64_t v = flags.small_int_value();
        if ((v & kAbcSequenceFlag) && (v & kAbcMappingFlag))
          return raise(t, exc(E_TypeError),
                       "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and "
                       "Py_TPFLAGS_MAPPING");
        std::uint64_t add =
            (v & kAbcSequenceFlag ? kSequence : 0) | (v & kAbcMappingFlag ? kMapping : 0);
        wr<TypeObject>(cls)->flags |= add;
      }
      if (dict_del(t, dict, flags_key) < 0) return {};
      type_modified(cls);
    }
  }
  return none();
}

INTERP_NATIVE(abc_register) {
  if (!check_positional(t, "_abc_register", nargs, kwnames, 2, 2, 0)) return {};
  Value cls = args[0], sub = args[1];
  if (!(sub.is_object() && is_layout(sub, Layout::Type)))
    return raise(t, exc(E_TypeError), "Can only register classes");
  int r = issubclass_of(t, sub, cls);
  if (r < 0) return {};
  if (r) return sub; // already a subclass
  // After the test above: X.register(X) is a no-op, not a cycle.
  r = issubclass_of(t, cls, sub);
  if (r < 0) return {};
  if (r) return raise(t, exc(E_RuntimeError), "Refusing to create an inheritance cycle");
  Value impl = impl_of(t, cls);
  if (!impl || !weak_add(t, table_field(t, impl, N__abc_registry), sub)) return {};
  Value type = type_of(impl);
  if (!dict_set(t, rd<TypeObject>(type)->dict, name(N__abc_invalidation_counter),
                Value::small_int(counter(t, type) + 1)))
    return {};
  if (is_layout(cls, Layout::Type))
    if (std::uint64_t flag = rd<TypeObject>(cls)->flags & kCollectionFlags)
      set_collection_flag(sub, flag);
  return sub;
}

Value call_check(Thread& t, Value cls, NameId check, Value arg) {
  return call_method(t, cls, check, &arg, 1);
}
Value call_named(Thread& t, Value obj, NameId method, const Value* args, std::size_t n) {
  Value bound = getattr(t, obj, name(method));
  return bound ? call(t, bound, args, n) : Value();
}

INTERP_NATIVE(abc_instancecheck) {
  if (!check_positional(t, "_abc_instancecheck", nargs, kwnames, 2, 2, 0)) return {};
  Value cls = args[0], instance = args[1];
  Value impl = impl_of(t, cls);
  if (!impl) return {};
  Value sub = getattr(t, instance, name(N___class__));
  if (!sub) return {};
  int in = weak_contains(t, table_field(t, impl, N__abc_cache), sub);
  if (in) return in < 0 ? Value() : runtime().true_;
  Value subtype = type_of(instance);
  if (subtype == sub) {
    Value version = field(impl, N__abc_negative_cache_version);
    if (version && version.is_small_int() &&
        version.small_int_value() == counter(t, type_of(impl))) {
      in = weak_contains(t, table_field(t, impl, N__abc_negative_cache), sub);
      if (in) return in < 0 ? Value() : runtime().false_;
    }
    return call_check(t, cls, N___subclasscheck__, sub);
  }
  Value r = call_check(t, cls, N___subclasscheck__, sub);
  if (!r) return {};
  int yes = truthy(t, r);
  if (yes < 0) return {};
  if (yes) return r;
  return call_check(t, cls, N___subclasscheck__, subtype);
}

INTERP_NATIVE(abc_subclasscheck) {
  if (!check_positional(t, "_abc_subclasscheck", nargs, kwnames, 2, 2, 0)) return {};
  Value cls = args[0], sub = args[1];
  if (!(sub.is_object() && is_layout(sub, Layout::Type)))
    return raise(t, exc(E_TypeError), "issubclass() arg 1 must be a class");
  Value impl = impl_of(t, cls);
  if (!impl) return {};
  Value cache = table_field(t, impl, N__abc_cache),
        negative = table_field(t, impl, N__abc_negative_cache);
  // 1. The cache of yes answers.
  int in = weak_contains(t, cache, sub);
  if (in) return in < 0 ? Value() : runtime().true_;
  // 2. The cache of no answers, emptied when a register() happened since it was filled.
  std::int64_t now = counter(t, type_of(impl));
  Value version = field(impl, N__abc_negative_cache_version);
  if (!version || !version.is_small_int() || version.small_int_value() < now) {
    Value fresh = dict_new(t);
    if (!fresh || !set_field(t, impl, N__abc_negative_cache, fresh) ||
        !set_field(t, impl, N__abc_negative_cache_version, Value::small_int(now)))
      return {};
    negative = fresh;
  } else {
    in = weak_contains(t, negative, sub);
    if (in) return in < 0 ? Value() : runtime().false_;
  }
  auto answer = [&](bool yes) -> Value {
    if (!weak_add(t, yes ? cache : negative, sub)) return {};
    return py_bool(yes);
  };
  // 3. The class's own hook.
  Value ok = call_named(t, cls, N___subclasshook__, &sub, 1);
  if (!ok) return {};
  if (ok == runtime().true_) return answer(true);
  if (ok == runtime().false_) return answer(false);
  if (ok != runtime().not_implemented)
    return raise(t, exc(E_AssertionError),
                 "__subclasshook__ must return either False, True, or NotImplemented");
  // 4. A real subclass.
  Value mro = rd<TypeObject>(sub)->mro;
  for (std::int64_t i = 0; mro && i < tuple_length(mro); ++i)
    if (tuple_item(mro, i) == cls) return answer(true);
  // 5. A registered class (answered, as CPython does, without filling the cache), or a
  // subclass of one.
  Value registry = table_field(t, impl, N__abc_registry);
  in = weak_contains(t, registry, sub);
  if (in) return in < 0 ? Value() : runtime().true_;
  Value registered = weak_members(t, registry);
  if (!registered) return {};
  for (std::int64_t i = 0; i < list_length(registered); ++i) {
    int r = issubclass_of(t, sub, list_item(registered, i));
    if (r < 0) return {};
    if (r) return answer(true);
  }
  // 6. A subclass of a subclass.
  Value subclasses = call_named(t, cls, N___subclasses__, nullptr, 0);
  Value list = subclasses ? list_of(t, subclasses) : Value();
  if (!list) return {};
  for (std::int64_t i = 0; i < list_length(list); ++i) {
    int r = issubclass_of(t, sub, list_item(list, i));
    if (r < 0) return {};
    if (r) return answer(true);
  }
  return answer(false);
}

INTERP_NATIVE(abc_get_dump) {
  if (!check_positional(t, "_get_dump", nargs, kwnames, 1, 1, 0)) return {};
  Value impl = impl_of(t, args[0]);
  if (!impl) return {};
  Value items[4];
  const NameId tables[3] = {N__abc_registry, N__abc_cache, N__abc_negative_cache};
  for (int i = 0; i < 3; ++i) {
    Value table = table_field(t, impl, tables[i]);
    Value values = table ? call_method(t, table, N_values, nullptr, 0) : Value();
    items[i] = values ? call1(t, type_value(T_set), values) : Value();
    if (!items[i]) return {};
  }
  items[3] = field(impl, N__abc_negative_cache_version);
  return tuple_from(t, items, 4);
}

Value reset(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* fname,
            std::initializer_list<NameId> tables) {
  if (!check_positional(t, fname, nargs, kwnames, 1, 1, 0)) return {};
  Value impl = impl_of(t, args[0]);
  if (!impl) return {};
  for (NameId table : tables) {
    Value d = dict_new(t);
    if (!d || !set_field(t, impl, table, d)) return {};
  }
  return none();
}

INTERP_NATIVE(abc_reset_registry) {
  return reset(t, args, nargs, kwnames, "_reset_registry", {N__abc_registry});
}

INTERP_NATIVE(abc_reset_caches) {
  return reset(t, args, nargs, kwnames, "_reset_caches", {N__abc_cache, N__abc_negative_cache});
}

INTERP_NATIVE(abc_get_cache_token) {
  if (!check_positional(t, "get_cache_token", nargs, kwnames, 0, 0, 0)) return {};
  Value type = data_type(t);
  return type ? Value::small_int(counter(t, type)) : Value();
}

} // namespace

Value make_abc_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"_abc_init", abc_init},
      {"_abc_register", abc_register},
      {"_abc_instancecheck", abc_instancecheck},
      {"_abc_subclasscheck", abc_subclasscheck},
      {"_get_dump", abc_get_dump},
      {"_reset_registry", abc_reset_registry},
      {"_reset_caches", abc_reset_caches},
      {"get_cache_token", abc_get_cache_token},
  };
  Value m = new_module(t, "_abc", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value data = new_type(t, "_abc_data", "_abc", Layout::Instance);
  if (!data) return {};
  wr<TypeObject>(data)->flags &= ~std::uint64_t(kNoInstanceDict);
  update_type_flags(data);
  add_attribute(t, data, "_abc_invalidation_counter", Value::small_int(0));
  module_set(t, m, "_abc_data", data);
  return m;
}

} // namespace interp
