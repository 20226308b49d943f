// interp/modules/socket.cc - the _socket module that socket.py wraps: the socket type
// (BSD sockets over file descriptors), name resolution (getaddrinfo(3), getnameinfo(3)),
// address conversion (inet_*), byte order (hton*), and the constants of <sys/socket.h>,
// <netinet/in.h>, <netinet/tcp.h> and <netdb.h>.
//
// A socket keeps its descriptor, family, type, protocol and timeout in five words after
// the object header (the slots a subclass adds, socket.socket's _io_refs and _closed, come
// at the end of the object, after them).
//
// Timeouts follow CPython: None is a blocking socket (descriptor in blocking mode), 0.0
// a non-blocking one, a positive number a socket whose operations give up with
// TimeoutError("timed out") after that many seconds (descriptor in non-blocking mode).
// Whatever the mode, a call never blocks in the kernel while its transaction is open:
// it polls first, and when the descriptor is not ready and the call may wait, it is a
// wait of the loop that runs it (Thread::block_on, as select.select and os.read wait):
// the transaction commits, the thread polls outside any transaction until the
// descriptor is ready or the deadline passes, and the call runs again. The operations
// themselves (recv, send, accept, connect, close...) cannot be undone, so they make the
// transaction inevitable first. sendall, which may have sent part of its data before it
// must wait, waits in the call (vm::wait_in_call) and goes on inevitably.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

// Linux numbers that glibc does not name: the level of UDP options is its protocol number.
#ifndef SOL_UDP
#define SOL_UDP IPPROTO_UDP
#endif

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // objects/bytes.cc

namespace {

// The words after the header; each holds a Value (ints tagged, the timeout None or a
// float), so the collector's scan of the instance layout reads them safely.
struct SocketObject : Object {
  Value fd; // -1 once closed or detached
  Value family;
  Value type; // without SOCK_NONBLOCK and SOCK_CLOEXEC
  Value proto;
  Value timeout; // None or a float >= 0
};

int sock_fd(Value self) {
  return int(rd<SocketObject>(self)->fd.small_int_value());
}
int sock_family(Value self) {
  return int(rd<SocketObject>(self)->family.small_int_value());
}
// The timeout in seconds; -1 for None (blocking).
double sock_timeout(Value self) {
  Value v = rd<SocketObject>(self)->timeout;
  return v == none() || !v ? -1 : float_value(v);
}


// ---- errors -------------------------------------------------------------------------------

Value module_attr(Thread& t, const char* attr) {
  Value m = import_module(t, "_socket");
  return m ? getattr(t, m, intern_literal(t, attr)) : Value();
}

// OSError(err, strerror(err)); OSError's constructor picks the subclass
// (ConnectionRefusedError, BlockingIOError, ...) from the errno.
Value raise_errno(Thread& t, int err) {
  Value items[2] = {Value::small_int(err), str_from_utf8(t, std::strerror(err))};
  if (!items[1]) return {};
  Value e = call(t, exc(E_OSError), items, 2);
  return e ? raise_value(t, e) : Value();
}

// socket.gaierror(code, gai_strerror(code)), or OSError for EAI_SYSTEM.
Value raise_gai(Thread& t, int code) {
  if (code == EAI_SYSTEM) return raise_errno(t, errno);
  Value cls = module_attr(t, "gaierror");
  if (!cls) return {};
  Value items[2] = {Value::small_int(code), str_from_utf8(t, ::gai_strerror(code))};
  if (!items[1]) return {};
  Value e = call(t, cls, items, 2);
  return e ? raise_value(t, e) : Value();
}

Value raise_timeout(Thread& t) {
  return raise(t, exc(E_TimeoutError), "timed out");
}

// ---- arguments ----------------------------------------------------------------------------

bool int_arg(Thread& t, Value v, int& out) {
  std::int64_t i;
  if (!index_to_i64(t, v, i)) return false;
  if (i < INT_MIN || i > INT_MAX) {
    raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
    return false;
  }
  out = int(i);
  return true;
}

// A timeout argument: None is -1; otherwise a number of seconds >= 0.
bool timeout_arg(Thread& t, Value v, double& out) {
  if (v == none()) return out = -1, true;
  if (float_check(v)) {
    out = float_value(v);
  } else {
    std::int64_t i;
    if (!index_to_i64(t, v, i)) return false;
    out = double(i);
  }
  if (std::isnan(out)) {
    raise(t, exc(E_ValueError), "Invalid value NaN (not a number)");
    return false;
  }
  if (out < 0) {
    raise(t, exc(E_ValueError), "Timeout value out of range");
    return false;
  }
  return true;
}

// A host name argument (str or bytes) as bytes for the resolver.
bool host_arg(Thread& t, Value v, std::string& out) {
  if (str_check(v)) {
    out = str_utf8(v);
  } else if (isinstance(v, T_bytes) || isinstance(v, T_bytearray)) {
    if (!need_buffer(t, v, out)) return false;
  } else {
    raisef(t, exc(E_TypeError), "str, bytes or bytearray expected, not %s",
           type_name_of(v).c_str());
    return false;
  }
  if (out.find('\0') != std::string::npos) {
    raise(t, exc(E_ValueError), "host name must not contain null character");
    return false;
  }
  return true;
}

// ---- addresses ----------------------------------------------------------------------------

struct Address {
  sockaddr_storage storage{};
  socklen_t length = 0;
  sockaddr* sa() { return reinterpret_cast<sockaddr*>(&storage); }
};

// Resolves `host` for `family` into `out`'s address (the port is left 0).
bool resolve_host(Thread& t, const std::string& host, int family, Address& out) {
  if (family == AF_INET) {
    sockaddr_in* in = reinterpret_cast<sockaddr_in*>(&out.storage);
    in->sin_family = AF_INET;
    out.length = sizeof(sockaddr_in);
    if (host.empty()) {
      in->sin_addr.s_addr = htonl(INADDR_ANY);
      return true;
    }
    if (host == "<broadcast>" || host == "255.255.255.255") {
      in->sin_addr.s_addr = htonl(INADDR_BROADCAST);
      return true;
    }
    if (::inet_pton(AF_INET, host.c_str(), &in->sin_addr) == 1) return true;
  } else if (family == AF_INET6) {
    sockaddr_in6* in6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
    in6->sin6_family = AF_INET6;
    out.length = sizeof(sockaddr_in6);
    if (host.empty()) {
      in6->sin6_addr = in6addr_any;
      return true;
    }
    if (host.find('%') == std::string::npos &&
        ::inet_pton(AF_INET6, host.c_str(), &in6->sin6_addr) == 1)
      return true;
  }
  addrinfo hints{};
  hints.ai_family = family;
  addrinfo* res = nullptr;
  int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &res);
  if (rc != 0) {
    raise_gai(t, rc);
    return false;
  }
  std::memcpy(&out.storage, res->ai_addr, res->ai_addrlen);
  out.length = res->ai_addrlen;
  ::freeaddrinfo(res);
  return true;
}

const char* family_name(int family) {
  return family == AF_INET6 ? "AF_INET6" : "AF_INET";
}

// A Python address for `family` (CPython's tuple forms) as a sockaddr; `caller` names the
// method in messages.
bool parse_address(Thread& t, int family, Value v, Address& out, const char* caller) {
  if (family == AF_UNIX) {
    std::string path;
    if (str_check(v)) {
      path = str_utf8(v);
    } else if (!need_buffer(t, v, path)) {
      return false;
    }
    sockaddr_un* un = reinterpret_cast<sockaddr_un*>(&out.storage);
    if (path.size() >= sizeof un->sun_path) {
      raise(t, exc(E_OSError), "AF_UNIX path too long");
      return false;
    }
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, path.data(), path.size());
    // An abstract address (leading NUL) is exactly its bytes; a path ends at its NUL.
    out.length = socklen_t(offsetof(sockaddr_un, sun_path) + path.size() +
                           (!path.empty() && path[0] == '\0' ? 0 : 1));
    return true;
  }
  if (family != AF_INET && family != AF_INET6) {
    raisef(t, exc(E_OSError), "%s(): bad family", caller);
    return false;
  }
  if (!isinstance(v, T_tuple)) {
    raisef(t, exc(E_TypeError), "%s(): %s address must be tuple, not %s", caller,
           family_name(family), type_name_of(v).c_str());
    return false;
  }
  std::int64_t n = tuple_length(v);
  if (family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
    if (family == AF_INET)
      raise(t, exc(E_TypeError), "AF_INET address must be a pair (host, port)");
    else
      raise(t, exc(E_TypeError),
            "AF_INET6 address must be a tuple (host, port[, flowinfo[, "
            "scopeid]])");
    return false;
  }
  std::string host;
  if (!host_arg(t, tuple_item(v, 0), host)) return false;
  std::int64_t port;
  if (!index_to_i64(t, tuple_item(v, 1), port)) return false;
  if (port < 0 || port > 65535) {
    raisef(t, exc(E_OverflowError), "%s(): port must be 0-65535.", caller);
    return false;
  }
  std::int64_t flowinfo = 0, scope_id = 0;
  if (n > 2 && !index_to_i64(t, tuple_item(v, 2), flowinfo)) return false;
  if (n > 3 && !index_to_i64(t, tuple_item(v, 3), scope_id)) return false;
  if (flowinfo < 0 || flowinfo > 0xfffff) {
    raisef(t, exc(E_OverflowError), "%s(): flowinfo must be 0-1048575.", caller);
    return false;
  }
  if (!resolve_host(t, host, family, out)) return false;
  if (family == AF_INET) {
    reinterpret_cast<sockaddr_in*>(&out.storage)->sin_port = htons(std::uint16_t(port));
  } else {
    sockaddr_in6* in6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
    in6->sin6_port = htons(std::uint16_t(port));
    in6->sin6_flowinfo = htonl(std::uint32_t(flowinfo));
    if (n > 3) in6->sin6_scope_id = std::uint32_t(scope_id);
  }
  return true;
}

