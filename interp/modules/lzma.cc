// interp/modules/lzma.cc - the _lzma module: LZMACompressor, LZMADecompressor, LZMAError
// and the filter-chain helpers over liblzma (lzma.py, LZMAFile, tarfile's "xz" and
// zipfile's ZIP_LZMA build on them).
//
// Transactions: a liblzma stream is C memory, which an abort cannot take back. So each call
// that feeds one makes the running transaction inevitable first: the stream then changes
// only in transactions that commit, in step with the heap object (eof, check, unused_data,
// needs_input live there). A stream made by a transaction that aborts is freed then; the
// object's finalizer frees it after the transaction that found the object dead commits
// (as _bz2 does). Filter chains are parsed into C structs on the C++ stack for the one call
// that needs them: liblzma copies what it keeps.
#include "interp/modules/c_library.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <lzma.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <string>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

// The functions of liblzma the module calls, opened at its import (c_library.h).
// clang-format off
#define INTERP_LZMA_FUNCTIONS(X)                                                            \
  X(lzma_easy_encoder) X(lzma_stream_encoder) X(lzma_alone_encoder) X(lzma_raw_encoder)     \
  X(lzma_auto_decoder) X(lzma_stream_decoder) X(lzma_alone_decoder) X(lzma_raw_decoder)     \
  X(lzma_code) X(lzma_end) X(lzma_get_check) X(lzma_check_is_supported) X(lzma_lzma_preset) \
  X(lzma_properties_size) X(lzma_properties_encode) X(lzma_properties_decode)
// clang-format on
INTERP_C_LIBRARY_FUNCTIONS(INTERP_LZMA_FUNCTIONS)
CLibrary liblzma("liblzma.so.5", INTERP_C_LIBRARY_RESOLVER(INTERP_LZMA_FUNCTIONS));

// The container formats of lzma.py (FORMAT_*).
enum Format { kFormatAuto = 0, kFormatXz = 1, kFormatAlone = 2, kFormatRaw = 3 };
// A decompressor's check before its container has said (liblzma has no name for it).
constexpr int kCheckUnknown = LZMA_CHECK_ID_MAX + 1;

// The C side of a compressor or decompressor.
struct Stream {
  lzma_stream lzs = LZMA_STREAM_INIT;
  bool compressing = false;
  std::string pending; // a decompressor's input not consumed yet (output was cut short)
  ~Stream() { lzma_end(&lzs); }
};

struct LzmaObject : Object {
  Value stream;      // small int: the Stream's address; 0 once freed
  Value flushed;     // compressor: flush() was called (small int 0/1)
  Value eof;         // decompressor: the end of the stream was reached (small int 0/1)
  Value unused_data; // decompressor: bytes after the end of the stream
  Value needs_input; // decompressor: small int 0/1
  Value check;       // decompressor: the integrity check's id, CHECK_UNKNOWN until known
};

Stream* stream_of(Value self) {
  return address_in<Stream>(rd<LzmaObject>(self)->stream);
}

Value raise_lzma(Thread& t, const char* message) {
  Value cls = module_attr(t, "_lzma", "LZMAError");
  return cls ? raise(t, cls, message) : Value();
}

bool is_error(lzma_ret ret) {
  return ret != LZMA_OK && ret != LZMA_STREAM_END && ret != LZMA_GET_CHECK && ret != LZMA_NO_CHECK;
}

Value lzma_error(Thread& t, lzma_ret ret) {
  switch (ret) {
  case LZMA_UNSUPPORTED_CHECK:
    return raise_lzma(t, "Unsupported integrity check");
  case LZMA_MEM_ERROR:
    return raise_memory_error(t);
  case LZMA_MEMLIMIT_ERROR:
    return raise_lzma(t, "Memory usage limit exceeded");
  case LZMA_FORMAT_ERROR:
    return raise_lzma(t, "Input format not supported by decoder");
  case LZMA_OPTIONS_ERROR:
    return raise_lzma(t, "Invalid or unsupported options");
  case LZMA_DATA_ERROR:
    return raise_lzma(t, "Corrupt input data");
  case LZMA_BUF_ERROR:
    return raise_lzma(t, "Insufficient buffer space");
  case LZMA_PROG_ERROR:
    return raise_lzma(t, "Internal error");
  default: {
    std::string message = "Unrecognized error from liblzma: " + std::to_string(int(ret));
    return raise_lzma(t, message.c_str());
  }
  }
}

