// interp/modules/resource.cc - the resource module: resource limits (getrlimit,
// setrlimit, prlimit), usage (getrusage, as resource.struct_rusage), getpagesize, and the
// RLIMIT_* and RUSAGE_* constants. resource.error is OSError.
//
// Setting a limit cannot be undone, so it makes the running transaction inevitable first.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <cerrno>
#include <sys/resource.h>
#include <unistd.h>

namespace interp {

namespace {

constexpr const char* kUsageFields[] = {"ru_utime",  "ru_stime",    "ru_maxrss",  "ru_ixrss",
                                        "ru_idrss",  "ru_isrss",    "ru_minflt",  "ru_majflt",
                                        "ru_nswap",  "ru_inblock",  "ru_oublock", "ru_msgsnd",
                                        "ru_msgrcv", "ru_nsignals", "ru_nvcsw",   "ru_nivcsw"};

bool resource_arg(Thread& t, Value v, int& out) {
  std::int64_t n = 0;
  if (!index_to_i64(t, v, n)) return false;
  if (n < 0 || n >= RLIM_NLIMITS) {
    raise(t, exc(E_ValueError), "invalid resource specified");
    return false;
  }
  out = int(n);
  return true;
}

// RLIM_INFINITY shows as -1, as in CPython.
Value limit_value(Thread& t, rlim_t limit) {
  return limit == RLIM_INFINITY ? Value::small_int(-1) : int_from_i64(t, std::int64_t(limit));
}

Value limits_tuple(Thread& t, const rlimit& r) {
  Value items[2] = {limit_value(t, r.rlim_cur), limit_value(t, r.rlim_max)};
  return items[0] && items[1] ? tuple_from(t, items, 2) : Value();
}

// (soft, hard) from a sequence of two integers; -1 (or RLIM_INFINITY) is no limit.
bool limits_arg(Thread& t, Value v, rlimit& out) {
  Value items = call1(t, type_value(T_tuple), v);
  if (!items) {
    if (matches(t, exc(E_TypeError))) {
      clear_pending(t);
      raise(t, exc(E_ValueError), "expected a tuple of 2 integers");
    }
    return false;
  }
  if (tuple_length(items) != 2) {
    raise(t, exc(E_ValueError), "expected a tuple of 2 integers");
    return false;
  }
  rlim_t both[2];
  for (int i = 0; i < 2; ++i) {
    std::int64_t n = 0;
    if (!index_to_i64(t, tuple_item(items, i), n)) return false;
    both[i] = n < 0 ? RLIM_INFINITY : rlim_t(n);
  }
  out.rlim_cur = both[0];
  out.rlim_max = both[1];
  return true;
}

Value limit_error(Thread& t, int err) {
  if (err == EINVAL) return raise(t, exc(E_ValueError), "current limit exceeds maximum limit");
  if (err == EPERM) return raise(t, exc(E_ValueError), "not allowed to raise maximum limit");
  return raise_os_error(t, err);
}

INTERP_NATIVE(resource_getrlimit) {
  if (!check_positional(t, "getrlimit", nargs, kwnames, 1, 1, 0)) return {};
  int which = 0;
  if (!resource_arg(t, args[0], which)) return {};
  rlimit r{};
  if (::getrlimit(__rlimit_resource(which), &r) != 0) return raise_os_error(t, errno);
  return limits_tuple(t, r);
}

INTERP_NATIVE(resource_setrlimit) {
  if (!check_positional(t, "setrlimit", nargs, kwnames, 2, 2, 0)) return {};
  int which = 0;
  rlimit r{};
  if (!resource_arg(t, args[0], which) || !limits_arg(t, args[1], r)) return {};
  stm::become_inevitable("setrlimit");
  if (::setrlimit(__rlimit_resource(which), &r) != 0) return limit_error(t, errno);
  return none();
}

// prlimit(pid, resource[, limits]): the old limits, after setting the new ones if given.
INTERP_NATIVE(resource_prlimit) {
  if (!check_positional(t, "prlimit", nargs, kwnames, 2, 3, 0)) return {};
  std::int64_t pid = 0;
  int which = 0;
  if (!index_to_i64(t, args[0], pid) || !resource_arg(t, args[1], which)) return {};
  rlimit new_limits{}, old{};
  bool setting = nargs > 2 && args[2] != none();
  if (setting && !limits_arg(t, args[2], new_limits)) return {};
  if (setting) stm::become_inevitable("prlimit");
  if (::prlimit(pid_t(pid), __rlimit_resource(which), setting ? &new_limits : nullptr, &old) != 0)
    return errno == ESRCH ? raise_os_error(t, errno) : limit_error(t, errno);
  return limits_tuple(t, old);
}

INTERP_NATIVE(resource_getrusage) {
  if (!check_positional(t, "getrusage", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t who = 0;
  if (!index_to_i64(t, args[0], who)) return {};
  rusage u{};
  if (::getrusage(int(who), &u) != 0) {
    if (errno == EINVAL) return raise(t, exc(E_ValueError), "invalid who parameter");
    return raise_os_error(t, errno);
  }
  return rusage_result(t, u);
}

INTERP_NATIVE(resource_getpagesize) {
  if (!check_positional(t, "getpagesize", nargs, kwnames, 0, 0, 0)) return {};
  return int_from_i64(t, ::sysconf(_SC_PAGESIZE));
}

} // namespace

Value rusage_result(Thread& t, const rusage& u) {
  Value type = module_attr(t, "resource", "struct_rusage");
  if (!type) return {};
  auto seconds = [](const timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) * 1e-6; };
  const long counts[] = {u.ru_maxrss, u.ru_ixrss,    u.ru_idrss,   u.ru_isrss,   u.ru_minflt,
                         u.ru_majflt, u.ru_nswap,    u.ru_inblock, u.ru_oublock, u.ru_msgsnd,
                         u.ru_msgrcv, u.ru_nsignals, u.ru_nvcsw,   u.ru_nivcsw};
  Value items[16];
  items[0] = float_new(t, seconds(u.ru_utime));
  items[1] = float_new(t, seconds(u.ru_stime));
  for (std::size_t i = 0; i < std::size(counts); ++i)
    items[2 + i] = int_from_i64(t, counts[i]);
  for (Value v : items)
    if (!v) return {};
  return new_struct_sequence(t, type, items, 16);
}

Value make_resource_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"getrlimit", resource_getrlimit},     {"setrlimit", resource_setrlimit},
      {"prlimit", resource_prlimit},         {"getrusage", resource_getrusage},
      {"getpagesize", resource_getpagesize},
  };
  Value m = new_module(t, "resource", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value type = new_struct_sequence_type(t, "struct_rusage", "resource", kUsageFields,
                                        std::size(kUsageFields));
  if (!type) return {};
  module_set(t, m, "struct_rusage", type);
  module_set(t, m, "error", exc(E_OSError));
  static const std::pair<const char*, long> kConstants[] = {
      {"RLIMIT_CPU", RLIMIT_CPU},       {"RLIMIT_FSIZE", RLIMIT_FSIZE},
      {"RLIMIT_DATA", RLIMIT_DATA},     {"RLIMIT_STACK", RLIMIT_STACK},
      {"RLIMIT_CORE", RLIMIT_CORE},     {"RLIMIT_RSS", RLIMIT_RSS},
      {"RLIMIT_NPROC", RLIMIT_NPROC},   {"RLIMIT_NOFILE", RLIMIT_NOFILE},
      {"RLIMIT_OFILE", RLIMIT_OFILE},   {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK},
      {"RLIMIT_AS", RLIMIT_AS},         {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
      {"RLIMIT_NICE", RLIMIT_NICE},     {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},
      {"RLIMIT_RTTIME", RLIMIT_RTTIME}, {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
      {"RUSAGE_SELF", RUSAGE_SELF},     {"RUSAGE_CHILDREN", RUSAGE_CHILDREN},
      {"RUSAGE_THREAD", RUSAGE_THREAD},
  };
  for (const auto& [constant, value] : kConstants)
    module_set(t, m, constant, int_from_i64(t, value));
  module_set(t, m, "RLIM_INFINITY", Value::small_int(-1));
  return m;
}

} // namespace interp