// The Python form of a sockaddr: (host, port) for AF_INET, (host, port, flowinfo,
// scope_id) for AF_INET6, a str (or bytes for an abstract name) for AF_UNIX.
Value make_address(Thread& t, const sockaddr* sa, socklen_t length) {
  if (length == 0) return none();
  char text[INET6_ADDRSTRLEN];
  switch (sa->sa_family) {
  case AF_INET: {
    auto* in = reinterpret_cast<const sockaddr_in*>(sa);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    Value items[2] = {str_from_ascii(t, text), Value::small_int(ntohs(in->sin_port))};
    return items[0] ? tuple_from(t, items, 2) : Value();
  }
  case AF_INET6: {
    auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    Value items[4] = {str_from_ascii(t, text), Value::small_int(ntohs(in6->sin6_port)),
                      int_from_i64(t, ntohl(in6->sin6_flowinfo)),
                      int_from_i64(t, in6->sin6_scope_id)};
    return items[0] ? tuple_from(t, items, 4) : Value();
  }
  case AF_UNIX: {
    auto* un = reinterpret_cast<const sockaddr_un*>(sa);
    std::size_t offset = offsetof(sockaddr_un, sun_path);
    if (length <= offset) return str_from_ascii(t, "");
    std::size_t n = length - offset;
    if (un->sun_path[0] == '\0') return bytes_new(t, std::string_view(un->sun_path, n));
    return str_from_utf8(t, std::string_view(un->sun_path, ::strnlen(un->sun_path, n)));
  }
  default: {
    Value items[2] = {Value::small_int(sa->sa_family), bytes_new(t, "")};
    return items[1] ? tuple_from(t, items, 2) : Value();
  }
  }
}

// ---- waiting for a descriptor -------------------------------------------------------------

// What the thread waits for, read by socket_ready outside any transaction.
thread_local pollfd waited{-1, 0, 0};

bool socket_ready(Value) {
  pollfd p = waited;
  return ::poll(&p, 1, 0) != 0; // an error is reported by the call run again
}

// Whether this call is a native's second run after a wait of its loop (and then
// whether the wait reached its deadline). Each native that may wait takes both first.
struct Rerun {
  bool retry = false;
  bool expired = false;
};
Rerun take_rerun(Thread& t) {
  Rerun r;
  r.retry = t.block_retry == none();
  if (r.retry) {
    t.block_retry = {};
    r.expired = t.block_expired;
    t.block_expired = false;
  }
  return r;
}

enum class Readiness { Ready, Wait, Failed };

// Before an operation on `fd` that needs `events`: Ready to try it, Wait after asking the
// loop to wait (the native returns 0 with no exception), Failed with TimeoutError. A
// non-blocking socket (timeout 0) is always Ready: the operation reports EAGAIN itself.
Readiness await_fd(Thread& t, int fd, short events, double timeout, const Rerun& rerun) {
  // A closed socket (poll would ignore a negative descriptor and wait for ever).
  if (timeout == 0 || fd < 0) return Readiness::Ready;
  pollfd p{fd, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, 0);
  } while (r < 0 && errno == EINTR);
  if (r != 0) return Readiness::Ready;
  if (rerun.expired) {
    raise_timeout(t);
    return Readiness::Failed;
  }
  if (!vm::can_wait_outside(t)) {
    // Inside an atomic block: block in place, holding the transaction.
    int ms = timeout < 0 ? -1 : int(std::min(std::ceil(timeout * 1000), 2e9));
    do {
      r = ::poll(&p, 1, ms);
    } while (r < 0 && errno == EINTR);
    if (r == 0) {
      raise_timeout(t);
      return Readiness::Failed;
    }
    return Readiness::Ready;
  }
  waited = p;
  wait_outside_for(t, none(), socket_ready, timeout, rerun.retry);
  return Readiness::Wait;
}

// Runs `op` (a system call on `fd`: its result, or -1 with errno) once the descriptor is
// ready for `events`, waiting as await_fd does; an EAGAIN after all (another thread took
// what poll saw) waits again, with the same deadline. The call cannot be undone, so the
// transaction becomes inevitable first. False with an exception, or with none when the
// loop must wait.
template <class Op>
bool call_when_ready(Thread& t, int fd, short events, double timeout, const char* what, Op op,
                     ssize_t& result) {
  Rerun rerun = take_rerun(t);
  for (;;) {
    if (await_fd(t, fd, events, timeout, rerun) != Readiness::Ready) return false;
    stm::become_inevitable(what);
    result = op();
    if (result >= 0) return true;
    if (errno == EINTR) continue;
    if ((errno == EAGAIN || errno == EWOULDBLOCK) && timeout != 0) {
      rerun.retry = true;
      continue;
    }
    raise_errno(t, errno);
    return false;
  }
}

void set_fd_blocking(int fd, bool blocking) {
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return;
  int wanted = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  if (wanted != flags) ::fcntl(fd, F_SETFL, wanted);
}

// ---- the socket type ----------------------------------------------------------------------

double default_timeout(Thread& t) {
  Value v = module_attr(t, "_defaulttimeout");
  if (!v) {
    clear_pending(t);
    return -1;
  }
  return v == none() ? -1 : float_value(v);
}

Value timeout_value(Thread& t, double timeout) {
  return timeout < 0 ? none() : float_new(t, timeout);
}

INTERP_NATIVE(socket_new) {
  // args[0] is the class; the rest is for __init__.
  Value self = allocate(t, Layout::Instance, args[0], sizeof(SocketObject));
  if (!self) return {};
  SocketObject* s = fresh<SocketObject>(self);
  s->fd = Value::small_int(-1);
  s->family = Value::small_int(AF_INET);
  s->type = Value::small_int(SOCK_STREAM);
  s->proto = Value::small_int(0);
  s->timeout = none();
  return self;
}

INTERP_NATIVE(socket_init) {
  Value a[5];
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 5)
    return raisef(t, exc(E_TypeError), "socket() takes at most 4 arguments (%zu given)", npos - 1);
  if (!check_named_keywords(t, "socket", kwnames, {"self", "family", "type", "proto", "fileno"},
                            1) ||
      !bind_arguments(t, "socket", args, nargs, kwnames,
                      {"self", "family", "type", "proto", "fileno"}, 1, 1, a))
    return {};
  Value self = a[0];
  int family = -1, type = -1, proto = -1;
  if (a[1] && !int_arg(t, a[1], family)) return {};
  if (a[2] && !int_arg(t, a[2], type)) return {};
  if (a[3] && !int_arg(t, a[3], proto)) return {};
  int fd;
  stm::become_inevitable("socket");
  if (a[4] && a[4] != none()) {
    if (float_check(a[4]))
      return raise(t, exc(E_TypeError), "'float' object cannot be interpreted as an integer");
    std::int64_t n;
    if (!index_to_i64(t, a[4], n)) return {};
    if (n < 0) return raise(t, exc(E_ValueError), "negative file descriptor");
    if (n > INT_MAX) return raise(t, exc(E_OverflowError), "file descriptor out of range");
    fd = int(n);
    auto ask = [&](int option, int& out) -> bool {
      if (out != -1) return true;
      int v = 0;
      socklen_t len = sizeof v;
      if (::getsockopt(fd, SOL_SOCKET, option, &v, &len) != 0) {
        raise_errno(t, errno);
        return false;
      }
      out = v;
      return true;
    };
    if (!ask(SO_DOMAIN, family) || !ask(SO_TYPE, type) || !ask(SO_PROTOCOL, proto)) return {};
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = ::socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) return raise_errno(t, errno);
  }
  double timeout = default_timeout(t);
  if (type & SOCK_NONBLOCK) timeout = 0;
  SocketObject* s = wr<SocketObject>(self);
  s->fd = Value::small_int(fd);
  s->family = Value::small_int(family);
  s->type = Value::small_int(type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC));
  s->proto = Value::small_int(proto);
  Value tv = timeout_value(t, timeout);
  if (!tv) return {};
  wr<SocketObject>(self)->timeout = tv;
  if (timeout >= 0) set_fd_blocking(fd, false);
  return none();
}

