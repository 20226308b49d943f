// interp/modules/sys.cc - the sys module. Its standard streams are _io objects
// (io.cc's make_standard_stream), installed once sys is in sys.modules.
#include "gc/gc.h"
#include "interp/interp.h"
#include "interp/modules/bytecode_cache.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/objects/repr_guard.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"
#include "stm/stm.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <dlfcn.h>
#include <unistd.h>

namespace interp {

namespace {

// breakpointhook(*args, **kws): what $PYTHONBREAKPOINT names (pdb.set_trace by default;
// "0" turns breakpoint() off), imported and called; a name that cannot be imported is
// ignored with a RuntimeWarning, as in CPython.
INTERP_NATIVE(sys_breakpointhook) {
  const char* env = options().ignore_environment ? nullptr : std::getenv("PYTHONBREAKPOINT");
  std::string hook = env && *env ? env : "pdb.set_trace";
  if (hook == "0") return none();
  std::size_t dot = hook.rfind('.');
  std::string module_name = dot == std::string::npos ? "builtins" : hook.substr(0, dot);
  std::string attribute = dot == std::string::npos ? hook : hook.substr(dot + 1);
  Value module = import_module(t, module_name);
  Value fn = module ? getattr(t, module, intern_literal(t, attribute.c_str())) : Value();
  if (!fn) {
    if (!matches(t, exc(E_ImportError)) && !matches(t, exc(E_AttributeError))) return {};
    clear_pending(t);
    Value warnings = import_module(t, "warnings");
    Value warn = warnings ? getattr(t, warnings, intern_literal(t, "warn")) : Value();
    Value text = str_from_utf8(t, "Ignoring unimportable $PYTHONBREAKPOINT: \"" + hook + "\"");
    if (!warn || !text) return {};
    Value a[2] = {text, exc(E_RuntimeWarning)};
    return call(t, warn, a, 2) ? none() : Value();
  }
  return call(t, fn, args, nargs, kwnames);
}

// setprofile(function): this thread's profile function (None: none); getprofile().
INTERP_NATIVE(sys_setprofile) {
  if (!check_positional(t, "setprofile", nargs, kwnames, 1, 1, 0)) return {};
  vm::set_profiler(t, args[0] == none() ? Value() : args[0]);
  return none();
}

INTERP_NATIVE(sys_getprofile) {
  if (!check_positional(t, "getprofile", nargs, kwnames, 0, 0, 0)) return {};
  Value fn = vm::profiler(t);
  return fn ? fn : none();
}

// settrace(function): this thread's trace function (None: none); gettrace().
INTERP_NATIVE(sys_settrace) {
  if (!check_positional(t, "settrace", nargs, kwnames, 1, 1, 0)) return {};
  vm::set_tracer(t, args[0] == none() ? Value() : args[0]);
  return none();
}

INTERP_NATIVE(sys_gettrace) {
  if (!check_positional(t, "gettrace", nargs, kwnames, 0, 0, 0)) return {};
  Value fn = vm::tracer(t);
  return fn ? fn : none();
}

INTERP_NATIVE(sys_exit) {
  if (!check_positional(t, "exit", nargs, kwnames, 0, 1, 0)) return {};
  // A tuple is SystemExit's whole argument list and None is none, as CPython raises it
  // (sys.exit((42,)) exits with 42).
  Value a = !nargs || args[0] == none()  ? runtime().empty_tuple
            : is_exact(args[0], T_tuple) ? args[0]
                                         : tuple_from(t, args, 1);
  if (!a) return {};
  Value e = exception_new(t, exc(E_SystemExit), a);
  if (e) t.pending = e;
  return {};
}

INTERP_NATIVE(sys_getrecursionlimit) {
  if (!check_positional(t, "sys.getrecursionlimit", nargs, kwnames, 0, 0, 0)) return {};
  return Value::small_int(recursion_limit());
}

INTERP_NATIVE(sys_setrecursionlimit) {
  if (!check_positional(t, "setrecursionlimit", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t n;
  if (!index_to_i64(t, args[0], n)) return {};
  if (n > INT_MAX)
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
  if (n < 1) return raise(t, exc(E_ValueError), "recursion limit must be greater or equal than 1");
  std::int64_t depth = (t.frame ? rd<FrameObject>(t.frame)->depth : 0) + 1;
  if (n < depth)
    return raisef(t, exc(E_RecursionError),
                  "cannot set the recursion limit to %lld at the recursion depth %lld: the limit "
                  "is too low",
                  (long long)n, (long long)depth);
  // Every thread's limit, not only this transaction's: it must not be taken back.
  stm::become_inevitable("sys.setrecursionlimit");
  runtime().recursion_limit.store(int(n), std::memory_order_relaxed);
  return none();
}

// In microseconds, as CPython keeps it, so that a value read back is rounded as there.
// Threads are not switched on a timer here (they run in parallel), so only programs that
// read it back see it.
std::atomic<std::uint64_t> switch_interval_us{5000};

INTERP_NATIVE(sys_getswitchinterval) {
  if (!check_positional(t, "getswitchinterval", nargs, kwnames, 0, 0, 0)) return {};
  return float_new(t, 1e-6 * double(switch_interval_us.load(std::memory_order_relaxed)));
}

INTERP_NATIVE(sys_setswitchinterval) {
  if (!check_positional(t, "setswitchinterval", nargs, kwnames, 1, 1, 0)) return {};
  double interval;
  if (!to_double(t, args[0], interval)) return {};
  if (!(interval > 0.0))
    return raise(t, exc(E_ValueError), "switch interval must be strictly positive");
  double us = 1e6 * interval;
  // A process-wide setting, like the recursion limit: it must not be taken back.
  stm::become_inevitable("sys.setswitchinterval");
  switch_interval_us.store(us >= 1.8e19 ? UINT64_MAX : std::uint64_t(us),
                           std::memory_order_relaxed);
  return none();
}

// (type, value, traceback) of a handled exception, or three Nones.
Value exc_info_of(Thread& t, Value e) {
  Value items[3] = {none(), none(), none()};
  if (e && e != none()) {
    items[0] = type_of(e);
    items[1] = e;
    items[2] = rd<ExceptionObject>(e)->traceback;
  }
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(sys_exc_info) {
  return exc_info_of(t, t.handled);
}

// sys._current_frames() and sys._current_exceptions(): per thread ident, its innermost
// frame, or its sys.exc_info() triple. The calling thread answers for itself; the others
// as of their last commit (a thread waiting outside its transaction, as in a lock, is
// exactly there). Threads running no Python frame are left out.
Value per_thread(Thread& t, bool exceptions) {
  Value d = dict_new(t);
  if (!d) return {};
  bool failed = false;
  for_each_thread([&](Thread& other) {
    if (failed) return;
    Value frame, handled;
    if (&other == &t) {
      frame = vm::current_frame(t);
      handled = t.handled;
    } else if (other.state) {
      frame = rd<ThreadStateObject>(other.state)->top_frame;
      handled = rd<ThreadStateObject>(other.state)->handled;
    }
    if (!frame) return;
    Value v = frame;
    if (exceptions)
      v = exc_info_of(t, handled);
    else
      vm::mark_escaped(frame);
    Value ident = v ? int_from_i64(t, other.ident) : Value();
    failed = !ident || !dict_set(t, d, ident, v);
  });
  return failed ? Value() : d;
}

INTERP_NATIVE(sys_current_frames) {
  if (!check_positional(t, "_current_frames", nargs, kwnames, 0, 0, 0)) return {};
  return per_thread(t, false);
}

INTERP_NATIVE(sys_current_exceptions) {
  if (!check_positional(t, "_current_exceptions", nargs, kwnames, 0, 0, 0)) return {};
  return per_thread(t, true);
}

INTERP_NATIVE(sys_exception) {
  return t.handled ? t.handled : none();
}

INTERP_NATIVE(sys_displayhook) {
  if (!check_positional(t, "sys.displayhook", nargs, kwnames, 1, 1, 0)) return {};
  if (args[0] == none()) return none();
  Value builtins = runtime().builtins;
  if (!dict_set(t, builtins, intern_literal(t, "_"), none())) return {};
  Value r = repr(t, args[0]);
  if (!r) return {};
  Value out = getattr_opt(t, runtime().sys_module, name(N_stdout));
  if ((!out || out == none()) && !t.pending)
    return raise(t, exc(E_RuntimeError), "lost sys.stdout");
  if (!out) return {};
  Value text = str_concat(t, r, str_from_ascii(t, "\n"));
  if (!text || !call_method(t, out, N_write, &text, 1)) return {};
  if (!dict_set(t, builtins, intern_literal(t, "_"), args[0])) return {};
  return none();
}

INTERP_NATIVE(sys_get_int_max_str_digits) {
  if (!check_positional(t, "get_int_max_str_digits", nargs, kwnames, 0, 0, 0)) return {};
  return int_from_i64(t, std::int64_t(runtime().int_max_str_digits.load()));
}

INTERP_NATIVE(sys_set_int_max_str_digits) {
  static const char* const kAllowed[] = {"maxdigits", nullptr};
  if (!check_keywords(t, "set_int_max_str_digits", kwnames, kAllowed)) return {};
  Value v = nargs - keyword_count(kwnames) == 1 ? args[0]
                                                : keyword_arg(kwnames, args, nargs, "maxdigits");
  if (!v || nargs != 1)
    return raise(t, exc(E_TypeError),
                 "set_int_max_str_digits() takes exactly one argument (0 given)");
  std::int64_t n;
  if (!index_to_i64(t, v, n)) return {};
  if (n != 0 && n < 640)
    return raise(t, exc(E_ValueError), "maxdigits must be 0 or larger than 640");
  stm::become_inevitable("sys.set_int_max_str_digits"); // every thread's: kept whatever comes
  runtime().int_max_str_digits.store(std::size_t(n));
  return none();
}

// sys.excepthook(type, value, traceback): the traceback as CPython prints it, written to
// sys.stderr and flushed (nothing when sys.stderr is None; the process's stderr when it is
// missing).
INTERP_NATIVE(sys_excepthook) {
  if (!check_positional(t, "excepthook", nargs, kwnames, 3, 3, 0)) return {};
  // To the sys.stderr object of the moment, as CPython's hook writes. None there silences
  // it; its absence falls back to the process's standard error.
  Value err = getattr_opt(t, runtime().sys_module, intern_literal(t, "stderr"));
  if (t.pending) return {};
  if (!err) {
    format_exception_report(t, args[1], t.err);
    return none();
  }
  if (err == none()) return none();
  return write_exception_report(t, args[1], err) ? none() : Value();
}

// sys.unraisablehook(args): what finalizers and weakref callbacks could not raise.
INTERP_NATIVE(sys_unraisablehook) {
  if (!check_positional(t, "unraisablehook", nargs, kwnames, 1, 1, 0)) return {};
  vm::write_unraisable(t, args[0]);
  return none();
}

INTERP_NATIVE(sys_intern) {
  if (!check_positional(t, "intern", nargs, kwnames, 1, 1, 0)) return {};
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "intern() argument must be str, not %s",
                  args[0] == none() ? "None" : type_name_of(args[0]).c_str());
  if (!is_exact(args[0], T_str))
    return raisef(t, exc(E_TypeError), "can't intern %s", type_name_of(args[0]).c_str());
  bool error = false;
  Value known = dict_get(t, runtime().interned, args[0], error);
  if (known || error) return known;
  return dict_set(t, runtime().interned, args[0], args[0]) ? args[0] : Value();
}

// call_tracing(func, args): func(*args), with the trace and profile functions seeing its
// events even when called from one of them (as CPython's, which pdb's `debug` relies on).
INTERP_NATIVE(sys_call_tracing) {
  if (!check_positional(t, "call_tracing", nargs, kwnames, 2, 2, 0)) return {};
  if (!isinstance(args[1], T_tuple))
    return raisef(t, exc(E_TypeError), "call_tracing() argument 2 must be tuple, not %s",
                  type_name_of(args[1]).c_str());
  std::size_t n = std::size_t(tuple_length(args[1]));
  std::vector<Value> items(n);
  for (std::size_t i = 0; i < n; ++i)
    items[i] = tuple_item(args[1], std::int64_t(i));
  vm::HooksBusy seen(t, false);
  return call(t, args[0], items.data(), n);
}

// The flags imports of extension modules would pass to dlopen(), interpreter-wide as in
// CPython (RTLD_NOW by default). pypy-stm loads no extension modules, so they are kept only.
std::atomic<std::int64_t> dlopen_flags{RTLD_NOW};
INTERP_NATIVE(sys_getdlopenflags) {
  if (!check_positional(t, "getdlopenflags", nargs, kwnames, 0, 0, 0)) return {};
  return int_from_i64(t, dlopen_flags.load(std::memory_order_relaxed));
}
INTERP_NATIVE(sys_setdlopenflags) {
  if (!check_positional(t, "setdlopenflags", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t n;
  if (!index_to_i64(t, args[0], n)) return {};
  dlopen_flags.store(n, std::memory_order_relaxed);
  return none();
}

INTERP_NATIVE(sys_getframe) {
  if (!check_positional(t, "_getframe", nargs, kwnames, 0, 1, 0)) return {};
  std::int64_t depth = 0;
  if (nargs && !index_to_i64(t, args[0], depth)) return {};
  Value frame = vm::current_frame(t);
  while (frame && depth-- > 0)
    frame = rd<FrameObject>(frame)->back;
  if (!frame) return raise(t, exc(E_ValueError), "call stack is not deep enough");
  vm::mark_escaped(frame);
  return frame;
}

// The encodings: UTF-8 everywhere, file names with surrogateescape.
#define SYS_CONSTANT_TEXT(fn_name, text)                                                           \
  INTERP_NATIVE(sys_##fn_name) {                                                                   \
    if (!check_positional(t, "sys." #fn_name, nargs, kwnames, 0, 0, 0)) return {};                 \
    return str_from_ascii(t, text);                                                                \
  }
SYS_CONSTANT_TEXT(getdefaultencoding, "utf-8")
SYS_CONSTANT_TEXT(getfilesystemencoding, "utf-8")
SYS_CONSTANT_TEXT(getfilesystemencodeerrors, "surrogateescape")
#undef SYS_CONSTANT_TEXT

// An estimate from the object's heap size (header and fields; what it owns apart, such
// as a list's item storage, is added for the builtin containers).
// sys.audit and sys.addaudithook: the hooks live in a list bound as the natives' self, so
// every thread sees the hooks any thread added. Nothing in the runtime raises events of its
// own; the standard library's sys.audit calls reach the hooks as in CPython.
INTERP_NATIVE(sys_audit) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "sys.audit() takes no keyword arguments");
  if (nargs < 2)
    return raise(t, exc(E_TypeError), "audit() missing 1 required positional argument: 'event'");
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "expected str for argument 'event', not %s",
                  type_name_of(args[1]).c_str());
  Value hooks = args[0];
  if (list_length(hooks) == 0) return none();
  Value event_args = tuple_from(t, args + 2, nargs - 2);
  if (!event_args) return {};
  for (std::int64_t i = 0; i < list_length(hooks); ++i)
    if (!call2(t, list_item(hooks, i), args[1], event_args)) return {};
  return none();
}

INTERP_NATIVE(sys_addaudithook) {
  static const char* const kAllowed[] = {"hook", nullptr};
  if (!check_keywords(t, "addaudithook", kwnames, kAllowed)) return {};
  Value hook = arg_or_keyword(args, nargs, kwnames, 1, "hook");
  if (!hook || nargs > 2)
    return hook ? raisef(t, exc(E_TypeError), "addaudithook() takes at most 1 argument (%zu given)",
                         nargs - 1)
                : raise(t, exc(E_TypeError),
                        "addaudithook() missing required argument 'hook' (pos 1)");
  // The hooks already there are asked first; one raising RuntimeError refuses the new hook
  // without an error, as CPython does.
  Value hooks = args[0];
  Value event = intern_literal(t, "sys.addaudithook");
  Value no_args = tuple_new(t, 0);
  if (!event || !no_args) return {};
  for (std::int64_t i = 0; i < list_length(hooks); ++i) {
    if (call2(t, list_item(hooks, i), event, no_args)) continue;
    if (t.pending && is_subtype(type_of(t.pending), exc(E_RuntimeError))) {
      t.pending = {};
      return none();
    }
    return {};
  }
  if (!list_append(t, hooks, hook)) return {};
  return none();
}

// sys.is_finalizing(): true while __main__'s names are cleared at exit and the finalizers
// of what that frees run (interp.cc, finalize).
INTERP_NATIVE(sys_is_finalizing) {
  if (!check_positional(t, "is_finalizing", nargs, kwnames, 0, 0, 0)) return {};
  return py_bool(runtime().finalizing.load());
}

// The hooks of async generators, per thread (in the thread's state object), as CPython
// keeps them. asyncio's event loop sets them while it runs; an async generator calls
// firstiter at its first step (vm/generator.cc), never the finalizer.
Value asyncgen_hooks_type; // made with the sys module, a gc root

INTERP_NATIVE(sys_get_asyncgen_hooks) {
  if (!check_positional(t, "get_asyncgen_hooks", nargs, kwnames, 0, 0, 0)) return {};
  Value hooks = rd<ThreadStateObject>(t.state)->asyncgen_hooks;
  Value items[2] = {none(), none()};
  if (hooks) items[0] = tuple_item(hooks, 0), items[1] = tuple_item(hooks, 1);
  return new_struct_sequence(t, asyncgen_hooks_type, items, 2);
}

INTERP_NATIVE(sys_set_asyncgen_hooks) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 2)
    return raisef(t, exc(E_TypeError), "set_asyncgen_hooks() takes at most 2 arguments (%zu given)",
                  npos);
  Value a[2];
  if (!check_named_keywords(t, "set_asyncgen_hooks", kwnames, {"firstiter", "finalizer"}, 0) ||
      !bind_arguments(t, "set_asyncgen_hooks", args, nargs, kwnames, {"firstiter", "finalizer"}, 0,
                      0, a))
    return {};
  Value hooks = rd<ThreadStateObject>(t.state)->asyncgen_hooks;
  Value now[2] = {hooks ? tuple_item(hooks, 0) : none(), hooks ? tuple_item(hooks, 1) : none()};
  const char* names[2] = {"firstiter", "finalizer"};
  for (int i = 0; i < 2; ++i) {
    if (!a[i]) continue;
    if (a[i] != none() && !is_callable(a[i]))
      return raisef(t, exc(E_TypeError), "callable %s expected, got %s", names[i],
                    type_name_of(a[i]).c_str());
    now[i] = a[i];
  }
  Value pair = tuple_from(t, now, 2);
  if (!pair) return {};
  wr<ThreadStateObject>(t.state)->asyncgen_hooks = pair;
  return none();
}

INTERP_NATIVE(sys_set_coroutine_origin_tracking_depth) {
  Value depth;
  if (!parse_arguments(t, "set_coroutine_origin_tracking_depth", args, nargs, kwnames, {"depth"}, 0,
                       1, &depth))
    return {};
  std::int64_t n;
  if (!int_check(depth))
    return raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                  type_name_of(depth).c_str());
  if (!int_to_i64(depth, n) || !Value::fits_small(n))
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
  if (n < 0) return raise(t, exc(E_ValueError), "depth must be >= 0");
  wr<ThreadStateObject>(t.state)->origin_depth = Value::small_int(n);
  return none();
}

INTERP_NATIVE(sys_get_coroutine_origin_tracking_depth) {
  if (!check_positional(t, "get_coroutine_origin_tracking_depth", nargs, kwnames, 0, 0, 0))
    return {};
  Value depth = rd<ThreadStateObject>(t.state)->origin_depth;
  return depth ? depth : Value::small_int(0);
}

// sys.getsizeof(object, default): what the object's __sizeof__ says, plus the header that
// CPython keeps before objects of types tracked for cycles (16 bytes) and before a
// class's instances' "managed" dict (16 more).
INTERP_NATIVE(sys_getsizeof) {
  Value a[2];
  if (!parse_arguments(t, "getsizeof", args, nargs, kwnames, {"object", "default"}, 0, 1, a))
    return {};
  Value v = a[0], fallback = a[1];
  auto failed = [&]() -> Value {
    if (fallback && is_subtype(type_of(t.pending), exc(E_TypeError))) {
      clear_pending(t);
      return fallback;
    }
    return {};
  };
  Value method = lookup_special(t, v, N___sizeof__);
  if (!method) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "Type %s doesn't define __sizeof__", type_name_of(v).c_str());
    return failed();
  }
  Value r = call0(t, method);
  if (!r) return failed();
  if (!isinstance(r, T_int)) {
    raise(t, exc(E_TypeError), "an integer is required");
    return failed();
  }
  std::int64_t n;
  if (!int_to_i64(r, n)) {
    raise(t, exc(E_OverflowError), "Python int too large to convert to C ssize_t");
    return failed();
  }
  if (n < 0) {
    raise(t, exc(E_ValueError), "__sizeof__() should return >= 0");
    return failed();
  }
  TypeSizes sizes = type_sizes(type_of(v));
  return int_from_i64(t, n + (sizes.gc ? 16 : 0) + (sizes.managed_dict ? 16 : 0));
}

