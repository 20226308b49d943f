// interp/modules/bz2.cc - the _bz2 module: BZ2Compressor and BZ2Decompressor over the
// bzip2 library (bz2.py, BZ2File and tarfile build on them).
//
// Transactions: a bzip2 stream is C memory, which an abort cannot take back. So each call
// that feeds one makes the running transaction inevitable first: the stream then changes
// only in transactions that commit, in step with the heap object (eof, unused_data,
// needs_input live there). A stream made by a transaction that aborts is freed then; the
// object's finalizer frees it after the transaction that found the object dead commits
// (the shape of pyexpat's parsers).
#include "interp/modules/c_library.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <bzlib.h>
#include <climits>
#include <string>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

// The functions of libbz2 the module calls, opened at its import (c_library.h).
// clang-format off
#define INTERP_BZ2_FUNCTIONS(X)                                      \
  X(BZ2_bzCompressInit) X(BZ2_bzCompress) X(BZ2_bzCompressEnd)       \
  X(BZ2_bzDecompressInit) X(BZ2_bzDecompress) X(BZ2_bzDecompressEnd)
// clang-format on
INTERP_C_LIBRARY_FUNCTIONS(INTERP_BZ2_FUNCTIONS)
CLibrary libbz2("libbz2.so.1.0", INTERP_C_LIBRARY_RESOLVER(INTERP_BZ2_FUNCTIONS));

// The C side of a compressor or decompressor.
struct Stream {
  bz_stream bzs{};
  bool compressing = false;
  std::string pending; // a decompressor's input not consumed yet (output was cut short)
};

struct Bz2Object : Object {
  Value stream;      // small int: the Stream's address; 0 once freed
  Value flushed;     // compressor: flush() was called (small int 0/1)
  Value eof;         // decompressor: the end of the stream was reached (small int 0/1)
  Value unused_data; // decompressor: bytes after the end of the stream
  Value needs_input; // decompressor: small int 0/1
};

Stream* stream_of(Value self) {
  return address_in<Stream>(rd<Bz2Object>(self)->stream);
}

void free_stream(Stream* s) {
  if (s->compressing)
    BZ2_bzCompressEnd(&s->bzs);
  else
    BZ2_bzDecompressEnd(&s->bzs);
  delete s;
}

Value bz2_error(Thread& t, int code) {
  switch (code) {
  case BZ_PARAM_ERROR:
    return raise(t, exc(E_ValueError), "Internal error - invalid parameters passed to libbzip2");
  case BZ_MEM_ERROR:
    return raise(t, exc(E_MemoryError), "");
  case BZ_DATA_ERROR:
  case BZ_DATA_ERROR_MAGIC:
    return raise(t, exc(E_OSError), "Invalid data stream");
  case BZ_IO_ERROR:
    return raise(t, exc(E_OSError), "Unknown I/O error");
  case BZ_UNEXPECTED_EOF:
    return raise(t, exc(E_EOFError),
                 "Compressed file ended before the logical end-of-stream was detected");
  case BZ_SEQUENCE_ERROR:
    return raise(t, exc(E_RuntimeError),
                 "Internal error - Invalid sequence of commands sent to libbzip2");
  default:
    return raisef(t, exc(E_OSError), "Unrecognized error from libbzip2: %d", code);
  }
}

// A new object of `cls` owning `s`, freed when the transaction that made it aborts.
Value new_stream_object(Thread& t, Value cls, Stream* s) {
  t.after_commit.push_back([s](bool committed) {
    if (!committed) free_stream(s);
  });
  Value self = allocate(t, Layout::Instance, cls, sizeof(Bz2Object)); // finalized: kHasDel
  if (!self) return {};
  Bz2Object* o = fresh<Bz2Object>(self);
  o->stream = address_value(s);
  o->flushed = o->eof = Value::small_int(0);
  o->needs_input = Value::small_int(1);
  o->unused_data = bytes_new(t, "");
  return o->unused_data ? self : Value();
}

INTERP_NATIVE(bz2_del) {
  Stream* s = stream_of(args[0]);
  if (!s) return none();
  wr<Bz2Object>(args[0])->stream = {};
  t.after_commit.push_back([s](bool committed) {
    if (committed) free_stream(s);
  });
  return none();
}

