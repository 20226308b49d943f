// interp/modules/sys.cc - the sys module, and the stream objects behind sys.stdout and
// sys.stderr (output buffered by the running transaction, written when it commits).
#include "gc/gc.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <cctype>
#include <cerrno>
#include <unistd.h>

namespace interp {

namespace {

// A stream is an Instance-layout object of the class _pypystm.Stream whose dict holds
// "_fd" (and "_closed" once closed). Writes go to the thread's transaction buffer; stdin
// is read from the descriptor as asked. It answers what a TextIOWrapper does, since
// programs hand sys.stdin and sys.stdout to code written for open()'s files (argparse's
// FileType('-'), `with` blocks, iteration). Its `buffer` is the same descriptor seen as
// bytes: an instance of _pypystm.BinaryStream (whose dict also holds "_binary"), with
// the same methods, writing into the same transaction buffer, so text and bytes keep
// their order. Neither layer reads ahead (CPython's text layer does), so reads of the
// two layers of stdin mix.

bool is_binary_stream(Thread& t, Value self) {
  return bool(getattr_opt(t, self, intern_literal(t, "_binary")));
}

// Its descriptor, or -1 with ValueError when the stream was closed. CPython words it
// with a full stop where the text layer answers and without where the raw file does.
int stream_fd(Thread& t, Value self, bool raw = false) {
  Value closed = getattr_opt(t, self, intern_literal(t, "_closed"));
  if (t.pending) return -1;
  if (closed) {
    raise(t, exc(E_ValueError),
          raw ? "I/O operation on closed file" : "I/O operation on closed file.");
    return -1;
  }
  Value fd = getattr(t, self, intern_literal(t, "_fd"));
  return fd ? int(fd.small_int_value()) : -1;
}

Value stream_unsupported(Thread& t, const char* what) {
  Value io = import_module(t, "_io");
  Value cls = io ? getattr(t, io, intern_literal(t, "UnsupportedOperation")) : Value();
  return cls ? raise(t, cls, what) : Value();
}

INTERP_NATIVE(stream_write) {
  if (!check_positional(t, "write", nargs, kwnames, 1, 1)) return {};
  if (stream_fd(t, args[0]) < 0) return {};
  Value data = args[1];
  bool binary = is_binary_stream(t, args[0]);
  if (binary && !isinstance(data, T_bytes)) {
    if (!isinstance(data, T_bytearray) && !isinstance(data, T_memoryview))
      return raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
                    type_name_of(data).c_str());
    data = call1(t, type_value(T_bytes), data);
    if (!data) return {};
  } else if (!binary && !str_check(data)) {
    return raisef(t, exc(E_TypeError), "write() argument must be str, not %s",
                  type_name_of(data).c_str());
  }
  Value fd = getattr(t, args[0], intern_literal(t, "_fd"));
  if (!fd) return {};
  // stderr is unbuffered in CPython; here it still waits for the commit, which comes at
  // the latest at the next transaction break.
  std::string& out = fd == Value::small_int(2) ? t.err : t.out;
  if (binary) {
    out += bytes_view(data);
    return int_from_i64(t, std::int64_t(bytes_view(data).size()));
  }
  out += str_utf8(data);
  return Value::small_int(str_length(data));
}

INTERP_NATIVE(stream_flush) {
  if (stream_fd(t, args[0]) < 0) return {};
  return none();
}

INTERP_NATIVE(stream_fileno) {
  int fd = stream_fd(t, args[0], true);
  return fd < 0 ? Value() : Value::small_int(fd);
}

INTERP_NATIVE(stream_isatty) {
  int fd = stream_fd(t, args[0], true);
  return fd < 0 ? Value() : py_bool(::isatty(fd));
}

INTERP_NATIVE(stream_readable) {
  int fd = stream_fd(t, args[0], true);
  return fd < 0 ? Value() : py_bool(fd == 0);
}

INTERP_NATIVE(stream_writable) {
  // stdin's buffer says no without asking whether it is closed.
  Value fd_v = getattr(t, args[0], intern_literal(t, "_fd"));
  if (!fd_v) return {};
  if (fd_v == Value::small_int(0)) return runtime().false_;
  int fd = stream_fd(t, args[0], true);
  return fd < 0 ? Value() : py_bool(fd != 0);
}

INTERP_NATIVE(stream_seekable) {
  int fd = stream_fd(t, args[0], true);
  return fd < 0 ? Value() : py_bool(::lseek(fd, 0, SEEK_CUR) >= 0);
}

// Closing marks the stream closed and leaves the descriptor open, as CPython's standard
// streams (made with closefd=False) do.
INTERP_NATIVE(stream_close) {
  if (!generic_setattr(t, args[0], intern_literal(t, "_closed"), runtime().true_)) return {};
  return none();
}

INTERP_NATIVE(stream_closed) {
  Value closed = getattr_opt(t, args[0], intern_literal(t, "_closed"));
  return t.pending ? Value() : py_bool(bool(closed));
}

// reconfigure(): the options that change nothing here (writes reach the descriptor at
// each commit whatever the buffering) are taken; so is an error handler. The streams
// write UTF-8 only, so another encoding is refused rather than ignored.
// reconfigure()'s keyword `key` when given as a str: true with `out` set; true with `out`
// 0 when absent or None; false with TypeError otherwise.
bool optional_str_keyword(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                          const char* key, Value& out) {
  out = keyword_arg(kwnames, args, nargs, key);
  if (out == none()) out = {};
  if (!out || str_check(out)) return true;
  raisef(t, exc(E_TypeError), "reconfigure() argument '%s' must be str or None, not %s", key,
         type_name_of(out).c_str());
  return false;
}

INTERP_NATIVE(stream_reconfigure) {
  static const char* const kAllowed[] = {"encoding",       "errors",        "newline",
                                         "line_buffering", "write_through", nullptr};
  if (nargs - keyword_count(kwnames) > 1)
    return raise(t, exc(E_TypeError), "reconfigure() takes no positional arguments");
  if (!check_keywords(t, "reconfigure", kwnames, kAllowed, true)) return {};
  if (stream_fd(t, args[0]) < 0) return {};
  Value encoding, errors;
  if (!optional_str_keyword(t, args, nargs, kwnames, "encoding", encoding) ||
      !optional_str_keyword(t, args, nargs, kwnames, "errors", errors))
    return {};
  if (encoding) {
    std::string e = str_utf8(encoding);
    std::string lower;
    for (char c : e)
      if (c != '-' && c != '_') lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    if (lower != "utf8")
      return raisef(t, exc(E_ValueError),
                    "pypy-stm: the standard streams write UTF-8 only (asked for '%s')", e.c_str());
  }
  if (errors && !generic_setattr(t, args[0], intern_literal(t, "errors"), errors)) return {};
  return none();
}

INTERP_NATIVE(stream_enter) {
  if (stream_fd(t, args[0]) < 0) return {};
  return args[0];
}

INTERP_NATIVE(stream_exit) {
  return stream_close(t, args, 1, {});
}

// The descriptor a read comes from: stdin's, or UnsupportedOperation for the others.
int readable_fd(Thread& t, Value self) {
  int fd = stream_fd(t, self);
  if (fd > 0) {
    stream_unsupported(t, "not readable");
    return -1;
  }
  return fd;
}

bool size_arg(Thread& t, const Value* args, std::size_t nargs, std::int64_t& n) {
  n = -1;
  return nargs < 2 || args[1] == none() || index_to_i64(t, args[1], n);
}

// Up to `limit` characters (bytes for a binary stream; all when negative), ending after
// the first '\n' when `line`. Read a byte at a time so that nothing past the line is
// taken from the descriptor (another reader, or a child process, may want it).
Value read_text(Thread& t, int fd, std::int64_t limit, bool line, bool binary = false) {
  stm::become_inevitable("reading stdin");
  std::string out;
  std::int64_t chars = 0;
  unsigned char c;
  while (limit < 0 || chars < limit) {
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.push_back(char(c));
    if (binary) {
      ++chars;
      if (line && c == '\n') break;
      continue;
    }
    // A character is counted at its first byte, and ends with its last continuation byte,
    // which the loop takes while the next byte continues it.
    if ((c & 0xc0) != 0x80) ++chars;
    int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    while (more-- > 0 && ::read(fd, &c, 1) == 1)
      out.push_back(char(c));
    if (line && out.back() == '\n') break;
  }
  return binary ? bytes_new(t, out) : str_from_utf8(t, out);
}

// A read of `self` (text or binary), as read_text.
Value stream_read_from(Thread& t, Value self, std::int64_t limit, bool line) {
  int fd = readable_fd(t, self);
  return fd < 0 ? Value() : read_text(t, fd, limit, line, is_binary_stream(t, self));
}

bool at_end(Value chunk) {
  return str_check(chunk) ? str_length(chunk) == 0 : bytes_view(chunk).empty();
}

INTERP_NATIVE(stream_readline) {
  std::int64_t limit;
  if (!size_arg(t, args, nargs, limit)) return {};
  return stream_read_from(t, args[0], limit, true);
}

INTERP_NATIVE(stream_read) {
  std::int64_t limit;
  if (!size_arg(t, args, nargs, limit)) return {};
  return stream_read_from(t, args[0], limit, false);
}

INTERP_NATIVE(stream_readlines) {
  if (readable_fd(t, args[0]) < 0) return {};
  Value lines = list_new(t);
  for (;;) {
    Value line = lines ? stream_read_from(t, args[0], -1, true) : Value();
    if (!line) return {};
    if (at_end(line)) return lines;
    if (!list_append(t, lines, line)) return {};
  }
}

INTERP_NATIVE(stream_iter) {
  if (stream_fd(t, args[0]) < 0) return {};
  return args[0];
}

INTERP_NATIVE(stream_next) {
  Value line = stream_read_from(t, args[0], -1, true);
  if (!line) return {};
  if (at_end(line)) return raise_value(t, exc(E_StopIteration));
  return line;
}

INTERP_NATIVE(sys_exit) {
  if (!check_positional(t, "exit", nargs, kwnames, 0, 1, 0)) return {};
  Value a = nargs ? tuple_from(t, args, 1) : runtime().empty_tuple;
  if (!a) return {};
  Value e = exception_new(t, exc(E_SystemExit), a);
  if (e) t.pending = e;
  return {};
}

INTERP_NATIVE(sys_getrecursionlimit) {
  return Value::small_int(t.recursion_limit);
}

INTERP_NATIVE(sys_setrecursionlimit) {
  if (!check_positional(t, "setrecursionlimit", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t n;
  if (!int_check(args[0])) return raise(t, exc(E_TypeError), "an integer is required");
  if (!index_to_i64(t, args[0], n)) return {};
  if (n < 1) return raise(t, exc(E_ValueError), "recursion limit must be greater or equal than 1");
  t.recursion_limit = int(std::min<std::int64_t>(n, 100000));
  return none();
}

INTERP_NATIVE(sys_exc_info) {
  Value e = t.handled;
  Value items[3] = {none(), none(), none()};
  if (e) {
    items[0] = type_of(e);
    items[1] = e;
    items[2] = rd<ExceptionObject>(e)->traceback;
  }
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(sys_exception) {
  return t.handled ? t.handled : none();
}

INTERP_NATIVE(sys_displayhook) {
  if (args[0] == none()) return none();
  Value builtins = runtime().builtins;
  if (!dict_set(t, builtins, intern_literal(t, "_"), none())) return {};
  Value r = repr(t, args[0]);
  if (!r) return {};
  Value out = getattr(t, runtime().sys_module, name(N_stdout));
  if (!out) return {};
  Value text = str_concat(t, r, str_from_ascii(t, "\n"));
  if (!text || !call_method(t, out, N_write, &text, 1)) return {};
  if (!dict_set(t, builtins, intern_literal(t, "_"), args[0])) return {};
  return none();
}

INTERP_NATIVE(sys_get_int_max_str_digits) {
  if (!check_positional(t, "get_int_max_str_digits", nargs, kwnames, 0, 0, 0)) return {};
  return int_from_i64(t, std::int64_t(runtime().int_max_str_digits.load()));
}

INTERP_NATIVE(sys_set_int_max_str_digits) {
  static const char* const kAllowed[] = {"maxdigits", nullptr};
  if (!check_keywords(t, "set_int_max_str_digits", kwnames, kAllowed)) return {};
  Value v = nargs - keyword_count(kwnames) == 1 ? args[0]
                                                : keyword_arg(kwnames, args, nargs, "maxdigits");
  if (!v || nargs != 1)
    return raise(t, exc(E_TypeError),
                 "set_int_max_str_digits() takes exactly one argument (0 given)");
  std::int64_t n;
  if (!index_to_i64(t, v, n)) return {};
  if (n != 0 && n < 640)
    return raise(t, exc(E_ValueError), "maxdigits must be 0 or larger than 640");
  runtime().int_max_str_digits.store(std::size_t(n));
  return none();
}

// sys.excepthook(type, value, traceback): the traceback as CPython prints it, to stderr.
INTERP_NATIVE(sys_excepthook) {
  if (!check_positional(t, "excepthook", nargs, kwnames, 3, 3, 0)) return {};
  std::string text;
  vm::format_exception(t, args[1], text);
  t.err += text;
  return none();
}

// sys.unraisablehook(args): what finalizers and weakref callbacks could not raise.
INTERP_NATIVE(sys_unraisablehook) {
  if (!check_positional(t, "unraisablehook", nargs, kwnames, 1, 1, 0)) return {};
  vm::write_unraisable(t, args[0]);
  return none();
}

INTERP_NATIVE(sys_intern) {
  if (!check_positional(t, "intern", nargs, kwnames, 1, 1, 0)) return {};
  if (!is_exact(args[0], T_str))
    return raisef(t, exc(E_TypeError), "intern() argument 1 must be str, not %s",
                  type_name_of(args[0]).c_str());
  return args[0];
}

INTERP_NATIVE(sys_getframe) {
  std::int64_t depth = 0;
  if (nargs && !index_to_i64(t, args[0], depth)) return {};
  Value frame = vm::current_frame(t);
  while (frame && depth-- > 0)
    frame = rd<FrameObject>(frame)->back;
  if (!frame) return raise(t, exc(E_ValueError), "call stack is not deep enough");
  vm::mark_escaped(frame);
  return frame;
}

INTERP_NATIVE(sys_utf8) {
  return str_from_ascii(t, "utf-8");
}

INTERP_NATIVE(sys_surrogateescape) {
  return str_from_ascii(t, "surrogateescape");
}

// An estimate from the object's heap size (header and fields; what it owns apart, such
// as a list's item storage, is added for the builtin containers).
// sys.audit and sys.addaudithook: the hooks live in a list bound as the natives' self, so
// every thread sees the hooks any thread added. Nothing in the runtime raises events of its
// own; the standard library's sys.audit calls reach the hooks as in CPython.
INTERP_NATIVE(sys_audit) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "sys.audit() takes no keyword arguments");
  if (nargs < 2)
    return raise(t, exc(E_TypeError), "audit() missing 1 required positional argument: 'event'");
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "expected str for argument 'event', not %s",
                  type_name_of(args[1]).c_str());
  Value hooks = args[0];
  if (list_length(hooks) == 0) return none();
  Value event_args = tuple_from(t, args + 2, nargs - 2);
  if (!event_args) return {};
  for (std::int64_t i = 0; i < list_length(hooks); ++i)
    if (!call2(t, list_item(hooks, i), args[1], event_args)) return {};
  return none();
}

INTERP_NATIVE(sys_addaudithook) {
  static const char* const kAllowed[] = {"hook", nullptr};
  if (!check_keywords(t, "addaudithook", kwnames, kAllowed)) return {};
  Value hook = arg_or_keyword(args, nargs, kwnames, 1, "hook");
  if (!hook || nargs > 2)
    return hook ? raisef(t, exc(E_TypeError), "addaudithook() takes at most 1 argument (%zu given)",
                         nargs - 1)
                : raise(t, exc(E_TypeError),
                        "addaudithook() missing required argument 'hook' (pos 1)");
  // The hooks already there are asked first; one raising RuntimeError refuses the new hook
  // without an error, as CPython does.
  Value hooks = args[0];
  Value event = intern_literal(t, "sys.addaudithook");
  Value no_args = tuple_new(t, 0);
  if (!event || !no_args) return {};
  for (std::int64_t i = 0; i < list_length(hooks); ++i) {
    if (call2(t, list_item(hooks, i), event, no_args)) continue;
    if (t.pending && is_subtype(type_of(t.pending), exc(E_RuntimeError))) {
      t.pending = {};
      return none();
    }
    return {};
  }
  if (!list_append(t, hooks, hook)) return {};
  return none();
}

// sys.is_finalizing(): the interpreter never runs Python code while it shuts down here.
INTERP_NATIVE(sys_is_finalizing) {
  if (!check_positional(t, "is_finalizing", nargs, kwnames, 0, 0, 0)) return {};
  return runtime().false_;
}

// The hooks of async generators, per thread (in the thread's state object), as CPython
// keeps them. asyncio's event loop sets them while it runs; an async generator calls
// firstiter at its first step (vm/generator.cc), never the finalizer.
Value asyncgen_hooks_type; // made with the sys module, a gc root

INTERP_NATIVE(sys_get_asyncgen_hooks) {
  if (!check_positional(t, "get_asyncgen_hooks", nargs, kwnames, 0, 0, 0)) return {};
  Value hooks = rd<ThreadStateObject>(t.state)->asyncgen_hooks;
  Value items[2] = {none(), none()};
  if (hooks) items[0] = tuple_item(hooks, 0), items[1] = tuple_item(hooks, 1);
  return new_struct_sequence(t, asyncgen_hooks_type, items, 2);
}

INTERP_NATIVE(sys_set_asyncgen_hooks) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 2)
    return raisef(t, exc(E_TypeError), "set_asyncgen_hooks() takes at most 2 arguments (%zu given)",
                  npos);
  Value a[2];
  if (!check_named_keywords(t, "set_asyncgen_hooks", kwnames, {"firstiter", "finalizer"}, 0) ||
      !bind_arguments(t, "set_asyncgen_hooks", args, nargs, kwnames, {"firstiter", "finalizer"}, 0,
                      0, a))
    return {};
  Value hooks = rd<ThreadStateObject>(t.state)->asyncgen_hooks;
  Value now[2] = {hooks ? tuple_item(hooks, 0) : none(), hooks ? tuple_item(hooks, 1) : none()};
  const char* names[2] = {"firstiter", "finalizer"};
  for (int i = 0; i < 2; ++i) {
    if (!a[i]) continue;
    if (a[i] != none() && !is_callable(a[i]))
      return raisef(t, exc(E_TypeError), "callable %s expected, got %s", names[i],
                    type_name_of(a[i]).c_str());
    now[i] = a[i];
  }
  Value pair = tuple_from(t, now, 2);
  if (!pair) return {};
  wr<ThreadStateObject>(t.state)->asyncgen_hooks = pair;
  return none();
}