// ---- integer arguments ---------------------------------------------------------------------
// Each converts as the CPython function does that takes the argument, so that a bad value
// gets the same exception and wording.

// A C int as PyArg_ParseTuple's "i" converts it (LZMACompressor's format and check).
bool parse_tuple_int(Thread& t, Value v, int& out) {
  std::int64_t i;
  if (int_check(v) && !int_to_i64(v, i))
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C long"), false;
  if (!index_to_i64(t, v, i)) return false;
  if (i > INT32_MAX)
    return raise(t, exc(E_OverflowError), "signed integer is greater than maximum"), false;
  if (i < INT32_MIN)
    return raise(t, exc(E_OverflowError), "signed integer is less than minimum"), false;
  out = int(i);
  return true;
}

// A C int as Argument Clinic converts it (LZMADecompressor's format, is_check_supported).
bool clinic_int(Thread& t, Value v, int& out) {
  std::int64_t i;
  bool fits = !int_check(v) || int_to_i64(v, i);
  if (fits && !index_to_i64(t, v, i)) return false;
  if (!fits || i > INT32_MAX || i < INT32_MIN)
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int"), false;
  out = int(i);
  return true;
}

// An unsigned 64-bit value from an int proper (no __index__), as liblzma's ids and limits.
bool u64_arg(Thread& t, Value v, std::uint64_t& out) {
  if (!int_check(v)) return raise(t, exc(E_TypeError), "an integer is required"), false;
  std::int64_t i;
  bool negative;
  bool fits = true;
  if (int_to_i64(v, i)) {
    negative = i < 0;
    out = std::uint64_t(i);
  } else {
    std::string digits = int_to_decimal(v);
    negative = digits[0] == '-';
    errno = 0;
    out = negative ? 0 : std::strtoull(digits.c_str(), nullptr, 10);
    fits = errno != ERANGE;
  }
  if (negative)
    return raise(t, exc(E_OverflowError), "can't convert negative int to unsigned"), false;
  if (!fits) return raise(t, exc(E_OverflowError), "int too big to convert"), false;
  return true;
}

bool u32_arg(Thread& t, Value v, std::uint32_t& out) {
  std::uint64_t u;
  if (!u64_arg(t, v, u)) return false;
  if (u > UINT32_MAX)
    return raise(t, exc(E_OverflowError), "Value too large for uint32_t type"), false;
  out = std::uint32_t(u);
  return true;
}

Value unsigned_int(Thread& t, std::uint64_t u) {
  if (u <= std::uint64_t(INT64_MAX)) return int_from_i64(t, std::int64_t(u));
  return int_from_text(t, std::to_string(u), 10);
}

// ---- filter specifiers ---------------------------------------------------------------------
// A filter is a dict: {"id": FILTER_*, option: value, ...}; a chain is a sequence of them.

union FilterOptions {
  lzma_options_lzma lzma;
  lzma_options_delta delta;
  lzma_options_bcj bcj;
};

struct FilterChain {
  lzma_filter filters[LZMA_FILTERS_MAX + 1];
  FilterOptions options[LZMA_FILTERS_MAX];
};

// The options of a filter's dict beyond "id", each a uint32 stored by `set`. CPython checks
// them as keyword arguments, so a key of another name or a bad value gets one ValueError
// naming the kind of filter, whatever the detail.
template <typename Set>
bool filter_options(Thread& t, Value spec, const char* kind,
                    std::initializer_list<const char*> names, Set set) {
  std::string message = std::string("Invalid filter specifier for ") + kind + " filter";
  if (!dict_check(spec)) return raise(t, exc(E_ValueError), message), false;
  std::int64_t pos = 0;
  Value key, value;
  while (dict_next(spec, pos, key, value)) {
    if (!str_check(key)) return raise(t, exc(E_ValueError), message), false;
    if (str_equal_ascii(key, "id")) continue;
    bool known = false;
    for (const char* name : names) {
      if (!str_equal_ascii(key, name)) continue;
      known = true;
      std::uint32_t u;
      if (!u32_arg(t, value, u)) {
        clear_pending(t);
        return raise(t, exc(E_ValueError), message), false;
      }
      set(name, u);
    }
    if (!known) return raise(t, exc(E_ValueError), message), false;
  }
  return true;
}