INTERP_NATIVE(socket_repr) {
  Value self = args[0];
  char text[160];
  std::snprintf(text, sizeof text, "<socket object, fd=%d, family=%d, type=%d, proto=%d>",
                sock_fd(self), sock_family(self),
                int(rd<SocketObject>(self)->type.small_int_value()),
                int(rd<SocketObject>(self)->proto.small_int_value()));
  return str_from_ascii(t, text);
}

INTERP_NATIVE(socket_family) {
  return rd<SocketObject>(args[0])->family;
}
INTERP_NATIVE(socket_type) {
  return rd<SocketObject>(args[0])->type;
}
INTERP_NATIVE(socket_proto) {
  return rd<SocketObject>(args[0])->proto;
}
INTERP_NATIVE(socket_timeout_attr) {
  return rd<SocketObject>(args[0])->timeout;
}

INTERP_NATIVE(socket_fileno) {
  if (!check_positional(t, "fileno", nargs, kwnames, 0, 0)) return {};
  return rd<SocketObject>(args[0])->fd;
}

INTERP_NATIVE(socket_close) {
  if (!check_positional(t, "close", nargs, kwnames, 0, 0)) return {};
  int fd = sock_fd(args[0]);
  if (fd < 0) return none();
  stm::become_inevitable("socket close");
  wr<SocketObject>(args[0])->fd = Value::small_int(-1);
  // A reset connection is closed all the same (as CPython, which ignores ECONNRESET).
  if (::close(fd) != 0 && errno != ECONNRESET) return raise_errno(t, errno);
  return none();
}

// A socket the collector found open gives its descriptor back, as CPython's finalizer
// does (a peer waiting for end of file sees it).
INTERP_NATIVE(socket_del) {
  int fd = sock_fd(args[0]);
  if (fd < 0) return none();
  stm::become_inevitable("socket close");
  wr<SocketObject>(args[0])->fd = Value::small_int(-1);
  ::close(fd);
  return none();
}

INTERP_NATIVE(socket_detach) {
  if (!check_positional(t, "detach", nargs, kwnames, 0, 0)) return {};
  Value fd = rd<SocketObject>(args[0])->fd;
  wr<SocketObject>(args[0])->fd = Value::small_int(-1);
  return fd;
}

INTERP_NATIVE(socket_gettimeout) {
  if (!check_positional(t, "gettimeout", nargs, kwnames, 0, 0)) return {};
  return rd<SocketObject>(args[0])->timeout;
}

bool apply_timeout(Thread& t, Value self, double timeout) {
  Value tv = timeout_value(t, timeout);
  if (!tv) return false;
  wr<SocketObject>(self)->timeout = tv;
  int fd = sock_fd(self);
  if (fd >= 0) {
    stm::become_inevitable("socket settimeout");
    set_fd_blocking(fd, timeout < 0);
  }
  return true;
}

INTERP_NATIVE(socket_settimeout) {
  if (!check_positional(t, "settimeout", nargs, kwnames, 1, 1)) return {};
  double timeout;
  if (!timeout_arg(t, args[1], timeout)) return {};
  return apply_timeout(t, args[0], timeout) ? none() : Value();
}

INTERP_NATIVE(socket_setblocking) {
  if (!check_positional(t, "setblocking", nargs, kwnames, 1, 1)) return {};
  int truth = truthy(t, args[1]);
  if (truth < 0) return {};
  return apply_timeout(t, args[0], truth ? -1 : 0) ? none() : Value();
}

INTERP_NATIVE(socket_getblocking) {
  if (!check_positional(t, "getblocking", nargs, kwnames, 0, 0)) return {};
  return py_bool(sock_timeout(args[0]) != 0);
}

INTERP_NATIVE(socket_bind) {
  if (!check_positional(t, "bind", nargs, kwnames, 1, 1)) return {};
  Address address;
  if (!parse_address(t, sock_family(args[0]), args[1], address, "bind")) return {};
  stm::become_inevitable("socket bind");
  if (::bind(sock_fd(args[0]), address.sa(), address.length) != 0) return raise_errno(t, errno);
  return none();
}

INTERP_NATIVE(socket_listen) {
  if (!check_positional(t, "listen", nargs, kwnames, 0, 1)) return {};
  int backlog = std::min(SOMAXCONN, 128);
  if (nargs > 1 && !int_arg(t, args[1], backlog)) return {};
  if (backlog < 0) backlog = 0;
  stm::become_inevitable("socket listen");
  if (::listen(sock_fd(args[0]), backlog) != 0) return raise_errno(t, errno);
  return none();
}

// _accept() -> (fd, address): socket.py makes the socket object.
INTERP_NATIVE(socket_accept) {
  if (!check_positional(t, "_accept", nargs, kwnames, 0, 0)) return {};
  int fd = sock_fd(args[0]);
  Address peer;
  ssize_t r;
  // A blocking listener whose connection another thread took meanwhile blocks in accept4.
  auto op = [&] {
    peer.length = sizeof peer.storage;
    return ssize_t(::accept4(fd, peer.sa(), &peer.length, SOCK_CLOEXEC));
  };
  if (!call_when_ready(t, fd, POLLIN, sock_timeout(args[0]), "socket accept", op, r)) return {};
  Value items[2] = {Value::small_int(r), make_address(t, peer.sa(), peer.length)};
  if (!items[1]) return {};
  return tuple_from(t, items, 2);
}

// connect() and connect_ex(): 0 on success, else the errno (ex) or an exception.
Value do_connect(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool ex) {
  Rerun rerun = take_rerun(t);
  const char* what = ex ? "connect_ex" : "connect";
  if (!check_positional(t, what, nargs, kwnames, 1, 1)) return {};
  Value self = args[0];
  int fd = sock_fd(self);
  double timeout = sock_timeout(self);
  auto fail = [&](int err) -> Value { return ex ? Value::small_int(err) : raise_errno(t, err); };
  if (!rerun.retry) {
    Address address;
    if (!parse_address(t, sock_family(self), args[1], address, what)) return {};
    stm::become_inevitable("socket connect");
    // A blocking socket connects without blocking, so that the wait happens outside.
    if (timeout < 0) set_fd_blocking(fd, false);
    int r = ::connect(fd, address.sa(), address.length);
    int err = r == 0 ? 0 : errno;
    if (timeout < 0) set_fd_blocking(fd, true);
    if (r == 0) return Value::small_int(0);
    if (err != EINPROGRESS && err != EINTR) return fail(err);
    if (timeout == 0) return fail(err);
  }
  for (;;) {
    switch (await_fd(t, fd, POLLOUT, timeout, rerun)) {
    case Readiness::Wait:
      return {};
    case Readiness::Failed:
      if (!ex) return {};
      clear_pending(t);
      return Value::small_int(EWOULDBLOCK);
    case Readiness::Ready:
      break;
    }
    int err = 0;
    socklen_t len = sizeof err;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return fail(errno);
    return err ? fail(err) : Value::small_int(0);
  }
}

INTERP_NATIVE(socket_connect) {
  Value r = do_connect(t, args, nargs, kwnames, false);
  return r ? none() : Value();
}

INTERP_NATIVE(socket_connect_ex) {
  return do_connect(t, args, nargs, kwnames, true);
}

