// interp/modules/io_buffered.cc - BufferedReader and BufferedRandom over a raw stream of
// their own (GzipFile's decompressor, a socket's SocketIO, a RawIOBase written in
// Python): read on demand, through raw.readinto() with a buffer of buffer_size bytes, as
// CPython's are, so that read(1) decompresses one block, not the whole stream, and a raw
// stream that never ends can still be read.
//
// The stream's content is its buffer (bytes) and pos where reading stands in it. Each
// operation asks the raw stream for the same sizes CPython's does (whole blocks straight
// through, then buffer-sized fills), so a raw stream that logs its calls sees the same
// ones. A raw readinto() that asks to wait (a FileIO of this module over a pipe) waits in
// the call (vm::wait_in_call): what was read before it is kept, not read again.
// Writes (BufferedRandom) go through at once: the raw stream is first moved back to where
// reading stands and the buffer dropped.
#include "interp/interp.h"
#include "interp/modules/io_stream.h"
#include "interp/modules/module_support.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <string>

namespace interp {

Value bytearray_from(Thread& t, std::string_view data, Value cls = {}); // bytearray.cc

namespace io {

namespace {

// What a raw read gave besides a count: end of file is 0.
constexpr std::int64_t kRawError = -1;      // an exception is pending
constexpr std::int64_t kRawWouldBlock = -2; // a non-blocking raw stream had nothing (None)

// raw.<method>(*args), waiting in the call where a native stream asks to wait: the caller
// holds what earlier calls gave and cannot start again. An InterruptedError (a signal
// whose handler did not raise) makes the call again, as CPython's buffered reads do.
Value call_raw(Thread& t, Value self, const char* method, const Value* args, std::size_t nargs) {
  for (;;) {
    Value got = call_named(t, R(self)->buffer, method, args, nargs);
    if (got) return got;
    if (t.pending) {
      if (!matches(t, exception_type("InterruptedError"))) return {};
      clear_pending(t);
      continue;
    }
    if (!t.block_on) return {};
    vm::wait_in_call(t);
  }
}

// One raw.readinto() of `size` bytes (a memoryview, as CPython passes), appended to `out`:
// how many came, 0 at end of file, or kRawWouldBlock / kRawError.
std::int64_t raw_readinto(Thread& t, Value self, std::int64_t size, std::string& out) {
  Value array = bytearray_from(t, std::string(std::size_t(size), '\0'));
  Value view = array ? call1(t, type_value(T_memoryview), array) : Value();
  Value got = view ? call_raw(t, self, "readinto", &view, 1) : Value();
  if (!got) return kRawError;
  if (got == none()) return kRawWouldBlock;
  std::int64_t n;
  if (!index_to_i64(t, got, n)) {
    // CPython's OSError, caused by the TypeError (the answer was not a number).
    Value cause = fetch_pending(t);
    raise(t, exc(E_OSError), "raw readinto() failed");
    if (cause && t.pending && is_layout(t.pending, Layout::Exception)) {
      ExceptionObject* e = wr<ExceptionObject>(t.pending);
      e->cause = cause;
      e->context = cause;
      e->suppress_context = runtime().true_;
    }
    return kRawError;
  }
  if (n < 0 || n > size) {
    raisef(t, exc(E_OSError),
           "raw readinto() returned invalid length %lld (should have been between 0 and %lld)",
           static_cast<long long>(n), static_cast<long long>(size));
    return kRawError;
  }
  out.append(bytes_view(array).substr(0, std::size_t(n)));
  if (R(self)->raw_pos >= 0) W(self)->raw_pos += n;
  return n;
}

std::string unread(Value self) {
  std::string_view c = bytes_view(R(self)->content);
  return std::string(c.substr(std::min<std::size_t>(std::size_t(R(self)->pos), c.size())));
}

std::int64_t unread_length(Value self) {
  std::int64_t len = std::int64_t(bytes_view(R(self)->content).size());
  return std::max<std::int64_t>(0, len - R(self)->pos);
}

// The buffer holds `data` from now on, none of it read.
bool keep(Thread& t, Value self, std::string_view data) {
  Value b = bytes_new(t, data);
  if (!b) return false;
  IOObject* o = W(self);
  o->content = b;
  o->pos = 0;
  return true;
}

// Takes n bytes from the buffer, which holds at least that many unread.
Value take(Thread& t, Value self, std::int64_t n) {
  std::string_view c = bytes_view(R(self)->content);
  Value out = bytes_new(t, c.substr(std::size_t(R(self)->pos), std::size_t(n)));
  if (out) W(self)->pos += n;
  return out;
}

// Gives `got[0:n]` back and keeps the rest buffered; on an error the whole of `got` stays
// buffered, so that nothing read from the raw stream is lost.
Value hand_out(Thread& t, Value self, const std::string& got, std::size_t n, bool failed) {
  if (failed) {
    Value error = fetch_pending(t);
    keep(t, self, got);
    t.pending = error;
    return {};
  }
  n = std::min(n, got.size());
  Value out = bytes_new(t, std::string_view(got).substr(0, n));
  if (!out || !keep(t, self, std::string_view(got).substr(n))) return {};
  return out;
}

// read() to the end: raw.readall() where the raw stream has it, else raw.read() until it
// gives nothing. None (a non-blocking raw stream with nothing) only when nothing was
// buffered either.
Value read_to_end(Thread& t, Value self) {
  std::string got = unread(self);
  if (!keep(t, self, "")) return {};
  W(self)->raw_pos = -1;
  Value readall = getattr_opt(t, R(self)->buffer, intern_literal(t, "readall"));
  if (t.pending) return {};
  for (;;) {
    Value data = call_raw(t, self, readall ? "readall" : "read", nullptr, 0);
    if (!data) return hand_out(t, self, got, 0, true);
    if (data != none() && !isinstance(data, T_bytes)) {
      keep(t, self, got);
      return raise(t, exc(E_TypeError),
                   readall ? "readall() should return bytes" : "read() should return bytes");
    }
    if (data == none() || bytes_view(data).empty() || readall) {
      if (got.empty()) return data;
      if (data != none()) got += bytes_view(data);
      return bytes_new(t, got);
    }
    got += bytes_view(data);
  }
}

} // namespace

void buffered_start(Thread& t, Value self, std::int64_t buffer_size) {
  IOObject* o = W(self);
  o->buffer_size = buffer_size;
  o->raw_pos = -1;
  Value at = call_named(t, R(self)->buffer, "tell", nullptr, 0);
  std::int64_t n;
  if (at && int_check(at) && int_to_i64(at, n) && n >= 0) W(self)->raw_pos = n;
  if (t.pending) clear_pending(t);
}

Value buffered_read(Thread& t, Value self, Value n_v) {
  std::int64_t n = -1;
  if (n_v && n_v != none() && !index_to_i64(t, n_v, n)) return {};
  if (n < -1) return raise(t, exc(E_ValueError), "read length must be non-negative or -1");
  if (n < 0) return read_to_end(t, self);
  if (unread_length(self) >= n) return take(t, self, n);
  std::string got = unread(self);
  if (!keep(t, self, "")) return {};
  std::int64_t size = R(self)->buffer_size, remaining = n - std::int64_t(got.size());
  // Whole buffers' worth go straight through; the buffer is filled for the rest, and what
  // the last fill brings past n stays buffered.
  std::int64_t status = 1;
  while (remaining >= size) {
    status = raw_readinto(t, self, remaining - remaining % size, got);
    if (status <= 0) break;
    remaining -= status;
  }
  for (std::int64_t filled = 0; status > 0 && remaining > 0 && filled < size;) {
    status = raw_readinto(t, self, size - filled, got);
    if (status <= 0) break;
    filled += status;
    remaining -= std::min(status, remaining);
  }
  if (status == kRawWouldBlock && got.empty()) return none();
  return hand_out(t, self, got, std::size_t(n), status == kRawError);
}

Value buffered_read1(Thread& t, Value self, std::int64_t n) {
  if (n < 0) n = R(self)->buffer_size;
  if (n == 0) return bytes_new(t, "");
  if (std::int64_t have = unread_length(self)) return take(t, self, std::min(have, n));
  std::string got;
  if (!keep(t, self, "") || raw_readinto(t, self, n, got) == kRawError) return {};
  return bytes_new(t, got);
}

Value buffered_peek(Thread& t, Value self) {
  if (unread_length(self) > 0) return bytes_new(t, unread(self));
  std::string got;
  if (!keep(t, self, "") || raw_readinto(t, self, R(self)->buffer_size, got) == kRawError)
    return {};
  if (!keep(t, self, got)) return {};
  return R(self)->content;
}

Value buffered_readline(Thread& t, Value self, std::int64_t limit) {
  std::string line = unread(self);
  std::size_t scan = limit >= 0 ? std::min(line.size(), std::size_t(limit)) : line.size();
  std::size_t nl = std::string_view(line).substr(0, scan).find('\n');
  if (nl != std::string::npos) return take(t, self, std::int64_t(nl + 1));
  if (limit >= 0 && std::int64_t(line.size()) >= limit) return take(t, self, limit);
  if (!keep(t, self, "")) return {};
  // One buffer_size fill at a time, each searched for the line's end.
  for (;;) {
    std::string chunk;
    std::int64_t status = raw_readinto(t, self, R(self)->buffer_size, chunk);
    if (status == kRawError) return hand_out(t, self, line, 0, true);
    if (status <= 0) break;
    std::size_t use = chunk.size();
    if (limit >= 0) use = std::min(use, std::size_t(limit) - line.size());
    std::size_t end = std::string_view(chunk).substr(0, use).find('\n');
    if (end != std::string::npos) use = end + 1;
    line.append(chunk, 0, use);
    if (end != std::string::npos || (limit >= 0 && line.size() == std::size_t(limit))) {
      if (!keep(t, self, std::string_view(chunk).substr(use))) return {};
      break;
    }
  }
  return bytes_new(t, line);
}

Value buffered_readinto(Thread& t, Value self, Value target, bool one_read) {
  Value view = writable_byte_view(t, target);
  if (!view) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError),
                  "readinto%s() argument must be read-write bytes-like object, not %s",
                  one_read ? "1" : "", type_name_of(target).c_str());
  }
  std::int64_t room;
  if (!length(t, view, room)) return {};
  std::string got;
  std::int64_t status = 1;
  if (unread_length(self) >= room) {
    Value data = take(t, self, room);
    if (!data) return {};
    got = bytes_view(data);
  } else {
    got = unread(self);
    if (!keep(t, self, "")) return {};
    // More than a buffer's worth goes straight through; less fills the buffer, whose
    // rest stays buffered. readinto1 reads once, and not at all into the buffer once it
    // has something to give.
    std::int64_t size = R(self)->buffer_size, filled = 0;
    std::string leftover;
    while (std::int64_t(got.size()) < room) {
      std::int64_t remaining = room - std::int64_t(got.size());
      bool written = !got.empty();
      if (remaining > size) {
        status = raw_readinto(t, self, remaining, got);
      } else if (!(one_read && written)) {
        std::string chunk;
        status = raw_readinto(t, self, size - filled, chunk);
        if (status > 0) {
          filled += status;
          std::size_t use = std::min<std::size_t>(chunk.size(), std::size_t(remaining));
          got.append(chunk, 0, use);
          leftover = chunk.substr(use);
          continue;
        }
      } else {
        status = 0;
      }
      if (status == 0 || (status == kRawWouldBlock && written)) break;
      if (status < 0) break;
      if (one_read) break;
    }
    if (status == kRawError) return hand_out(t, self, got + leftover, 0, true);
    if (!keep(t, self, leftover)) return {};
    if (status == kRawWouldBlock && got.empty()) return none();
  }
  Value data = bytes_new(t, got);
  Value key =
      data ? slice_new(t, Value::small_int(0), int_from_i64(t, std::int64_t(got.size())), none())
           : Value();
  if (!key || !setitem(t, view, key, data)) return {};
  return int_from_i64(t, std::int64_t(got.size()));
}

