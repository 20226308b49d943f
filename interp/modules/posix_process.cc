// interp/modules/posix_process.cc - the posix module's processes: exec, the waits
// (waitpid, wait, wait3, wait4, waitid), posix_spawn, user and group ids, priorities and
// scheduling, process groups and terminals, forkpty.
//
// A wait for a child that is not ready yet is a wait of the outermost loop (see "Waiting"
// in docs/ARCHITECTURE.md): the call asks without blocking and without reaping, and while
// no child is ready it commits and waits outside any transaction, then runs again.
// Everything that changes the process makes the transaction inevitable first; exec and
// posix_spawn write what the transaction printed before the program is replaced or
// started, as os._exit does.
#include "interp/modules/modules.h"
#include "interp/modules/posix_internal.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <pty.h>
#include <sched.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utmp.h>
#include <vector>

extern char** environ;

namespace interp::posix {

namespace {

// ---- exec ------------------------------------------------------------------------------------

// What exec and posix_spawn take: argv as C strings, and envp built from a mapping.
struct CommandLine {
  std::vector<std::string> argv, env;
  static std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings)
      out.push_back(s.data());
    out.push_back(nullptr);
    return out;
  }
};

// The messages differ between execv ("execv() arg 2 ...") and the others ("execve: argv
// ..."); CPython checks argv's type and length, then env's type, then converts argv.
struct ArgvMessages {
  const char* not_sequence;
  const char* empty;
  const char* first_empty;
};

bool argv_param(Thread& t, Value argv, const ArgvMessages& m, Value env, const char* env_message,
                CommandLine& out) {
  if (!isinstance(argv, T_list) && !isinstance(argv, T_tuple))
    return raise(t, exc(E_TypeError), m.not_sequence), false;
  std::int64_t n;
  if (!length(t, argv, n)) return false;
  if (n < 1) return raise(t, exc(E_ValueError), m.empty), false;
  if (env && !(isinstance(env, T_dict) || type_lookup(type_of(env), intern_literal(t, "keys"))))
    return raise(t, exc(E_TypeError), env_message), false;
  Value items = tuple_of(t, argv);
  if (!items) return false;
  for (std::int64_t i = 0; i < tuple_length(items); ++i) {
    std::string s;
    if (!path_arg(t, tuple_item(items, i), s)) return false;
    out.argv.push_back(std::move(s));
  }
  if (out.argv[0].empty()) return raise(t, exc(E_ValueError), m.first_empty), false;
  if (!env) return true;
  Value keys = call0(t, getattr(t, env, intern_literal(t, "keys")));
  Value key_list = keys ? list_of(t, keys) : Value();
  if (!key_list) return false;
  for (std::int64_t i = 0; i < list_length(key_list); ++i) {
    Value k = list_item(key_list, i);
    Value v = getitem(t, env, k);
    std::string ks, vs;
    if (!v || !path_arg(t, k, ks) || !path_arg(t, v, vs)) return false;
    // CPython allows '=' as the first character (Windows' per-drive variables).
    if (ks.empty() || ks.find('=', 1) != std::string::npos)
      return raise(t, exc(E_ValueError), "illegal environment variable name"), false;
    out.env.push_back(ks + "=" + vs);
  }
  return true;
}

INTERP_NATIVE(p_execv) {
  if (!positional(t, "execv", nargs, kwnames, 2, 2)) return {};
  std::string path;
  CommandLine cl;
  if (!path_param(t, "execv", args[0], path) ||
      !argv_param(t, args[1],
                  {"execv() arg 2 must be a tuple or list", "execv() arg 2 must not be empty",
                   "execv() arg 2 first element cannot be empty"},
                  {}, nullptr, cl))
    return {};
  vm::become_inevitable_with_output(t, "execv");
  auto argv = CommandLine::pointers(cl.argv);
  ::execv(path.c_str(), argv.data());
  return raise_os_error(t, errno);
}

INTERP_NATIVE(p_execve) {
  Value a[3];
  if (!parse_arguments(t, "execve", args, nargs, kwnames, {"path", "argv", "env"}, 0, 3, a))
    return {};
  std::string path;
  int fd;
  CommandLine cl;
  if (!path_param(t, "execve", a[0], path, &fd) ||
      !argv_param(t, a[1],
                  {"execve: argv must be a tuple or list", "execve: argv must not be empty",
                   "execve: argv first element cannot be empty"},
                  a[2], "execve: environment must be a mapping object", cl))
    return {};
  vm::become_inevitable_with_output(t, "execve");
  auto argv = CommandLine::pointers(cl.argv);
  auto envp = CommandLine::pointers(cl.env);
  if (fd >= 0)
    ::fexecve(fd, argv.data(), envp.data());
  else
    ::execve(path.c_str(), argv.data(), envp.data());
  return raise_os_error(t, errno, fd >= 0 ? Value() : a[0]);
}

// ---- waiting for children ----------------------------------------------------------------------