// recv(n[, flags]) and recvfrom(n[, flags]) into `out`; the sender's address in `from`
// when asked. 0 with an exception, or 0 without one when the loop must wait.
bool do_recv(Thread& t, Value self, std::int64_t n, int flags, std::string& out, Value* from) {
  int fd = sock_fd(self);
  out.assign(std::size_t(n), '\0');
  Address peer;
  auto op = [&] {
    peer.length = sizeof peer.storage;
    return from ? ::recvfrom(fd, out.data(), out.size(), flags | MSG_DONTWAIT, peer.sa(),
                             &peer.length)
                : ::recv(fd, out.data(), out.size(), flags | MSG_DONTWAIT);
  };
  ssize_t r;
  if (!call_when_ready(t, fd, POLLIN, sock_timeout(self), "socket recv", op, r)) return false;
  out.resize(std::size_t(r));
  if (from) {
    *from = make_address(t, peer.sa(), peer.length);
    if (!*from) return false;
  }
  return true;
}

bool recv_size(Thread& t, Value v, const char* what, std::int64_t& n) {
  if (!index_to_i64(t, v, n)) return false;
  if (n < 0) {
    raisef(t, exc(E_ValueError), "negative buffersize in %s", what);
    return false;
  }
  return true;
}

INTERP_NATIVE(socket_recv) {
  if (!check_positional(t, "recv", nargs, kwnames, 1, 2)) return {};
  std::int64_t n;
  int flags = 0;
  if (!recv_size(t, args[1], "recv", n) || (nargs > 2 && !int_arg(t, args[2], flags))) return {};
  std::string data;
  if (!do_recv(t, args[0], n, flags, data, nullptr)) return {};
  return bytes_new(t, data);
}

INTERP_NATIVE(socket_recvfrom) {
  if (!check_positional(t, "recvfrom", nargs, kwnames, 1, 2)) return {};
  std::int64_t n;
  int flags = 0;
  if (!recv_size(t, args[1], "recvfrom", n) || (nargs > 2 && !int_arg(t, args[2], flags)))
    return {};
  std::string data;
  Value from;
  if (!do_recv(t, args[0], n, flags, data, &from)) return {};
  Value items[2] = {bytes_new(t, data), from};
  return items[0] ? tuple_from(t, items, 2) : Value();
}

// The room of a writable buffer (bytearray, array, memoryview) in bytes; the view of its
// bytes replaces it in `target`.
bool buffer_room(Thread& t, Value& target, std::int64_t& room) {
  Value view = writable_byte_view(t, target);
  if (!view) {
    if (!t.pending)
      raisef(t, exc(E_TypeError),
             "recv_into() argument 'buffer' must be read-write "
             "bytes-like object, not %s",
             type_name_of(target).c_str());
    return false;
  }
  target = view;
  return length(t, view, room);
}

// Puts `data` at the start of the writable buffer `target` (a view of its bytes).
bool store_into(Thread& t, Value target, const std::string& data) {
  if (data.empty()) return true;
  Value key = slice_new(t, Value::small_int(0), int_from_i64(t, std::int64_t(data.size())), none());
  Value bytes = bytes_new(t, data);
  return key && bytes && setitem(t, target, key, bytes);
}

bool recv_into_args(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                    const char* what, Value* a, std::int64_t& n, int& flags) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 4) {
    raisef(t, exc(E_TypeError), "%s() takes at most 3 arguments (%zu given)", what, npos - 1);
    return false;
  }
  if (!check_named_keywords(t, what, kwnames, {"self", "buffer", "nbytes", "flags"}, 1) ||
      !bind_arguments(t, what, args, nargs, kwnames, {"self", "buffer", "nbytes", "flags"}, 1, 2,
                      a))
    return false;
  std::int64_t room;
  if (!buffer_room(t, a[1], room)) return false;
  n = 0;
  if (a[2] && !index_to_i64(t, a[2], n)) return false;
  if (n < 0) {
    raisef(t, exc(E_ValueError), "negative buffersize in %s", what);
    return false;
  }
  if (n == 0) n = room;
  if (n > room) {
    raisef(t, exc(E_ValueError), "buffer too small for requested bytes");
    return false;
  }
  flags = 0;
  return !a[3] || int_arg(t, a[3], flags);
}

INTERP_NATIVE(socket_recv_into) {
  Value a[4];
  std::int64_t n;
  int flags;
  if (!recv_into_args(t, args, nargs, kwnames, "recv_into", a, n, flags)) return {};
  std::string data;
  if (!do_recv(t, a[0], n, flags, data, nullptr)) return {};
  if (!store_into(t, a[1], data)) return {};
  return int_from_i64(t, std::int64_t(data.size()));
}

INTERP_NATIVE(socket_recvfrom_into) {
  Value a[4];
  std::int64_t n;
  int flags;
  if (!recv_into_args(t, args, nargs, kwnames, "recvfrom_into", a, n, flags)) return {};
  std::string data;
  Value from;
  if (!do_recv(t, a[0], n, flags, data, &from)) return {};
  if (!store_into(t, a[1], data)) return {};
  Value items[2] = {int_from_i64(t, std::int64_t(data.size())), from};
  return tuple_from(t, items, 2);
}

// One send()/sendto() of as much of `data` as the socket takes; -1 with an exception, or
// -1 without one when the loop must wait.
ssize_t do_send(Thread& t, Value self, std::string_view data, int flags, Address* to) {
  int fd = sock_fd(self);
  int all = flags | MSG_DONTWAIT | MSG_NOSIGNAL;
  auto op = [&] {
    return to ? ::sendto(fd, data.data(), data.size(), all, to->sa(), to->length)
              : ::send(fd, data.data(), data.size(), all);
  };
  ssize_t r;
  return call_when_ready(t, fd, POLLOUT, sock_timeout(self), "socket send", op, r) ? r : -1;
}

INTERP_NATIVE(socket_send) {
  if (!check_positional(t, "send", nargs, kwnames, 1, 2)) return {};
  std::string data;
  int flags = 0;
  if (!need_buffer(t, args[1], data) || (nargs > 2 && !int_arg(t, args[2], flags))) return {};
  ssize_t r = do_send(t, args[0], data, flags, nullptr);
  return r < 0 ? Value() : int_from_i64(t, r);
}

INTERP_NATIVE(socket_sendto) {
  if (!check_positional(t, "sendto", nargs, kwnames, 2, 3)) return {};
  std::string data;
  int flags = 0;
  if (!need_buffer(t, args[1], data)) return {};
  if (nargs > 3 && !int_arg(t, args[2], flags)) return {};
  Address to;
  if (!parse_address(t, sock_family(args[0]), args[nargs - 1], to, "sendto")) return {};
  ssize_t r = do_send(t, args[0], data, flags, &to);
  return r < 0 ? Value() : int_from_i64(t, r);
}

// sendall(data[, flags]): until everything is sent. While nothing is sent the call waits
// as the others do (and runs again); once part of the data is out it cannot run again
// from scratch, so it waits in the call and goes on inevitably.
INTERP_NATIVE(socket_sendall) {
  if (!check_positional(t, "sendall", nargs, kwnames, 1, 2)) return {};
  std::string data;
  int flags = 0;
  if (!need_buffer(t, args[1], data) || (nargs > 2 && !int_arg(t, args[2], flags))) return {};
  Value self = args[0];
  std::size_t sent = 0;
  ssize_t r = do_send(t, self, data, flags, nullptr);
  if (r < 0) return {};
  sent = std::size_t(r);
  int fd = sock_fd(self);
  double timeout = sock_timeout(self);
  double deadline = t.block_deadline;
  bool waited_before = false;
  while (sent < data.size()) {
    ssize_t n =
        ::send(fd, data.data() + sent, data.size() - sent, flags | MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n >= 0) {
      sent += std::size_t(n);
      continue;
    }
    if (errno == EINTR) continue;
    if ((errno != EAGAIN && errno != EWOULDBLOCK) || timeout == 0) return raise_errno(t, errno);
    if (!vm::can_wait_outside(t)) {
      Rerun none_yet;
      if (await_fd(t, fd, POLLOUT, timeout, none_yet) == Readiness::Failed) return {};
      continue;
    }
    if (!waited_before) deadline = timeout < 0 ? -1 : monotonic_seconds() + timeout;
    waited_before = true;
    waited = pollfd{fd, POLLOUT, 0};
    t.block_on = none();
    t.block_ready = socket_ready;
    t.block_deadline = deadline;
    vm::wait_in_call(t);
    t.block_retry = {};
    bool expired = t.block_expired;
    t.block_expired = false;
    // A signal ended the wait: its handler runs now, between sends, as CPython's does (a
    // handler that raises ends the call). Left pending, it would end every wait at once.
    if (t.main && signals_tripped.load() && !run_signal_handlers(t, vm::current_frame(t)))
      return {};
    if (expired && !socket_ready(none())) return raise_timeout(t);
  }
  return none();
}