// The spec's item `key` (0 and no exception when it has none).
Value spec_item(Thread& t, Value spec, const char* key) {
  Value v = getitem(t, spec, intern_literal(t, key));
  if (!v && matches(t, exc(E_KeyError))) clear_pending(t);
  return v;
}

bool lzma_filter_options(Thread& t, Value spec, lzma_options_lzma& o) {
  // The preset fills every option first; the dict's own options then override it.
  std::uint32_t preset = LZMA_PRESET_DEFAULT;
  Value preset_v = spec_item(t, spec, "preset");
  if (!preset_v && t.pending) return false;
  if (preset_v && !u32_arg(t, preset_v, preset)) return false;
  if (lzma_lzma_preset(&o, preset)) {
    std::string message = "Invalid compression preset: " + std::to_string(preset);
    return raise_lzma(t, message.c_str()), false;
  }
  return filter_options(
      t, spec, "LZMA", {"preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"},
      [&](std::string_view name, std::uint32_t u) {
        if (name == "dict_size")
          o.dict_size = u;
        else if (name == "lc")
          o.lc = u;
        else if (name == "lp")
          o.lp = u;
        else if (name == "pb")
          o.pb = u;
        else if (name == "mode")
          o.mode = lzma_mode(u);
        else if (name == "nice_len")
          o.nice_len = u;
        else if (name == "mf")
          o.mf = lzma_match_finder(u);
        else if (name == "depth")
          o.depth = u;
      });
}

bool parse_filter(Thread& t, Value spec, lzma_filter& f, FilterOptions& o) {
  // PyMapping_Check: anything subscriptable passes, and fails below on "id" if need be.
  if (!dict_check(spec) && !type_lookup(type_of(spec), intern_literal(t, "__getitem__")))
    return raise(t, exc(E_TypeError), "Filter specifier must be a dict or dict-like object"), false;
  Value id_v = spec_item(t, spec, "id");
  if (!id_v) {
    if (!t.pending) raise(t, exc(E_ValueError), "Filter specifier must have an \"id\" entry");
    return false;
  }
  std::uint64_t id;
  if (!u64_arg(t, id_v, id)) return false;
  f.id = id;
  f.options = &o;
  switch (id) {
  case LZMA_FILTER_LZMA1:
  case LZMA_FILTER_LZMA2:
    o.lzma = {};
    return lzma_filter_options(t, spec, o.lzma);
  case LZMA_FILTER_DELTA:
    o.delta = {};
    o.delta.type = LZMA_DELTA_TYPE_BYTE;
    o.delta.dist = 1;
    return filter_options(t, spec, "delta", {"dist"},
                          [&](std::string_view, std::uint32_t u) { o.delta.dist = u; });
  case LZMA_FILTER_X86:
  case LZMA_FILTER_POWERPC:
  case LZMA_FILTER_IA64:
  case LZMA_FILTER_ARM:
  case LZMA_FILTER_ARMTHUMB:
  case LZMA_FILTER_SPARC:
    o.bcj = {};
    return filter_options(t, spec, "BCJ", {"start_offset"},
                          [&](std::string_view, std::uint32_t u) { o.bcj.start_offset = u; });
  default:
    raisef(t, exc(E_ValueError), "Invalid filter ID: %llu", (unsigned long long)id);
    return false;
  }
}

bool parse_chain(Thread& t, Value specs, FilterChain& c) {
  // A dict has a length but is no sequence (PySequence_Size refuses it).
  if (dict_check(specs)) return raise(t, exc(E_TypeError), "dict is not a sequence"), false;
  std::int64_t n;
  if (!length(t, specs, n)) return false;
  if (n > LZMA_FILTERS_MAX) {
    raisef(t, exc(E_ValueError), "Too many filters - liblzma supports a maximum of %d",
           LZMA_FILTERS_MAX);
    return false;
  }
  for (std::int64_t i = 0; i < n; ++i) {
    Value spec = getitem(t, specs, Value::small_int(i));
    if (!spec || !parse_filter(t, spec, c.filters[i], c.options[i])) return false;
  }
  c.filters[n].id = LZMA_VLI_UNKNOWN;
  c.filters[n].options = nullptr;
  return true;
}