// The children a wait is for, read by child_ready outside any transaction (the thread that
// set it is the one that waits).
struct WaitedChildren {
  idtype_t type;
  id_t id;
  int flags; // waitid's: WEXITED, WSTOPPED, WCONTINUED
};
thread_local WaitedChildren waited;

// Whether such a wait would return now (without reaping the child); an error is reported
// by the call run again.
bool child_ready(Value) {
  siginfo_t info;
  info.si_pid = 0;
  if (::waitid(waited.type, waited.id, &info, waited.flags | WNOHANG | WNOWAIT) != 0) return true;
  return info.si_pid != 0;
}

// A blocking wait first asks with WNOHANG and WNOWAIT; while no child is ready it asks the
// outermost loop to wait outside (false: the caller returns 0 with no exception). Asking
// does not reap, so it needs no inevitable transaction. Where the wait cannot go outside,
// the call blocks in place. Then the transaction becomes inevitable for the real wait.
bool child_ready_or_wait(Thread& t, idtype_t type, id_t id, int flags, bool nohang) {
  if (t.block_retry == none()) t.block_retry = {};
  if (!nohang) {
    waited = {type, id, flags};
    if (vm::can_wait_outside(t) && !child_ready(none())) {
      t.block_on = none();
      t.block_ready = child_ready;
      t.block_deadline = -1;
      return false;
    }
  }
  stm::become_inevitable("wait");
  return true;
}

// waitpid's pid and options as waitid's.
bool pid_ready_or_wait(Thread& t, pid_t pid, int options) {
  idtype_t type = pid > 0 ? P_PID : pid == -1 ? P_ALL : P_PGID;
  id_t id = pid > 0 ? id_t(pid) : pid < -1 ? id_t(-pid) : 0;
  int flags = WEXITED | (options & (WUNTRACED | WCONTINUED));
  return child_ready_or_wait(t, type, id, flags, options & WNOHANG);
}

// waitpid, wait, wait3, wait4: (pid, status) with the rusage of wait3 and wait4.
Value wait_common(Thread& t, pid_t pid, int options, bool with_usage) {
  if (!pid_ready_or_wait(t, pid, options)) return {};
  int status = 0;
  rusage usage{};
  // WNOHANG unless another thread reaped what child_ready saw (then it blocks, inevitable).
  pid_t r =
      retry_on_eintr([&] { return ::wait4(pid, &status, options, with_usage ? &usage : nullptr); });
  if (r < 0) return raise_os_error(t, errno);
  if (r == 0) usage = rusage{};
  Value items[3] = {int_from_i64(t, r), int_from_i64(t, status),
                    with_usage ? rusage_result(t, usage) : Value()};
  if (with_usage && !items[2]) return {};
  return tuple_from(t, items, with_usage ? 3 : 2);
}

INTERP_NATIVE(p_waitpid) {
  std::int64_t pid;
  int options;
  if (!positional(t, "waitpid", nargs, kwnames, 2, 2, true) || !index_to_i64(t, args[0], pid) ||
      !int_param(t, args[1], options))
    return {};
  return wait_common(t, pid_t(pid), options, false);
}

INTERP_NATIVE(p_wait) {
  if (!positional(t, "wait", nargs, kwnames, 0, 0)) return {};
  return wait_common(t, -1, 0, false);
}

INTERP_NATIVE(p_wait3) {
  Value a[1];
  int options;
  if (!parse_arguments(t, "wait3", args, nargs, kwnames, {"options"}, 0, 1, a) ||
      !int_param(t, a[0], options))
    return {};
  return wait_common(t, -1, options, true);
}

INTERP_NATIVE(p_wait4) {
  Value a[2];
  std::int64_t pid;
  int options;
  if (!parse_arguments(t, "wait4", args, nargs, kwnames, {"pid", "options"}, 0, 2, a) ||
      !index_to_i64(t, a[0], pid) || !int_param(t, a[1], options))
    return {};
  return wait_common(t, pid_t(pid), options, true);
}

// waitid(idtype, id, options) -> waitid_result, or None when WNOHANG found no child.
INTERP_NATIVE(p_waitid) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "waitid() takes no keyword arguments");
  if (nargs != 3)
    return raisef(t, exc(E_TypeError), "waitid() takes exactly 3 arguments (%zu given)", nargs);
  int type, options;
  std::int64_t id;
  if (!int_param(t, args[0], type) || !index_to_i64(t, args[1], id) ||
      !int_param(t, args[2], options))
    return {};
  if (!child_ready_or_wait(t, idtype_t(type), id_t(id), options & ~WNOHANG, options & WNOHANG))
    return {};
  siginfo_t info;
  std::memset(&info, 0, sizeof info);
  int r = retry_on_eintr([&] { return ::waitid(idtype_t(type), id_t(id), &info, options); });
  if (r < 0) return raise_os_error(t, errno);
  if (info.si_pid == 0) return none();
  Value cls = module_attr(t, "posix", "waitid_result");
  if (!cls) return {};
  Value items[5] = {int_from_i64(t, info.si_pid), int_from_i64(t, info.si_uid),
                    int_from_i64(t, info.si_signo), int_from_i64(t, info.si_status),
                    int_from_i64(t, info.si_code)};
  return new_struct_sequence(t, cls, items, 5);
}

