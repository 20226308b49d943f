// interp/modules/posix_io.cc - the posix module's less common descriptor and file calls:
// vectored reads and writes (readv, writev, preadv, pwritev), copies the kernel makes
// (sendfile, copy_file_range, splice), eventfd, memfd_create, getrandom, advice and
// allocation, extended attributes, lockf, device numbers and mknod, the configuration
// names (sysconf, confstr, pathconf), closerange, fchdir, chroot, device_encoding,
// pidfd_open.
//
// A call that may block for long on a pipe, socket or terminal (readv, sendfile and
// splice on such descriptors, eventfd_read, lockf(F_LOCK)) waits outside the transaction
// while it would block, then runs again (see "Waiting" in docs/ARCHITECTURE.md). Calls
// with an effect make the transaction inevitable first.
#include "interp/modules/modules.h"
#include "interp/modules/posix_internal.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"
#include "stm/stm.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <langinfo.h>
#include <linux/memfd.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <vector>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace posix {

namespace {

// An argument that may be None (0 then, `given` false).
bool optional_i64(Thread& t, Value v, std::int64_t& out, bool& given) {
  given = v && v != none();
  out = 0;
  return !given || index_to_i64(t, v, out);
}

// Each of the functions below that takes positional arguments and keyword-only ones
// refuses more than `max` positional ones first.
bool max_positional(Thread& t, const char* fn, std::size_t nargs, Value kwnames, std::size_t max) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos <= max) return true;
  return raisef(t, exc(E_TypeError), "%s() takes at most %zu positional argument%s (%zu given)", fn,
                max, max == 1 ? "" : "s", npos),
         false;
}

// ---- vectored reads and writes -----------------------------------------------------------------

// The writable buffers of readv and preadv, as byte views, and their sizes.
bool writable_buffers(Thread& t, const char* fn, Value seq, std::vector<Value>& views,
                      std::vector<std::int64_t>& sizes, Value& keep) {
  if (!sequence_check(t, seq))
    return raisef(t, exc(E_TypeError), "%s() arg 2 must be a sequence", fn), false;
  Value items = tuple_of(t, seq);
  if (!items) return false;
  // The views live in a list too: a vector of Values is no root for the collector.
  keep = list_new(t);
  if (!keep) return false;
  for (std::int64_t i = 0; i < tuple_length(items); ++i) {
    Value item = tuple_item(items, i);
    Value view = writable_byte_view(t, item);
    if (!view) {
      if (t.pending) return false;
      BufferExport e;
      int exported = buffer_export(t, item, e);
      if (exported < 0) return false;
      if (exported > 0) return raise(t, exc(E_BufferError), "Object is not writable."), false;
      return raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
                    type_name_of(item).c_str()),
             false;
    }
    std::int64_t n;
    if (!list_append(t, keep, view) || !length(t, view, n)) return false;
    views.push_back(view);
    sizes.push_back(n);
  }
  return true;
}

// Spreads `data` over the views in order; the count of bytes.
Value scatter(Thread& t, const std::string& data, const std::vector<Value>& views,
              const std::vector<std::int64_t>& sizes) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < views.size() && at < data.size(); ++i) {
    std::size_t n = std::min<std::size_t>(std::size_t(sizes[i]), data.size() - at);
    Value piece = bytes_new(t, std::string_view(data).substr(at, n));
    Value key = piece ? slice_new(t, Value::small_int(0), int_from_i64(t, std::int64_t(n)), none())
                      : Value();
    if (!key || !setitem(t, views[i], key, piece)) return {};
    at += n;
  }
  return int_from_i64(t, std::int64_t(data.size()));
}

std::int64_t total(const std::vector<std::int64_t>& sizes) {
  std::int64_t n = 0;
  for (std::int64_t s : sizes)
    n += s;
  return n;
}

INTERP_NATIVE(p_readv) {
  int fd;
  if (!positional(t, "readv", nargs, kwnames, 2, 2) || !int_param(t, args[0], fd)) return {};
  std::vector<Value> views;
  std::vector<std::int64_t> sizes;
  Value keep;
  if (!writable_buffers(t, "readv", args[1], views, sizes, keep)) return {};
  std::string data(std::size_t(total(sizes)), '\0');
  if (!data.empty() && !fd_ready_or_wait(t, fd, POLLIN)) return {};
  stm::become_inevitable("readv");
  ssize_t r = retry_on_eintr([&] { return ::read(fd, data.data(), data.size()); });
  if (r < 0) return raise_os_error(t, errno);
  data.resize(std::size_t(r));
  return scatter(t, data, views, sizes);
}