INTERP_NATIVE(socket_shutdown) {
  if (!check_positional(t, "shutdown", nargs, kwnames, 1, 1)) return {};
  int how;
  if (!int_arg(t, args[1], how)) return {};
  stm::become_inevitable("socket shutdown");
  if (::shutdown(sock_fd(args[0]), how) != 0) return raise_errno(t, errno);
  return none();
}

Value name_of(Thread& t, Value self, bool peer) {
  Address a;
  a.length = sizeof a.storage;
  int r = peer ? ::getpeername(sock_fd(self), a.sa(), &a.length)
               : ::getsockname(sock_fd(self), a.sa(), &a.length);
  if (r != 0) return raise_errno(t, errno);
  return make_address(t, a.sa(), a.length);
}

INTERP_NATIVE(socket_getsockname) {
  if (!check_positional(t, "getsockname", nargs, kwnames, 0, 0)) return {};
  return name_of(t, args[0], false);
}

INTERP_NATIVE(socket_getpeername) {
  if (!check_positional(t, "getpeername", nargs, kwnames, 0, 0)) return {};
  return name_of(t, args[0], true);
}

// setsockopt(level, option, int | buffer) or setsockopt(level, option, None, optlen).
INTERP_NATIVE(socket_setsockopt) {
  if (!check_positional(t, "setsockopt", nargs, kwnames, 3, 4)) return {};
  int level, option;
  if (!int_arg(t, args[1], level) || !int_arg(t, args[2], option)) return {};
  int fd = sock_fd(args[0]);
  int r;
  stm::become_inevitable("socket setsockopt");
  if (nargs == 5) {
    if (args[3] != none())
      return raise(t, exc(E_TypeError), "setsockopt() takes exactly 4 arguments (3 given)");
    std::int64_t optlen;
    if (!index_to_i64(t, args[4], optlen)) return {};
    r = ::setsockopt(fd, level, option, nullptr, socklen_t(optlen));
  } else if (int_check(args[3])) {
    int v;
    if (!int_arg(t, args[3], v)) return {};
    r = ::setsockopt(fd, level, option, &v, sizeof v);
  } else {
    std::string buffer;
    if (!need_buffer(t, args[3], buffer)) return {};
    r = ::setsockopt(fd, level, option, buffer.data(), socklen_t(buffer.size()));
  }
  if (r != 0) return raise_errno(t, errno);
  return none();
}

// getsockopt(level, option) -> int; getsockopt(level, option, buflen) -> bytes.
INTERP_NATIVE(socket_getsockopt) {
  if (!check_positional(t, "getsockopt", nargs, kwnames, 2, 3)) return {};
  int level, option;
  if (!int_arg(t, args[1], level) || !int_arg(t, args[2], option)) return {};
  int fd = sock_fd(args[0]);
  if (nargs == 3) {
    int v = 0;
    socklen_t len = sizeof v;
    if (::getsockopt(fd, level, option, &v, &len) != 0) return raise_errno(t, errno);
    return int_from_i64(t, v);
  }
  std::int64_t buflen;
  if (!index_to_i64(t, args[3], buflen)) return {};
  if (buflen <= 0 || buflen > 1024)
    return raise(t, exc(E_OSError), "getsockopt buflen out of range");
  std::string buffer(std::size_t(buflen), '\0');
  socklen_t len = socklen_t(buflen);
  if (::getsockopt(fd, level, option, buffer.data(), &len) != 0) return raise_errno(t, errno);
  buffer.resize(len);
  return bytes_new(t, buffer);
}

// dup() -> a new _socket.socket on a duplicate of the descriptor.
INTERP_NATIVE(socket_dup) {
  if (!check_positional(t, "dup", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  stm::become_inevitable("socket dup");
  int fd = ::fcntl(sock_fd(self), F_DUPFD_CLOEXEC, 0);
  if (fd < 0) return raise_errno(t, errno);
  Value cls = module_attr(t, "socket");
  if (!cls) return {};
  Value a[4] = {rd<SocketObject>(self)->family, rd<SocketObject>(self)->type,
                rd<SocketObject>(self)->proto, Value::small_int(fd)};
  Value copy = call(t, cls, a, 4);
  if (!copy) return {};
  return apply_timeout(t, copy, sock_timeout(self)) ? copy : Value();
}

// ---- module functions ---------------------------------------------------------------------

INTERP_NATIVE(s_socketpair) {
  if (!check_positional(t, "socketpair", nargs, kwnames, 0, 3, 0)) return {};
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if (nargs > 0 && !int_arg(t, args[0], family)) return {};
  if (nargs > 1 && !int_arg(t, args[1], type)) return {};
  if (nargs > 2 && !int_arg(t, args[2], proto)) return {};
  stm::become_inevitable("socketpair");
  int fds[2];
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) != 0) return raise_errno(t, errno);
  Value cls = module_attr(t, "socket");
  if (!cls) return {};
  Value pair[2];
  for (int i = 0; i < 2; ++i) {
    Value a[4] = {Value::small_int(family), Value::small_int(type), Value::small_int(proto),
                  Value::small_int(fds[i])};
    pair[i] = call(t, cls, a, 4);
    if (!pair[i]) return {};
  }
  return tuple_from(t, pair, 2);
}

INTERP_NATIVE(s_dup) {
  if (!check_positional(t, "dup", nargs, kwnames, 1, 1, 0)) return {};
  int fd;
  if (!int_arg(t, args[0], fd)) return {};
  stm::become_inevitable("socket dup");
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_errno(t, errno);
  return Value::small_int(r);
}

INTERP_NATIVE(s_close) {
  if (!check_positional(t, "close", nargs, kwnames, 1, 1, 0)) return {};
  int fd;
  if (!int_arg(t, args[0], fd)) return {};
  stm::become_inevitable("socket close");
  if (::close(fd) != 0 && errno != ECONNRESET) return raise_errno(t, errno);
  return none();
}

INTERP_NATIVE(s_getdefaulttimeout) {
  if (!check_positional(t, "getdefaulttimeout", nargs, kwnames, 0, 0, 0)) return {};
  return module_attr(t, "_defaulttimeout");
}

INTERP_NATIVE(s_setdefaulttimeout) {
  if (!check_positional(t, "setdefaulttimeout", nargs, kwnames, 1, 1, 0)) return {};
  double timeout;
  if (!timeout_arg(t, args[0], timeout)) return {};
  Value m = import_module(t, "_socket");
  Value tv = timeout_value(t, timeout);
  if (!m || !tv) return {};
  return setattr(t, m, intern_literal(t, "_defaulttimeout"), tv) ? none() : Value();
}

INTERP_NATIVE(s_gethostname) {
  if (!check_positional(t, "gethostname", nargs, kwnames, 0, 0, 0)) return {};
  char name[HOST_NAME_MAX + 1];
  if (::gethostname(name, sizeof name) != 0) return raise_errno(t, errno);
  name[HOST_NAME_MAX] = '\0';
  return str_from_utf8(t, name);
}

INTERP_NATIVE(s_gethostbyname) {
  if (!check_positional(t, "gethostbyname", nargs, kwnames, 1, 1, 0)) return {};
  std::string host;
  if (!host_arg(t, args[0], host)) return {};
  Address a;
  if (!resolve_host(t, host, AF_INET, a)) return {};
  char text[INET_ADDRSTRLEN];
  ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&a.storage)->sin_addr, text, sizeof text);
  return str_from_ascii(t, text);
}

// gethostbyname_ex(name) -> (canonical name, aliases, IPv4 addresses).
INTERP_NATIVE(s_gethostbyname_ex) {
  if (!check_positional(t, "gethostbyname_ex", nargs, kwnames, 1, 1, 0)) return {};
  std::string host;
  if (!host_arg(t, args[0], host)) return {};
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_CANONNAME;
  addrinfo* res = nullptr;
  int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &res);
  if (rc != 0) return raise_gai(t, rc);
  std::string canon = res->ai_canonname ? res->ai_canonname : host;
  Value addresses = list_new(t);
  Value aliases = list_new(t);
  if (!addresses || !aliases) return ::freeaddrinfo(res), Value();
  for (addrinfo* p = res; p; p = p->ai_next) {
    char text[INET_ADDRSTRLEN];
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(p->ai_addr)->sin_addr, text, sizeof text);
    Value s = str_from_ascii(t, text);
    if (!s || !list_append(t, addresses, s)) return ::freeaddrinfo(res), Value();
  }
  ::freeaddrinfo(res);
  Value items[3] = {str_from_utf8(t, canon), aliases, addresses};
  return items[0] ? tuple_from(t, items, 3) : Value();
}

