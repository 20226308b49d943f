// interp/objects/bytes.cc - the bytes type: an immutable byte string; and the methods that
// bytes and bytearray share (CPython's bytes_methods.c), over interp/text's algorithms
// in their bytes flavour. A method of a bytearray returns a bytearray where bytes would
// return bytes.
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/hash_bytes.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

#include "interp/text/case_mapping.h"
#include "interp/text/codecs.h"
#include "interp/text/str_layout.h"
#include "interp/text/str_predicates.h"
#include "interp/text/str_replace.h"
#include "interp/text/str_repr.h"
#include "interp/text/str_search.h"
#include "interp/text/str_split.h"
#include "interp/text/str_strip.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace interp {

// bytearray.cc and memoryview.cc.
Value bytearray_from(Thread& t, std::string_view data, Value cls = {});
bool memoryview_check(Value v);
bool memoryview_contents(Thread& t, Value view, std::string& out);

Value bytes_new(Thread& t, std::string_view data) {
  Value b = allocate(t, Layout::Bytes, type_value(T_bytes), sizeof(BytesObject) + data.size() + 1);
  if (!b) return {};
  BytesObject* o = fresh<BytesObject>(b);
  o->length = std::int64_t(data.size());
  o->hash = -1;
  if (!data.empty()) std::memcpy(o->data, data.data(), data.size()); // data() may be null
  return b;
}

static Value bytes_new_of(Thread& t, Value cls, std::string_view data) {
  if (!cls || cls == type_value(T_bytes)) return bytes_new(t, data);
  Value b = allocate(t, Layout::Bytes, cls, sizeof(BytesObject) + data.size() + 1);
  if (!b) return {};
  BytesObject* o = fresh<BytesObject>(b);
  o->length = std::int64_t(data.size());
  o->hash = -1;
  std::memcpy(o->data, data.data(), data.size());
  return b;
}

// A bytearray's storage is written in place by its mutators, so it is read with a barrier.
std::string_view bytes_view(Value b) {
  if (is_layout(b, Layout::ByteArray)) {
    const ByteArrayObject* a = rd<ByteArrayObject>(b);
    if (!a->storage) return {};
    std::int64_t n = a->length;
    return {reinterpret_cast<const char*>(rd<BytesObject>(a->storage)->data), std::size_t(n)};
  }
  const BytesObject* o = ro<BytesObject>(b);
  return {reinterpret_cast<const char*>(o->data), std::size_t(o->length)};
}

bool bytes_or_bytearray(Value v) {
  return v.is_object() && (isinstance(v, T_bytes) || isinstance(v, T_bytearray));
}

// The types of modules whose bytes live outside the heap (mmap.mmap), each registered by
// its module when the module is made (array.array exports its bytes instead, see
// buffer_export): a provider copies an object's bytes into `out`
// and returns 1, returns 0 for an object not of its type, -1 with an exception (a closed
// map). Modules may be made by several threads at once, hence the atomic slots.
using BufferProvider = int (*)(Thread& t, Value v, std::string& out);
static std::atomic<BufferProvider> buffer_providers[8];

void register_buffer_provider(BufferProvider provider) {
  for (std::atomic<BufferProvider>& slot : buffer_providers) {
    BufferProvider seen = nullptr;
    if (slot.compare_exchange_strong(seen, provider) || seen == provider) return;
  }
  std::abort(); // more providers than slots: make the table bigger
}

// The bytes of any object with the buffer protocol (bytes, bytearray, memoryview, array,
// mmap); false (no exception) when v has none, false with an exception (error set) for a
// released view or a closed map.
bool buffer_contents(Thread& t, Value v, std::string& out, bool& error) {
  error = false;
  if (bytes_or_bytearray(v)) {
    out.assign(bytes_view(v));
    return true;
  }
  if (v.is_object() && is_layout(v, Layout::Instance)) {
    BufferExport e;
    if (int exported = buffer_export(t, v, e)) {
      if (exported < 0) return error = true, false;
      out.assign(e.storage ? reinterpret_cast<const char*>(rd<BytesObject>(e.storage)->data) : "",
                 std::size_t(e.length));
      return true;
    }
    for (std::atomic<BufferProvider>& slot : buffer_providers) {
      BufferProvider provider = slot.load(std::memory_order_acquire);
      if (!provider) break;
      int r = provider(t, v, out);
      if (r > 0) return true;
      if (r < 0) {
        error = true;
        return false;
      }
    }
  }
  if (v.is_object() && memoryview_check(v)) {
    if (!memoryview_contents(t, v, out)) {
      error = true;
      return false;
    }
    return true;
  }
  return false;
}

// As buffer_contents, raising "a bytes-like object is required, not 'X'".
bool need_buffer(Thread& t, Value v, std::string& out) {
  bool error;
  if (buffer_contents(t, v, out, error)) return true;
  if (!error)
    raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
           type_name_of(v).c_str());
  return false;
}

