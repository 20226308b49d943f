// interp/modules/zlib.cc - the zlib module: compress, decompress, crc32, adler32,
// compressobj, decompressobj and zlib.error, over the codec of zlib_codec.h.
//
// Transactions: a Compress object keeps its DeflateState (a few words) in a heap Bytes
// object, replaced through wr<> on each call. A Decompress object keeps all the input of
// its stream consumed so far (a heap Bytes object) and how much output it has returned;
// each call decodes the stream again from its start and returns the output past that
// point. An aborted transaction so takes its calls back with it; the cost is that a
// stream fed in many pieces is decoded in time quadratic in its length.
#include "interp/compile/opcodes.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/zlib_codec.h"
#include "interp/ops.h"

#include <cstring>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

using namespace zcodec;

constexpr int kMaxWbits = 15;
constexpr int kDefBufSize = 16384;

Value raise_zlib(Thread& t, const std::string& message) {
  Value m = import_module(t, "zlib");
  Value cls = m ? getattr(t, m, intern_literal(t, "error")) : Value();
  return cls ? raise(t, cls, message.c_str()) : Value();
}

Value module_attr(Thread& t, const char* name) {
  Value m = import_module(t, "zlib");
  return m ? getattr(t, m, intern_literal(t, name)) : Value();
}

