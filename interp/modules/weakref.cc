// interp/modules/weakref.cc - weak references (the weakref type, CPython's
// weakref.ReferenceType) and the _weakref module.
//
// A weak reference is a WeakRef-layout object whose `target` the collector does not
// trace and clears, in every view, once the target is dead (gc::kWeakReference, with the
// field's offset registered by the runtime). Reading the target is an ordinary read of
// the weak reference. A reference with a callback that outlives its target is queued by
// the collector, and the callback runs later as Python code (interp/vm/finalizers.cc).
// With no reference counts, that happens at the next collection after the last strong
// reference goes, not at once: programs call gc.collect() where they rely on it, as they
// do on PyPy.
//
// An object that takes weak references lists them, as CPython's tp_weaklist does, in a
// word of its own (weakref_list_word, type.cc) that holds *cells*: plain weak references
// with no callback, one to each weak reference made to the object, so that the listing
// keeps none of them alive. The word holds nothing, one cell (an object's first and often
// only reference), or a list: the cell of the basic reference (an exact weakref.ref
// without callback, which weakref.ref(x) hands out again while it lives) or None, that of
// the basic proxy (likewise for weakref.proxy(x)) or None, then the cells of the others,
// oldest first, so that each new one is appended. getweakrefs() gives them in CPython's
// order: the basic reference, the basic proxy, the others newest first. A reference the
// program dropped stays listed (getweakrefcount counts it) until a collection frees it,
// where CPython's reference count frees it at once; the cells of freed ones are dropped
// whenever the list has doubled.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

#include <cstdio>