// The hex digits of `data` (bytes.hex(), binascii.hexlify()), with the one-character
// separator `sepv` (str or bytes-like; 0: none) between groups of `perv` bytes (an
// index; 0: 1), counted from the right, or from the left when negative. A str separator
// must be ASCII, or Latin-1 when `latin1_sep` (hexlify's bytes result takes it as is).
bool hex_with_separator(Thread& t, std::string_view data, Value sepv, Value perv, std::string& out,
                        bool latin1_sep) {
  std::string sep;
  if (sepv) {
    if (str_check(sepv)) {
      for (char32_t c : str_code_points(sepv)) {
        if (c >= (latin1_sep ? 0x100 : 0x80))
          return raise(t, exc(E_ValueError), "sep must be ASCII."), false;
        sep.push_back(char(c));
      }
    } else if (!need_buffer(t, sepv, sep)) {
      return false;
    }
    if (sep.size() != 1) return raise(t, exc(E_ValueError), "sep must be length 1."), false;
    if (!latin1_sep && static_cast<unsigned char>(sep[0]) >= 0x80)
      return raise(t, exc(E_ValueError), "sep must be ASCII."), false;
  }
  std::int64_t per = 1;
  if (perv && !index_to_i64(t, perv, per)) return false;
  static const char kDigits[] = "0123456789abcdef";
  out.clear();
  std::int64_t n = std::int64_t(data.size());
  std::int64_t group = per < 0 ? -per : per;
  for (std::int64_t i = 0; i < n; ++i) {
    if (i && !sep.empty() && group) {
      // Positive counts group from the right, negative from the left.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return true;
}

// Raises the UnicodeError that a codec reported, with CPython's args.
Value raise_codec_error(Thread& t, const text::CodecError& e, Value object) {
  using K = text::CodecError::Kind;
  switch (e.kind) {
  case K::decode:
  case K::encode: {
    Value items[5] = {str_from_utf8(t, e.encoding), object, int_from_i64(t, e.start),
                      int_from_i64(t, e.end), str_from_utf8(t, e.reason)};
    for (Value v : items)
      if (!v) return {};
    Value a = tuple_from(t, items, 5);
    if (!a) return {};
    Value instance =
        exception_new(t, exc(e.kind == K::decode ? E_UnicodeDecodeError : E_UnicodeEncodeError), a);
    if (instance) t.pending = instance;
    return {};
  }
  case K::handler_type_error:
    return raise(t, exc(E_TypeError), e.message());
  default:
    return raise(t, exc(E_LookupError), e.message());
  }
}

// str.encode and bytes.decode hand what interp/text does not know - another encoding
// (cp1252, utf-8-sig, rot13...) or an error handler registered from Python - to the codec
// registry of the _codecs module, as CPython does for all but the few codecs it calls
// directly. Returns 0 with `e` raised when the failure was of another kind.
Value codec_fallback(Thread& t, const text::CodecError& e, bool encoding_text, Value object,
                     std::string_view encoding, std::string_view errors) {
  using K = text::CodecError::Kind;
  if (e.kind != K::unknown_encoding && e.kind != K::unknown_error_handler &&
      e.kind != K::unsupported_handler)
    return raise_codec_error(t, e, object);
  Value codecs = import_module(t, "_codecs");
  if (!codecs) return {};
  Value f = getattr(t, codecs, intern_literal(t, encoding_text ? "_text_encode" : "_text_decode"));
  if (!f) return {};
  Value call_args[3] = {object, str_from_utf8(t, encoding), str_from_utf8(t, errors)};
  if (!call_args[1] || !call_args[2]) return {};
  return call(t, f, call_args, 3);
}

namespace {

using text::Flavor;

std::string data_of(Value v) {
  return std::string(bytes_view(v));
}

bool is_bytearray(Value v) {
  return is_layout(v, Layout::ByteArray);
}

// A new object of self's kind (bytes or bytearray) holding `data`.
Value like(Thread& t, Value self, std::string_view data) {
  return is_bytearray(self) ? bytearray_from(t, data) : bytes_new(t, data);
}

// The byte argument of find/count/index/in: a bytes-like object, or an int (or __index__
// object) in range(256); a huge one is out of range too, not an OverflowError.
bool sub_arg(Thread& t, Value v, std::string& out) {
  if (!v.is_small_int() && !int_check(v)) {
    bool error = false;
    if (buffer_contents(t, v, out, error)) return true;
    if (error) return false;
    if (!lookup_special(t, v, N___index__)) {
      if (!t.pending)
        raisef(t, exc(E_TypeError), "argument should be integer or bytes-like object, not '%s'",
               type_name_of(v).c_str());
      return false;
    }
  }
  std::int64_t n;
  if (!index_to_i64(t, v, n, true)) return false;
  if (n < 0 || n > 255) {
    raise(t, exc(E_ValueError), "byte must be in range(0, 256)");
    return false;
  }
  out.assign(1, char(n));
  return true;
}

Value repr_of(Thread& t, Value self) {
  bool bytearray = is_bytearray(self);
  std::string body = text::bytes_repr(bytes_view(self), bytearray);
  if (!bytearray) return str_from_utf8(t, body);
  return str_from_utf8(t, type_name(type_of(self)) + "(" + body + ")");
}

INTERP_NATIVE(bytes_len) {
  return Value::small_int(std::int64_t(bytes_view(args[0]).size()));
}

INTERP_NATIVE(bytes_repr) {
  return repr_of(t, args[0]);
}

Value compare_impl(Thread& t, const Value* args, bytecode::CompareOp op) {
  (void)t;
  if (!bytes_or_bytearray(args[1])) return runtime().not_implemented;
  std::string_view a = bytes_view(args[0]), b = bytes_view(args[1]);
  int c = a.compare(b);
  switch (op) {
  case bytecode::CompareOp::Eq:
    return py_bool(c == 0);
  case bytecode::CompareOp::Ne:
    return py_bool(c != 0);
  case bytecode::CompareOp::Lt:
    return py_bool(c < 0);
  case bytecode::CompareOp::Le:
    return py_bool(c <= 0);
  case bytecode::CompareOp::Gt:
    return py_bool(c > 0);
  default:
    return py_bool(c >= 0);
  }
}
INTERP_NATIVE(bytes_eq) {
  return compare_impl(t, args, bytecode::CompareOp::Eq);
}
INTERP_NATIVE(bytes_ne) {
  return compare_impl(t, args, bytecode::CompareOp::Ne);
}
INTERP_NATIVE(bytes_lt) {
  return compare_impl(t, args, bytecode::CompareOp::Lt);
}
INTERP_NATIVE(bytes_le) {
  return compare_impl(t, args, bytecode::CompareOp::Le);
}
INTERP_NATIVE(bytes_gt) {
  return compare_impl(t, args, bytecode::CompareOp::Gt);
}
INTERP_NATIVE(bytes_ge) {
  return compare_impl(t, args, bytecode::CompareOp::Ge);
}

INTERP_NATIVE(bytes_hash) {
  std::string_view v = bytes_view(args[0]);
  return int_from_i64(t, hash_bytes(v.data(), v.size()));
}

INTERP_NATIVE(bytes_iter) {
  return iterator_new(t, T_bytes_iterator, args[0]);
}

INTERP_NATIVE(bytes_getitem) {
  Value self = args[0];
  std::string s = data_of(self);
  std::int64_t n = std::int64_t(s.size());
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    std::string out;
    out.reserve(std::size_t(count));
    for (std::int64_t i = 0; i < count; ++i)
      out.push_back(s[start + i * step]);
    return like(t, self, out);
  }
  if (!args[1].is_small_int() && !int_check(args[1]) && !lookup_special(t, args[1], N___index__)) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "%s indices must be integers or slices, not %s",
                  is_bytearray(self) ? "bytearray" : "byte", type_name_of(args[1]).c_str());
  }
  std::int64_t i;
  if (!index_key_to_i64(t, args[1], i)) return {};
  if (i < 0) i += n;
  if (i < 0 || i >= n)
    return raise(t, exc(E_IndexError),
                 is_bytearray(self) ? "bytearray index out of range" : "index out of range");
  return Value::small_int(static_cast<unsigned char>(s[i]));
}

