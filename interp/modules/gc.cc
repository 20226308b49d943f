// interp/modules/gc.cc - the gc module over the transactional heap's collector.
//
// The collector is not generational and has no thresholds: it runs when the heap grows.
// What CPython's gc module exposes beyond collect/enable/disable (thresholds, debug
// flags, counts, freezing) is kept so that programs tuning or inspecting the collector
// run unchanged: the settings are stored (in a list in the module, so a transaction that
// aborts forgets them) and read back, and gc.callbacks are called around collect().
// collect() returns once the finalizers and weakref callbacks of what it found dead have
// run; called by the outermost loop, it first has the running transaction committed
// (interp/vm/outermost.cc), since a transaction's own garbage stays pinned until then.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include "gc/gc.h"

namespace interp {

namespace {

// The stored settings: three thresholds, then the debug flags.
constexpr const char* kStateName = "_settings";
constexpr std::int64_t kDebugSlot = 3;

Value gc_module(Thread& t) {
  return import_module(t, "gc");
}

Value settings(Thread& t) {
  Value m = gc_module(t);
  return m ? getattr(t, m, intern_literal(t, kStateName)) : Value();
}

// Calls each of gc.callbacks with (phase, info), as CPython does around a collection.
bool run_callbacks(Thread& t, const char* phase, std::int64_t generation) {
  Value m = gc_module(t);
  Value callbacks = m ? getattr(t, m, intern_literal(t, "callbacks")) : Value();
  if (!callbacks) return false;
  Value items = list_of(t, callbacks);
  if (!items) return false;
  for (std::int64_t i = 0; i < list_length(items); ++i) {
    Value info = dict_new(t);
    if (!info ||
        !dict_set(t, info, intern_literal(t, "generation"), Value::small_int(generation)) ||
        !dict_set(t, info, intern_literal(t, "collected"), Value::small_int(0)) ||
        !dict_set(t, info, intern_literal(t, "uncollectable"), Value::small_int(0)))
      return false;
    if (!call2(t, list_item(items, i), intern_literal(t, phase), info)) return false;
  }
  return true;
}

INTERP_NATIVE(gc_collect) {
  for (std::size_t k = 0; k < keyword_count(kwnames); ++k)
    if (!str_equal_ascii(tuple_item(kwnames, std::int64_t(k)), "generation"))
      return raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for collect()",
                    str_utf8(tuple_item(kwnames, std::int64_t(k))).c_str());
  if (nargs > 1)
    return raisef(t, exc(E_TypeError), "collect() takes at most 1 argument (%zu given)", nargs);
  std::int64_t generation = 2;
  if (nargs == 1 && !index_to_i64(t, args[0], generation)) return {};
  if (generation < 0 || generation > 2) return raise(t, exc(E_ValueError), "invalid generation");
  if (t.collect == CollectState::Done) {
    // Called again after the outermost loop collected for the first call.
    t.collect = CollectState::None;
  } else {
    if (!run_callbacks(t, "start", generation)) return {};
    if (args == t.outermost_call_args && t.c_depth == 1 && !stm::atomic_depth()) {
      // Called by the outermost loop itself: it can commit first, which a collection
      // needs to find the objects this transaction dropped (interp/vm/outermost.cc).
      t.collect = CollectState::Requested;
      return {};
    }
    gc::collect();
  }
  // CPython returns once the finalizers and weakref callbacks have run.
  vm::run_finalizations(t);
  if (!run_callbacks(t, "stop", generation)) return {};
  return Value::small_int(0);
}

INTERP_NATIVE(gc_enable) {
  if (!check_positional(t, "gc.enable", nargs, kwnames, 0, 0, 0)) return {};
  gc::set_enabled(true);
  return none();
}
INTERP_NATIVE(gc_disable) {
  if (!check_positional(t, "gc.disable", nargs, kwnames, 0, 0, 0)) return {};
  gc::set_enabled(false);
  return none();
}
INTERP_NATIVE(gc_isenabled) {
  if (!check_positional(t, "gc.isenabled", nargs, kwnames, 0, 0, 0)) return {};
  return py_bool(gc::enabled());
}

INTERP_NATIVE(gc_get_threshold) {
  if (!check_positional(t, "gc.get_threshold", nargs, kwnames, 0, 0, 0)) return {};
  Value s = settings(t);
  if (!s) return {};
  Value items[3] = {list_item(s, 0), list_item(s, 1), list_item(s, 2)};
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(gc_set_threshold) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "set_threshold() takes no keyword arguments");
  if (nargs < 1 || nargs > 3)
    return raisef(t, exc(E_TypeError), "set_threshold() takes %s (%zu given)",
                  nargs < 1 ? "at least 1 argument" : "at most 3 arguments", nargs);
  std::int64_t values[3];
  for (std::size_t i = 0; i < nargs; ++i)
    if (!index_to_i64(t, args[i], values[i])) return {};
  Value s = settings(t);
  if (!s) return {};
  for (std::size_t i = 0; i < nargs; ++i) {
    Value v = int_from_i64(t, values[i]);
    if (!v) return {};
    list_set_item(s, std::int64_t(i), v);
  }
  return none();
}