INTERP_NATIVE(sys_getsizeof) {
  if (nargs < 1)
    return raise(t, exc(E_TypeError), "getsizeof() missing required argument 'object' (pos 1)");
  Value v = args[0];
  if (!v.is_object()) return Value::small_int(v.is_tagged_float() ? 24 : 28);
  Value f = type_lookup(type_of(v), intern_literal(t, "__sizeof__"));
  if (f) {
    Value r = call1(t, f, v);
    if (!r) return {};
    std::int64_t n;
    if (!index_to_i64(t, r, n)) return {};
    if (n < 0) return raise(t, exc(E_ValueError), "__sizeof__() should return >= 0");
    return int_from_i64(t, n + 16);
  }
  if (t.pending) return {};
  return int_from_i64(t, std::int64_t(ro<Object>(v)->header.size));
}

// The locale's encoding errors for the standard streams, as CPython picks them: the C,
// POSIX and C.UTF-8 locales get surrogateescape.
bool c_locale() {
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(var);
    if (value && *value) {
      std::string v = value;
      return v == "C" || v == "POSIX" || v == "C.UTF-8" || v == "C.utf8";
    }
  }
  return true;
}

// _pypystm.<name>: the methods of a standard stream, text or binary alike.
Value make_stream_class(Thread& t, const char* class_name) {
  Value ns = dict_new(t);
  dict_set(t, ns, name(N___module__), intern_literal(t, "_pypystm"));
  Value object_type = type_value(T_object);
  Value cls = type_new(t, type_value(T_type), intern_literal(t, class_name),
                       tuple_from(t, &object_type, 1), ns, {});
  static const struct {
    const char* name;
    NativeFn fn;
  } kMethods[] = {
      {"write", stream_write},         {"flush", stream_flush},       {"fileno", stream_fileno},
      {"isatty", stream_isatty},       {"readline", stream_readline}, {"read", stream_read},
      {"readlines", stream_readlines}, {"readable", stream_readable}, {"writable", stream_writable},
      {"seekable", stream_seekable},   {"close", stream_close},       {"__enter__", stream_enter},
      {"__exit__", stream_exit},       {"__iter__", stream_iter},     {"__next__", stream_next},
  };
  for (const auto& method : kMethods)
    add_method(t, cls, method.name, method.fn);
  add_getter(t, cls, "closed", stream_closed);
  update_type_flags(cls);
  return cls;
}