// gethostbyaddr(address) -> (host name, aliases, addresses).
INTERP_NATIVE(s_gethostbyaddr) {
  if (!check_positional(t, "gethostbyaddr", nargs, kwnames, 1, 1, 0)) return {};
  std::string host;
  if (!host_arg(t, args[0], host)) return {};
  Address a;
  bool v6 = host.find(':') != std::string::npos;
  if (!resolve_host(t, host, v6 ? AF_INET6 : AF_INET, a)) return {};
  char name[NI_MAXHOST];
  int rc = ::getnameinfo(a.sa(), a.length, name, sizeof name, nullptr, 0, NI_NAMEREQD);
  if (rc != 0) {
    Value cls = module_attr(t, "herror");
    if (!cls) return {};
    Value items[2] = {Value::small_int(1), str_from_ascii(t, "Unknown host")};
    Value e = call(t, cls, items, 2);
    return e ? raise_value(t, e) : Value();
  }
  char text[INET6_ADDRSTRLEN];
  if (v6)
    ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&a.storage)->sin6_addr, text,
                sizeof text);
  else
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&a.storage)->sin_addr, text, sizeof text);
  Value ip = str_from_ascii(t, text);
  Value addresses = ip ? list_from(t, &ip, 1) : Value();
  Value aliases = list_new(t);
  Value items[3] = {str_from_utf8(t, name), aliases, addresses};
  if (!items[0] || !aliases || !addresses) return {};
  return tuple_from(t, items, 3);
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> [(family, type, proto,
// canonname, sockaddr), ...]
INTERP_NATIVE(s_getaddrinfo) {
  Value a[6];
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 6)
    return raisef(t, exc(E_TypeError), "getaddrinfo() takes at most 6 arguments (%zu given)", npos);
  if (!check_named_keywords(t, "getaddrinfo", kwnames,
                            {"host", "port", "family", "type", "proto", "flags"}, 0) ||
      !bind_arguments(t, "getaddrinfo", args, nargs, kwnames,
                      {"host", "port", "family", "type", "proto", "flags"}, 0, 2, a))
    return {};
  std::string host, port;
  bool has_host = a[0] != none(), has_port = a[1] != none();
  if (has_host && !host_arg(t, a[0], host)) return {};
  if (has_port) {
    if (int_check(a[1])) {
      std::int64_t p;
      if (!index_to_i64(t, a[1], p)) return {};
      port = std::to_string(p);
    } else if (str_check(a[1])) {
      port = str_utf8(a[1]);
    } else if (isinstance(a[1], T_bytes)) {
      port = std::string(bytes_view(a[1]));
    } else {
      return raise(t, exc(E_OSError), "Int or String expected");
    }
  }
  int numbers[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i)
    if (a[2 + i] && !int_arg(t, a[2 + i], numbers[i])) return {};
  addrinfo hints{};
  hints.ai_family = numbers[0];
  hints.ai_socktype = numbers[1];
  hints.ai_protocol = numbers[2];
  hints.ai_flags = numbers[3];
  addrinfo* res = nullptr;
  int rc = ::getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr,
                         &hints, &res);
  if (rc != 0) return raise_gai(t, rc);
  Value out = list_new(t);
  if (!out) return ::freeaddrinfo(res), Value();
  for (addrinfo* p = res; p; p = p->ai_next) {
    Value items[5] = {Value::small_int(p->ai_family), Value::small_int(p->ai_socktype),
                      Value::small_int(p->ai_protocol),
                      str_from_utf8(t, p->ai_canonname ? p->ai_canonname : ""),
                      make_address(t, p->ai_addr, p->ai_addrlen)};
    Value entry = items[3] && items[4] ? tuple_from(t, items, 5) : Value();
    if (!entry || !list_append(t, out, entry)) return ::freeaddrinfo(res), Value();
  }
  ::freeaddrinfo(res);
  return out;
}

// getnameinfo(sockaddr, flags) -> (host, port)
INTERP_NATIVE(s_getnameinfo) {
  if (!check_positional(t, "getnameinfo", nargs, kwnames, 2, 2, 0)) return {};
  Value sa = args[0];
  int flags;
  if (!int_arg(t, args[1], flags)) return {};
  if (!isinstance(sa, T_tuple))
    return raise(t, exc(E_TypeError), "getnameinfo() argument 1 must be a tuple");
  std::int64_t n = tuple_length(sa);
  if (n < 2 || n > 4) return raise(t, exc(E_TypeError), "getnameinfo(): illegal sockaddr argument");
  std::string host;
  if (!host_arg(t, tuple_item(sa, 0), host)) return {};
  std::int64_t port;
  if (!index_to_i64(t, tuple_item(sa, 1), port)) return {};
  // The host must be numeric (or resolve to exactly one address), as CPython requires.
  addrinfo hints{};
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  addrinfo* res = nullptr;
  std::string port_text = std::to_string(port);
  int rc = ::getaddrinfo(host.c_str(), port_text.c_str(), &hints, &res);
  if (rc != 0) return raise_gai(t, rc);
  Address a;
  std::memcpy(&a.storage, res->ai_addr, res->ai_addrlen);
  a.length = res->ai_addrlen;
  int family = res->ai_family;
  ::freeaddrinfo(res);
  if (family == AF_INET && n != 2) return raise(t, exc(E_OSError), "IPv4 sockaddr must be 2 tuple");
  if (family == AF_INET6) {
    std::int64_t flowinfo = 0, scope = 0;
    if (n > 2 && !index_to_i64(t, tuple_item(sa, 2), flowinfo)) return {};
    if (n > 3 && !index_to_i64(t, tuple_item(sa, 3), scope)) return {};
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&a.storage);
    in6->sin6_flowinfo = htonl(std::uint32_t(flowinfo));
    in6->sin6_scope_id = std::uint32_t(scope);
  }
  char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
  rc = ::getnameinfo(a.sa(), a.length, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
  if (rc != 0) return raise_gai(t, rc);
  Value items[2] = {str_from_utf8(t, hbuf), str_from_utf8(t, sbuf)};
  if (!items[0] || !items[1]) return {};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(s_getservbyname) {
  if (!check_positional(t, "getservbyname", nargs, kwnames, 1, 2, 0)) return {};
  if (!str_check(args[0]) || (nargs > 1 && !str_check(args[1])))
    return raise(t, exc(E_TypeError), "getservbyname() argument must be str");
  std::string name = str_utf8(args[0]), proto = nargs > 1 ? str_utf8(args[1]) : "";
  servent* s = ::getservbyname(name.c_str(), nargs > 1 ? proto.c_str() : nullptr);
  if (!s) return raise(t, exc(E_OSError), "service/proto not found");
  return Value::small_int(ntohs(std::uint16_t(s->s_port)));
}

INTERP_NATIVE(s_getservbyport) {
  if (!check_positional(t, "getservbyport", nargs, kwnames, 1, 2, 0)) return {};
  std::int64_t port;
  if (!index_to_i64(t, args[0], port)) return {};
  if (port < 0 || port > 65535)
    return raise(t, exc(E_OverflowError), "getservbyport: port must be 0-65535.");
  std::string proto = nargs > 1 && str_check(args[1]) ? str_utf8(args[1]) : "";
  servent* s = ::getservbyport(htons(std::uint16_t(port)), nargs > 1 ? proto.c_str() : nullptr);
  if (!s) return raise(t, exc(E_OSError), "port/proto not found");
  return str_from_utf8(t, s->s_name);
}

INTERP_NATIVE(s_getprotobyname) {
  if (!check_positional(t, "getprotobyname", nargs, kwnames, 1, 1, 0)) return {};
  if (!str_check(args[0]))
    return raise(t, exc(E_TypeError), "getprotobyname() argument must be str");
  std::string name = str_utf8(args[0]);
  protoent* p = ::getprotobyname(name.c_str());
  if (!p) return raise(t, exc(E_OSError), "protocol not found");
  return Value::small_int(p->p_proto);
}

INTERP_NATIVE(s_inet_aton) {
  if (!check_positional(t, "inet_aton", nargs, kwnames, 1, 1, 0)) return {};
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "inet_aton() argument 1 must be str, not %s",
                  type_name_of(args[0]).c_str());
  std::string text = str_utf8(args[0]);
  in_addr address;
  if (text.find('\0') != std::string::npos || ::inet_aton(text.c_str(), &address) == 0)
    return raise(t, exc(E_OSError), "illegal IP address string passed to inet_aton");
  return bytes_new(t, std::string_view(reinterpret_cast<const char*>(&address), 4));
}