// The locale's encoding errors for the standard streams, as CPython picks them: the C,
// POSIX and C.UTF-8 locales get surrogateescape.
bool c_locale() {
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(var);
    if (value && *value) {
      std::string v = value;
      return v == "C" || v == "POSIX" || v == "C.UTF-8" || v == "C.utf8";
    }
  }
  return true;
}

// The class of sys.implementation, which types.py publishes as types.SimpleNamespace.
Value namespace_type;

// types.SimpleNamespace(**kwargs): the keywords become instance attributes.
INTERP_NATIVE(namespace_init) {
  std::size_t nkw = keyword_count(kwnames);
  if (nargs - nkw > 1) return raise(t, exc(E_TypeError), "no positional arguments expected");
  for (std::size_t i = 0; i < nkw; ++i)
    if (!generic_setattr(t, args[0], tuple_item(kwnames, std::int64_t(i)), args[nargs - nkw + i]))
      return {};
  return none();
}

// namespace(a=1, b='x'); a subclass shows its own name, a cycle "namespace(...)".
INTERP_NATIVE(namespace_repr) {
  Value type = type_of(args[0]);
  std::string name = type_name(type);
  if (type == namespace_type) name = "namespace";
  ReprGuard guard(args[0]);
  if (guard.recursive()) return str_from_utf8(t, name + "(...)");
  std::string text = name + "(";
  Value d = rd<Object>(args[0])->dict;
  std::int64_t pos = 0;
  Value key, value;
  bool first = true;
  while (d && dict_next(d, pos, key, value)) {
    if (!str_check(key)) continue;
    Value r = repr(t, value);
    if (!r) return {};
    if (!first) text += ", ";
    first = false;
    text += str_utf8(key) + "=" + str_utf8(r);
  }
  return str_from_utf8(t, text + ")");
}