// An int argument; `dflt` when absent.
bool int_arg(Thread& t, Value v, int dflt, int& out) {
  if (!v) return out = dflt, true;
  std::int64_t i;
  if (!index_to_i64(t, v, i)) return false;
  if (i < INT32_MIN || i > INT32_MAX) {
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

template <bool Crc> Value checksum(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  const char* name = Crc ? "crc32" : "adler32";
  if (!check_positional(t, name, nargs, kwnames, 1, 2, 0)) return {};
  std::string in;
  std::uint32_t value = Crc ? 0 : 1;
  if (!need_buffer(t, args[0], in) || (nargs > 1 && !checksum_value(t, args[1], value))) return {};
  auto* p = reinterpret_cast<const unsigned char*>(in.data());
  value = Crc ? crc32_update(value, p, in.size()) : adler32_update(value, p, in.size());
  return int_from_i64(t, std::int64_t(value));
}

INTERP_NATIVE(zlib_crc32) {
  return checksum<true>(t, args, nargs, kwnames);
}
INTERP_NATIVE(zlib_adler32) {
  return checksum<false>(t, args, nargs, kwnames);
}

bool compress_wbits(int wbits, Container& c, int& window) {
  return container_of(wbits, c, window) && c != Container::Auto && wbits != 0;
}

// compress(data, /, level=-1, wbits=MAX_WBITS)
INTERP_NATIVE(zlib_compress) {
  Value a[3];
  if (!parse_arguments(t, "compress", args, nargs, kwnames, {"", "level", "wbits"}, 1, 1, a))
    return {};
  std::string in;
  int level, wbits;
  if (!need_buffer(t, a[0], in) || !int_arg(t, a[1], -1, level) ||
      !int_arg(t, a[2], kMaxWbits, wbits))
    return {};
  Container c;
  int window;
  if (level < -1 || level > 9 || !compress_wbits(wbits, c, window))
    return raise_zlib(t, "Bad compression level");
  DeflateState s;
  deflate_start(s, level < 0 ? 6 : level, c, window);
  std::string out;
  deflate_data(s, in, out);
  deflate_flush(s, 4, out);
  return bytes_new(t, out);
}

std::string error_message(const InflateResult& r, const char* doing) {
  if (r.status == InflateStatus::Truncated)
    return std::string("Error -5 while ") + doing + ": incomplete or truncated stream";
  return std::string("Error -3 while ") + doing + ": " + r.message;
}

// decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)
INTERP_NATIVE(zlib_decompress) {
  Value a[3];
  if (!parse_arguments(t, "decompress", args, nargs, kwnames, {"", "wbits", "bufsize"}, 1, 1, a))
    return {};
  std::string in;
  int wbits, bufsize;
  if (!need_buffer(t, a[0], in) || !int_arg(t, a[1], kMaxWbits, wbits) ||
      !int_arg(t, a[2], kDefBufSize, bufsize))
    return {};
  if (bufsize < 0) return raise(t, exc(E_ValueError), "bufsize must be non-negative");
  Container c;
  int window;
  if (!container_of(wbits, c, window))
    return raise_zlib(t, "Error -2 while preparing to decompress data: inconsistent stream state");
  std::string out;
  InflateResult r = inflate(in, wbits, out, std::size_t(-1));
  if (r.status != InflateStatus::End) return raise_zlib(t, error_message(r, "decompressing data"));
  return bytes_new(t, out);
}

// ---- compressobj ------------------------------------------------------------------------

struct CompressObject : Object {
  Value state; // Bytes: a DeflateState
};

DeflateState compress_state(Value self) {
  DeflateState s;
  std::memcpy(&s, rd<BytesObject>(rd<CompressObject>(self)->state)->data, sizeof s);
  return s;
}

void set_compress_state(Value self, const DeflateState& s) {
  std::memcpy(wr<BytesObject>(rd<CompressObject>(self)->state)->data, &s, sizeof s);
}

INTERP_NATIVE(no_new) {
  const TypeObject* type = rd<TypeObject>(args[0]);
  return raisef(t, exc(E_TypeError), "cannot create '%s.%s' instances",
                str_utf8(type->module).c_str(), str_utf8(type->name).c_str());
}

// compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
//             strategy=Z_DEFAULT_STRATEGY, zdict=None)
INTERP_NATIVE(zlib_compressobj) {
  Value a[6];
  if (!parse_arguments(t, "compressobj", args, nargs, kwnames,
                       {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0, 0, a))
    return {};
  int level, method, wbits, mem, strategy;
  if (!int_arg(t, a[0], -1, level) || !int_arg(t, a[1], 8, method) ||
      !int_arg(t, a[2], kMaxWbits, wbits) || !int_arg(t, a[3], 8, mem) ||
      !int_arg(t, a[4], 0, strategy))
    return {};
  if (a[5] && a[5] != none())
    return raise(t, exc(E_NotImplementedError), "zlib.compressobj: zdict is not supported");
  Container c;
  int window;
  if (level < -1 || level > 9 || method != 8 || mem < 1 || mem > 9 || strategy < 0 ||
      strategy > 4 || !compress_wbits(wbits, c, window))
    return raise(t, exc(E_ValueError), "Invalid initialization option");
  DeflateState s;
  deflate_start(s, level < 0 ? 6 : level, c, window);
  Value cls = module_attr(t, "_Compress");
  Value self = cls ? allocate(t, Layout::Instance, cls, sizeof(CompressObject)) : Value();
  Value state =
      self ? bytes_new(t, std::string_view(reinterpret_cast<const char*>(&s), sizeof s)) : Value();
  if (!state) return {};
  fresh<CompressObject>(self)->state = state;
  return self;
}

INTERP_NATIVE(compress_compress) {
  if (!check_positional(t, "compress", nargs, kwnames, 1, 1)) return {};
  std::string in;
  if (!need_buffer(t, args[1], in)) return {};
  DeflateState s = compress_state(args[0]);
  if (s.finished)
    return raise_zlib(t, "Error -2 while compressing data: inconsistent stream state");
  std::string out;
  deflate_data(s, in, out);
  set_compress_state(args[0], s);
  return bytes_new(t, out);
}

INTERP_NATIVE(compress_flush) {
  if (!check_positional(t, "flush", nargs, kwnames, 0, 1)) return {};
  int mode = 4;
  if (nargs > 1 && !int_arg(t, args[1], 4, mode)) return {};
  DeflateState s = compress_state(args[0]);
  std::string out;
  if (mode == 0) return bytes_new(t, out);
  if (s.finished && mode == 4) return bytes_new(t, out);
  if (s.finished) return raise_zlib(t, "Error -2 while flushing: inconsistent stream state");
  deflate_flush(s, mode, out);
  set_compress_state(args[0], s);
  return bytes_new(t, out);
}

// ---- decompressobj ----------------------------------------------------------------------

struct DecompressObject : Object {
  Value input;           // Bytes: the stream's input consumed so far
  Value returned;        // int: output bytes returned so far
  Value wbits;           // int
  Value unused_data;     // Bytes
  Value unconsumed_tail; // Bytes
  Value eof;             // bool
};

INTERP_NATIVE(zlib_decompressobj) {
  Value a[2];
  if (!parse_arguments(t, "decompressobj", args, nargs, kwnames, {"wbits", "zdict"}, 0, 0, a))
    return {};
  int wbits;
  if (!int_arg(t, a[0], kMaxWbits, wbits)) return {};
  if (a[1])
    return raise(t, exc(E_NotImplementedError), "zlib.decompressobj: zdict is not supported");
  Container c;
  int window;
  if (!container_of(wbits, c, window))
    return raise(t, exc(E_ValueError), "Invalid initialization option");
  Value cls = module_attr(t, "_Decompress");
  Value self = cls ? allocate(t, Layout::Instance, cls, sizeof(DecompressObject)) : Value();
  Value empty = self ? bytes_new(t, "") : Value();
  if (!empty) return {};
  auto* d = fresh<DecompressObject>(self);
  d->input = empty;
  d->returned = Value::small_int(0);
  d->wbits = Value::small_int(wbits);
  d->unused_data = empty;
  d->unconsumed_tail = empty;
  d->eof = py_bool(false);
  return self;
}

std::string bytes_of(Value b) {
  const BytesObject* o = rd<BytesObject>(b);
  return std::string(reinterpret_cast<const char*>(o->data), std::size_t(o->length));
}

// Decodes the stream's input plus `more`, with `max_length` (0: no limit), updating the
// object; the output past what was returned before.
Value decompress_more(Thread& t, Value self, const std::string& more, std::size_t max_length,
                      const char* doing) {
  const DecompressObject* d = rd<DecompressObject>(self);
  if (d->eof == py_bool(true)) {
    Value unused = bytes_new(t, bytes_of(d->unused_data) + more);
    if (!unused) return {};
    wr<DecompressObject>(self)->unused_data = unused;
    return bytes_new(t, "");
  }
  std::string all = bytes_of(d->input) + more;
  std::int64_t returned = 0, wbits = 0;
  int_to_i64(d->returned, returned);
  int_to_i64(d->wbits, wbits);
  std::string out;
  std::size_t limit = max_length ? std::size_t(returned) + max_length : std::size_t(-1);
  InflateResult r = inflate(all, int(wbits), out, limit);
  if (r.status == InflateStatus::Error) return raise_zlib(t, error_message(r, doing));
  std::size_t keep = r.status == InflateStatus::Truncated ? all.size() : r.consumed;
  std::size_t give = out.size() - std::size_t(returned);
  if (max_length && give > max_length) give = max_length;
  Value input = bytes_new(t, std::string_view(all).substr(0, keep));
  Value rest = input ? bytes_new(t, std::string_view(all).substr(keep)) : Value();
  Value result =
      rest ? bytes_new(t, std::string_view(out).substr(std::size_t(returned), give)) : Value();
  Value count = result ? int_from_i64(t, returned + std::int64_t(give)) : Value();
  Value empty = count ? bytes_new(t, "") : Value();
  if (!empty) return {};
  auto* w = wr<DecompressObject>(self);
  w->input = input;
  w->returned = count;
  if (r.status == InflateStatus::End) {
    w->eof = py_bool(true);
    w->unused_data = rest;
    w->unconsumed_tail = empty;
  } else {
    w->unconsumed_tail = rest;
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
  return decompress_more(t, a[0], in, std::size_t(max_length), "decompressing data");
}

// flush(length=DEF_BUF_SIZE, /): decodes the unconsumed tail.
INTERP_NATIVE(decompress_flush) {
  if (!check_positional(t, "flush", nargs, kwnames, 0, 1)) return {};
  int length = kDefBufSize;
  if (nargs > 1 && !int_arg(t, args[1], kDefBufSize, length)) return {};
  if (length <= 0) return raise(t, exc(E_ValueError), "length must be greater than zero");
  std::string tail = bytes_of(rd<DecompressObject>(args[0])->unconsumed_tail);
  Value empty = bytes_new(t, "");
  if (!empty) return {};
  wr<DecompressObject>(args[0])->unconsumed_tail = empty;
  return decompress_more(t, args[0], tail, 0, "flushing");
}

INTERP_NATIVE(decompress_unused_data) {
  return rd<DecompressObject>(args[0])->unused_data;
}
INTERP_NATIVE(decompress_unconsumed_tail) {
  return rd<DecompressObject>(args[0])->unconsumed_tail;
}
INTERP_NATIVE(decompress_eof) {
  return rd<DecompressObject>(args[0])->eof;
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
  Value comp = new_type(t, "Compress", "zlib", Layout::Instance, {}, false);
  if (!comp) return {};
  add_staticmethod(t, comp, "__new__", no_new);
  add_method(t, comp, "compress", compress_compress);
  add_method(t, comp, "flush", compress_flush);
  update_type_flags(comp);
  module_set(t, m, "_Compress", comp);
  Value decomp = new_type(t, "Decompress", "zlib", Layout::Instance, {}, false);
  if (!decomp) return {};
  add_staticmethod(t, decomp, "__new__", no_new);
  add_method(t, decomp, "decompress", decompress_decompress);
  add_method(t, decomp, "flush", decompress_flush);
  add_getter(t, decomp, "unused_data", decompress_unused_data);
  add_getter(t, decomp, "unconsumed_tail", decompress_unconsumed_tail);
  add_getter(t, decomp, "eof", decompress_eof);
  update_type_flags(decomp);
  module_set(t, m, "_Decompress", decomp);
  static const struct {
    const char* name;
    int value;
  } kInts[] = {
      {"MAX_WBITS", 15},
      {"DEFLATED", 8},
      {"DEF_MEM_LEVEL", 8},
      {"DEF_BUF_SIZE", 16384},
      {"Z_NO_COMPRESSION", 0},
      {"Z_BEST_SPEED", 1},
      {"Z_BEST_COMPRESSION", 9},
      {"Z_DEFAULT_COMPRESSION", -1},
      {"Z_FILTERED", 1},
      {"Z_HUFFMAN_ONLY", 2},
      {"Z_RLE", 3},
      {"Z_FIXED", 4},
      {"Z_DEFAULT_STRATEGY", 0},
      {"Z_NO_FLUSH", 0},
      {"Z_PARTIAL_FLUSH", 1},
      {"Z_SYNC_FLUSH", 2},
      {"Z_FULL_FLUSH", 3},
      {"Z_FINISH", 4},
      {"Z_BLOCK", 5},
      {"Z_TREES", 6},
  };
  for (const auto& c : kInts)
    module_set(t, m, c.name, Value::small_int(c.value));
  module_set(t, m, "ZLIB_VERSION", str_from_ascii(t, "1.2.13"));
  module_set(t, m, "ZLIB_RUNTIME_VERSION", str_from_ascii(t, "1.2.13"));
  return m;
}

} // namespace interp