INTERP_NATIVE(p_preadv) {
  int fd, flags = 0;
  std::int64_t offset;
  if (!positional(t, "preadv", nargs, kwnames, 3, 4) || !int_param(t, args[0], fd)) return {};
  std::vector<Value> views;
  std::vector<std::int64_t> sizes;
  Value keep;
  if (!writable_buffers(t, "preadv2", args[1], views, sizes, keep) ||
      !index_to_i64(t, args[2], offset) || (nargs > 3 && !int_param(t, args[3], flags)))
    return {};
  std::string data(std::size_t(total(sizes)), '\0');
  if (!data.empty() && !(flags & RWF_NOWAIT) && !fd_ready_or_wait(t, fd, POLLIN)) return {};
  stm::become_inevitable("preadv");
  iovec v{data.data(), data.size()};
  ssize_t r = retry_on_eintr([&] { return ::preadv2(fd, &v, 1, off_t(offset), flags); });
  if (r < 0) return raise_os_error(t, errno);
  data.resize(std::size_t(r));
  return scatter(t, data, views, sizes);
}

// The buffers of writev and pwritev, joined.
bool joined_buffers(Thread& t, const char* fn, Value seq, std::string& out) {
  if (!sequence_check(t, seq))
    return raisef(t, exc(E_TypeError), "%s() arg 2 must be a sequence", fn), false;
  Value items = tuple_of(t, seq);
  if (!items) return false;
  for (std::int64_t i = 0; i < tuple_length(items); ++i) {
    std::string piece;
    if (!need_buffer(t, tuple_item(items, i), piece)) return false;
    out += piece;
  }
  return true;
}

// writev: to descriptors 1 and 2 through the transaction's buffers (in order with
// print()), to pipes, sockets and terminals without blocking inside the transaction.
INTERP_NATIVE(p_writev) {
  int fd;
  std::string data;
  if (!positional(t, "writev", nargs, kwnames, 2, 2) || !int_param(t, args[0], fd) ||
      !joined_buffers(t, "writev", args[1], data))
    return {};
  if (fd == 1 || fd == 2) {
    (fd == 2 ? t.err : t.out).append(data);
    return int_from_i64(t, std::int64_t(data.size()));
  }
  if (descriptor_is_stream(fd)) {
    std::int64_t written = write_to_stream(t, fd, data, true);
    return written < 0 ? Value() : int_from_i64(t, written);
  }
  stm::become_inevitable("writev");
  ssize_t r = retry_on_eintr([&] { return ::write(fd, data.data(), data.size()); });
  return r < 0 ? raise_os_error(t, errno) : int_from_i64(t, r);
}

INTERP_NATIVE(p_pwritev) {
  int fd, flags = 0;
  std::int64_t offset;
  std::string data;
  if (!positional(t, "pwritev", nargs, kwnames, 3, 4) || !int_param(t, args[0], fd) ||
      !joined_buffers(t, "pwritev", args[1], data) || !index_to_i64(t, args[2], offset) ||
      (nargs > 3 && !int_param(t, args[3], flags)))
    return {};
  stm::become_inevitable("pwritev");
  iovec v{data.data(), data.size()};
  ssize_t r = retry_on_eintr([&] { return ::pwritev2(fd, &v, 1, off_t(offset), flags); });
  return r < 0 ? raise_os_error(t, errno) : int_from_i64(t, r);
}

// ---- copies in the kernel ----------------------------------------------------------------------

// Before a copy from `in` to `out`: waits outside while either is a stream that is not
// ready (false: the caller returns 0 with no exception).
bool streams_ready_or_wait(Thread& t, int in, int out) {
  if (in >= 0 && descriptor_is_stream(in) && !fd_ready_or_wait(t, in, POLLIN)) return false;
  return out < 0 || !descriptor_is_stream(out) || fd_ready_or_wait(t, out, POLLOUT);
}

Value copy_result(Thread& t, ssize_t r) {
  return r < 0 ? raise_os_error(t, errno) : int_from_i64(t, r);
}

// sendfile(out_fd, in_fd, offset, count); offset None reads from in_fd's position.
INTERP_NATIVE(p_sendfile) {
  Value a[4];
  int out, in;
  std::int64_t offset, count;
  bool has_offset;
  if (!parse_arguments(t, "sendfile", args, nargs, kwnames, {"out_fd", "in_fd", "offset", "count"},
                       0, 4, a) ||
      !int_param(t, a[0], out) || !int_param(t, a[1], in) ||
      !optional_i64(t, a[2], offset, has_offset) || !index_to_i64(t, a[3], count))
    return {};
  if (count > 0 && !streams_ready_or_wait(t, in, out)) return {};
  stm::become_inevitable("sendfile");
  off_t at = off_t(offset);
  ssize_t r = retry_on_eintr(
      [&] { return ::sendfile(out, in, has_offset ? &at : nullptr, std::size_t(count)); });
  return copy_result(t, r);
}

// copy_file_range and splice: (src, dst, count, offset_src=None, offset_dst=None[, flags]).
struct Copy {
  int src, dst, flags = 0;
  std::int64_t count;
  loff_t offsets[2];
  bool has_offset[2];
};

