// interp/modules/io.cc - the _io module: open(), StringIO and BytesIO, and the base
// classes io.py derives its ABCs from.
//
// One C++ object serves every stream class here: an Instance-layout object carrying the
// content and the position. In-memory streams keep their whole content (a str or
// bytes). Regular files opened for reading are read on demand (kWindow): binary ones ('rb',
// 'r+b', 'w+b', FileIO 'r'), and text ones that only read ('r') in UTF-8, whose pieces
// decode on their own. The content is a window of the file from `base` on, filled in
// pieces of 64 KiB (to the end at once for read()); seek() moves inside it or reads again
// from the target (a text file from its start: its positions count characters), and a
// write or truncate drops it (reading goes on from the file after what was written). Regular
// text files that also write (r+, w+, a+) are a TextIOWrapper over a BufferedRandom over a
// FileIO, as CPython's are; other text in other codecs is read whole when opened. Pipes,
// sockets and terminals ("streams") are read on demand, keeping only what is read and not yet
// taken, and a read with nothing there yet waits like a lock (block_on: outside the transaction
// where the caller allows it, else in place, see vm::can_wait_outside). Regular files that only
// write (w, a, x, block-buffered) hand each write() to the running transaction, which writes the
// bytes when it commits and drops them when it aborts (vm::defer_file_write), as sys.stdout's
// output is; flush(), seek(), truncate() and close() write them first. Other files opened for
// writing write through at each write() (binary files at the position, so r+b updates in place). A
// TextIOWrapper made over a binary stream reads that stream whole at its first read (over a pipe
// opened here, or a BufferedReader over a raw stream that cannot seek, it reads on demand itself)
// and writes through its write(). Every other file operation, each read of a file read on demand
// too, makes the running transaction inevitable first (it cannot be undone), so a write never has
// to be rolled back. Text is decoded and encoded with the codec named by encoding= (UTF-8 by
// default). A BytesIO whose getbuffer() was called keeps its content in a bytearray from then on,
// which the memoryview views: writes through the view change the stream and the stream's writes are
// seen through the view. Missing: CPython's BufferError ("Existing exports of data: object cannot
// be re-sized") for writing to or resizing a BytesIO while a view from getbuffer() is alive; views
// are not counted (no reference counts tell when one dies), so the write goes ahead and the view
// keeps its length, reading only the bytes that are still there. BufferedReader/Writer/Random made
// directly wrap any raw stream: read on demand through raw.readinto() and a buffer of buffer_size
// bytes, as CPython's are (io_buffered.cc), and written through; open() still makes one object for
// the raw file and its buffer (BufferedReader & co. name the binary file class); FileIO(file, mode,
// closefd, opener) is open(file, mode + 'b', buffering=0, closefd=closefd, opener=opener). A file
// made with closefd=False leaves its descriptor open at close(), a binary one moved to where
// its position stands. Descriptors 0 to 2 are never closed. A binary file read on demand
// counts positions from the file's start, wherever its descriptor stood when it was made.
// Missing: on-demand reading of text files that also write, text tell() cookies after reading
// (positions count characters), the offset a descriptor already had when a text file or
// a writing file was made over it (reading starts there, positions count from 0), peek()
// answering up to st_blksize as CPython's (DEFAULT_BUFFER_SIZE here).
#include "interp/compile_source.h"
#include "interp/interp.h"
#include "interp/modules/io_stream.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc
// bytearray.cc.
Value bytearray_from(Thread& t, std::string_view data, Value cls = {});
bool bytearray_set_contents(Thread& t, Value self, std::string_view data);

using namespace io;

Value io::call_named(Thread& t, Value obj, const char* method, const Value* args,
                     std::size_t nargs) {
  Value f = getattr(t, obj, intern_literal(t, method));
  return f ? call(t, f, args, nargs) : Value();
}

Value io::unsupported(Thread& t, const char* what) {
  Value cls = module_attr(t, "_io", "UnsupportedOperation");
  return cls ? raise(t, cls, what) : Value();
}

namespace {

// A regular file that only writes, block-buffered as CPython's default: its writes wait
// in the transaction and reach the descriptor when it commits (vm::defer_file_write), so
// an aborted transaction writes nothing and a thread writing a file need not run
// inevitable. FileIO (buffering=0), line buffering and write_through write at once.
bool defers_writes(Value self) {
  std::int64_t f = R(self)->flags;
  return (f & kFile) && (f & kWritable) &&
         !(f & (kReadable | kStream | kWritesWait | kWindow | kTxOutput | kRaw | kLineBuffering |
                kWriteThrough)) &&
         !R(self)->buffer;
}

// A failure of an earlier commit's writes to the file, raised at its next write, flush or
// close: false with the exception.
bool no_file_error(Thread& t, Value self) {
  if (int error = vm::take_file_error(int(R(self)->fd))) {
    raise_os_error(t, error, {});
    return false;
  }
  return true;
}

// Before anything else uses the descriptor (seek, truncate, flush, close): what the
// transaction wrote goes out first.
bool write_deferred(Thread& t, Value self) {
  if (!defers_writes(self)) return true;
  if (vm::has_deferred_writes(t, int(R(self)->fd)))
    vm::become_inevitable_with_output(t, "flushing a file");
  return no_file_error(t, self);
}

// A read: the line endings of a file read whole at open count from now on.
void newlines_read(Value self) {
  if (std::int64_t seen = R(self)->seen_newlines; seen >> kSeenPendingShift)
    W(self)->seen_newlines = (seen | seen >> kSeenPendingShift) & ((1 << kSeenPendingShift) - 1);
}

// A pipe, socket or terminal: a write to it may wait for a reader for ever.
bool stat_is_stream(const struct stat& st) {
  return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISCHR(st.st_mode);
}

Value io_class(Thread& t, const char* cls) {
  return module_attr(t, "_io", cls);
}

// A binary file with a buffer of its own (not FileIO, not BytesIO): CPython's
// BufferedReader/Writer/Random, whose messages differ from the other streams'.
bool buffered_file(Value self) {
  std::int64_t f = R(self)->flags;
  return (f & kBinary) && ((f & kFile) || R(self)->buffer) && !(f & kRaw);
}

// Which of CPython's classes a check on a closed stream stands for, which decides the
// message: the stream's own method, one a file hands to its raw file (fileno, isatty, ...),
// or one inherited from IOBase (readlines, __enter__, ...), which all say it the same.
enum class ClosedCheck { kOwn, kDelegated, kIOBase };

// `buffered_message` is what a buffered file says instead ("read of closed file"). A raw
// file's own methods, and the ones a file hands to its raw file, say it without the full
// stop, as CPython's FileIO does; so does StringIO.
bool join_appended(Thread& t, Value self);

// Raises the ValueError of an operation on a closed stream; an open one gets its appended
// writes joined into its content (`join`: unless the caller is write() itself).
bool check_open(Thread& t, Value self, const char* buffered_message = nullptr,
                ClosedCheck check = ClosedCheck::kOwn, bool join = true) {
  if (!(R(self)->flags & kClosed)) return !join || join_appended(t, self);
  bool file = (R(self)->flags & kFile) || R(self)->buffer;
  const char* message = "I/O operation on closed file.";
  // IOBase's own methods (readlines, writelines, __iter__) say it with the full stop, on
  // any stream.
  if (check == ClosedCheck::kIOBase)
    message = "I/O operation on closed file.";
  else if (buffered_message && buffered_file(self))
    message = buffered_message;
  else if ((R(self)->flags & kRaw) || (check == ClosedCheck::kDelegated && file) ||
           !(file || binary(self)))
    message = "I/O operation on closed file";
  raise(t, exc(E_ValueError), message);
  return false;
}

std::int64_t content_length(Value c) {
  return str_check(c) ? str_length(c) : std::int64_t(bytes_view(c).size());
}

bool join_appended(Thread& t, Value self) {
  Value chunks = R(self)->appended;
  if (!chunks) return true;
  Value c = R(self)->content;
  Value joined;
  if (str_check(c)) {
    // The list holds the chunks alive while the vector names them.
    std::vector<Value> items{c};
    for (std::int64_t i = 0; i < list_length(chunks); ++i)
      items.push_back(list_item(chunks, i));
    joined = str_join_values(t, {}, items.data(), items.size());
  } else {
    std::string out(bytes_view(c));
    out.reserve(out.size() + std::size_t(R(self)->appended_length));
    for (std::int64_t i = 0; i < list_length(chunks); ++i)
      out += bytes_view(list_item(chunks, i));
    joined = bytes_new(t, out);
  }
  if (!joined) return false;
  IOObject* o = W(self);
  o->content = joined;
  o->appended = Value();
  o->appended_length = 0;
  return true;
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
  o->pos = 0;
  o->newline = kNewlineLF;
  o->seen_newlines = 0;
  o->buffer = o->encoding = o->errors = o->raw_tail = o->appended = Value();
  o->appended_length = 0;
  o->buffer_size = 8192;
  o->raw_pos = -1;
  o->base = 0;
  o->content = empty_of(t, flags & kBinary);
  fresh<IOObject>(s)->name = none();
  fresh<IOObject>(s)->mode = none();
  return s;
}

bool parse_newline(Thread& t, const char* fn, Value v, std::int64_t& out);

// Records which line endings `text` holds, for `newlines`, where the stream's mode tracks
// them (newline=None or '').
void note_newlines(Value self, Value text) {
  std::int64_t mode = R(self)->newline;
  if (mode != kUniversal && mode != kUntranslated) return;
  std::int64_t seen = R(self)->seen_newlines, n = str_length(text);
  for (std::int64_t i = 0; i < n; ++i) {
    char32_t c = str_at(text, i);
    if (c == '\n') {
      seen |= kSeenLF;
    } else if (c == '\r') {
      bool pair = i + 1 < n && str_at(text, i + 1) == '\n';
      seen |= pair ? kSeenCRLF : kSeenCR;
      i += pair;
    }
  }
  if (seen != R(self)->seen_newlines) W(self)->seen_newlines = seen;
}

// What StringIO keeps of text written to it: with newline=None, '\r\n' and '\r' become
// '\n'; with '\r' or '\r\n', '\n' becomes that.
Value stringio_translate(Thread& t, Value self, Value text) {
  note_newlines(self, text);
  std::int64_t mode = R(self)->newline, n = str_length(text);
  if (mode != kUniversal && mode != kNewlineCR && mode != kNewlineCRLF) return text;
  std::u32string out;
  out.reserve(std::size_t(n));
  bool changed = false;
  for (std::int64_t i = 0; i < n; ++i) {
    char32_t c = str_at(text, i);
    if (mode == kUniversal && c == '\r') {
      out.push_back('\n');
      if (i + 1 < n && str_at(text, i + 1) == '\n') ++i;
      changed = true;
    } else if (mode != kUniversal && c == '\n') {
      out.append(mode == kNewlineCR ? U"\r" : U"\r\n");
      changed = true;
    } else {
      out.push_back(c);
    }
  }
  return changed ? str_from_code_points(t, out) : text;
}

// ---- constructors ------------------------------------------------------------------------------

Value memory_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool is_binary) {
  Value s = new_stream(t, args[0], (is_binary ? std::int64_t(kBinary) : 0) | kReadable | kWritable);
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
  }
  if (!is_binary) {
    // newline= as CPython's StringIO checks it (its messages differ from open()'s).
    if (Value v = arg_or_keyword(args, nargs, kwnames, 2, "newline")) {
      if (v != none() && !str_check(v))
        return raisef(t, exc(E_TypeError), "newline must be str or None, not %s",
                      type_name_of(v).c_str());
      if (v != none()) {
        std::string text = str_utf8(v);
        if (text != "" && text != "\n" && text != "\r" && text != "\r\n") {
          Value shown = repr(t, v);
          return shown ? raisef(t, exc(E_ValueError), "illegal newline value: %s",
                                str_utf8(shown).c_str())
                       : Value();
        }
      }
      std::int64_t mode;
      if (!parse_newline(t, "StringIO", v, mode)) return {};
      W(s)->newline = mode;
    }
    if (initial && initial != none()) {
      initial = stringio_translate(t, s, initial);
      if (!initial) return {};
    }
  }
  if (initial && initial != none()) wr<IOObject>(s)->content = initial;
  return s;
}

// The encoding a text stream was given: none for None and for "locale" (3.10's name for
// the locale's encoding, which is the default, UTF-8 here).
Value text_encoding_given(Value encoding) {
  if (!encoding || encoding == none()) return {};
  if (str_check(encoding) && str_equal_ascii(encoding, "locale")) return {};
  return encoding;
}

