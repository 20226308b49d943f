// interp/modules/select.cc - the select module: select.select, select.poll and
// select.epoll (what selectors' SelectSelector, PollSelector and EpollSelector, asyncio's
// loops and subprocess's communicate() use).
//
// select(), poll and epoll objects ask poll(2) with no timeout first (an epoll object
// through its own descriptor, which is readable while events wait). When nothing is ready and the
// caller may wait, it is a wait of the outermost loop (Thread::block_on): the transaction commits,
// the thread polls outside any transaction until a descriptor is ready or the timeout passes, and
// the call runs again. Polling only reads the descriptors' state, so none of this makes the
// transaction inevitable.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/source_module.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <poll.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace interp {

namespace {

// The descriptors the thread waits on, read by poll_ready outside any transaction.
thread_local std::vector<pollfd> waited_fds;

bool poll_ready(Value) {
  if (waited_fds.empty()) return false;
  int r = ::poll(waited_fds.data(), waited_fds.size(), 0);
  return r != 0; // an error is reported by the call run again
}

// Polls `fds` (their revents filled in); where none is ready and the call may wait
// (`timeout` seconds, negative: for ever), the thread waits outside the transaction and
// the call runs again: false with no exception pending. False with one on an error.
bool poll_or_wait(Thread& t, std::vector<pollfd>& fds, double timeout) {
  bool retry = t.block_retry == none();
  if (retry) t.block_retry = {};
  // Where the wait cannot go outside, poll blocks in place for the whole timeout.
  bool in_place = !vm::can_wait_outside(t);
  int wait_ms = !in_place ? 0 : timeout < 0 ? -1 : int(std::min(std::ceil(timeout * 1000), 2e9));
  int r;
  do {
    r = ::poll(fds.data(), fds.size(), wait_ms);
  } while (r < 0 && errno == EINTR);
  if (r < 0) {
    raise_os_error(t, errno);
    return false;
  }
  bool expired = retry && t.block_expired;
  if (retry) t.block_expired = false;
  if (r == 0 && timeout != 0 && !expired && !in_place) {
    waited_fds = fds;
    wait_outside_for(t, none(), poll_ready, timeout, retry);
    return false;
  }
  return true;
}

INTERP_NATIVE(select_select) {
  if (!check_positional(t, "select", nargs, kwnames, 3, 4, 0)) return {};
  double timeout = -1;
  if (nargs > 3 && args[3] != none()) {
    if (!to_double(t, args[3], timeout)) return {};
    if (std::isnan(timeout)) return raise(t, exc(E_ValueError), "Invalid value NaN (not a number)");
    if (timeout < 0) return raise(t, exc(E_ValueError), "timeout must be non-negative");
  }
  static const short kEvents[3] = {POLLIN, POLLOUT, POLLPRI};
  Value lists[3];
  std::vector<pollfd> fds;
  std::vector<std::pair<int, std::int64_t>> where; // (which list, index) per pollfd
  for (int k = 0; k < 3; ++k) {
    lists[k] = tuple_of(t, args[k]);
    if (!lists[k]) return {};
    for (std::int64_t i = 0; i < tuple_length(lists[k]); ++i) {
      int fd;
      if (!file_descriptor_arg(t, tuple_item(lists[k], i), fd)) return {};
      fds.push_back(pollfd{fd, kEvents[k], 0});
      where.push_back({k, i});
    }
  }
  if (!poll_or_wait(t, fds, timeout)) return {};
  Value out[3];
  for (int k = 0; k < 3; ++k) {
    out[k] = list_new(t);
    if (!out[k]) return {};
  }
  for (std::size_t i = 0; i < fds.size(); ++i) {
    auto [k, index] = where[i];
    short bad = POLLERR | POLLHUP | POLLNVAL;
    bool ready = fds[i].revents & (kEvents[k] | (k == 2 ? 0 : bad));
    if (fds[i].revents & POLLNVAL) return raise_os_error(t, EBADF);
    if (ready && !list_append(t, out[k], tuple_item(lists[k], index))) return {};
  }
  return tuple_from(t, out, 3);
}

// _poll(registered: tuple of (fd, events), timeout: seconds, negative for ever) ->
// [(fd, revents)] of the descriptors with something to report, in registration order.
INTERP_NATIVE(select_poll_wait) {
  if (!check_positional(t, "_poll", nargs, kwnames, 2, 2, 0)) return {};
  Value registered = tuple_of(t, args[0]);
  double timeout;
  if (!registered || !to_double(t, args[1], timeout)) return {};
  std::vector<pollfd> fds;
  for (std::int64_t i = 0; i < tuple_length(registered); ++i) {
    Value pair = tuple_item(registered, i);
    std::int64_t fd, events;
    if (!index_to_i64(t, tuple_item(pair, 0), fd) || !index_to_i64(t, tuple_item(pair, 1), events))
      return {};
    fds.push_back(pollfd{int(fd), short(events), 0});
  }
  if (!poll_or_wait(t, fds, timeout)) return {};
  Value out = list_new(t);
  if (!out) return {};
  for (const pollfd& p : fds) {
    if (!p.revents) continue;
    Value items[2] = {Value::small_int(p.fd), Value::small_int(std::uint16_t(p.revents))};
    Value pair = tuple_from(t, items, 2);
    if (!pair || !list_append(t, out, pair)) return {};
  }
  return out;
}

// _epoll_create() -> the descriptor of a new epoll set (close-on-exec).
INTERP_NATIVE(select_epoll_create) {
  if (!check_positional(t, "_epoll_create", nargs, kwnames, 0, 0, 0)) return {};
  stm::become_inevitable("epoll_create");
  int fd = ::epoll_create1(EPOLL_CLOEXEC);
  return fd < 0 ? raise_os_error(t, errno) : Value::small_int(fd);
}

// _epoll_ctl(epfd, op, fd, events): op 1 add, 2 delete, 3 modify (EPOLL_CTL_*).
INTERP_NATIVE(select_epoll_ctl) {
  if (!check_positional(t, "_epoll_ctl", nargs, kwnames, 4, 4, 0)) return {};
  std::int64_t epfd, op, fd, events;
  if (!index_to_i64(t, args[0], epfd) || !index_to_i64(t, args[1], op) ||
      !index_to_i64(t, args[2], fd) || !index_to_i64(t, args[3], events))
    return {};
  stm::become_inevitable("epoll_ctl");
  epoll_event event{};
  event.events = std::uint32_t(events);
  event.data.fd = int(fd);
  if (::epoll_ctl(int(epfd), int(op), int(fd), &event) < 0) return raise_os_error(t, errno);
  return none();
}

// _epoll_wait(epfd, timeout: seconds, negative for ever, maxevents) -> [(fd, events)].
INTERP_NATIVE(select_epoll_wait) {
  if (!check_positional(t, "_epoll_wait", nargs, kwnames, 3, 3, 0)) return {};
  std::int64_t epfd, maxevents;
  double timeout;
  if (!index_to_i64(t, args[0], epfd) || !to_double(t, args[1], timeout) ||
      !index_to_i64(t, args[2], maxevents))
    return {};
  std::vector<pollfd> set{pollfd{int(epfd), POLLIN, 0}};
  if (!poll_or_wait(t, set, timeout)) return {};
  stm::become_inevitable("epoll_wait");
  std::vector<epoll_event> events(static_cast<std::size_t>(maxevents));
  int n;
  do {
    n = ::epoll_wait(int(epfd), events.data(), int(maxevents), 0);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return raise_os_error(t, errno);
  Value out = list_new(t);
  if (!out) return {};
  for (int i = 0; i < n; ++i) {
    Value items[2] = {Value::small_int(events[std::size_t(i)].data.fd),
                      int_from_i64(t, std::int64_t(events[std::size_t(i)].events))};
    Value pair = items[1] ? tuple_from(t, items, 2) : Value();
    if (!pair || !list_append(t, out, pair)) return {};
  }
  return out;
}

// _fd(obj) -> the file descriptor an int or an object's fileno() names, as every call
// that takes a descriptor reads it.
INTERP_NATIVE(select_fd) {
  if (!check_positional(t, "_fd", nargs, kwnames, 1, 1, 0)) return {};
  int fd;
  return file_descriptor_arg(t, args[0], fd) ? Value::small_int(fd) : Value();
}

// poll objects, over _poll: registration is a dict of descriptor to event mask. epoll
// objects, over _epoll_*: the kernel keeps the set.
const char kSource[] = R"py(
from _operator import index as _index
from _thread import get_ident as _get_ident
from posix import close as _close


def _event_mask(mask):
    mask = _index(mask)
    if mask < 0:
        raise ValueError("value must be positive")
    if mask > 0xFFFF:
        raise OverflowError("Python int too large for C unsigned short")
    return mask


class _Poll:
    """Waits for events on the registered file descriptors (poll(2))."""

    __slots__ = ("_registered", "_poller")

    def __init__(self):
        self._registered = {}
        self._poller = None

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        """Register a file descriptor with the polling object."""
        self._registered[_fd(fd)] = _event_mask(eventmask)

    def modify(self, fd, eventmask, /):
        """Modify an already registered file descriptor."""
        fd = _fd(fd)
        mask = _event_mask(eventmask)
        if fd not in self._registered:
            import errno
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
        self._registered[fd] = mask

    def unregister(self, fd, /):
        """Remove a file descriptor being tracked by the polling object."""
        del self._registered[_fd(fd)]

    def poll(self, timeout=None, /):
        """Polls the set of registered file descriptors: a list of (fd, event) pairs
        for the descriptors with events or errors to report, timeout in milliseconds."""
        seconds = _timeout_seconds(timeout, 1000)
        if seconds > 2147483.647:
            raise OverflowError("timeout is too large")
        # One thread at a time, as CPython's: another one's call fails while this one
        # waits (outside its transaction, with the owner committed).
        me = _get_ident()
        if self._poller is not None and self._poller != me:
            raise RuntimeError("concurrent poll() invocation")
        self._poller = me
        try:
            return _poll(tuple(self._registered.items()), seconds)
        finally:
            self._poller = None


_Poll.__name__ = _Poll.__qualname__ = "poll"
_Poll.__module__ = "select"


def poll():
    """Returns a polling object that supports registering and unregistering file
    descriptors, and then polling them for I/O events."""
    return _Poll()


def _timeout_seconds(timeout, per_second):
    """A timeout given in 1/per_second of a second, in seconds; -1.0 for none (None or
    negative), with CPython's errors for what is no number or too large for its clock."""
    if timeout is None:
        return -1.0
    if not isinstance(timeout, (int, float)):
        try:
            timeout = _index(timeout)
        except TypeError:
            raise TypeError("timeout must be an integer or None") from None
    if timeout != timeout:
        raise ValueError("Invalid value NaN (not a number)")
    if abs(timeout) * (1000000000 // per_second) > 9223372036854775807:
        raise OverflowError("timestamp too large to convert to C _PyTime_t")
    return -1.0 if timeout < 0 else timeout / per_second


class epoll:
    """Returns an epolling object (select.epoll(sizehint=-1, flags=0)); sizehint must be
    a positive integer or -1 for the default size, flags is ignored."""

    __slots__ = ("_epfd", "__weakref__")

    def __init__(self, sizehint=-1, flags=0):
        sizehint = _index(sizehint)
        flags = _index(flags)
        if sizehint == 0 or sizehint < -1:
            raise ValueError("negative sizehint")
        if flags and flags != EPOLL_CLOEXEC:
            import errno
            raise OSError(errno.EINVAL, "Invalid argument")
        self._epfd = _epoll_create()

    @classmethod
    def fromfd(cls, fd, /):
        """Create an epoll object from a given control fd."""
        self = cls.__new__(cls)
        self._epfd = _index(fd)
        return self

    def _open_fd(self):
        if self._epfd < 0:
            raise ValueError("I/O operation on closed epoll object")
        return self._epfd

    @property
    def closed(self):
        """True if the epoll handler is closed"""
        return self._epfd < 0

    def close(self):
        """Close the epoll control file descriptor."""
        fd, self._epfd = self._epfd, -1
        if fd >= 0:
            _close(fd)

    def fileno(self):
        """Return the epoll control file descriptor."""
        return self._open_fd()

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        """Registers a new fd or raises an OSError if the fd is already registered."""
        epfd = self._open_fd()
        _epoll_ctl(epfd, 1, _fd(fd), _epoll_mask(eventmask))

    def modify(self, fd, eventmask):
        """Modify event mask for a registered file descriptor."""
        epfd = self._open_fd()
        _epoll_ctl(epfd, 3, _fd(fd), _epoll_mask(eventmask))

    def unregister(self, fd):
        """Remove a registered file descriptor from the epoll object."""
        epfd = self._open_fd()
        _epoll_ctl(epfd, 2, _fd(fd), 0)

    def poll(self, timeout=None, maxevents=-1):
        """Wait for events on the epoll file descriptor: a list of (fd, events) pairs,
        timeout in seconds (None or negative: no limit)."""
        epfd = self._open_fd()
        seconds = _timeout_seconds(timeout, 1)
        maxevents = _index(maxevents)
        if maxevents == -1:
            maxevents = FD_SETSIZE - 1
        elif maxevents < 1:
            raise ValueError("maxevents must be greater than 0, got %d" % maxevents)
        return _epoll_wait(epfd, seconds, maxevents)

    def __enter__(self):
        self._open_fd()
        return self

    def __exit__(self, *args):
        self.close()

    def __reduce__(self):
        raise TypeError("cannot pickle 'select.epoll' object")


epoll.__module__ = "select"


def _epoll_mask(mask):
    mask = _index(mask)
    if mask < 0 or mask > 0xFFFFFFFF:
        raise OverflowError("Python int too large to convert to C unsigned int"
                            if mask > 0 else "can't convert negative int to unsigned")
    return mask
)py";

} // namespace

Value make_select_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"select", select_select},
      {"_poll", select_poll_wait},
      {"_epoll_create", select_epoll_create},
      {"_epoll_ctl", select_epoll_ctl},
      {"_epoll_wait", select_epoll_wait},
      {"_fd", select_fd},
  };
  Value m = new_module(t, "select", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "error", exc(E_OSError));
  static const std::pair<const char*, std::int64_t> kConstants[] = {
      {"POLLIN", POLLIN},
      {"POLLPRI", POLLPRI},
      {"POLLOUT", POLLOUT},
      {"POLLERR", POLLERR},
      {"POLLHUP", POLLHUP},
      {"POLLNVAL", POLLNVAL},
      {"POLLRDNORM", POLLRDNORM},
      {"POLLRDBAND", POLLRDBAND},
      {"POLLWRNORM", POLLWRNORM},
      {"POLLWRBAND", POLLWRBAND},
      {"POLLMSG", POLLMSG},
      {"POLLRDHUP", POLLRDHUP},
      {"PIPE_BUF", PIPE_BUF},
      {"FD_SETSIZE", FD_SETSIZE},
      {"EPOLLIN", EPOLLIN},
      {"EPOLLOUT", EPOLLOUT},
      {"EPOLLPRI", EPOLLPRI},
      {"EPOLLERR", EPOLLERR},
      {"EPOLLHUP", EPOLLHUP},
      {"EPOLLRDHUP", EPOLLRDHUP},
      {"EPOLLRDNORM", EPOLLRDNORM},
      {"EPOLLRDBAND", EPOLLRDBAND},
      {"EPOLLWRNORM", EPOLLWRNORM},
      {"EPOLLWRBAND", EPOLLWRBAND},
      {"EPOLLMSG", EPOLLMSG},
      {"EPOLLET", std::int64_t(std::uint32_t(EPOLLET))},
      {"EPOLLONESHOT", EPOLLONESHOT},
      {"EPOLLEXCLUSIVE", std::int64_t(EPOLLEXCLUSIVE)},
      {"EPOLL_CLOEXEC", EPOLL_CLOEXEC}};
  for (auto [name_text, value] : kConstants)
    module_set(t, m, name_text, Value::small_int(value));
  return run_module_source(t, m, kSource, "<select>") ? m : Value();
}

} // namespace interp