namespace interp {

namespace {

bool is_proxy(Value v) {
  return v.is_object() && is_layout(v, Layout::WeakRef) && !isinstance(v, T_weakref);
}

// The live weak reference that a cell of `obj`'s listing stands for, or 0.
Value cell_ref(Value cell, Value obj) {
  if (!cell.is_object() || !is_layout(cell, Layout::WeakRef)) return {}; // None: no cell
  Value r = rd<WeakRefObject>(cell)->target;
  return r && rd<WeakRefObject>(r)->target == obj ? r : Value();
}

enum class RefKind { basic_ref, basic_proxy, other };
RefKind kind_of(Value ref) {
  if (rd<WeakRefObject>(ref)->callback) return RefKind::other;
  if (type_of(ref) == type_value(T_weakref)) return RefKind::basic_ref;
  return is_proxy(ref) ? RefKind::basic_proxy : RefKind::other;
}

bool is_cell(Value listing) {
  return listing.is_object() && is_layout(listing, Layout::WeakRef);
}

// The live basic reference or basic proxy of `obj`, or 0.
Value basic_of(Value listing, Value obj, RefKind kind) {
  if (!listing) return {};
  if (is_cell(listing)) {
    Value r = cell_ref(listing, obj);
    return r && kind_of(r) == kind ? r : Value();
  }
  std::int64_t at = kind == RefKind::basic_ref ? 0 : 1;
  return list_length(listing) > at ? cell_ref(list_item(listing, at), obj) : Value();
}

// Calls f(ref) for each live weak reference to `obj`, in CPython's order, until it
// returns false.
template <class F> void for_each_ref(Value obj, F f) {
  Value listing = takes_weakrefs(obj) ? *weakref_list_word(obj, false) : Value();
  if (!listing) return;
  if (is_cell(listing)) {
    if (Value r = cell_ref(listing, obj)) f(r);
    return;
  }
  std::int64_t n = list_length(listing);
  for (std::int64_t i = 0; i < n && i < 2; ++i)
    if (Value r = cell_ref(list_item(listing, i), obj))
      if (!f(r)) return;
  for (std::int64_t i = n - 1; i >= 2; --i)
    if (Value r = cell_ref(list_item(listing, i), obj))
      if (!f(r)) return;
}

// Drops the cells of other references that are gone, once the list has doubled in length
// since the last time (amortized: most lists never reach 8).
void prune_cells(Value list, Value obj) {
  std::int64_t n = list_length(list);
  if (n < 8 || (n & (n - 1))) return;
  std::int64_t kept = 2;
  for (std::int64_t i = 2; i < n; ++i) {
    Value cell = list_item(list, i);
    if (!cell_ref(cell, obj)) continue;
    if (kept != i) list_set_item(list, kept, cell);
    ++kept;
  }
  list_truncate(list, kept);
}

// Enters `cell` in `list` ([basic ref, basic proxy, others...]) by the kind of its reference.
bool place_cell(Thread& t, Value list, Value cell, RefKind kind, Value obj) {
  while (list_length(list) < 2)
    if (!list_append(t, list, none())) return false;
  if (kind != RefKind::other) {
    list_set_item(list, kind == RefKind::basic_ref ? 0 : 1, cell);
    return true;
  }
  prune_cells(list, obj);
  return list_append(t, list, cell);
}

// Lists `ref`, a new weak reference to `obj`.
bool note_ref(Thread& t, Value obj, Value ref) {
  Value cell = allocate(t, Layout::WeakRef, type_value(T_weakref), sizeof(WeakRefObject));
  if (!cell) return false;
  fresh<WeakRefObject>(cell)->target = ref;
  fresh<WeakRefObject>(cell)->hash = -1;
  RefKind kind = kind_of(ref);
  Value listing = *weakref_list_word(obj, false);
  if (!listing || (is_cell(listing) && !cell_ref(listing, obj))) {
    *weakref_list_word(obj, true) = cell;
    return true;
  }
  if (is_cell(listing)) { // a second reference: the one cell becomes a list
    Value list = list_new(t);
    Value first = cell_ref(listing, obj);
    if (!list || !first || !place_cell(t, list, listing, kind_of(first), obj)) return false;
    *weakref_list_word(obj, true) = list;
    listing = list;
  }
  return place_cell(t, listing, cell, kind, obj);
}

// weakref.ref(target, callback) of class `cls`, or a proxy of a proxy class: a basic one
// is handed out again while it lives.
Value make_ref(Thread& t, Value cls, Value target, Value callback, bool proxy = false) {
  if (!takes_weakrefs(target))
    return raisef(t, exc(E_TypeError), "cannot create weak reference to '%s' object",
                  type_name_of(target).c_str());
  if (callback == none()) callback = {};
  if (!callback && (proxy || cls == type_value(T_weakref))) {
    RefKind kind = proxy ? RefKind::basic_proxy : RefKind::basic_ref;
    if (Value again = basic_of(*weakref_list_word(target, false), target, kind)) return again;
  }
  Value r = allocate(t, Layout::WeakRef, cls, sizeof(WeakRefObject));
  if (!r) return {};
  WeakRefObject* o = fresh<WeakRefObject>(r);
  o->target = target;
  o->callback = callback;
  o->hash = -1;
  return note_ref(t, target, r) ? r : Value();
}

Value weakref_target(Value ref) {
  Value target = rd<WeakRefObject>(ref)->target;
  return target ? target : none();
}

INTERP_NATIVE(weakref_new) {
  // ref.__new__(cls, object, callback=None). A subclass's keywords are its __init__'s.
  std::size_t nkw = keyword_count(kwnames);
  if (nkw && args[0] == type_value(T_weakref))
    return raise(t, exc(E_TypeError), "ref() takes no keyword arguments");
  std::size_t npos = nargs - nkw;
  if (npos < 2 || npos > 3)
    return raisef(t, exc(E_TypeError), "__new__ expected at most 2 arguments, got %zu", npos - 1);
  return make_ref(t, args[0], args[1], npos > 2 ? args[2] : Value());
}

// ref.__init__(object, callback=None) checks its arguments as CPython's does ("O|O"); a
// subclass's keywords are its own __new__'s business.
INTERP_NATIVE(weakref_init) {
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos < 1)
    return raisef(t, exc(E_TypeError), "__init__ expected at least 1 argument, got %zu", npos);
  if (npos > 2)
    return raisef(t, exc(E_TypeError), "__init__ expected at most 2 arguments, got %zu", npos);
  return none();
}

INTERP_NATIVE(weakref_call) {
  if (!check_positional(t, "weakref", nargs, kwnames, 0, 0)) return {};
  return weakref_target(args[0]);
}

INTERP_NATIVE(weakref_hash) {
  Value self = args[0];
  std::int64_t cached = rd<WeakRefObject>(self)->hash;
  if (cached != -1) return int_from_i64(t, cached);
  Value target = rd<WeakRefObject>(self)->target;
  if (!target) return raise(t, exc(E_TypeError), "weak object has gone away");
  std::int64_t h;
  if (!hash(t, target, h)) return {};
  wr<WeakRefObject>(self)->hash = h;
  return int_from_i64(t, h);
}

// Two live references compare as their targets; otherwise by identity.
Value weakref_compare(Thread& t, Value a, Value b, bool eq) {
  if (!b.is_object() || !is_layout(b, Layout::WeakRef) || !isinstance(b, T_weakref))
    return runtime().not_implemented;
  Value ta = rd<WeakRefObject>(a)->target, tb = rd<WeakRefObject>(b)->target;
  if (!ta || !tb) return py_bool((a == b) == eq);
  return compare(t, ta, tb, eq ? bytecode::CompareOp::Eq : bytecode::CompareOp::Ne);
}

INTERP_NATIVE(weakref_eq) {
  return weakref_compare(t, args[0], args[1], true);
}
INTERP_NATIVE(weakref_ne) {
  return weakref_compare(t, args[0], args[1], false);
}

std::string address_of(Value v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(v.bits()));
  return buffer;
}