bool copy_params(Thread& t, const char* fn, const Value* args, std::size_t nargs, Value kwnames,
                 bool with_flags, Copy& c) {
  Value a[6];
  bool ok =
      with_flags
          ? parse_arguments(t, fn, args, nargs, kwnames,
                            {"src", "dst", "count", "offset_src", "offset_dst", "flags"}, 0, 3, a)
          : parse_arguments(t, fn, args, nargs, kwnames,
                            {"src", "dst", "count", "offset_src", "offset_dst"}, 0, 3, a);
  std::int64_t offsets[2];
  if (!ok || !int_param(t, a[0], c.src) || !int_param(t, a[1], c.dst) ||
      !index_to_i64(t, a[2], c.count) || !optional_i64(t, a[3], offsets[0], c.has_offset[0]) ||
      !optional_i64(t, a[4], offsets[1], c.has_offset[1]) ||
      (with_flags && a[5] && !int_param(t, a[5], c.flags)))
    return false;
  if (c.count < 0)
    return raise(t, exc(E_ValueError), "negative value for 'count' not allowed"), false;
  c.offsets[0] = offsets[0];
  c.offsets[1] = offsets[1];
  return true;
}

INTERP_NATIVE(p_copy_file_range) {
  Copy c;
  if (!copy_params(t, "copy_file_range", args, nargs, kwnames, false, c)) return {};
  stm::become_inevitable("copy_file_range");
  ssize_t r = retry_on_eintr([&] {
    return ::copy_file_range(c.src, c.has_offset[0] ? &c.offsets[0] : nullptr, c.dst,
                             c.has_offset[1] ? &c.offsets[1] : nullptr, std::size_t(c.count), 0);
  });
  return copy_result(t, r);
}

INTERP_NATIVE(p_splice) {
  Copy c;
  if (!copy_params(t, "splice", args, nargs, kwnames, true, c)) return {};
  if (c.count > 0 && !(c.flags & SPLICE_F_NONBLOCK) && !streams_ready_or_wait(t, c.src, c.dst))
    return {};
  stm::become_inevitable("splice");
  ssize_t r = retry_on_eintr([&] {
    return ::splice(c.src, c.has_offset[0] ? &c.offsets[0] : nullptr, c.dst,
                    c.has_offset[1] ? &c.offsets[1] : nullptr, std::size_t(c.count),
                    unsigned(c.flags));
  });
  return copy_result(t, r);
}

// ---- eventfd, memfd, getrandom ------------------------------------------------------------------

// An unsigned argument as CPython's converters take it: Argument Clinic's (`clinic`:
// "value must be positive") or dev_t's (an OverflowError for a negative value).
bool unsigned_param(Thread& t, Value v, std::uint64_t max, std::uint64_t& out, bool clinic = true) {
  if (!int_check(v)) return raise(t, exc(E_TypeError), "an integer is required"), false;
  std::string digits = int_to_decimal(v);
  if (!digits.empty() && digits[0] == '-')
    return clinic
           ? raise(t, exc(E_ValueError), "value must be positive"),
           false
           : (raise(t, exc(E_OverflowError), "can't convert negative int to unsigned"), false);
  bool fits = digits.size() < 20 || (digits.size() == 20 && digits <= "18446744073709551615");
  if (fits) out = std::stoull(digits);
  if (!fits || out > max)
    return raise(t, exc(E_OverflowError),
                 max == UINT_MAX ? "Python int too large for C unsigned int"
                                 : "int too big to convert"),
           false;
  return true;
}

INTERP_NATIVE(p_eventfd) {
  Value a[2];
  std::uint64_t initval;
  int flags = EFD_CLOEXEC;
  if (!parse_arguments(t, "eventfd", args, nargs, kwnames, {"initval", "flags"}, 0, 1, a) ||
      !unsigned_param(t, a[0], UINT_MAX, initval) || (a[1] && !int_param(t, a[1], flags)))
    return {};
  stm::become_inevitable("eventfd");
  int fd = ::eventfd(unsigned(initval), flags);
  return fd < 0 ? raise_os_error(t, errno) : Value::small_int(fd);
}

INTERP_NATIVE(p_eventfd_read) {
  Value a[1];
  int fd;
  if (!parse_arguments(t, "eventfd_read", args, nargs, kwnames, {"fd"}, 0, 1, a) ||
      !file_descriptor_arg(t, a[0], fd))
    return {};
  // A counter of 0 blocks a blocking descriptor until another thread or process writes.
  if (!fd_ready_or_wait(t, fd, POLLIN)) return {};
  stm::become_inevitable("eventfd_read");
  eventfd_t value;
  int r = retry_on_eintr([&] { return ::eventfd_read(fd, &value); });
  if (r < 0) return raise_os_error(t, errno);
  if (value > std::uint64_t(INT64_MAX)) return int_from_text(t, std::to_string(value), 10);
  return int_from_i64(t, std::int64_t(value));
}

