// interp/modules/io.cc - the _io module: open(), StringIO and BytesIO, and the base
// classes io.py derives its ABCs from.
//
// One C++ object serves every stream class here: an Instance-layout object carrying the
// content and the position. In-memory streams keep their whole content (a str or
// bytes); files opened for reading are read whole when opened; files opened for writing
// write through at each write(). Every file operation makes the running transaction
// inevitable first (it cannot be undone), so a write never has to be rolled back.
// Missing: buffering objects distinct from the raw file (BufferedReader & co. name the
// binary file class), newline= other than universal reading, encodings other than UTF-8
// and Latin-1/ASCII for files.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace interp {

namespace {

enum IOFlag : std::int64_t {
  kBinary = 1,
  kReadable = 2,
  kWritable = 4,
  kClosed = 8,
  kFile = 16,
};

struct IOObject : Object {
  Value content; // str or bytes: what can be read (the whole in-memory value)
  Value name;
  Value mode;
  std::int64_t pos; // code points (text) or bytes
  std::int64_t fd;
  std::int64_t flags;
};

const IOObject* R(Value v) {
  return rd<IOObject>(v);
}
IOObject* W(Value v) {
  return wr<IOObject>(v);
}
bool binary(Value v) {
  return R(v)->flags & kBinary;
}

Value io_module(Thread& t) {
  return import_module(t, "_io");
}
Value io_class(Thread& t, const char* cls) {
  Value m = io_module(t);
  return m ? getattr(t, m, intern_literal(t, cls)) : Value();
}

Value unsupported(Thread& t, const char* what) {
  Value cls = io_class(t, "UnsupportedOperation");
  return cls ? raise(t, cls, what) : Value();
}

bool check_open(Thread& t, Value self) {
  if (R(self)->flags & kClosed) {
    // CPython's in-memory streams say it without the full stop.
    raise(t, exc(E_ValueError),
          (R(self)->flags & kFile) ? "I/O operation on closed file."
                                   : "I/O operation on closed file");
    return false;
  }
  return true;
}

Value os_error(Thread& t, int err, Value filename) {
  Value items[3] = {Value::small_int(err), str_from_utf8(t, std::strerror(err)), filename};
  Value e = call(t, exc(E_OSError), items, filename ? 3 : 2);
  return e ? raise_value(t, e) : Value();
}

std::int64_t content_length(Value c) {
  return str_check(c) ? str_length(c) : std::int64_t(bytes_view(c).size());
}

// content[a:b]
Value slice_of(Thread& t, Value c, std::int64_t a, std::int64_t b) {
  if (!str_check(c)) return bytes_new(t, bytes_view(c).substr(std::size_t(a), std::size_t(b - a)));
  std::u32string out;
  out.reserve(std::size_t(b - a));
  for (std::int64_t i = a; i < b; ++i)
    out.push_back(str_at(c, i));
  return str_from_code_points(t, out);
}

Value empty_of(Thread& t, bool is_binary) {
  return is_binary ? bytes_new(t, "") : runtime().empty_str;
}

Value new_stream(Thread& t, Value cls, std::int64_t flags) {
  Value s = allocate(t, Layout::Instance, cls, sizeof(IOObject));
  if (!s) return {};
  IOObject* o = fresh<IOObject>(s);
  o->flags = flags;
  o->fd = -1;
  o->content = empty_of(t, flags & kBinary);
  fresh<IOObject>(s)->name = none();
  fresh<IOObject>(s)->mode = none();
  return s;
}

// ---- constructors ------------------------------------------------------------------------------

Value memory_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool is_binary) {
  Value s = new_stream(t, args[0], (is_binary ? kBinary : 0) | kReadable | kWritable);
  if (!s) return {};
  Value initial =
      arg_or_keyword(args, nargs, kwnames, 1, is_binary ? "initial_bytes" : "initial_value");
  if (initial && initial != none()) {
    if (is_binary) {
      if (!isinstance(initial, T_bytes)) {
        initial = call1(t, type_value(T_bytes), initial);
        if (!initial) return {};
      }
    } else if (!str_check(initial)) {
      return raisef(t, exc(E_TypeError), "initial_value must be str or None, not %s",
                    type_name_of(initial).c_str());
    }
    wr<IOObject>(s)->content = initial;
  }
  return s;
}