INTERP_NATIVE(bytes_add) {
  std::string other;
  bool error;
  if (!buffer_contents(t, args[1], other, error)) {
    if (error) return {};
    return raisef(t, exc(E_TypeError), "can't concat %s to %s", type_name_of(args[1]).c_str(),
                  is_bytearray(args[0]) ? "bytearray" : "bytes");
  }
  std::string joined = data_of(args[0]) + other;
  return like(t, args[0], joined);
}

INTERP_NATIVE(bytes_mul) {
  std::int64_t times;
  if (!repeat_count(t, args[1], times)) return {};
  std::string one = data_of(args[0]);
  if (times <= 0) return like(t, args[0], "");
  if (times == 1 && is_exact(args[0], T_bytes)) return args[0];
  // A length past what a size can count is an OverflowError for bytes (a bytearray says
  // MemoryError), a merely huge one MemoryError.
  if (one.size() && std::uint64_t(times) > std::uint64_t(INT64_MAX) / one.size() &&
      !is_bytearray(args[0]))
    return raise(t, exc(E_OverflowError), "repeated bytes are too long");
  if (one.size() && std::uint64_t(times) > (std::uint64_t(1) << 36) / one.size())
    return raise_memory_error(t);
  std::string out;
  out.reserve(one.size() * std::size_t(times));
  for (std::int64_t k = 0; k < times; ++k)
    out += one;
  return like(t, args[0], out);
}

INTERP_NATIVE(bytes_contains) {
  std::string needle;
  if (!sub_arg(t, args[1], needle)) return {};
  return py_bool(bytes_view(args[0]).find(needle) != std::string_view::npos);
}

INTERP_NATIVE(bytes_bytes) {
  if (is_exact(args[0], T_bytes)) return args[0];
  return bytes_new(t, bytes_view(args[0]));
}

INTERP_NATIVE(bytes_getnewargs) {
  Value b = bytes_new(t, bytes_view(args[0]));
  if (!b) return {};
  return tuple_from(t, &b, 1);
}

