// interp/modules/io_stream.h - the object behind every stream of the _io module
// (interp/modules/io.cc), shared with the buffered reading over raw streams
// (interp/modules/io_buffered.cc).
#pragma once

#include "interp/interp.h"
#include "interp/object.h"

#include <cstdint>

namespace interp::io {

enum IOFlag : std::int64_t {
  kBinary = 1,
  kReadable = 2,
  kWritable = 4,
  kClosed = 8,
  kFile = 16,
  kAppend = 32,     // a file opened with 'a': every write goes to its end
  kUnloaded = 64,   // a TextIOWrapper whose buffer has not been read yet
  kStream = 128,    // a readable file that is not a regular file (pipe, socket, terminal)
  kEOF = 256,       // a stream whose descriptor reported end of file
  kRaw = 512,       // opened with buffering=0 (FileIO): read(n) is a single read
  kKeepFd = 1024,   // closefd=False: close() leaves the descriptor open
  kDetached = 2048, // a TextIOWrapper whose detach() gave its buffer away (closed too)
  // sys.stdout and sys.stderr (and their buffers): writes go to the running
  // transaction's output, which reaches the descriptor when the transaction commits, so
  // an aborted transaction prints nothing and threads' lines do not tear.
  kTxOutput = 4096,
  kLineBuffering = 8192, // the attributes of the same names; output is written at each
  kWriteThrough = 16384, // commit whatever they say
  kWritesWait = 32768,   // writable and a pipe, socket or terminal: see write_to_stream
  // A regular file opened only for reading: read on demand like a stream (its content is
  // a window of the file, starting at `base`), but it can seek.
  kWindow = 65536,
};

// How a text stream treats line endings (the newline= argument).
enum Newline : std::int64_t {
  kNewlineLF = 0, // '\n': no translation, lines end at '\n' (StringIO's default)
  kUniversal,     // None: '\r' and '\r\n' read as '\n', '\n' written as os.linesep
  kUntranslated,  // '': lines end at '\n', '\r' or '\r\n', kept as they are
  kNewlineCR,     // '\r': lines end at '\r'; '\n' written as '\r'
  kNewlineCRLF,   // '\r\n': lines end at '\r\n'; '\n' written as '\r\n'
};

struct IOObject : Object {
  Value content; // str or bytes: what can be read (the whole in-memory value)
  Value name;
  Value mode;
  std::int64_t pos; // code points (text) or bytes
  std::int64_t fd;
  std::int64_t flags;
  std::int64_t newline;       // Newline
  Value buffer;               // a TextIOWrapper's binary stream, else 0
  Value encoding;             // text: the codec's name as given; 0 means UTF-8
  Value errors;               // text: the error handler's name; 0 means strict
  Value raw_tail;             // a text stream: bytes read but not decoded yet, else 0
  std::int64_t seen_newlines; // kSeenCR | kSeenLF | kSeenCRLF: the `newlines` attribute
  // In memory: what write() put at the end since the content was last joined (a list of
  // str or bytes, or 0), and its length. Appending each write to the content made n
  // writes cost O(n^2); check_open joins them before anything reads the content.
  Value appended;
  std::int64_t appended_length;
  // A BufferedReader/Random over a raw stream of its own (io_buffered.cc): the size of its
  // raw reads (buffer_size), and where the raw stream stands, just past the content, as
  // far as known (-1: not known, ask raw.tell()).
  std::int64_t buffer_size;
  std::int64_t raw_pos;
  // kWindow: where the content starts in the file, in bytes (binary) or in characters
  // read (text).
  std::int64_t base;
};

// The line endings a text stream with newline=None or '' has met: in what it read (files)
// or what was written to it (StringIO).
enum SeenNewline : std::int64_t { kSeenCR = 1, kSeenLF = 2, kSeenCRLF = 4 };
constexpr int kSeenPendingShift = 8;

inline const IOObject* R(Value v) {
  return rd<IOObject>(v);
}
inline IOObject* W(Value v) {
  return wr<IOObject>(v);
}
inline bool binary(Value v) {
  return R(v)->flags & kBinary;
}

// obj.<method>(*args)
Value call_named(Thread& t, Value obj, const char* method, const Value* args, std::size_t nargs);
// Raises io.UnsupportedOperation(what).
Value unsupported(Thread& t, const char* what);

// ---- a BufferedReader/BufferedRandom over a raw stream (io_buffered.cc) ----------------
// Whether `self` reads a raw stream of its own through its buffer (not a file open() made,
// which is its own raw file).
inline bool reads_raw(Value self) {
  return (R(self)->flags & (kBinary | kReadable)) == (kBinary | kReadable) && R(self)->buffer;
}
// Sets up a buffered stream's reading state over its raw stream: asks raw.tell() as
// CPython does (an error is forgotten).
void buffered_start(Thread& t, Value self, std::int64_t buffer_size);
// read(n) (n < 0: to the end), read1(n), peek(), readline(limit), readinto(b) and
// readinto1(b): CPython's results and raw.readinto() calls.
Value buffered_read(Thread& t, Value self, Value n);
Value buffered_read1(Thread& t, Value self, std::int64_t n);
Value buffered_peek(Thread& t, Value self);
Value buffered_readline(Thread& t, Value self, std::int64_t limit);
Value buffered_readinto(Thread& t, Value self, Value target, bool one_read);
Value buffered_tell(Thread& t, Value self);
Value buffered_seek(Thread& t, Value self, Value target, std::int64_t whence);
// Before a write through to the raw stream: the raw stream goes back to where reading
// stands, and the buffer is dropped (what it held may be overwritten). false: exception.
bool buffered_before_write(Thread& t, Value self);
// After a write through: the raw stream's position is no longer known.
void buffered_after_write(Value self);

} // namespace interp::io
