// interp/modules/atexit.cc - the atexit module: functions to call when the interpreter
// exits. The registry is a list in the module's namespace (heap state, so registrations
// roll back with an aborted transaction); the command runs _run_exitfuncs at shutdown.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

namespace interp {

namespace {

// The list of (func, args, kwargs) tuples, newest last.
Value registry(Thread& t) {
  Value module = import_module(t, "atexit");
  return module ? getattr(t, module, intern_literal(t, "_callbacks")) : Value();
}

INTERP_NATIVE(atexit_register) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos < 1) return raise(t, exc(E_TypeError), "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0]))
    return raise(t, exc(E_TypeError), "the first argument must be callable");
  Value list = registry(t);
  if (!list) return {};
  Value pos = tuple_from(t, args + 1, npos - 1);
  Value kw = dict_new(t);
  if (!pos || !kw) return {};
  for (std::size_t i = 0; i < keyword_count(kwnames); ++i)
    if (!dict_set(t, kw, tuple_item(kwnames, std::int64_t(i)), args[npos + i])) return {};
  Value entry[3] = {args[0], pos, kw};
  Value tup = tuple_from(t, entry, 3);
  if (!tup || !list_append(t, list, tup)) return {};
  return args[0];
}

INTERP_NATIVE(atexit_unregister) {
  if (!check_positional(t, "unregister", nargs, kwnames, 1, 1, 0)) return {};
  Value list = registry(t);
  if (!list) return {};
  Value kept = list_new(t);
  if (!kept) return {};
  for (std::int64_t i = 0; i < list_length(list); ++i) {
    Value entry = list_item(list, i);
    int eq = equal(t, tuple_item(entry, 0), args[0]);
    if (eq < 0) return {};
    if (!eq && !list_append(t, kept, entry)) return {};
  }
  Value slice = slice_new(t, none(), none(), none());
  return slice && setitem(t, list, slice, kept) ? none() : Value();
}

INTERP_NATIVE(atexit_run_exitfuncs) {
  Value list = registry(t);
  if (!list) return {};
  // Last registered, first called; an exception is reported and the others still run.
  while (list_length(list) > 0) {
    std::int64_t last = list_length(list) - 1;
    Value entry = list_item(list, last);
    Value where = Value::small_int(last);
    Value pop = getattr(t, list, intern_literal(t, "pop"));
    if (!pop || !call1(t, pop, where)) return {};
    Value r = call_ex(t, tuple_item(entry, 0), tuple_item(entry, 1), tuple_item(entry, 2));
    if (!r) {
      Value e = fetch_pending(t);
      if (e && is_subtype(type_of(e), exc(E_SystemExit))) continue;
      std::string text =
          "Exception ignored in atexit callback: " + repr_utf8(t, tuple_item(entry, 0)) + "\n";
      Value tb = e ? rd<ExceptionObject>(e)->traceback : Value();
      (void)tb;
      text += type_name_of(e) + ": " + (e ? [&] {
        Value s = str(t, e);
        if (!s) {
          clear_pending(t);
          return std::string();
        }
        return str_utf8(s);
      }()
                                          : std::string()) +
              "\n";
      t.err += text;
    }
  }
  return none();
}

INTERP_NATIVE(atexit_clear) {
  Value list = registry(t);
  if (!list) return {};
  Value clear = getattr(t, list, intern_literal(t, "clear"));
  return clear ? call0(t, clear) : Value();
}

INTERP_NATIVE(atexit_ncallbacks) {
  Value list = registry(t);
  return list ? Value::small_int(list_length(list)) : Value();
}

} // namespace

Value make_atexit_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"register", atexit_register},
      {"unregister", atexit_unregister},
      {"_run_exitfuncs", atexit_run_exitfuncs},
      {"_clear", atexit_clear},
      {"_ncallbacks", atexit_ncallbacks},
  };
  Value m = new_module(t, "atexit", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "_callbacks", list_new(t));
  return m;
}

} // namespace interp
