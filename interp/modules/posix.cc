// interp/modules/posix.cc - the posix module (what os.py builds on): the working
// directory, directory listing, stat, the environment, file descriptors, process ids.
//
// Every call here has an effect outside the heap or reads state that a transaction
// cannot roll back, so each makes the running transaction inevitable first.
// stat_result and terminal_size are struct sequences, defined by a few lines of Python
// run in the module's namespace.
#include "gc/gc.h"
#include "interp/compile_source.h"
#include "interp/interp.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/posix_internal.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <termios.h>
#include <unistd.h>

extern char** environ;

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

Value text_result(Thread& t, const std::string& s, bool as_bytes) {
  return as_bytes ? bytes_new(t, s) : str_from_os_bytes(t, s);
}

INTERP_NATIVE(p_fspath) {
  if (!check_positional(t, "fspath", nargs, kwnames, 1, 1, 0)) return {};
  Value v = args[0];
  if (str_check(v) || isinstance(v, T_bytes)) return v;
  Value f = fspath_method(t, v);
  if (!f) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "expected str, bytes or os.PathLike object, not %s",
                  type_name_of(v).c_str());
  }
  Value r = call0(t, f);
  if (!r) return {};
  if (!str_check(r) && !isinstance(r, T_bytes))
    return raisef(t, exc(E_TypeError), "expected %s.__fspath__() to return str or bytes, not %s",
                  type_name_of(v).c_str(), type_name_of(r).c_str());
  return r;
}

INTERP_NATIVE(p_getcwd) {
  stm::become_inevitable("getcwd");
  char buffer[4096];
  if (!::getcwd(buffer, sizeof buffer)) return raise_os_error(t, errno);
  return str_from_os_bytes(t, buffer);
}

INTERP_NATIVE(p_getcwdb) {
  stm::become_inevitable("getcwd");
  char buffer[4096];
  if (!::getcwd(buffer, sizeof buffer)) return raise_os_error(t, errno);
  return bytes_new(t, buffer);
}

// A dir_fd argument: None (or absent) is AT_FDCWD.
bool dir_fd_arg(Thread& t, Value v, int& out) {
  out = AT_FDCWD;
  if (!v || v == none()) return true;
  if (!int_check(v))
    return raisef(t, exc(E_TypeError), "argument should be integer or None, not %s",
                  type_name_of(v).c_str()),
           false;
  return posix::int_param(t, v, out);
}

// listdir(path='.'): the names in a directory, bytes for a bytes path; a descriptor lists
// its directory (read through a duplicate, which leaves the descriptor's position alone).
INTERP_NATIVE(p_listdir) {
  std::string path = ".";
  bool as_bytes = false;
  Value given = arg_or_keyword(args, nargs, kwnames, 0, "path");
  int fd = -1;
  if (given && given != none() && !posix::path_param(t, "listdir", given, path, &fd)) return {};
  if (given && given != none() && fd < 0 && !path_arg(t, given, path, &as_bytes)) return {};
  stm::become_inevitable("listdir");
  DIR* d = nullptr;
  if (fd >= 0) {
    int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0) return raise_os_error(t, errno);
    d = ::fdopendir(copy);
    if (!d) {
      int err = errno;
      ::close(copy);
      return raise_os_error(t, err);
    }
    ::rewinddir(d);
  } else {
    d = ::opendir(path.c_str());
  }
  if (!d)
    return raise_os_error(t, errno, given && given != none() ? given : str_from_ascii(t, "."));
  Value out = list_new(t);
  if (!out) {
    ::closedir(d);
    return {};
  }
  while (dirent* e = ::readdir(d)) {
    if (!std::strcmp(e->d_name, ".") || !std::strcmp(e->d_name, "..")) continue;
    Value n = text_result(t, e->d_name, as_bytes);
    if (!n || !list_append(t, out, n)) {
      ::closedir(d);
      return {};
    }
  }
  ::closedir(d);
  return out;
}

Value make_stat_result(Thread& t, const struct stat& st) {
  Value cls = module_attr(t, "posix", "stat_result");
  if (!cls) return {};
  auto f = [&](double v) { return float_new(t, v); };
  auto ns = [&](const timespec& ts) {
    Value billion = int_from_i64(t, 1000000000);
    Value s = binary_op(t, int_from_i64(t, ts.tv_sec), billion, bytecode::BinaryOp::Multiply);
    return s ? binary_op(t, s, int_from_i64(t, ts.tv_nsec), bytecode::BinaryOp::Add) : Value();
  };
  Value items[] = {
      int_from_i64(t, st.st_mode),
      int_from_i64(t, std::int64_t(st.st_ino)),
      int_from_i64(t, std::int64_t(st.st_dev)),
      int_from_i64(t, std::int64_t(st.st_nlink)),
      int_from_i64(t, st.st_uid),
      int_from_i64(t, st.st_gid),
      int_from_i64(t, st.st_size),
      int_from_i64(t, st.st_atim.tv_sec),
      int_from_i64(t, st.st_mtim.tv_sec),
      int_from_i64(t, st.st_ctim.tv_sec),
      f(double(st.st_atim.tv_sec) + st.st_atim.tv_nsec * 1e-9),
      f(double(st.st_mtim.tv_sec) + st.st_mtim.tv_nsec * 1e-9),
      f(double(st.st_ctim.tv_sec) + st.st_ctim.tv_nsec * 1e-9),
      ns(st.st_atim),
      ns(st.st_mtim),
      ns(st.st_ctim),
      int_from_i64(t, st.st_blksize),
      int_from_i64(t, st.st_blocks),
      int_from_i64(t, std::int64_t(st.st_rdev)),
  };
  for (Value v : items)
    if (!v) return {};
  Value tup = tuple_from(t, items, std::size(items));
  return tup ? call1(t, cls, tup) : Value();
}