// ---- user and group ids ------------------------------------------------------------------------

// An id argument as CPython's _Py_Uid_Converter takes it: an int from 0 to 2**32-2, or -1
// (the "unchanged" of setreuid); `what` is "uid" or "gid".
bool id_param(Thread& t, const char* what, Value v, unsigned& out) {
  std::int64_t n;
  bool too_large = false;
  if (!index_to_i64(t, v, n)) {
    if (matches(t, exc(E_TypeError))) {
      clear_pending(t);
      return raisef(t, exc(E_TypeError), "%s should be integer, not %s", what,
                    type_name_of(v).c_str()),
             false;
    }
    if (!matches(t, exc(E_OverflowError))) return false;
    clear_pending(t);
    too_large = int_to_decimal(v)[0] != '-';
    n = INT64_MIN;
  }
  if (too_large) return raisef(t, exc(E_OverflowError), "%s is greater than maximum", what), false;
  // As in CPython, a value that fits 64 bits but not the id (truncated) is "less".
  if (n < -1 || n > std::int64_t(UINT32_MAX))
    return raisef(t, exc(E_OverflowError), "%s is less than minimum", what), false;
  out = unsigned(n);
  return true;
}

// An id as CPython returns it: (uid_t)-1 is -1.
Value id_value(Thread& t, unsigned id) {
  return int_from_i64(t, id == unsigned(-1) ? -1 : std::int64_t(id));
}

// setuid, setgid, seteuid, setegid, setreuid, setregid, setresuid, setresgid: `n` ids
// passed to `set` as unsigned ints.
Value id_setter(Thread& t, const char* fn, const char* what, const Value* args, std::size_t nargs,
                Value kwnames, std::size_t n, int (*set)(const unsigned* ids)) {
  unsigned ids[3];
  if (!positional(t, fn, nargs, kwnames, n, n)) return {};
  for (std::size_t i = 0; i < n; ++i)
    if (!id_param(t, what, args[i], ids[i])) return {};
  stm::become_inevitable(fn);
  return set(ids) != 0 ? raise_os_error(t, errno) : none();
}

#define ID_SETTER(NAME, WHAT, N, CALL)                                                             \
  INTERP_NATIVE(p_##NAME) {                                                                        \
    return id_setter(t, #NAME, WHAT, args, nargs, kwnames, N,                                      \
                     [](const unsigned* ids) { return CALL; });                                    \
  }
ID_SETTER(setuid, "uid", 1, ::setuid(ids[0]))
ID_SETTER(setgid, "gid", 1, ::setgid(ids[0]))
ID_SETTER(seteuid, "uid", 1, ::seteuid(ids[0]))
ID_SETTER(setegid, "gid", 1, ::setegid(ids[0]))
ID_SETTER(setreuid, "uid", 2, ::setreuid(ids[0], ids[1]))
ID_SETTER(setregid, "gid", 2, ::setregid(ids[0], ids[1]))
ID_SETTER(setresuid, "uid", 3, ::setresuid(ids[0], ids[1], ids[2]))
ID_SETTER(setresgid, "gid", 3, ::setresgid(ids[0], ids[1], ids[2]))
#undef ID_SETTER

template <class Id, int (*Get)(Id*, Id*, Id*)>
Value id_triple(Thread& t, const char* fn, std::size_t nargs, Value kwnames) {
  if (!positional(t, fn, nargs, kwnames, 0, 0)) return {};
  Id ids[3];
  if (Get(&ids[0], &ids[1], &ids[2]) != 0) return raise_os_error(t, errno);
  Value items[3] = {id_value(t, ids[0]), id_value(t, ids[1]), id_value(t, ids[2])};
  return tuple_from(t, items, 3);
}
INTERP_NATIVE(p_getresuid) {
  return id_triple<uid_t, ::getresuid>(t, "getresuid", nargs, kwnames);
}
INTERP_NATIVE(p_getresgid) {
  return id_triple<gid_t, ::getresgid>(t, "getresgid", nargs, kwnames);
}

INTERP_NATIVE(p_setgroups) {
  if (!positional(t, "setgroups", nargs, kwnames, 1, 1)) return {};
  Value seq = args[0];
  if (!sequence_check(t, seq))
    return raise(t, exc(E_TypeError), "setgroups argument must be a sequence");
  Value items = tuple_of(t, seq);
  if (!items) return {};
  if (tuple_length(items) > NGROUPS_MAX) return raise(t, exc(E_ValueError), "too many groups");
  std::vector<gid_t> groups;
  for (std::int64_t i = 0; i < tuple_length(items); ++i) {
    Value v = tuple_item(items, i);
    unsigned gid;
    if (!int_check(v)) return raise(t, exc(E_TypeError), "groups must be integers");
    if (!id_param(t, "gid", v, gid)) return {};
    groups.push_back(gid);
  }
  stm::become_inevitable("setgroups");
  return ::setgroups(groups.size(), groups.data()) != 0 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(p_getgrouplist) {
  if (!positional(t, "getgrouplist", nargs, kwnames, 2, 2)) return {};
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "getgrouplist() argument 1 must be str, not %s",
                  type_name_of(args[0]).c_str());
  unsigned base;
  if (!id_param(t, "gid", args[1], base)) return {};
  std::string user = str_utf8(args[0]);
  int n = 64;
  std::vector<gid_t> groups;
  for (;;) {
    groups.resize(std::size_t(n));
    int got = n;
    if (::getgrouplist(user.c_str(), base, groups.data(), &got) >= 0) {
      groups.resize(std::size_t(got));
      break;
    }
    if (got <= n)
      n *= 2;
    else
      n = got;
    if (n > 65536 * 4) return raise_os_error(t, EINVAL);
  }
  Value list = list_new(t);
  for (gid_t g : groups)
    if (!list || !list_append(t, list, id_value(t, g))) return {};
  return list;
}

