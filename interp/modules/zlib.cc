// interp/modules/zlib.cc - the zlib module over the zlib library: compress, decompress,
// crc32, adler32, compressobj, decompressobj and zlib.error. The same library as
// CPython's, so the same bytes come out.
//
// Transactions: a one-shot call keeps its stream on the C++ stack and frees it on every
// way out (an abort unwinds through it as an exception). A Compress or Decompress object
// keeps its stream in C memory, which an abort cannot take back, so each call that feeds
// one makes the running transaction inevitable first: the stream then changes only in
// transactions that commit, in step with the heap fields (eof, unused_data,
// unconsumed_tail). A stream made by a transaction that aborts is freed then; the
// object's finalizer frees it after the transaction that found the object dead commits
// (the shape of _bz2's and pyexpat's objects).
#include "interp/compile/opcodes.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <algorithm>
#include <climits>
#include <zlib.h>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc
bool buffer_contents(Thread& t, Value v, std::string& out, bool& error);

namespace {

constexpr int kDefBufSize = 16384;

// ---- errors --------------------------------------------------------------------------------

Value zlib_error_class(Thread& t) {
  return module_attr(t, "zlib", "error");
}

Value raise_zlib(Thread& t, const char* message) {
  Value cls = zlib_error_class(t);
  return cls ? raise(t, cls, message) : Value();
}

// "Error <code> <doing>: <what zlib said>", CPython's wording.
Value raise_stream_error(Thread& t, const z_stream& zs, int code, const char* doing) {
  if (code == Z_MEM_ERROR) return raisef(t, exc(E_MemoryError), "Out of memory %s", doing);
  const char* said = code == Z_VERSION_ERROR ? "library version mismatch" : zs.msg;
  if (!said) {
    if (code == Z_BUF_ERROR) said = "incomplete or truncated stream";
    if (code == Z_STREAM_ERROR) said = "inconsistent stream state";
    if (code == Z_DATA_ERROR) said = "invalid input data";
  }
  Value cls = zlib_error_class(t);
  if (!cls) return {};
  return said ? raisef(t, cls, "Error %d %s: %.200s", code, doing, said)
              : raisef(t, cls, "Error %d %s", code, doing);
}

// ---- arguments -----------------------------------------------------------------------------

bool int_arg(Thread& t, Value v, int dflt, int& out) {
  if (!v) return out = dflt, true;
  std::int64_t i;
  if (!index_to_i64(t, v, i)) return false;
  if (i < INT_MIN || i > INT_MAX) {
    raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
    return false;
  }
  out = int(i);
  return true;
}

// A checksum's running value: any int, reduced modulo 2**32.
bool checksum_value(Thread& t, Value v, std::uint32_t& out) {
  if (!int_check(v)) {
    std::int64_t i;
    if (!index_to_i64(t, v, i)) return false;
    out = std::uint32_t(std::uint64_t(i));
    return true;
  }
  Value masked = binary_op(t, v, int_from_i64(t, 0xffffffff), bytecode::BinaryOp::And);
  std::int64_t i;
  if (!masked || !int_to_i64(masked, i)) return false;
  out = std::uint32_t(i);
  return true;
}

// ---- streams -------------------------------------------------------------------------------

// Runs `step` (deflate or inflate with its flush mode) over `input`, appending to `out`
// until the input is consumed and the output is not cut short, the stream ends, or `limit`
// bytes are out (0: no limit). The last code, and how much input is left.
struct Pumped {
  int code;
  std::size_t unconsumed;
};

template <class Step>
Pumped pump(z_stream& zs, std::string_view input, std::string& out, std::size_t limit,
            std::size_t chunk, Step step) {
  std::size_t fed = 0; // the library counts in uInt: more than 4 GiB goes in parts
  auto feed = [&] {
    std::size_t n = std::min<std::size_t>(input.size() - fed, UINT_MAX);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + fed));
    zs.avail_in = uInt(n);
    fed += n;
  };
  feed();
  int code = Z_OK;
  for (;;) {
    std::size_t room = std::max<std::size_t>(chunk, 1);
    if (limit) room = std::min(room, limit - out.size());
    if (room == 0) break;
    std::size_t before = out.size();
    out.resize(before + room);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    zs.avail_out = uInt(std::min<std::size_t>(room, UINT_MAX));
    code = step(zs);
    out.resize(out.size() - zs.avail_out);
    if (zs.avail_in == 0 && fed < input.size()) feed();
    if (code != Z_OK && code != Z_BUF_ERROR) break;      // the end, or an error
    if (zs.avail_out != 0 && zs.avail_in == 0) break;    // all in, all out
    if (code == Z_BUF_ERROR && zs.avail_out != 0) break; // no progress possible
    chunk = std::min<std::size_t>(chunk * 2, 1 << 22);
  }
  return {code, input.size() - fed + zs.avail_in};
}