bool is_namespace(Value v) {
  return namespace_type && is_subtype(type_of(v), namespace_type);
}

INTERP_NATIVE(namespace_eq) {
  if (!is_namespace(args[1])) return runtime().not_implemented;
  Value a = rd<Object>(args[0])->dict, b = rd<Object>(args[1])->dict;
  // A dict not made yet is an empty one.
  if (!a || !b) return py_bool((a ? dict_length(a) : 0) == 0 && (b ? dict_length(b) : 0) == 0);
  return compare(t, a, b, bytecode::CompareOp::Eq);
}

INTERP_NATIVE(namespace_reduce) {
  Value d = rd<Object>(args[0])->dict;
  if (!d) d = dict_new(t);
  Value items[3] = {type_of(args[0]), runtime().empty_tuple, d};
  return d ? tuple_from(t, items, 3) : Value();
}

Value make_struct(Thread& t, const char* const* names, const Value* values, std::size_t n) {
  // A simple namespace object: an instance of a class named as CPython's (types.py takes
  // SimpleNamespace from sys.implementation's type).
  Value ns_type = new_type(t, "SimpleNamespace", "types", Layout::Instance);
  if (!ns_type) return {};
  wr<TypeObject>(ns_type)->flags &= ~std::uint64_t(kNoInstanceDict);
  add_method(t, ns_type, "__init__", namespace_init);
  add_method(t, ns_type, "__repr__", namespace_repr);
  add_method(t, ns_type, "__eq__", namespace_eq);
  add_method(t, ns_type, "__reduce__", namespace_reduce);
  add_attribute(t, ns_type, "__hash__", none());
  add_instance_dict_getter(t, ns_type);
  update_type_flags(ns_type);
  static bool rooted = false;
  if (!rooted) gc::add_root(reinterpret_cast<const stm::Offset*>(&namespace_type));
  rooted = true;
  namespace_type = ns_type;
  Value obj = allocate(t, Layout::Instance, ns_type, sizeof(Object));
  if (!obj) return {};
  Value d = dict_new(t);
  if (!d) return {};
  fresh<Object>(obj)->dict = d;
  for (std::size_t i = 0; i < n; ++i)
    if (!dict_set(t, d, intern_literal(t, names[i]), values[i])) return {};
  return obj;
}

} // namespace

