// interp/modules/builtin_modules.cc - the table of modules written in C++ (other than
// builtins and sys), and the small ones: time and gc. math and _thread have files of
// their own.
#include "interp/interp.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include "gc/gc.h"

#include <chrono>
#include <ctime>
#include <thread>

namespace interp {

Value make_math_module(Thread& t);
Value make_cmath_module(Thread& t);
Value make_weakref_module(Thread& t);
Value make_itertools_module(Thread& t);
Value make_collections_module(Thread& t);
Value make_posix_module(Thread& t);
Value make_atexit_module(Thread& t);
Value make_io_module(Thread& t);
Value make_errno_module(Thread& t);
const std::vector<std::pair<std::string, ModuleFactory>>& registered_modules(); // interp.cc

namespace {

double seconds_of(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

std::int64_t nanoseconds_of(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

INTERP_NATIVE(time_time) {
  return float_new(t, seconds_of(CLOCK_REALTIME));
}
INTERP_NATIVE(time_time_ns) {
  return int_from_i64(t, nanoseconds_of(CLOCK_REALTIME));
}
INTERP_NATIVE(time_monotonic) {
  return float_new(t, seconds_of(CLOCK_MONOTONIC));
}
INTERP_NATIVE(time_monotonic_ns) {
  return int_from_i64(t, nanoseconds_of(CLOCK_MONOTONIC));
}
INTERP_NATIVE(time_perf_counter) {
  return float_new(t, seconds_of(CLOCK_MONOTONIC));
}
INTERP_NATIVE(time_perf_counter_ns) {
  return int_from_i64(t, nanoseconds_of(CLOCK_MONOTONIC));
}
INTERP_NATIVE(time_process_time) {
  return float_new(t, seconds_of(CLOCK_PROCESS_CPUTIME_ID));
}
INTERP_NATIVE(time_process_time_ns) {
  return int_from_i64(t, nanoseconds_of(CLOCK_PROCESS_CPUTIME_ID));
}
INTERP_NATIVE(time_thread_time) {
  return float_new(t, seconds_of(CLOCK_THREAD_CPUTIME_ID));
}

INTERP_NATIVE(time_sleep) {
  if (!check_positional(t, "sleep", nargs, kwnames, 1, 1, 0)) return {};
  double secs;
  if (!to_double(t, args[0], secs)) return {};
  if (secs < 0) return raise(t, exc(E_ValueError), "sleep length must be non-negative");
  // Sleeping is waiting: the outermost loop commits and sleeps outside any transaction,
  // then runs this call again, which finds the wait over.
  if (t.block_retry == none() && t.block_expired) {
    t.block_retry = {};
    t.block_expired = false;
    return none();
  }
  if (secs == 0) return none();
  t.block_on = none();
  t.block_ready = [](Value) { return false; };
  t.block_deadline = seconds_of(CLOCK_MONOTONIC) + secs;
  return {};
}

INTERP_NATIVE(gc_collect) {
  gc::collect();
  return Value::small_int(0);
}
INTERP_NATIVE(gc_enable) {
  gc::set_enabled(true);
  return none();
}
INTERP_NATIVE(gc_disable) {
  gc::set_enabled(false);
  return none();
}
INTERP_NATIVE(gc_isenabled) {
  return py_bool(gc::enabled());
}

struct Function {
  const char* name;
  NativeFn fn;
};

Value make_module(Thread& t, const char* module_name, const Function* functions, std::size_t n) {
  Value m = module_new(t, intern_literal(t, module_name));
  if (!m) return {};
  Value d = rd<Object>(m)->dict;
  for (std::size_t i = 0; i < n; ++i)
    if (!dict_set(t, d, intern_literal(t, functions[i].name),
                  make_native_function(t, functions[i].name, functions[i].fn,
                                       intern_literal(t, module_name))))
      return {};
  return m;
}

} // namespace

Value make_builtin_module(Thread& t, const std::string& module_name) {
  if (module_name == "time") {
    static const Function kTime[] = {
        {"time", time_time},
        {"time_ns", time_time_ns},
        {"monotonic", time_monotonic},
        {"monotonic_ns", time_monotonic_ns},
        {"perf_counter", time_perf_counter},
        {"perf_counter_ns", time_perf_counter_ns},
        {"process_time", time_process_time},
        {"process_time_ns", time_process_time_ns},
        {"thread_time", time_thread_time},
        {"sleep", time_sleep},
    };
    return make_module(t, "time", kTime, std::size(kTime));
  }
  if (module_name == "gc") {
    static const Function kGc[] = {
        {"collect", gc_collect},
        {"enable", gc_enable},
        {"disable", gc_disable},
        {"isenabled", gc_isenabled},
    };
    return make_module(t, "gc", kGc, std::size(kGc));
  }
  if (module_name == "math") return make_math_module(t);
  if (module_name == "cmath") return make_cmath_module(t);
  if (module_name == "_weakref") return make_weakref_module(t);
  if (module_name == "itertools") return make_itertools_module(t);
  if (module_name == "_collections") return make_collections_module(t);
  if (module_name == "posix") return make_posix_module(t);
  if (module_name == "atexit") return make_atexit_module(t);
  if (module_name == "_io") return make_io_module(t);
  if (module_name == "errno") return make_errno_module(t);
  for (auto& [registered, factory] : registered_modules())
    if (registered == module_name) return factory(t);
  if (module_name == "builtins") return runtime().builtins_module;
  if (module_name == "sys") return runtime().sys_module;
  return {};
}

} // namespace interp