INTERP_NATIVE(weakref_repr) {
  Value self = args[0];
  Value target = rd<WeakRefObject>(self)->target;
  std::string text = "<weakref at " + address_of(self) + "; ";
  if (!target) {
    text += "dead>";
  } else {
    text += "to '" + type_name_of(target) + "' at " + address_of(target);
    Value n = getattr_opt(t, target, name(N___name__));
    if (t.pending) clear_pending(t);
    if (n && str_check(n)) text += " (" + str_utf8(n) + ")";
    text += ">";
  }
  return str_from_utf8(t, text);
}

INTERP_NATIVE(weakref_callback) {
  // As in CPython, a reference whose target is gone has no callback any more (the
  // callback has run, or is about to).
  const WeakRefObject* ref = rd<WeakRefObject>(args[0]);
  return ref->target && ref->callback ? ref->callback : none();
}

INTERP_NATIVE(weakref_class_getitem) {
  // A GenericAlias once that exists for builtin classes; the class itself meanwhile.
  return args[0];
}

// ---- the _weakref module ---------------------------------------------------------------------

INTERP_NATIVE(mod_getweakrefcount) {
  if (!check_positional(t, "getweakrefcount", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t count = 0;
  for_each_ref(args[0], [&](Value) {
    ++count;
    return true;
  });
  return Value::small_int(count);
}

INTERP_NATIVE(mod_getweakrefs) {
  if (!check_positional(t, "getweakrefs", nargs, kwnames, 1, 1, 0)) return {};
  Value out = list_new(t);
  if (!out) return {};
  bool ok = true;
  for_each_ref(args[0], [&](Value r) { return ok = list_append(t, out, r); });
  return ok ? out : Value();
}

INTERP_NATIVE(mod_remove_dead_weakref) {
  if (!check_positional(t, "_remove_dead_weakref", nargs, kwnames, 2, 2, 0)) return {};
  if (!dict_check(args[0]))
    return raisef(t, exc(E_TypeError), "_remove_dead_weakref() argument 1 must be dict, not %s",
                  type_name_of(args[0]).c_str());
  bool error = false;
  Value v = dict_get(t, args[0], args[1], error);
  if (error) return {};
  if (v && is_layout(v, Layout::WeakRef) && !rd<WeakRefObject>(v)->target) {
    if (dict_del(t, args[0], args[1]) < 0) return {};
  }
  return none();
}

// ---- proxies: WeakRef-layout objects of the proxy types that forward what is done to them
// to the target, or raise ReferenceError once it is gone ------------------------------------

Value proxy_target(Thread& t, Value proxy) {
  Value target = rd<WeakRefObject>(proxy)->target;
  if (!target)
    return raise(t, exception_type("ReferenceError"), "weakly-referenced object no longer exists");
  return target;
}

Value proxy_type_for(Thread& t, bool callable) {
  Value module = import_module(t, "_weakref");
  if (!module) return {};
  return getattr(t, module, intern_literal(t, callable ? "CallableProxyType" : "ProxyType"));
}

INTERP_NATIVE(mod_proxy) {
  if (!check_positional(t, "proxy", nargs, kwnames, 1, 2, 0)) return {};
  Value cls = proxy_type_for(t, is_callable(args[0]));
  if (!cls) return {};
  return make_ref(t, cls, args[0], nargs > 1 ? args[1] : Value(), true);
}

INTERP_NATIVE(proxy_getattribute) {
  Value target = proxy_target(t, args[0]);
  return target ? getattr(t, target, args[1]) : Value();
}
INTERP_NATIVE(proxy_setattr) {
  Value target = proxy_target(t, args[0]);
  return target && setattr(t, target, args[1], args[2]) ? none() : Value();
}
INTERP_NATIVE(proxy_delattr) {
  Value target = proxy_target(t, args[0]);
  return target && setattr(t, target, args[1], {}) ? none() : Value();
}
INTERP_NATIVE(proxy_repr) {
  Value target = rd<WeakRefObject>(args[0])->target;
  std::string text = "<weakproxy at " + address_of(args[0]) + "; ";
  text += target ? "to '" + type_name_of(target) + "' at " + address_of(target) + ">" : "dead>";
  return str_from_utf8(t, text);
}
INTERP_NATIVE(proxy_str) {
  Value target = proxy_target(t, args[0]);
  return target ? str(t, target) : Value();
}
INTERP_NATIVE(proxy_bool) {
  Value target = proxy_target(t, args[0]);
  if (!target) return {};
  int b = truthy(t, target);
  return b < 0 ? Value() : py_bool(b);
}
INTERP_NATIVE(proxy_len) {
  Value target = proxy_target(t, args[0]);
  std::int64_t n;
  if (!target || !length(t, target, n)) return {};
  return int_from_i64(t, n);
}
INTERP_NATIVE(proxy_iter) {
  Value target = proxy_target(t, args[0]);
  return target ? iter(t, target) : Value();
}
INTERP_NATIVE(proxy_getitem) {
  Value target = proxy_target(t, args[0]);
  return target ? getitem(t, target, args[1]) : Value();
}
INTERP_NATIVE(proxy_setitem) {
  Value target = proxy_target(t, args[0]);
  return target && setitem(t, target, args[1], args[2]) ? none() : Value();
}
INTERP_NATIVE(proxy_contains) {
  Value target = proxy_target(t, args[0]);
  if (!target) return {};
  int r = contains(t, target, args[1]);
  return r < 0 ? Value() : py_bool(r);
}
INTERP_NATIVE(proxy_eq) {
  Value target = proxy_target(t, args[0]);
  if (!target) return {};
  Value other = args[1];
  if (other.is_object() && is_layout(other, Layout::WeakRef) && !isinstance(other, T_weakref)) {
    other = proxy_target(t, other);
    if (!other) return {};
  }
  return compare(t, target, other, bytecode::CompareOp::Eq);
}
Value builtin(Thread& t, const char* name) {
  return getattr(t, runtime().builtins_module, intern_literal(t, name));
}

// The object a proxy stands for, or the operand itself: operators on two proxies work on
// both targets, as CPython's.
Value unwrap(Thread& t, Value v) {
  return is_proxy(v) ? proxy_target(t, v) : v;
}

template <bytecode::BinaryOp Op, bool Reflected>
Value proxy_binary(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, "operator", nargs, kwnames, 1, 2)) return {};
  Value a = unwrap(t, args[0]);
  Value b = a ? unwrap(t, args[1]) : Value();
  if (!b) return {};
  if (Reflected) std::swap(a, b);
  if (nargs == 3 && args[2] != none()) { // pow(proxy, y, mod)
    Value call_args[3] = {a, b, args[2]};
    return call(t, builtin(t, "pow"), call_args, 3);
  }
  return binary_op(t, a, b, Op);
}