// sys.stdin, stdout and stderr (and their __std*__ twins): _io objects, made once sys is
// in sys.modules (making them imports _io). Writes to stdout and stderr wait in the
// running transaction until it commits.
bool install_standard_streams(Thread& t) {
  const char* text_errors = c_locale() ? "surrogateescape" : "strict";
  const struct {
    const char* name;
    int fd;
    const char* errors;
  } kStreams[] = {
      {"stdin", 0, text_errors}, {"stdout", 1, text_errors}, {"stderr", 2, "backslashreplace"}};
  Value d = rd<Object>(runtime().sys_module)->dict;
  for (const auto& stream : kStreams) {
    Value s = make_standard_stream(t, stream.fd, stream.errors);
    if (!s) return false;
    dict_set(t, d, intern_literal(t, stream.name), s);
    dict_set(t, d, intern_literal(t, (std::string("__") + stream.name + "__").c_str()), s);
  }
  return true;
}

#include "interp/modules/stdlib_module_names.inc"

Value make_sys_module(Thread& t) {
  Value m = module_new(t, intern_literal(t, "sys"));
  Value d = rd<Object>(m)->dict;
  auto set = [&](const char* key, Value v) { dict_set(t, d, intern_literal(t, key), v); };
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry functions[] = {
      {"exit", sys_exit},
      {"breakpointhook", sys_breakpointhook},
      {"setprofile", sys_setprofile},
      {"getprofile", sys_getprofile},
      {"settrace", sys_settrace},
      {"gettrace", sys_gettrace},
      {"getrecursionlimit", sys_getrecursionlimit},
      {"setrecursionlimit", sys_setrecursionlimit},
      {"getswitchinterval", sys_getswitchinterval},
      {"setswitchinterval", sys_setswitchinterval},
      {"exc_info", sys_exc_info},
      {"exception", sys_exception},
      {"displayhook", sys_displayhook},
      {"excepthook", sys_excepthook},
      {"unraisablehook", sys_unraisablehook},
      {"get_int_max_str_digits", sys_get_int_max_str_digits},
      {"set_int_max_str_digits", sys_set_int_max_str_digits},
      {"intern", sys_intern},
      {"_getframe", sys_getframe},
      {"_current_frames", sys_current_frames},
      {"_current_exceptions", sys_current_exceptions},
      {"getfilesystemencoding", sys_getfilesystemencoding},
      {"getdefaultencoding", sys_getdefaultencoding},
      {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors},
      {"getsizeof", sys_getsizeof},
      {"is_finalizing", sys_is_finalizing},
      {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
      {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth},
      {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth},
      {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
      {"call_tracing", sys_call_tracing},
      {"getdlopenflags", sys_getdlopenflags},
      {"setdlopenflags", sys_setdlopenflags},
  };
  for (const Entry& e : functions)
    set(e.name, make_native_function(t, e.name, e.fn, intern_literal(t, "sys")));
  Value audit_hooks = list_new(t);
  for (const Entry& e : {Entry{"audit", sys_audit}, Entry{"addaudithook", sys_addaudithook}}) {
    Value f = native_new(t, register_native(e.name, e.fn), audit_hooks, {}, T_builtin_function);
    if (f) fresh<NativeObject>(f)->module = intern_literal(t, "sys");
    set(e.name, f);
  }
  {
    static const char* const kFields[] = {"firstiter", "finalizer"};
    static bool rooted = false;
    if (!rooted) gc::add_root(reinterpret_cast<const stm::Offset*>(&asyncgen_hooks_type));
    rooted = true;
    asyncgen_hooks_type = new_struct_sequence_type(t, "asyncgen_hooks", "builtins", kFields, 2);
  }
  set("__displayhook__", dict_get_cstr(t, d, "displayhook"));
  set("__excepthook__", dict_get_cstr(t, d, "excepthook"));
  set("__breakpointhook__", dict_get_cstr(t, d, "breakpointhook"));
  set("__unraisablehook__", dict_get_cstr(t, d, "unraisablehook"));

  set("argv", list_new(t));
  set("path", list_new(t));
  set("modules", dict_new(t));
  set("meta_path", list_new(t));
  set("path_hooks", list_new(t));
  set("path_importer_cache", dict_new(t));
  set("warnoptions", list_new(t));
  {
    std::vector<std::string> builtin = builtin_module_names();
    Value names = tuple_new(t, builtin.size());
    for (std::size_t i = 0; i < builtin.size(); ++i)
      tuple_init(names, i, intern_literal(t, builtin[i].c_str()));
    set("builtin_module_names", names);
  }
  {
    Value names = set_new(t, true);
    for (const char* module : kStdlibModuleNames)
      if (names && !set_add(t, names, str_from_ascii(t, module))) names = {};
    set("stdlib_module_names", names);
  }
  set("maxsize", int_from_i64(t, INT64_MAX));
  set("maxunicode", Value::small_int(0x10ffff));
  set("byteorder", str_from_ascii(t, "little"));
  set("platform", str_from_ascii(t, "linux"));
  // The ABI flags of the python3.11 whose standard library we run (Debian's: none).
  set("abiflags", str_from_ascii(t, ""));
  set("version", str_from_ascii(t, "3.11.2 (pypy-stm 0.1.0) [C++20]"));
  set("hexversion", Value::small_int(0x030b02f0));
  set("executable", str_from_ascii(t, ""));
  set("prefix", str_from_ascii(t, "/usr"));
  set("exec_prefix", str_from_ascii(t, "/usr"));
  set("base_prefix", str_from_ascii(t, "/usr"));
  set("base_exec_prefix", str_from_ascii(t, "/usr"));
  set("platlibdir", str_from_ascii(t, "lib"));
  set("pycache_prefix", none());
  set("_stdlib_dir", str_from_ascii(t, "/usr/lib/python3.11"));
  set("api_version", Value::small_int(1013));
  set("float_repr_style", str_from_ascii(t, "short"));
  set("copyright", str_from_ascii(t, "Copyright (c) 2026 the authors of pypy-stm.\n"
                                     "The Python standard library it runs: Copyright (c) "
                                     "2001 Python Software Foundation.\nAll Rights Reserved."));
  set("orig_argv", list_new(t)); // filled in at start-up from the command line
  {
    // Threads are POSIX threads; their locks, semaphores; the version is the C library's.
    char version[64] = {};
    std::size_t n = ::confstr(_CS_GNU_LIBPTHREAD_VERSION, version, sizeof version);
    static const char* const kFields[] = {"name", "lock", "version"};
    Value v[3] = {str_from_ascii(t, "pthread"), str_from_ascii(t, "semaphore"),
                  n > 0 && n <= sizeof version ? str_from_ascii(t, version) : none()};
    Value type = new_struct_sequence_type(t, "thread_info", "sys", kFields, 3);
    set("thread_info", new_struct_sequence(t, type, v, 3));
  }
  set("dont_write_bytecode", runtime().false_); // -B and the environment: configure_sys
  Value version_info;
  {
    Value v[5] = {Value::small_int(3), Value::small_int(11), Value::small_int(2),
                  str_from_ascii(t, "final"), Value::small_int(0)};
    static const char* const kFields[] = {"major", "minor", "micro", "releaselevel", "serial"};
    Value type = new_struct_sequence_type(t, "version_info", "sys", kFields, 5);
    if (type) refuse_instances(t, type);
    version_info = type ? new_struct_sequence(t, type, v, 5) : Value();
    set("version_info", version_info);
  }
  {
    static const char* const kFields[] = {"max",     "max_exp",    "max_10_exp", "min",
                                          "min_exp", "min_10_exp", "dig",        "mant_dig",
                                          "epsilon", "radix",      "rounds"};
    Value v[11] = {float_new(t, 1.7976931348623157e308),
                   Value::small_int(1024),
                   Value::small_int(308),
                   float_new(t, 2.2250738585072014e-308),
                   Value::small_int(-1021),
                   Value::small_int(-307),
                   Value::small_int(15),
                   Value::small_int(53),
                   float_new(t, 2.220446049250313e-16),
                   Value::small_int(2),
                   Value::small_int(1)};
    Value type = new_struct_sequence_type(t, "float_info", "sys", kFields, 11);
    set("float_info", new_struct_sequence(t, type, v, 11));
  }
  {
    static const char* const kFields[] = {"bits_per_digit", "sizeof_digit",
                                          "default_max_str_digits", "str_digits_check_threshold"};
    Value v[4] = {Value::small_int(30), Value::small_int(4), Value::small_int(4300),
                  Value::small_int(640)};
    Value type = new_struct_sequence_type(t, "int_info", "sys", kFields, 4);
    set("int_info", new_struct_sequence(t, type, v, 4));
  }
  {
    static const char* const kFields[] = {"width",     "modulus",   "inf",       "nan",   "imag",
                                          "algorithm", "hash_bits", "seed_bits", "cutoff"};
    Value v[9] = {Value::small_int(64),      int_from_i64(t, (std::int64_t(1) << 61) - 1),
                  Value::small_int(314159),  Value::small_int(0),
                  Value::small_int(1000003), str_from_ascii(t, "siphash13"),
                  Value::small_int(64),      Value::small_int(128),
                  Value::small_int(0)};
    Value type = new_struct_sequence_type(t, "hash_info", "sys", kFields, 9);
    set("hash_info", new_struct_sequence(t, type, v, 9));
  }
  {
    // The version of the language implemented, in sys.version_info's form, as CPython's.
    static const char* const kNames[] = {"name", "cache_tag", "version", "hexversion",
                                         "_multiarch"};
    Value values[5] = {str_from_ascii(t, "pypy_stm"), str_from_ascii(t, kCacheTag), version_info,
                       Value::small_int(0x030b02f0), str_from_ascii(t, "x86_64-linux-gnu")};
    set("implementation", make_struct(t, kNames, values, 5));
  }
  return m;
}

} // namespace interp