INTERP_NATIVE(stringio_new) {
  return memory_new(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(bytesio_new) {
  return memory_new(t, args, nargs, kwnames, true);
}
INTERP_NATIVE(init_noop) {
  return none();
}

// UTF-8 text with universal newlines.
Value decode_text(Thread& t, const std::string& data) {
  std::string out;
  out.reserve(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < data.size() && data[i + 1] == '\n') ++i;
    } else {
      out.push_back(data[i]);
    }
  }
  return str_from_utf8(t, out);
}

INTERP_NATIVE(io_open) {
  static const char* const kAllowed[] = {"file",    "mode",    "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener",    nullptr};
  if (!check_keywords(t, "open", kwnames, kAllowed)) return {};
  Value file = arg_or_keyword(args, nargs, kwnames, 0, "file");
  Value mode_v = arg_or_keyword(args, nargs, kwnames, 1, "mode");
  Value encoding = arg_or_keyword(args, nargs, kwnames, 3, "encoding");
  if (!file) return raise(t, exc(E_TypeError), "open() missing required argument 'file' (pos 1)");
  std::string mode = "r";
  if (mode_v) {
    if (!str_check(mode_v))
      return raisef(t, exc(E_TypeError), "open() argument 'mode' must be str, not %s",
                    type_name_of(mode_v).c_str());
    mode = str_utf8(mode_v);
  }
  bool r = false, w = false, a = false, x = false, plus = false, b = false, tt = false;
  for (char c : mode) {
    bool* flag = c == 'r'   ? &r
                 : c == 'w' ? &w
                 : c == 'a' ? &a
                 : c == 'x' ? &x
                 : c == '+' ? &plus
                 : c == 'b' ? &b
                 : c == 't' ? &tt
                            : nullptr;
    if (!flag || *flag) return raisef(t, exc(E_ValueError), "invalid mode: '%s'", mode.c_str());
    *flag = true;
  }
  if (r + w + a + x != 1)
    return raise(t, exc(E_ValueError), "must have exactly one of create/read/write/append mode");
  if (b && tt) return raise(t, exc(E_ValueError), "can't have text and binary mode at once");
  if (b && encoding && encoding != none())
    return raise(t, exc(E_ValueError), "binary mode doesn't take an encoding argument");
  std::string path;
  Value name_v = file;
  std::int64_t fd = -1;
  if (int_check(file)) {
    if (!index_to_i64(t, file, fd)) return {};
  } else {
    Value p = file;
    if (!str_check(p) && !isinstance(p, T_bytes)) {
      Value f = type_lookup(type_of(p), intern_literal(t, "__fspath__"));
      if (!f)
        return raisef(t, exc(E_TypeError), "expected str, bytes or os.PathLike object, not %s",
                      type_name_of(p).c_str());
      p = call1(t, f, p);
      if (!p) return {};
    }
    path = str_check(p) ? str_utf8(p) : std::string(bytes_view(p));
    name_v = p;
  }
  stm::become_inevitable("open");
  if (fd < 0) {
    int flags = O_CLOEXEC;
    if (r) flags |= plus ? O_RDWR : O_RDONLY;
    if (w) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    if (a) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    if (x) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
    fd = ::open(path.c_str(), flags, 0666);
    if (fd < 0) return os_error(t, errno, name_v);
  }
  std::int64_t flags = kFile | (b ? kBinary : 0) | ((r || plus) ? kReadable : 0) |
                       ((w || a || x || plus) ? kWritable : 0);
  std::string data;
  if (r) {
    char buffer[65536];
    for (;;) {
      ssize_t n = ::read(int(fd), buffer, sizeof buffer);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        ::close(int(fd));
        return os_error(t, err, name_v);
      }
      if (n == 0) break;
      data.append(buffer, std::size_t(n));
    }
    if (data.empty() && errno == EISDIR) return os_error(t, EISDIR, name_v);
  }
  const char* cls_name = !b           ? "TextIOWrapper"
                         : r && !plus ? "BufferedReader"
                         : plus       ? "BufferedRandom"
                                      : "BufferedWriter";
  Value cls = io_class(t, cls_name);
  if (!cls) return {};
  Value s = new_stream(t, cls, flags);
  if (!s) return {};
  Value content = b ? bytes_new(t, data) : decode_text(t, data);
  if (!content) return {};
  IOObject* o = W(s);
  o->content = content;
  o->fd = fd;
  o->name = name_v;
  o->mode = str_from_utf8(t, mode);
  return s;
}