INTERP_NATIVE(stringio_new) {
  return memory_new(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(bytesio_new) {
  return memory_new(t, args, nargs, kwnames, true);
}
// _IOBase(*args, **kwargs): an open stream with nothing in it, for the classes io.py and
// user code derive from the bases (their own methods supply the content).
INTERP_NATIVE(iobase_new) {
  if (nargs < 1 || !is_layout(args[0], Layout::Type))
    return raise(t, exc(E_TypeError), "_IOBase.__new__(X): X is not a type object");
  return new_stream(t, args[0], 0);
}
INTERP_NATIVE(init_noop) {
  return none();
}

bool is_utf8_name(Value encoding) {
  if (!encoding || encoding == none()) return true;
  std::string n;
  for (char c : str_utf8(encoding))
    n.push_back(c == '_' ? '-' : char(std::tolower(static_cast<unsigned char>(c))));
  return n == "utf-8" || n == "utf8" || n == "u8";
}

bool strict_errors(Value errors) {
  return !errors || errors == none() || str_utf8(errors) == "strict";
}

// newline= checked as CPython's open() and TextIOWrapper() do.
bool parse_newline(Thread& t, const char* fn, Value v, std::int64_t& out) {
  out = kUniversal;
  if (!v || v == none()) return true;
  if (!str_check(v)) {
    raisef(t, exc(E_TypeError), "%s argument 'newline' must be str or None, not %s", fn,
           type_name_of(v).c_str());
    return false;
  }
  std::string n = str_utf8(v);
  if (n.empty())
    out = kUntranslated;
  else if (n == "\n")
    out = kNewlineLF;
  else if (n == "\r")
    out = kNewlineCR;
  else if (n == "\r\n")
    out = kNewlineCRLF;
  else {
    raisef(t, exc(E_ValueError), "illegal newline value: %s", n.c_str());
    return false;
  }
  return true;
}

// Bytes read from a file or a buffer as text: decoded with the stream's codec, then with
// '\r\n' and '\r' read as '\n' for universal newlines.
Value decode_text(Thread& t, Value self, Value data) {
  Value text;
  if (is_utf8_name(R(self)->encoding) && strict_errors(R(self)->errors)) {
    std::string_view v = bytes_view(data);
    text = str_from_utf8(t, std::string(v));
  } else {
    Value a[2] = {R(self)->encoding ? R(self)->encoding : str_from_ascii(t, "utf-8"),
                  R(self)->errors ? R(self)->errors : str_from_ascii(t, "strict")};
    Value decode = getattr(t, data, intern_literal(t, "decode"));
    text = decode ? call(t, decode, a, 2) : Value();
  }
  if (text) note_newlines(self, text);
  if (!text || R(self)->newline != kUniversal) return text;
  std::int64_t n = str_length(text);
  std::u32string out;
  out.reserve(std::size_t(n));
  bool changed = false;
  for (std::int64_t i = 0; i < n; ++i) {
    char32_t c = str_at(text, i);
    if (c == '\r') {
      changed = true;
      out.push_back('\n');
      if (i + 1 < n && str_at(text, i + 1) == '\n') ++i;
    } else {
      out.push_back(c);
    }
  }
  return changed ? str_from_code_points(t, out) : text;
}

// Whether any code point of `text` is a surrogate, which only an error handler can
// encode in UTF-8.
bool has_surrogates(Value text) {
  if (rd<StrObject>(text)->kind == 1) return false; // Latin-1 only
  std::int64_t n = str_length(text);
  for (std::int64_t i = 0; i < n; ++i)
    if (char32_t c = str_at(text, i); c >= 0xD800 && c <= 0xDFFF) return true;
  return false;
}

// Text to be written, as bytes: '\n' written as the newline= ending, then encoded.
Value encode_text(Thread& t, Value self, Value text) {
  std::int64_t nl = R(self)->newline;
  if (nl == kNewlineCR || nl == kNewlineCRLF) {
    std::int64_t n = str_length(text);
    std::u32string out;
    out.reserve(std::size_t(n));
    for (std::int64_t i = 0; i < n; ++i) {
      char32_t c = str_at(text, i);
      if (c != '\n')
        out.push_back(c);
      else if (nl == kNewlineCR)
        out.push_back('\r');
      else
        out.append(U"\r\n");
    }
    text = str_from_code_points(t, out);
    if (!text) return {};
  }
  // Without surrogates every error handler gives the same UTF-8; with them the codec
  // decides (strict raises UnicodeEncodeError, as in CPython).
  if (is_utf8_name(R(self)->encoding) && !has_surrogates(text)) return bytes_new(t, str_utf8(text));
  Value a[2] = {R(self)->encoding ? R(self)->encoding : str_from_ascii(t, "utf-8"),
                R(self)->errors ? R(self)->errors : str_from_ascii(t, "strict")};
  Value encode = getattr(t, text, intern_literal(t, "encode"));
  return encode ? call(t, encode, a, 2) : Value();
}

// A TextIOWrapper's first read takes what its buffer has left.
bool load(Thread& t, Value self) {
  if (!(R(self)->flags & kUnloaded)) return true;
  Value data = call_named(t, R(self)->buffer, "read", nullptr, 0);
  if (!data) return false;
  if (!isinstance(data, T_bytes)) {
    raisef(t, exc(E_TypeError), "underlying read() should have returned a bytes object, not '%s'",
           type_name_of(data).c_str());
    return false;
  }
  Value text = binary(self) ? data : decode_text(t, self, data);
  if (!text) return false;
  IOObject* o = W(self);
  o->content = text;
  o->pos = 0;
  o->flags &= ~std::int64_t(kUnloaded);
  return true;
}

// TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
// write_through=False): text over a binary stream, read from it at the first read.
// Sets a TextIOWrapper up over its buffer: for the exact class in __new__, for a
// subclass's object (made bare by __new__) in __init__, which the subclass's own __init__
// calls with the arguments (argparse's tests wrap a BufferedWriter so).
bool init_text_wrapper(Thread& t, Value s, const Value* args, std::size_t nargs, Value kwnames) {
  static const char* const kAllowed[] = {"buffer",         "encoding",      "errors", "newline",
                                         "line_buffering", "write_through", nullptr};
  if (!check_keywords(t, "TextIOWrapper", kwnames, kAllowed)) return false;
  if (nargs - keyword_count(kwnames) > 7) {
    raisef(t, exc(E_TypeError), "TextIOWrapper() takes at most 6 arguments (%zu given)", nargs - 1);
    return false;
  }
  Value buffer = arg_or_keyword(args, nargs, kwnames, 1, "buffer");
  Value encoding = arg_or_keyword(args, nargs, kwnames, 2, "encoding");
  Value errors = arg_or_keyword(args, nargs, kwnames, 3, "errors");
  Value newline_v = arg_or_keyword(args, nargs, kwnames, 4, "newline");
  if (!buffer) {
    raise(t, exc(E_TypeError), "TextIOWrapper() missing required argument 'buffer' (pos 1)");
    return false;
  }
  for (Value v : {encoding, errors})
    if (v && v != none() && !str_check(v)) {
      raisef(t, exc(E_TypeError), "TextIOWrapper() argument '%s' must be str or None, not %s",
             v == encoding ? "encoding" : "errors", type_name_of(v).c_str());
      return false;
    }
  std::int64_t newline;
  if (!parse_newline(t, "TextIOWrapper()", newline_v, newline)) return false;
  std::int64_t flags = 0;
  for (const char* ask : {"readable", "writable"}) {
    Value answer = call_named(t, buffer, ask, nullptr, 0);
    int yes = answer ? truthy(t, answer) : -1;
    if (yes < 0) return false;
    if (yes) flags |= ask[0] == 'r' ? std::int64_t(kReadable | kUnloaded) : std::int64_t(kWritable);
  }
  // Over a pipe or socket opened here, the wrapper reads the descriptor on demand itself
  // (reading its buffer whole would wait for the writer to close); it starts with what the
  // buffer holds unread.
  Value taken;
  std::int64_t stream_fd = -1;
  if (flags & kReadable) {
    Value type = type_of(buffer);
    for (const char* cls : {"BufferedReader", "BufferedRandom", "FileIO"}) {
      Value c = io_class(t, cls);
      if (!c) return false;
      if (type != c) continue;
      // A buffer over a raw stream that cannot seek (a socket's SocketIO) is read on
      // demand too, through its read1(); one that can is read whole at the first read.
      bool stream = R(buffer)->flags & kStream;
      if (!stream && reads_raw(buffer)) {
        Value seekable = call_named(t, buffer, "seekable", nullptr, 0);
        int yes = seekable ? truthy(t, seekable) : -1;
        if (yes < 0) clear_pending(t);
        stream = yes <= 0;
      }
      if (!stream) continue;
      Value rest = R(buffer)->content;
      std::int64_t len = content_length(rest);
      taken = slice_of(t, rest, std::min(R(buffer)->pos, len), len);
      if (!taken) return false;
      W(buffer)->pos = len;
      stream_fd = R(buffer)->fd;
      flags = (flags & ~std::int64_t(kUnloaded)) | kStream;
    }
  }
  IOObject* o = W(s);
  o->flags = flags;
  o->buffer = buffer;
  o->fd = stream_fd;
  o->raw_tail = taken;
  o->mode = Value(); // open() sets one; a wrapper made directly has none
  o->newline = newline;
  o->encoding = text_encoding_given(encoding);
  o->errors = errors && errors != none() ? errors : Value();
  return true;
}

INTERP_NATIVE(textiowrapper_new) {
  Value s = new_stream(t, args[0], 0);
  if (!s || args[0] != io_class(t, "TextIOWrapper")) return s;
  return init_text_wrapper(t, s, args, nargs, kwnames) ? s : Value();
}

INTERP_NATIVE(textiowrapper_init) {
  if (type_of(args[0]) == io_class(t, "TextIOWrapper")) return none();
  return init_text_wrapper(t, args[0], args, nargs, kwnames) ? none() : Value();
}

// Whether `cls` is one of the buffered classes itself, not a subclass: a subclass's
// __init__ may take other arguments (tarfile's ExFileObject takes a TarFile and a
// TarInfo) and passes the raw stream on to BufferedReader.__init__.
bool exact_io_class(Thread& t, Value cls) {
  for (const char* name : {"BufferedReader", "BufferedWriter", "BufferedRandom"})
    if (io_class(t, name) == cls) return true;
  return false;
}

// Makes `self` a buffered stream over `raw` (buffer_size as CPython checks it).
bool init_buffered(Thread& t, Value self, Value raw, Value size, const char* fname,
                   std::int64_t wants) {
  if (!raw) {
    raisef(t, exc(E_TypeError), "%s() missing required argument 'raw' (pos 1)", fname);
    return false;
  }
  std::int64_t n = 8192;
  if (size && !index_to_i64(t, size, n)) return false;
  if (n <= 0) {
    raise(t, exc(E_ValueError), "buffer size must be strictly positive");
    return false;
  }
  std::int64_t flags = kBinary;
  for (const char* ask : {"readable", "writable"}) {
    std::int64_t side = ask[0] == 'r' ? kReadable : kWritable;
    if (!(wants & side)) continue;
    Value answer = call_named(t, raw, ask, nullptr, 0);
    int yes = answer ? truthy(t, answer) : -1;
    if (yes < 0) return false;
    if (!yes) {
      unsupported(t, side == kReadable ? "File or stream is not readable."
                                       : "File or stream is not writable.");
      return false;
    }
    flags |= side;
  }
  IOObject* o = W(self);
  o->flags = flags;
  o->buffer = raw;
  // Reading goes through the buffer on demand (io_buffered.cc), writing straight through.
  buffered_start(t, self, n);
  return true;
}

// BufferedReader/BufferedWriter/BufferedRandom(raw, buffer_size=8192): bytes over a raw
// stream of any kind (gzip's decompressor, a socket's file): read on demand through a
// buffer (io_buffered.cc), and written through. `wants` says which sides the class
// has (a reader does not write even over a raw stream that could). A subclass's object is
// made bare here and set up by __init__.
Value buffered_over(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                    const char* fname, std::int64_t wants) {
  Value s = new_stream(t, args[0], kBinary);
  if (!s || !exact_io_class(t, args[0])) return s;
  static const char* const kAllowed[] = {"raw", "buffer_size", nullptr};
  if (!check_keywords(t, fname, kwnames, kAllowed)) return {};
  Value raw = arg_or_keyword(args, nargs, kwnames, 1, "raw");
  Value size = arg_or_keyword(args, nargs, kwnames, 2, "buffer_size");
  return init_buffered(t, s, raw, size, fname, wants) ? s : Value();
}

// BufferedReader.__init__ & co. as a subclass's __init__ calls them; the exact classes
// were set up by __new__.
Value buffered_init(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                    const char* fname, std::int64_t wants) {
  if (exact_io_class(t, type_of(args[0]))) return none();
  static const char* const kAllowed[] = {"raw", "buffer_size", nullptr};
  if (!check_keywords(t, fname, kwnames, kAllowed)) return {};
  Value raw = arg_or_keyword(args, nargs, kwnames, 1, "raw");
  Value size = arg_or_keyword(args, nargs, kwnames, 2, "buffer_size");
  return init_buffered(t, args[0], raw, size, fname, wants) ? none() : Value();
}
// The three buffered classes: their names and the sides each has.
struct BufferedKind {
  const char* name;
  std::int64_t sides;
};
constexpr BufferedKind kBufferedKinds[] = {{"BufferedReader", kReadable},
                                           {"BufferedWriter", kWritable},
                                           {"BufferedRandom", kReadable | kWritable}};

template <int K>
Value buffered_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  return buffered_over(t, args, nargs, kwnames, kBufferedKinds[K].name, kBufferedKinds[K].sides);
}
template <int K>
Value buffered_init_of(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  return buffered_init(t, args, nargs, kwnames, kBufferedKinds[K].name, kBufferedKinds[K].sides);
}

static Value io_read(Thread& t, const Value* args, std::size_t nargs, Value kwnames);

// RawIOBase.read(size=-1) for raw streams written in Python, which supply readinto():
// read(n) is one readinto() of n bytes, read() is readall(). Streams of this module keep
// their own read.
INTERP_NATIVE(raw_read) {
  Value self = args[0];
  if (R(self)->flags & (kReadable | kWritable)) return io_read(t, args, nargs, kwnames);
  if (!check_positional(t, "read", nargs, kwnames, 0, 1)) return {};
  std::int64_t n = -1;
  if (nargs > 1 && args[1] != none() && !index_to_i64(t, args[1], n)) return {};
  if (n < 0) return call_named(t, self, "readall", nullptr, 0);
  // As bytearray(n) would, without trying.
  if (n > (std::int64_t(1) << 40)) return raise_memory_error(t);
  Value b = bytearray_from(t, std::string(std::size_t(n), '\0'));
  if (!b) return {};
  Value got = call_named(t, self, "readinto", &b, 1);
  if (!got) return {};
  if (got == none()) return none();
  std::int64_t k;
  if (!index_to_i64(t, got, k)) return {};
  Value data = call1(t, type_value(T_bytes), b);
  if (!data) return {};
  return bytes_new(t, bytes_view(data).substr(0, std::size_t(std::clamp<std::int64_t>(k, 0, n))));
}

// RawIOBase.readall(): read() in DEFAULT_BUFFER_SIZE pieces until one comes back empty.
INTERP_NATIVE(raw_readall) {
  Value self = args[0];
  if (!check_positional(t, "readall", nargs, kwnames, 0, 0)) return {};
  std::string all;
  Value piece_size = Value::small_int(8192);
  for (;;) {
    Value piece = call_named(t, self, "read", &piece_size, 1);
    if (!piece) return {};
    if (piece == none()) return all.empty() ? none() : bytes_new(t, all);
    std::string_view v = bytes_view(piece);
    if (v.empty()) return bytes_new(t, all);
    all += v;
  }
}

// FileIO's mode as CPython spells it, from what the file was opened for: 'w+' reads back
// as 'rb+'. Buffered files show their raw file's.
std::string binary_mode(bool created, bool appending, bool readable, bool writable) {
  if (created) return readable ? "xb+" : "xb";
  if (appending) return readable ? "ab+" : "ab";
  if (readable) return writable ? "rb+" : "rb";
  return "wb";
}

// The TextIOWrapper over a BufferedRandom over `raw` that open() gives for a text file
// that reads and writes; the closing of either passes down to `raw`.
Value layer_text_file(Thread& t, Value raw, const std::string& mode, Value encoding, Value errors,
                      Value newline) {
  Value buffered_cls = io_class(t, "BufferedRandom");
  Value buffered = buffered_cls ? new_stream(t, buffered_cls, kBinary) : Value();
  if (!buffered || !init_buffered(t, buffered, raw, {}, "BufferedRandom", kReadable | kWritable))
    return {};
  Value text_cls = io_class(t, "TextIOWrapper");
  Value text = text_cls ? new_stream(t, text_cls, 0) : Value();
  Value args[5] = {text_cls, buffered, encoding ? encoding : none(), errors ? errors : none(),
                   newline ? newline : none()};
  if (!text || !init_text_wrapper(t, text, args, 5, {})) return {};
  Value mode_v = str_from_utf8(t, mode);
  if (!mode_v) return {};
  W(text)->mode = mode_v;
  return text;
}

// open() and, with fileio_cls, FileIO(): file, mode, buffering, encoding, errors, newline,
// closefd and opener, by position or keyword. A FileIO keeps `file` as given for its name
// and hands it so to the opener; open() first turns a path-like into its path.
Value open_file(Thread& t, const Value* args, std::size_t nargs, Value kwnames, Value fileio_cls) {
  static const char* const kAllowed[] = {"file",    "mode",    "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener",    nullptr};
  if (!check_keywords(t, "open", kwnames, kAllowed)) return {};
  Value file = arg_or_keyword(args, nargs, kwnames, 0, "file");
  Value closefd_v = arg_or_keyword(args, nargs, kwnames, 6, "closefd");
  Value opener = arg_or_keyword(args, nargs, kwnames, 7, "opener");
  Value mode_v = arg_or_keyword(args, nargs, kwnames, 1, "mode");
  Value encoding = arg_or_keyword(args, nargs, kwnames, 3, "encoding");
  Value errors = arg_or_keyword(args, nargs, kwnames, 4, "errors");
  Value newline_v = arg_or_keyword(args, nargs, kwnames, 5, "newline");
  Value buffering_v = arg_or_keyword(args, nargs, kwnames, 2, "buffering");
  if (!file) return raise(t, exc(E_TypeError), "open() missing required argument 'file' (pos 1)");
  std::int64_t buffering = -1;
  if (buffering_v && !index_to_i64(t, buffering_v, buffering)) return {};
  std::int64_t closefd = 1;
  if (closefd_v && !index_to_i64(t, closefd_v, closefd, true)) return {};
  if (opener == none()) opener = {};
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
  if (b && errors && errors != none())
    return raise(t, exc(E_ValueError), "binary mode doesn't take an errors argument");
  if (b && newline_v && newline_v != none())
    return raise(t, exc(E_ValueError), "binary mode doesn't take a newline argument");
  if (!b && buffering == 0) return raise(t, exc(E_ValueError), "can't have unbuffered text I/O");
  for (Value v : {encoding, errors})
    if (v && v != none() && !str_check(v))
      return raisef(t, exc(E_TypeError), "open() argument '%s' must be str or None, not %s",
                    v == encoding ? "encoding" : "errors", type_name_of(v).c_str());
  std::int64_t newline = kUniversal;
  if (!b && !parse_newline(t, "open()", newline_v, newline)) return {};
  std::string path;
  Value name_v = file;
  std::int64_t fd = -1;
  if (int_check(file)) {
    if (!index_to_i64(t, file, fd)) return {};
    if (fd < 0) return raise(t, exc(E_ValueError), "negative file descriptor");
  } else {
    if (!closefd) return raise(t, exc(E_ValueError), "Cannot use closefd=False with file name");
    Value p = file;
    if (!str_check(p) && !isinstance(p, T_bytes)) {
      Value f = type_lookup(type_of(p), intern_literal(t, "__fspath__"));
      if (!f)
        return raisef(t, exc(E_TypeError), "expected str, bytes or os.PathLike object, not %s",
                      type_name_of(p).c_str());
      p = call1(t, f, p);
      if (!p) return {};
    }
    if (!str_check(p))
      path = std::string(bytes_view(p));
    else if (!str_to_os_bytes(t, p, path))
      return {};
    if (path.find('\0') != std::string::npos)
      return raise(t, exc(E_ValueError), "embedded null byte");
    if (!fileio_cls) name_v = p;
  }
  stm::become_inevitable("open");
  if (fd < 0) {
    int flags = O_CLOEXEC;
    if (r) flags |= plus ? O_RDWR : O_RDONLY;
    if (w) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    if (a) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    if (x) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
    if (opener) {
      // opener(file, flags) opens it and gives the descriptor.
      Value opener_args[2] = {name_v, Value::small_int(flags)};
      Value got = call(t, opener, opener_args, 2);
      if (!got) return {};
      if (!int_check(got)) return raise(t, exc(E_TypeError), "expected integer from opener");
      if (!index_to_i64(t, got, fd, true)) return {};
      if (fd < 0)
        return raisef(t, exc(E_ValueError), "opener returned %lld", static_cast<long long>(fd));
    } else {
      fd = ::open(path.c_str(), flags, 0666);
      if (fd < 0) return raise_os_error(t, errno, name_v);
    }
  } else {
    struct stat given;
    if (::fstat(int(fd), &given) != 0) return raise_os_error(t, errno, {});
  }
  std::int64_t flags =
      kFile | (b ? std::int64_t(kBinary) : 0) | ((r || plus) ? std::int64_t(kReadable) : 0) |
      ((w || a || x || plus) ? std::int64_t(kWritable) : 0) | (a ? std::int64_t(kAppend) : 0) |
      (buffering == 0 ? std::int64_t(kRaw) : 0) | (closefd ? 0 : std::int64_t(kKeepFd));
  // A pipe, socket or terminal has no whole content to read at open: its writer may still
  // be writing (or waiting for what this process sends first). It is read on demand.
  struct stat st;
  bool stated = ::fstat(int(fd), &st) == 0;
  if ((flags & kReadable) && stated && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    flags |= kStream;
  if ((flags & kWritable) && stated && stat_is_stream(st)) flags |= kWritesWait;
  // A regular file opened for reading is read on demand (a file of 10 GB read line by
  // line holds a window of it): binary ones, and text ones that only read, in UTF-8,
  // whose pieces decode on their own. Text files that also write keep their content
  // whole, which their writes keep in step.
  if ((flags & kReadable) && stated && S_ISREG(st.st_mode) &&
      (b || (!(flags & kWritable) && is_utf8_name(text_encoding_given(encoding)))))
    flags |= kWindow;
  // A regular text file that reads and writes (r+, w+, a+) is layered as CPython's is: a
  // TextIOWrapper over a BufferedRandom over a FileIO, so that f.buffer and f.buffer.raw
  // are real and text and bytes written through either read back alike. The FileIO made
  // here is read on demand like a binary file.
  bool layered = !b && !fileio_cls && plus && stated && S_ISREG(st.st_mode);
  if (layered) flags |= kBinary | kRaw | kWindow;
  std::string data;
  // a+ reads what the file already holds too.
  bool read_whole = (r || (a && plus)) && !(flags & (kStream | kWindow));
  if (read_whole) {
    char buffer[65536];
    for (;;) {
      ssize_t n = ::read(int(fd), buffer, sizeof buffer);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        if (closefd) ::close(int(fd));
        return raise_os_error(t, err, name_v);
      }
      if (n == 0) break;
      data.append(buffer, std::size_t(n));
    }
    if (data.empty() && errno == EISDIR) return raise_os_error(t, EISDIR, name_v);
  }
  const char* cls_name = layered          ? "FileIO"
                         : !b             ? "TextIOWrapper"
                         : buffering == 0 ? "FileIO"
                         : r && !plus     ? "BufferedReader"
                         : plus           ? "BufferedRandom"
                                          : "BufferedWriter";
  Value cls = fileio_cls ? fileio_cls : io_class(t, cls_name);
  if (!cls) return {};
  Value s = new_stream(t, cls, flags);
  if (!s) return {};
  IOObject* o = W(s);
  o->newline = newline;
  o->encoding = text_encoding_given(encoding);
  o->errors = errors && errors != none() ? errors : Value();
  Value content = bytes_new(t, data);
  if (content && !binary(s)) {
    content = decode_text(t, s, content);
    // `newlines` counts what was read: the endings of a file read whole at open show
    // from its first read on (newlines_read).
    W(s)->seen_newlines = R(s)->seen_newlines << kSeenPendingShift;
  }
  if (!content) return {};
  o = W(s);
  o->content = content;
  // Appending starts at the end, where tell() says it is (in the content, for a+).
  if (a && !(flags & kWindow))
    o->pos = read_whole ? content_length(content)
                        : std::max<std::int64_t>(0, ::lseek(int(fd), 0, SEEK_END));
  o->fd = fd;
  // A binary file's positions count from the file's start, wherever its descriptor stood.
  // Appending starts at the end.
  if ((flags & kWindow) && binary(s))
    o->base = std::max<std::int64_t>(0, ::lseek(int(fd), 0, a ? SEEK_END : SEEK_CUR));
  o->name = name_v;
  o->mode = str_from_utf8(t, binary(s) ? binary_mode(x, a, r || plus, w || a || x || plus) : mode);
  return layered ? layer_text_file(t, s, mode, encoding, errors, newline_v) : s;
}

INTERP_NATIVE(io_open) {
  return open_file(t, args, nargs, kwnames, {});
}

// ---- reading
// -------------------------------------------------------------------------------------

bool readable(Thread& t, Value self, const char* closed_message = "read of closed file",
              const char* op = "read") {
  // A buffered file that cannot read says so even when closed.
  bool can_read = R(self)->flags & kReadable;
  if ((can_read || !buffered_file(self)) && !check_open(t, self, closed_message)) return false;
  if (!can_read) {
    // A class written in Python over the base classes has no side of its own: the base
    // class's method names itself, as CPython's BufferedIOBase and TextIOBase do.
    bool base_only = !(R(self)->flags & kWritable);
    unsupported(t, binary(self) || base_only ? op : "not readable");
    return false;
  }
  return load(t, self);
}

// ---- streams read on demand
// ----------------------------------------------------------------------

// The descriptor a thread waits on to become readable, read by read_ready outside any
// transaction (the thread that set it is the one that waits).
thread_local int waited_read_fd = -1;

bool read_ready(Value) {
  pollfd p{waited_read_fd, POLLIN, 0};
  return ::poll(&p, 1, 0) != 0; // an error is reported by the read run again
}

// How many of the bytes in `raw` a text stream can decode now: an incomplete UTF-8
// sequence at the end waits for the rest, and so does a final '\r' (a '\n' may follow it).
std::size_t decodable_prefix(Value self, std::string_view raw) {
  std::size_t n = raw.size();
  if (is_utf8_name(R(self)->encoding)) {
    std::size_t lead = n;
    for (std::size_t back = 0; back < 4 && back < n; ++back) {
      unsigned char c = static_cast<unsigned char>(raw[n - 1 - back]);
      if ((c & 0xC0) != 0x80) {
        lead = n - 1 - back;
        break;
      }
    }
    if (lead < n) {
      unsigned char c = static_cast<unsigned char>(raw[lead]);
      std::size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (lead + need > n) n = lead;
    }
  }
  if (n > 0 && raw[n - 1] == '\r') --n;
  return n;
}

// Reads once from a stream's descriptor, at most `want` bytes, and adds them to what is
// left unread (the part already read is dropped). At end of file it sets kEOF. Returns
// false with an exception pending, or with t.block_on set: nothing can be read yet, and
// the caller returns at once so that the instruction runs again after the wait. Callers
// keep no state of their own across that retry: what was read stays in the stream.
// One read of at most `want` bytes from the stream a stream without a descriptor reads
// (a BufferedReader's raw stream written in Python, or a TextIOWrapper's BufferedReader
// over one): read1 where it has one, else read; its own calls wait as they need to.
bool read_from_buffer(Thread& t, Value self, std::size_t want, std::string& got) {
  Value b = R(self)->buffer;
  Value m = getattr_opt(t, b, intern_literal(t, "read1"));
  if (!m && !t.pending) m = getattr(t, b, intern_literal(t, "read"));
  Value n = m ? int_from_i64(t, std::int64_t(std::max<std::size_t>(want, 1))) : Value();
  Value data = n ? call1(t, m, n) : Value();
  if (!data) return false;
  if (data == none()) {
    raise_os_error(t, EAGAIN, {}); // a non-blocking raw stream with nothing to read yet
    return false;
  }
  if (!isinstance(data, T_bytes)) {
    raisef(t, exc(E_TypeError), "underlying read() should have returned a bytes object, not '%s'",
           type_name_of(data).c_str());
    return false;
  }
  got = std::string(bytes_view(data));
  return true;
}

// The descriptor a write to a stream waits on, read by write_ready outside any transaction.
thread_local int waited_write_fd = -1;

bool write_ready(Value) {
  pollfd p{waited_write_fd, POLLOUT, 0};
  return ::poll(&p, 1, 0) != 0; // an error is reported by the write that follows
}

} // namespace