namespace {

// The raw stream's answer to tell() or seek(), which must be a position.
bool raw_position(Thread& t, Value self, Value answer, std::int64_t& at) {
  if (!answer || !index_to_i64(t, answer, at)) return false;
  if (at < 0) {
    raisef(t, exc(E_OSError), "Raw stream returned invalid position %lld",
           static_cast<long long>(at));
    return false;
  }
  W(self)->raw_pos = at;
  return true;
}

} // namespace

Value buffered_tell(Thread& t, Value self) {
  std::int64_t at;
  if (!raw_position(t, self, call_raw(t, self, "tell", nullptr, 0), at)) return {};
  return int_from_i64(t, std::max<std::int64_t>(0, at - unread_length(self)));
}

Value buffered_seek(Thread& t, Value self, Value target_v, std::int64_t whence) {
  if (whence < 0 || whence > 2)
    return raisef(t, exc(E_ValueError), "whence value %lld unsupported",
                  static_cast<long long>(whence));
  Value seekable = call_raw(t, self, "seekable", nullptr, 0);
  int yes = seekable ? truthy(t, seekable) : -1;
  if (yes < 0) return {};
  if (!yes) return unsupported(t, "File or stream is not seekable.");
  std::int64_t target;
  if (!index_to_i64(t, target_v, target)) return {};
  std::int64_t avail = unread_length(self);
  if (whence != 2 && avail > 0) {
    // Inside what is buffered (read or not): only the position moves.
    std::int64_t current = R(self)->raw_pos;
    if (current < 0 && !raw_position(t, self, call_raw(t, self, "tell", nullptr, 0), current))
      return {};
    std::int64_t offset = whence == 0 ? target - (current - avail) : target;
    if (offset >= -R(self)->pos && offset <= avail) {
      W(self)->pos += offset;
      return int_from_i64(t, current - avail + offset);
    }
  }
  if (whence == 1) target -= avail;
  Value a[2] = {int_from_i64(t, target), Value::small_int(whence)};
  std::int64_t at;
  if (!a[0] || !raw_position(t, self, call_raw(t, self, "seek", a, 2), at)) return {};
  if (!keep(t, self, "")) return {};
  return int_from_i64(t, at);
}

bool buffered_before_write(Thread& t, Value self) {
  if (std::int64_t avail = unread_length(self)) {
    Value a[2] = {int_from_i64(t, -avail), Value::small_int(1)};
    std::int64_t at;
    if (!a[0] || !raw_position(t, self, call_raw(t, self, "seek", a, 2), at)) return false;
  }
  return bytes_view(R(self)->content).empty() || keep(t, self, "");
}

void buffered_after_write(Value self) {
  W(self)->raw_pos = -1;
}

} // namespace io
} // namespace interp