Value do_stat(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool follow) {
  Value given = arg_or_keyword(args, nargs, kwnames, 0, "path");
  Value follow_kw = keyword_arg(kwnames, args, nargs, "follow_symlinks");
  if (follow_kw && truthy(t, follow_kw) == 0) follow = false;
  if (!given) return raise(t, exc(E_TypeError), "stat() missing required argument 'path' (pos 1)");
  int dir_fd;
  if (!dir_fd_arg(t, keyword_arg(kwnames, args, nargs, "dir_fd"), dir_fd)) return {};
  stm::become_inevitable("stat");
  struct stat st;
  int r;
  if (int_check(given)) {
    std::int64_t fd;
    if (!index_to_i64(t, given, fd)) return {};
    r = ::fstat(int(fd), &st);
  } else {
    std::string path;
    if (!path_arg(t, given, path)) return {};
    r = ::fstatat(dir_fd, path.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  if (r != 0) return raise_os_error(t, errno, int_check(given) ? Value() : given);
  return make_stat_result(t, st);
}

INTERP_NATIVE(p_stat) {
  return do_stat(t, args, nargs, kwnames, true);
}
INTERP_NATIVE(p_lstat) {
  return do_stat(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(p_fstat) {
  return do_stat(t, args, nargs, kwnames, true);
}

// One-path calls that return None: mkdir, rmdir, unlink/remove, chdir.
Value path_call(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* what,
                int (*fn)(const std::string&, const Value*, std::size_t)) {
  Value given = arg_or_keyword(args, nargs, kwnames, 0, "path");
  if (!given)
    return raisef(t, exc(E_TypeError), "%s() missing required argument 'path' (pos 1)", what);
  std::string path;
  if (!path_arg(t, given, path)) return {};
  stm::become_inevitable(what);
  if (fn(path, args, nargs) != 0) return raise_os_error(t, errno, given);
  return none();
}

INTERP_NATIVE(p_mkdir) {
  return path_call(t, args, nargs, kwnames, "mkdir",
                   [](const std::string& p, const Value* a, std::size_t n) {
                     std::int64_t mode = 0777;
                     if (n > 1 && a[1].is_small_int()) mode = a[1].small_int_value();
                     return ::mkdir(p.c_str(), mode_t(mode));
                   });
}
INTERP_NATIVE(p_rmdir) {
  return path_call(
      t, args, nargs, kwnames, "rmdir",
      [](const std::string& p, const Value*, std::size_t) { return ::rmdir(p.c_str()); });
}
INTERP_NATIVE(p_unlink) {
  return path_call(
      t, args, nargs, kwnames, "unlink",
      [](const std::string& p, const Value*, std::size_t) { return ::unlink(p.c_str()); });
}
INTERP_NATIVE(p_chdir) {
  return path_call(
      t, args, nargs, kwnames, "chdir",
      [](const std::string& p, const Value*, std::size_t) { return ::chdir(p.c_str()); });
}

INTERP_NATIVE(p_rename) {
  if (nargs - keyword_count(kwnames) < 2)
    return raise(t, exc(E_TypeError), "rename() missing required argument 'dst' (pos 2)");
  std::string a, b;
  if (!path_arg(t, args[0], a) || !path_arg(t, args[1], b)) return {};
  stm::become_inevitable("rename");
  if (::rename(a.c_str(), b.c_str()) != 0) return raise_os_error(t, errno, args[0]);
  return none();
}

INTERP_NATIVE(p_access) {
  if (nargs - keyword_count(kwnames) < 2)
    return raise(t, exc(E_TypeError), "access() missing required argument 'mode' (pos 2)");
  std::string path;
  std::int64_t mode;
  if (!path_arg(t, args[0], path) || !index_to_i64(t, args[1], mode)) return {};
  stm::become_inevitable("access");
  return py_bool(::access(path.c_str(), int(mode)) == 0);
}

INTERP_NATIVE(p_getpid) {
  return int_from_i64(t, ::getpid());
}
INTERP_NATIVE(p_getppid) {
  return int_from_i64(t, ::getppid());
}
INTERP_NATIVE(p_getuid) {
  return int_from_i64(t, ::getuid());
}
INTERP_NATIVE(p_geteuid) {
  return int_from_i64(t, ::geteuid());
}
INTERP_NATIVE(p_getgid) {
  return int_from_i64(t, ::getgid());
}

INTERP_NATIVE(p_exit) {
  std::int64_t status = 0;
  if (nargs && !index_to_i64(t, args[0], status)) return {};
  // What the program wrote is still in the transaction's buffers: CPython would have
  // written what was flushed, and nothing is lost by writing it all.
  vm::become_inevitable_with_output(t, "_exit");
  ::_exit(int(status));
}

// ---- fork --------------------------------------------------------------------------------
// os.register_at_fork's callables: a tuple of three lists (before, after_in_child,
// after_in_parent) in the module's namespace, heap state like atexit's registry.
enum ForkHook { kBeforeFork, kAfterInChild, kAfterInParent };
constexpr const char* kForkHookNames[] = {"before", "after_in_child", "after_in_parent"};

Value fork_hooks(Thread& t, ForkHook which) {
  Value module = import_module(t, "posix");
  Value lists = module ? getattr(t, module, intern_literal(t, "_fork_hooks")) : Value();
  return lists ? tuple_item(lists, which) : Value();
}

// A hook that raises is reported as unraisable and the others still run, as in CPython.
void run_fork_hooks(Thread& t, ForkHook which) {
  Value list = fork_hooks(t, which);
  if (!list) {
    clear_pending(t);
    return;
  }
  std::int64_t n = list_length(list);
  for (std::int64_t i = 0; i < n && i < list_length(list); ++i) {
    Value hook = list_item(list, which == kBeforeFork ? list_length(list) - 1 - i : i);
    if (!call0(t, hook))
      vm::report_unraisable_with(t, fetch_pending(t), "Exception ignored in", hook);
  }
}

INTERP_NATIVE(p_register_at_fork) {
  if (nargs != keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "register_at_fork() takes no positional arguments");
  Value given[3] = {};
  for (std::size_t i = 0; i < keyword_count(kwnames); ++i) {
    std::string key = str_utf8(tuple_item(kwnames, std::int64_t(i)));
    auto known = std::find_if(std::begin(kForkHookNames), std::end(kForkHookNames),
                              [&](const char* name) { return key == name; });
    if (known == std::end(kForkHookNames))
      return raisef(t, exc(E_TypeError),
                    "'%s' is an invalid keyword argument for register_at_fork()", key.c_str());
    given[known - std::begin(kForkHookNames)] = args[i];
  }
  if (!given[0] && !given[1] && !given[2])
    return raise(t, exc(E_TypeError), "At least one argument is required.");
  for (int which = 0; which < 3; ++which)
    if (given[which] && !is_callable(given[which]))
      return raisef(t, exc(E_TypeError), "'%s' must be callable, not %s", kForkHookNames[which],
                    type_name_of(given[which]).c_str());
  for (int which = 0; which < 3; ++which) {
    if (!given[which]) continue;
    Value list = fork_hooks(t, ForkHook(which));
    if (!list || !list_append(t, list, given[which])) return {};
  }
  return none();
}

INTERP_NATIVE(p_fork) {
  if (!check_positional(t, "fork", nargs, kwnames, 0, 0, 0)) return {};
  int pid = posix::fork_with_hooks(t, "fork", nullptr, nullptr);
  return pid < 0 ? raise_os_error(t, errno) : int_from_i64(t, pid);
}

INTERP_NATIVE(p_strerror) {
  std::int64_t code;
  if (!check_positional(t, "strerror", nargs, kwnames, 1, 1, 0)) return {};
  if (!index_to_i64(t, args[0], code)) return {};
  return str_from_utf8(t, std::strerror(int(code)));
}

INTERP_NATIVE(p_urandom) {
  std::int64_t n;
  if (!check_positional(t, "urandom", nargs, kwnames, 1, 1, 0)) return {};
  if (!index_to_i64(t, args[0], n)) return {};
  if (n < 0) return raise(t, exc(E_ValueError), "negative argument not allowed");
  std::string data(std::size_t(n), '\0');
  std::size_t got = 0;
  while (got < data.size()) {
    ssize_t r = ::getrandom(data.data() + got, data.size() - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return raise_os_error(t, errno);
    }
    got += std::size_t(r);
  }
  return bytes_new(t, data);
}

INTERP_NATIVE(p_isatty) {
  std::int64_t fd;
  if (!check_positional(t, "isatty", nargs, kwnames, 1, 1, 0)) return {};
  if (!index_to_i64(t, args[0], fd)) return {};
  return py_bool(::isatty(int(fd)));
}

// open(path, flags, mode=0o777, *, dir_fd=None)
INTERP_NATIVE(p_open) {
  std::string path;
  std::int64_t flags = 0, mode = 0777;
  int dir_fd;
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 3)
    return raisef(t, exc(E_TypeError), "open() takes at most 3 positional arguments (%zu given)",
                  npos);
  Value a[4];
  if (!parse_arguments(t, "open", args, nargs, kwnames, {"path", "flags", "mode", "dir_fd"}, 0, 2,
                       a) ||
      !path_arg(t, a[0], path) || !index_to_i64(t, a[1], flags) ||
      (a[2] && !index_to_i64(t, a[2], mode)) || !dir_fd_arg(t, a[3], dir_fd))
    return {};
  stm::become_inevitable("open");
  int fd = ::openat(dir_fd, path.c_str(), int(flags) | O_CLOEXEC, mode_t(mode));
  if (fd < 0) return raise_os_error(t, errno, a[0]);
  return Value::small_int(fd);
}

INTERP_NATIVE(p_close) {
  std::int64_t fd;
  if (!check_positional(t, "close", nargs, kwnames, 1, 1, 0) || !index_to_i64(t, args[0], fd))
    return {};
  // The program's output so far must reach the descriptors it was written to before
  // those can be closed or replaced (it is otherwise written at commit).
  vm::become_inevitable_with_output(t, "close");
  if (::close(int(fd)) != 0) return raise_os_error(t, errno);
  return none();
}

// read(fd, n). A descriptor with nothing to read yet (a pipe whose writer is still
// working) is a wait of the outermost loop: it commits, waits outside any transaction
// until the descriptor is readable, and runs the call again, so that other threads are
// not held up by an inevitable transaction blocked in read(). A descriptor that is not
// open or does not block is read at once, for read() to report EBADF or EAGAIN.
INTERP_NATIVE(p_read) {
  std::int64_t fd, n;
  if (!check_positional(t, "read", nargs, kwnames, 2, 2, 0) || !index_to_i64(t, args[0], fd) ||
      !index_to_i64(t, args[1], n))
    return {};
  if (n < 0) return raise(t, exc(E_ValueError), "negative argument not allowed");
  if (n > 0 && !posix::fd_ready_or_wait(t, int(fd), POLLIN)) return {};
  stm::become_inevitable("read");
  std::string data(std::size_t(n), '\0');
  ssize_t r;
  do {
    r = ::read(int(fd), data.data(), data.size());
  } while (r < 0 && errno == EINTR);
  if (r < 0) return raise_os_error(t, errno);
  data.resize(std::size_t(r));
  return bytes_new(t, data);
}

INTERP_NATIVE(p_write) {
  std::int64_t fd;
  if (!check_positional(t, "write", nargs, kwnames, 2, 2, 0) || !index_to_i64(t, args[0], fd))
    return {};
  if (!isinstance(args[1], T_bytes) && !isinstance(args[1], T_bytearray) &&
      !isinstance(args[1], T_memoryview))
    return raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
                  type_name_of(args[1]).c_str());
  Value b = isinstance(args[1], T_bytes) ? args[1] : call1(t, type_value(T_bytes), args[1]);
  if (!b) return {};
  std::string_view data = bytes_view(b);
  if (fd == 1 || fd == 2) {
    // Through the transaction's buffers, so output stays in order with print().
    (fd == 2 ? t.err : t.out).append(data);
    return int_from_i64(t, std::int64_t(data.size()));
  }
  if (descriptor_is_stream(int(fd))) {
    std::int64_t written = write_to_stream(t, int(fd), data, true);
    return written < 0 ? Value() : int_from_i64(t, written);
  }
  stm::become_inevitable("write");
  ssize_t r = ::write(int(fd), data.data(), data.size());
  if (r < 0) return raise_os_error(t, errno);
  return int_from_i64(t, r);
}

INTERP_NATIVE(p_uname) {
  struct utsname u;
  ::uname(&u);
  Value cls = module_attr(t, "posix", "uname_result");
  if (!cls) return {};
  Value items[5] = {str_from_utf8(t, u.sysname), str_from_utf8(t, u.nodename),
                    str_from_utf8(t, u.release), str_from_utf8(t, u.version),
                    str_from_utf8(t, u.machine)};
  Value tup = tuple_from(t, items, 5);
  return tup ? call1(t, cls, tup) : Value();
}

INTERP_NATIVE(p_cpu_count) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? int_from_i64(t, n) : none();
}

Value pipe_with_flags(Thread& t, int flags) {
  stm::become_inevitable("pipe");
  int fds[2];
  if (::pipe2(fds, flags) != 0) return raise_os_error(t, errno);
  Value items[2] = {Value::small_int(fds[0]), Value::small_int(fds[1])};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(p_pipe) {
  if (!check_positional(t, "pipe", nargs, kwnames, 0, 0, 0)) return {};
  return pipe_with_flags(t, O_CLOEXEC);
}

INTERP_NATIVE(p_pipe2) {
  std::int64_t flags;
  if (!check_positional(t, "pipe2", nargs, kwnames, 1, 1, 0) || !index_to_i64(t, args[0], flags))
    return {};
  return pipe_with_flags(t, int(flags));
}

// openpty(): a pseudo-terminal's (master, slave) descriptors, not inheritable.
INTERP_NATIVE(p_openpty) {
  if (!check_positional(t, "openpty", nargs, kwnames, 0, 0, 0)) return {};
  stm::become_inevitable("openpty");
  int fds[2];
  if (::openpty(&fds[0], &fds[1], nullptr, nullptr, nullptr) != 0) return raise_os_error(t, errno);
  for (int fd : fds)
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  Value items[2] = {Value::small_int(fds[0]), Value::small_int(fds[1])};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(p_dup) {
  std::int64_t fd;
  if (!check_positional(t, "dup", nargs, kwnames, 1, 1, 0) || !index_to_i64(t, args[0], fd))
    return {};
  stm::become_inevitable("dup");
  int r = ::fcntl(int(fd), F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_os_error(t, errno);
  return Value::small_int(r);
}

INTERP_NATIVE(p_dup2) {
  std::int64_t fd, fd2;
  if (nargs - keyword_count(kwnames) < 2 || !index_to_i64(t, args[0], fd) ||
      !index_to_i64(t, args[1], fd2)) {
    if (t.pending) return {};
    return raise(t, exc(E_TypeError), "dup2() takes at least 2 arguments");
  }
  Value inh = arg_or_keyword(args, nargs, kwnames, 2, "inheritable");
  int inheritable = inh ? truthy(t, inh) : 1;
  if (inheritable < 0) return {};
  vm::become_inevitable_with_output(t, "dup2"); // as close: output first
  int r = inheritable ? ::dup2(int(fd), int(fd2)) : ::dup3(int(fd), int(fd2), O_CLOEXEC);
  if (r < 0) return raise_os_error(t, errno);
  return Value::small_int(r);
}

// get_inheritable and get_blocking: whether `bit` of the descriptor's flags (read with
// fcntl `get`) is clear. set_inheritable and set_blocking: clear it (true) or set it.
Value fd_bit_clear(Thread& t, const char* name, const Value* args, std::size_t nargs, Value kwnames,
                   int get, int bit) {
  std::int64_t fd;
  if (!check_positional(t, name, nargs, kwnames, 1, 1, 0) || !index_to_i64(t, args[0], fd))
    return {};
  stm::become_inevitable(name);
  int flags = ::fcntl(int(fd), get);
  if (flags < 0) return raise_os_error(t, errno);
  return py_bool(!(flags & bit));
}

Value set_fd_bit_clear(Thread& t, const char* name, const Value* args, std::size_t nargs,
                       Value kwnames, int get, int set, int bit) {
  std::int64_t fd;
  if (!check_positional(t, name, nargs, kwnames, 2, 2, 0) || !index_to_i64(t, args[0], fd))
    return {};
  int clear = truthy(t, args[1]);
  if (clear < 0) return {};
  stm::become_inevitable(name);
  int flags = ::fcntl(int(fd), get);
  if (flags < 0) return raise_os_error(t, errno);
  flags = clear ? flags & ~bit : flags | bit;
  if (::fcntl(int(fd), set, flags) < 0) return raise_os_error(t, errno);
  return none();
}

INTERP_NATIVE(p_get_inheritable) {
  return fd_bit_clear(t, "get_inheritable", args, nargs, kwnames, F_GETFD, FD_CLOEXEC);
}
INTERP_NATIVE(p_set_inheritable) {
  return set_fd_bit_clear(t, "set_inheritable", args, nargs, kwnames, F_GETFD, F_SETFD, FD_CLOEXEC);
}
INTERP_NATIVE(p_get_blocking) {
  return fd_bit_clear(t, "get_blocking", args, nargs, kwnames, F_GETFL, O_NONBLOCK);
}
INTERP_NATIVE(p_set_blocking) {
  return set_fd_bit_clear(t, "set_blocking", args, nargs, kwnames, F_GETFL, F_SETFL, O_NONBLOCK);
}

bool status_arg(Thread& t, const char* what, const Value* args, std::size_t nargs, Value kwnames,
                int& status) {
  Value v = arg_or_keyword(args, nargs, kwnames, 0, "status");
  if (!v) {
    raisef(t, exc(E_TypeError), "%s() missing required argument 'status' (pos 1)", what);
    return false;
  }
  std::int64_t s;
  if (!index_to_i64(t, v, s)) return false;
  status = int(s);
  return true;
}

#define STATUS_FN(NAME, EXPR, WRAP)                                                                \
  INTERP_NATIVE(p_##NAME) {                                                                        \
    int status;                                                                                    \
    if (!status_arg(t, #NAME, args, nargs, kwnames, status)) return {};                            \
    return WRAP(EXPR(status));                                                                     \
  }
#define AS_BOOL(x) py_bool(x)
#define AS_INT(x) int_from_i64(t, x)
STATUS_FN(WIFEXITED, WIFEXITED, AS_BOOL)
STATUS_FN(WEXITSTATUS, WEXITSTATUS, AS_INT)
STATUS_FN(WIFSIGNALED, WIFSIGNALED, AS_BOOL)
STATUS_FN(WTERMSIG, WTERMSIG, AS_INT)
STATUS_FN(WIFSTOPPED, WIFSTOPPED, AS_BOOL)
STATUS_FN(WSTOPSIG, WSTOPSIG, AS_INT)
STATUS_FN(WIFCONTINUED, WIFCONTINUED, AS_BOOL)
STATUS_FN(WCOREDUMP, WCOREDUMP, AS_BOOL)
#undef STATUS_FN
#undef AS_BOOL
#undef AS_INT

INTERP_NATIVE(p_waitstatus_to_exitcode) {
  int status;
  if (!status_arg(t, "waitstatus_to_exitcode", args, nargs, kwnames, status)) return {};
  if (WIFEXITED(status)) return int_from_i64(t, WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return int_from_i64(t, -WTERMSIG(status));
  return raisef(t, exc(E_ValueError), "invalid wait status: %d", status);
}

INTERP_NATIVE(p_kill) {
  std::int64_t pid, sig;
  if (!check_positional(t, "kill", nargs, kwnames, 2, 2, 0) || !index_to_i64(t, args[0], pid) ||
      !index_to_i64(t, args[1], sig))
    return {};
  // The receiver may act on the signal (and print) before this transaction commits: what
  // was printed before the signal goes out first, as it did under CPython.
  vm::become_inevitable_with_output(t, "kill");
  if (::kill(pid_t(pid), int(sig)) != 0) return raise_os_error(t, errno);
  return none();
}

INTERP_NATIVE(p_putenv) {
  std::string k, v;
  if (!check_positional(t, "putenv", nargs, kwnames, 2, 2, 0) || !path_arg(t, args[0], k) ||
      !path_arg(t, args[1], v))
    return {};
  if (k.empty() || k.find('=') != std::string::npos)
    return raise(t, exc(E_ValueError), "illegal environment variable name");
  stm::become_inevitable("putenv");
  if (::setenv(k.c_str(), v.c_str(), 1) != 0) return raise_os_error(t, errno);
  return none();
}

INTERP_NATIVE(p_unsetenv) {
  std::string k;
  if (!check_positional(t, "unsetenv", nargs, kwnames, 1, 1, 0) || !path_arg(t, args[0], k))
    return {};
  if (k.empty() || k.find('=') != std::string::npos)
    return raise(t, exc(E_ValueError), "illegal environment variable name");
  stm::become_inevitable("unsetenv");
  if (::unsetenv(k.c_str()) != 0) return raise_os_error(t, errno);
  return none();
}

// ---- more of the file system ------------------------------------------------------------

// Each call changes the system (or reads it through a descriptor whose offset it moves),
// so it makes the transaction inevitable first, as the calls above do.

bool follow(Thread& t, Value v, bool& out) {
  out = true;
  if (!v) return true;
  int yes = truthy(t, v);
  if (yes < 0) return false;
  out = yes;
  return true;
}

INTERP_NATIVE(p_chmod) {
  Value a[4];
  if (!parse_arguments(t, "chmod", args, nargs, kwnames,
                       {"path", "mode", "dir_fd", "follow_symlinks"}, 0, 2, a))
    return {};
  std::int64_t mode;
  bool follow_links;
  int dir_fd;
  if (!index_to_i64(t, a[1], mode) || !follow(t, a[3], follow_links) ||
      !dir_fd_arg(t, a[2], dir_fd))
    return {};
  stm::become_inevitable("chmod");
  int r;
  if (int_check(a[0])) {
    std::int64_t fd;
    if (!index_to_i64(t, a[0], fd)) return {};
    r = ::fchmod(int(fd), mode_t(mode));
  } else {
    std::string path;
    if (!path_arg(t, a[0], path)) return {};
    r = ::fchmodat(dir_fd, path.c_str(), mode_t(mode), follow_links ? 0 : AT_SYMLINK_NOFOLLOW);
    // Linux cannot change a link's own mode: CPython says so with NotImplementedError.
    if (r != 0 && !follow_links && (errno == ENOTSUP || errno == EOPNOTSUPP))
      return raise(t, exc(E_NotImplementedError),
                   "chmod: follow_symlinks unavailable on this platform");
  }
  return r != 0 ? raise_os_error(t, errno, a[0]) : none();
}

INTERP_NATIVE(p_fchmod) {
  Value a[2];
  std::int64_t fd, mode;
  if (!parse_arguments(t, "fchmod", args, nargs, kwnames, {"fd", "mode"}, 0, 2, a) ||
      !index_to_i64(t, a[0], fd) || !index_to_i64(t, a[1], mode))
    return {};
  stm::become_inevitable("fchmod");
  return ::fchmod(int(fd), mode_t(mode)) != 0 ? raise_os_error(t, errno) : none();
}

Value chown_common(Thread& t, const char* fn, const Value* args, std::size_t nargs, Value kwnames,
                   bool nofollow) {
  Value a[5];
  if (!parse_arguments(t, fn, args, nargs, kwnames,
                       {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 0, 3, a))
    return {};
  std::int64_t uid, gid;
  bool follow_links;
  if (!index_to_i64(t, a[1], uid) || !index_to_i64(t, a[2], gid) || !follow(t, a[4], follow_links))
    return {};
  stm::become_inevitable(fn);
  int r;
  if (int_check(a[0])) {
    std::int64_t fd;
    if (!index_to_i64(t, a[0], fd)) return {};
    r = ::fchown(int(fd), uid_t(uid), gid_t(gid));
  } else {
    std::string path;
    if (!path_arg(t, a[0], path)) return {};
    r = ::fchownat(AT_FDCWD, path.c_str(), uid_t(uid), gid_t(gid),
                   (nofollow || !follow_links) ? AT_SYMLINK_NOFOLLOW : 0);
  }
  return r != 0 ? raise_os_error(t, errno, a[0]) : none();
}
INTERP_NATIVE(p_chown) {
  return chown_common(t, "chown", args, nargs, kwnames, false);
}
INTERP_NATIVE(p_lchown) {
  return chown_common(t, "lchown", args, nargs, kwnames, true);
}
INTERP_NATIVE(p_fchown) {
  Value a[3];
  std::int64_t fd, uid, gid;
  if (!parse_arguments(t, "fchown", args, nargs, kwnames, {"fd", "uid", "gid"}, 0, 3, a) ||
      !index_to_i64(t, a[0], fd) || !index_to_i64(t, a[1], uid) || !index_to_i64(t, a[2], gid))
    return {};
  stm::become_inevitable("fchown");
  return ::fchown(int(fd), uid_t(uid), gid_t(gid)) != 0 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(p_symlink) {
  Value a[4];
  if (!parse_arguments(t, "symlink", args, nargs, kwnames,
                       {"src", "dst", "target_is_directory", "dir_fd"}, 0, 2, a))
    return {};
  std::string src, dst;
  if (!path_arg(t, a[0], src) || !path_arg(t, a[1], dst)) return {};
  stm::become_inevitable("symlink");
  return ::symlink(src.c_str(), dst.c_str()) != 0 ? raise_os_error(t, errno, a[0], a[1]) : none();
}

INTERP_NATIVE(p_readlink) {
  Value a[2];
  if (!parse_arguments(t, "readlink", args, nargs, kwnames, {"path", "dir_fd"}, 0, 1, a)) return {};
  std::string path;
  bool as_bytes = false;
  if (!path_arg(t, a[0], path, &as_bytes)) return {};
  std::string target(4096, '\0');
  ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
  if (n < 0) return raise_os_error(t, errno, a[0]);
  target.resize(std::size_t(n));
  return text_result(t, target, as_bytes);
}

INTERP_NATIVE(p_link) {
  Value a[5];
  if (!parse_arguments(t, "link", args, nargs, kwnames,
                       {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 0, 2, a))
    return {};
  std::string src, dst;
  if (!path_arg(t, a[0], src) || !path_arg(t, a[1], dst)) return {};
  stm::become_inevitable("link");
  return ::link(src.c_str(), dst.c_str()) != 0 ? raise_os_error(t, errno, a[0], a[1]) : none();
}

INTERP_NATIVE(p_lseek) {
  std::int64_t fd, pos, how;
  if (!check_positional(t, "lseek", nargs, kwnames, 3, 3, 0) || !index_to_i64(t, args[0], fd) ||
      !index_to_i64(t, args[1], pos) || !index_to_i64(t, args[2], how))
    return {};
  stm::become_inevitable("lseek");
  off_t r = ::lseek(int(fd), off_t(pos), int(how));
  return r < 0 ? raise_os_error(t, errno) : int_from_i64(t, r);
}

template <int (*Sync)(int)>
Value fd_sync(Thread& t, const char* fn, const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, fn, nargs, kwnames, 1, 1, 0)) return {};
  int fd;
  if (!file_descriptor_arg(t, args[0], fd)) return {};
  stm::become_inevitable(fn);
  return Sync(fd) != 0 ? raise_os_error(t, errno) : none();
}
INTERP_NATIVE(p_fsync) {
  return fd_sync<::fsync>(t, "fsync", args, nargs, kwnames);
}
INTERP_NATIVE(p_fdatasync) {
  return fd_sync<::fdatasync>(t, "fdatasync", args, nargs, kwnames);
}

INTERP_NATIVE(p_ftruncate) {
  std::int64_t fd, length;
  if (!check_positional(t, "ftruncate", nargs, kwnames, 2, 2, 0) || !index_to_i64(t, args[0], fd) ||
      !index_to_i64(t, args[1], length))
    return {};
  stm::become_inevitable("ftruncate");
  return ::ftruncate(int(fd), off_t(length)) != 0 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(p_truncate) {
  Value a[2];
  std::int64_t length;
  if (!parse_arguments(t, "truncate", args, nargs, kwnames, {"path", "length"}, 0, 2, a) ||
      !index_to_i64(t, a[1], length))
    return {};
  stm::become_inevitable("truncate");
  int r;
  if (int_check(a[0])) {
    std::int64_t fd;
    if (!index_to_i64(t, a[0], fd)) return {};
    r = ::ftruncate(int(fd), off_t(length));
  } else {
    std::string path;
    if (!path_arg(t, a[0], path)) return {};
    r = ::truncate(path.c_str(), off_t(length));
  }
  return r != 0 ? raise_os_error(t, errno, a[0]) : none();
}

INTERP_NATIVE(p_umask) {
  std::int64_t mask;
  if (!check_positional(t, "umask", nargs, kwnames, 1, 1, 0) || !index_to_i64(t, args[0], mask))
    return {};
  stm::become_inevitable("umask");
  return int_from_i64(t, ::umask(mode_t(mask)));
}

// utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)
INTERP_NATIVE(p_utime) {
  Value a[5];
  if (!parse_arguments(t, "utime", args, nargs, kwnames,
                       {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 0, 1, a))
    return {};
  bool follow_links;
  if (!follow(t, a[4], follow_links)) return {};
  timespec ts[2];
  bool now = true;
  Value times = a[1] && a[1] != none() ? a[1] : Value();
  Value ns = a[2] && a[2] != none() ? a[2] : Value();
  if (times && ns)
    return raise(t, exc(E_ValueError),
                 "utime: you may specify either 'times' or 'ns' but not both");
  if (times || ns) {
    Value pair = times ? times : ns;
    if (!isinstance(pair, T_tuple) || tuple_length(pair) != 2)
      return raise(t, exc(E_TypeError),
                   times ? "utime: 'times' must be either a tuple of two ints or None"
                         : "utime: 'ns' must be a tuple of two ints");
    for (int i = 0; i < 2; ++i) {
      Value v = tuple_item(pair, i);
      if (times) {
        double d;
        if (isinstance(v, T_float)) {
          d = float_value(v);
        } else {
          std::int64_t n;
          if (!index_to_i64(t, v, n)) return {};
          d = double(n);
        }
        double whole = std::floor(d);
        ts[i].tv_sec = time_t(whole);
        ts[i].tv_nsec = long((d - whole) * 1e9);
      } else {
        std::int64_t n;
        if (!index_to_i64(t, v, n)) return {};
        ts[i].tv_sec = time_t(n / 1000000000);
        ts[i].tv_nsec = long(n % 1000000000);
        if (ts[i].tv_nsec < 0) {
          ts[i].tv_nsec += 1000000000;
          --ts[i].tv_sec;
        }
      }
    }
    now = false;
  }
  stm::become_inevitable("utime");
  int r;
  if (int_check(a[0])) {
    std::int64_t fd;
    if (!index_to_i64(t, a[0], fd)) return {};
    r = ::futimens(int(fd), now ? nullptr : ts);
  } else {
    std::string path;
    if (!path_arg(t, a[0], path)) return {};
    r = ::utimensat(AT_FDCWD, path.c_str(), now ? nullptr : ts,
                    follow_links ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  return r != 0 ? raise_os_error(t, errno, a[0]) : none();
}

INTERP_NATIVE(p_mkfifo) {
  Value a[3];
  if (!parse_arguments(t, "mkfifo", args, nargs, kwnames, {"path", "mode", "dir_fd"}, 0, 1, a))
    return {};
  std::string path;
  std::int64_t mode = 0666;
  if (!path_arg(t, a[0], path) || (a[1] && !index_to_i64(t, a[1], mode))) return {};
  stm::become_inevitable("mkfifo");
  return ::mkfifo(path.c_str(), mode_t(mode)) != 0 ? raise_os_error(t, errno, a[0]) : none();
}

INTERP_NATIVE(p_pread) {
  std::int64_t fd, n, offset;
  if (!check_positional(t, "pread", nargs, kwnames, 3, 3, 0) || !index_to_i64(t, args[0], fd) ||
      !index_to_i64(t, args[1], n) || !index_to_i64(t, args[2], offset))
    return {};
  if (n < 0) return raise_os_error(t, EINVAL);
  stm::become_inevitable("pread");
  std::string buffer(std::size_t(n), '\0');
  ssize_t got;
  do
    got = ::pread(int(fd), buffer.data(), buffer.size(), off_t(offset));
  while (got < 0 && errno == EINTR);
  if (got < 0) return raise_os_error(t, errno);
  buffer.resize(std::size_t(got));
  return bytes_new(t, buffer);
}

INTERP_NATIVE(p_pwrite) {
  std::int64_t fd, offset;
  std::string data;
  if (!check_positional(t, "pwrite", nargs, kwnames, 3, 3, 0) || !index_to_i64(t, args[0], fd) ||
      !need_buffer(t, args[1], data) || !index_to_i64(t, args[2], offset))
    return {};
  stm::become_inevitable("pwrite");
  ssize_t put;
  do
    put = ::pwrite(int(fd), data.data(), data.size(), off_t(offset));
  while (put < 0 && errno == EINTR);
  return put < 0 ? raise_os_error(t, errno) : int_from_i64(t, put);
}

INTERP_NATIVE(p_sync) {
  if (!check_positional(t, "sync", nargs, kwnames, 0, 0, 0)) return {};
  stm::become_inevitable("sync");
  ::sync();
  return none();
}

// statvfs(path) / fstatvfs(fd) -> os.statvfs_result (f_fsid an attribute only).
INTERP_NATIVE(p_statvfs) {
  Value a[1];
  if (!parse_arguments(t, "statvfs", args, nargs, kwnames, {"path"}, 0, 1, a)) return {};
  struct statvfs st {};
  int r;
  if (int_check(a[0])) {
    std::int64_t fd;
    if (!index_to_i64(t, a[0], fd)) return {};
    r = ::fstatvfs(int(fd), &st);
  } else {
    std::string path;
    if (!path_arg(t, a[0], path)) return {};
    r = ::statvfs(path.c_str(), &st);
  }
  if (r != 0) return raise_os_error(t, errno, a[0]);
  const std::uint64_t numbers[] = {st.f_bsize,  st.f_frsize,  st.f_blocks, st.f_bfree,
                                   st.f_bavail, st.f_files,   st.f_ffree,  st.f_favail,
                                   st.f_flag,   st.f_namemax, st.f_fsid};
  Value items[11];
  for (std::size_t i = 0; i < 11; ++i)
    if (!(items[i] = int_from_i64(t, std::int64_t(numbers[i])))) return {};
  Value cls = module_attr(t, "posix", "statvfs_result");
  Value tuple = cls ? tuple_from(t, items, 11) : Value();
  return tuple ? call1(t, cls, tuple) : Value();
}
INTERP_NATIVE(p_fstatvfs) {
  Value a[1];
  std::int64_t fd;
  if (!parse_arguments(t, "fstatvfs", args, nargs, kwnames, {"fd"}, 0, 1, a) ||
      !index_to_i64(t, a[0], fd))
    return {};
  Value fd_v = int_from_i64(t, fd);
  return fd_v ? p_statvfs(t, &fd_v, 1, {}) : Value();
}

// ---- more of the process ---------------------------------------------------------------------

// get_terminal_size(fd=1) -> os.terminal_size((columns, lines))
INTERP_NATIVE(p_get_terminal_size) {
  if (!check_positional(t, "get_terminal_size", nargs, kwnames, 0, 1, 0)) return {};
  std::int64_t fd = 1;
  if (nargs > 0 && !index_to_i64(t, args[0], fd)) return {};
  winsize size{};
  if (::ioctl(int(fd), TIOCGWINSZ, &size) != 0) return raise_os_error(t, errno);
  Value cls = module_attr(t, "posix", "terminal_size");
  Value items[2] = {Value::small_int(size.ws_col), Value::small_int(size.ws_row)};
  Value pair = cls ? tuple_from(t, items, 2) : Value();
  return pair ? call1(t, cls, pair) : Value();
}

// times() -> os.times_result(user, system, children_user, children_system, elapsed)
INTERP_NATIVE(p_times) {
  if (!check_positional(t, "times", nargs, kwnames, 0, 0, 0)) return {};
  tms buf{};
  clock_t elapsed = ::times(&buf);
  if (elapsed == clock_t(-1)) return raise_os_error(t, errno);
  double tick = double(::sysconf(_SC_CLK_TCK));
  Value items[5] = {
      float_new(t, double(buf.tms_utime) / tick), float_new(t, double(buf.tms_stime) / tick),
      float_new(t, double(buf.tms_cutime) / tick), float_new(t, double(buf.tms_cstime) / tick),
      float_new(t, double(elapsed) / tick)};
  Value cls = module_attr(t, "posix", "times_result");
  Value tuple = cls ? tuple_from(t, items, 5) : Value();
  return tuple ? call1(t, cls, tuple) : Value();
}

INTERP_NATIVE(p_getloadavg) {
  if (!check_positional(t, "getloadavg", nargs, kwnames, 0, 0, 0)) return {};
  double load[3];
  if (::getloadavg(load, 3) != 3) return raise(t, exc(E_OSError), "Load averages are unobtainable");
  Value items[3] = {float_new(t, load[0]), float_new(t, load[1]), float_new(t, load[2])};
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(p_sched_getaffinity) {
  std::int64_t pid;
  if (!check_positional(t, "sched_getaffinity", nargs, kwnames, 1, 1, 0) ||
      !index_to_i64(t, args[0], pid))
    return {};
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(pid_t(pid), sizeof set, &set) != 0) return raise_os_error(t, errno);
  Value result = call0(t, type_value(T_set));
  Value add = result ? getattr(t, result, intern_literal(t, "add")) : Value();
  if (!add) return {};
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set) && !call1(t, add, Value::small_int(cpu))) return {};
  return result;
}

INTERP_NATIVE(p_sched_yield) {
  if (!check_positional(t, "sched_yield", nargs, kwnames, 0, 0, 0)) return {};
  ::sched_yield();
  return none();
}

template <auto Get> Value id_getter(Thread& t, const char* fn, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, fn, nargs, kwnames, 0, 0, 0)) return {};
  return int_from_i64(t, std::int64_t(Get()));
}
INTERP_NATIVE(p_getegid) {
  return id_getter<::getegid>(t, "getegid", nargs, kwnames);
}
INTERP_NATIVE(p_getpgrp) {
  return id_getter<::getpgrp>(t, "getpgrp", nargs, kwnames);
}

INTERP_NATIVE(p_getgroups) {
  if (!check_positional(t, "getgroups", nargs, kwnames, 0, 0, 0)) return {};
  int n = ::getgroups(0, nullptr);
  std::vector<gid_t> groups(std::size_t(std::max(n, 0)));
  if (n > 0) n = ::getgroups(n, groups.data());
  if (n < 0) return raise_os_error(t, errno);
  Value list = list_new(t);
  for (int i = 0; list && i < n; ++i)
    if (!list_append(t, list, int_from_i64(t, groups[std::size_t(i)]))) return {};
  return list;
}

INTERP_NATIVE(p_setsid) {
  if (!check_positional(t, "setsid", nargs, kwnames, 0, 0, 0)) return {};
  stm::become_inevitable("setsid");
  return ::setsid() < 0 ? raise_os_error(t, errno) : none();
}

template <pid_t (*Get)(pid_t)>
Value pid_query(Thread& t, const char* fn, const Value* args, std::size_t nargs, Value kwnames) {
  std::int64_t pid;
  if (!check_positional(t, fn, nargs, kwnames, 1, 1, 0) || !index_to_i64(t, args[0], pid))
    return {};
  pid_t r = Get(pid_t(pid));
  return r < 0 ? raise_os_error(t, errno) : int_from_i64(t, r);
}
INTERP_NATIVE(p_getsid) {
  return pid_query<::getsid>(t, "getsid", args, nargs, kwnames);
}
INTERP_NATIVE(p_getpgid) {
  return pid_query<::getpgid>(t, "getpgid", args, nargs, kwnames);
}

INTERP_NATIVE(p_setpgid) {
  std::int64_t pid, pgrp;
  if (!check_positional(t, "setpgid", nargs, kwnames, 2, 2, 0) || !index_to_i64(t, args[0], pid) ||
      !index_to_i64(t, args[1], pgrp))
    return {};
  stm::become_inevitable("setpgid");
  return ::setpgid(pid_t(pid), pid_t(pgrp)) != 0 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(p_killpg) {
  std::int64_t pgid, sig;
  if (!check_positional(t, "killpg", nargs, kwnames, 2, 2, 0) || !index_to_i64(t, args[0], pgid) ||
      !index_to_i64(t, args[1], sig))
    return {};
  stm::become_inevitable("killpg");
  return ::killpg(pid_t(pgid), int(sig)) != 0 ? raise_os_error(t, errno) : none();
}

// system(command) -> the wait status; the transaction's output is written first (the
// command's own output goes straight to the descriptors).
INTERP_NATIVE(p_system) {
  Value a[1];
  std::string command;
  if (!parse_arguments(t, "system", args, nargs, kwnames, {"command"}, 0, 1, a) ||
      !path_arg(t, a[0], command))
    return {};
  vm::become_inevitable_with_output(t, "system");
  return int_from_i64(t, ::system(command.c_str()));
}

INTERP_NATIVE(p_abort) {
  if (!check_positional(t, "abort", nargs, kwnames, 0, 0, 0)) return {};
  vm::flush_output(t);
  std::abort();
}

// The struct sequences, in Python: tuple subclasses whose fields are properties.
const char kStructSequences[] = R"(
def _struct_sequence(name, fields, n_sequence, module='os'):
    ns = {'n_sequence_fields': n_sequence, 'n_fields': len(fields),
          'n_unnamed_fields': 0, '__module__': module}
    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < n_sequence:
            raise TypeError(f'{module}.{name}() takes an at least {n_sequence}-sequence ({len(seq)}-sequence given)')
        self = tuple.__new__(cls, seq[:n_sequence])
        self._all = seq
        return self
    ns['__new__'] = __new__
    def __repr__(self):
        return f'{module}.{name}(' + ', '.join(f'{f.strip("_").replace("_int", "")}={self[i]!r}' for i, f in enumerate(fields[:n_sequence])) + ')'
    ns['__repr__'] = __repr__
    def __reduce__(self):
        return (type(self), (tuple(self),))
    ns['__reduce__'] = __reduce__
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self._all[i] if i < len(self._all) else None)
    cls = type(name, (tuple,), ns)
    cls.__qualname__ = name
    return cls

stat_result = _struct_sequence('stat_result', ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid',
    'st_gid', 'st_size', '_st_atime_int', '_st_mtime_int', '_st_ctime_int', 'st_atime', 'st_mtime',
    'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev'), 10)
uname_result = _struct_sequence('uname_result', ('sysname', 'nodename', 'release', 'version', 'machine'), 5, 'posix')
terminal_size = _struct_sequence('terminal_size', ('columns', 'lines'), 2)
statvfs_result = _struct_sequence('statvfs_result', ('f_bsize', 'f_frsize', 'f_blocks', 'f_bfree',
    'f_bavail', 'f_files', 'f_ffree', 'f_favail', 'f_flag', 'f_namemax', 'f_fsid'), 10)
times_result = _struct_sequence('times_result', ('user', 'system', 'children_user', 'children_system', 'elapsed'), 5, 'posix')
del _struct_sequence
# What os.py's supports_fd, supports_dir_fd and supports_follow_symlinks are built from:
# the calls that take a descriptor (or dir_fd) here.
_have_functions = ['HAVE_FSTATAT', 'HAVE_OPENAT', 'HAVE_FDOPENDIR', 'HAVE_FSTAT', 'HAVE_FCHMOD',
                   'HAVE_FCHOWN', 'HAVE_FTRUNCATE', 'HAVE_FUTIMENS', 'HAVE_FPATHCONF',
                   'HAVE_FSTATVFS', 'HAVE_FEXECVE']

class DirEntry:
    __module__ = 'posix'
    def __init__(self, directory, name, dir_fd=None):
        self.name = name
        self._dir_fd = dir_fd
        if dir_fd is not None:
            self.path = name
        elif isinstance(directory, bytes):
            self.path = directory + (b'' if directory.endswith(b'/') else b'/') + name
        else:
            self.path = directory + ('' if directory.endswith('/') else '/') + name
    def __fspath__(self):
        return self.path
    def __repr__(self):
        return f'<DirEntry {self.name!r}>'
    def stat(self, *, follow_symlinks=True):
        return stat(self.path, dir_fd=self._dir_fd, follow_symlinks=follow_symlinks)
    def inode(self):
        return stat(self.path, dir_fd=self._dir_fd, follow_symlinks=False).st_ino
    def _mode(self, follow):
        try:
            return stat(self.path, dir_fd=self._dir_fd, follow_symlinks=follow).st_mode
        except OSError:
            return 0
    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000
    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000
    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000

class _ScandirIterator:
    __module__ = 'posix'
    def __init__(self, path):
        if isinstance(path, int):
            self._entries = iter([DirEntry(None, n, path) for n in listdir(path)])
        else:
            self._entries = iter([DirEntry(path, n) for n in listdir(path)])
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._entries)
    def close(self):
        self._entries = iter(())
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.close()

def scandir(path='.'):
    if not isinstance(path, (str, bytes, int)):
        path = fspath(path)
    return _ScandirIterator(path)
)";

} // namespace

namespace posix {

bool positional(Thread& t, const char* fn, std::size_t nargs, Value kwnames, std::size_t min,
                std::size_t max, bool parse_tuple) {
  std::string qualified = std::string("posix.") + fn;
  if (keyword_count(kwnames))
    return raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", qualified.c_str()), false;
  if (parse_tuple && (nargs < min || nargs > max)) {
    std::size_t bound = nargs < min ? min : max;
    return raisef(t, exc(E_TypeError), "%s() takes %s %zu argument%s (%zu given)", fn,
                  min == max    ? "exactly"
                  : nargs < min ? "at least"
                                : "at most",
                  bound, bound == 1 ? "" : "s", nargs),
           false;
  }
  // Functions of no or one argument (METH_NOARGS, METH_O) name their module.
  const char* what = min == max && max <= 1 ? qualified.c_str() : fn;
  return check_positional(t, what, nargs, kwnames, min, max, 0);
}

bool path_param(Thread& t, const char* fn, Value v, std::string& out, int* fd) {
  if (fd) *fd = -1;
  if (fd && int_check(v)) {
    std::int64_t n;
    if (!index_to_i64(t, v, n)) return false;
    if (n < 0) return raisef(t, exc(E_ValueError), "%s: fd must not be negative", fn), false;
    *fd = int(n);
    out.clear();
    return true;
  }
  if (!str_check(v) && !isinstance(v, T_bytes) && !fspath_method(t, v)) {
    if (t.pending) return false;
    return raisef(t, exc(E_TypeError), "%s: path should be string, bytes%s, not %s", fn,
                  fd ? ", os.PathLike or integer" : " or os.PathLike", type_name_of(v).c_str()),
           false;
  }
  return path_arg(t, v, out);
}

void add_int_constants(Thread& t, Value module, const IntConstant* constants, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    module_set(t, module, constants[i].first, int_from_i64(t, constants[i].second));
}

bool sequence_check(Thread& t, Value v) {
  if (isinstance(v, T_list) || isinstance(v, T_tuple)) return true;
  if (isinstance(v, T_dict)) return false;
  return static_cast<bool>(type_lookup(type_of(v), intern_literal(t, "__getitem__")));
}

bool int_param(Thread& t, Value v, int& out) {
  std::int64_t n;
  if (!index_to_i64(t, v, n)) return false;
  if (n > INT32_MAX || n < INT32_MIN)
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int"), false;
  out = int(n);
  return true;
}

namespace {
// The descriptor and events a call waits for, read by fd_ready outside any transaction
// (the thread that set them is the one that waits).
thread_local pollfd waited_fd;

bool fd_ready(Value) {
  pollfd p = waited_fd;
  return ::poll(&p, 1, 0) != 0; // an error is reported by the call run again
}
} // namespace

bool fd_ready_or_wait(Thread& t, int fd, short events) {
  if (t.block_retry == none()) t.block_retry = {};
  if (!vm::can_wait_outside(t)) return true;
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || (flags & O_NONBLOCK)) return true;
  waited_fd = pollfd{fd, events, 0};
  if (fd_ready(none())) return true;
  t.block_on = none();
  t.block_ready = fd_ready;
  t.block_deadline = -1;
  return false;
}

// The child gets a heap of its own (gc::fork_process) with this thread as its only and
// main thread. What the transaction printed so far is written first, once: the child's
// transaction goes on from here and would write it a second time at its commit.
int fork_with_hooks(Thread& t, const char* what, void (*in_child)(void*), void* arg) {
  run_fork_hooks(t, kBeforeFork);
  vm::become_inevitable_with_output(t, what);
  int pid = gc::fork_process();
  if (pid < 0) {
    int err = errno;
    run_fork_hooks(t, kAfterInParent);
    errno = err;
    return -1;
  }
  if (pid == 0) {
    if (in_child) in_child(arg);
    after_fork_in_child(t);
    run_fork_hooks(t, kAfterInChild);
  } else {
    run_fork_hooks(t, kAfterInParent);
  }
  return pid;
}

} // namespace posix

Value make_posix_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"fspath", p_fspath},
      {"getcwd", p_getcwd},
      {"getcwdb", p_getcwdb},
      {"listdir", p_listdir},
      {"stat", p_stat},
      {"lstat", p_lstat},
      {"fstat", p_fstat},
      {"mkdir", p_mkdir},
      {"rmdir", p_rmdir},
      {"unlink", p_unlink},
      {"remove", p_unlink},
      {"chdir", p_chdir},
      {"rename", p_rename},
      {"replace", p_rename},
      {"access", p_access},
      {"getpid", p_getpid},
      {"getppid", p_getppid},
      {"getuid", p_getuid},
      {"geteuid", p_geteuid},
      {"getgid", p_getgid},
      {"_exit", p_exit},
      {"strerror", p_strerror},
      {"urandom", p_urandom},
      {"isatty", p_isatty},
      {"open", p_open},
      {"close", p_close},
      {"read", p_read},
      {"write", p_write},
      {"uname", p_uname},
      {"cpu_count", p_cpu_count},
      {"putenv", p_putenv},
      {"unsetenv", p_unsetenv},
      {"pipe", p_pipe},
      {"pipe2", p_pipe2},
      {"openpty", p_openpty},
      {"dup", p_dup},
      {"dup2", p_dup2},
      {"get_inheritable", p_get_inheritable},
      {"set_inheritable", p_set_inheritable},
      {"get_blocking", p_get_blocking},
      {"set_blocking", p_set_blocking},
      {"fork", p_fork},
      {"register_at_fork", p_register_at_fork},
      {"waitstatus_to_exitcode", p_waitstatus_to_exitcode},
      {"WIFEXITED", p_WIFEXITED},
      {"WEXITSTATUS", p_WEXITSTATUS},
      {"WIFSIGNALED", p_WIFSIGNALED},
      {"WTERMSIG", p_WTERMSIG},
      {"WIFSTOPPED", p_WIFSTOPPED},
      {"WSTOPSIG", p_WSTOPSIG},
      {"WIFCONTINUED", p_WIFCONTINUED},
      {"WCOREDUMP", p_WCOREDUMP},
      {"kill", p_kill},
      {"chmod", p_chmod},
      {"fchmod", p_fchmod},
      {"chown", p_chown},
      {"lchown", p_lchown},
      {"fchown", p_fchown},
      {"symlink", p_symlink},
      {"readlink", p_readlink},
      {"link", p_link},
      {"lseek", p_lseek},
      {"fsync", p_fsync},
      {"fdatasync", p_fdatasync},
      {"ftruncate", p_ftruncate},
      {"truncate", p_truncate},
      {"umask", p_umask},
      {"utime", p_utime},
      {"mkfifo", p_mkfifo},
      {"pread", p_pread},
      {"pwrite", p_pwrite},
      {"sync", p_sync},
      {"get_terminal_size", p_get_terminal_size},
      {"times", p_times},
      {"getloadavg", p_getloadavg},
      {"sched_getaffinity", p_sched_getaffinity},
      {"sched_yield", p_sched_yield},
      {"getegid", p_getegid},
      {"getpgrp", p_getpgrp},
      {"getgroups", p_getgroups},
      {"setsid", p_setsid},
      {"getsid", p_getsid},
      {"getpgid", p_getpgid},
      {"setpgid", p_setpgid},
      {"killpg", p_killpg},
      {"system", p_system},
      {"abort", p_abort},
      {"statvfs", p_statvfs},
      {"fstatvfs", p_fstatvfs},
  };
  Value m = new_module(t, "posix", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value hook_lists[3] = {list_new(t), list_new(t), list_new(t)};
  if (!hook_lists[0] || !hook_lists[1] || !hook_lists[2]) return {};
  Value hooks = tuple_from(t, hook_lists, 3);
  if (!hooks) return {};
  module_set(t, m, "_fork_hooks", hooks);
  Value env = dict_new(t);
  if (!env) return {};
  for (char** e = environ; e && *e; ++e) {
    std::string entry = *e;
    std::size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    Value k = bytes_new(t, entry.substr(0, eq));
    Value v = bytes_new(t, entry.substr(eq + 1));
    if (!k || !v || !dict_set(t, env, k, v)) return {};
  }
  module_set(t, m, "environ", env);
  static const posix::IntConstant kConstants[] = {
      {"F_OK", F_OK},
      {"R_OK", R_OK},
      {"W_OK", W_OK},
      {"X_OK", X_OK},
      {"O_RDONLY", O_RDONLY},
      {"O_WRONLY", O_WRONLY},
      {"O_RDWR", O_RDWR},
      {"O_ACCMODE", O_ACCMODE},
      {"O_APPEND", O_APPEND},
      {"O_CREAT", O_CREAT},
      {"O_EXCL", O_EXCL},
      {"O_TRUNC", O_TRUNC},
      {"O_CLOEXEC", O_CLOEXEC},
      {"RTLD_LAZY", RTLD_LAZY},
      {"RTLD_NOW", RTLD_NOW},
      {"RTLD_GLOBAL", RTLD_GLOBAL},
      {"RTLD_LOCAL", RTLD_LOCAL},
      {"RTLD_NODELETE", RTLD_NODELETE},
      {"RTLD_NOLOAD", RTLD_NOLOAD},
      {"RTLD_DEEPBIND", RTLD_DEEPBIND},
      {"O_NONBLOCK", O_NONBLOCK},
      {"O_DIRECTORY", O_DIRECTORY},
      {"O_NOFOLLOW", O_NOFOLLOW},
      {"SEEK_SET", SEEK_SET},
      {"SEEK_CUR", SEEK_CUR},
      {"SEEK_END", SEEK_END},
      {"EX_OK", 0},
      {"WNOHANG", WNOHANG},
      {"WUNTRACED", WUNTRACED},
      {"WCONTINUED", WCONTINUED},
      {"O_ASYNC", O_ASYNC},
      {"O_DIRECT", O_DIRECT},
      {"O_DSYNC", O_DSYNC},
      {"O_FSYNC", O_FSYNC},
      {"O_LARGEFILE", O_LARGEFILE},
      {"O_NDELAY", O_NDELAY},
      {"O_NOATIME", O_NOATIME},
      {"O_NOCTTY", O_NOCTTY},
      {"O_PATH", O_PATH},
      {"O_RSYNC", O_RSYNC},
      {"O_SYNC", O_SYNC},
      {"O_TMPFILE", O_TMPFILE},
      {"SEEK_DATA", SEEK_DATA},
      {"SEEK_HOLE", SEEK_HOLE},
      {"ST_APPEND", ST_APPEND},
      {"ST_MANDLOCK", ST_MANDLOCK},
      {"ST_NOATIME", ST_NOATIME},
      {"ST_NODEV", ST_NODEV},
      {"ST_NODIRATIME", ST_NODIRATIME},
      {"ST_NOEXEC", ST_NOEXEC},
      {"ST_NOSUID", ST_NOSUID},
      {"ST_RDONLY", ST_RDONLY},
      {"ST_RELATIME", ST_RELATIME},
      {"ST_SYNCHRONOUS", ST_SYNCHRONOUS},
      {"ST_WRITE", ST_WRITE},
      {"TMP_MAX", TMP_MAX},
      {"NGROUPS_MAX", NGROUPS_MAX},
      {"EX_USAGE", EX_USAGE},
      {"EX_DATAERR", EX_DATAERR},
      {"EX_NOINPUT", EX_NOINPUT},
      {"EX_NOUSER", EX_NOUSER},
      {"EX_NOHOST", EX_NOHOST},
      {"EX_UNAVAILABLE", EX_UNAVAILABLE},
      {"EX_SOFTWARE", EX_SOFTWARE},
      {"EX_OSERR", EX_OSERR},
      {"EX_OSFILE", EX_OSFILE},
      {"EX_CANTCREAT", EX_CANTCREAT},
      {"EX_IOERR", EX_IOERR},
      {"EX_TEMPFAIL", EX_TEMPFAIL},
      {"EX_PROTOCOL", EX_PROTOCOL},
      {"EX_NOPERM", EX_NOPERM},
      {"EX_CONFIG", EX_CONFIG},
  };
  posix::add_int_constants(t, m, kConstants, std::size(kConstants));
  module_set(t, m, "error", exc(E_OSError));
  if (!posix::add_process_functions(t, m) || !posix::add_io_functions(t, m)) return {};
  Value d = rd<Object>(m)->dict;
  Value code = compile_source(t, kStructSequences, "<posix>", ast::Mode::Exec);
  if (!code) return {};
  if (!dict_set(t, d, name(N___builtins__), runtime().builtins_module)) return {};
  if (!vm::run_code(t, code, d, d)) return {};
  return m;
}

} // namespace interp