bool descriptor_is_stream(int fd) {
  struct stat st;
  return ::fstat(fd, &st) == 0 && stat_is_stream(st);
}

// A write to a pipe may wait for a reader for ever, so it never blocks inside the
// transaction. Each write(2) is at most PIPE_BUF bytes, which a pipe that polls writable
// always takes without blocking. A descriptor in non-blocking mode is written as it is:
// it never waits, and EAGAIN is the caller's answer.
std::int64_t write_to_stream(Thread& t, int fd, std::string_view bytes, bool partial_on_signal) {
  int mode = ::fcntl(fd, F_GETFL);
  if (mode >= 0 && (mode & O_NONBLOCK)) {
    stm::become_inevitable("write");
    ssize_t w = ::write(fd, bytes.data(), bytes.size());
    if (w < 0) return raise_os_error(t, errno, {}), -1;
    return w;
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    pollfd p{fd, POLLOUT, 0};
    int ready = ::poll(&p, 1, 0);
    if (ready < 0 && errno != EINTR) return raise_os_error(t, errno, {}), -1;
    if (ready == 0) {
      waited_write_fd = fd;
      if (vm::can_wait_outside(t)) {
        t.block_on = none();
        t.block_ready = write_ready;
        t.block_deadline = -1;
        vm::wait_in_call(t);
        t.block_retry = {};
      } else {
        // An atomic block does not break: it waits holding its transaction.
        p.revents = 0;
        ::poll(&p, 1, -1);
      }
    }
    if (t.main && signals_tripped.load()) {
      if (partial_on_signal && done > 0) break;
      if (!run_signal_handlers(t, t.frame)) return -1;
    }
    if (ready <= 0 && !write_ready(none())) continue;
    stm::become_inevitable("write");
    std::size_t chunk = std::min<std::size_t>(bytes.size() - done, PIPE_BUF);
    ssize_t w = ::write(fd, bytes.data() + done, chunk);
    if (w < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return raise_os_error(t, errno, {}), -1;
    }
    done += std::size_t(w);
  }
  return std::int64_t(done);
}