INTERP_NATIVE(gc_get_debug) {
  if (!check_positional(t, "gc.get_debug", nargs, kwnames, 0, 0, 0)) return {};
  Value s = settings(t);
  return s ? list_item(s, kDebugSlot) : Value();
}

INTERP_NATIVE(gc_set_debug) {
  if (!check_positional(t, "gc.set_debug", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t flags;
  if (!index_to_i64(t, args[0], flags)) return {};
  Value s = settings(t);
  Value v = int_from_i64(t, flags);
  if (!s || !v) return {};
  list_set_item(s, kDebugSlot, v);
  return none();
}

INTERP_NATIVE(gc_get_count) {
  if (!check_positional(t, "gc.get_count", nargs, kwnames, 0, 0, 0)) return {};
  Value zero[3] = {Value::small_int(0), Value::small_int(0), Value::small_int(0)};
  return tuple_from(t, zero, 3);
}

INTERP_NATIVE(gc_get_stats) {
  if (!check_positional(t, "gc.get_stats", nargs, kwnames, 0, 0, 0)) return {};
  Value out = list_new(t);
  if (!out) return {};
  for (int g = 0; g < 3; ++g) {
    Value d = dict_new(t);
    std::int64_t collections = g == 2 ? std::int64_t(gc::collection_count()) : 0;
    if (!d || !dict_set(t, d, intern_literal(t, "collections"), int_from_i64(t, collections)) ||
        !dict_set(t, d, intern_literal(t, "collected"), Value::small_int(0)) ||
        !dict_set(t, d, intern_literal(t, "uncollectable"), Value::small_int(0)) ||
        !list_append(t, out, d))
      return {};
  }
  return out;
}

// CPython's answer: atoms (numbers, strings, None) are never tracked; dicts and tuples
// only once they hold something that is; other objects always.
bool tracked(Value v, int depth = 0) {
  if (v.is_small_int() || v == none() || depth > 32) return false;
  if (isinstance(v, T_int) || isinstance(v, T_float) || isinstance(v, T_complex) ||
      isinstance(v, T_str) || isinstance(v, T_bytes))
    return false;
  if (is_exact(v, T_tuple)) {
    for (std::int64_t i = 0; i < tuple_length(v); ++i)
      if (tracked(tuple_item(v, i), depth + 1)) return true;
    return false;
  }
  if (is_exact(v, T_dict)) {
    std::int64_t pos = 0;
    Value key, value;
    while (dict_next(v, pos, key, value))
      if (tracked(key, depth + 1) || tracked(value, depth + 1)) return true;
    return false;
  }
  return true;
}

INTERP_NATIVE(gc_is_tracked) {
  if (!check_positional(t, "gc.is_tracked", nargs, kwnames, 1, 1, 0)) return {};
  return py_bool(tracked(args[0]));
}

INTERP_NATIVE(gc_is_finalized) {
  if (!check_positional(t, "gc.is_finalized", nargs, kwnames, 1, 1, 0)) return {};
  return py_bool(args[0].is_object() && gc::is_finalized(args[0].offset()));
}

INTERP_NATIVE(gc_freeze) {
  if (!check_positional(t, "gc.freeze", nargs, kwnames, 0, 0, 0)) return {};
  return none();
}
INTERP_NATIVE(gc_unfreeze) {
  if (!check_positional(t, "gc.unfreeze", nargs, kwnames, 0, 0, 0)) return {};
  return none();
}
INTERP_NATIVE(gc_get_freeze_count) {
  if (!check_positional(t, "gc.get_freeze_count", nargs, kwnames, 0, 0, 0)) return {};
  return Value::small_int(0);
}

} // namespace

Value make_gc_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"collect", gc_collect},
      {"enable", gc_enable},
      {"disable", gc_disable},
      {"isenabled", gc_isenabled},
      {"get_threshold", gc_get_threshold},
      {"set_threshold", gc_set_threshold},
      {"get_debug", gc_get_debug},
      {"set_debug", gc_set_debug},
      {"get_count", gc_get_count},
      {"get_stats", gc_get_stats},
      {"is_tracked", gc_is_tracked},
      {"is_finalized", gc_is_finalized},
      {"freeze", gc_freeze},
      {"unfreeze", gc_unfreeze},
      {"get_freeze_count", gc_get_freeze_count},
  };
  Value m = new_module(t, "gc", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value initial[4] = {Value::small_int(700), Value::small_int(10), Value::small_int(10),
                      Value::small_int(0)};
  module_set(t, m, kStateName, list_from(t, initial, 4));
  module_set(t, m, "callbacks", list_new(t));
  module_set(t, m, "garbage", list_new(t));
  static const std::pair<const char*, int> kFlags[] = {
      {"DEBUG_STATS", 1},    {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
      {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38},
  };
  for (auto& [flag, value] : kFlags)
    module_set(t, m, flag, Value::small_int(value));
  return m;
}

} // namespace interp
