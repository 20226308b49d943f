// interp/modules/syslog.cc - the syslog module: openlog, syslog, closelog, setlogmask, the
// LOG_MASK and LOG_UPTO helpers and the system's LOG_* constants, with CPython 3.11's
// argument handling, error messages and audit events.
//
// Every call changes the process's logging state or writes to the system log, neither of
// which can be undone, so each makes the running transaction inevitable first. That also
// serialises them, which keeps the ident string (the C library keeps the pointer
// openlog() was given) safe to replace.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <cstdint>
#include <string>
#include <syslog.h>

namespace interp {

namespace {

// What openlog() was last given as ident: the C library keeps pointing at it.
std::string log_ident;
bool log_ident_set = false;
bool log_open = false;

bool audit(Thread& t, const char* event, std::initializer_list<Value> values) {
  Value hook = module_attr(t, "sys", "audit");
  Value name = hook ? str_from_ascii(t, event) : Value();
  if (!name) return false;
  Value args[4] = {name};
  std::size_t n = 1;
  for (Value v : values) {
    if (!v) return false;
    args[n++] = v;
  }
  return bool(call(t, hook, args, n));
}

// An argument CPython parses as a C long.
bool long_arg(Thread& t, Value v, std::int64_t& out) {
  if (index_to_i64(t, v, out)) return true;
  if (matches(t, exc(E_OverflowError))) {
    clear_pending(t);
    raise(t, exc(E_OverflowError), "Python int too large to convert to C long");
  }
  return false;
}

// The ident openlog() uses when given none: the base name of sys.argv[0], or none at all
// (the C library then uses the program's name) when that is missing or empty.
bool default_ident(Thread& t, Value& ident) {
  ident = none();
  Value argv = module_attr(t, "sys", "argv");
  if (!argv) {
    clear_pending(t);
    return true;
  }
  if (!isinstance(argv, T_list) || list_length(argv) == 0) return true;
  Value first = list_item(argv, 0);
  if (!str_check(first) || str_length(first) == 0) return true;
  std::string path = str_utf8(first);
  std::size_t slash = path.rfind('/');
  ident = str_from_utf8(t, slash == std::string::npos ? path : path.substr(slash + 1));
  return bool(ident);
}

bool open_log(Thread& t, Value ident, std::int64_t option, std::int64_t facility) {
  std::string text;
  if (ident != none() && !str_utf8_strict(t, ident, text)) return false;
  if (!audit(t, "syslog.openlog", {ident, int_from_i64(t, option), int_from_i64(t, facility)}))
    return false;
  stm::become_inevitable("syslog.openlog");
  log_ident = std::move(text);
  log_ident_set = ident != none();
  ::openlog(log_ident_set ? log_ident.c_str() : nullptr, int(option), int(facility));
  log_open = true;
  return true;
}

// openlog(ident=sys.argv[0]'s base name, logoption=0, facility=LOG_USER)
INTERP_NATIVE(syslog_openlog) {
  Value a[3];
  if (!parse_arguments(t, "openlog", args, nargs, kwnames, {"ident", "logoption", "facility"}, 0, 0,
                       a))
    return {};
  Value ident = a[0];
  if (ident && !str_check(ident))
    return raisef(t, exc(E_TypeError), "openlog() argument 1 must be str, not %s",
                  ident == none() ? "None" : type_name_of(ident).c_str());
  std::int64_t option = 0, facility = LOG_USER;
  if (a[1] && !long_arg(t, a[1], option)) return {};
  if (a[2] && !long_arg(t, a[2], facility)) return {};
  if (!ident && !default_ident(t, ident)) return {};
  return open_log(t, ident, option, facility) ? none() : Value();
}

// syslog([priority=LOG_INFO,] message): opens the log as openlog() with no arguments
// would, if it is not open.
INTERP_NATIVE(syslog_syslog) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "syslog() takes no keyword arguments");
  std::int64_t priority = LOG_INFO;
  Value message = nargs == 1 ? args[0] : nargs == 2 ? args[1] : Value();
  // CPython reports every mistake in the arguments with the one usage message.
  bool ok = message && str_check(message);
  if (ok && nargs == 2) {
    Value p = args[0];
    ok = (p.is_small_int() || int_check(p) || lookup_special(t, p, N___index__)) &&
         index_to_i64(t, p, priority) && priority >= INT32_MIN && priority <= INT32_MAX;
    if (t.pending && !matches(t, exc(E_TypeError)) && !matches(t, exc(E_OverflowError))) return {};
    clear_pending(t);
  }
  if (!ok) return raise(t, exc(E_TypeError), "[priority,] message string");
  std::string text;
  if (!str_utf8_strict(t, message, text)) return {};
  if (!audit(t, "syslog.syslog", {int_from_i64(t, priority), message})) return {};
  stm::become_inevitable("syslog.syslog");
  if (!log_open) {
    Value ident;
    if (!default_ident(t, ident) || !open_log(t, ident, 0, LOG_USER)) return {};
  }
  ::syslog(int(priority), "%s", text.c_str());
  return none();
}