// decode(encoding='utf-8', errors='strict')
INTERP_NATIVE(bytes_decode) {
  Value a[2];
  if (!parse_arguments(t, "decode", args + 1, nargs - 1, kwnames, {"encoding", "errors"}, 0, 0, a))
    return {};
  Value enc = a[0], err = a[1];
  if (enc && !str_check(enc))
    return raisef(t, exc(E_TypeError), "decode() argument 'encoding' must be str, not %s",
                  type_name_of(enc).c_str());
  if (err && !str_check(err))
    return raisef(t, exc(E_TypeError), "decode() argument 'errors' must be str, not %s",
                  type_name_of(err).c_str());
  std::string encoding = enc ? str_utf8(enc) : "utf-8";
  std::string errors = err ? str_utf8(err) : "strict";
  std::string data = data_of(args[0]);
  auto r = text::decode(data, encoding, errors);
  if (!r.ok()) {
    Value object = bytes_new(t, data);
    if (!object) return {};
    return codec_fallback(t, r.error(), false, object, encoding, errors);
  }
  return str_from_code_points(t, r.value());
}

INTERP_NATIVE(bytes_hex) {
  Value a[2];
  if (!parse_arguments(t, "hex", args + 1, nargs - 1, kwnames, {"sep", "bytes_per_sep"}, 0, 0, a))
    return {};
  Value sepv = a[0], perv = a[1];
  std::string out;
  if (!hex_with_separator(t, data_of(args[0]), sepv, perv, out, false)) return {};
  return str_from_ascii(t, out);
}