// A one-shot call's stream: ended on every way out.
struct DeflateGuard {
  z_stream zs{};
  bool live = false;
  ~DeflateGuard() {
    if (live) deflateEnd(&zs);
  }
};
struct InflateGuard {
  z_stream zs{};
  bool live = false;
  ~InflateGuard() {
    if (live) inflateEnd(&zs);
  }
};

// ---- one-shot functions --------------------------------------------------------------------

template <bool Crc> Value checksum(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  const char* name = Crc ? "crc32" : "adler32";
  if (!check_positional(t, name, nargs, kwnames, 1, 2, 0)) return {};
  std::string in;
  std::uint32_t value = Crc ? 0 : 1;
  if (!need_buffer(t, args[0], in) || (nargs > 1 && !checksum_value(t, args[1], value))) return {};
  uLong sum = value;
  for (std::size_t at = 0; at < in.size(); at += UINT_MAX) {
    auto* p = reinterpret_cast<const Bytef*>(in.data() + at);
    uInt n = uInt(std::min<std::size_t>(in.size() - at, UINT_MAX));
    sum = Crc ? crc32(sum, p, n) : adler32(sum, p, n);
  }
  return int_from_i64(t, std::int64_t(sum & 0xffffffffu));
}

INTERP_NATIVE(zlib_crc32) {
  return checksum<true>(t, args, nargs, kwnames);
}
INTERP_NATIVE(zlib_adler32) {
  return checksum<false>(t, args, nargs, kwnames);
}