INTERP_NATIVE(syslog_closelog) {
  if (!check_positional(t, "syslog.closelog", nargs, kwnames, 0, 0, 0)) return {};
  if (!audit(t, "syslog.closelog", {})) return {};
  stm::become_inevitable("syslog.closelog");
  if (log_open) {
    ::closelog();
    log_ident.clear();
    log_ident_set = false;
    log_open = false;
  }
  return none();
}

// setlogmask(maskpri): the previous mask; 0 leaves the mask as it is.
INTERP_NATIVE(syslog_setlogmask) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "setlogmask() takes no keyword arguments");
  if (nargs != 1) return raise(t, exc(E_TypeError), "mask for priority");
  std::int64_t mask;
  if (!long_arg(t, args[0], mask)) return {};
  Value mask_v = int_from_i64(t, mask);
  if (!mask_v || !audit(t, "syslog.setlogmask", {mask_v})) return {};
  stm::become_inevitable("syslog.setlogmask");
  // The C function takes an int: a wider mask keeps its low 32 bits, as in CPython.
  return int_from_i64(t, ::setlogmask(int(static_cast<std::uint32_t>(mask))));
}

// LOG_MASK and LOG_UPTO compute as the C macros do on CPython's platforms: in a 32-bit
// int, the shift count taken modulo 32 and overflow wrapping.
bool priority_arg(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
                  std::int64_t& pri) {
  if (keyword_count(kwnames)) {
    raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", fname);
    return false;
  }
  if (nargs != 1) {
    raisef(t, exc(E_TypeError), "%s() takes exactly 1 argument (%zu given)", fname, nargs);
    return false;
  }
  return long_arg(t, args[0], pri);
}

std::int32_t shifted_one(std::int64_t count) {
  return std::int32_t(std::uint32_t(1) << (std::uint64_t(count) & 31));
}

INTERP_NATIVE(syslog_log_mask) {
  std::int64_t pri;
  if (!priority_arg(t, "LOG_MASK", args, nargs, kwnames, pri)) return {};
  return int_from_i64(t, shifted_one(pri));
}

INTERP_NATIVE(syslog_log_upto) {
  std::int64_t pri;
  if (!priority_arg(t, "LOG_UPTO", args, nargs, kwnames, pri)) return {};
  std::uint32_t all = std::uint32_t(shifted_one(std::int64_t(std::uint64_t(pri) + 1))) - 1;
  return int_from_i64(t, std::int32_t(all));
}

} // namespace

Value make_syslog_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"openlog", syslog_openlog},   {"syslog", syslog_syslog},
      {"closelog", syslog_closelog}, {"setlogmask", syslog_setlogmask},
      {"LOG_MASK", syslog_log_mask}, {"LOG_UPTO", syslog_log_upto},
  };
  Value m = new_module(t, "syslog", kFunctions, std::size(kFunctions));
  if (!m) return {};
  static const std::pair<const char*, long> kConstants[] = {
      {"LOG_EMERG", LOG_EMERG},   {"LOG_ALERT", LOG_ALERT},     {"LOG_CRIT", LOG_CRIT},
      {"LOG_ERR", LOG_ERR},       {"LOG_WARNING", LOG_WARNING}, {"LOG_NOTICE", LOG_NOTICE},
      {"LOG_INFO", LOG_INFO},     {"LOG_DEBUG", LOG_DEBUG},     {"LOG_PID", LOG_PID},
      {"LOG_CONS", LOG_CONS},     {"LOG_NDELAY", LOG_NDELAY},   {"LOG_ODELAY", LOG_ODELAY},
      {"LOG_NOWAIT", LOG_NOWAIT}, {"LOG_PERROR", LOG_PERROR},   {"LOG_KERN", LOG_KERN},
      {"LOG_USER", LOG_USER},     {"LOG_MAIL", LOG_MAIL},       {"LOG_DAEMON", LOG_DAEMON},
      {"LOG_AUTH", LOG_AUTH},     {"LOG_LPR", LOG_LPR},         {"LOG_LOCAL0", LOG_LOCAL0},
      {"LOG_LOCAL1", LOG_LOCAL1}, {"LOG_LOCAL2", LOG_LOCAL2},   {"LOG_LOCAL3", LOG_LOCAL3},
      {"LOG_LOCAL4", LOG_LOCAL4}, {"LOG_LOCAL5", LOG_LOCAL5},   {"LOG_LOCAL6", LOG_LOCAL6},
      {"LOG_LOCAL7", LOG_LOCAL7}, {"LOG_SYSLOG", LOG_SYSLOG},   {"LOG_CRON", LOG_CRON},
      {"LOG_UUCP", LOG_UUCP},     {"LOG_NEWS", LOG_NEWS},       {"LOG_AUTHPRIV", LOG_AUTHPRIV},
  };
  for (const auto& [name, value] : kConstants)
    module_set(t, m, name, int_from_i64(t, value));
  return m;
}

} // namespace interp