INTERP_NATIVE(bytes_fromhex) {
  // A classmethod is named by the class it is bound to, as in CPython.
  std::string what = type_name(args[0]) + ".fromhex";
  if (!check_positional(t, what.c_str(), nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "fromhex() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  std::u32string s = str_code_points(args[1]);
  std::string out;
  auto hexval = [](char32_t c) -> int {
    if (c >= '0' && c <= '9') return int(c - '0');
    if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
    return -1;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    int hi = hexval(c);
    if (hi < 0)
      return raisef(t, exc(E_ValueError),
                    "non-hexadecimal number found in fromhex() arg at position %zu", i);
    if (i + 1 >= s.size() || hexval(s[i + 1]) < 0)
      return raisef(t, exc(E_ValueError),
                    "non-hexadecimal number found in fromhex() arg at position %zu", i + 1);
    out.push_back(char(hi * 16 + hexval(s[i + 1])));
    i += 2;
  }
  Value cls = args[0];
  if (cls == type_value(T_bytes)) return bytes_new(t, out);
  if (cls == type_value(T_bytearray)) return bytearray_from(t, out);
  Value b = bytes_new(t, out);
  if (!b) return {};
  return call1(t, cls, b);
}

INTERP_NATIVE(bytes_maketrans) {
  if (!check_positional(t, "maketrans", nargs, kwnames, 2, 2, 0)) return {};
  std::string from, to;
  if (!need_buffer(t, args[0], from) || !need_buffer(t, args[1], to)) return {};
  if (from.size() != to.size())
    return raise(t, exc(E_ValueError), "maketrans arguments must have same length");
  std::string table(256, 0);
  for (int i = 0; i < 256; ++i)
    table[i] = char(i);
  for (std::size_t i = 0; i < from.size(); ++i)
    table[static_cast<unsigned char>(from[i])] = to[i];
  return bytes_new(t, table);
}

INTERP_NATIVE(bytes_translate) {
  if (nargs - keyword_count(kwnames) < 2)
    return raise(t, exc(E_TypeError), "translate() takes at least 1 positional argument (0 given)");
  Value a[2];
  if (!parse_arguments(t, "translate", args + 1, nargs - 1, kwnames, {"table", "delete"}, 1, 1, a))
    return {};
  Value tablev = a[0], delv = a[1];
  std::string table, del;
  bool has_table = tablev != none();
  if (has_table) {
    if (!need_buffer(t, tablev, table)) return {};
    if (table.size() != 256)
      return raise(t, exc(E_ValueError), "translation table must be 256 characters long");
  }
  if (delv && !need_buffer(t, delv, del)) return {};
  bool drop[256] = {};
  for (unsigned char c : del)
    drop[c] = true;
  std::string out;
  for (unsigned char c : data_of(args[0]))
    if (!drop[c]) out.push_back(has_table ? table[c] : char(c));
  return like(t, args[0], out);
}

Value pieces_to_list(Thread& t, Value self, const std::vector<std::string_view>& pieces) {
  Value list = list_new(t);
  if (!list) return {};
  for (std::string_view p : pieces) {
    Value b = like(t, self, p);
    if (!b || !list_append(t, list, b)) return {};
  }
  return list;
}

Value split_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool right) {
  Value a[2];
  if (!parse_arguments(t, right ? "rsplit" : "split", args + 1, nargs - 1, kwnames,
                       {"sep", "maxsplit"}, 0, 0, a))
    return {};
  Value sep = a[0], maxv = a[1];
  std::int64_t maxsplit = -1;
  if (maxv && !index_to_i64(t, maxv, maxsplit)) return {};
  std::string s = data_of(args[0]);
  if (!sep || sep == none()) {
    auto pieces = right ? text::str_rsplit_whitespace<char>(s, maxsplit, Flavor::bytes)
                        : text::str_split_whitespace<char>(s, maxsplit, Flavor::bytes);
    return pieces_to_list(t, args[0], pieces);
  }
  std::string sp;
  if (!need_buffer(t, sep, sp)) return {};
  auto r = right ? text::str_rsplit<char>(s, sp, maxsplit) : text::str_split<char>(s, sp, maxsplit);
  if (!r.ok()) return raise(t, exc(E_ValueError), r.error().message);
  return pieces_to_list(t, args[0], r.value());
}
INTERP_NATIVE(bytes_split) {
  return split_impl(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(bytes_rsplit) {
  return split_impl(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(bytes_splitlines) {
  Value keep;
  if (!parse_arguments(t, "splitlines", args + 1, nargs - 1, kwnames, {"keepends"}, 0, 0, &keep))
    return {};
  int keepends = keep ? truthy(t, keep) : 0;
  if (keepends < 0) return {};
  std::string s = data_of(args[0]);
  return pieces_to_list(t, args[0], text::str_splitlines<char>(s, keepends, Flavor::bytes));
}

Value strip_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                 text::StripSide side, const char* what) {
  if (!check_positional(t, what, nargs, kwnames, 0, 1)) return {};
  std::string s = data_of(args[0]);
  std::optional<std::string_view> chars;
  std::string chars_text;
  if (nargs > 1 && args[1] != none()) {
    if (!need_buffer(t, args[1], chars_text)) return {};
    chars = chars_text;
  }
  return like(t, args[0], text::str_strip<char>(s, chars, side, Flavor::bytes));
}
INTERP_NATIVE(bytes_strip) {
  return strip_impl(t, args, nargs, kwnames, text::StripSide::both, "strip");
}
INTERP_NATIVE(bytes_lstrip) {
  return strip_impl(t, args, nargs, kwnames, text::StripSide::left, "lstrip");
}
INTERP_NATIVE(bytes_rstrip) {
  return strip_impl(t, args, nargs, kwnames, text::StripSide::right, "rstrip");
}

#define CASE_METHOD(fn_name, algo)                                                                 \
  INTERP_NATIVE(fn_name) {                                                                         \
    if (!check_positional(t, #algo, nargs, kwnames, 0, 0)) return {};                              \
    std::string s = data_of(args[0]);                                                              \
    return like(t, args[0], text::str_##algo<char>(s));                                            \
  }
CASE_METHOD(bytes_lower, lower)
CASE_METHOD(bytes_upper, upper)
CASE_METHOD(bytes_title, title)
CASE_METHOD(bytes_capitalize, capitalize)
CASE_METHOD(bytes_swapcase, swapcase)
#undef CASE_METHOD

#define PREDICATE(fn_name, algo, ...)                                                              \
  INTERP_NATIVE(fn_name) {                                                                         \
    std::string s = data_of(args[0]);                                                              \
    return py_bool(text::str_##algo<char>(s __VA_OPT__(, ) __VA_ARGS__));                          \
  }
PREDICATE(bytes_isalpha, isalpha, Flavor::bytes)
PREDICATE(bytes_isalnum, isalnum, Flavor::bytes)
PREDICATE(bytes_isdigit, isdigit, Flavor::bytes)
PREDICATE(bytes_isspace, isspace, Flavor::bytes)
PREDICATE(bytes_islower, islower, Flavor::bytes)
PREDICATE(bytes_isupper, isupper, Flavor::bytes)
PREDICATE(bytes_istitle, istitle, Flavor::bytes)
PREDICATE(bytes_isascii, isascii)
#undef PREDICATE

bool bounds(Thread& t, const Value* args, std::size_t nargs, std::size_t first, std::int64_t n,
            std::int64_t& start, std::int64_t& end) {
  start = 0;
  end = n;
  if (nargs > first && args[first] != none()) {
    if (!index_to_i64(t, args[first], start, true)) return false;
    if (start < 0) start = std::max<std::int64_t>(0, start + n);
  }
  if (nargs > first + 1 && args[first + 1] != none()) {
    if (!index_to_i64(t, args[first + 1], end, true)) return false;
    if (end < 0) end = std::max<std::int64_t>(0, end + n);
    if (end > n) end = n;
  }
  return true;
}

Value find_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool right,
                bool raise_missing, const char* what) {
  if (!check_argument_count(t, what, nargs, kwnames, 1, 3)) return {};
  std::string needle;
  if (!sub_arg(t, args[1], needle)) return {};
  std::string s = data_of(args[0]);
  std::int64_t start, end;
  if (!bounds(t, args, nargs, 2, std::int64_t(s.size()), start, end)) return {};
  std::int64_t r = right ? text::str_rfind<char>(s, needle, start, end)
                         : text::str_find<char>(s, needle, start, end);
  if (r < 0 && raise_missing) return raise(t, exc(E_ValueError), "subsection not found");
  return Value::small_int(r);
}
INTERP_NATIVE(bytes_find) {
  return find_impl(t, args, nargs, kwnames, false, false, "find");
}
INTERP_NATIVE(bytes_rfind) {
  return find_impl(t, args, nargs, kwnames, true, false, "rfind");
}
INTERP_NATIVE(bytes_index) {
  return find_impl(t, args, nargs, kwnames, false, true, "index");
}
INTERP_NATIVE(bytes_rindex) {
  return find_impl(t, args, nargs, kwnames, true, true, "rindex");
}

INTERP_NATIVE(bytes_count) {
  if (!check_argument_count(t, "count", nargs, kwnames, 1, 3)) return {};
  std::string needle;
  if (!sub_arg(t, args[1], needle)) return {};
  std::string s = data_of(args[0]);
  std::int64_t start, end;
  if (!bounds(t, args, nargs, 2, std::int64_t(s.size()), start, end)) return {};
  return Value::small_int(text::str_count<char>(s, needle, start, end, -1));
}

Value affix_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool ends,
                 const char* what) {
  if (!check_argument_count(t, what, nargs, kwnames, 1, 3)) return {};
  std::string s = data_of(args[0]);
  std::int64_t start, end;
  if (!bounds(t, args, nargs, 2, std::int64_t(s.size()), start, end)) return {};
  auto test = [&](const std::string& a) {
    return ends ? text::str_endswith<char>(s, a, start, end)
                : text::str_startswith<char>(s, a, start, end);
  };
  std::string a;
  bool error;
  if (args[1].is_object() && isinstance(args[1], T_tuple)) {
    for (std::int64_t i = 0; i < tuple_length(args[1]); ++i) {
      Value item = tuple_item(args[1], i);
      if (!buffer_contents(t, item, a, error)) {
        if (error) return {};
        return raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
                      type_name_of(item).c_str());
      }
      if (test(a)) return runtime().true_;
    }
    return runtime().false_;
  }
  if (!buffer_contents(t, args[1], a, error)) {
    if (error) return {};
    return raisef(t, exc(E_TypeError), "%s first arg must be bytes or a tuple of bytes, not %s",
                  what, type_name_of(args[1]).c_str());
  }
  return py_bool(test(a));
}
INTERP_NATIVE(bytes_startswith) {
  return affix_impl(t, args, nargs, kwnames, false, "startswith");
}
INTERP_NATIVE(bytes_endswith) {
  return affix_impl(t, args, nargs, kwnames, true, "endswith");
}

INTERP_NATIVE(bytes_replace) {
  if (!check_positional(t, "replace", nargs, kwnames, 2, 3)) return {};
  std::string a, b;
  if (!need_buffer(t, args[1], a) || !need_buffer(t, args[2], b)) return {};
  std::int64_t count = -1;
  if (nargs > 3 && !index_to_i64(t, args[3], count)) return {};
  std::string s = data_of(args[0]);
  return like(t, args[0], text::str_replace<char>(s, a, b, count));
}

INTERP_NATIVE(bytes_removeprefix) {
  if (!check_positional(t, "removeprefix", nargs, kwnames, 1, 1)) return {};
  std::string a;
  if (!need_buffer(t, args[1], a)) return {};
  std::string s = data_of(args[0]);
  if (s.compare(0, a.size(), a) == 0 && s.size() >= a.size()) s.erase(0, a.size());
  return like(t, args[0], s);
}

INTERP_NATIVE(bytes_removesuffix) {
  if (!check_positional(t, "removesuffix", nargs, kwnames, 1, 1)) return {};
  std::string a;
  if (!need_buffer(t, args[1], a)) return {};
  std::string s = data_of(args[0]);
  if (!a.empty() && s.size() >= a.size() && s.compare(s.size() - a.size(), a.size(), a) == 0)
    s.erase(s.size() - a.size());
  return like(t, args[0], s);
}

Value pad_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, int which,
               const char* what) {
  if (!check_positional(t, what, nargs, kwnames, 1, 2)) return {};
  std::int64_t width;
  if (!index_to_i64(t, args[1], width)) return {};
  char fill = ' ';
  if (nargs > 2) {
    std::string f;
    bool error;
    if (!buffer_contents(t, args[2], f, error) || f.size() != 1 || !bytes_or_bytearray(args[2])) {
      if (error) return {};
      return raisef(t, exc(E_TypeError),
                    "%s() argument 2 must be a byte string of length 1, not %s", what,
                    type_name_of(args[2]).c_str());
    }
    fill = f[0];
  }
  std::string s = data_of(args[0]);
  std::string out = which == 0   ? text::str_center<char>(s, width, fill)
                    : which == 1 ? text::str_ljust<char>(s, width, fill)
                                 : text::str_rjust<char>(s, width, fill);
  return like(t, args[0], out);
}
INTERP_NATIVE(bytes_center) {
  return pad_impl(t, args, nargs, kwnames, 0, "center");
}
INTERP_NATIVE(bytes_ljust) {
  return pad_impl(t, args, nargs, kwnames, 1, "ljust");
}
INTERP_NATIVE(bytes_rjust) {
  return pad_impl(t, args, nargs, kwnames, 2, "rjust");
}

INTERP_NATIVE(bytes_zfill) {
  if (!check_positional(t, "zfill", nargs, kwnames, 1, 1)) return {};
  std::int64_t width;
  if (!index_to_i64(t, args[1], width)) return {};
  std::string s = data_of(args[0]);
  return like(t, args[0], text::str_zfill<char>(s, width));
}

INTERP_NATIVE(bytes_expandtabs) {
  std::int64_t tabsize = 8;
  Value ts;
  if (!parse_arguments(t, "expandtabs", args + 1, nargs - 1, kwnames, {"tabsize"}, 0, 0, &ts))
    return {};
  if (ts && !index_to_i64(t, ts, tabsize)) return {};
  std::string s = data_of(args[0]);
  return like(t, args[0], text::str_expandtabs<char>(s, tabsize));
}

Value partition_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool right) {
  if (!check_positional(t, right ? "rpartition" : "partition", nargs, kwnames, 1, 1)) return {};
  std::string sep;
  if (!need_buffer(t, args[1], sep)) return {};
  std::string s = data_of(args[0]);
  auto r = right ? text::str_rpartition<char>(s, sep) : text::str_partition<char>(s, sep);
  if (!r.ok()) return raise(t, exc(E_ValueError), r.error().message);
  Value items[3];
  for (int i = 0; i < 3; ++i) {
    // bytes returns the original object for an unsplit part only in CPython's fast path;
    // equal values are what programs observe.
    items[i] = like(t, args[0], r.value()[i]);
    if (!items[i]) return {};
  }
  return tuple_from(t, items, 3);
}
INTERP_NATIVE(bytes_partition) {
  return partition_impl(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(bytes_rpartition) {
  return partition_impl(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(bytes_join) {
  if (!check_positional(t, "join", nargs, kwnames, 1, 1)) return {};
  Value items = list_of(t, args[1]);
  if (!items) return {};
  std::string sep = data_of(args[0]), out, piece;
  for (std::int64_t i = 0; i < list_length(items); ++i) {
    Value item = list_item(items, i);
    bool error;
    if (!buffer_contents(t, item, piece, error)) {
      if (error) return {};
      return raisef(t, exc(E_TypeError),
                    "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                    type_name_of(item).c_str());
    }
    if (i) out += sep;
    out += piece;
  }
  return like(t, args[0], out);
}

} // namespace

// bytes(source) / bytearray(source): the bytes that the constructors take from source
// (with `encoding`/`errors` for a str). `what` is "bytes" or "bytearray" for messages.
bool bytes_from_source(Thread& t, Value source, Value encoding, Value errors, const char* what,
                       std::string& out) {
  out.clear();
  if (!source) {
    if (encoding || errors) {
      raise(t, exc(E_TypeError),
            encoding ? "encoding without a string argument" : "errors without a string argument");
      return false;
    }
    return true;
  }
  if (str_check(source)) {
    if (!encoding) {
      raise(t, exc(E_TypeError), "string argument without an encoding");
      return false;
    }
    if (!str_check(encoding)) {
      raisef(t, exc(E_TypeError), "%s() argument 'encoding' must be str, not %s", what,
             type_name_of(encoding).c_str());
      return false;
    }
    if (errors && !str_check(errors)) {
      raisef(t, exc(E_TypeError), "%s() argument 'errors' must be str, not %s", what,
             type_name_of(errors).c_str());
      return false;
    }
    std::u32string cps = str_code_points(source);
    std::string encoding_name = str_utf8(encoding),
                errors_name = errors ? str_utf8(errors) : "strict";
    auto r = text::encode<char32_t>(cps, encoding_name, errors_name);
    if (!r.ok()) {
      Value b = codec_fallback(t, r.error(), true, source, encoding_name, errors_name);
      if (!b) return false;
      out = std::string(bytes_view(b));
      return true;
    }
    out = std::move(r.value());
    return true;
  }
  if (encoding || errors) {
    raise(t, exc(E_TypeError),
          encoding ? "encoding without a string argument" : "errors without a string argument");
    return false;
  }
  bool error;
  if (buffer_contents(t, source, out, error)) return true;
  if (error) return false;
  if (source.is_small_int() || int_check(source) || lookup_special(t, source, N___index__)) {
    std::int64_t n;
    if (!index_to_i64(t, source, n)) {
      if (matches(t, exc(E_OverflowError))) {
        clear_pending(t);
        raise(t, exc(E_OverflowError), "cannot fit 'int' into an index-sized integer");
      }
      return false;
    }
    if (n < 0) {
      raise(t, exc(E_ValueError), "negative count");
      return false;
    }
    if (n > (std::int64_t(1) << 36)) {
      raise_memory_error(t);
      return false;
    }
    out.assign(std::size_t(n), '\0');
    return true;
  }
  if (t.pending) return false;
  Value it = iter(t, source);
  if (!it) {
    if (std::string(what) == "bytes" && matches(t, exc(E_TypeError))) {
      clear_pending(t);
      raisef(t, exc(E_TypeError), "cannot convert '%s' object to bytes",
             type_name_of(source).c_str());
    }
    return false;
  }
  for (;;) {
    Value item = next(t, it);
    if (!item) return !t.pending;
    if (!item.is_small_int() && !int_check(item) && !lookup_special(t, item, N___index__)) {
      if (t.pending) return false;
      raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
             type_name_of(item).c_str());
      return false;
    }
    std::int64_t v;
    if (!index_to_i64(t, item, v, true)) return false;
    if (v < 0 || v > 255) {
      raise(t, exc(E_ValueError), "bytes must be in range(0, 256)");
      return false;
    }
    out.push_back(char(v));
  }
}

namespace {

INTERP_NATIVE(bytes_new_method) {
  static const char* const kAllowed[] = {"source", "encoding", "errors", nullptr};
  if (!check_keywords(t, "bytes", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos > 3)
    return raisef(t, exc(E_TypeError), "bytes() takes at most 3 arguments (%zu given)", npos);
  Value source = npos > 0 ? args[1] : keyword_arg(kwnames, args, nargs, "source");
  Value encoding = npos > 1 ? args[2] : keyword_arg(kwnames, args, nargs, "encoding");
  Value errors = npos > 2 ? args[3] : keyword_arg(kwnames, args, nargs, "errors");
  if (source && !encoding && !errors && !is_exact(source, T_str) && !is_exact(source, T_bytes)) {
    // __bytes__ comes first, as in CPython, even for a str or int subclass; one set to
    // None blocks the conversion (calling it is the TypeError).
    Value bytes_name = intern_literal(t, "__bytes__");
    Value f = type_lookup(type_of(source), bytes_name);
    if (f) {
      // Bound as any special method is (the class may hold any descriptor).
      Value bound = descriptor_get(t, f, source, type_of(source));
      Value r = bound ? call0(t, bound) : Value();
      if (!r) return {};
      if (!(r.is_object() && isinstance(r, T_bytes)))
        return raisef(t, exc(E_TypeError), "__bytes__ returned non-bytes (type %s)",
                      type_name_of(r).c_str());
      if (args[0] == type_value(T_bytes)) return r;
      return bytes_new_of(t, args[0], bytes_view(r));
    }
  }
  if (source && is_exact(source, T_bytes) && args[0] == type_value(T_bytes) && !encoding && !errors)
    return source;
  std::string data;
  if (!bytes_from_source(t, source, encoding, errors, "bytes", data)) return {};
  return bytes_new_of(t, args[0], data);
}

} // namespace

// The methods that bytes and bytearray share, added to either type.
void add_bytes_methods(Thread& t, Value type) {
  const MethodDef methods[] = {
      {"__len__", bytes_len},
      {"__repr__", bytes_repr},
      {"__str__", bytes_repr},
      {"__eq__", bytes_eq},
      {"__ne__", bytes_ne},
      {"__lt__", bytes_lt},
      {"__le__", bytes_le},
      {"__gt__", bytes_gt},
      {"__ge__", bytes_ge},
      {"__iter__", bytes_iter},
      {"__getitem__", bytes_getitem},
      {"__add__", bytes_add},
      {"__mul__", bytes_mul},
      {"__rmul__", bytes_mul},
      {"__contains__", bytes_contains},
      {"decode", bytes_decode},
      {"hex", bytes_hex},
      {"translate", bytes_translate},
      {"split", bytes_split},
      {"rsplit", bytes_rsplit},
      {"splitlines", bytes_splitlines},
      {"strip", bytes_strip, MethodArgs::positional},
      {"lstrip", bytes_lstrip, MethodArgs::positional},
      {"rstrip", bytes_rstrip, MethodArgs::positional},
      {"lower", bytes_lower, MethodArgs::none},
      {"upper", bytes_upper, MethodArgs::none},
      {"title", bytes_title, MethodArgs::none},
      {"capitalize", bytes_capitalize, MethodArgs::none},
      {"swapcase", bytes_swapcase, MethodArgs::none},
      {"isalpha", bytes_isalpha, MethodArgs::none},
      {"isalnum", bytes_isalnum, MethodArgs::none},
      {"isdigit", bytes_isdigit, MethodArgs::none},
      {"isspace", bytes_isspace, MethodArgs::none},
      {"islower", bytes_islower, MethodArgs::none},
      {"isupper", bytes_isupper, MethodArgs::none},
      {"istitle", bytes_istitle, MethodArgs::none},
      {"isascii", bytes_isascii, MethodArgs::none},
      {"find", bytes_find},
      {"rfind", bytes_rfind},
      {"index", bytes_index},
      {"rindex", bytes_rindex},
      {"count", bytes_count},
      {"startswith", bytes_startswith},
      {"endswith", bytes_endswith},
      {"replace", bytes_replace, MethodArgs::positional},
      {"removeprefix", bytes_removeprefix, MethodArgs::one},
      {"removesuffix", bytes_removesuffix, MethodArgs::one},
      {"center", bytes_center, MethodArgs::positional},
      {"ljust", bytes_ljust, MethodArgs::positional},
      {"rjust", bytes_rjust, MethodArgs::positional},
      {"zfill", bytes_zfill, MethodArgs::one},
      {"expandtabs", bytes_expandtabs},
      {"partition", bytes_partition, MethodArgs::one},
      {"rpartition", bytes_rpartition, MethodArgs::one},
      {"join", bytes_join, MethodArgs::one},
  };
  add_methods(t, type, methods);
  mark_sequence_repeat(t, type);
  add_classmethod(t, type, "fromhex", bytes_fromhex);
  add_staticmethod(t, type, "maketrans", bytes_maketrans);
}

void init_bytearray_type(Thread& t);
void init_memoryview_type(Thread& t);

void init_bytes_type(Thread& t) {
  Value type = type_value(T_bytes);
  add_bytes_methods(t, type);
  add_method(t, type, "__hash__", bytes_hash);
  add_method(t, type, "__bytes__", bytes_bytes);
  add_method(t, type, "__getnewargs__", bytes_getnewargs, MethodArgs::none);
  add_staticmethod(t, type, "__new__", bytes_new_method);
  init_bytearray_type(t);
  init_memoryview_type(t);
}

} // namespace interp