INTERP_NATIVE(s_inet_ntoa) {
  if (!check_positional(t, "inet_ntoa", nargs, kwnames, 1, 1, 0)) return {};
  std::string packed;
  if (!need_buffer(t, args[0], packed)) return {};
  if (packed.size() != 4) return raise(t, exc(E_OSError), "packed IP wrong length for inet_ntoa");
  char text[INET_ADDRSTRLEN];
  ::inet_ntop(AF_INET, packed.data(), text, sizeof text);
  return str_from_ascii(t, text);
}

INTERP_NATIVE(s_inet_pton) {
  if (!check_positional(t, "inet_pton", nargs, kwnames, 2, 2, 0)) return {};
  int family;
  if (!int_arg(t, args[0], family)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "inet_pton() argument 2 must be str, not %s",
                  type_name_of(args[1]).c_str());
  std::string text = str_utf8(args[1]);
  unsigned char packed[16];
  int r = ::inet_pton(family, text.c_str(), packed);
  if (r < 0) return raise_errno(t, errno);
  if (r == 0) return raise(t, exc(E_OSError), "illegal IP address string passed to inet_pton");
  return bytes_new(
      t, std::string_view(reinterpret_cast<const char*>(packed), family == AF_INET ? 4 : 16));
}

INTERP_NATIVE(s_inet_ntop) {
  if (!check_positional(t, "inet_ntop", nargs, kwnames, 2, 2, 0)) return {};
  int family;
  if (!int_arg(t, args[0], family)) return {};
  std::string packed;
  if (!need_buffer(t, args[1], packed)) return {};
  if (family == AF_INET ? packed.size() != 4 : family == AF_INET6 ? packed.size() != 16 : false)
    return raise(t, exc(E_ValueError), "invalid length of packed IP address string");
  if (family != AF_INET && family != AF_INET6)
    return raisef(t, exc(E_ValueError), "unknown address family %d", family);
  char text[INET6_ADDRSTRLEN];
  if (!::inet_ntop(family, packed.data(), text, sizeof text)) return raise_errno(t, errno);
  return str_from_ascii(t, text);
}

// htons/ntohs: 16 bits; htonl/ntohl: 32 bits.
Value swap16(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* what) {
  if (!check_positional(t, what, nargs, kwnames, 1, 1, 0)) return {};
  if (!int_check(args[0]))
    return raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                  type_name_of(args[0]).c_str());
  std::int64_t v;
  if (!int_to_i64(args[0], v) || v > 0xffff) {
    if (v < 0 && int_to_i64(args[0], v))
      return raisef(t, exc(E_OverflowError),
                    "%s: can't convert negative Python int to C 16-bit unsigned integer", what);
    return raisef(t, exc(E_OverflowError),
                  "%s: Python int too large to convert to C 16-bit unsigned integer", what);
  }
  if (v < 0)
    return raisef(t, exc(E_OverflowError),
                  "%s: can't convert negative Python int to C 16-bit unsigned integer", what);
  return Value::small_int(htons(std::uint16_t(v)));
}

Value swap32(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* what) {
  if (!check_positional(t, what, nargs, kwnames, 1, 1, 0)) return {};
  if (!int_check(args[0]))
    return raisef(t, exc(E_TypeError), "expected int, %s found", type_name_of(args[0]).c_str());
  std::int64_t v;
  bool fits = int_to_i64(args[0], v);
  if (fits && v < 0)
    return raise(t, exc(E_OverflowError), "can't convert negative value to unsigned int");
  if (!fits || v > 0xffffffffll) return raise(t, exc(E_OverflowError), "int larger than 32 bits");
  return int_from_i64(t, htonl(std::uint32_t(v)));
}

INTERP_NATIVE(s_htons) {
  return swap16(t, args, nargs, kwnames, "htons");
}
INTERP_NATIVE(s_ntohs) {
  return swap16(t, args, nargs, kwnames, "ntohs");
}
INTERP_NATIVE(s_htonl) {
  return swap32(t, args, nargs, kwnames, "htonl");
}
INTERP_NATIVE(s_ntohl) {
  return swap32(t, args, nargs, kwnames, "ntohl");
}

INTERP_NATIVE(s_cmsg_len) {
  if (!check_positional(t, "CMSG_LEN", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t n;
  if (!index_to_i64(t, args[0], n)) return {};
  if (n < 0 || n > INT_MAX)
    return raise(t, exc(E_OverflowError), "CMSG_LEN() argument out of range");
  return int_from_i64(t, std::int64_t(CMSG_LEN(std::size_t(n))));
}

INTERP_NATIVE(s_cmsg_space) {
  if (!check_positional(t, "CMSG_SPACE", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t n;
  if (!index_to_i64(t, args[0], n)) return {};
  if (n < 0 || n > INT_MAX)
    return raise(t, exc(E_OverflowError), "CMSG_SPACE() argument out of range");
  return int_from_i64(t, std::int64_t(CMSG_SPACE(std::size_t(n))));
}

// The integer constants, by their C names.
#define SOCKET_CONSTANTS(X)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                             \
  X(AF_UNSPEC)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          \
  X(AF_UNIX)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            \
  X(AF_INET)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            \
  X(AF_INET6) X(AF_APPLETALK) X(AF_AX25) X(AF_BRIDGE) X(AF_IPX) X(AF_IRDA) X(AF_KEY) X(AF_LLC) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                       \
      AF_NETLINK) X(AF_PACKET) X(AF_PPPOX) X(AF_ROUTE) X(AF_SECURITY) X(AF_SNA) X(AF_X25)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                               \
      X(AF_CAN) X(AF_BLUETOOTH) X(AF_TIPC) X(AF_ALG) X(AF_RDS) X(AF_VSOCK) X(AF_ASH) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                 \
          AF_ATMPVC) X(AF_ATMSVC) X(AF_DECnet) X(AF_ECONET) X(AF_NETBEUI) X(AF_NETROM) X(AF_ROSE)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                       \
          X(AF_WANPIPE) X(AF_QIPCRTR) X(PF_CAN) X(PF_PACKET) X(PF_RDS) X(SOCK_STREAM) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                \
              SOCK_DGRAM) X(SOCK_RAW) X(SOCK_RDM) X(SOCK_SEQPACKET) X(SOCK_NONBLOCK)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                    \
              X(SOCK_CLOEXEC) X(SOL_SOCKET) X(SOL_IP) X(SOL_TCP) X(SOL_UDP) X(SOMAXCONN) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                             \
                  SO_ACCEPTCONN) X(SO_BINDTODEVICE) X(SO_BROADCAST) X(SO_DEBUG) X(SO_DOMAIN)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            \
                  X(SO_DONTROUTE) X(SO_ERROR) X(SO_INCOMING_CPU) X(SO_KEEPALIVE) X(SO_LINGER) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                        \
                      SO_MARK) X(SO_OOBINLINE) X(SO_PASSCRED) X(SO_PASSSEC) X(SO_PEERCRED)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                              \
                      X(SO_PEERSEC) X(SO_PRIORITY) X(SO_PROTOCOL) X(SO_RCVBUF) X(SO_RCVLOWAT) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                        \
                          SO_RCVTIMEO) X(SO_REUSEADDR) X(SO_REUSEPORT) X(SO_SNDBUF)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     \
                          X(SO_SNDLOWAT) X(SO_SNDTIMEO) X(SO_TYPE) X(SCM_RIGHTS) X(SCM_CREDENTIALS) X(MSG_CMSG_CLOEXEC) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                              \
                              MSG_CONFIRM) X(MSG_CTRUNC) X(MSG_DONTROUTE) X(MSG_DONTWAIT)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                               \
                              X(MSG_EOR) X(MSG_ERRQUEUE) X(MSG_FASTOPEN) X(MSG_MORE) X(MSG_NOSIGNAL) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                 \
                                  MSG_OOB) X(MSG_PEEK) X(MSG_TRUNC) X(MSG_WAITALL)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                      \
                                  X(SHUT_RD) X(SHUT_WR) X(SHUT_RDWR) X(IPPROTO_IP) X(IPPROTO_ICMP) X(IPPROTO_IGMP) X(IPPROTO_IPIP) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                   \
                                      IPPROTO_TCP) X(IPPROTO_EGP) X(IPPROTO_PUP) X(IPPROTO_UDP)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                         \
                                      X(IPPROTO_IDP) X(IPPROTO_TP) X(IPPROTO_IPV6) X(IPPROTO_RSVP) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                   \
                                          IPPROTO_GRE) X(IPPROTO_ESP) X(IPPROTO_AH) X(IPPROTO_ICMPV6)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                   \
                                          X(IPPROTO_PIM) X(IPPROTO_SCTP) X(IPPROTO_UDPLITE) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          \
                                              IPPROTO_MPTCP) X(IPPROTO_RAW) X(IPPROTO_HOPOPTS)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          \
                                              X(IPPROTO_ROUTING) X(IPPROTO_FRAGMENT) X(IPPROTO_NONE) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                 \
                                                  IPPROTO_DSTOPTS) X(IPPORT_RESERVED) X(IPPORT_USERRESERVED)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            \
                                                  X(INADDR_ANY) X(INADDR_BROADCAST) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                  \
                                                      INADDR_LOOPBACK) X(INADDR_NONE) X(INADDR_UNSPEC_GROUP)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            \
                                                      X(INADDR_ALLHOSTS_GROUP) X(INADDR_MAX_LOCAL_GROUP) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                             \
                                                          IP_ADD_MEMBERSHIP) X(IP_BIND_ADDRESS_NO_PORT)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                 \
                                                          X(IP_DEFAULT_MULTICAST_LOOP) X(IP_DEFAULT_MULTICAST_TTL) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                   \
                                                              IP_DROP_MEMBERSHIP) X(IP_HDRINCL)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                         \
                                                              X(IP_MAX_MEMBERSHIPS) X(IP_MULTICAST_IF) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                               \
                                                                  IP_MULTICAST_LOOP) X(IP_MULTICAST_TTL)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                \
                                                                  X(IP_OPTIONS) X(IP_RECVOPTS) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                       \
                                                                      IP_RECVRETOPTS) X(IP_RECVTOS)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     \
                                                                      X(IP_RETOPTS) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                  \
                                                                          IP_TOS) X(IP_TRANSPARENT)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     \
                                                                          X(IP_TTL) X(IPV6_CHECKSUM) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                 \
                                                                              IPV6_DONTFRAG) X(IPV6_DSTOPTS)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            \
                                                                              X(IPV6_HOPLIMIT) X(IPV6_HOPOPTS) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                       \
                                                                                  IPV6_JOIN_GROUP) X(IPV6_LEAVE_GROUP)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                  \
                                                                                  X(IPV6_MULTICAST_HOPS) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                             \
                                                                                      IPV6_MULTICAST_IF)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                \
                                                                                      X(IPV6_MULTICAST_LOOP) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                         \
                                                                                          IPV6_NEXTHOP)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                 \
                                                                                          X(IPV6_PATHMTU)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                               \
                                                                                              X(IPV6_PKTINFO)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                           \
                                                                                                  X(IPV6_RECVDSTOPTS)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                   \
                                                                                                      X(IPV6_RECVHOPLIMIT)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                              \
                                                                                                          X(IPV6_RECVHOPOPTS)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                           \
                                                                                                              X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                        \
                                                                                                                  IPV6_RECVPATHMTU) X(IPV6_RECVPKTINFO) X(IPV6_RECVRTHDR) X(IPV6_RECVTCLASS) X(IPV6_RTHDR) X(IPV6_RTHDRDSTOPTS) X(IPV6_RTHDR_TYPE_0) X(IPV6_TCLASS) X(IPV6_UNICAST_HOPS) X(IPV6_V6ONLY) X(TCP_CONGESTION) X(TCP_CORK) X(TCP_DEFER_ACCEPT) X(TCP_FASTOPEN) X(TCP_INFO) X(TCP_KEEPCNT) X(TCP_KEEPIDLE) X(TCP_KEEPINTVL) X(TCP_LINGER2) X(TCP_MAXSEG) X(TCP_NODELAY) X(TCP_NOTSENT_LOWAT) X(TCP_QUICKACK) X(TCP_SYNCNT) X(TCP_USER_TIMEOUT) X(TCP_WINDOW_CLAMP) X(AI_ADDRCONFIG) X(AI_ALL) X(AI_CANONNAME) X(AI_NUMERICHOST) X(AI_NUMERICSERV) X(AI_PASSIVE) X(AI_V4MAPPED) X(NI_DGRAM) X(NI_MAXHOST) X(NI_MAXSERV) X(NI_NAMEREQD) X(NI_NOFQDN) X(NI_NUMERICHOST) X(NI_NUMERICSERV) X(EAI_ADDRFAMILY) X(EAI_AGAIN) X(EAI_BADFLAGS) X(EAI_FAIL) X(EAI_FAMILY) X(EAI_MEMORY) \
                                                                                                                  X(EAI_NODATA) X(EAI_NONAME) X(EAI_OVERFLOW) X(                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                        \
                                                                                                                      EAI_SERVICE)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                      \
                                                                                                                      X(EAI_SOCKTYPE)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                   \
                                                                                                                          X(EAI_SYSTEM)