namespace {

// A regular file's next `want` bytes (want < 0: all up to its end), read at the
// descriptor's offset. It never waits, so it reads inside the transaction.
bool read_file(Thread& t, int fd, std::int64_t want, std::string& got, bool& eof) {
  stm::become_inevitable("read");
  if (want < 0) {
    // Sized from what the file holds past the offset, so it is read in one go.
    struct stat st;
    off_t at = ::lseek(fd, 0, SEEK_CUR);
    if (::fstat(fd, &st) == 0 && at >= 0 && st.st_size > at) want = st.st_size - at + 1;
  }
  std::size_t chunk = want < 0 ? 65536 : std::size_t(want);
  for (;;) {
    std::size_t done = got.size();
    got.resize(done + chunk);
    ssize_t n = ::read(fd, got.data() + done, chunk);
    int error = errno;
    got.resize(done + std::size_t(std::max<ssize_t>(n, 0)));
    if (n < 0 && error == EINTR) continue;
    if (n < 0) {
      raise_os_error(t, error, {});
      return false;
    }
    if (n == 0) {
      eof = true;
      return true;
    }
    if (want >= 0 && got.size() >= std::size_t(want)) return true;
    if (want >= 0) chunk = std::size_t(want) - got.size();
  }
}

bool fill(Thread& t, Value self, std::int64_t want) {
  if (t.block_retry == none()) t.block_retry = {};
  int fd = int(R(self)->fd);
  std::string got;
  bool eof = false;
  if (R(self)->flags & kWindow) {
    if (!read_file(t, fd, want, got, eof)) return false;
  } else if (fd < 0 && R(self)->buffer) {
    if (!read_from_buffer(t, self, std::size_t(want), got)) return false;
  } else {
    pollfd p{fd, POLLIN, 0};
    int ready;
    do {
      ready = ::poll(&p, 1, 0);
    } while (ready < 0 && errno == EINTR);
    // A non-blocking descriptor is read at once: EAGAIN is its answer, not a wait.
    if (ready == 0 && vm::can_wait_outside(t) && !(::fcntl(fd, F_GETFL) & O_NONBLOCK)) {
      // Polling changed nothing, so the transaction need not be inevitable to wait.
      waited_read_fd = fd;
      t.block_on = none();
      t.block_ready = read_ready;
      t.block_deadline = -1;
      return false;
    }
    stm::become_inevitable("read");
    got.assign(std::size_t(std::max<std::int64_t>(want, 1)), '\0');
    ssize_t n;
    do {
      n = ::read(fd, got.data(), got.size());
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      raise_os_error(t, errno, {});
      return false;
    }
    got.resize(std::size_t(n));
  }
  eof = eof || got.empty();
  Value c = R(self)->content;
  std::int64_t len = content_length(c), pos = std::min(R(self)->pos, len);
  Value rest = slice_of(t, c, pos, len);
  if (!rest) return false;
  Value added;
  if (binary(self)) {
    added = bytes_new(t, got);
  } else {
    std::string raw(R(self)->raw_tail ? bytes_view(R(self)->raw_tail) : std::string_view());
    raw += got;
    std::size_t ready_bytes = eof ? raw.size() : decodable_prefix(self, raw);
    Value tail = bytes_new(t, std::string_view(raw).substr(ready_bytes));
    Value head = tail ? bytes_new(t, std::string_view(raw).substr(0, ready_bytes)) : Value();
    added = head ? decode_text(t, self, head) : Value();
    if (!added) return false;
    W(self)->raw_tail = tail;
  }
  if (!added) return false;
  Value joined = content_length(rest) ? binary_op(t, rest, added, bytecode::BinaryOp::Add) : added;
  if (!joined) return false;
  IOObject* o = W(self);
  o->content = joined;
  if (o->flags & kWindow) o->base += pos; // what was taken before is dropped
  o->pos = 0;
  if (eof) o->flags |= kEOF;
  return true;
}

// A file's end of file is looked at again at each read: another writer may have added to
// it since.
void see_file_grow(Value self) {
  if ((R(self)->flags & (kWindow | kEOF)) == (kWindow | kEOF))
    W(self)->flags = R(self)->flags & ~std::int64_t(kEOF);
}

// A file read on demand forgets what it read and goes on reading at byte `at` of the file
// (a text file only at 0, its start: its positions count characters). Moving the
// descriptor cannot be undone, so the transaction becomes inevitable first.
bool drop_window(Thread& t, Value self, off_t at) {
  stm::become_inevitable("seek");
  if (::lseek(int(R(self)->fd), at, SEEK_SET) < 0) {
    raise_os_error(t, errno, {});
    return false;
  }
  Value empty = empty_of(t, binary(self));
  if (!empty) return false;
  IOObject* o = W(self);
  o->content = empty;
  o->base = at;
  o->pos = 0;
  o->raw_tail = Value();
  o->flags &= ~std::int64_t(kEOF);
  return true;
}

std::int64_t unread(Value self) {
  return content_length(R(self)->content) -
         std::min(R(self)->pos, content_length(R(self)->content));
}

// Makes at least `n` characters or bytes unread (n < 0: everything up to end of file), or
// as many as there are before the end; a raw stream (or read1) settles for what one read
// gives. false: see fill.
bool fill_to(Thread& t, Value self, std::int64_t n, bool one_read) {
  if (R(self)->flags & kWindow) {
    // A file is read in large pieces (or to its end at once); a raw one's read(n) gives n
    // as well, as a regular file's single read does.
    while (!(R(self)->flags & kEOF) && (n < 0 || unread(self) < n))
      if (!fill(t, self, n < 0 ? -1 : std::max<std::int64_t>(n - unread(self), 65536)))
        return false;
    return true;
  }
  while (!(R(self)->flags & kEOF) && (n < 0 || unread(self) < n)) {
    if (one_read && unread(self) > 0) return true;
    std::int64_t want = n < 0 || one_read ? 65536 : std::max<std::int64_t>(n - unread(self), 1);
    if (!binary(self)) want = std::max<std::int64_t>(want, 8192);
    if (!fill(t, self, want)) return false;
    if (one_read) return true;
  }
  return true;
}

// read(n): a stream waits for n (n < 0: all up to end of file), as CPython's buffered and
// text files do; a raw one (buffering=0) returns what a single read gives.
Value read_impl(Thread& t, const Value* args, std::size_t nargs, bool one_read) {
  Value self = args[0];
  if (!readable(t, self, "read of closed file", one_read ? "read1" : "read")) return {};
  std::int64_t n = -1;
  if (nargs > 1 && args[1] != none() && !index_to_i64(t, args[1], n)) return {};
  if (R(self)->flags & (kStream | kWindow)) {
    if (n == 0) return empty_of(t, binary(self));
    see_file_grow(self);
    if (!fill_to(t, self, n, n >= 0 && (one_read || (R(self)->flags & kRaw)))) {
      // A non-blocking binary stream gives what it has, or None when it has nothing yet.
      if (!binary(self) || !matches(t, exception_type("BlockingIOError"))) return {};
      clear_pending(t);
      if (unread(self) == 0) return none();
    }
  }
  Value c = R(self)->content;
  std::int64_t len = content_length(c), pos = std::min(R(self)->pos, len);
  std::int64_t end = n < 0 ? len : std::min(len, pos + n);
  // All of it: the content itself (bytes and str do not change).
  Value out =
      pos == 0 && end == len && !is_layout(c, Layout::ByteArray) ? c : slice_of(t, c, pos, end);
  if (out) W(self)->pos = end;
  return out;
}

INTERP_NATIVE(io_read) {
  if (reads_raw(args[0])) {
    if (!check_positional(t, "read", nargs, kwnames, 0, 1)) return {};
    if (!readable(t, args[0])) return {};
    return buffered_read(t, args[0], nargs > 1 ? args[1] : Value());
  }
  newlines_read(args[0]);
  return read_impl(t, args, nargs, false);
}
INTERP_NATIVE(io_read1) {
  if (reads_raw(args[0])) {
    if (!check_positional(t, "read1", nargs, kwnames, 0, 1)) return {};
    if (!readable(t, args[0], "read of closed file", "read1")) return {};
    std::int64_t n = -1;
    if (nargs > 1 && args[1] != none() && !index_to_i64(t, args[1], n)) return {};
    return buffered_read1(t, args[0], n);
  }
  return read_impl(t, args, nargs, true);
}

// peek(size=0): what is buffered past the position, without moving it. A stream with
// nothing unread reads once (so at least one byte comes back unless at end of file). A
// file held whole has no buffer of its own; it answers as CPython's would after reading
// DEFAULT_BUFFER_SIZE-aligned chunks from the start, so peeking a large file does not copy
// all of it.
INTERP_NATIVE(io_peek) {
  Value self = args[0];
  if (!check_positional(t, "peek", nargs, kwnames, 0, 1)) return {};
  std::int64_t ignored = 0;
  if (nargs > 1 && !index_to_i64(t, args[1], ignored)) return {};
  if (!readable(t, self, "peek of closed file")) return {};
  if (reads_raw(self)) return buffered_peek(t, self);
  if ((R(self)->flags & kStream) && unread(self) == 0 && !(R(self)->flags & kEOF) &&
      !fill(t, self, 8192))
    return {};
  // A file answers up to the next DEFAULT_BUFFER_SIZE boundary of its position.
  std::int64_t at = R(self)->base + R(self)->pos;
  std::int64_t boundary = (at / 8192 + 1) * 8192;
  if (R(self)->flags & kWindow) {
    see_file_grow(self);
    if (!fill_to(t, self, boundary - at, false)) return {};
  }
  Value c = R(self)->content;
  std::int64_t len = content_length(c), pos = std::min(R(self)->pos, len);
  std::int64_t end = len;
  if (!(R(self)->flags & kStream)) end = std::min(len, boundary - R(self)->base);
  return slice_of(t, c, pos, end);
}

// Where the line starting at `pos` of content `c` ends (just after its ending); `ended`
// says whether a line ending or the size limit stopped it, rather than the content's end.
std::int64_t line_end(Value c, std::int64_t pos, std::int64_t limit, std::int64_t nl, bool& ended) {
  std::int64_t len = content_length(c), end = pos;
  ended = true;
  if (str_check(c)) {
    // Where a line ends depends on newline=; a '\r\n' is not split by the size limit
    // only when the limit falls after it.
    while (end < len && (limit < 0 || end - pos < limit)) {
      char32_t ch = str_at(c, end++);
      if (ch == '\n' && nl != kNewlineCR && nl != kNewlineCRLF) return end;
      if (ch == '\r' && nl == kNewlineCR) return end;
      if (ch == '\r' && (nl == kUntranslated || nl == kNewlineCRLF)) {
        bool crlf = end < len && str_at(c, end) == '\n';
        if (crlf && (limit < 0 || end - pos < limit)) return end + 1;
        if (nl == kUntranslated) return end;
      }
    }
  } else {
    std::string_view v = bytes_view(c);
    while (end < len && (limit < 0 || end - pos < limit)) {
      if (v[std::size_t(end++)] == '\n') return end;
    }
  }
  if (end == len && (limit < 0 || end - pos < limit)) ended = false;
  return end;
}

// IOBase.readline for a stream written in Python (zipfile's ZipExtFile calls it): it has
// no content here, only its own read() and perhaps peek(), which say where a line ends.
Value readline_through_read(Thread& t, Value self, std::int64_t limit) {
  Value peek = getattr_opt(t, self, intern_literal(t, "peek"));
  if (t.pending) return {};
  std::string line;
  while (limit < 0 || std::int64_t(line.size()) < limit) {
    std::int64_t want = 1;
    if (peek) {
      Value ahead = call1(t, peek, Value::small_int(1));
      if (!ahead) return {};
      if (!isinstance(ahead, T_bytes))
        return raisef(t, exc(E_OSError), "peek() should have returned a bytes object, not '%s'",
                      type_name(type_of(ahead)).c_str());
      std::string_view a = bytes_view(ahead);
      if (!a.empty()) {
        std::size_t n = a.find('\n');
        n = n == std::string_view::npos ? a.size() : n + 1;
        if (limit >= 0) n = std::min<std::size_t>(n, std::size_t(limit));
        want = std::int64_t(n);
      }
    }
    Value n = int_from_i64(t, want);
    Value got = n ? call_named(t, self, "read", &n, 1) : Value();
    if (!got) return {};
    if (!isinstance(got, T_bytes))
      return raisef(t, exc(E_OSError), "read() should have returned a bytes object, not '%s'",
                    type_name(type_of(got)).c_str());
    std::string_view b = bytes_view(got);
    if (b.empty()) break;
    line.append(b);
    if (line.back() == '\n') break;
  }
  return bytes_new(t, line);
}

INTERP_NATIVE(io_readline) {
  Value self = args[0];
  newlines_read(self);
  std::int64_t limit = -1;
  if (nargs > 1 && args[1] != none() && !index_to_i64(t, args[1], limit)) return {};
  if (!(R(self)->flags & (kReadable | kWritable))) {
    // TextIOBase leaves readline to its subclasses, as it does read.
    Value text_base = io_class(t, "_TextIOBase");
    if (!text_base) return {};
    if (is_subtype(type_of(self), text_base)) return unsupported(t, "readline");
    return readline_through_read(t, self, limit);
  }
  if (!readable(t, self, "readline of closed file")) return {};
  if (reads_raw(self)) return buffered_readline(t, self, limit);
  bool ended = false;
  std::int64_t end = 0;
  see_file_grow(self);
  // A stream reads until it holds the whole line (or its end of file).
  for (;;) {
    Value c = R(self)->content;
    end = line_end(c, std::min(R(self)->pos, content_length(c)), limit, R(self)->newline, ended);
    if (ended || !(R(self)->flags & (kStream | kWindow)) || (R(self)->flags & kEOF)) break;
    // A long line doubles what is read each time, so that it is not copied over and
    // over (a file's reads never wait, a stream's may; it reads what is there).
    std::int64_t want = 65536;
    if (R(self)->flags & kWindow) want = std::max(want, unread(self));
    if (!fill(t, self, want)) return {};
  }
  Value c = R(self)->content;
  std::int64_t pos = std::min(R(self)->pos, content_length(c));
  Value out = slice_of(t, c, pos, end);
  if (out) W(self)->pos = end;
  return out;
}

// The next line for iteration and readlines(): a class's own readline where it has one
// (LZMAFile and GzipFile keep their data in another stream), as CPython calls it.
Value next_line(Thread& t, const Value* args) {
  Value name = intern_literal(t, "readline");
  Value f = type_lookup(type_of(args[0]), name);
  if (f && !is_native_descriptor_type(type_of(f))) {
    Value bound = getattr(t, args[0], name);
    return bound ? call0(t, bound) : Value();
  }
  return io_readline(t, args, 1, {});
}

// A line's length; 0 ends the lines (a class's own readline may return any sized object).
bool line_length(Thread& t, Value line, std::int64_t& n) {
  if (str_check(line) || isinstance(line, T_bytes)) return n = content_length(line), true;
  return length(t, line, n);
}

INTERP_NATIVE(io_readlines) {
  Value self = args[0];
  newlines_read(self);
  if (!check_open(t, self, nullptr, ClosedCheck::kIOBase)) return {};
  // A stream is read to its end first: a wait halfway would run the call again, and the
  // lines taken before it would be lost.
  if ((R(self)->flags & kStream) && !(R(self)->flags & kClosed) && !fill_to(t, self, -1, false))
    return {};
  // A hint above 0 stops at the line that brings the total to it.
  std::int64_t hint = -1;
  if (nargs > 1 && args[1] != none()) {
    if (!lookup_special(t, args[1], N___index__))
      return t.pending ? Value()
                       : raisef(t, exc(E_TypeError), "argument should be integer or None, not '%s'",
                                type_name_of(args[1]).c_str());
    if (!index_to_i64(t, args[1], hint)) return {};
  }
  Value lines = list_new(t);
  if (!lines) return {};
  for (std::int64_t total = 0;;) {
    Value line = next_line(t, args);
    std::int64_t n;
    if (!line || !line_length(t, line, n)) return {};
    if (n == 0) return lines;
    if (!list_append(t, lines, line)) return {};
    total += n;
    if (hint > 0 && total >= hint) return lines;
  }
}

INTERP_NATIVE(io_next) {
  newlines_read(args[0]);
  Value line = next_line(t, args);
  std::int64_t n;
  if (!line || !line_length(t, line, n)) return {};
  if (n == 0) return raise_value(t, exc(E_StopIteration));
  return line;
}

INTERP_NATIVE(io_iter) {
  if (!check_open(t, args[0], nullptr, ClosedCheck::kIOBase)) return {};
  return args[0];
}

// ---- writing
// -------------------------------------------------------------------------------------

INTERP_NATIVE(io_write) {
  Value self = args[0];
  if (!check_positional(t, "write", nargs, kwnames, 1, 1)) return {};
  if ((R(self)->flags & kWritable) || !buffered_file(self)) {
    if (!check_open(t, self, "write to closed file", ClosedCheck::kOwn, false)) return {};
  }
  if (!(R(self)->flags & kWritable)) return unsupported(t, binary(self) ? "write" : "not writable");
  Value data = args[1];
  bool is_binary = binary(self);
  if (is_binary) {
    if (!isinstance(data, T_bytes)) {
      // Any buffer: bytearray, memoryview, array.array, mmap.mmap.
      std::string copy;
      if (!need_buffer(t, data, copy)) return {};
      data = bytes_new(t, copy);
      if (!data) return {};
    }
  } else if (!str_check(data)) {
    return raisef(t, exc(E_TypeError), "write() argument must be str, not %s",
                  type_name_of(data).c_str());
  }
  std::int64_t n = content_length(data);
  if (R(self)->flags & kTxOutput) {
    if (int error = vm::output_error(int(R(self)->fd))) return raise_os_error(t, error, {});
    std::string& out = R(self)->fd == 2 ? t.err : t.out;
    if (is_binary) {
      out += bytes_view(data);
    } else if (R(self)->newline != kNewlineCR && R(self)->newline != kNewlineCRLF &&
               is_utf8_name(R(self)->encoding) && !has_surrogates(data)) {
      out += str_utf8(data); // print()'s path: no bytes object in between
    } else {
      Value encoded = encode_text(t, self, data);
      if (!encoded) return {};
      out += bytes_view(encoded);
    }
    return int_from_i64(t, n);
  }
  if (R(self)->buffer) {
    Value encoded = is_binary ? data : encode_text(t, self, data);
    if (!encoded) return {};
    if (reads_raw(self) && !buffered_before_write(t, self)) return {};
    if (!call_named(t, R(self)->buffer, "write", &encoded, 1)) return {};
    if (reads_raw(self)) buffered_after_write(self);
    return int_from_i64(t, n);
  }
  if (R(self)->flags & kFile) {
    Value encoded = is_binary ? data : encode_text(t, self, data);
    if (!encoded) return {};
    std::string bytes(bytes_view(encoded));
    // A binary file is written at its position (r+b updates in place); files that cannot
    // seek (pipes, terminals) where the descriptor stands. So are text files, whose
    // descriptor stands at the end of the content: one that also reads (r+, w+) writes
    // inside its content at the bytes its characters before the position take.
    std::int64_t at = R(self)->base + R(self)->pos;
    bool inside_text = !is_binary && (R(self)->flags & kReadable) &&
                       !(R(self)->flags & (kStream | kAppend)) &&
                       at < content_length(R(self)->content);
    bool positioned = (is_binary && !(R(self)->flags & kAppend)) || inside_text;
    if (inside_text) {
      Value head = slice_of(t, R(self)->content, 0, at);
      Value head_bytes = head ? encode_text(t, self, head) : Value();
      if (!head_bytes) return {};
      at = std::int64_t(bytes_view(head_bytes).size());
    }
    bool deferred = defers_writes(self);
    if (deferred) {
      if (!no_file_error(t, self)) return {};
      vm::defer_file_write(t, int(R(self)->fd), positioned ? at : -1, bytes);
    } else if (R(self)->flags & (kStream | kWritesWait)) {
      if (write_to_stream(t, int(R(self)->fd), bytes, false) < 0) return {};
    } else {
      stm::become_inevitable("write");
      std::size_t done = 0;
      while (done < bytes.size()) {
        ssize_t w = positioned
                        ? ::pwrite(int(R(self)->fd), bytes.data() + done, bytes.size() - done,
                                   off_t(at + std::int64_t(done)))
                        : ::write(int(R(self)->fd), bytes.data() + done, bytes.size() - done);
        if (w < 0 && errno == ESPIPE && positioned) {
          positioned = false;
          continue;
        }
        if (w < 0) {
          if (errno == EINTR) continue;
          return raise_os_error(t, errno, {});
        }
        done += std::size_t(w);
      }
    }
    // A stream's position is where its reading stands; what is written goes elsewhere.
    if (R(self)->flags & kStream) return int_from_i64(t, n);
    if (R(self)->flags & kWindow) {
      // What was read ahead may be stale now: reading goes on after what was written, from
      // the file.
      int fd = int(R(self)->fd);
      off_t after = positioned ? off_t(at + std::int64_t(bytes.size())) : ::lseek(fd, 0, SEEK_CUR);
      if (!drop_window(t, self, after)) return {};
      return int_from_i64(t, n);
    }
    if (inside_text && R(self)->pos + n >= content_length(R(self)->content)) {
      // The content now ends with what was written: the descriptor goes there too.
      ::lseek(int(R(self)->fd), off_t(at + std::int64_t(bytes.size())), SEEK_SET);
    }
    if (!(R(self)->flags & kReadable)) {
      // Nothing to read back: the position counts bytes, as CPython's tell() does.
      if ((R(self)->flags & kAppend) && !deferred) {
        off_t end = ::lseek(int(R(self)->fd), 0, SEEK_CUR);
        W(self)->pos = end >= 0 ? end : R(self)->pos + std::int64_t(bytes.size());
      } else {
        W(self)->pos = R(self)->pos + std::int64_t(bytes.size());
      }
      return int_from_i64(t, n);
    }
    if (R(self)->flags & kAppend) W(self)->pos = content_length(R(self)->content);
    // A readable file keeps its content in step, below.
  }
  // In memory: splice at the position (appending is the common case). write() answers
  // with the length of its argument, whatever StringIO keeps of it.
  std::int64_t written = n;
  if (!is_binary && !(R(self)->flags & kFile) && !R(self)->buffer) {
    data = stringio_translate(t, self, data);
    if (!data) return {};
    n = content_length(data);
  }
  if (n > 0 && !(R(self)->flags & kFile) && !R(self)->buffer &&
      !is_layout(R(self)->content, Layout::ByteArray) &&
      R(self)->pos == content_length(R(self)->content) + R(self)->appended_length) {
    // At the end: kept aside until something reads the content.
    Value chunks = R(self)->appended;
    if (!chunks) {
      chunks = list_new(t);
      if (!chunks) return {};
      W(self)->appended = chunks;
    }
    if (!list_append(t, chunks, data)) return {};
    IOObject* o = W(self);
    o->appended_length += n;
    o->pos += n;
    return int_from_i64(t, written);
  }
  if (!join_appended(t, self)) return {};
  Value c = R(self)->content;
  std::int64_t len = content_length(c), pos = R(self)->pos;
  if (is_layout(c, Layout::ByteArray)) {
    // A BytesIO with a view from getbuffer(): changed in place, so the view sees it.
    std::string s(bytes_view(c));
    if (pos > len) s.resize(std::size_t(pos), '\0');
    s.replace(std::size_t(pos), std::size_t(n), bytes_view(data));
    if (!bytearray_set_contents(t, c, s)) return {};
    W(self)->pos = pos + n;
    return int_from_i64(t, n);
  }
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
  return int_from_i64(t, written);
}

INTERP_NATIVE(io_writelines) {
  if (!check_positional(t, "writelines", nargs, kwnames, 1, 1)) return {};
  if (!check_open(t, args[0], nullptr, ClosedCheck::kIOBase)) return {};
  // Each line goes through the class's own write() where it has one.
  Value name = intern_literal(t, "write");
  Value f = type_lookup(type_of(args[0]), name);
  Value write = f && !is_native_descriptor_type(type_of(f)) ? getattr(t, args[0], name) : Value();
  if (t.pending) return {};
  Value it = iter(t, args[1]);
  if (!it) return {};
  for (;;) {
    Value line = next(t, it);
    if (!line) return t.pending ? Value() : none();
    Value a[2] = {args[0], line};
    if (!(write ? call1(t, write, line) : io_write(t, a, 2, {}))) return {};
  }
}

// ---- the rest
// ------------------------------------------------------------------------------------

INTERP_NATIVE(io_getvalue) {
  if (!check_open(t, args[0])) return {};
  Value c = R(args[0])->content;
  return is_layout(c, Layout::ByteArray) ? bytes_new(t, bytes_view(c)) : c;
}

// BytesIO.getbuffer(): a writable memoryview of the content, which becomes a bytearray
// shared with the view (see the top of the file for what is not checked).
INTERP_NATIVE(io_getbuffer) {
  Value self = args[0];
  if (!check_positional(t, "BytesIO.getbuffer", nargs, kwnames, 0, 0)) return {};
  if (!check_open(t, self)) return {};
  Value c = R(self)->content;
  if (!is_layout(c, Layout::ByteArray)) {
    c = bytearray_from(t, bytes_view(c));
    if (!c) return {};
    W(self)->content = c;
  }
  return call1(t, type_value(T_memoryview), c);
}

// _checkClosed/_checkReadable/_checkWritable/_checkSeekable([msg]): what raw streams
// written in Python (socket.SocketIO) call before each operation. `ask` is the attribute
// or method whose answer must be false (closed) or true (the others).
Value check_stream(Thread& t, const Value* args, std::size_t nargs, const char* ask, bool method,
                   const char* message) {
  Value answer = method ? call_named(t, args[0], ask, nullptr, 0)
                        : getattr(t, args[0], intern_literal(t, ask));
  int yes = answer ? truthy(t, answer) : -1;
  if (yes < 0) return {};
  if (yes == !method) {
    // A message given by the caller replaces the default one.
    std::string text =
        nargs > 1 && args[1] != none() && str_check(args[1]) ? str_utf8(args[1]) : message;
    return method ? unsupported(t, text.c_str()) : raise(t, exc(E_ValueError), text);
  }
  return none();
}
INTERP_NATIVE(io_check_closed) {
  return check_stream(t, args, nargs, "closed", false, "I/O operation on closed file.");
}
INTERP_NATIVE(io_check_readable) {
  return check_stream(t, args, nargs, "readable", true, "File or stream is not readable.");
}
INTERP_NATIVE(io_check_writable) {
  return check_stream(t, args, nargs, "writable", true, "File or stream is not writable.");
}
INTERP_NATIVE(io_check_seekable) {
  return check_stream(t, args, nargs, "seekable", true, "File or stream is not seekable.");
}

// An object of a class written in Python over IOBase itself (GzipFile, LZMAFile, ...),
// which is none of this module's streams: IOBase's own methods apply.
bool generic_iobase(Value self) {
  return !(R(self)->flags & (kReadable | kWritable | kFile)) && !R(self)->buffer;
}

// readinto(b): reads up to len(b) bytes into the writable buffer b; how many it read.
Value readinto_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool one_read,
                    bool buffered_base = true) {
  const char* name = one_read ? "readinto1" : "readinto";
  if (!check_positional(t, name, nargs, kwnames, 1, 1)) return {};
  // BufferedIOBase.readinto for a class written in Python over it (GzipFile, which a
  // BufferedReader may read as its raw stream): its own read() or read1() fills b.
  bool own_read = buffered_base && generic_iobase(args[0]);
  if (!own_read && !readable(t, args[0], "readinto of closed file", one_read ? "read1" : "read"))
    return {};
  if (reads_raw(args[0])) return buffered_readinto(t, args[0], args[1], one_read);
  Value target = writable_byte_view(t, args[1]);
  if (!target) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError),
                  "readinto() argument must be read-write bytes-like object, not %s",
                  type_name_of(args[1]).c_str());
  }
  std::int64_t room;
  if (!length(t, target, room)) return {};
  Value a[2] = {args[0], int_from_i64(t, room)};
  if (!a[1]) return {};
  Value data = own_read ? call_named(t, args[0], one_read ? "read1" : "read", &a[1], 1)
                        : io_read(t, a, 2, {});
  if (!data || data == none()) return data; // None: a non-blocking stream has nothing yet
  if (!isinstance(data, T_bytes)) return raise(t, exc(E_TypeError), "read() should return bytes");
  std::int64_t got = std::int64_t(bytes_view(data).size());
  if (got > room)
    return raisef(t, exc(E_ValueError),
                  "read() returned too much data: %lld bytes requested, %lld returned",
                  static_cast<long long>(room), static_cast<long long>(got));
  Value key = slice_new(t, Value::small_int(0), int_from_i64(t, got), none());
  if (!key || !setitem(t, target, key, data)) return {};
  return int_from_i64(t, got);
}
INTERP_NATIVE(io_readinto) {
  return readinto_impl(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(io_readinto1) {
  return readinto_impl(t, args, nargs, kwnames, true);
}
// RawIOBase.readinto: a raw class written in Python supplies its own (read() calls it).
INTERP_NATIVE(io_raw_readinto) {
  return readinto_impl(t, args, nargs, kwnames, false, false);
}

INTERP_NATIVE(io_tell) {
  Value self = args[0];
  if (generic_iobase(self)) {
    // IOBase.tell() is seek(0, 1), so a class that defines seek() has tell() too.
    Value a[2] = {Value::small_int(0), Value::small_int(1)};
    return call_named(t, self, "seek", a, 2);
  }
  // The position is known without the appended writes joined (pickle asks after each).
  if (!check_open(t, self, nullptr, binary(self) ? ClosedCheck::kDelegated : ClosedCheck::kOwn,
                  false))
    return {};
  if (R(self)->flags & kStream) return raise_os_error(t, ESPIPE, {});
  if (reads_raw(self)) return buffered_tell(t, self);
  if (R(self)->buffer) {
    // The buffer stands after what was read from it: back by what is still unread.
    Value at = call_named(t, R(self)->buffer, "tell", nullptr, 0);
    if (!at || (R(self)->flags & kUnloaded)) return at;
    Value c = R(self)->content;
    std::int64_t len = content_length(c), pos = std::min(R(self)->pos, len), base;
    Value rest = slice_of(t, c, pos, len);
    Value unread = rest && !binary(self) ? encode_text(t, self, rest) : rest;
    if (!unread || !index_to_i64(t, at, base)) return {};
    std::int64_t unread_bytes = std::int64_t(bytes_view(unread).size());
    if (!binary(self) && !is_utf8_name(R(self)->encoding)) {
      // A codec that starts with a byte order mark (UTF-16, UTF-32) puts one before the
      // rest too, which the file does not hold there: what it gives for nothing is taken
      // off.
      Value empty = empty_of(t, false);
      Value mark = empty ? encode_text(t, self, empty) : Value();
      if (!mark) return {};
      unread_bytes -= std::int64_t(bytes_view(mark).size());
    }
    return int_from_i64(t, base - unread_bytes);
  }
  return int_from_i64(t, R(self)->base + R(self)->pos);
}

// A text file read on demand reads on to `target` characters from its start (or its
// end), dropping what it passes.
bool skip_to(Thread& t, Value self, std::int64_t target) {
  for (;;) {
    std::int64_t len = content_length(R(self)->content);
    if (R(self)->base + len >= target || (R(self)->flags & kEOF)) return true;
    W(self)->pos = len;
    if (!fill(t, self, 65536)) return false;
  }
}

// seek() on a regular file read on demand: inside what is read, the position moves;
// elsewhere a binary file reads again from the target, a text file from its start (its
// positions count characters, which only reading tells).
Value window_seek(Thread& t, Value self, std::int64_t offset, std::int64_t whence) {
  if (whence < 0 || whence > 2)
    return raisef(t, exc(E_ValueError), "invalid whence (%lld, should be 0, 1 or 2)",
                  static_cast<long long>(whence));
  bool is_binary = binary(self);
  int fd = int(R(self)->fd);
  std::int64_t target = whence == 0 ? offset : R(self)->base + R(self)->pos + offset;
  if (whence == 2) {
    struct stat st;
    if (is_binary && ::fstat(fd, &st) != 0) return raise_os_error(t, errno, {});
    see_file_grow(self);
    if (!is_binary && !skip_to(t, self, INT64_MAX)) return {};
    target =
        (is_binary ? std::int64_t(st.st_size) : R(self)->base + content_length(R(self)->content)) +
        offset;
  }
  if (target < 0) {
    if (whence == 0)
      return raisef(t, exc(E_ValueError), "negative seek value %lld",
                    static_cast<long long>(offset));
    target = 0;
  }
  std::int64_t base = R(self)->base, len = content_length(R(self)->content);
  if (target < base || target > base + len) {
    if ((is_binary || target < base) && !drop_window(t, self, is_binary ? off_t(target) : 0))
      return {};
    if (!is_binary && !skip_to(t, self, target)) return {};
  }
  W(self)->pos = target - R(self)->base;
  return int_from_i64(t, target);
}

INTERP_NATIVE(io_seek) {
  Value self = args[0];
  if (!check_positional(t, "seek", nargs, kwnames, 1, 2)) return {};
  if (generic_iobase(self)) return unsupported(t, "seek");
  if (!check_open(t, self, "seek of closed file", ClosedCheck::kOwn, false)) return {};
  if (!write_deferred(t, self)) return {};
  std::int64_t offset, whence = 0;
  if (!index_to_i64(t, args[1], offset)) return {};
  if (nargs > 2 && !index_to_i64(t, args[2], whence)) return {};
  if (reads_raw(self)) return buffered_seek(t, self, args[1], whence);
  if (R(self)->flags & kStream) return raise_os_error(t, ESPIPE, {});
  if (!binary(self) && whence != 0 && offset != 0)
    return unsupported(t, whence == 1 ? "can't do nonzero cur-relative seeks"
                                      : "can't do nonzero end-relative seeks");
  if (R(self)->flags & kWindow) return window_seek(t, self, offset, whence);
  if (R(self)->buffer) {
    // The offset is the buffer's (a byte position, as CPython's cookies are for UTF-8);
    // what follows it is read again at the next read. The buffer stands past what was
    // read ahead, so a seek relative to here is made absolute first.
    Value a[2] = {args[1], nargs > 2 ? args[2] : Value::small_int(0)};
    if (whence == 1) {
      Value here = io_tell(t, args, 1, {});
      if (!here) return {};
      a[0] = binary_op(t, here, args[1], bytecode::BinaryOp::Add);
      a[1] = Value::small_int(0);
      if (!a[0]) return {};
    }
    Value r = call_named(t, R(self)->buffer, "seek", a, 2);
    if (!r) return {};
    Value empty = empty_of(t, binary(self));
    if (!empty) return {};
    IOObject* o = W(self);
    o->content = empty;
    o->pos = 0;
    if (o->flags & kReadable) o->flags |= kUnloaded;
    return r;
  }
  // What a file's end is when its content is not kept.
  std::int64_t len = content_length(R(self)->content) + R(self)->appended_length;
  if ((R(self)->flags & kFile) && !(R(self)->flags & kReadable) && whence == 2) {
    off_t end = ::lseek(int(R(self)->fd), 0, SEEK_END);
    if (end >= 0) len = end;
  }
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
  // A text file that only writes writes where its descriptor stands (its position counts
  // bytes): the descriptor goes there too.
  std::int64_t flags = R(self)->flags;
  if ((flags & kFile) && !(flags & (kReadable | kBinary | kStream | kAppend))) {
    stm::become_inevitable("seek");
    ::lseek(int(R(self)->fd), off_t(target), SEEK_SET);
  }
  return int_from_i64(t, target);
}

INTERP_NATIVE(io_truncate) {
  Value self = args[0];
  if (!check_open(t, self, "truncate of closed file")) return {};
  if (!write_deferred(t, self)) return {};
  if (binary(self) && R(self)->buffer) {
    // Over a raw stream: the raw stream truncates, at the position reading stands (or
    // the size given).
    if (!(R(self)->flags & kWritable)) return unsupported(t, "truncate");
    if (reads_raw(self) && !buffered_before_write(t, self)) return {};
    Value size = nargs > 1 ? args[1] : none();
    Value done = call_named(t, R(self)->buffer, "truncate", &size, 1);
    buffered_after_write(self);
    return done;
  }
  std::int64_t size = R(self)->base + R(self)->pos;
  if (nargs > 1 && args[1] != none() && !index_to_i64(t, args[1], size)) return {};
  Value c = R(self)->content;
  std::int64_t len = content_length(c);
  if (R(self)->flags & kWindow) {
    // Read only: the descriptor refuses, below; the content is a window, not the file.
  } else if (size < len && is_layout(c, Layout::ByteArray)) {
    std::string kept(bytes_view(c).substr(0, std::size_t(size)));
    if (!bytearray_set_contents(t, c, kept)) return {};
  } else if (size < len) {
    Value cut = slice_of(t, c, 0, size);
    if (!cut) return {};
    W(self)->content = cut;
  }
  if (R(self)->flags & kFile) {
    stm::become_inevitable("truncate");
    if (::ftruncate(int(R(self)->fd), size) != 0) return raise_os_error(t, errno, {});
    // What was read past the new end is gone; the position stays.
    if ((R(self)->flags & kWindow) && !drop_window(t, self, R(self)->base + R(self)->pos))
      return {};
  }
  return int_from_i64(t, size);
}

INTERP_NATIVE(io_close) {
  Value self = args[0];
  if (R(self)->flags & kDetached)
    return raise(t, exc(E_ValueError), "underlying buffer has been detached");
  if (R(self)->flags & kClosed) return none();
  // IOBase.close() flushes first, through the method (a subclass's own flush runs); the
  // stream closes even if that fails, and the error comes out after. StringIO and BytesIO
  // have nothing to flush and do not call it.
  Value flush_error;
  std::int64_t flags = R(self)->flags;
  bool in_memory = !(flags & kFile) && !R(self)->buffer && (flags & (kReadable | kWritable));
  if (!in_memory) {
    if (!call_named(t, self, "flush", nullptr, 0)) flush_error = fetch_pending(t);
    if (R(self)->flags & kClosed) {
      t.pending = flush_error;
      return flush_error ? Value() : none();
    }
  }
  if (R(self)->buffer) {
    W(self)->flags = R(self)->flags | kClosed;
    Value closed = call_named(t, R(self)->buffer, "close", nullptr, 0);
    if (flush_error) {
      t.pending = flush_error;
      return {};
    }
    return closed ? none() : Value();
  }
  if ((R(self)->flags & kFile) && (R(self)->flags & kKeepFd)) {
    // The descriptor stays open for its owner, standing where this file's reading or
    // writing got to (a binary file's position counts bytes; streams and text files
    // leave it where their reads left it).
    if ((R(self)->flags & kBinary) && !(R(self)->flags & (kStream | kAppend | kTxOutput))) {
      vm::become_inevitable_with_output(t, "close");
      ::lseek(int(R(self)->fd), off_t(R(self)->base + R(self)->pos), SEEK_SET);
    }
  } else if ((R(self)->flags & kFile) && R(self)->fd >= 0) {
    // A file that owns descriptor 0, 1 or 2 (a pipe that took a closed standard
    // descriptor's number) closes it as any other, after the output written there so far.
    vm::become_inevitable_with_output(t, "close");
    ::close(int(R(self)->fd));
  }
  W(self)->flags = R(self)->flags | kClosed;
  if (flush_error) {
    t.pending = flush_error;
    return {};
  }
  return none();
}

// IOBase.__del__, CPython's finalizer of a stream: one left open is closed when the
// collector finds it dead, so a file or a socket's makefile() that a program drops gives
// its descriptor back (a server waiting for the other end to hang up sees it then), and
// a file's deferred writes reach it. As CPython's (outside its dev mode), the finalizer
// drops any error of closed or close().
INTERP_NATIVE(io_del) {
  Value closed = getattr(t, args[0], intern_literal(t, "closed"));
  int is_closed = closed ? truthy(t, closed) : -1;
  if (is_closed == 0 && call_named(t, args[0], "close", nullptr, 0)) return none();
  if (t.pending) clear_pending(t);
  return none();
}

INTERP_NATIVE(io_flush) {
  bool writes = R(args[0])->flags & kWritable;
  if (!check_open(t, args[0], writes ? "flush of closed file" : nullptr,
                  writes ? ClosedCheck::kOwn : ClosedCheck::kIOBase, false))
    return {};
  if (!write_deferred(t, args[0])) return {};
  // A text stream flushes its buffer; a buffered binary one, which writes through to its
  // raw stream, has nothing left to push (and, as CPython's, does not flush the raw one).
  if (R(args[0])->buffer && !binary(args[0]))
    return call_named(t, R(args[0])->buffer, "flush", nullptr, 0);
  return none();
}

INTERP_NATIVE(io_enter) {
  if (!check_open(t, args[0], nullptr, ClosedCheck::kIOBase)) return {};
  return args[0];
}

INTERP_NATIVE(io_exit) {
  // IOBase.__exit__ is self.close(): a subclass's own close() runs.
  Value close = getattr(t, args[0], intern_literal(t, "close"));
  if (!close || !call0(t, close)) return {};
  return none();
}

INTERP_NATIVE(io_closed) {
  if (R(args[0])->buffer) return getattr(t, R(args[0])->buffer, intern_literal(t, "closed"));
  return py_bool(R(args[0])->flags & kClosed);
}
// A file opened for one side answers False for the other even when closed, as CPython's
// buffered and text files (which do not ask their raw file) do.
bool answers_without_raw(Value self, std::int64_t side) {
  std::int64_t f = R(self)->flags;
  return !(f & side) && ((f & kFile) || R(self)->buffer) && !(f & kRaw);
}
INTERP_NATIVE(io_readable_m) {
  if (!answers_without_raw(args[0], kReadable) &&
      !check_open(t, args[0], nullptr, ClosedCheck::kDelegated, false))
    return {};
  return py_bool(R(args[0])->flags & kReadable);
}
INTERP_NATIVE(io_writable_m) {
  if (!answers_without_raw(args[0], kWritable) &&
      !check_open(t, args[0], nullptr, ClosedCheck::kDelegated, false))
    return {};
  return py_bool(R(args[0])->flags & kWritable);
}
INTERP_NATIVE(io_seekable) {
  if (!check_open(t, args[0], nullptr, ClosedCheck::kDelegated, false)) return {};
  if (R(args[0])->buffer) return call_named(t, R(args[0])->buffer, "seekable", nullptr, 0);
  // IOBase's own answer, for classes written in Python over it (socket's SocketIO), is no.
  if (generic_iobase(args[0])) return runtime().false_;
  return py_bool(!(R(args[0])->flags & kStream));
}
INTERP_NATIVE(io_isatty) {
  if (!check_open(t, args[0], nullptr, ClosedCheck::kDelegated, false)) return {};
  if (R(args[0])->buffer) return call_named(t, R(args[0])->buffer, "isatty", nullptr, 0);
  return py_bool((R(args[0])->flags & kFile) && ::isatty(int(R(args[0])->fd)));
}
INTERP_NATIVE(io_fileno) {
  if (!check_open(t, args[0], nullptr, ClosedCheck::kDelegated, false)) return {};
  if (R(args[0])->buffer) return call_named(t, R(args[0])->buffer, "fileno", nullptr, 0);
  if (!(R(args[0])->flags & kFile)) return unsupported(t, "fileno");
  return int_from_i64(t, R(args[0])->fd);
}
INTERP_NATIVE(io_name) {
  if (R(args[0])->buffer) return getattr(t, R(args[0])->buffer, intern_literal(t, "name"));
  if (!R(args[0])->name) return raise(t, exc(E_AttributeError), "name");
  return R(args[0])->name;
}
// FileIO's name is an attribute programs set (tempfile names its files so through
// f.buffer.raw). A file open() made stands in for its own raw file, so it takes the name
// too; a stream over a separate raw stream has only its raw stream's, as in CPython.
INTERP_NATIVE(io_set_name) {
  if (R(args[0])->buffer || !(R(args[0])->flags & kFile))
    return raisef(t, exc(E_AttributeError), "attribute 'name' of '%s' objects is not writable",
                  display_name(type_of(args[0])).c_str());
  if (nargs == 1 && !R(args[0])->name) return raise(t, exc(E_AttributeError), "name");
  W(args[0])->name = nargs > 1 ? args[1] : Value();
  return none();
}
INTERP_NATIVE(io_mode) {
  // A buffered stream over a raw one of its own shows the raw stream's mode.
  if ((!R(args[0])->mode || R(args[0])->mode == none()) && binary(args[0]) && R(args[0])->buffer)
    return getattr(t, R(args[0])->buffer, intern_literal(t, "mode"));
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
  // StringIO has none; text files default to the locale's, which is UTF-8 here.
  if (binary(args[0]) || !(R(args[0])->flags & kFile || R(args[0])->buffer)) return none();
  return R(args[0])->encoding ? R(args[0])->encoding : str_from_ascii(t, "UTF-8");
}
INTERP_NATIVE(io_errors) {
  // StringIO never encodes, so it has no error handler either.
  if (!(R(args[0])->flags & kFile || R(args[0])->buffer)) return none();
  return R(args[0])->errors ? R(args[0])->errors : str_from_ascii(t, "strict");
}
// TextIOBase's encoding, errors and newlines: None until a subclass knows better.
INTERP_NATIVE(io_text_base_none) {
  return none();
}
// The line endings met so far: None, one of them, or a tuple of them in this order.
INTERP_NATIVE(io_newlines) {
  std::int64_t seen = R(args[0])->seen_newlines & ((1 << kSeenPendingShift) - 1);
  const char* kinds[3];
  std::size_t n = 0;
  if (seen & kSeenCR) kinds[n++] = "\r";
  if (seen & kSeenLF) kinds[n++] = "\n";
  if (seen & kSeenCRLF) kinds[n++] = "\r\n";
  if (n == 0) return none();
  if (n == 1) return str_from_ascii(t, kinds[0]);
  Value tuple = tuple_new(t, n); // filled as the strs are made: they live in it
  if (!tuple) return {};
  for (std::size_t i = 0; i < n; ++i) {
    Value s = str_from_ascii(t, kinds[i]);
    if (!s) return {};
    tuple_init(tuple, i, s);
  }
  return tuple;
}
// TextIOWrapper.detach(): flushes and hands back the binary stream, which the wrapper no
// longer uses (it then counts as closed; its close() raises and leaves the stream open).
INTERP_NATIVE(io_detach) {
  if (!check_positional(t, "detach", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  Value buffer = R(self)->buffer;
  if (!buffer || (R(self)->flags & kClosed))
    return raise(t, exc(E_ValueError), "underlying buffer has been detached");
  if (!call_named(t, buffer, "flush", nullptr, 0)) return {};
  W(self)->flags = R(self)->flags | kClosed | kDetached;
  return buffer;
}

INTERP_NATIVE(io_line_buffering) {
  return py_bool(R(args[0])->flags & kLineBuffering);
}
INTERP_NATIVE(io_write_through) {
  return py_bool(R(args[0])->flags & kWriteThrough);
}

// reconfigure(*, encoding, errors, newline, line_buffering, write_through): what is given
// changes; a new encoding without errors= goes back to 'strict', as in CPython.
INTERP_NATIVE(io_reconfigure) {
  static const char* const kAllowed[] = {"encoding",       "errors",        "newline",
                                         "line_buffering", "write_through", nullptr};
  if (nargs - keyword_count(kwnames) > 1)
    return raise(t, exc(E_TypeError), "reconfigure() takes no positional arguments");
  if (!check_keywords(t, "reconfigure", kwnames, kAllowed, true)) return {};
  Value self = args[0];
  Value given[5];
  for (int i = 0; i < 5; ++i)
    given[i] = keyword_arg(kwnames, args, nargs, kAllowed[i]);
  for (int i = 0; i < 3; ++i)
    if (given[i] && given[i] != none() && !str_check(given[i]))
      return raise(t, exc(E_TypeError), "bad argument type for built-in operation");
  if (!check_open(t, self)) return {};
  std::int64_t newline = R(self)->newline;
  if (given[2] && !parse_newline(t, "reconfigure()", given[2], newline)) return {};
  Value encoding = text_encoding_given(given[0]);
  if (encoding) {
    // An unknown codec fails here, with the codec registry's LookupError.
    Value probe = str_from_ascii(t, "");
    Value encode = probe ? getattr(t, probe, intern_literal(t, "encode")) : Value();
    if (!encode || !call1(t, encode, encoding)) return {};
  }
  std::int64_t flags = R(self)->flags;
  for (int i = 3; i < 5; ++i) {
    if (!given[i] || given[i] == none()) continue;
    std::int64_t on = 0; // an int, as CPython's argument parsing takes it
    if (!index_to_i64(t, given[i], on)) return {};
    std::int64_t bit = i == 3 ? kLineBuffering : kWriteThrough;
    flags = on ? flags | bit : flags & ~bit;
  }
  IOObject* o = W(self);
  if (encoding) {
    o->encoding = encoding;
    if (!given[1]) o->errors = Value();
  }
  if (given[1] && given[1] != none()) o->errors = given[1];
  o->newline = newline;
  o->flags = flags;
  return none();
}

INTERP_NATIVE(io_buffer) {
  if (R(args[0])->buffer) return R(args[0])->buffer;
  // A text file's binary view is not kept apart: the same object stands in for it.
  return args[0];
}
INTERP_NATIVE(io_repr) {
  Value self = args[0];
  std::string text = "<" + type_name_of(self);
  if (R(self)->flags & kFile || R(self)->buffer) {
    // A FileIO, of a subclass too, shows as _io.FileIO with its mode and closefd.
    Value fileio = io_class(t, "FileIO");
    if (!fileio) return {};
    if (is_subtype(type_of(self), fileio)) {
      if (R(self)->flags & kClosed) return str_from_utf8(t, "<_io.FileIO [closed]>");
      Value n = R(self)->name;
      std::string name = n ? repr_utf8(t, n) : "None";
      if (t.pending) return {};
      return str_from_utf8(t, "<_io.FileIO name=" + name + " mode=" + repr_utf8(t, R(self)->mode) +
                                  " closefd=" + (R(self)->flags & kKeepFd ? "False" : "True") +
                                  ">");
    }
    // CPython's text files show as _io.TextIOWrapper, subclasses too; binary ones by
    // their type's tp_name (a subclass's own name).
    text = binary(self) ? "<" + type_name_of(self) : std::string("<_io.TextIOWrapper");
    Value n = io_name(t, args, 1, {});
    if (n) text += " name=" + repr_utf8(t, n);
    t.pending = {}; // a buffer without a name shows none, as in CPython
    if (!binary(self)) {
      if (R(self)->mode && R(self)->mode != none()) text += " mode=" + repr_utf8(t, R(self)->mode);
      Value e = io_encoding(t, args, 1, {});
      text += " encoding=" + (e ? repr_utf8(t, e) : std::string("'UTF-8'"));
    }
    return str_from_utf8(t, text + ">");
  }
  char address[32];
  std::snprintf(address, sizeof address, "0x%llx", static_cast<unsigned long long>(self.bits()));
  return str_from_utf8(t, "<" + type_name_of(self) + " object at " + address + ">");
}

// object.__subclasshook__'s answer, which _py_abc asks the io ABCs for.
INTERP_NATIVE(io_subclasshook) {
  return runtime().not_implemented;
}

INTERP_NATIVE(io_text_encoding) {
  if (nargs && args[0] != none()) return args[0];
  return str_from_ascii(t, options().utf8_mode ? "utf-8" : "locale");
}

INTERP_NATIVE(io_open_code) {
  if (!check_positional(t, "open_code", nargs, kwnames, 1, 1, 0)) return {};
  Value mode = str_from_ascii(t, "rb");
  Value a[2] = {args[0], mode};
  return io_open(t, a, 2, {});
}

// FileIO(file, mode='r', closefd=True, opener=None): open(file, mode + 'b', buffering=0,
// closefd=closefd, opener=opener), of the class asked for, with FileIO's own mode checks.
INTERP_NATIVE(fileio_new) {
  static const char* const kAllowed[] = {"file", "mode", "closefd", "opener", nullptr};
  if (!check_keywords(t, "FileIO", kwnames, kAllowed)) return {};
  Value file = arg_or_keyword(args, nargs, kwnames, 1, "file");
  Value mode_v = arg_or_keyword(args, nargs, kwnames, 2, "mode");
  Value closefd = arg_or_keyword(args, nargs, kwnames, 3, "closefd");
  Value opener = arg_or_keyword(args, nargs, kwnames, 4, "opener");
  if (!file) return raise(t, exc(E_TypeError), "FileIO() missing required argument 'file' (pos 1)");
  std::string mode = "r";
  if (mode_v) {
    if (!str_check(mode_v))
      return raisef(t, exc(E_TypeError), "FileIO() argument 'mode' must be str, not %s",
                    type_name_of(mode_v).c_str());
    mode = str_utf8(mode_v);
  }
  // One of r, w, x and a, at most one '+', any number of 'b'.
  bool kind = false, plus = false, bad = false;
  std::string plain;
  for (char c : mode) {
    if (c == 'r' || c == 'w' || c == 'x' || c == 'a') {
      bad |= kind;
      kind = true;
    } else if (c == '+') {
      bad |= plus;
      plus = true;
    } else if (c != 'b') {
      return raisef(t, exc(E_ValueError), "invalid mode: %s", mode.c_str());
    }
    if (c != 'b') plain += c;
  }
  if (bad || !kind)
    return raise(t, exc(E_ValueError),
                 "Must have exactly one of create/read/write/append mode and at most one plus");
  Value a[8] = {
      file,   str_from_utf8(t, plain + 'b'),       Value::small_int(0),     none(), none(),
      none(), closefd ? closefd : runtime().true_, opener ? opener : none()};
  if (!a[1]) return {};
  return open_file(t, a, 8, {}, args[0]);
}

INTERP_NATIVE(fileio_closefd) {
  return py_bool(!(R(args[0])->flags & kKeepFd));
}

} // namespace

// builtins.open is io.open.
Value io_open_function(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  return io_open(t, args, nargs, kwnames);
}

// IncrementalNewlineDecoder wraps a decoder (or none: its input is text already) and
// finds line endings in what it returns, across chunk boundaries: a chunk's final '\r' is
// held back until the next chunk says whether a '\n' follows. doctest reads its files so.
constexpr const char* kNewlineDecoder = R"(
class IncrementalNewlineDecoder:
    """Codec used when reading a file in universal newlines mode.

    It wraps another incremental decoder, translating \r\n and \r into \n.
    It also records the types of newlines encountered.  When used with
    translate=False, it ensures that the newline sequence is returned in
    one piece.
    """
    __module__ = '_io'
    _KINDS = (None, '\n', '\r', ('\r', '\n'), '\r\n', ('\n', '\r\n'), ('\r', '\r\n'),
              ('\r', '\n', '\r\n'))

    def __init__(self, decoder, translate, errors='strict'):
        self._wrapped = decoder
        self._translate = bool(translate)
        self._seen = 0      # bits: 1 '\n', 2 '\r', 4 '\r\n'
        self._held_cr = False

    def decode(self, input, final=False):
        text = input if self._wrapped is None else self._wrapped.decode(input, final=final)
        if not isinstance(text, str):
            raise TypeError("decoder should return a string result, not '%s'"
                            % type(text).__name__)
        if self._held_cr and (text or final):
            text = '\r' + text
            self._held_cr = False
        if not final and text.endswith('\r'):
            text = text[:-1]
            self._held_cr = True
        pairs = text.count('\r\n')
        lone_cr = text.count('\r') - pairs
        lone_lf = text.count('\n') - pairs
        self._seen |= (1 if lone_lf else 0) | (2 if lone_cr else 0) | (4 if pairs else 0)
        if self._translate and (pairs or lone_cr):
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def getstate(self):
        pending, flags = (b'', 0) if self._wrapped is None else self._wrapped.getstate()
        return pending, (flags << 1) | int(self._held_cr)

    def setstate(self, state):
        pending, flags = state
        self._held_cr = bool(flags & 1)
        if self._wrapped is not None:
            self._wrapped.setstate((pending, flags >> 1))

    def reset(self):
        self._seen = 0
        self._held_cr = False
        if self._wrapped is not None:
            self._wrapped.reset()

    @property
    def newlines(self):
        return self._KINDS[self._seen]
)";

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
  Value unsupported_cls = new_exception_type(t, "UnsupportedOperation", "io", exc(E_OSError));
  if (!unsupported_cls) return {};
  module_set(t, m, "UnsupportedOperation", unsupported_cls);

  auto make = [&](const char* n, Value base) {
    Value type = new_type(t, n, "_io", Layout::Instance, base);
    if (type) {
      wr<TypeObject>(type)->flags &= ~std::uint64_t(kNoInstanceDict);
      make_weakrefable(type);
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
      {"__del__", io_del},
      {"_checkClosed", io_check_closed},
      {"_checkReadable", io_check_readable},
      {"_checkWritable", io_check_writable},
      {"_checkSeekable", io_check_seekable},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, iobase, f.name, f.fn);
  add_getter(t, iobase, "closed", io_closed);
  add_staticmethod(t, iobase, "__new__", iobase_new);
  add_method(t, buffered, "read1", io_read1);
  add_method(t, buffered, "readinto", io_readinto);
  add_method(t, buffered, "readinto1", io_readinto1);
  add_method(t, raw, "readinto", io_raw_readinto);
  add_method(t, raw, "read", raw_read);
  add_method(t, raw, "readall", raw_readall);
  add_classmethod(t, iobase, "__subclasshook__", io_subclasshook);
  for (const char* attr : {"encoding", "errors", "newlines"})
    add_getter(t, textbase, attr, io_text_base_none);
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
      {"TextIOWrapper", textbase, textiowrapper_new}, {"BufferedReader", buffered, buffered_new<0>},
      {"BufferedWriter", buffered, buffered_new<1>},  {"BufferedRandom", buffered, buffered_new<2>},
      {"BufferedRWPair", buffered, nullptr},          {"FileIO", raw, fileio_new},
  };
  for (const Concrete& c : kConcrete) {
    Value type = make(c.name, c.base);
    if (!type) return {};
    if (c.new_fn) add_staticmethod(t, type, "__new__", c.new_fn);
    if (c.new_fn == bytesio_new) add_method(t, type, "getbuffer", io_getbuffer);
    bool buffered_class =
        c.new_fn == buffered_new<0> || c.new_fn == buffered_new<1> || c.new_fn == buffered_new<2>;
    if (buffered_class) {
      add_getter(t, type, "raw", io_buffer);
      if (c.new_fn != buffered_new<1>) add_method(t, type, "peek", io_peek);
      add_method(t, type, "__init__",
                 c.new_fn == buffered_new<0>   ? buffered_init_of<0>
                 : c.new_fn == buffered_new<1> ? buffered_init_of<1>
                                               : buffered_init_of<2>);
    }
    if (c.new_fn && c.new_fn != textiowrapper_new && c.new_fn != fileio_new && !buffered_class) {
      add_method(t, type, "getvalue", io_getvalue);
    } else {
      add_getter(t, type, "name", io_name, io_set_name);
      add_getter(t, type, "mode", io_mode,
                 std::string(c.name) == "TextIOWrapper" ? io_set_mode : nullptr);
    }
    if (std::string(c.name) == "TextIOWrapper" || std::string(c.name) == "StringIO") {
      add_getter(t, type, "encoding", io_encoding);
      add_getter(t, type, "errors", io_errors);
      add_getter(t, type, "newlines", io_newlines);
    }
    if (std::string(c.name) == "TextIOWrapper") {
      add_method(t, type, "__init__", textiowrapper_init);
      add_getter(t, type, "buffer", io_buffer);
      add_method(t, type, "detach", io_detach);
      add_method(t, type, "reconfigure", io_reconfigure);
      add_getter(t, type, "line_buffering", io_line_buffering);
      add_getter(t, type, "write_through", io_write_through);
    }
    if (c.new_fn == fileio_new) add_getter(t, type, "closefd", fileio_closefd);
    // Streams over a descriptor or a raw stream are finalized (io_del); StringIO and
    // BytesIO hold nothing to give back.
    if (c.new_fn == stringio_new || c.new_fn == bytesio_new)
      update_type_flags(type);
    else
      finish_owning_type(type);
  }
  Value d = rd<Object>(m)->dict;
  if (!dict_set(t, d, name(N___builtins__), runtime().builtins_module)) return {};
  Value code = compile_source(t, kNewlineDecoder, "<_io>", ast::Mode::Exec);
  if (!code || !vm::run_code(t, code, d, d)) return {};
  return m;
}

Value make_standard_stream(Thread& t, int fd, const char* errors) {
  bool input = fd == 0;
  std::int64_t side = input ? std::int64_t(kReadable) : std::int64_t(kWritable | kTxOutput);
  // A pipe, socket or terminal cannot seek, and stdin is read from it on demand.
  struct stat st;
  if (input || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) side |= kStream;
  Value binary_cls = io_class(t, input ? "BufferedReader" : "BufferedWriter");
  Value text_cls = io_class(t, "TextIOWrapper");
  if (!binary_cls || !text_cls) return {};
  Value raw = new_stream(t, binary_cls, kBinary | kFile | kKeepFd | side);
  if (!raw) return {};
  const char* name = fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>";
  Value name_v = str_from_ascii(t, name);
  Value binary_mode_v = str_from_ascii(t, input ? "rb" : "wb");
  if (!name_v || !binary_mode_v) return {};
  IOObject* b = W(raw);
  b->fd = fd;
  b->name = name_v;
  b->mode = binary_mode_v;
  Value text = new_stream(t, text_cls, kFile | kKeepFd | side);
  Value text_mode = str_from_ascii(t, input ? "r" : "w");
  Value encoding = str_from_ascii(t, "utf-8");
  Value errors_v = str_from_ascii(t, errors);
  if (!text || !text_mode || !encoding || !errors_v) return {};
  IOObject* o = W(text);
  o->buffer = raw;
  o->fd = fd;
  o->name = name_v;
  o->mode = text_mode;
  o->newline = kNewlineLF; // CPython's choice outside Windows: lines end at '\n' only
  o->encoding = encoding;
  o->errors = errors_v;
  return text;
}

void set_stream_buffering(Value stream, bool line_buffering, bool write_through) {
  IOObject* o = W(stream);
  o->flags = (o->flags & ~std::int64_t(kLineBuffering | kWriteThrough)) |
             (line_buffering ? std::int64_t(kLineBuffering) : 0) |
             (write_through ? std::int64_t(kWriteThrough) : 0);
}

} // namespace interp