INTERP_NATIVE(p_eventfd_write) {
  Value a[2];
  int fd;
  std::uint64_t value;
  if (!parse_arguments(t, "eventfd_write", args, nargs, kwnames, {"fd", "value"}, 0, 2, a) ||
      !file_descriptor_arg(t, a[0], fd) || !unsigned_param(t, a[1], UINT64_MAX, value))
    return {};
  if (!fd_ready_or_wait(t, fd, POLLOUT)) return {};
  stm::become_inevitable("eventfd_write");
  int r = retry_on_eintr([&] { return ::eventfd_write(fd, value); });
  return r < 0 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(p_memfd_create) {
  Value a[2];
  std::string name;
  int flags = MFD_CLOEXEC;
  if (!parse_arguments(t, "memfd_create", args, nargs, kwnames, {"name", "flags"}, 0, 1, a) ||
      !path_arg(t, a[0], name) || (a[1] && !int_param(t, a[1], flags)))
    return {};
  stm::become_inevitable("memfd_create");
  int fd = ::memfd_create(name.c_str(), unsigned(flags));
  return fd < 0 ? raise_os_error(t, errno) : Value::small_int(fd);
}

INTERP_NATIVE(p_getrandom) {
  Value a[2];
  std::int64_t size;
  int flags = 0;
  if (!parse_arguments(t, "getrandom", args, nargs, kwnames, {"size", "flags"}, 0, 1, a) ||
      !index_to_i64(t, a[0], size) || (a[1] && !int_param(t, a[1], flags)))
    return {};
  if (size < 0) return raise_os_error(t, EINVAL);
  std::string data(std::size_t(size), '\0');
  ssize_t r =
      retry_on_eintr([&] { return ::getrandom(data.data(), data.size(), unsigned(flags)); });
  if (r < 0) return raise_os_error(t, errno);
  data.resize(std::size_t(r));
  return bytes_new(t, data);
}

// posix_fadvise and posix_fallocate report their error as their result.
INTERP_NATIVE(p_posix_fadvise) {
  int fd, advice;
  std::int64_t offset, len;
  if (!positional(t, "posix_fadvise", nargs, kwnames, 4, 4) || !int_param(t, args[0], fd) ||
      !index_to_i64(t, args[1], offset) || !index_to_i64(t, args[2], len) ||
      !int_param(t, args[3], advice))
    return {};
  int err;
  do
    err = ::posix_fadvise(fd, off_t(offset), off_t(len), advice);
  while (err == EINTR);
  return err ? raise_os_error(t, err) : none();
}

INTERP_NATIVE(p_posix_fallocate) {
  int fd;
  std::int64_t offset, len;
  if (!positional(t, "posix_fallocate", nargs, kwnames, 3, 3) || !int_param(t, args[0], fd) ||
      !index_to_i64(t, args[1], offset) || !index_to_i64(t, args[2], len))
    return {};
  stm::become_inevitable("posix_fallocate");
  int err;
  do
    err = ::posix_fallocate(fd, off_t(offset), off_t(len));
  while (err == EINTR);
  return err ? raise_os_error(t, err) : none();
}

// ---- extended attributes ------------------------------------------------------------------------

// The path (or descriptor) of an xattr call, and whether to follow a symbolic link.
struct XattrTarget {
  std::string path;
  int fd = -1;
  bool follow = true;
};

bool xattr_target(Thread& t, const char* fn, Value path, Value follow_symlinks, XattrTarget& out) {
  if (follow_symlinks) {
    int yes = truthy(t, follow_symlinks);
    if (yes < 0) return false;
    out.follow = yes;
  }
  if (!path || path == none()) {
    out.path.assign(1, '.');
    return true;
  }
  if (!path_param(t, fn, path, out.path, &out.fd)) return false;
  if (out.fd >= 0 && !out.follow)
    return raisef(t, exc(E_ValueError), "%s: cannot use fd and follow_symlinks together", fn),
           false;
  return true;
}

// getxattr, setxattr, removexattr: (path, attribute, ..., *, follow_symlinks=True), the
// last of `names` keyword-only.
bool xattr_args(Thread& t, const char* fn, const Value* args, std::size_t nargs, Value kwnames,
                std::initializer_list<const char*> names, std::size_t required, Value* a,
                XattrTarget& target, std::string& attribute) {
  std::size_t n = names.size();
  return max_positional(t, fn, nargs, kwnames, n - 1) &&
         parse_arguments(t, fn, args, nargs, kwnames, names, 0, required, a) &&
         xattr_target(t, fn, a[0], a[n - 1], target) && path_param(t, fn, a[1], attribute);
}

// The error of an xattr call, naming the path (not a descriptor).
Value xattr_error(Thread& t, const XattrTarget& target, Value path) {
  return raise_os_error(t, errno, target.fd >= 0 ? Value() : path);
}

INTERP_NATIVE(p_getxattr) {
  Value a[3];
  XattrTarget target;
  std::string attribute;
  if (!xattr_args(t, "getxattr", args, nargs, kwnames, {"path", "attribute", "follow_symlinks"}, 2,
                  a, target, attribute))
    return {};
  std::string value(XATTR_SIZE_MAX, '\0');
  const char* name = attribute.c_str();
  ssize_t r = target.fd >= 0  ? ::fgetxattr(target.fd, name, value.data(), value.size())
              : target.follow ? ::getxattr(target.path.c_str(), name, value.data(), value.size())
                              : ::lgetxattr(target.path.c_str(), name, value.data(), value.size());
  if (r < 0) return xattr_error(t, target, a[0]);
  value.resize(std::size_t(r));
  return bytes_new(t, value);
}

INTERP_NATIVE(p_setxattr) {
  Value a[5];
  XattrTarget target;
  std::string attribute, value;
  int flags = 0;
  if (!xattr_args(t, "setxattr", args, nargs, kwnames,
                  {"path", "attribute", "value", "flags", "follow_symlinks"}, 3, a, target,
                  attribute) ||
      !need_buffer(t, a[2], value) || (a[3] && !int_param(t, a[3], flags)))
    return {};
  stm::become_inevitable("setxattr");
  const char* name = attribute.c_str();
  int r = target.fd >= 0 ? ::fsetxattr(target.fd, name, value.data(), value.size(), flags)
          : target.follow
              ? ::setxattr(target.path.c_str(), name, value.data(), value.size(), flags)
              : ::lsetxattr(target.path.c_str(), name, value.data(), value.size(), flags);
  return r != 0 ? xattr_error(t, target, a[0]) : none();
}

INTERP_NATIVE(p_removexattr) {
  Value a[3];
  XattrTarget target;
  std::string attribute;
  if (!xattr_args(t, "removexattr", args, nargs, kwnames, {"path", "attribute", "follow_symlinks"},
                  2, a, target, attribute))
    return {};
  stm::become_inevitable("removexattr");
  int r = target.fd >= 0  ? ::fremovexattr(target.fd, attribute.c_str())
          : target.follow ? ::removexattr(target.path.c_str(), attribute.c_str())
                          : ::lremovexattr(target.path.c_str(), attribute.c_str());
  return r != 0 ? xattr_error(t, target, a[0]) : none();
}

INTERP_NATIVE(p_listxattr) {
  Value a[2];
  XattrTarget target;
  if (!max_positional(t, "listxattr", nargs, kwnames, 1) ||
      !parse_arguments(t, "listxattr", args, nargs, kwnames, {"path", "follow_symlinks"}, 0, 0,
                       a) ||
      !xattr_target(t, "listxattr", a[0], a[1], target))
    return {};
  std::string names(XATTR_LIST_MAX, '\0');
  ssize_t r = target.fd >= 0  ? ::flistxattr(target.fd, names.data(), names.size())
              : target.follow ? ::listxattr(target.path.c_str(), names.data(), names.size())
                              : ::llistxattr(target.path.c_str(), names.data(), names.size());
  Value given = a[0] && a[0] != none() && target.fd < 0 ? a[0] : Value();
  if (r < 0) return raise_os_error(t, errno, given);
  Value list = list_new(t);
  if (!list) return {};
  for (std::size_t at = 0; at < std::size_t(r);) {
    std::size_t end = names.find('\0', at);
    if (end == std::string::npos || end > std::size_t(r)) end = std::size_t(r);
    if (end > at && !list_append(t, list, str_from_utf8(t, names.substr(at, end - at)))) return {};
    at = end + 1;
  }
  return list;
}

// ---- lockf
// ---------------------------------------------------------------------------------------

// The lock lockf(F_LOCK) waits for, read by lock_free outside any transaction.
thread_local int waited_lock_fd;
thread_local off_t waited_lock_len;

bool lock_free(Value) {
  if (::lockf(waited_lock_fd, F_TEST, waited_lock_len) == 0) return true;
  return errno != EACCES && errno != EAGAIN; // an error is reported by the call run again
}

// lockf(fd, command, length). F_LOCK on a section another process holds waits outside the
// transaction (F_TLOCK until it succeeds), so that it holds up no commit.
INTERP_NATIVE(p_lockf) {
  int fd, command;
  std::int64_t len;
  if (!positional(t, "lockf", nargs, kwnames, 3, 3) || !int_param(t, args[0], fd) ||
      !int_param(t, args[1], command) || !index_to_i64(t, args[2], len))
    return {};
  if (t.block_retry == none()) t.block_retry = {};
  stm::become_inevitable("lockf");
  if (command == F_LOCK && vm::can_wait_outside(t)) {
    if (::lockf(fd, F_TLOCK, off_t(len)) == 0) return none();
    if (errno != EACCES && errno != EAGAIN) return raise_os_error(t, errno);
    waited_lock_fd = fd;
    waited_lock_len = off_t(len);
    t.block_on = none();
    t.block_ready = lock_free;
    t.block_deadline = -1;
    return {};
  }
  int r = retry_on_eintr([&] { return ::lockf(fd, command, off_t(len)); });
  return r != 0 ? raise_os_error(t, errno) : none();
}

// ---- device numbers, mknod ----------------------------------------------------------------------

// major(device) and minor(device).
Value device_part(Thread& t, const char* fn, const Value* args, std::size_t nargs, Value kwnames,
                  unsigned (*part)(dev_t)) {
  std::uint64_t dev;
  if (!positional(t, fn, nargs, kwnames, 1, 1) ||
      !unsigned_param(t, args[0], UINT64_MAX, dev, false))
    return {};
  return int_from_i64(t, part(dev));
}
INTERP_NATIVE(p_major) {
  return device_part(t, "major", args, nargs, kwnames, [](dev_t d) { return unsigned(major(d)); });
}
INTERP_NATIVE(p_minor) {
  return device_part(t, "minor", args, nargs, kwnames, [](dev_t d) { return unsigned(minor(d)); });
}

INTERP_NATIVE(p_makedev) {
  int major_number, minor_number;
  if (!positional(t, "makedev", nargs, kwnames, 2, 2) || !int_param(t, args[0], major_number) ||
      !int_param(t, args[1], minor_number))
    return {};
  // CPython returns the dev_t as a signed number.
  return int_from_i64(t, std::int64_t(makedev(unsigned(major_number), unsigned(minor_number))));
}

// mknod(path, mode=0o600, device=0, *, dir_fd=None)
INTERP_NATIVE(p_mknod) {
  Value a[4];
  std::string path;
  std::int64_t mode = 0600, dir_fd = AT_FDCWD;
  std::uint64_t device = 0;
  if (!max_positional(t, "mknod", nargs, kwnames, 3) ||
      !parse_arguments(t, "mknod", args, nargs, kwnames, {"path", "mode", "device", "dir_fd"}, 0, 1,
                       a) ||
      !path_param(t, "mknod", a[0], path) || (a[1] && !index_to_i64(t, a[1], mode)) ||
      (a[2] && !unsigned_param(t, a[2], UINT64_MAX, device, false)) ||
      (a[3] && a[3] != none() && !index_to_i64(t, a[3], dir_fd)))
    return {};
  stm::become_inevitable("mknod");
  // CPython names no file in mknod's error.
  return ::mknodat(int(dir_fd), path.c_str(), mode_t(mode), dev_t(device)) != 0
             ? raise_os_error(t, errno)
             : none();
}

// ---- configuration names ---------------------------------------------------------------------

struct ConfName {
  const char* name;
  int value;
};

#include "interp/modules/posix_conf_names.inc"

// A configuration name: a str from the table or an int.
bool conf_name(Thread& t, Value v, const ConfName* table, std::size_t n, int& out) {
  if (int_check(v)) return int_param(t, v, out);
  if (!str_check(v))
    return raise(t, exc(E_TypeError), "configuration names must be strings or integers"), false;
  std::string name = str_utf8(v);
  for (std::size_t i = 0; i < n; ++i)
    if (name == table[i].name) {
      out = table[i].value;
      return true;
    }
  return raise(t, exc(E_ValueError), "unrecognized configuration name"), false;
}

Value conf_names_dict(Thread& t, const ConfName* table, std::size_t n) {
  Value d = dict_new(t);
  for (std::size_t i = 0; d && i < n; ++i)
    if (!dict_set(t, d, str_from_ascii(t, table[i].name), Value::small_int(table[i].value)))
      return {};
  return d;
}

// A long result that is -1 on error with errno set, and may be -1 as a value otherwise.
Value conf_result(Thread& t, long r, Value filename = {}) {
  if (r == -1 && errno != 0) return raise_os_error(t, errno, filename);
  return int_from_i64(t, r);
}

INTERP_NATIVE(p_sysconf) {
  int name;
  if (!positional(t, "sysconf", nargs, kwnames, 1, 1) ||
      !conf_name(t, args[0], kSysconfNames, std::size(kSysconfNames), name))
    return {};
  errno = 0;
  return conf_result(t, ::sysconf(name));
}

INTERP_NATIVE(p_confstr) {
  int name;
  if (!positional(t, "confstr", nargs, kwnames, 1, 1) ||
      !conf_name(t, args[0], kConfstrNames, std::size(kConfstrNames), name))
    return {};
  errno = 0;
  std::size_t n = ::confstr(name, nullptr, 0);
  if (n == 0) return errno ? raise_os_error(t, errno) : none();
  std::string value(n, '\0');
  ::confstr(name, value.data(), n);
  value.resize(n - 1);
  return str_from_utf8(t, value);
}

INTERP_NATIVE(p_pathconf) {
  Value a[2];
  std::string path;
  int fd, name;
  if (!parse_arguments(t, "pathconf", args, nargs, kwnames, {"path", "name"}, 0, 2, a) ||
      !path_param(t, "pathconf", a[0], path, &fd) ||
      !conf_name(t, a[1], kPathconfNames, std::size(kPathconfNames), name))
    return {};
  errno = 0;
  long r = fd >= 0 ? ::fpathconf(fd, name) : ::pathconf(path.c_str(), name);
  return conf_result(t, r, fd >= 0 ? Value() : a[0]);
}

INTERP_NATIVE(p_fpathconf) {
  int fd, name;
  if (!positional(t, "fpathconf", nargs, kwnames, 2, 2) || !file_descriptor_arg(t, args[0], fd) ||
      !conf_name(t, args[1], kPathconfNames, std::size(kPathconfNames), name))
    return {};
  errno = 0;
  return conf_result(t, ::fpathconf(fd, name));
}

// ---- the rest --------------------------------------------------------------------------------

// Closes the descriptors from `low` to `last`, errors ignored: close_range where the
// kernel has it, else one by one up to the descriptor limit.
void close_span(int low, int last) {
  if (low > last) return;
  if (::close_range(unsigned(low), unsigned(last), 0) == 0) return;
  long max = ::sysconf(_SC_OPEN_MAX);
  if (max > 0 && last >= max) last = int(max - 1);
  for (int fd = low; fd <= last; ++fd)
    ::close(fd);
}

// closerange(fd_low, fd_high): closes fd_low to fd_high - 1, except the heap's own memfd,
// which the interpreter cannot run without.
INTERP_NATIVE(p_closerange) {
  int low, high;
  if (!positional(t, "closerange", nargs, kwnames, 2, 2) || !int_param(t, args[0], low) ||
      !int_param(t, args[1], high))
    return {};
  vm::become_inevitable_with_output(t, "closerange"); // as close: output first
  low = std::max(low, 0);
  if (high <= low) return none();
  int heap = stm::heap_descriptor();
  if (heap >= low && heap < high) {
    close_span(low, heap - 1);
    close_span(heap + 1, high - 1);
  } else {
    close_span(low, high - 1);
  }
  return none();
}

INTERP_NATIVE(p_fchdir) {
  Value a[1];
  int fd;
  if (!parse_arguments(t, "fchdir", args, nargs, kwnames, {"fd"}, 0, 1, a) ||
      !file_descriptor_arg(t, a[0], fd))
    return {};
  stm::become_inevitable("fchdir");
  return ::fchdir(fd) != 0 ? raise_os_error(t, errno) : none();
}

INTERP_NATIVE(p_chroot) {
  Value a[1];
  std::string path;
  if (!parse_arguments(t, "chroot", args, nargs, kwnames, {"path"}, 0, 1, a) ||
      !path_param(t, "chroot", a[0], path))
    return {};
  stm::become_inevitable("chroot");
  return ::chroot(path.c_str()) != 0 ? raise_os_error(t, errno, a[0]) : none();
}

// device_encoding(fd): the encoding of a terminal, None for anything else.
INTERP_NATIVE(p_device_encoding) {
  Value a[1];
  int fd;
  if (!parse_arguments(t, "device_encoding", args, nargs, kwnames, {"fd"}, 0, 1, a) ||
      !int_param(t, a[0], fd))
    return {};
  if (!::isatty(fd)) return none();
  const char* codeset = ::nl_langinfo(CODESET);
  // The interpreter runs in UTF-8 mode, as CPython does in the C and POSIX locales.
  return str_from_utf8(
      t, codeset && *codeset && std::strcmp(codeset, "ANSI_X3.4-1968") != 0 ? codeset : "UTF-8");
}

INTERP_NATIVE(p_pidfd_open) {
  Value a[2];
  std::int64_t pid;
  int flags = 0;
  if (!parse_arguments(t, "pidfd_open", args, nargs, kwnames, {"pid", "flags"}, 0, 1, a) ||
      !index_to_i64(t, a[0], pid) || (a[1] && !int_param(t, a[1], flags)))
    return {};
  stm::become_inevitable("pidfd_open");
  long fd = ::syscall(SYS_pidfd_open, pid_t(pid), unsigned(flags));
  return fd < 0 ? raise_os_error(t, errno) : int_from_i64(t, fd);
}

} // namespace