// ---- reading
// -------------------------------------------------------------------------------------

bool readable(Thread& t, Value self) {
  if (!check_open(t, self)) return false;
  if (!(R(self)->flags & kReadable)) {
    unsupported(t, binary(self) ? "read" : "not readable");
    return false;
  }
  return true;
}

INTERP_NATIVE(io_read) {
  Value self = args[0];
  if (!readable(t, self)) return {};
  std::int64_t n = -1;
  if (nargs > 1 && args[1] != none() && !index_to_i64(t, args[1], n)) return {};
  Value c = R(self)->content;
  std::int64_t len = content_length(c), pos = std::min(R(self)->pos, len);
  std::int64_t end = n < 0 ? len : std::min(len, pos + n);
  Value out = slice_of(t, c, pos, end);
  if (out) W(self)->pos = end;
  return out;
}

INTERP_NATIVE(io_readline) {
  Value self = args[0];
  if (!readable(t, self)) return {};
  std::int64_t limit = -1;
  if (nargs > 1 && args[1] != none() && !index_to_i64(t, args[1], limit)) return {};
  Value c = R(self)->content;
  std::int64_t len = content_length(c), pos = std::min(R(self)->pos, len), end = pos;
  if (str_check(c)) {
    while (end < len && (limit < 0 || end - pos < limit)) {
      if (str_at(c, end++) == '\n') break;
    }
  } else {
    std::string_view v = bytes_view(c);
    while (end < len && (limit < 0 || end - pos < limit)) {
      if (v[std::size_t(end++)] == '\n') break;
    }
  }
  Value out = slice_of(t, c, pos, end);
  if (out) W(self)->pos = end;
  return out;
}

INTERP_NATIVE(io_readlines) {
  Value self = args[0];
  Value lines = list_new(t);
  if (!lines) return {};
  for (;;) {
    Value line = io_readline(t, args, 1, {});
    if (!line) return {};
    if (content_length(line) == 0) return lines;
    if (!list_append(t, lines, line)) return {};
    (void)self;
  }
}

INTERP_NATIVE(io_next) {
  Value line = io_readline(t, args, 1, {});
  if (!line) return {};
  if (content_length(line) == 0) return raise_value(t, exc(E_StopIteration));
  return line;
}

INTERP_NATIVE(io_iter) {
  if (!check_open(t, args[0])) return {};
  return args[0];
}

// ---- writing
// -------------------------------------------------------------------------------------