template <bytecode::CompareOp Op>
Value proxy_compare(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, "comparison", nargs, kwnames, 1, 1)) return {};
  Value a = unwrap(t, args[0]);
  Value b = a ? unwrap(t, args[1]) : Value();
  return b ? compare(t, a, b, Op) : Value();
}

// Unary operators and conversions through the builtin that applies them.
template <const char* Builtin>
Value proxy_through_builtin(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, Builtin, nargs, kwnames, 0, 0)) return {};
  Value target = proxy_target(t, args[0]);
  return target ? call1(t, builtin(t, Builtin), target) : Value();
}
constexpr char kAbs[] = "abs", kInt[] = "int", kFloat[] = "float";

// __bytes__ and __reversed__ call the target's own method, as CPython's proxy does
// (bytes(proxy) of a bytearray is an AttributeError there too).
template <const char* Method>
Value proxy_through_method(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, Method, nargs, kwnames, 0, 0)) return {};
  Value target = proxy_target(t, args[0]);
  Value method = target ? getattr(t, target, intern_literal(t, Method)) : Value();
  return method ? call0(t, method) : Value();
}
constexpr char kBytes[] = "__bytes__", kReversed[] = "__reversed__";

template <Value (*Apply)(Thread&, Value)>
Value proxy_unary(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, "operator", nargs, kwnames, 0, 0)) return {};
  Value target = proxy_target(t, args[0]);
  return target ? Apply(t, target) : Value();
}
INTERP_NATIVE(proxy_delitem) {
  Value target = proxy_target(t, args[0]);
  return target && delitem(t, target, args[1]) ? none() : Value();
}
INTERP_NATIVE(proxy_next) {
  Value target = proxy_target(t, args[0]);
  if (!target) return {};
  if (!lookup_special(t, target, N___next__)) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "Weakref proxy referenced a non-iterator '%s' object",
                  type_name_of(target).c_str());
  }
  Value v = next(t, target);
  if (!v && !t.pending) raise(t, exc(E_StopIteration), "");
  return v;
}