struct Constant {
  const char* name;
  std::int64_t value;
};

} // namespace

Value make_socket_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"socketpair", s_socketpair},
      {"dup", s_dup},
      {"close", s_close},
      {"getdefaulttimeout", s_getdefaulttimeout},
      {"setdefaulttimeout", s_setdefaulttimeout},
      {"gethostname", s_gethostname},
      {"gethostbyname", s_gethostbyname},
      {"gethostbyname_ex", s_gethostbyname_ex},
      {"gethostbyaddr", s_gethostbyaddr},
      {"getaddrinfo", s_getaddrinfo},
      {"getnameinfo", s_getnameinfo},
      {"getservbyname", s_getservbyname},
      {"getservbyport", s_getservbyport},
      {"getprotobyname", s_getprotobyname},
      {"inet_aton", s_inet_aton},
      {"inet_ntoa", s_inet_ntoa},
      {"inet_pton", s_inet_pton},
      {"inet_ntop", s_inet_ntop},
      {"htons", s_htons},
      {"ntohs", s_ntohs},
      {"htonl", s_htonl},
      {"ntohl", s_ntohl},
      {"CMSG_LEN", s_cmsg_len},
      {"CMSG_SPACE", s_cmsg_space},
  };
  Value m = new_module(t, "_socket", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value cls = new_type(t, "socket", "_socket", Layout::Instance);
  if (!cls) return {};
  // The five words of SocketObject, before any slots of subclasses.
  static const ModuleFunction kMethods[] = {
      {"__init__", socket_init},
      {"__repr__", socket_repr},
      {"_accept", socket_accept},
      {"bind", socket_bind},
      {"close", socket_close},
      {"connect", socket_connect},
      {"connect_ex", socket_connect_ex},
      {"__del__", socket_del},
      {"detach", socket_detach},
      {"dup", socket_dup},
      {"fileno", socket_fileno},
      {"getblocking", socket_getblocking},
      {"getpeername", socket_getpeername},
      {"getsockname", socket_getsockname},
      {"getsockopt", socket_getsockopt},
      {"gettimeout", socket_gettimeout},
      {"listen", socket_listen},
      {"recv", socket_recv},
      {"recv_into", socket_recv_into},
      {"recvfrom", socket_recvfrom},
      {"recvfrom_into", socket_recvfrom_into},
      {"send", socket_send},
      {"sendall", socket_sendall},
      {"sendto", socket_sendto},
      {"setblocking", socket_setblocking},
      {"setsockopt", socket_setsockopt},
      {"settimeout", socket_settimeout},
      {"shutdown", socket_shutdown},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, cls, f.name, f.fn);
  add_staticmethod(t, cls, "__new__", socket_new);
  add_getter(t, cls, "family", socket_family);
  add_getter(t, cls, "type", socket_type);
  add_getter(t, cls, "proto", socket_proto);
  add_getter(t, cls, "timeout", socket_timeout_attr);
  finish_owning_type(cls); // a socket owns its descriptor
  module_set(t, m, "socket", cls);
  module_set(t, m, "SocketType", cls);
  module_set(t, m, "_defaulttimeout", none());
  module_set(t, m, "error", exc(E_OSError));
  module_set(t, m, "timeout", exc(E_TimeoutError));
  Value herror = new_exception_type(t, "herror", "socket", exc(E_OSError));
  Value gaierror = new_exception_type(t, "gaierror", "socket", exc(E_OSError));
  if (!herror || !gaierror) return {};
  module_set(t, m, "herror", herror);
  module_set(t, m, "gaierror", gaierror);
  module_set(t, m, "has_ipv6", py_bool(true));
  static const Constant kConstants[] = {
#define SOCKET_CONSTANT(n) {#n, std::int64_t(n)},
      SOCKET_CONSTANTS(SOCKET_CONSTANT)
#undef SOCKET_CONSTANT
  };
  for (const Constant& c : kConstants) {
    Value v = int_from_i64(t, c.value);
    if (!v) return {};
    module_set(t, m, c.name, v);
  }
  return m;
}

} // namespace interp