bool add_io_functions(Thread& t, Value m) {
  static const ModuleFunction kFunctions[] = {
      {"readv", p_readv},
      {"preadv", p_preadv},
      {"writev", p_writev},
      {"pwritev", p_pwritev},
      {"sendfile", p_sendfile},
      {"copy_file_range", p_copy_file_range},
      {"splice", p_splice},
      {"eventfd", p_eventfd},
      {"eventfd_read", p_eventfd_read},
      {"eventfd_write", p_eventfd_write},
      {"memfd_create", p_memfd_create},
      {"getrandom", p_getrandom},
      {"posix_fadvise", p_posix_fadvise},
      {"posix_fallocate", p_posix_fallocate},
      {"getxattr", p_getxattr},
      {"setxattr", p_setxattr},
      {"removexattr", p_removexattr},
      {"listxattr", p_listxattr},
      {"lockf", p_lockf},
      {"major", p_major},
      {"minor", p_minor},
      {"makedev", p_makedev},
      {"mknod", p_mknod},
      {"sysconf", p_sysconf},
      {"confstr", p_confstr},
      {"pathconf", p_pathconf},
      {"fpathconf", p_fpathconf},
      {"closerange", p_closerange},
      {"fchdir", p_fchdir},
      {"chroot", p_chroot},
      {"device_encoding", p_device_encoding},
      {"pidfd_open", p_pidfd_open},
  };
  if (!add_module_functions(t, m, kFunctions, std::size(kFunctions))) return false;
  static const IntConstant kConstants[] = {
      {"RWF_HIPRI", RWF_HIPRI},
      {"RWF_DSYNC", RWF_DSYNC},
      {"RWF_SYNC", RWF_SYNC},
      {"RWF_NOWAIT", RWF_NOWAIT},
      {"RWF_APPEND", RWF_APPEND},
      {"SPLICE_F_MOVE", SPLICE_F_MOVE},
      {"SPLICE_F_NONBLOCK", SPLICE_F_NONBLOCK},
      {"SPLICE_F_MORE", SPLICE_F_MORE},
      {"EFD_CLOEXEC", EFD_CLOEXEC},
      {"EFD_NONBLOCK", EFD_NONBLOCK},
      {"EFD_SEMAPHORE", EFD_SEMAPHORE},
      {"GRND_NONBLOCK", GRND_NONBLOCK},
      {"GRND_RANDOM", GRND_RANDOM},
      {"MFD_CLOEXEC", MFD_CLOEXEC},
      {"MFD_ALLOW_SEALING", MFD_ALLOW_SEALING},
      {"MFD_HUGETLB", MFD_HUGETLB},
      {"MFD_HUGE_SHIFT", MFD_HUGE_SHIFT},
      {"MFD_HUGE_MASK", MFD_HUGE_MASK},
      {"MFD_HUGE_64KB", MFD_HUGE_64KB},
      {"MFD_HUGE_512KB", MFD_HUGE_512KB},
      {"MFD_HUGE_1MB", MFD_HUGE_1MB},
      {"MFD_HUGE_2MB", MFD_HUGE_2MB},
      {"MFD_HUGE_8MB", MFD_HUGE_8MB},
      {"MFD_HUGE_16MB", MFD_HUGE_16MB},
      {"MFD_HUGE_32MB", MFD_HUGE_32MB},
      {"MFD_HUGE_256MB", MFD_HUGE_256MB},
      {"MFD_HUGE_512MB", MFD_HUGE_512MB},
      {"MFD_HUGE_1GB", MFD_HUGE_1GB},
      {"MFD_HUGE_2GB", MFD_HUGE_2GB},
      {"MFD_HUGE_16GB", std::int64_t(unsigned(MFD_HUGE_16GB))},
      {"POSIX_FADV_NORMAL", POSIX_FADV_NORMAL},
      {"POSIX_FADV_RANDOM", POSIX_FADV_RANDOM},
      {"POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL},
      {"POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED},
      {"POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED},
      {"POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE},
      {"XATTR_CREATE", XATTR_CREATE},
      {"XATTR_REPLACE", XATTR_REPLACE},
      {"XATTR_SIZE_MAX", XATTR_SIZE_MAX},
      {"F_LOCK", F_LOCK},
      {"F_TLOCK", F_TLOCK},
      {"F_ULOCK", F_ULOCK},
      {"F_TEST", F_TEST},
  };
  add_int_constants(t, m, kConstants, std::size(kConstants));
  Value sysconf_names = conf_names_dict(t, kSysconfNames, std::size(kSysconfNames));
  Value confstr_names = conf_names_dict(t, kConfstrNames, std::size(kConfstrNames));
  Value pathconf_names = conf_names_dict(t, kPathconfNames, std::size(kPathconfNames));
  if (!sysconf_names || !confstr_names || !pathconf_names) return false;
  module_set(t, m, "sysconf_names", sysconf_names);
  module_set(t, m, "confstr_names", confstr_names);
  module_set(t, m, "pathconf_names", pathconf_names);
  return true;
}

} // namespace posix
} // namespace interp