INTERP_NATIVE(io_write) {
  Value self = args[0];
  if (!check_positional(t, "write", nargs, kwnames, 1, 1)) return {};
  if (!check_open(t, self)) return {};
  if (!(R(self)->flags & kWritable)) return unsupported(t, binary(self) ? "write" : "not writable");
  Value data = args[1];
  bool is_binary = binary(self);
  if (is_binary) {
    if (!isinstance(data, T_bytes)) {
      if (!isinstance(data, T_bytearray) && !isinstance(data, T_memoryview))
        return raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
                      type_name_of(data).c_str());
      data = call1(t, type_value(T_bytes), data);
      if (!data) return {};
    }
  } else if (!str_check(data)) {
    return raisef(t, exc(E_TypeError), "write() argument must be str, not %s",
                  type_name_of(data).c_str());
  }
  std::int64_t n = content_length(data);
  if (R(self)->flags & kFile) {
    std::string bytes = is_binary ? std::string(bytes_view(data)) : str_utf8(data);
    stm::become_inevitable("write");
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t w = ::write(int(R(self)->fd), bytes.data() + done, bytes.size() - done);
      if (w < 0) {
        if (errno == EINTR) continue;
        return os_error(t, errno, {});
      }
      done += std::size_t(w);
    }
    return int_from_i64(t, n);
  }
  // In memory: splice at the position (appending is the common case).
  Value c = R(self)->content;
  std::int64_t len = content_length(c), pos = R(self)->pos;
  Value result;
  if (pos >= len) {
    Value pad = c;
    if (pos > len) {
      std::int64_t extra = pos - len;
      Value fill = is_binary ? bytes_new(t, std::string(std::size_t(extra), '\0'))
                             : str_from_utf8(t, std::string(std::size_t(extra), '\0'));
      if (!fill) return {};
      pad = binary_op(t, c, fill, bytecode::BinaryOp::Add);
      if (!pad) return {};
    }
    result = binary_op(t, pad, data, bytecode::BinaryOp::Add);
  } else {
    Value head = slice_of(t, c, 0, pos);
    Value tail = slice_of(t, c, std::min(len, pos + n), len);
    if (!head || !tail) return {};
    Value mid = binary_op(t, head, data, bytecode::BinaryOp::Add);
    result = mid ? binary_op(t, mid, tail, bytecode::BinaryOp::Add) : Value();
  }
  if (!result) return {};
  IOObject* o = W(self);
  o->content = result;
  o->pos = pos + n;
  return int_from_i64(t, n);
}

INTERP_NATIVE(io_writelines) {
  Value it = iter(t, args[1]);
  if (!it) return {};
  for (;;) {
    Value line = next(t, it);
    if (!line) return t.pending ? Value() : none();
    Value a[2] = {args[0], line};
    if (!io_write(t, a, 2, {})) return {};
  }
}

// ---- the rest
// ------------------------------------------------------------------------------------

INTERP_NATIVE(io_getvalue) {
  if (!check_open(t, args[0])) return {};
  return R(args[0])->content;
}

INTERP_NATIVE(io_tell) {
  if (!check_open(t, args[0])) return {};
  return int_from_i64(t, R(args[0])->pos);
}

INTERP_NATIVE(io_seek) {
  Value self = args[0];
  if (!check_positional(t, "seek", nargs, kwnames, 1, 2)) return {};
  if (!check_open(t, self)) return {};
  std::int64_t offset, whence = 0;
  if (!index_to_i64(t, args[1], offset)) return {};
  if (nargs > 2 && !index_to_i64(t, args[2], whence)) return {};
  std::int64_t len = content_length(R(self)->content);
  if (!binary(self) && whence != 0 && offset != 0)
    return unsupported(t, whence == 1 ? "can't do nonzero cur-relative seeks"
                                      : "can't do nonzero end-relative seeks");
  std::int64_t target = whence == 0 ? offset : whence == 1 ? R(self)->pos + offset : len + offset;
  if (whence < 0 || whence > 2)
    return raisef(t, exc(E_ValueError), "invalid whence (%lld, should be 0, 1 or 2)",
                  static_cast<long long>(whence));
  if (target < 0) {
    if (whence == 0)
      return raisef(t, exc(E_ValueError), "negative seek value %lld",
                    static_cast<long long>(offset));
    target = 0;
  }
  W(self)->pos = target;
  return int_from_i64(t, target);
}

INTERP_NATIVE(io_truncate) {
  Value self = args[0];
  if (!check_open(t, self)) return {};
  std::int64_t size = R(self)->pos;
  if (nargs > 1 && args[1] != none() && !index_to_i64(t, args[1], size)) return {};
  Value c = R(self)->content;
  std::int64_t len = content_length(c);
  if (size < len) {
    Value cut = slice_of(t, c, 0, size);
    if (!cut) return {};
    W(self)->content = cut;
  }
  if (R(self)->flags & kFile) {
    stm::become_inevitable("truncate");
    if (::ftruncate(int(R(self)->fd), size) != 0) return os_error(t, errno, {});
  }
  return int_from_i64(t, size);
}

