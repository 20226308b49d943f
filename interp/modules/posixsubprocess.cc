// interp/modules/posixsubprocess.cc - _posixsubprocess.fork_exec, what subprocess.Popen
// starts a child with on Linux.
//
// Everything the child needs (argv, envp, the executables to try, the working directory)
// is turned into plain C strings before the fork; the transaction becomes inevitable
// first (a child cannot be taken back). After the fork the child runs no Python code and
// touches no heap object: it only moves file descriptors, changes directory, session,
// umask and ids, and calls execve. If something fails there, it writes
// "OSError:<errno in hex>:<where>" to errpipe_write (the message subprocess.py parses:
// an empty <where> means exec itself failed, "noexec" a step before it, which 3.11's
// subprocess.py reports with the working directory as the file name) and exits with
// status 255. The child comes from vfork (see
// start_child) unless it must change its ids.
// preexec_fn is refused: it would run Python code in the child.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <string>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace interp {

namespace {

// A str, bytes or os.PathLike argument as the bytes the OS sees.
bool fs_bytes(Thread& t, Value v, std::string& out) {
  if (!str_check(v) && !isinstance(v, T_bytes)) {
    Value posix = import_module(t, "posix");
    Value f = posix ? getattr(t, posix, intern_literal(t, "fspath")) : Value();
    if (!f) return false;
    v = call1(t, f, v);
    if (!v) return false;
  }
  if (str_check(v))
    out = str_utf8(v);
  else
    out = std::string(bytes_view(v));
  if (out.find('\0') != std::string::npos) {
    raise(t, exc(E_ValueError), "embedded null byte");
    return false;
  }
  return true;
}

// A sequence of paths (a list or tuple; None gives `present` false).
bool fs_list(Thread& t, Value v, std::vector<std::string>& out, bool& present) {
  present = v && v != none();
  if (!present) return true;
  Value tup = tuple_of(t, v);
  if (!tup) return false;
  for (std::int64_t i = 0; i < tuple_length(tup); ++i) {
    std::string s;
    if (!fs_bytes(t, tuple_item(tup, i), s)) return false;
    out.push_back(std::move(s));
  }
  return true;
}

bool int_arg(Thread& t, Value v, std::int64_t& out) {
  if (!v || v == none()) {
    out = -1;
    return true;
  }
  return index_to_i64(t, v, out);
}

std::vector<char*> c_array(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings)
    out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// What the child does; only async-signal-safe calls from here on.
struct ChildPlan {
  std::vector<char*> argv, envp;
  bool have_env = false;
  std::vector<char*> executables;
  const char* cwd = nullptr;
  bool close_fds = true;
  std::vector<int> keep; // sorted
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  bool restore_signals, call_setsid;
  std::int64_t pgid, gid, uid, umask;
  std::vector<gid_t> groups;
  bool have_groups = false;
};

void write_all(int fd, const char* s, std::size_t n) {
  while (n) {
    ssize_t w = ::write(fd, s, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    s += w;
    n -= std::size_t(w);
  }
}

[[noreturn]] void child_fail(const ChildPlan& p, int err, const char* where) {
  char buffer[64] = "OSError:";
  std::size_t n = std::strlen(buffer);
  char hex[16];
  std::size_t h = 0;
  unsigned value = unsigned(err);
  do {
    hex[h++] = "0123456789abcdef"[value % 16];
    value /= 16;
  } while (value);
  while (h)
    buffer[n++] = hex[--h];
  buffer[n++] = ':';
  write_all(p.errpipe_write, buffer, n);
  write_all(p.errpipe_write, where, std::strlen(where));
  ::_exit(255);
}

void set_inheritable(int fd, bool inheritable) {
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return;
  int wanted = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
  if (wanted != flags) ::fcntl(fd, F_SETFD, wanted);
}

// Closes every descriptor from `low` up, except those in p.keep.
void close_from(const ChildPlan& p, int low) {
  int start = low;
  for (int k : p.keep) {
    if (k < start) continue;
    if (k > start && ::syscall(SYS_close_range, unsigned(start), unsigned(k - 1), 0u) != 0)
      for (int fd = start; fd < k; ++fd)
        ::close(fd);
    start = k + 1;
  }
  if (::syscall(SYS_close_range, unsigned(start), ~0u, 0u) != 0) {
    long max = ::sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536) max = 65536;
    for (int fd = start; fd < max; ++fd)
      ::close(fd);
  }
}

[[noreturn]] void run_child(ChildPlan& p) {
  // The parent's ends of the pipes.
  for (int fd : {p.p2cwrite, p.c2pread, p.errread, p.errpipe_read})
    if (fd >= 0) ::close(fd);
  // Keep a descriptor that must become 1 or 2 from being overwritten by an earlier dup2.
  if (p.c2pwrite == 0 && (p.c2pwrite = ::dup(p.c2pwrite)) < 0) child_fail(p, errno, "noexec");
  while (p.errwrite == 0 || p.errwrite == 1)
    if ((p.errwrite = ::dup(p.errwrite)) < 0) child_fail(p, errno, "noexec");
  int targets[3] = {p.p2cread, p.c2pwrite, p.errwrite};
  for (int i = 0; i < 3; ++i) {
    if (targets[i] < 0) continue;
    if (targets[i] == i)
      set_inheritable(i, true);
    else if (::dup2(targets[i], i) < 0)
      child_fail(p, errno, "noexec");
  }
  if (p.cwd && ::chdir(p.cwd) != 0) child_fail(p, errno, "noexec");
  if (p.umask >= 0) ::umask(mode_t(p.umask));
  if (p.restore_signals) {
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGXFSZ, SIG_DFL);
  }
  if (p.call_setsid && ::setsid() < 0) child_fail(p, errno, "noexec");
  if (p.pgid >= 0 && ::setpgid(0, pid_t(p.pgid)) < 0) child_fail(p, errno, "noexec");
  if (p.have_groups && ::setgroups(p.groups.size(), p.groups.data()) < 0)
    child_fail(p, errno, "noexec");
  if (p.gid >= 0 && ::setregid(gid_t(p.gid), gid_t(p.gid)) < 0) child_fail(p, errno, "noexec");
  if (p.uid >= 0 && ::setreuid(uid_t(p.uid), uid_t(p.uid)) < 0) child_fail(p, errno, "noexec");
  for (int k : p.keep)
    if (k != p.errpipe_write) set_inheritable(k, true);
  if (p.close_fds) close_from(p, 3);
  char** envp = p.have_env ? p.envp.data() : environ;
  int first_err = 0;
  for (char* exe : p.executables) {
    if (!exe) break;
    ::execve(exe, p.argv.data(), envp);
    // Remember the first error that says more than "not here".
    if (errno != ENOENT && errno != ENOTDIR && first_err == 0) first_err = errno;
  }
  child_fail(p, first_err ? first_err : errno, "");
}