INTERP_NATIVE(p_initgroups) {
  if (!positional(t, "initgroups", nargs, kwnames, 2, 2)) return {};
  std::string user;
  unsigned gid;
  if (!path_arg(t, args[0], user) || !id_param(t, "gid", args[1], gid)) return {};
  stm::become_inevitable("initgroups");
  return ::initgroups(user.c_str(), gid) != 0 ? raise_os_error(t, errno) : none();
}

// ---- priorities, process groups, terminals ---------------------------------------------------

// Calls of int arguments: `n` of them, given to `call`, which returns its C result and
// sets `failed` (with errno) when the call failed.
Value int_call(Thread& t, const char* fn, const Value* args, std::size_t nargs, Value kwnames,
               std::size_t n, bool inevitable, std::int64_t (*call)(const int* a, bool& failed),
               bool returns_none) {
  int a[3];
  // Those of several arguments are METH_VARARGS functions in CPython (tcsetpgrp), or
  // called with the arguments a keyword parser put in order (getpriority).
  if (!positional(t, fn, nargs, kwnames, n, n, n >= 2)) return {};
  for (std::size_t i = 0; i < n; ++i)
    if (!int_param(t, args[i], a[i])) return {};
  if (inevitable) stm::become_inevitable(fn);
  bool failed = false;
  errno = 0;
  std::int64_t r = call(a, failed);
  if (failed) return raise_os_error(t, errno);
  return returns_none ? none() : int_from_i64(t, r);
}

#define INT_CALL(NAME, N, INEVITABLE, RETURNS_NONE, BODY)                                          \
  INTERP_NATIVE(p_##NAME) {                                                                        \
    return int_call(                                                                               \
        t, #NAME, args, nargs, kwnames, N, INEVITABLE,                                             \
        [](const int* a, bool& failed) -> std::int64_t { BODY }, RETURNS_NONE);                    \
  }
// nice and getpriority may return -1 as a value: errno tells.
INT_CALL(nice, 1, true, false, {
  int r = ::nice(a[0]);
  failed = r == -1 && errno != 0;
  return r;
})
INT_CALL(getpriority_int, 2, false, false, {
  int r = ::getpriority(__priority_which_t(a[0]), id_t(a[1]));
  failed = r == -1 && errno != 0;
  return r;
})
INT_CALL(setpriority_int, 3, true, true, {
  failed = ::setpriority(__priority_which_t(a[0]), id_t(a[1]), a[2]) != 0;
  return 0;
})
INT_CALL(setpgrp, 0, true, true, {
  (void)a;
  failed = ::setpgid(0, 0) != 0;
  return 0;
})
INT_CALL(tcgetpgrp, 1, false, false, {
  pid_t r = ::tcgetpgrp(a[0]);
  failed = r < 0;
  return r;
})
INT_CALL(tcsetpgrp, 2, true, true, {
  failed = ::tcsetpgrp(a[0], pid_t(a[1])) != 0;
  return 0;
})
INT_CALL(login_tty, 1, true, true, {
  failed = ::login_tty(a[0]) != 0;
  return 0;
})
INT_CALL(sched_get_priority_max_int, 1, false, false, {
  int r = ::sched_get_priority_max(a[0]);
  failed = r < 0;
  return r;
})
INT_CALL(sched_get_priority_min_int, 1, false, false, {
  int r = ::sched_get_priority_min(a[0]);
  failed = r < 0;
  return r;
})
INT_CALL(sched_getscheduler, 1, false, false, {
  int r = ::sched_getscheduler(pid_t(a[0]));
  failed = r < 0;
  return r;
})
#undef INT_CALL