INTERP_NATIVE(proxy_call) {
  Value target = proxy_target(t, args[0]);
  return target ? call(t, target, args + 1, nargs - 1, kwnames) : Value();
}

} // namespace

Value first_weakref(Value obj) {
  Value first;
  for_each_ref(obj, [&](Value r) {
    first = r;
    return false;
  });
  return first;
}

void init_weakref_type(Thread& t) {
  Value type = type_value(T_weakref);
  wr<TypeObject>(type)->module = intern_literal(t, "weakref"); // weakref.ReferenceType
  add_staticmethod(t, type, "__new__", weakref_new);
  add_method(t, type, "__init__", weakref_init);
  add_method(t, type, "__call__", weakref_call);
  add_method(t, type, "__hash__", weakref_hash);
  add_method(t, type, "__eq__", weakref_eq);
  add_method(t, type, "__ne__", weakref_ne);
  add_method(t, type, "__repr__", weakref_repr);
  add_getter(t, type, "__callback__", weakref_callback);
  add_classmethod(t, type, "__class_getitem__", weakref_class_getitem);
}

Value make_weakref_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"getweakrefcount", mod_getweakrefcount},
      {"getweakrefs", mod_getweakrefs},
      {"_remove_dead_weakref", mod_remove_dead_weakref},
      {"proxy", mod_proxy},
  };
  Value m = new_module(t, "_weakref", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value ref = type_value(T_weakref);
  module_set(t, m, "ref", ref);
  module_set(t, m, "ReferenceType", ref);
  Value proxy_type = new_type(t, "ProxyType", "weakref", Layout::WeakRef, {}, false);
  Value callable_proxy_type =
      new_type(t, "CallableProxyType", "weakref", Layout::WeakRef, {}, false);
  if (!proxy_type || !callable_proxy_type) return {};
  static const ModuleFunction kProxy[] = {
      {"__getattribute__", proxy_getattribute},
      {"__getattr__", proxy_getattribute},
      {"__setattr__", proxy_setattr},
      {"__delattr__", proxy_delattr},
      {"__repr__", proxy_repr},
      {"__str__", proxy_str},
      {"__bool__", proxy_bool},
      {"__len__", proxy_len},
      {"__iter__", proxy_iter},
      {"__getitem__", proxy_getitem},
      {"__setitem__", proxy_setitem},
      {"__contains__", proxy_contains},
      {"__eq__", proxy_eq},
      {"__ne__", proxy_compare<bytecode::CompareOp::Ne>},
      {"__lt__", proxy_compare<bytecode::CompareOp::Lt>},
      {"__le__", proxy_compare<bytecode::CompareOp::Le>},
      {"__gt__", proxy_compare<bytecode::CompareOp::Gt>},
      {"__ge__", proxy_compare<bytecode::CompareOp::Ge>},
      {"__neg__", proxy_unary<unary_negative>},
      {"__pos__", proxy_unary<unary_positive>},
      {"__invert__", proxy_unary<unary_invert>},
      {"__abs__", proxy_through_builtin<kAbs>},
      {"__int__", proxy_through_builtin<kInt>},
      {"__float__", proxy_through_builtin<kFloat>},
      {"__bytes__", proxy_through_method<kBytes>},
      {"__reversed__", proxy_through_method<kReversed>},
      {"__index__", proxy_unary<index_value>},
      {"__delitem__", proxy_delitem},
      {"__next__", proxy_next},
  };
  // The number protocol, each operator forward, reflected and in place.
  using bytecode::BinaryOp;
#define PROXY_OPERATOR(name, op)                                                                   \
  {"__" name "__", proxy_binary<BinaryOp::op, false>},                                             \
      {"__r" name "__", proxy_binary<BinaryOp::op, true>}, {                                       \
    "__i" name "__", proxy_binary<BinaryOp::Inplace##op, false>                                    \
  }
  static const ModuleFunction kNumber[] = {
      PROXY_OPERATOR("add", Add),
      PROXY_OPERATOR("sub", Subtract),
      PROXY_OPERATOR("mul", Multiply),
      PROXY_OPERATOR("matmul", MatrixMultiply),
      PROXY_OPERATOR("truediv", TrueDivide),
      PROXY_OPERATOR("floordiv", FloorDivide),
      PROXY_OPERATOR("mod", Remainder),
      PROXY_OPERATOR("pow", Power),
      PROXY_OPERATOR("lshift", LShift),
      PROXY_OPERATOR("rshift", RShift),
      PROXY_OPERATOR("and", And),
      PROXY_OPERATOR("or", Or),
      PROXY_OPERATOR("xor", Xor),
  };
#undef PROXY_OPERATOR
  for (Value type : {proxy_type, callable_proxy_type}) {
    for (const ModuleFunction& f : kProxy)
      add_method(t, type, f.name, f.fn);
    for (const ModuleFunction& f : kNumber)
      add_method(t, type, f.name, f.fn);
    add_attribute(t, type, "__hash__", none());
  }
  add_method(t, callable_proxy_type, "__call__", proxy_call);
  update_type_flags(proxy_type);
  update_type_flags(callable_proxy_type);
  module_set(t, m, "ProxyType", proxy_type);
  module_set(t, m, "CallableProxyType", callable_proxy_type);
  return m;
}

} // namespace interp