// Runs the stream over `input` until it is consumed (compressing with `action`), or the
// stream ends, or `limit` bytes are out (limit < 0: no limit). Appends to `out`.
int run(Stream* s, const char* input, std::size_t size, int action, std::string& out,
        std::int64_t limit, std::size_t& consumed) {
  s->bzs.next_in = const_cast<char*>(input);
  s->bzs.avail_in = unsigned(std::min<std::size_t>(size, UINT_MAX));
  int code = BZ_OK;
  for (;;) {
    std::size_t room = 64 * 1024;
    if (limit >= 0) room = std::min<std::size_t>(room, std::size_t(limit) - out.size());
    if (room == 0) break;
    std::size_t before = out.size();
    out.resize(before + room);
    s->bzs.next_out = out.data() + before;
    s->bzs.avail_out = unsigned(room);
    code = s->compressing ? BZ2_bzCompress(&s->bzs, action) : BZ2_bzDecompress(&s->bzs);
    out.resize(before + room - s->bzs.avail_out);
    if (code < 0) break;
    if (code == BZ_STREAM_END) break;
    bool input_done = s->bzs.avail_in == 0;
    bool output_stalled = s->bzs.avail_out > 0;
    if (s->compressing ? (action == BZ_RUN && input_done) : (input_done && output_stalled)) break;
  }
  consumed = size - s->bzs.avail_in;
  return code;
}

// ---- BZ2Compressor -------------------------------------------------------------------------

INTERP_NATIVE(compressor_new) {
  if (!check_positional(t, "BZ2Compressor", nargs, kwnames, 0, 1)) return {};
  std::int64_t level = 9;
  if (nargs > 1 && !index_to_i64(t, args[1], level)) return {};
  if (level < 1 || level > 9)
    return raise(t, exc(E_ValueError), "compresslevel must be between 1 and 9");
  auto* s = new Stream;
  s->compressing = true;
  int code = BZ2_bzCompressInit(&s->bzs, int(level), 0, 0);
  if (code != BZ_OK) {
    delete s;
    return bz2_error(t, code);
  }
  return new_stream_object(t, args[0], s);
}

Stream* live(Thread& t, Value self) {
  Stream* s = stream_of(self);
  if (!s) raise(t, exc(E_ValueError), "the stream has been finalized");
  return s;
}

INTERP_NATIVE(compressor_compress) {
  if (!check_positional(t, "compress", nargs, kwnames, 1, 1)) return {};
  std::string data;
  if (!need_buffer(t, args[1], data)) return {};
  if (rd<Bz2Object>(args[0])->flushed == Value::small_int(1))
    return raise(t, exc(E_ValueError), "Compressor has been flushed");
  Stream* s = live(t, args[0]);
  if (!s) return {};
  stm::become_inevitable("BZ2Compressor.compress");
  std::string out;
  std::size_t consumed = 0;
  int code = run(s, data.data(), data.size(), BZ_RUN, out, -1, consumed);
  if (code < 0) return bz2_error(t, code);
  return bytes_new(t, out);
}

INTERP_NATIVE(compressor_flush) {
  if (!check_positional(t, "flush", nargs, kwnames, 0, 0)) return {};
  if (rd<Bz2Object>(args[0])->flushed == Value::small_int(1))
    return raise(t, exc(E_ValueError), "Repeated call to flush()");
  Stream* s = live(t, args[0]);
  if (!s) return {};
  stm::become_inevitable("BZ2Compressor.flush");
  wr<Bz2Object>(args[0])->flushed = Value::small_int(1);
  std::string out;
  std::size_t consumed = 0;
  int code = run(s, "", 0, BZ_FINISH, out, -1, consumed);
  if (code < 0) return bz2_error(t, code);
  return bytes_new(t, out);
}

// ---- BZ2Decompressor -----------------------------------------------------------------------

INTERP_NATIVE(decompressor_new) {
  if (!check_positional(t, "BZ2Decompressor", nargs, kwnames, 0, 0)) return {};
  auto* s = new Stream;
  int code = BZ2_bzDecompressInit(&s->bzs, 0, 0);
  if (code != BZ_OK) {
    delete s;
    return bz2_error(t, code);
  }
  return new_stream_object(t, args[0], s);
}

