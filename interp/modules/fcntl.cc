// interp/modules/fcntl.cc - the fcntl module: fcntl(), ioctl(), flock() and lockf() on
// file descriptors (or objects with fileno()), and the F_*, FD_*, LOCK_* constants.
//
// Each call acts on the descriptor at once and cannot be undone, so it makes the running
// transaction inevitable first. A flock() or lockf() that would block does not wait
// there: the outermost loop commits and waits outside any transaction, trying the lock
// without blocking until it is taken, then runs the call again, which finds it held by
// this process already (taking a lock one holds succeeds at once).
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"
#include "stm/stm.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace interp {

// bytearray.cc.
bool bytearray_set_contents(Thread& t, Value self, std::string_view data);

namespace {

// The third argument of fcntl() and ioctl(): an int passed as is, or a bytes-like buffer
// (at most 1024 bytes) passed by address, whose bytes after the call are the result.
struct CallArg {
  bool is_buffer = false;
  long number = 0;
  std::string bytes;
};

bool call_arg(Thread& t, Value v, const char* fn, CallArg& out) {
  if (!v || v == none()) return true;
  if (str_check(v) || isinstance(v, T_bytes) || isinstance(v, T_bytearray)) {
    out.is_buffer = true;
    out.bytes = str_check(v) ? str_utf8(v) : std::string(bytes_view(v));
    if (out.bytes.size() > 1024) {
      raisef(t, exc(E_ValueError), "%s string arg too long", fn);
      return false;
    }
    return true;
  }
  std::int64_t n = 0;
  if (!index_to_i64(t, v, n)) return false;
  out.number = long(n);
  return true;
}

INTERP_NATIVE(fcntl_fcntl) {
  if (!check_positional(t, "fcntl", nargs, kwnames, 2, 3, 0)) return {};
  int fd = 0;
  std::int64_t cmd = 0;
  CallArg arg;
  if (!file_descriptor_arg(t, args[0], fd) || !index_to_i64(t, args[1], cmd) ||
      !call_arg(t, nargs > 2 ? args[2] : Value(), "fcntl", arg))
    return {};
  stm::become_inevitable("fcntl");
  if (arg.is_buffer) {
    char buffer[1024];
    std::memcpy(buffer, arg.bytes.data(), arg.bytes.size());
    if (::fcntl(fd, int(cmd), buffer) == -1) return raise_os_error(t, errno);
    return bytes_new(t, std::string_view(buffer, arg.bytes.size()));
  }
  int r = ::fcntl(fd, int(cmd), arg.number);
  return r == -1 ? raise_os_error(t, errno) : int_from_i64(t, r);
}

// ioctl(fd, request, arg=0, mutate_flag=True): with a bytearray and mutate_flag, the
// buffer is changed in place and the call's result is returned; else as fcntl().
INTERP_NATIVE(fcntl_ioctl) {
  if (!check_positional(t, "ioctl", nargs, kwnames, 2, 4, 0)) return {};
  int fd = 0;
  std::int64_t request = 0;
  CallArg arg;
  Value given = nargs > 2 ? args[2] : Value();
  if (!file_descriptor_arg(t, args[0], fd) || !index_to_i64(t, args[1], request)) return {};
  bool mutate = true;
  if (nargs > 3) {
    int yes = truthy(t, args[3]);
    if (yes < 0) return {};
    mutate = yes;
  }
  bool in_place = given && isinstance(given, T_bytearray) && mutate;
  if (in_place) {
    arg.is_buffer = true;
    arg.bytes = std::string(bytes_view(given));
  } else if (!call_arg(t, given, "ioctl", arg)) {
    return {};
  }
  stm::become_inevitable("ioctl");
  if (!arg.is_buffer) {
    int r = ::ioctl(fd, static_cast<unsigned long>(request), arg.number);
    return r == -1 ? raise_os_error(t, errno) : int_from_i64(t, r);
  }
  std::string buffer = arg.bytes;
  buffer.resize(std::max<std::size_t>(buffer.size(), 1024));
  int r = ::ioctl(fd, static_cast<unsigned long>(request), buffer.data());
  if (r == -1) return raise_os_error(t, errno);
  buffer.resize(arg.bytes.size());
  if (in_place) return bytearray_set_contents(t, given, buffer) ? int_from_i64(t, r) : Value();
  return bytes_new(t, buffer);
}

// The lock a thread waits for outside its transaction: taken without blocking, or not.
struct WaitedLock {
  int fd = -1;
  int flock_op = 0;       // flock(): the operation; 0 for lockf()
  struct flock record {}; // lockf()
};
thread_local WaitedLock waited_lock;

int try_lock(const WaitedLock& w) {
  if (w.flock_op) return ::flock(w.fd, w.flock_op | LOCK_NB);
  struct flock record = w.record;
  return ::fcntl(w.fd, F_SETLK, &record);
}

// Outside any transaction: the lock was taken, or trying failed otherwise than by
// finding it held (the call run again reports that).
bool lock_ready(Value) {
  return try_lock(waited_lock) == 0 ||
         (errno != EWOULDBLOCK && errno != EAGAIN && errno != EACCES && errno != EINTR);
}

// Takes the lock: at once, or (blocking) after a wait outside the transaction, which
// returns 0 with no exception and t.block_on set; else as the system call fails.
Value take_lock(Thread& t, const WaitedLock& w, bool blocking) {
  stm::become_inevitable(w.flock_op ? "flock" : "lockf");
  for (;;) {
    if (try_lock(w) == 0) return none();
    if (errno == EINTR) continue;
    bool held = errno == EWOULDBLOCK || errno == EAGAIN || errno == EACCES;
    if (!held || !blocking) return raise_os_error(t, errno);
    break;
  }
  if (vm::can_wait_outside(t)) {
    waited_lock = w;
    t.block_on = none();
    t.block_ready = lock_ready;
    t.block_deadline = -1;
    return {};
  }
  // Inside an atomic block: wait in place.
  int r;
  do {
    if (w.flock_op) {
      r = ::flock(w.fd, w.flock_op);
    } else {
      struct flock record = w.record;
      r = ::fcntl(w.fd, F_SETLKW, &record);
    }
  } while (r == -1 && errno == EINTR);
  return r == -1 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(fcntl_flock) {
  if (!check_positional(t, "flock", nargs, kwnames, 2, 2, 0)) return {};
  int fd = 0;
  std::int64_t op = 0;
  if (!file_descriptor_arg(t, args[0], fd) || !index_to_i64(t, args[1], op)) return {};
  WaitedLock w;
  w.fd = fd;
  w.flock_op = int(op) & ~LOCK_NB;
  if (!w.flock_op) return raise_os_error(t, EINVAL);
  return take_lock(t, w, !(op & LOCK_NB) && w.flock_op != LOCK_UN);
}

// lockf(fd, cmd, len=0, start=0, whence=0): CPython's, with fcntl() record locks.
INTERP_NATIVE(fcntl_lockf) {
  if (!check_positional(t, "lockf", nargs, kwnames, 2, 5, 0)) return {};
  int fd = 0;
  std::int64_t cmd = 0, len = 0, start = 0, whence = 0;
  if (!file_descriptor_arg(t, args[0], fd) || !index_to_i64(t, args[1], cmd) ||
      (nargs > 2 && !index_to_i64(t, args[2], len)) ||
      (nargs > 3 && !index_to_i64(t, args[3], start)) ||
      (nargs > 4 && !index_to_i64(t, args[4], whence)))
    return {};
  WaitedLock w;
  w.fd = fd;
  if (cmd == LOCK_UN)
    w.record.l_type = F_UNLCK;
  else if (cmd & LOCK_SH)
    w.record.l_type = F_RDLCK;
  else if (cmd & LOCK_EX)
    w.record.l_type = F_WRLCK;
  else
    return raise(t, exc(E_ValueError), "unrecognized lockf argument");
  w.record.l_start = off_t(start);
  w.record.l_len = off_t(len);
  w.record.l_whence = short(whence);
  return take_lock(t, w, !(cmd & LOCK_NB) && cmd != LOCK_UN);
}

} // namespace

Value make_fcntl_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"fcntl", fcntl_fcntl},
      {"ioctl", fcntl_ioctl},
      {"flock", fcntl_flock},
      {"lockf", fcntl_lockf},
  };
  Value m = new_module(t, "fcntl", kFunctions, std::size(kFunctions));
  if (!m) return {};
  static const std::pair<const char*, long> kConstants[] = {
      {"FASYNC", FASYNC},
      {"FD_CLOEXEC", FD_CLOEXEC},
      {"F_DUPFD", F_DUPFD},
      {"F_DUPFD_CLOEXEC", F_DUPFD_CLOEXEC},
      {"F_GETFD", F_GETFD},
      {"F_SETFD", F_SETFD},
      {"F_GETFL", F_GETFL},
      {"F_SETFL", F_SETFL},
      {"F_GETLK", F_GETLK},
      {"F_SETLK", F_SETLK},
      {"F_SETLKW", F_SETLKW},
      {"F_GETLK64", F_GETLK64},
      {"F_SETLK64", F_SETLK64},
      {"F_SETLKW64", F_SETLKW64},
      {"F_OFD_GETLK", F_OFD_GETLK},
      {"F_OFD_SETLK", F_OFD_SETLK},
      {"F_OFD_SETLKW", F_OFD_SETLKW},
      {"F_GETOWN", F_GETOWN},
      {"F_SETOWN", F_SETOWN},
      {"F_GETSIG", F_GETSIG},
      {"F_SETSIG", F_SETSIG},
      {"F_GETLEASE", F_GETLEASE},
      {"F_SETLEASE", F_SETLEASE},
      {"F_NOTIFY", F_NOTIFY},
      {"F_GETPIPE_SZ", F_GETPIPE_SZ},
      {"F_SETPIPE_SZ", F_SETPIPE_SZ},
      {"F_ADD_SEALS", F_ADD_SEALS},
      {"F_GET_SEALS", F_GET_SEALS},
      {"F_SEAL_SEAL", F_SEAL_SEAL},
      {"F_SEAL_SHRINK", F_SEAL_SHRINK},
      {"F_SEAL_GROW", F_SEAL_GROW},
      {"F_SEAL_WRITE", F_SEAL_WRITE},
      {"F_RDLCK", F_RDLCK},
      {"F_WRLCK", F_WRLCK},
      {"F_UNLCK", F_UNLCK},
      {"F_EXLCK", F_EXLCK},
      {"F_SHLCK", F_SHLCK},
      {"DN_ACCESS", DN_ACCESS},
      {"DN_MODIFY", DN_MODIFY},
      {"DN_CREATE", DN_CREATE},
      {"DN_DELETE", DN_DELETE},
      {"DN_RENAME", DN_RENAME},
      {"DN_ATTRIB", DN_ATTRIB},
      {"DN_MULTISHOT", long(DN_MULTISHOT)},
      {"LOCK_SH", LOCK_SH},
      {"LOCK_EX", LOCK_EX},
      {"LOCK_NB", LOCK_NB},
      {"LOCK_UN", LOCK_UN},
      {"LOCK_MAND", 32},
      {"LOCK_READ", 64},
      {"LOCK_WRITE", 128},
      {"LOCK_RW", 192},
  };
  for (const auto& [constant, value] : kConstants)
    module_set(t, m, constant, int_from_i64(t, value));
  return m;
}

} // namespace interp