// getpriority, setpriority, sched_get_priority_max and _min take their arguments by
// keyword too.
INTERP_NATIVE(p_getpriority) {
  Value a[2];
  if (!parse_arguments(t, "getpriority", args, nargs, kwnames, {"which", "who"}, 0, 2, a))
    return {};
  return p_getpriority_int(t, a, 2, {});
}
INTERP_NATIVE(p_setpriority) {
  Value a[3];
  if (!parse_arguments(t, "setpriority", args, nargs, kwnames, {"which", "who", "priority"}, 0, 3,
                       a))
    return {};
  return p_setpriority_int(t, a, 3, {});
}
INTERP_NATIVE(p_sched_get_priority_max) {
  Value a[1];
  if (!parse_arguments(t, "sched_get_priority_max", args, nargs, kwnames, {"policy"}, 0, 1, a))
    return {};
  return p_sched_get_priority_max_int(t, a, 1, {});
}
INTERP_NATIVE(p_sched_get_priority_min) {
  Value a[1];
  if (!parse_arguments(t, "sched_get_priority_min", args, nargs, kwnames, {"policy"}, 0, 1, a))
    return {};
  return p_sched_get_priority_min_int(t, a, 1, {});
}

INTERP_NATIVE(p_getlogin) {
  if (!positional(t, "getlogin", nargs, kwnames, 0, 0)) return {};
  errno = 0;
  const char* name = ::getlogin();
  if (!name) {
    if (errno) return raise_os_error(t, errno);
    return raise(t, exc(E_OSError), "unable to determine login name");
  }
  return str_from_utf8(t, name);
}

INTERP_NATIVE(p_ctermid) {
  if (!positional(t, "ctermid", nargs, kwnames, 0, 0)) return {};
  char buffer[L_ctermid];
  if (!::ctermid(buffer)) return raise_os_error(t, errno);
  return str_from_utf8(t, buffer);
}

INTERP_NATIVE(p_ttyname) {
  int fd;
  if (!positional(t, "ttyname", nargs, kwnames, 1, 1) || !int_param(t, args[0], fd)) return {};
  char buffer[256];
  int err = ::ttyname_r(fd, buffer, sizeof buffer);
  return err ? raise_os_error(t, err) : str_from_utf8(t, buffer);
}

// forkpty() -> (pid, master fd): the child's standard streams and controlling terminal
// are the pseudo-terminal's slave end.
void forkpty_child(void* fds) {
  int* pair = static_cast<int*>(fds);
  ::close(pair[0]);
  if (::login_tty(pair[1]) != 0) ::_exit(1);
}

INTERP_NATIVE(p_forkpty) {
  if (!positional(t, "forkpty", nargs, kwnames, 0, 0)) return {};
  stm::become_inevitable("forkpty");
  int fds[2];
  if (::openpty(&fds[0], &fds[1], nullptr, nullptr, nullptr) != 0) return raise_os_error(t, errno);
  int pid = fork_with_hooks(t, "forkpty", forkpty_child, fds);
  if (pid < 0) {
    int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return raise_os_error(t, err);
  }
  if (pid == 0) {
    fds[0] = -1;
  } else {
    ::close(fds[1]);
    ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  }
  Value items[2] = {int_from_i64(t, pid), Value::small_int(fds[0])};
  return tuple_from(t, items, 2);
}

// ---- scheduling --------------------------------------------------------------------------------

// sched_param(sched_priority): a struct sequence of one field.
INTERP_NATIVE(p_sched_param_new) {
  // args[0] is the class.
  Value a[1];
  if (!parse_arguments(t, "sched_param", args + 1, nargs - 1, kwnames, {"sched_priority"}, 0, 1, a))
    return {};
  return new_struct_sequence(t, args[0], a, 1);
}

bool sched_param_arg(Thread& t, Value v, sched_param& out) {
  Value cls = module_attr(t, "posix", "sched_param");
  if (!cls) return false;
  if (type_of(v) != cls) return raise(t, exc(E_TypeError), "must have a sched_param object"), false;
  std::int64_t priority;
  if (!index_to_i64(t, tuple_item(v, 0), priority)) return false;
  if (priority > INT32_MAX || priority < INT32_MIN)
    return raise(t, exc(E_OverflowError), "sched_priority out of range"), false;
  out.sched_priority = int(priority);
  return true;
}

Value sched_param_value(Thread& t, const sched_param& p) {
  Value cls = module_attr(t, "posix", "sched_param");
  Value priority = Value::small_int(p.sched_priority);
  return cls ? new_struct_sequence(t, cls, &priority, 1) : Value();
}

INTERP_NATIVE(p_sched_getparam) {
  std::int64_t pid;
  if (!positional(t, "sched_getparam", nargs, kwnames, 1, 1) || !index_to_i64(t, args[0], pid))
    return {};
  sched_param p{};
  if (::sched_getparam(pid_t(pid), &p) != 0) return raise_os_error(t, errno);
  return sched_param_value(t, p);
}

