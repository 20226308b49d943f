// interp/modules/time.cc - the time module: the clocks, sleep, and the calendar
// conversions (gmtime, localtime, mktime, asctime, ctime, strftime, strptime) over the C
// library's, with struct_time as a struct sequence whose tm_zone and tm_gmtoff are
// attributes outside the tuple, as in CPython.
//
// The timezone constants are module attributes computed from the C library when the module
// is made and again by tzset(); sleep waits outside any transaction (see time_sleep).
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace interp {

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
INTERP_NATIVE(time_process_time) {
  return float_new(t, seconds_of(CLOCK_PROCESS_CPUTIME_ID));
}
INTERP_NATIVE(time_process_time_ns) {
  return int_from_i64(t, nanoseconds_of(CLOCK_PROCESS_CPUTIME_ID));
}
INTERP_NATIVE(time_thread_time) {
  return float_new(t, seconds_of(CLOCK_THREAD_CPUTIME_ID));
}
INTERP_NATIVE(time_thread_time_ns) {
  return int_from_i64(t, nanoseconds_of(CLOCK_THREAD_CPUTIME_ID));
}

bool clock_arg(Thread& t, const char* what, const Value* args, std::size_t nargs, Value kwnames,
               clockid_t& clock) {
  if (!check_positional(t, what, nargs, kwnames, 1, 1, 0)) return false;
  std::int64_t id;
  if (!index_to_i64(t, args[0], id)) return false;
  clock = clockid_t(id);
  return true;
}

Value raise_errno(Thread& t, int err) {
  Value items[2] = {Value::small_int(err), str_from_utf8(t, std::strerror(err))};
  if (!items[1]) return {};
  Value e = call(t, exc(E_OSError), items, 2);
  return e ? raise_value(t, e) : Value();
}

INTERP_NATIVE(time_clock_gettime) {
  clockid_t clock;
  if (!clock_arg(t, "clock_gettime", args, nargs, kwnames, clock)) return {};
  timespec ts;
  if (clock_gettime(clock, &ts) != 0) return raise_errno(t, errno);
  return float_new(t, double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9);
}

INTERP_NATIVE(time_clock_gettime_ns) {
  clockid_t clock;
  if (!clock_arg(t, "clock_gettime_ns", args, nargs, kwnames, clock)) return {};
  timespec ts;
  if (clock_gettime(clock, &ts) != 0) return raise_errno(t, errno);
  return int_from_i64(t, std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec);
}

INTERP_NATIVE(time_clock_getres) {
  clockid_t clock;
  if (!clock_arg(t, "clock_getres", args, nargs, kwnames, clock)) return {};
  timespec ts;
  if (clock_getres(clock, &ts) != 0) return raise_errno(t, errno);
  return float_new(t, double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9);
}

INTERP_NATIVE(time_sleep) {
  if (!check_positional(t, "sleep", nargs, kwnames, 1, 1, 0)) return {};
  double secs;
  if (!to_double(t, args[0], secs)) return {};
  if (secs < 0) return raise(t, exc(E_ValueError), "sleep length must be non-negative");
  // Sleeping is waiting: the outermost loop commits and sleeps outside any transaction,
  // then runs this call again, which finds the wait over. A signal handler run in the
  // middle does not start the sleep over: the rerun keeps the first deadline (PEP 475).
  bool rerun = t.block_retry == none();
  if (rerun) {
    t.block_retry = {};
    if (t.block_expired) {
      t.block_expired = false;
      return none();
    }
  }
  if (secs == 0) return none();
  wait_outside_for(
      t, none(), [](Value) { return false; }, secs, rerun);
  return {};
}

// time.get_clock_info(name): a SimpleNamespace (the class of sys.implementation).
INTERP_NATIVE(time_get_clock_info) {
  if (!check_positional(t, "get_clock_info", nargs, kwnames, 1, 1, 0)) return {};
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "get_clock_info() argument 1 must be str, not %s",
                  type_name_of(args[0]).c_str());
  struct Clock {
    const char* name;
    const char* implementation;
    clockid_t id;
    bool monotonic, adjustable;
  };
  static const Clock kClocks[] = {
      {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true},
      {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
      {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
      {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true,
       false},
      {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true,
       false},
  };
  for (const Clock& c : kClocks) {
    if (!str_equal_ascii(args[0], c.name)) continue;
    timespec res;
    clock_getres(c.id, &res);
    Value impl = getattr(t, runtime().sys_module, intern_literal(t, "implementation"));
    if (!impl) return {};
    Value ns = allocate(t, Layout::Instance, type_of(impl), sizeof(Object));
    Value d = dict_new(t);
    if (!ns || !d) return {};
    fresh<Object>(ns)->dict = d;
    Value values[4] = {intern_literal(t, c.implementation), py_bool(c.monotonic),
                       py_bool(c.adjustable),
                       float_new(t, double(res.tv_sec) + double(res.tv_nsec) * 1e-9)};
    const char* names[4] = {"implementation", "monotonic", "adjustable", "resolution"};
    for (int i = 0; i < 4; ++i)
      if (!values[i] || !dict_set(t, d, intern_literal(t, names[i]), values[i])) return {};
    return ns;
  }
  return raise(t, exc(E_ValueError), "unknown clock");
}

// ---- struct_time -------------------------------------------------------------------------

constexpr const char* kFields[] = {"tm_year",  "tm_mon",  "tm_mday",  "tm_hour",
                                   "tm_min",   "tm_sec",  "tm_wday",  "tm_yday",
                                   "tm_isdst", "tm_zone", "tm_gmtoff"};
constexpr std::size_t kVisible = 9;

Value time_module(Thread& t) {
  return import_module(t, "time");
}

Value struct_time_type(Thread& t) {
  Value m = time_module(t);
  return m ? getattr(t, m, intern_literal(t, "struct_time")) : Value();
}

Value struct_time_from_tm(Thread& t, const std::tm& tm) {
  Value type = struct_time_type(t);
  if (!type) return {};
  std::int64_t numbers[kVisible] = {std::int64_t(tm.tm_year) + 1900,
                                    tm.tm_mon + 1,
                                    tm.tm_mday,
                                    tm.tm_hour,
                                    tm.tm_min,
                                    tm.tm_sec,
                                    (tm.tm_wday + 6) % 7, // Monday is 0
                                    tm.tm_yday + 1,
                                    tm.tm_isdst};
  Value items[std::size(kFields)];
  for (std::size_t i = 0; i < kVisible; ++i)
    items[i] = int_from_i64(t, numbers[i]);
  items[9] = tm.tm_zone ? str_from_utf8(t, tm.tm_zone) : none();
  items[10] = int_from_i64(t, tm.tm_gmtoff);
  if (!items[9]) return {};
  return new_struct_sequence(t, type, items, std::size(kFields), kVisible);
}

// A timestamp argument as time_t, rounding floats toward minus infinity.
bool to_time_t(Thread& t, Value v, std::time_t& out) {
  if (isinstance(v, T_float)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(t, exc(E_ValueError), "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)) {
      raise(t, exc(E_OverflowError), "timestamp out of range for platform time_t");
      return false;
    }
    out = std::time_t(d);
    return true;
  }
  std::int64_t i;
  if (!index_to_i64(t, v, i)) {
    if (matches(t, exc(E_OverflowError))) {
      clear_pending(t);
      raise(t, exc(E_OverflowError), "timestamp out of range for platform time_t");
    }
    return false;
  }
  out = std::time_t(i);
  return true;
}

// The optional seconds argument of gmtime/localtime/ctime: now when absent or None.
bool seconds_arg(Thread& t, const char* what, const Value* args, std::size_t nargs, Value kwnames,
                 std::time_t& out) {
  if (!check_positional(t, what, nargs, kwnames, 0, 1, 0)) return false;
  if (nargs == 0 || args[0] == none()) {
    out = std::time(nullptr);
    return true;
  }
  return to_time_t(t, args[0], out);
}

bool broken_down(Thread& t, std::time_t when, bool local, std::tm& tm) {
  errno = 0;
  if ((local ? localtime_r(&when, &tm) : gmtime_r(&when, &tm)) == nullptr) {
    raise_errno(t, errno ? errno : EOVERFLOW);
    return false;
  }
  return true;
}

INTERP_NATIVE(time_gmtime) {
  std::time_t when;
  std::tm tm;
  if (!seconds_arg(t, "gmtime", args, nargs, kwnames, when) || !broken_down(t, when, false, tm))
    return {};
  return struct_time_from_tm(t, tm);
}

INTERP_NATIVE(time_localtime) {
  std::time_t when;
  std::tm tm;
  if (!seconds_arg(t, "localtime", args, nargs, kwnames, when) || !broken_down(t, when, true, tm))
    return {};
  return struct_time_from_tm(t, tm);
}

// A time tuple argument (a 9-tuple or a struct_time) as a struct tm; `zone` keeps the
// bytes tm_zone points to. `what` names the function in the arity error.
bool tm_arg(Thread& t, Value v, const char* what, std::tm& tm, std::string& zone) {
  std::memset(&tm, 0, sizeof tm);
  if (!isinstance(v, T_tuple)) {
    raise(t, exc(E_TypeError), "Tuple or struct_time argument required");
    return false;
  }
  if (tuple_length(v) != std::int64_t(kVisible)) {
    raisef(t, exc(E_TypeError), "%s(): illegal time tuple argument", what);
    return false;
  }
  int fields[kVisible];
  for (std::size_t i = 0; i < kVisible; ++i) {
    Value item = tuple_item(v, std::int64_t(i));
    std::int64_t n;
    if (isinstance(item, T_float)) {
      raise(t, exc(E_TypeError), "'float' object cannot be interpreted as an integer");
      return false;
    }
    if (!index_to_i64(t, item, n)) return false;
    if (n > INT32_MAX || n < INT32_MIN) {
      raise(t, exc(E_OverflowError),
            n > 0 ? "signed integer is greater than maximum"
                  : "signed integer is less than minimum");
      return false;
    }
    fields[i] = int(n);
  }
  if (fields[0] < INT32_MIN + 1900) {
    raise(t, exc(E_OverflowError), "year out of range");
    return false;
  }
  tm.tm_year = fields[0] - 1900;
  tm.tm_mon = fields[1] - 1;
  tm.tm_mday = fields[2];
  tm.tm_hour = fields[3];
  tm.tm_min = fields[4];
  tm.tm_sec = fields[5];
  tm.tm_wday = (fields[6] + 1) % 7;
  tm.tm_yday = fields[7] - 1;
  tm.tm_isdst = fields[8];
  Value type = struct_time_type(t);
  if (!type) return false;
  if (type_of(v) == type) {
    Value z = ro<TupleObject>(v)->items[9], off = ro<TupleObject>(v)->items[10];
    if (z != none() && str_check(z)) {
      zone = str_utf8(z);
      tm.tm_zone = zone.c_str();
    }
    std::int64_t o;
    if (off != none() && int_to_i64(off, o)) tm.tm_gmtoff = long(o);
  }
  return true;
}

// Range checks of asctime and strftime, with CPython's defaults for zero fields.
bool check_tm(Thread& t, std::tm& tm) {
  const char* bad = nullptr;
  if (tm.tm_mon == -1)
    tm.tm_mon = 0;
  else if (tm.tm_mon < 0 || tm.tm_mon > 11)
    bad = "month out of range";
  if (bad) {
  } else if (tm.tm_mday == 0) {
    tm.tm_mday = 1;
  } else if (tm.tm_mday < 0 || tm.tm_mday > 31) {
    bad = "day of month out of range";
  }
  if (!bad && (tm.tm_hour < 0 || tm.tm_hour > 23)) bad = "hour out of range";
  if (!bad && (tm.tm_min < 0 || tm.tm_min > 59)) bad = "minute out of range";
  if (!bad && (tm.tm_sec < 0 || tm.tm_sec > 61)) bad = "seconds out of range";
  if (!bad && tm.tm_wday < 0) bad = "day of week out of range";
  if (!bad) {
    if (tm.tm_yday == -1)
      tm.tm_yday = 0;
    else if (tm.tm_yday < 0 || tm.tm_yday > 365)
      bad = "day of year out of range";
  }
  if (bad) raise(t, exc(E_ValueError), bad);
  return !bad;
}

Value asctime_of(Thread& t, const std::tm& tm) {
  static const char kDays[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[64];
  std::snprintf(text, sizeof text, "%s %s%3d %.2d:%.2d:%.2d %lld", kDays[tm.tm_wday % 7],
                kMonths[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(tm.tm_year) + 1900);
  return str_from_ascii(t, text);
}

// The struct tm of an optional time-tuple argument: local time now when absent or None.
bool tm_or_now(Thread& t, Value v, const char* what, std::tm& tm, std::string& zone) {
  if (v && v != none()) return tm_arg(t, v, what, tm, zone);
  std::time_t now = std::time(nullptr);
  return broken_down(t, now, true, tm);
}

INTERP_NATIVE(time_asctime) {
  if (!check_positional(t, "asctime", nargs, kwnames, 0, 1, 0)) return {};
  std::tm tm;
  std::string zone;
  if (!tm_or_now(t, nargs ? args[0] : Value(), "asctime", tm, zone) || !check_tm(t, tm)) return {};
  return asctime_of(t, tm);
}

INTERP_NATIVE(time_ctime) {
  std::time_t when;
  std::tm tm;
  if (!seconds_arg(t, "ctime", args, nargs, kwnames, when) || !broken_down(t, when, true, tm))
    return {};
  return asctime_of(t, tm);
}

INTERP_NATIVE(time_mktime) {
  if (!check_positional(t, "mktime", nargs, kwnames, 1, 1, 0)) return {};
  std::tm tm;
  std::string zone;
  if (!tm_arg(t, args[0], "mktime", tm, zone)) return {};
  tm.tm_wday = -1; // mktime sets it on success: tells a real -1 from a failure
  std::time_t when = std::mktime(&tm);
  if (when == std::time_t(-1) && tm.tm_wday == -1)
    return raise(t, exc(E_OverflowError), "mktime argument out of range");
  return float_new(t, double(when));
}

INTERP_NATIVE(time_strftime) {
  if (!check_positional(t, "strftime", nargs, kwnames, 1, 2, 0)) return {};
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "strftime() argument 1 must be str, not %s",
                  type_name_of(args[0]).c_str());
  std::tm tm;
  std::string zone;
  if (!tm_or_now(t, nargs > 1 ? args[1] : Value(), "strftime", tm, zone) || !check_tm(t, tm))
    return {};
  if (tm.tm_isdst < -1) tm.tm_isdst = -1;
  if (tm.tm_isdst > 1) tm.tm_isdst = 1;
  std::string format = str_utf8(args[0]);
  if (format.find('\0') != std::string::npos)
    return raise(t, exc(E_ValueError), "embedded null character");
  // strftime reports 0 both for "no room" and for an empty result: grow the buffer up to a
  // bound, then take an empty result as the answer.
  std::string out;
  for (std::size_t size = 1024;; size *= 2) {
    out.resize(size);
    std::size_t n = std::strftime(out.data(), size, format.c_str(), &tm);
    if (n > 0 || size >= 256 * format.size()) {
      out.resize(n);
      break;
    }
  }
  return str_from_utf8(t, out);
}

INTERP_NATIVE(time_strptime) {
  // The parsing is the pure-Python _strptime module's, as in CPython.
  Value m = import_module(t, "_strptime");
  Value fn = m ? getattr(t, m, intern_literal(t, "_strptime_time")) : Value();
  return fn ? call(t, fn, args, nargs, kwnames) : Value();
}

// Sets timezone, altzone, daylight and tzname from the local times of January and July
// of this year (the C library's globals do not say which offset is DST's everywhere).
bool set_timezone_constants(Thread& t, Value module) {
  constexpr std::time_t kYear = (365 * 24 + 6) * 3600;
  std::time_t jan = (std::time(nullptr) / kYear) * kYear, jul = jan + kYear / 2;
  std::tm tm_jan, tm_jul;
  localtime_r(&jan, &tm_jan);
  localtime_r(&jul, &tm_jul);
  long jan_zone = -tm_jan.tm_gmtoff, jul_zone = -tm_jul.tm_gmtoff;
  std::string jan_name = tm_jan.tm_zone ? tm_jan.tm_zone : "";
  std::string jul_name = tm_jul.tm_zone ? tm_jul.tm_zone : "";
  // The southern hemisphere has its DST in January.
  bool reversed = jan_zone < jul_zone;
  Value names[2] = {str_from_utf8(t, reversed ? jul_name : jan_name),
                    str_from_utf8(t, reversed ? jan_name : jul_name)};
  if (!names[0] || !names[1]) return false;
  Value tzname = tuple_from(t, names, 2);
  if (!tzname) return false;
  module_set(t, module, "timezone", int_from_i64(t, reversed ? jul_zone : jan_zone));
  module_set(t, module, "altzone", int_from_i64(t, reversed ? jan_zone : jul_zone));
  module_set(t, module, "daylight", Value::small_int(jan_zone != jul_zone));
  module_set(t, module, "tzname", tzname);
  return true;
}

// os.putenv does not reach the C library's environment here, so tzset takes TZ from
// os.environ (when os was imported: otherwise nobody can have changed it).
bool sync_tz_variable(Thread& t) {
  Value modules = getattr(t, runtime().sys_module, name(N_modules));
  if (!modules) return false;
  bool error = false;
  Value os = dict_check(modules) ? dict_get(t, modules, intern_literal(t, "os"), error) : Value();
  if (error) return false;
  if (!os) return true;
  Value environ = getattr_opt(t, os, intern_literal(t, "environ"));
  if (!environ) return !t.pending;
  Value get = getattr(t, environ, intern_literal(t, "get"));
  Value tz = get ? call1(t, get, intern_literal(t, "TZ")) : Value();
  if (!tz) return false;
  if (str_check(tz))
    setenv("TZ", str_utf8(tz).c_str(), 1);
  else if (tz == none())
    unsetenv("TZ");
  return true;
}

INTERP_NATIVE(time_tzset) {
  if (!check_positional(t, "tzset", nargs, kwnames, 0, 0, 0)) return {};
  if (!sync_tz_variable(t)) return {};
  tzset();
  Value m = time_module(t);
  return m && set_timezone_constants(t, m) ? none() : Value();
}

} // namespace

Value make_time_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"time", time_time},
      {"time_ns", time_time_ns},
      {"monotonic", time_monotonic},
      {"monotonic_ns", time_monotonic_ns},
      // The same clock as monotonic, as CPython's on Linux.
      {"perf_counter", time_monotonic},
      {"perf_counter_ns", time_monotonic_ns},
      {"process_time", time_process_time},
      {"process_time_ns", time_process_time_ns},
      {"thread_time", time_thread_time},
      {"thread_time_ns", time_thread_time_ns},
      {"clock_gettime", time_clock_gettime},
      {"clock_gettime_ns", time_clock_gettime_ns},
      {"clock_getres", time_clock_getres},
      {"sleep", time_sleep},
      {"get_clock_info", time_get_clock_info},
      {"gmtime", time_gmtime},
      {"localtime", time_localtime},
      {"mktime", time_mktime},
      {"asctime", time_asctime},
      {"ctime", time_ctime},
      {"strftime", time_strftime},
      {"strptime", time_strptime},
      {"tzset", time_tzset},
  };
  Value m = new_module(t, "time", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value st =
      new_struct_sequence_type(t, "struct_time", "time", kFields, std::size(kFields), kVisible);
  if (!st) return {};
  module_set(t, m, "struct_time", st);
  // How many fields a struct_time has in sequence form (_strptime slices by it).
  module_set(t, m, "_STRUCT_TM_ITEMS", Value::small_int(std::int64_t(std::size(kFields))));
  static const std::pair<const char*, clockid_t> kClocks[] = {
      {"CLOCK_REALTIME", CLOCK_REALTIME},
      {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
      {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
      {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
      {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
      {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
      {"CLOCK_TAI", CLOCK_TAI},
  };
  for (auto& [clock_name, id] : kClocks)
    module_set(t, m, clock_name, Value::small_int(id));
  if (!set_timezone_constants(t, m)) return {};
  return m;
}

} // namespace interp
