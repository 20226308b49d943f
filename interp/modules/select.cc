// interp/modules/select.cc - the select module: select.select (what selectors'
// SelectSelector and subprocess's communicate() use).
//
// select() asks poll() with no timeout first. When nothing is ready and the caller may
// wait, it is a wait of the outermost loop (Thread::block_on): the transaction commits,
// the thread polls outside any transaction until a descriptor is ready or the timeout
// passes, and the call runs again. Polling only reads the descriptors' state, so none of
// this makes the transaction inevitable.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <cerrno>
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

INTERP_NATIVE(select_select) {
  if (!check_positional(t, "select", nargs, kwnames, 3, 4, 0)) return {};
  bool retry = t.block_retry == none();
  if (retry) t.block_retry = {};
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
  // Where the wait cannot go outside, poll blocks in place for the whole timeout.
  bool in_place = !vm::can_wait_outside(t);
  int wait_ms = !in_place ? 0 : timeout < 0 ? -1 : int(std::min(timeout * 1000, 2e9));
  int r;
  do {
    r = ::poll(fds.data(), fds.size(), wait_ms);
  } while (r < 0 && errno == EINTR);
  if (r < 0) {
    int err = errno;
    Value items[2] = {Value::small_int(err), str_from_utf8(t, std::strerror(err))};
    Value e = call(t, exc(E_OSError), items, 2);
    return e ? raise_value(t, e) : Value();
  }
  bool expired = retry && t.block_expired;
  if (retry) t.block_expired = false;
  if (r == 0 && timeout != 0 && !expired && !in_place) {
    waited_fds = fds;
    wait_outside_for(t, none(), poll_ready, timeout, retry);
    return {};
  }
  Value out[3];
  for (int k = 0; k < 3; ++k) {
    out[k] = list_new(t);
    if (!out[k]) return {};
  }
  for (std::size_t i = 0; i < fds.size(); ++i) {
    auto [k, index] = where[i];
    short bad = POLLERR | POLLHUP | POLLNVAL;
    bool ready = fds[i].revents & (kEvents[k] | (k == 2 ? 0 : bad));
    if (fds[i].revents & POLLNVAL) {
      Value items[2] = {Value::small_int(EBADF), str_from_utf8(t, std::strerror(EBADF))};
      Value e = call(t, exc(E_OSError), items, 2);
      return e ? raise_value(t, e) : Value();
    }
    if (ready && !list_append(t, out[k], tuple_item(lists[k], index))) return {};
  }
  return tuple_from(t, out, 3);
}

} // namespace

Value make_select_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"select", select_select},
  };
  Value m = new_module(t, "select", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "error", exc(E_OSError));
  return m;
}

} // namespace interp