INTERP_NATIVE(p_sched_setparam) {
  std::int64_t pid;
  sched_param p{};
  if (!positional(t, "sched_setparam", nargs, kwnames, 2, 2, true) ||
      !index_to_i64(t, args[0], pid) || !sched_param_arg(t, args[1], p))
    return {};
  stm::become_inevitable("sched_setparam");
  return ::sched_setparam(pid_t(pid), &p) != 0 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(p_sched_setscheduler) {
  std::int64_t pid;
  int policy;
  sched_param p{};
  if (!positional(t, "sched_setscheduler", nargs, kwnames, 3, 3, true) ||
      !index_to_i64(t, args[0], pid) || !int_param(t, args[1], policy) ||
      !sched_param_arg(t, args[2], p))
    return {};
  stm::become_inevitable("sched_setscheduler");
  return ::sched_setscheduler(pid_t(pid), policy, &p) != 0 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(p_sched_rr_get_interval) {
  std::int64_t pid;
  if (!positional(t, "sched_rr_get_interval", nargs, kwnames, 1, 1) ||
      !index_to_i64(t, args[0], pid))
    return {};
  timespec interval{};
  if (::sched_rr_get_interval(pid_t(pid), &interval) != 0) return raise_os_error(t, errno);
  return float_new(t, double(interval.tv_sec) + 1e-9 * double(interval.tv_nsec));
}

INTERP_NATIVE(p_sched_setaffinity) {
  std::int64_t pid;
  if (!positional(t, "sched_setaffinity", nargs, kwnames, 2, 2, true) ||
      !index_to_i64(t, args[0], pid))
    return {};
  Value cpus = tuple_of(t, args[1]);
  if (!cpus) return {};
  cpu_set_t set;
  CPU_ZERO(&set);
  for (std::int64_t i = 0; i < tuple_length(cpus); ++i) {
    Value v = tuple_item(cpus, i);
    if (!int_check(v))
      return raisef(t, exc(E_TypeError), "expected an iterator of ints, but iterator yielded %s",
                    repr_utf8(t, type_of(v)).c_str());
    std::int64_t cpu;
    if (!index_to_i64(t, v, cpu)) {
      if (!matches(t, exc(E_OverflowError))) return {};
      clear_pending(t);
      cpu = INT64_MAX;
    }
    if (cpu < 0) return raise(t, exc(E_ValueError), "negative CPU number");
    if (cpu > INT32_MAX) return raise(t, exc(E_OverflowError), "invalid CPU number");
    // A CPU beyond the set's size is one the kernel does not have.
    if (cpu >= CPU_SETSIZE) return raise_os_error(t, EINVAL);
    CPU_SET(int(cpu), &set);
  }
  stm::become_inevitable("sched_setaffinity");
  return ::sched_setaffinity(pid_t(pid), sizeof set, &set) != 0 ? raise_os_error(t, errno) : none();
}

// ---- posix_spawn -------------------------------------------------------------------------------

// A set of signals given as an iterable of signal numbers.
bool sigset_param(Thread& t, Value v, sigset_t& out) {
  Value items = tuple_of(t, v);
  if (!items) return false;
  sigemptyset(&out);
  for (std::int64_t i = 0; i < tuple_length(items); ++i) {
    std::int64_t sig;
    if (!index_to_i64(t, tuple_item(items, i), sig)) return false;
    if (sig < 1 || sig >= NSIG)
      return raisef(t, exc(E_ValueError), "signal number %lld out of range [1; %d]", (long long)sig,
                    NSIG - 1),
             false;
    sigaddset(&out, int(sig));
  }
  return true;
}

// The items of one file action; `n` of them or TypeError(`message`).
Value action_items(Thread& t, Value action, std::int64_t n, const char* message) {
  Value items = tuple_of(t, action);
  if (items && tuple_length(items) != n) return raise(t, exc(E_TypeError), message);
  return items;
}

bool file_actions_param(Thread& t, Value v, posix_spawn_file_actions_t& out,
                        std::vector<std::string>& paths) {
  if (!sequence_check(t, v))
    return raise(t, exc(E_TypeError), "file_actions must be a sequence or None"), false;
  Value actions = tuple_of(t, v);
  if (!actions) return false;
  const char* kNotTuple = "Each file_actions element must be a non-empty tuple";
  paths.reserve(std::size_t(tuple_length(actions))); // addopen keeps the pointer
  for (std::int64_t i = 0; i < tuple_length(actions); ++i) {
    Value action = tuple_item(actions, i);
    if (!sequence_check(t, action)) return raise(t, exc(E_TypeError), kNotTuple), false;
    Value items = tuple_of(t, action);
    if (!items) return false;
    if (tuple_length(items) < 1) return raise(t, exc(E_TypeError), kNotTuple), false;
    std::int64_t tag;
    if (!index_to_i64(t, tuple_item(items, 0), tag)) return false;
    int fd, fd2, flags, err;
    std::int64_t mode;
    switch (tag) {
    case 0: // POSIX_SPAWN_OPEN
      if (!action_items(t, items, 5, "A open file_action tuple must have 5 elements")) return false;
      paths.emplace_back();
      if (!int_param(t, tuple_item(items, 1), fd) ||
          !path_arg(t, tuple_item(items, 2), paths.back()) ||
          !int_param(t, tuple_item(items, 3), flags) ||
          !index_to_i64(t, tuple_item(items, 4), mode))
        return false;
      err = posix_spawn_file_actions_addopen(&out, fd, paths.back().c_str(), flags, mode_t(mode));
      break;
    case 1: // POSIX_SPAWN_CLOSE
      if (!action_items(t, items, 2, "A close file_action tuple must have 2 elements") ||
          !int_param(t, tuple_item(items, 1), fd))
        return false;
      err = posix_spawn_file_actions_addclose(&out, fd);
      break;
    case 2: // POSIX_SPAWN_DUP2
      if (!action_items(t, items, 3, "A dup2 file_action tuple must have 3 elements") ||
          !int_param(t, tuple_item(items, 1), fd) || !int_param(t, tuple_item(items, 2), fd2))
        return false;
      err = posix_spawn_file_actions_adddup2(&out, fd, fd2);
      break;
    default:
      return raise(t, exc(E_TypeError), "Unknown file_actions identifier"), false;
    }
    if (err) return raise_os_error(t, err), false;
  }
  return true;
}

// setpgroup, resetids, setsid, setsigmask, setsigdef, scheduler: the keyword-only
// arguments (a[3] to a[8]) as the attributes of the spawn.
bool spawn_attributes(Thread& t, const Value* a, posix_spawnattr_t& attr) {
  short flags = 0;
  int err = 0;
  if (a[3]) {
    std::int64_t pgroup;
    if (!index_to_i64(t, a[3], pgroup)) return false;
    err = posix_spawnattr_setpgroup(&attr, pid_t(pgroup));
    flags |= POSIX_SPAWN_SETPGROUP;
  }
  int yes;
  if (a[4]) {
    if (!int_param(t, a[4], yes)) return false;
    if (yes) flags |= POSIX_SPAWN_RESETIDS;
  }
  if (a[5]) {
    if (!int_param(t, a[5], yes)) return false;
    if (yes) flags |= POSIX_SPAWN_SETSID;
  }
  sigset_t set;
  if (a[6]) {
    if (!sigset_param(t, a[6], set)) return false;
    if (!err) err = posix_spawnattr_setsigmask(&attr, &set);
    flags |= POSIX_SPAWN_SETSIGMASK;
  }
  if (a[7]) {
    if (!sigset_param(t, a[7], set)) return false;
    if (!err) err = posix_spawnattr_setsigdefault(&attr, &set);
    flags |= POSIX_SPAWN_SETSIGDEF;
  }
  if (a[8]) {
    Value items = isinstance(a[8], T_tuple) ? a[8] : Value();
    if (!items)
      return raise(t, exc(E_SystemError), "new style getargs format but argument is not a tuple"),
             false;
    if (tuple_length(items) != 2)
      return raise(t, exc(E_TypeError), "A scheduler tuple must have two elements"), false;
    sched_param p{};
    if (!sched_param_arg(t, tuple_item(items, 1), p)) return false;
    if (tuple_item(items, 0) != none()) {
      int policy;
      if (!int_param(t, tuple_item(items, 0), policy)) return false;
      if (!err) err = posix_spawnattr_setschedpolicy(&attr, policy);
      flags |= POSIX_SPAWN_SETSCHEDULER;
    }
    if (!err) err = posix_spawnattr_setschedparam(&attr, &p);
    flags |= POSIX_SPAWN_SETSCHEDPARAM;
  }
  if (!err) err = posix_spawnattr_setflags(&attr, flags);
  if (err) return raise_os_error(t, err), false;
  return true;
}

// posix_spawn(path, argv, env, /, *, file_actions=(), setpgroup=None, resetids=False,
// setsid=False, setsigmask=(), setsigdef=(), scheduler=None) -> pid; posix_spawnp
// searches PATH for the file.
Value spawn(Thread& t, const char* fn, const Value* args, std::size_t nargs, Value kwnames,
            bool search) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos != 3)
    return raisef(t, exc(E_TypeError), "%s() takes exactly 3 positional arguments (%zu given)", fn,
                  npos);
  static const char* const kKeywords[] = {"file_actions", "setpgroup", "resetids",  "setsid",
                                          "setsigmask",   "setsigdef", "scheduler", nullptr};
  if (!check_keywords(t, fn, kwnames, kKeywords, true)) return {};
  Value a[10] = {};
  // a[0..2]: the positional ones; a[3..8]: setpgroup ... scheduler; a[9]: file_actions.
  for (int i = 0; i < 3; ++i)
    a[i] = args[i];
  a[9] = keyword_arg(kwnames, args, nargs, kKeywords[0]);
  for (int i = 1; i < 7; ++i)
    a[2 + i] = keyword_arg(kwnames, args, nargs, kKeywords[i]);
  std::string path;
  CommandLine cl;
  std::string prefix = fn;
  std::string messages[4] = {prefix + ": argv must be a tuple or list",
                             prefix + ": argv must not be empty",
                             prefix + ": argv first element cannot be empty",
                             prefix + ": environment must be a mapping object"};
  if (!path_param(t, fn, a[0], path) ||
      !argv_param(t, a[1], {messages[0].c_str(), messages[1].c_str(), messages[2].c_str()}, a[2],
                  messages[3].c_str(), cl))
    return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  std::vector<std::string> paths;
  bool ok = (!a[9] || a[9] == none() || file_actions_param(t, a[9], actions, paths)) &&
            spawn_attributes(t, a, attr);
  pid_t pid = -1;
  int err = 0;
  if (ok) {
    vm::become_inevitable_with_output(t, fn);
    auto argv = CommandLine::pointers(cl.argv);
    auto envp = CommandLine::pointers(cl.env);
    err = (search ? ::posix_spawnp : ::posix_spawn)(&pid, path.c_str(), &actions, &attr,
                                                    argv.data(), envp.data());
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (!ok) return {};
  if (err) return raise_os_error(t, err, a[0]);
  return int_from_i64(t, pid);
}

INTERP_NATIVE(p_posix_spawn) {
  return spawn(t, "posix_spawn", args, nargs, kwnames, false);
}
INTERP_NATIVE(p_posix_spawnp) {
  return spawn(t, "posix_spawnp", args, nargs, kwnames, true);
}

} // namespace