// A stream over `fd` with its `buffer`: the same descriptor as bytes.
Value make_stream(Thread& t, Value text_cls, Value binary_cls, int fd, const char* stream_name) {
  Value buffer = allocate(t, Layout::Instance, binary_cls, sizeof(Object));
  if (!buffer) return {};
  if (!generic_setattr(t, buffer, intern_literal(t, "_fd"), Value::small_int(fd)) ||
      !generic_setattr(t, buffer, intern_literal(t, "_binary"), runtime().true_) ||
      !generic_setattr(t, buffer, intern_literal(t, "name"), str_from_utf8(t, stream_name)) ||
      !generic_setattr(t, buffer, intern_literal(t, "mode"),
                       str_from_ascii(t, fd == 0 ? "rb" : "wb")))
    return {};
  Value s = allocate(t, Layout::Instance, text_cls, sizeof(Object));
  if (!s) return {};
  if (!generic_setattr(t, s, intern_literal(t, "_fd"), Value::small_int(fd))) return {};
  if (!generic_setattr(t, s, intern_literal(t, "buffer"), buffer)) return {};
  if (!generic_setattr(t, s, intern_literal(t, "name"), str_from_utf8(t, stream_name))) return {};
  if (!generic_setattr(t, s, intern_literal(t, "mode"), str_from_ascii(t, fd == 0 ? "r" : "w")))
    return {};
  if (!generic_setattr(t, s, intern_literal(t, "encoding"), str_from_ascii(t, "utf-8"))) return {};
  if (!generic_setattr(t, s, intern_literal(t, "errors"),
                       str_from_ascii(t, fd == 2      ? "backslashreplace"
                                         : c_locale() ? "surrogateescape"
                                                      : "strict")))
    return {};
  return s;
}