INTERP_NATIVE(io_close) {
  Value self = args[0];
  if (R(self)->flags & kClosed) return none();
  if ((R(self)->flags & kFile) && R(self)->fd > 2) {
    stm::become_inevitable("close");
    ::close(int(R(self)->fd));
  }
  W(self)->flags = R(self)->flags | kClosed;
  return none();
}

INTERP_NATIVE(io_flush) {
  if (!check_open(t, args[0])) return {};
  return none();
}

INTERP_NATIVE(io_enter) {
  if (!check_open(t, args[0])) return {};
  return args[0];
}

INTERP_NATIVE(io_exit) {
  return io_close(t, args, 1, {});
}

INTERP_NATIVE(io_closed) {
  return py_bool(R(args[0])->flags & kClosed);
}
INTERP_NATIVE(io_readable_m) {
  if (!check_open(t, args[0])) return {};
  return py_bool(R(args[0])->flags & kReadable);
}
INTERP_NATIVE(io_writable_m) {
  if (!check_open(t, args[0])) return {};
  return py_bool(R(args[0])->flags & kWritable);
}
INTERP_NATIVE(io_seekable) {
  if (!check_open(t, args[0])) return {};
  return runtime().true_;
}
INTERP_NATIVE(io_isatty) {
  if (!check_open(t, args[0])) return {};
  return py_bool((R(args[0])->flags & kFile) && ::isatty(int(R(args[0])->fd)));
}
INTERP_NATIVE(io_fileno) {
  if (!(R(args[0])->flags & kFile)) return unsupported(t, "fileno");
  return int_from_i64(t, R(args[0])->fd);
}
INTERP_NATIVE(io_name) {
  return R(args[0])->name;
}
INTERP_NATIVE(io_mode) {
  if (!R(args[0])->mode) return raise(t, exc(E_AttributeError), "mode");
  return R(args[0])->mode;
}
// A text file's mode is an attribute that programs set (tokenize.open sets 'r') and delete.
INTERP_NATIVE(io_set_mode) {
  if (nargs == 1 && !R(args[0])->mode) return raise(t, exc(E_AttributeError), "mode");
  W(args[0])->mode = nargs > 1 ? args[1] : Value();
  return none();
}
INTERP_NATIVE(io_encoding) {
  return binary(args[0]) ? none() : str_from_ascii(t, "UTF-8");
}
INTERP_NATIVE(io_errors) {
  return str_from_ascii(t, "strict");
}
INTERP_NATIVE(io_buffer) {
  // The text file's binary view is not kept apart: the same object stands in for it.
  return args[0];
}
INTERP_NATIVE(io_repr) {
  Value self = args[0];
  std::string text = "<" + type_name_of(self);
  if (R(self)->flags & kFile) {
    text = "<_io." + type_name_of(self) + " name=" + repr_utf8(t, R(self)->name);
    if (!binary(self)) text += " mode=" + repr_utf8(t, R(self)->mode) + " encoding='UTF-8'";
    return str_from_utf8(t, text + ">");
  }
  char address[32];
  std::snprintf(address, sizeof address, "0x%llx", static_cast<unsigned long long>(self.bits()));
  return str_from_utf8(t, "<_io." + type_name_of(self) + " object at " + address + ">");
}

// object.__subclasshook__'s answer, which _py_abc asks the io ABCs for.
INTERP_NATIVE(io_subclasshook) {
  return runtime().not_implemented;
}

INTERP_NATIVE(io_text_encoding) {
  if (nargs && args[0] != none()) return args[0];
  return str_from_ascii(t, "utf-8");
}

INTERP_NATIVE(io_open_code) {
  if (!check_positional(t, "open_code", nargs, kwnames, 1, 1, 0)) return {};
  Value mode = str_from_ascii(t, "rb");
  Value a[2] = {args[0], mode};
  return io_open(t, a, 2, {});
}

} // namespace

// builtins.open is io.open.
Value io_open_function(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  return io_open(t, args, nargs, kwnames);
}