// A filter's options as the dict _decode_filter_properties returns: only the fields that
// the properties encode.
Value filter_spec(Thread& t, const lzma_filter& f) {
  Value d = dict_new(t);
  if (!d) return {};
  auto add = [&](const char* key, std::uint64_t u) {
    Value v = unsigned_int(t, u);
    return v && dict_set(t, d, intern_literal(t, key), v);
  };
  if (!add("id", f.id)) return {};
  bool ok = true;
  switch (f.id) {
  case LZMA_FILTER_LZMA1: {
    auto* o = static_cast<const lzma_options_lzma*>(f.options);
    ok = add("lc", o->lc) && add("lp", o->lp) && add("pb", o->pb) && add("dict_size", o->dict_size);
    break;
  }
  case LZMA_FILTER_LZMA2:
    ok = add("dict_size", static_cast<const lzma_options_lzma*>(f.options)->dict_size);
    break;
  case LZMA_FILTER_DELTA:
    ok = add("dist", static_cast<const lzma_options_delta*>(f.options)->dist);
    break;
  case LZMA_FILTER_X86:
  case LZMA_FILTER_POWERPC:
  case LZMA_FILTER_IA64:
  case LZMA_FILTER_ARM:
  case LZMA_FILTER_ARMTHUMB:
  case LZMA_FILTER_SPARC:
    // No properties mean start_offset 0, which liblzma leaves without options.
    if (f.options)
      ok = add("start_offset", static_cast<const lzma_options_bcj*>(f.options)->start_offset);
    break;
  default:
    raisef(t, exc(E_ValueError), "Invalid filter ID: %llu", (unsigned long long)f.id);
    return {};
  }
  return ok ? d : Value();
}

// ---- streams -------------------------------------------------------------------------------

// A new object of `cls` owning `s`, freed when the transaction that made it aborts.
Value new_stream_object(Thread& t, Value cls, std::unique_ptr<Stream> owned, int check) {
  Stream* s = owned.release();
  t.after_commit.push_back([s](bool committed) {
    if (!committed) delete s;
  });
  Value self = allocate(t, Layout::Instance, cls, sizeof(LzmaObject)); // finalized: kHasDel
  if (!self) return {};
  LzmaObject* o = fresh<LzmaObject>(self);
  o->stream = address_value(s);
  o->flushed = o->eof = Value::small_int(0);
  o->needs_input = Value::small_int(1);
  o->check = Value::small_int(check);
  o->unused_data = bytes_new(t, "");
  return o->unused_data ? self : Value();
}

INTERP_NATIVE(lzma_del) {
  Stream* s = stream_of(args[0]);
  if (!s) return none();
  wr<LzmaObject>(args[0])->stream = {};
  t.after_commit.push_back([s](bool committed) {
    if (committed) delete s;
  });
  return none();
}

Stream* live(Thread& t, Value self) {
  Stream* s = stream_of(self);
  if (!s) raise(t, exc(E_ValueError), "the stream has been finalized");
  return s;
}

struct RunResult {
  lzma_ret ret = LZMA_OK;
  std::size_t consumed = 0;
  bool out_full = false;    // the output stopped at `limit` with the stream maybe holding more
  bool check_known = false; // the decoder has read which integrity check the stream uses
};

