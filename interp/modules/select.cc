// interp/modules/select.cc - the select module: select.select and select.poll (what
// selectors' SelectSelector and PollSelector, and subprocess's communicate(), use).
//
// select() and poll objects ask poll(2) with no timeout first. When nothing is ready and the caller
// may wait, it is a wait of the outermost loop (Thread::block_on): the transaction commits, the
// thread polls outside any transaction until a descriptor is ready or the timeout passes, and the
// call runs again. Polling only reads the descriptors' state, so none of this makes the transaction
// inevitable.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/source_module.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <poll.h>
#include <time.h>
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

Value raise_errno(Thread& t, int err) {
  Value items[2] = {Value::small_int(err), str_from_utf8(t, std::strerror(err))};
  Value e = call(t, exc(E_OSError), items, 2);
  return e ? raise_value(t, e) : Value();
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
    raise_errno(t, errno);
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
    if (fds[i].revents & POLLNVAL) return raise_errno(t, EBADF);
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

// poll objects, over _poll: registration is a dict of descriptor to event mask.
const char kSource[] = R"py(
from _thread import get_ident as _get_ident


def _descriptor(fd):
    if isinstance(fd, int):
        if fd < 0:
            raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
        return fd
    try:
        fileno = fd.fileno
    except AttributeError:
        raise TypeError("argument must be an int, or have a fileno() method.") from None
    fd = fileno()
    if not isinstance(fd, int):
        raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
    return fd


def _event_mask(mask):
    import operator
    mask = operator.index(mask)
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
        self._registered[_descriptor(fd)] = _event_mask(eventmask)

    def modify(self, fd, eventmask, /):
        """Modify an already registered file descriptor."""
        fd = _descriptor(fd)
        mask = _event_mask(eventmask)
        if fd not in self._registered:
            import errno
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
        self._registered[fd] = mask

    def unregister(self, fd, /):
        """Remove a file descriptor being tracked by the polling object."""
        del self._registered[_descriptor(fd)]

    def poll(self, timeout=None, /):
        """Polls the set of registered file descriptors: a list of (fd, event) pairs
        for the descriptors with events or errors to report, timeout in milliseconds."""
        if timeout is None:
            seconds = -1.0
        else:
            import operator
            if not isinstance(timeout, (int, float)):
                try:
                    timeout = operator.index(timeout)
                except TypeError:
                    raise TypeError("timeout must be an integer or None") from None
            if timeout != timeout:
                raise ValueError("Invalid value NaN (not a number)")
            if abs(timeout) * 1000000 > 9223372036854775807:
                raise OverflowError("timestamp too large to convert to C _PyTime_t")
            if timeout > 2147483647:
                raise OverflowError("timeout is too large")
            seconds = -1.0 if timeout < 0 else timeout / 1000
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
)py";

} // namespace

Value make_select_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"select", select_select},
      {"_poll", select_poll_wait},
  };
  Value m = new_module(t, "select", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "error", exc(E_OSError));
  static const std::pair<const char*, int> kConstants[] = {
      {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},
      {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},
      {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
      {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},       {"POLLRDHUP", POLLRDHUP},
      {"PIPE_BUF", PIPE_BUF}};
  for (auto [name_text, value] : kConstants)
    module_set(t, m, name_text, Value::small_int(value));
  return run_module_source(t, m, kSource, "<select>") ? m : Value();
}

} // namespace interp