Value make_io_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"open", io_open},
      {"open_code", io_open_code},
      {"text_encoding", io_text_encoding},
  };
  Value m = new_module(t, "_io", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "DEFAULT_BUFFER_SIZE", Value::small_int(8192));
  module_set(t, m, "BlockingIOError", exception_type("BlockingIOError"));
  // CPython's UnsupportedOperation derives from OSError and ValueError; class creation
  // here still refuses two builtin exception bases ("lay-out conflict"), so OSError only.
  Value bases_items[1] = {exc(E_OSError)};
  Value bases = tuple_from(t, bases_items, 1);
  Value ns = dict_new(t);
  if (!bases || !ns || !dict_set(t, ns, name(N___module__), intern_literal(t, "io"))) return {};
  Value unsupported_cls =
      type_new(t, type_value(T_type), intern_literal(t, "UnsupportedOperation"), bases, ns, {});
  if (!unsupported_cls) return {};
  module_set(t, m, "UnsupportedOperation", unsupported_cls);

  auto make = [&](const char* n, Value base) {
    Value type = new_type(t, n, "_io", Layout::Instance, base);
    if (type) {
      wr<TypeObject>(type)->flags &= ~std::uint64_t(kNoInstanceDict);
      module_set(t, m, n, type);
    }
    return type;
  };
  Value iobase = make("_IOBase", {});
  Value raw = make("_RawIOBase", iobase);
  Value buffered = make("_BufferedIOBase", iobase);
  Value textbase = make("_TextIOBase", iobase);
  if (!iobase || !raw || !buffered || !textbase) return {};
  static const ModuleFunction kMethods[] = {
      {"read", io_read},
      {"readline", io_readline},
      {"readlines", io_readlines},
      {"__next__", io_next},
      {"__iter__", io_iter},
      {"write", io_write},
      {"writelines", io_writelines},
      {"tell", io_tell},
      {"seek", io_seek},
      {"truncate", io_truncate},
      {"close", io_close},
      {"flush", io_flush},
      {"__enter__", io_enter},
      {"__exit__", io_exit},
      {"readable", io_readable_m},
      {"writable", io_writable_m},
      {"seekable", io_seekable},
      {"isatty", io_isatty},
      {"fileno", io_fileno},
      {"__repr__", io_repr},
      {"__init__", init_noop},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, iobase, f.name, f.fn);
  add_getter(t, iobase, "closed", io_closed);
  add_classmethod(t, iobase, "__subclasshook__", io_subclasshook);
  update_type_flags(iobase);
  for (Value type : {raw, buffered, textbase})
    update_type_flags(type);

  struct Concrete {
    const char* name;
    Value base;
    NativeFn new_fn;
  };
  const Concrete kConcrete[] = {
      {"StringIO", textbase, stringio_new},           {"BytesIO", buffered, bytesio_new},
      {"TextIOWrapper", textbase, nullptr},           {"BufferedReader", buffered, nullptr},
      {"BufferedWriter", buffered, nullptr},          {"BufferedRandom", buffered, nullptr},
      {"BufferedRWPair", buffered, nullptr},          {"FileIO", raw, nullptr},
      {"IncrementalNewlineDecoder", iobase, nullptr},
  };
  for (const Concrete& c : kConcrete) {
    Value type = make(c.name, c.base);
    if (!type) return {};
    if (c.new_fn) {
      add_staticmethod(t, type, "__new__", c.new_fn);
      add_method(t, type, "getvalue", io_getvalue);
    } else {
      add_getter(t, type, "name", io_name);
      add_getter(t, type, "mode", io_mode,
                 std::string(c.name) == "TextIOWrapper" ? io_set_mode : nullptr);
    }
    if (std::string(c.name) == "TextIOWrapper" || std::string(c.name) == "StringIO") {
      add_getter(t, type, "encoding", io_encoding);
      add_getter(t, type, "errors", io_errors);
    }
    if (std::string(c.name) == "TextIOWrapper") add_getter(t, type, "buffer", io_buffer);
    update_type_flags(type);
  }
  return m;
}

} // namespace interp