Value make_struct(Thread& t, const char* const* names, const Value* values, std::size_t n) {
  // A simple namespace object: an instance of a class named as CPython's (types.py takes
  // SimpleNamespace from sys.implementation's type).
  Value ns_type = new_type(t, "SimpleNamespace", "types", Layout::Instance);
  if (!ns_type) return {};
  wr<TypeObject>(ns_type)->flags &= ~std::uint64_t(kNoInstanceDict);
  update_type_flags(ns_type);
  Value obj = allocate(t, Layout::Instance, ns_type, sizeof(Object));
  if (!obj) return {};
  Value d = dict_new(t);
  if (!d) return {};
  fresh<Object>(obj)->dict = d;
  for (std::size_t i = 0; i < n; ++i)
    if (!dict_set(t, d, intern_literal(t, names[i]), values[i])) return {};
  return obj;
}

} // namespace

Value make_sys_module(Thread& t) {
  Value m = module_new(t, intern_literal(t, "sys"));
  Value d = rd<Object>(m)->dict;
  auto set = [&](const char* key, Value v) { dict_set(t, d, intern_literal(t, key), v); };
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry functions[] = {
      {"exit", sys_exit},
      {"getrecursionlimit", sys_getrecursionlimit},
      {"setrecursionlimit", sys_setrecursionlimit},
      {"exc_info", sys_exc_info},
      {"exception", sys_exception},
      {"displayhook", sys_displayhook},
      {"excepthook", sys_excepthook},
      {"unraisablehook", sys_unraisablehook},
      {"get_int_max_str_digits", sys_get_int_max_str_digits},
      {"set_int_max_str_digits", sys_set_int_max_str_digits},
      {"intern", sys_intern},
      {"_getframe", sys_getframe},
      {"getfilesystemencoding", sys_utf8},
      {"getdefaultencoding", sys_utf8},
      {"getfilesystemencodeerrors", sys_surrogateescape},
      {"getsizeof", sys_getsizeof},
      {"is_finalizing", sys_is_finalizing},
      {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
      {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
  };
  for (const Entry& e : functions)
    set(e.name, make_native_function(t, e.name, e.fn, intern_literal(t, "sys")));
  Value audit_hooks = list_new(t);
  for (const Entry& e : {Entry{"audit", sys_audit}, Entry{"addaudithook", sys_addaudithook}}) {
    Value f = native_new(t, register_native(e.name, e.fn), audit_hooks, {}, T_builtin_function);
    if (f) fresh<NativeObject>(f)->module = intern_literal(t, "sys");
    set(e.name, f);
  }
  {
    static const char* const kFields[] = {"firstiter", "finalizer"};
    static bool rooted = false;
    if (!rooted) gc::add_root(reinterpret_cast<const stm::Offset*>(&asyncgen_hooks_type));
    rooted = true;
    asyncgen_hooks_type = new_struct_sequence_type(t, "asyncgen_hooks", "builtins", kFields, 2);
  }
  set("__displayhook__", dict_get_cstr(t, d, "displayhook"));
  set("__excepthook__", dict_get_cstr(t, d, "excepthook"));
  set("__unraisablehook__", dict_get_cstr(t, d, "unraisablehook"));

  // The stream classes.
  Value text_stream = make_stream_class(t, "Stream");
  add_method(t, text_stream, "reconfigure", stream_reconfigure);
  Value binary_stream = make_stream_class(t, "BinaryStream");
  Value out = make_stream(t, text_stream, binary_stream, 1, "<stdout>");
  Value err = make_stream(t, text_stream, binary_stream, 2, "<stderr>");
  Value in = make_stream(t, text_stream, binary_stream, 0, "<stdin>");
  set("stdout", out);
  set("stderr", err);
  set("stdin", in);
  set("__stdout__", out);
  set("__stderr__", err);
  set("__stdin__", in);
  set("argv", list_new(t));
  set("path", list_new(t));
  set("modules", dict_new(t));
  set("meta_path", list_new(t));
  set("path_hooks", list_new(t));
  set("path_importer_cache", dict_new(t));
  set("warnoptions", list_new(t));
  {
    std::vector<std::string> builtin = builtin_module_names();
    Value names = tuple_new(t, builtin.size());
    for (std::size_t i = 0; i < builtin.size(); ++i)
      tuple_init(names, i, intern_literal(t, builtin[i].c_str()));
    set("builtin_module_names", names);
  }
  set("maxsize", int_from_i64(t, INT64_MAX));
  set("maxunicode", Value::small_int(0x10ffff));
  set("byteorder", str_from_ascii(t, "little"));
  set("platform", str_from_ascii(t, "linux"));
  // The ABI flags of the python3.11 whose standard library we run (Debian's: none).
  set("abiflags", str_from_ascii(t, ""));
  set("version", str_from_ascii(t, "3.11.2 (pypy-stm 0.1.0) [C++20]"));
  set("hexversion", Value::small_int(0x030b02f0));
  set("executable", str_from_ascii(t, ""));
  set("prefix", str_from_ascii(t, "/usr"));
  set("exec_prefix", str_from_ascii(t, "/usr"));
  set("base_prefix", str_from_ascii(t, "/usr"));
  set("base_exec_prefix", str_from_ascii(t, "/usr"));
  set("platlibdir", str_from_ascii(t, "lib"));
  set("pycache_prefix", none());
  set("dont_write_bytecode", runtime().true_);
  {
    Value v[5] = {Value::small_int(3), Value::small_int(11), Value::small_int(2),
                  str_from_ascii(t, "final"), Value::small_int(0)};
    static const char* const kFields[] = {"major", "minor", "micro", "releaselevel", "serial"};
    Value type = new_struct_sequence_type(t, "version_info", "sys", kFields, 5);
    set("version_info", new_struct_sequence(t, type, v, 5));
  }
  {
    static const char* const kFields[] = {"max",     "max_exp",    "max_10_exp", "min",
                                          "min_exp", "min_10_exp", "dig",        "mant_dig",
                                          "epsilon", "radix",      "rounds"};
    Value v[11] = {float_new(t, 1.7976931348623157e308),
                   Value::small_int(1024),
                   Value::small_int(308),
                   float_new(t, 2.2250738585072014e-308),
                   Value::small_int(-1021),
                   Value::small_int(-307),
                   Value::small_int(15),
                   Value::small_int(53),
                   float_new(t, 2.220446049250313e-16),
                   Value::small_int(2),
                   Value::small_int(1)};
    Value type = new_struct_sequence_type(t, "float_info", "sys", kFields, 11);
    set("float_info", new_struct_sequence(t, type, v, 11));
  }
  {
    static const char* const kFields[] = {"bits_per_digit", "sizeof_digit",
                                          "default_max_str_digits", "str_digits_check_threshold"};
    Value v[4] = {Value::small_int(30), Value::small_int(4), Value::small_int(4300),
                  Value::small_int(640)};
    Value type = new_struct_sequence_type(t, "int_info", "sys", kFields, 4);
    set("int_info", new_struct_sequence(t, type, v, 4));
  }
  {
    static const char* const kFields[] = {"width",     "modulus",   "inf",       "nan",   "imag",
                                          "algorithm", "hash_bits", "seed_bits", "cutoff"};
    Value v[9] = {Value::small_int(64),      int_from_i64(t, (std::int64_t(1) << 61) - 1),
                  Value::small_int(314159),  Value::small_int(0),
                  Value::small_int(1000003), str_from_ascii(t, "siphash13"),
                  Value::small_int(64),      Value::small_int(128),
                  Value::small_int(0)};
    Value type = new_struct_sequence_type(t, "hash_info", "sys", kFields, 9);
    set("hash_info", new_struct_sequence(t, type, v, 9));
  }
  {
    Value vi[5] = {Value::small_int(3), Value::small_int(11), Value::small_int(2),
                   str_from_ascii(t, "final"), Value::small_int(0)};
    static const char* const kNames[] = {"name", "cache_tag", "version", "_multiarch"};
    Value values[4] = {str_from_ascii(t, "pypy_stm"), none(), tuple_from(t, vi, 5),
                       str_from_ascii(t, "x86_64-linux-gnu")};
    set("implementation", make_struct(t, kNames, values, 4));
  }
  return m;
}

} // namespace interp
