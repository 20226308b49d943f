// interp/modules/functools.cc - _functools: reduce() and cmp_to_key() (and partial, from
// partial.cc), which functools.py takes from here when it can, as from CPython's C module.
// Being builtin functions they don't bind as methods when a class holds them, and a
// KeyWrapper compares in C++.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

namespace interp {

bool add_partial_type(Thread& t, Value module);

namespace {

// reduce(function, iterable[, initial])
INTERP_NATIVE(mod_reduce) {
  if (!check_positional(t, "reduce", nargs, kwnames, 2, 3, 0)) return {};
  Value fn = args[0];
  Value it = iter(t, args[1]);
  if (!it) {
    if (matches(t, exc(E_TypeError))) {
      clear_pending(t);
      return raise(t, exc(E_TypeError), "reduce() arg 2 must support iteration");
    }
    return {};
  }
  Value total = nargs > 2 ? args[2] : Value();
  for (;;) {
    Value v = next(t, it);
    if (!v) {
      if (t.pending) return {};
      break;
    }
    if (!total) {
      total = v;
      continue;
    }
    total = call2(t, fn, total, v);
    if (!total) return {};
  }
  if (!total) return raise(t, exc(E_TypeError), "reduce() of empty iterable with no initial value");
  return total;
}

// ---- KeyWrapper: what cmp_to_key(mycmp) returns, and what calling that makes for each
// value; the fields of an IteratorObject hold the comparison function (seq) and the value
// (extra, 0 in the maker).
Value key_wrapper(Thread& t, Value cls, Value cmp, Value obj) {
  Value k = allocate(t, Layout::Instance, cls, sizeof(IteratorObject));
  if (!k) return {};
  fresh<IteratorObject>(k)->seq = cmp;
  fresh<IteratorObject>(k)->extra = obj;
  return k;
}

Value key_wrapper_class(Thread& t) {
  return module_attr(t, "_functools", "KeyWrapper");
}

INTERP_NATIVE(mod_cmp_to_key) {
  static const char* const kAllowed[] = {"mycmp", nullptr};
  if (!check_keywords(t, "cmp_to_key", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 1)
    return raisef(t, exc(E_TypeError), "cmp_to_key() takes at most 1 argument (%zu given)", nargs);
  Value cmp = arg_or_keyword(args, nargs, kwnames, 0, "mycmp");
  if (!cmp)
    return raise(t, exc(E_TypeError), "cmp_to_key() missing required argument 'mycmp' (pos 1)");
  Value cls = key_wrapper_class(t);
  return cls ? key_wrapper(t, cls, cmp, {}) : Value();
}

INTERP_NATIVE(key_wrapper_call) {
  static const char* const kAllowed[] = {"obj", nullptr};
  if (!check_keywords(t, "K", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 2)
    return raisef(t, exc(E_TypeError), "K() takes at most 1 argument (%zu given)", nargs - 1);
  Value obj = arg_or_keyword(args, nargs, kwnames, 1, "obj");
  if (!obj) return raise(t, exc(E_TypeError), "K() missing required argument 'obj' (pos 1)");
  return key_wrapper(t, type_of(args[0]), rd<IteratorObject>(args[0])->seq, obj);
}

// mycmp(self.obj, other.obj) compared with 0 as the operator asks.
template <bytecode::CompareOp op> INTERP_NATIVE(key_wrapper_compare) {
  if (!check_positional(t, "comparison", nargs, kwnames, 1, 1)) return {};
  const IteratorObject* self = rd<IteratorObject>(args[0]);
  if (type_of(args[1]) != type_of(args[0]) || !self->extra || !rd<IteratorObject>(args[1])->extra)
    return raise(t, exc(E_TypeError), "other argument must be K instance");
  Value r = call2(t, self->seq, self->extra, rd<IteratorObject>(args[1])->extra);
  return r ? compare(t, r, Value::small_int(0), op) : Value();
}

INTERP_NATIVE(key_wrapper_obj) {
  Value obj = rd<IteratorObject>(args[0])->extra;
  if (!obj) return raise(t, exc(E_AttributeError), "obj");
  return obj;
}
INTERP_NATIVE(key_wrapper_set_obj) {
  wr<IteratorObject>(args[0])->extra = nargs > 1 ? args[1] : Value();
  return none();
}

} // namespace

Value make_functools_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"reduce", mod_reduce},
                                              {"cmp_to_key", mod_cmp_to_key}};
  Value m = new_module(t, "_functools", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value type = new_type(t, "KeyWrapper", "functools", Layout::Instance, {}, false);
  if (!type) return {};
  refuse_instances(t, type);
  add_method(t, type, "__call__", key_wrapper_call);
  using bytecode::CompareOp;
  add_method(t, type, "__lt__", key_wrapper_compare<CompareOp::Lt>);
  add_method(t, type, "__le__", key_wrapper_compare<CompareOp::Le>);
  add_method(t, type, "__eq__", key_wrapper_compare<CompareOp::Eq>);
  add_method(t, type, "__ne__", key_wrapper_compare<CompareOp::Ne>);
  add_method(t, type, "__gt__", key_wrapper_compare<CompareOp::Gt>);
  add_method(t, type, "__ge__", key_wrapper_compare<CompareOp::Ge>);
  add_attribute(t, type, "__hash__", none());
  add_getter(t, type, "obj", key_wrapper_obj, key_wrapper_set_obj);
  update_type_flags(type);
  module_set(t, m, "KeyWrapper", type);
  if (!add_partial_type(t, m)) return {};
  return m;
}

} // namespace interp