// Runs the stream over `input` with `action` until the input is consumed (compressing with
// LZMA_RUN), or the stream ends, or `limit` bytes are out (limit < 0: no limit). Appends
// to `out`.
RunResult run(Stream* s, std::string_view input, lzma_action action, std::string& out,
              std::int64_t limit) {
  lzma_stream& z = s->lzs;
  z.next_in = reinterpret_cast<const std::uint8_t*>(input.data());
  z.avail_in = input.size();
  std::size_t start = out.size(), used = start;
  auto grow = [&] {
    std::size_t room = std::max<std::size_t>(32 * 1024, used - start);
    if (limit >= 0) room = std::min(room, std::size_t(limit) - (used - start));
    out.resize(used + room);
    z.next_out = reinterpret_cast<std::uint8_t*>(out.data()) + used;
    z.avail_out = room;
  };
  grow();
  RunResult r;
  for (;;) {
    r.ret = lzma_code(&z, action);
    used = out.size() - z.avail_out;
    // No progress for want of input is no error: more input comes with the next call.
    if (r.ret == LZMA_BUF_ERROR && z.avail_in == 0 && z.avail_out > 0) r.ret = LZMA_OK;
    if (r.ret == LZMA_GET_CHECK || r.ret == LZMA_NO_CHECK) r.check_known = true;
    if (is_error(r.ret) || r.ret == LZMA_STREAM_END) break;
    if (s->compressing) {
      if (action == LZMA_RUN && z.avail_in == 0) break;
    } else if (z.avail_out > 0 && z.avail_in == 0) {
      break;
    }
    if (z.avail_out == 0) {
      // The decoder may hold more output: try again next call rather than exceed `limit`.
      if (limit >= 0 && std::int64_t(used - start) >= limit) break;
      grow();
    }
  }
  r.out_full = z.avail_out == 0;
  r.consumed = input.size() - z.avail_in;
  out.resize(used);
  z.next_in = nullptr;
  z.avail_in = 0;
  return r;
}

// ---- LZMACompressor ------------------------------------------------------------------------

// LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)
INTERP_NATIVE(compressor_new) {
  Value a[4];
  if (!parse_arguments(t, "LZMACompressor", args + 1, nargs - 1, kwnames,
                       {"format", "check", "preset", "filters"}, 0, 0, a))
    return {};
  int format = kFormatXz, check = -1;
  if (a[0] && !parse_tuple_int(t, a[0], format)) return {};
  if (a[1] && !parse_tuple_int(t, a[1], check)) return {};
  Value preset_v = a[2] && a[2] != none() ? a[2] : Value();
  Value filters = a[3] && a[3] != none() ? a[3] : Value();
  if (format != kFormatXz && check != -1 && check != LZMA_CHECK_NONE)
    return raise(t, exc(E_ValueError), "Integrity checks are only supported by FORMAT_XZ");
  if (preset_v && filters)
    return raise(t, exc(E_ValueError), "Cannot specify both preset and filter chain");
  std::uint32_t preset = LZMA_PRESET_DEFAULT;
  if (preset_v && !u32_arg(t, preset_v, preset)) return {};
  auto s = std::make_unique<Stream>();
  s->compressing = true;
  FilterChain chain;
  lzma_ret ret;
  switch (format) {
  case kFormatXz:
    if (check == -1) check = LZMA_CHECK_CRC64;
    if (!filters) {
      ret = lzma_easy_encoder(&s->lzs, preset, lzma_check(check));
    } else {
      if (!parse_chain(t, filters, chain)) return {};
      ret = lzma_stream_encoder(&s->lzs, chain.filters, lzma_check(check));
    }
    break;
  case kFormatAlone:
    if (!filters) {
      lzma_options_lzma options;
      if (lzma_lzma_preset(&options, preset)) {
        std::string message = "Invalid compression preset: " + std::to_string(preset);
        return raise_lzma(t, message.c_str());
      }
      ret = lzma_alone_encoder(&s->lzs, &options);
    } else {
      if (!parse_chain(t, filters, chain)) return {};
      if (chain.filters[0].id != LZMA_FILTER_LZMA1 || chain.filters[1].id != LZMA_VLI_UNKNOWN)
        return raise(t, exc(E_ValueError),
                     "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
      ret = lzma_alone_encoder(&s->lzs, &chain.options[0].lzma);
    }
    break;
  case kFormatRaw:
    if (!filters) return raise(t, exc(E_ValueError), "Must specify filters for FORMAT_RAW");
    if (!parse_chain(t, filters, chain)) return {};
    ret = lzma_raw_encoder(&s->lzs, chain.filters);
    break;
  default:
    return raisef(t, exc(E_ValueError), "Invalid container format: %d", format);
  }
  if (ret != LZMA_OK) return lzma_error(t, ret);
  return new_stream_object(t, args[0], std::move(s), kCheckUnknown);
}

INTERP_NATIVE(compressor_compress) {
  if (!check_positional(t, "LZMACompressor.compress", nargs, kwnames, 1, 1)) return {};
  std::string data;
  if (!need_buffer(t, args[1], data)) return {};
  if (rd<LzmaObject>(args[0])->flushed == Value::small_int(1))
    return raise(t, exc(E_ValueError), "Compressor has been flushed");
  Stream* s = live(t, args[0]);
  if (!s) return {};
  stm::become_inevitable("LZMACompressor.compress");
  std::string out;
  RunResult r = run(s, data, LZMA_RUN, out, -1);
  if (is_error(r.ret)) return lzma_error(t, r.ret);
  return bytes_new(t, out);
}

INTERP_NATIVE(compressor_flush) {
  if (!check_positional(t, "LZMACompressor.flush", nargs, kwnames, 0, 0)) return {};
  if (rd<LzmaObject>(args[0])->flushed == Value::small_int(1))
    return raise(t, exc(E_ValueError), "Repeated call to flush()");
  Stream* s = live(t, args[0]);
  if (!s) return {};
  stm::become_inevitable("LZMACompressor.flush");
  wr<LzmaObject>(args[0])->flushed = Value::small_int(1);
  std::string out;
  RunResult r = run(s, {}, LZMA_FINISH, out, -1);
  if (is_error(r.ret)) return lzma_error(t, r.ret);
  return bytes_new(t, out);
}

// ---- LZMADecompressor ----------------------------------------------------------------------

// LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)
INTERP_NATIVE(decompressor_new) {
  Value a[3];
  if (!parse_arguments(t, "LZMADecompressor", args + 1, nargs - 1, kwnames,
                       {"format", "memlimit", "filters"}, 0, 0, a))
    return {};
  int format = kFormatAuto;
  if (a[0] && !clinic_int(t, a[0], format)) return {};
  Value memlimit_v = a[1] && a[1] != none() ? a[1] : Value();
  Value filters = a[2] && a[2] != none() ? a[2] : Value();
  if (memlimit_v && format == kFormatRaw)
    return raise(t, exc(E_ValueError), "Cannot specify memory limit with FORMAT_RAW");
  if (format == kFormatRaw && !filters)
    return raise(t, exc(E_ValueError), "Must specify filters for FORMAT_RAW");
  if (format != kFormatRaw && filters)
    return raise(t, exc(E_ValueError), "Cannot specify filters except with FORMAT_RAW");
  std::uint64_t memlimit = UINT64_MAX;
  if (memlimit_v && !u64_arg(t, memlimit_v, memlimit)) return {};
  auto s = std::make_unique<Stream>();
  // The container says which check it uses once read; the others have none.
  int check = kCheckUnknown;
  const std::uint32_t tell = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
  lzma_ret ret;
  switch (format) {
  case kFormatAuto:
    ret = lzma_auto_decoder(&s->lzs, memlimit, tell);
    break;
  case kFormatXz:
    ret = lzma_stream_decoder(&s->lzs, memlimit, tell);
    break;
  case kFormatAlone:
    check = LZMA_CHECK_NONE;
    ret = lzma_alone_decoder(&s->lzs, memlimit);
    break;
  case kFormatRaw: {
    check = LZMA_CHECK_NONE;
    FilterChain chain;
    if (!parse_chain(t, filters, chain)) return {};
    ret = lzma_raw_decoder(&s->lzs, chain.filters);
    break;
  }
  default:
    return raisef(t, exc(E_ValueError), "Invalid container format: %d", format);
  }
  if (ret != LZMA_OK) return lzma_error(t, ret);
  return new_stream_object(t, args[0], std::move(s), check);
}

// decompress(data, max_length=-1): at most max_length bytes (all when negative); input
// not consumed yet waits for the next call.
INTERP_NATIVE(decompressor_decompress) {
  Value a[2];
  if (!parse_arguments(t, "decompress", args + 1, nargs - 1, kwnames, {"data", "max_length"}, 0, 1,
                       a))
    return {};
  std::string data;
  if (!need_buffer(t, a[0], data)) return {};
  std::int64_t limit = -1;
  if (a[1] && !index_to_i64(t, a[1], limit)) return {};
  Value self = args[0];
  if (rd<LzmaObject>(self)->eof == Value::small_int(1))
    return raise(t, exc(E_EOFError), "Already at end of stream");
  Stream* s = live(t, self);
  if (!s) return {};
  stm::become_inevitable("LZMADecompressor.decompress");
  std::string input = s->pending.empty() ? std::move(data) : s->pending + data;
  s->pending.clear();
  std::string out;
  RunResult r = run(s, input, LZMA_RUN, out, limit);
  if (r.check_known) wr<LzmaObject>(self)->check = Value::small_int(lzma_get_check(&s->lzs));
  if (is_error(r.ret)) return lzma_error(t, r.ret);
  std::string_view rest = std::string_view(input).substr(r.consumed);
  if (r.ret == LZMA_STREAM_END) {
    wr<LzmaObject>(self)->eof = Value::small_int(1);
    wr<LzmaObject>(self)->needs_input = Value::small_int(0);
    if (!rest.empty()) {
      Value u = bytes_new(t, rest);
      if (!u) return {};
      wr<LzmaObject>(self)->unused_data = u;
    }
  } else if (rest.empty()) {
    // Output cut at max_length may leave more inside the decoder: no input is needed then.
    wr<LzmaObject>(self)->needs_input = Value::small_int(r.out_full ? 0 : 1);
  } else {
    s->pending = rest;
    wr<LzmaObject>(self)->needs_input = Value::small_int(0);
  }
  return bytes_new(t, out);
}

INTERP_NATIVE(decompressor_eof) {
  return py_bool(rd<LzmaObject>(args[0])->eof == Value::small_int(1));
}
INTERP_NATIVE(decompressor_unused_data) {
  return rd<LzmaObject>(args[0])->unused_data;
}
INTERP_NATIVE(decompressor_needs_input) {
  return py_bool(rd<LzmaObject>(args[0])->needs_input == Value::small_int(1));
}
INTERP_NATIVE(decompressor_check) {
  return rd<LzmaObject>(args[0])->check;
}
// CPython's are read-only members, with their wording for a store or a delete.
INTERP_NATIVE(decompressor_readonly) {
  return raise(t, exc(E_AttributeError), "readonly attribute");
}

// ---- module functions ----------------------------------------------------------------------

INTERP_NATIVE(lzma_is_check_supported) {
  if (!check_positional(t, "_lzma.is_check_supported", nargs, kwnames, 1, 1, 0)) return {};
  int id;
  if (!clinic_int(t, args[0], id)) return {};
  return py_bool(lzma_check_is_supported(lzma_check(id)));
}

// _encode_filter_properties(filter, /): the filter's properties as the .xz or .zip header
// stores them.
INTERP_NATIVE(lzma_encode_filter_properties) {
  if (!check_positional(t, "_lzma._encode_filter_properties", nargs, kwnames, 1, 1, 0)) return {};
  lzma_filter f;
  FilterOptions o;
  if (!parse_filter(t, args[0], f, o)) return {};
  std::uint32_t size;
  lzma_ret ret = lzma_properties_size(&size, &f);
  if (ret != LZMA_OK) return lzma_error(t, ret);
  std::string out(size, '\0');
  ret = lzma_properties_encode(&f, reinterpret_cast<std::uint8_t*>(out.data()));
  if (ret != LZMA_OK) return lzma_error(t, ret);
  return bytes_new(t, out);
}

// _decode_filter_properties(filter_id, encoded_props, /): the inverse, as a filter dict.
INTERP_NATIVE(lzma_decode_filter_properties) {
  if (!check_positional(t, "_decode_filter_properties", nargs, kwnames, 2, 2, 0)) return {};
  std::uint64_t id;
  if (!u64_arg(t, args[0], id)) return {};
  std::string props;
  if (!need_buffer(t, args[1], props)) return {};
  lzma_filter f{id, nullptr};
  lzma_ret ret = lzma_properties_decode(
      &f, nullptr, reinterpret_cast<const std::uint8_t*>(props.data()), props.size());
  if (ret != LZMA_OK) return lzma_error(t, ret);
  std::unique_ptr<void, decltype(&std::free)> options(f.options, &std::free);
  return filter_spec(t, f);
}

Value make_class(Thread& t, const char* name, NativeFn new_fn) {
  Value type = new_type(t, name, "_lzma", Layout::Instance, {}, false);
  if (!type) return {};
  add_staticmethod(t, type, "__new__", new_fn);
  add_method(t, type, "__del__", lzma_del);
  return type;
}

} // namespace