// decompress(data, max_length=-1): at most max_length bytes (all when negative); input
// not consumed yet waits for the next call.
INTERP_NATIVE(decompressor_decompress) {
  static const char* const kAllowed[] = {"data", "max_length", nullptr};
  if (!check_keywords(t, "decompress", kwnames, kAllowed)) return {};
  Value data_v = arg_or_keyword(args, nargs, kwnames, 1, "data");
  Value limit_v = arg_or_keyword(args, nargs, kwnames, 2, "max_length");
  if (!data_v)
    return raise(t, exc(E_TypeError), "decompress() missing required argument 'data' (pos 1)");
  std::string data;
  if (!need_buffer(t, data_v, data)) return {};
  std::int64_t limit = -1;
  if (limit_v && !index_to_i64(t, limit_v, limit)) return {};
  Value self = args[0];
  if (rd<Bz2Object>(self)->eof == Value::small_int(1))
    return raise(t, exc(E_EOFError), "End of stream already reached");
  Stream* s = live(t, self);
  if (!s) return {};
  stm::become_inevitable("BZ2Decompressor.decompress");
  std::string input = s->pending + data;
  std::string out;
  std::size_t consumed = 0;
  int code = run(s, input.data(), input.size(), BZ_RUN, out, limit, consumed);
  if (code < 0) {
    s->pending.clear();
    return bz2_error(t, code);
  }
  std::string rest = input.substr(consumed);
  Bz2Object* o = wr<Bz2Object>(self);
  bool truncated = limit >= 0 && std::int64_t(out.size()) >= limit;
  if (code == BZ_STREAM_END) {
    o->eof = Value::small_int(1);
    o->needs_input = Value::small_int(0);
    s->pending.clear();
    if (!rest.empty()) {
      std::string unused(bytes_view(rd<Bz2Object>(self)->unused_data));
      Value u = bytes_new(t, unused + rest);
      if (!u) return {};
      wr<Bz2Object>(self)->unused_data = u;
    }
  } else {
    s->pending = rest;
    // More output may be waiting inside the stream when it was cut at max_length.
    o->needs_input = Value::small_int(rest.empty() && !truncated ? 1 : 0);
  }
  return bytes_new(t, out);
}

INTERP_NATIVE(decompressor_eof) {
  return py_bool(rd<Bz2Object>(args[0])->eof == Value::small_int(1));
}
INTERP_NATIVE(decompressor_unused_data) {
  return rd<Bz2Object>(args[0])->unused_data;
}
INTERP_NATIVE(decompressor_needs_input) {
  return py_bool(rd<Bz2Object>(args[0])->needs_input == Value::small_int(1));
}

Value make_class(Thread& t, const char* name, NativeFn new_fn) {
  Value type = new_type(t, name, "_bz2", Layout::Instance, {}, false); // as CPython 3.11's
  if (!type) return {};
  add_staticmethod(t, type, "__new__", new_fn);
  add_method(t, type, "__del__", bz2_del);
  return type;
}

} // namespace

Value make_bz2_module(Thread& t) {
  if (!libbz2.load(t)) return {};
  Value m = new_module(t, "_bz2", nullptr, 0);
  Value compressor = m ? make_class(t, "BZ2Compressor", compressor_new) : Value();
  Value decompressor = compressor ? make_class(t, "BZ2Decompressor", decompressor_new) : Value();
  if (!decompressor) return {};
  add_method(t, compressor, "compress", compressor_compress);
  add_method(t, compressor, "flush", compressor_flush);
  add_method(t, decompressor, "decompress", decompressor_decompress);
  add_getter(t, decompressor, "eof", decompressor_eof);
  add_getter(t, decompressor, "unused_data", decompressor_unused_data);
  add_getter(t, decompressor, "needs_input", decompressor_needs_input);
  for (Value type : {compressor, decompressor}) {
    finish_owning_type(type);
  }
  module_set(t, m, "BZ2Compressor", compressor);
  module_set(t, m, "BZ2Decompressor", decompressor);
  return m;
}

} // namespace interp