bool add_process_functions(Thread& t, Value m) {
  static const ModuleFunction kFunctions[] = {
      {"execv", p_execv},
      {"execve", p_execve},
      {"waitpid", p_waitpid},
      {"wait", p_wait},
      {"wait3", p_wait3},
      {"wait4", p_wait4},
      {"waitid", p_waitid},
      {"setuid", p_setuid},
      {"setgid", p_setgid},
      {"seteuid", p_seteuid},
      {"setegid", p_setegid},
      {"setreuid", p_setreuid},
      {"setregid", p_setregid},
      {"setresuid", p_setresuid},
      {"setresgid", p_setresgid},
      {"getresuid", p_getresuid},
      {"getresgid", p_getresgid},
      {"setgroups", p_setgroups},
      {"getgrouplist", p_getgrouplist},
      {"initgroups", p_initgroups},
      {"nice", p_nice},
      {"getpriority", p_getpriority},
      {"setpriority", p_setpriority},
      {"setpgrp", p_setpgrp},
      {"tcgetpgrp", p_tcgetpgrp},
      {"tcsetpgrp", p_tcsetpgrp},
      {"login_tty", p_login_tty},
      {"getlogin", p_getlogin},
      {"ctermid", p_ctermid},
      {"ttyname", p_ttyname},
      {"forkpty", p_forkpty},
      {"sched_get_priority_max", p_sched_get_priority_max},
      {"sched_get_priority_min", p_sched_get_priority_min},
      {"sched_getscheduler", p_sched_getscheduler},
      {"sched_getparam", p_sched_getparam},
      {"sched_setparam", p_sched_setparam},
      {"sched_setscheduler", p_sched_setscheduler},
      {"sched_rr_get_interval", p_sched_rr_get_interval},
      {"sched_setaffinity", p_sched_setaffinity},
      {"posix_spawn", p_posix_spawn},
      {"posix_spawnp", p_posix_spawnp},
  };
  if (!add_module_functions(t, m, kFunctions, std::size(kFunctions))) return false;
  static const IntConstant kConstants[] = {
      {"WEXITED", WEXITED},
      {"WSTOPPED", WSTOPPED},
      {"WNOWAIT", WNOWAIT},
      {"P_ALL", P_ALL},
      {"P_PID", P_PID},
      {"P_PGID", P_PGID},
      {"P_PIDFD", 3}, // glibc 2.36's P_PIDFD
      {"CLD_EXITED", CLD_EXITED},
      {"CLD_KILLED", CLD_KILLED},
      {"CLD_DUMPED", CLD_DUMPED},
      {"CLD_TRAPPED", CLD_TRAPPED},
      {"CLD_STOPPED", CLD_STOPPED},
      {"CLD_CONTINUED", CLD_CONTINUED},
      {"PRIO_PROCESS", PRIO_PROCESS},
      {"PRIO_PGRP", PRIO_PGRP},
      {"PRIO_USER", PRIO_USER},
      {"SCHED_OTHER", SCHED_OTHER},
      {"SCHED_FIFO", SCHED_FIFO},
      {"SCHED_RR", SCHED_RR},
      {"SCHED_BATCH", SCHED_BATCH},
      {"SCHED_IDLE", SCHED_IDLE},
      {"SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK},
      {"POSIX_SPAWN_OPEN", 0},
      {"POSIX_SPAWN_CLOSE", 1},
      {"POSIX_SPAWN_DUP2", 2},
  };
  add_int_constants(t, m, kConstants, std::size(kConstants));
  static const char* const kWaitidFields[] = {"si_pid", "si_uid", "si_signo", "si_status",
                                              "si_code"};
  Value waitid_result = new_struct_sequence_type(t, "waitid_result", "posix", kWaitidFields, 5);
  static const char* const kSchedFields[] = {"sched_priority"};
  Value param = new_struct_sequence_type(t, "sched_param", "posix", kSchedFields, 1);
  if (!waitid_result || !param) return false;
  add_staticmethod(t, param, "__new__", p_sched_param_new);
  module_set(t, m, "waitid_result", waitid_result);
  module_set(t, m, "sched_param", param);
  return true;
}

} // namespace interp::posix