Value make_lzma_module(Thread& t) {
  if (!liblzma.load(t)) return {};
  static const ModuleFunction kFunctions[] = {
      {"is_check_supported", lzma_is_check_supported},
      {"_encode_filter_properties", lzma_encode_filter_properties},
      {"_decode_filter_properties", lzma_decode_filter_properties},
  };
  Value m = new_module(t, "_lzma", kFunctions, std::size(kFunctions));
  Value compressor = m ? make_class(t, "LZMACompressor", compressor_new) : Value();
  Value decompressor = compressor ? make_class(t, "LZMADecompressor", decompressor_new) : Value();
  Value error =
      decompressor ? new_exception_type(t, "LZMAError", "_lzma", exc(E_Exception)) : Value();
  if (!error) return {};
  add_method(t, compressor, "compress", compressor_compress);
  add_method(t, compressor, "flush", compressor_flush);
  add_method(t, decompressor, "decompress", decompressor_decompress);
  add_getter(t, decompressor, "check", decompressor_check, decompressor_readonly);
  add_getter(t, decompressor, "eof", decompressor_eof, decompressor_readonly);
  add_getter(t, decompressor, "unused_data", decompressor_unused_data, decompressor_readonly);
  add_getter(t, decompressor, "needs_input", decompressor_needs_input, decompressor_readonly);
  for (Value type : {compressor, decompressor}) {
    finish_owning_type(type);
  }
  module_set(t, m, "LZMACompressor", compressor);
  module_set(t, m, "LZMADecompressor", decompressor);
  module_set(t, m, "LZMAError", error);
  static const struct {
    const char* name;
    std::uint64_t value;
  } kConstants[] = {
      {"FORMAT_AUTO", kFormatAuto},
      {"FORMAT_XZ", kFormatXz},
      {"FORMAT_ALONE", kFormatAlone},
      {"FORMAT_RAW", kFormatRaw},
      {"CHECK_NONE", LZMA_CHECK_NONE},
      {"CHECK_CRC32", LZMA_CHECK_CRC32},
      {"CHECK_CRC64", LZMA_CHECK_CRC64},
      {"CHECK_SHA256", LZMA_CHECK_SHA256},
      {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
      {"CHECK_UNKNOWN", kCheckUnknown},
      {"FILTER_LZMA1", LZMA_FILTER_LZMA1},
      {"FILTER_LZMA2", LZMA_FILTER_LZMA2},
      {"FILTER_DELTA", LZMA_FILTER_DELTA},
      {"FILTER_X86", LZMA_FILTER_X86},
      {"FILTER_POWERPC", LZMA_FILTER_POWERPC},
      {"FILTER_IA64", LZMA_FILTER_IA64},
      {"FILTER_ARM", LZMA_FILTER_ARM},
      {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
      {"FILTER_SPARC", LZMA_FILTER_SPARC},
      {"MF_HC3", LZMA_MF_HC3},
      {"MF_HC4", LZMA_MF_HC4},
      {"MF_BT2", LZMA_MF_BT2},
      {"MF_BT3", LZMA_MF_BT3},
      {"MF_BT4", LZMA_MF_BT4},
      {"MODE_FAST", LZMA_MODE_FAST},
      {"MODE_NORMAL", LZMA_MODE_NORMAL},
      {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
      {"PRESET_EXTREME", LZMA_PRESET_EXTREME},
  };
  for (const auto& c : kConstants) {
    Value v = unsigned_int(t, c.value);
    if (!v) return {};
    module_set(t, m, c.name, v);
  }
  return m;
}

} // namespace interp