// compress(data, /, level=-1, wbits=MAX_WBITS)
INTERP_NATIVE(zlib_compress) {
  Value a[3];
  if (!parse_arguments(t, "compress", args, nargs, kwnames, {"", "level", "wbits"}, 1, 1, a))
    return {};
  std::string in;
  int level, wbits;
  if (!need_buffer(t, a[0], in) || !int_arg(t, a[1], Z_DEFAULT_COMPRESSION, level) ||
      !int_arg(t, a[2], MAX_WBITS, wbits))
    return {};
  DeflateGuard g;
  int code = deflateInit2(&g.zs, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
  if (code == Z_STREAM_ERROR) return raise_zlib(t, "Bad compression level");
  if (code != Z_OK) return raise_stream_error(t, g.zs, code, "while compressing data");
  g.live = true;
  std::string out;
  code = pump(g.zs, in, out, 0, std::max<std::size_t>(in.size() / 4, 256), [](z_stream& zs) {
           return deflate(&zs, Z_FINISH);
         }).code;
  if (code != Z_STREAM_END) return raise_stream_error(t, g.zs, code, "while compressing data");
  return bytes_new(t, out);
}

// decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)
INTERP_NATIVE(zlib_decompress) {
  Value a[3];
  if (!parse_arguments(t, "decompress", args, nargs, kwnames, {"", "wbits", "bufsize"}, 1, 1, a))
    return {};
  std::string in;
  int wbits;
  std::int64_t bufsize = kDefBufSize;
  if (!need_buffer(t, a[0], in) || !int_arg(t, a[1], MAX_WBITS, wbits) ||
      (a[2] && !index_to_i64(t, a[2], bufsize)))
    return {};
  if (bufsize < 0) return raise(t, exc(E_ValueError), "bufsize must be non-negative");
  InflateGuard g;
  int code = inflateInit2(&g.zs, wbits);
  if (code != Z_OK) return raise_stream_error(t, g.zs, code, "while preparing to decompress data");
  g.live = true;
  std::string out;
  code = pump(g.zs, in, out, 0, std::max<std::size_t>(std::size_t(bufsize), 1), [](z_stream& zs) {
           return inflate(&zs, Z_NO_FLUSH);
         }).code;
  if (code == Z_OK) code = Z_BUF_ERROR; // the input ran out before the end
  if (code != Z_STREAM_END) return raise_stream_error(t, g.zs, code, "while decompressing data");
  return bytes_new(t, out);
}

// ---- Compress and Decompress objects -------------------------------------------------------

// The C side of a Compress or Decompress object.
struct Stream {
  z_stream zs{};
  bool compressing = false;
  bool ended = false; // deflateEnd/inflateEnd done (a compressor after Z_FINISH)
  bool has_zdict = false;
  std::string zdict; // a decompressor's dictionary, for a stream that asks for it
};

void free_stream(Stream* s) {
  if (!s->ended) {
    if (s->compressing)
      deflateEnd(&s->zs);
    else
      inflateEnd(&s->zs);
  }
  delete s;
}

struct StreamObject : Object {
  Value stream;          // small int: the Stream's address; 0 once freed
  Value unused_data;     // Decompress: bytes after the end of the stream
  Value unconsumed_tail; // Decompress: input not used yet because of max_length
  Value eof;             // Decompress: bool
};

Stream* stream_of(Value self) {
  return address_in<Stream>(rd<StreamObject>(self)->stream);
}

// A new object of the module's class `class_name` owning `s`, freed when the transaction
// that made it aborts.
Value new_stream_object(Thread& t, const char* class_name, Stream* s) {
  t.after_commit.push_back([s](bool committed) {
    if (!committed) free_stream(s);
  });
  Value cls = module_attr(t, "zlib", class_name);
  Value self = cls ? allocate(t, Layout::Instance, cls, sizeof(StreamObject)) : Value();
  Value empty = self ? bytes_new(t, "") : Value();
  if (!empty) return {};
  StreamObject* o = fresh<StreamObject>(self);
  o->stream = address_value(s);
  o->unused_data = o->unconsumed_tail = empty;
  o->eof = py_bool(false);
  return self;
}

INTERP_NATIVE(stream_del) {
  Stream* s = stream_of(args[0]);
  if (!s) return none();
  wr<StreamObject>(args[0])->stream = {};
  t.after_commit.push_back([s](bool committed) {
    if (committed) free_stream(s);
  });
  return none();
}

// compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
//             strategy=Z_DEFAULT_STRATEGY, zdict=None)
INTERP_NATIVE(zlib_compressobj) {
  Value a[6];
  if (!parse_arguments(t, "compressobj", args, nargs, kwnames,
                       {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0, 0, a))
    return {};
  int level, method, wbits, mem, strategy;
  if (!int_arg(t, a[0], Z_DEFAULT_COMPRESSION, level) || !int_arg(t, a[1], Z_DEFLATED, method) ||
      !int_arg(t, a[2], MAX_WBITS, wbits) || !int_arg(t, a[3], 8, mem) ||
      !int_arg(t, a[4], Z_DEFAULT_STRATEGY, strategy))
    return {};
  std::string zdict;
  bool has_zdict = a[5] && a[5] != none();
  if (has_zdict && !need_buffer(t, a[5], zdict)) return {};
  auto* s = new Stream;
  s->compressing = true;
  int code = deflateInit2(&s->zs, level, method, wbits, mem, strategy);
  if (code == Z_OK && has_zdict)
    code = deflateSetDictionary(&s->zs, reinterpret_cast<const Bytef*>(zdict.data()),
                                uInt(zdict.size()));
  if (code != Z_OK) {
    z_stream failed = s->zs;
    free_stream(s);
    if (code == Z_STREAM_ERROR) return raise(t, exc(E_ValueError), "Invalid initialization option");
    return raise_stream_error(t, failed, code, "while creating compression object");
  }
  return new_stream_object(t, "_Compress", s);
}

// The stream of a Compress object still running, or 0 with zlib.error raised.
Stream* running_compressor(Thread& t, Value self, const char* doing) {
  Stream* s = stream_of(self);
  if (s && !s->ended) return s;
  z_stream none{};
  raise_stream_error(t, none, Z_STREAM_ERROR, doing);
  return nullptr;
}

INTERP_NATIVE(compress_compress) {
  if (!check_positional(t, "compress", nargs, kwnames, 1, 1)) return {};
  std::string in;
  if (!need_buffer(t, args[1], in)) return {};
  Stream* s = running_compressor(t, args[0], "while compressing data");
  if (!s) return {};
  stm::become_inevitable("zlib.Compress.compress");
  std::string out;
  int code = pump(s->zs, in, out, 0, std::max<std::size_t>(in.size() / 4, 256), [](z_stream& zs) {
               return deflate(&zs, Z_NO_FLUSH);
             }).code;
  if (code != Z_OK && code != Z_BUF_ERROR)
    return raise_stream_error(t, s->zs, code, "while compressing data");
  return bytes_new(t, out);
}

// flush(mode=Z_FINISH, /)
INTERP_NATIVE(compress_flush) {
  if (!check_positional(t, "flush", nargs, kwnames, 0, 1)) return {};
  int mode = Z_FINISH;
  if (nargs > 1 && !int_arg(t, args[1], Z_FINISH, mode)) return {};
  if (mode == Z_NO_FLUSH) return bytes_new(t, "");
  Stream* s = running_compressor(t, args[0], "while flushing");
  if (!s) return {};
  stm::become_inevitable("zlib.Compress.flush");
  std::string out;
  int code = pump(s->zs, "", out, 0, kDefBufSize, [mode](z_stream& zs) {
               return deflate(&zs, mode);
             }).code;
  if (code == Z_STREAM_END && mode == Z_FINISH) {
    deflateEnd(&s->zs);
    s->ended = true;
  } else if (code != Z_OK && code != Z_BUF_ERROR && code != Z_STREAM_END) {
    return raise_stream_error(t, s->zs, code, "while flushing");
  }
  return bytes_new(t, out);
}

// copy(), __copy__(), __deepcopy__(memo): a second object with a copy of the stream.
Value copy_stream_object(Thread& t, Value self) {
  Stream* s = stream_of(self);
  if (!s || s->ended) return raise(t, exc(E_ValueError), "Inconsistent stream state");
  stm::become_inevitable("zlib copy");
  auto* c = new Stream;
  c->compressing = s->compressing;
  c->has_zdict = s->has_zdict;
  c->zdict = s->zdict;
  int code = s->compressing ? deflateCopy(&c->zs, &s->zs) : inflateCopy(&c->zs, &s->zs);
  if (code != Z_OK) {
    delete c;
    if (code == Z_STREAM_ERROR) return raise(t, exc(E_ValueError), "Inconsistent stream state");
    return raise_stream_error(t, s->zs, code, "while copying compression object");
  }
  Value copy = new_stream_object(t, s->compressing ? "_Compress" : "_Decompress", c);
  if (!copy) return {};
  const StreamObject* from = rd<StreamObject>(self);
  StreamObject* to = wr<StreamObject>(copy);
  to->unused_data = from->unused_data;
  to->unconsumed_tail = from->unconsumed_tail;
  to->eof = from->eof;
  return copy;
}

INTERP_NATIVE(stream_copy) {
  if (!check_positional(t, "copy", nargs, kwnames, 0, 0)) return {};
  return copy_stream_object(t, args[0]);
}
INTERP_NATIVE(stream_copy_dunder) {
  if (!check_positional(t, "__copy__", nargs, kwnames, 0, 0)) return {};
  return copy_stream_object(t, args[0]);
}
INTERP_NATIVE(stream_deepcopy) {
  if (!check_positional(t, "__deepcopy__", nargs, kwnames, 1, 1)) return {};
  return copy_stream_object(t, args[0]);
}

// decompressobj(wbits=MAX_WBITS, zdict=b'')
INTERP_NATIVE(zlib_decompressobj) {
  Value a[2];
  if (!parse_arguments(t, "decompressobj", args, nargs, kwnames, {"wbits", "zdict"}, 0, 0, a))
    return {};
  int wbits;
  if (!int_arg(t, a[0], MAX_WBITS, wbits)) return {};
  std::string zdict;
  if (a[1]) {
    bool error = false;
    if (!buffer_contents(t, a[1], zdict, error)) {
      if (!error) raise(t, exc(E_TypeError), "zdict argument must support the buffer protocol");
      return {};
    }
  }
  auto* s = new Stream;
  s->has_zdict = bool(a[1]);
  s->zdict = zdict;
  int code = inflateInit2(&s->zs, wbits);
  // A raw stream never asks for its dictionary: it is set at the start.
  if (code == Z_OK && a[1] && wbits < 0)
    code = inflateSetDictionary(&s->zs, reinterpret_cast<const Bytef*>(zdict.data()),
                                uInt(zdict.size()));
  if (code != Z_OK) {
    z_stream failed = s->zs;
    free_stream(s);
    if (code == Z_STREAM_ERROR) return raise(t, exc(E_ValueError), "Invalid initialization option");
    return raise_stream_error(t, failed, code, "while creating decompression object");
  }
  return new_stream_object(t, "_Decompress", s);
}

// Feeds `input` to the decompressor with `flush`, at most `max_length` bytes out (0: no
// limit), and updates eof, unused_data and unconsumed_tail.
Value decompress_more(Thread& t, Value self, const std::string& input, std::size_t max_length,
                      int flush, const char* doing) {
  Stream* s = stream_of(self);
  if (!s) return raise(t, exc(E_ValueError), "Inconsistent stream state");
  if (s->ended) {
    z_stream none{};
    return raise_stream_error(t, none, Z_STREAM_ERROR, doing);
  }
  stm::become_inevitable("zlib.Decompress");
  std::string out;
  std::size_t chunk = max_length ? std::min<std::size_t>(max_length, kDefBufSize) : kDefBufSize;
  std::string_view rest = input;
  int code;
  for (;;) {
    Pumped p = pump(s->zs, rest, out, max_length, chunk,
                    [flush](z_stream& zs) { return inflate(&zs, flush); });
    code = p.code;
    rest = rest.substr(rest.size() - p.unconsumed);
    if (code != Z_NEED_DICT || !s->has_zdict) break;
    code = inflateSetDictionary(&s->zs, reinterpret_cast<const Bytef*>(s->zdict.data()),
                                uInt(s->zdict.size()));
    if (code != Z_OK) break;
  }
  if (code != Z_OK && code != Z_BUF_ERROR && code != Z_STREAM_END)
    return raise_stream_error(t, s->zs, code, doing);
  Value result = bytes_new(t, out);
  if (!result) return {};
  // Input left at the end of the stream belongs after it (unused_data, which collects
  // it across calls); input left before the end is what max_length stopped short of. As
  // CPython's, the end leaves the tail empty unless a tail was there before the call.
  bool at_end = code == Z_STREAM_END;
  bool had_tail = !bytes_view(rd<StreamObject>(self)->unconsumed_tail).empty();
  Value tail = bytes_new(t, at_end && !had_tail ? std::string_view() : rest);
  if (!tail) return {};
  wr<StreamObject>(self)->unconsumed_tail = tail;
  if (at_end) {
    std::string unused(bytes_view(rd<StreamObject>(self)->unused_data));
    unused.append(rest);
    Value u = bytes_new(t, unused);
    if (!u) return {};
    StreamObject* o = wr<StreamObject>(self);
    o->unused_data = u;
    o->eof = py_bool(true);
    // A flush that reaches the end ends the stream (copy() refuses then).
    if (flush == Z_FINISH) {
      inflateEnd(&s->zs);
      s->ended = true;
    }
  }
  return result;
}

// decompress(data, /, max_length=0)
INTERP_NATIVE(decompress_decompress) {
  Value a[3];
  if (!parse_arguments(t, "decompress", args, nargs, kwnames, {"self", "", "max_length"}, 2, 2, a))
    return {};
  std::string in;
  // A Py_ssize_t in CPython: gzip passes sys.maxsize for "no limit".
  std::int64_t max_length = 0;
  if (!need_buffer(t, a[1], in) || (a[2] && !index_to_i64(t, a[2], max_length))) return {};
  if (max_length < 0) return raise(t, exc(E_ValueError), "max_length must be non-negative");
  return decompress_more(t, a[0], in, std::size_t(max_length), Z_SYNC_FLUSH,
                         "while decompressing data");
}

// flush(length=DEF_BUF_SIZE, /): decodes the unconsumed tail, all of it.
INTERP_NATIVE(decompress_flush) {
  if (!check_positional(t, "flush", nargs, kwnames, 0, 1)) return {};
  std::int64_t length = kDefBufSize;
  if (nargs > 1 && !index_to_i64(t, args[1], length)) return {};
  if (length <= 0) return raise(t, exc(E_ValueError), "length must be greater than zero");
  std::string tail(bytes_view(rd<StreamObject>(args[0])->unconsumed_tail));
  return decompress_more(t, args[0], tail, 0, Z_FINISH, "while flushing");
}

INTERP_NATIVE(decompress_unused_data) {
  return rd<StreamObject>(args[0])->unused_data;
}
INTERP_NATIVE(decompress_unconsumed_tail) {
  return rd<StreamObject>(args[0])->unconsumed_tail;
}
INTERP_NATIVE(decompress_eof) {
  return rd<StreamObject>(args[0])->eof;
}

Value make_stream_class(Thread& t, const char* name) {
  Value type = new_type(t, name, "zlib", Layout::Instance, {}, false);
  if (!type) return {};
  refuse_instances(t, type);
  add_method(t, type, "__del__", stream_del);
  add_method(t, type, "copy", stream_copy);
  add_method(t, type, "__copy__", stream_copy_dunder);
  add_method(t, type, "__deepcopy__", stream_deepcopy);
  return type;
}

} // namespace

Value make_zlib_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"adler32", zlib_adler32},         {"crc32", zlib_crc32},
      {"compress", zlib_compress},       {"decompress", zlib_decompress},
      {"compressobj", zlib_compressobj}, {"decompressobj", zlib_decompressobj},
  };
  Value m = new_module(t, "zlib", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value error = new_exception_type(t, "error", "zlib", exc(E_Exception));
  if (!error) return {};
  module_set(t, m, "error", error);
  Value comp = make_stream_class(t, "Compress");
  Value decomp = comp ? make_stream_class(t, "Decompress") : Value();
  if (!decomp) return {};
  add_method(t, comp, "compress", compress_compress);
  add_method(t, comp, "flush", compress_flush);
  add_method(t, decomp, "decompress", decompress_decompress);
  add_method(t, decomp, "flush", decompress_flush);
  add_getter(t, decomp, "unused_data", decompress_unused_data);
  add_getter(t, decomp, "unconsumed_tail", decompress_unconsumed_tail);
  add_getter(t, decomp, "eof", decompress_eof);
  for (Value type : {comp, decomp}) {
    finish_owning_type(type);
  }
  module_set(t, m, "_Compress", comp);
  module_set(t, m, "_Decompress", decomp);
  static const struct {
    const char* name;
    int value;
  } kInts[] = {
      {"MAX_WBITS", MAX_WBITS},
      {"DEFLATED", Z_DEFLATED},
      {"DEF_MEM_LEVEL", 8},
      {"DEF_BUF_SIZE", kDefBufSize},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},
      {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
      {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},
      {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},
      {"Z_TREES", Z_TREES},
  };
  for (const auto& c : kInts)
    module_set(t, m, c.name, Value::small_int(c.value));
  module_set(t, m, "ZLIB_VERSION", str_from_ascii(t, ZLIB_VERSION));
  module_set(t, m, "ZLIB_RUNTIME_VERSION", str_from_ascii(t, zlibVersion()));
  return m;
}

} // namespace interp