// fork() copies the page tables of the whole heap and leaves every private page
// copy-on-write in the parent, so a big heap makes each child expensive; vfork() shares
// the address space until execve. The vfork child runs on this thread's stack and must
// not run a signal handler of ours: every signal stays blocked until the child has put
// back the default dispositions.
__attribute__((noinline)) pid_t start_child(ChildPlan& p, bool use_vfork) {
  if (!use_vfork) {
    pid_t pid = ::fork();
    if (pid == 0) run_child(p);
    return pid;
  }
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  pid_t pid = ::vfork();
  if (pid == 0) {
    for (int sig = 1; sig < NSIG; ++sig) {
      struct sigaction sa;
      if (::sigaction(sig, nullptr, &sa) == 0 && sa.sa_handler != SIG_IGN &&
          sa.sa_handler != SIG_DFL) {
        sa.sa_handler = SIG_DFL;
        sa.sa_flags = 0;
        ::sigaction(sig, &sa, nullptr);
      }
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    run_child(p);
  }
  int err = errno;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  errno = err;
  return pid;
}

INTERP_NATIVE(ps_fork_exec) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos < 22 || npos > 23 || keyword_count(kwnames))
    return raisef(t, exc(E_TypeError),
                  "fork_exec() takes 22 or 23 positional arguments (%zu given)", npos);
  Value preexec = args[21];
  if (preexec != none())
    return raise(t, exc(E_RuntimeError),
                 "pypy-stm: subprocess preexec_fn is not supported (it would run Python code in "
                 "the child after fork)");
  std::vector<std::string> argv, executables, env;
  bool have_argv, have_exes, have_env;
  if (!fs_list(t, args[0], argv, have_argv) || !fs_list(t, args[1], executables, have_exes) ||
      !fs_list(t, args[5], env, have_env))
    return {};
  ChildPlan p;
  int truth = truthy(t, args[2]);
  if (truth < 0) return {};
  p.close_fds = truth;
  Value keep = tuple_of(t, args[3]);
  if (!keep) return {};
  for (std::int64_t i = 0; i < tuple_length(keep); ++i) {
    std::int64_t fd;
    if (!index_to_i64(t, tuple_item(keep, i), fd)) return {};
    if (fd < 0 || fd > INT32_MAX) return raise(t, exc(E_ValueError), "bad value(s) in fds_to_keep");
    p.keep.push_back(int(fd));
  }
  std::sort(p.keep.begin(), p.keep.end());
  std::string cwd;
  if (args[4] != none()) {
    if (!fs_bytes(t, args[4], cwd)) return {};
  }
  std::int64_t fds[8];
  for (int i = 0; i < 8; ++i)
    if (!int_arg(t, args[6 + i], fds[i])) return {};
  p.p2cread = int(fds[0]);
  p.p2cwrite = int(fds[1]);
  p.c2pread = int(fds[2]);
  p.c2pwrite = int(fds[3]);
  p.errread = int(fds[4]);
  p.errwrite = int(fds[5]);
  p.errpipe_read = int(fds[6]);
  p.errpipe_write = int(fds[7]);
  int restore = truthy(t, args[14]), setsid_flag = truthy(t, args[15]);
  if (restore < 0 || setsid_flag < 0) return {};
  p.restore_signals = restore;
  p.call_setsid = setsid_flag;
  if (!int_arg(t, args[16], p.pgid) || !int_arg(t, args[17], p.gid) ||
      !int_arg(t, args[19], p.uid) || !int_arg(t, args[20], p.umask))
    return {};
  if (args[18] != none()) {
    Value groups = tuple_of(t, args[18]);
    if (!groups) return {};
    p.have_groups = true;
    for (std::int64_t i = 0; i < tuple_length(groups); ++i) {
      std::int64_t g;
      if (!index_to_i64(t, tuple_item(groups, i), g)) return {};
      p.groups.push_back(gid_t(g));
    }
  }
  if (!have_exes || executables.empty())
    return raise(t, exc(E_ValueError), "fork_exec: executable_list must not be empty");
  p.argv = c_array(argv);
  p.executables = c_array(executables);
  p.have_env = have_env;
  if (have_env) p.envp = c_array(env);
  if (args[4] != none()) p.cwd = cwd.c_str();

  int allow_vfork = npos > 22 ? truthy(t, args[22]) : 1;
  if (allow_vfork < 0) return {};
  // vfork unless the child changes ids: glibc's set*id would signal the parent's threads.
  bool use_vfork = allow_vfork && !p.have_groups && p.gid < 0 && p.uid < 0;

  stm::become_inevitable("fork_exec");
  pid_t pid = start_child(p, use_vfork);
  if (pid < 0) {
    int err = errno;
    Value items[2] = {Value::small_int(err), str_from_utf8(t, std::strerror(err))};
    Value e = call(t, exc(E_OSError), items, 2);
    return e ? raise_value(t, e) : Value();
  }
  return int_from_i64(t, pid);
}

} // namespace

Value make_posixsubprocess_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"fork_exec", ps_fork_exec},
  };
  return new_module(t, "_posixsubprocess", kFunctions, std::size(kFunctions));
}

} // namespace interp
