// interp/modules/array.cc - the array module: array.array, a mutable sequence of
// machine values of one C type (its typecode: b B u h H i I l L q Q f d).
//
// An array is an Instance-layout object whose fields are Values (the collector traces
// every word of that layout): the typecode as a small int, the item count as a small int
// and the storage, a Bytes object used as a buffer whose length is the capacity in bytes
// (as bytearray's). Items are kept in their native representation; mutators write the
// buffer in place through the write barrier when it is big enough and replace it
// otherwise, so a transaction that aborts rolls an array back with everything else.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/numbers.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc
Value byte_buffer_new(Thread& t, std::size_t capacity); // bytearray.cc
void byte_buffer_write(Value storage, std::size_t at, const char* src,
                       std::size_t n);                                    // bytearray.cc
bool byte_buffer_store(Thread& t, Value& storage, std::string_view data); // bytearray.cc

namespace {

struct ArrayObject : Object {
  Value typecode; // small int: the typecode character
  Value storage;  // Bytes whose length is the capacity in bytes; 0 while never filled
  Value length;   // small int: the number of items
};

struct ArrayIterObject : Object {
  Value array;
  Value index; // small int; -1 once exhausted
};

constexpr const char kTypecodes[] = "bBuhHiIlLqQfd";

std::size_t itemsize_of(char tc) {
  switch (tc) {
  case 'b':
  case 'B':
    return 1;
  case 'h':
  case 'H':
    return 2;
  case 'i':
  case 'I':
  case 'f':
  case 'u':
    return 4;
  default:
    return 8;
  }
}

char typecode_of(Value a) {
  return char(rd<ArrayObject>(a)->typecode.small_int_value());
}

std::int64_t count_of(Value a) {
  return rd<ArrayObject>(a)->length.small_int_value();
}

// The items' bytes (valid until the next allocation or write).
std::string_view data_of(Value a) {
  const ArrayObject* o = rd<ArrayObject>(a);
  if (!o->storage) return {};
  std::size_t n =
      std::size_t(o->length.small_int_value()) * itemsize_of(char(o->typecode.small_int_value()));
  return {reinterpret_cast<const char*>(rd<BytesObject>(o->storage)->data), n};
}

std::string contents(Value a) {
  return std::string(data_of(a));
}

// Makes the items `data` (whole items; it must not point into the array).
bool set_contents(Thread& t, Value self, std::string_view data) {
  Value storage = rd<ArrayObject>(self)->storage, old = storage;
  std::int64_t items = std::int64_t(data.size() / itemsize_of(typecode_of(self)));
  if (!byte_buffer_store(t, storage, data)) return false;
  ArrayObject* o = wr<ArrayObject>(self);
  if (storage != old) o->storage = storage;
  o->length = Value::small_int(items);
  return true;
}

Value array_class(Thread& t) {
  Value m = import_module(t, "array");
  return m ? getattr(t, m, intern_literal(t, "array")) : Value();
}

// Whether v is an array (or an instance of a subclass); -1 on error.
int is_array(Thread& t, Value v) {
  if (!v.is_object() || !is_layout(v, Layout::Instance)) return 0;
  Value cls = array_class(t);
  if (!cls) return -1;
  return is_subtype(type_of(v), cls) ? 1 : 0;
}

Value new_array(Thread& t, Value cls, char tc, std::string_view data) {
  Value self = allocate(t, Layout::Instance, cls, sizeof(ArrayObject));
  if (!self) return {};
  ArrayObject* o = fresh<ArrayObject>(self);
  o->typecode = Value::small_int(tc);
  o->length = Value::small_int(0);
  if (data.empty()) return self;
  std::string copy(data);
  if (!set_contents(t, self, copy)) return {};
  return self;
}

// ---- items ---------------------------------------------------------------------------------

bool overflow(Thread& t, const char* message) {
  raise(t, exc(E_OverflowError), message);
  return false;
}

// Checks n against [lo, hi], raising "<what> is less than minimum" / "... greater than maximum".
bool in_range(Thread& t, std::int64_t n, std::int64_t lo, std::int64_t hi, const char* what) {
  if (n < lo) return raisef(t, exc(E_OverflowError), "%s is less than minimum", what), false;
  if (n > hi) return raisef(t, exc(E_OverflowError), "%s is greater than maximum", what), false;
  return true;
}

template <class T> void put(char* out, T v) {
  std::memcpy(out, &v, sizeof v);
}

template <class T> T get(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Converts v to an item of typecode `tc` at `out`, with CPython's errors.
bool encode(Thread& t, char tc, Value v, char* out) {
  if (tc == 'u') {
    if (!str_check(v) || str_length(v) != 1)
      return raise(t, exc(E_TypeError), "array item must be unicode character"), false;
    put<std::uint32_t>(out, std::uint32_t(str_at(v, 0)));
    return true;
  }
  if (tc == 'f' || tc == 'd') {
    if (!float_check(v) && !v.is_small_int() && !int_check(v) &&
        !lookup_special(t, v, N___float__) && !lookup_special(t, v, N___index__)) {
      if (!t.pending)
        raisef(t, exc(E_TypeError), "must be real number, not %s", type_name_of(v).c_str());
      return false;
    }
    double d;
    if (!to_double(t, v, d)) return false;
    if (tc == 'f')
      put<float>(out, float(d));
    else
      put<double>(out, d);
    return true;
  }
  std::int64_t n = 0;
  bool fits = true, negative = false, fits_u64 = false;
  std::uint64_t u = 0;
  // Any object with __index__ stands for the int it gives, range checks included.
  v = index_value(t, v);
  if (!v) return false;
  if (!int_to_i64(v, n)) {
    fits = false;
    std::string digits = int_to_decimal(v);
    negative = digits[0] == '-';
    if (!negative) {
      errno = 0;
      u = std::strtoull(digits.c_str(), nullptr, 10);
      fits_u64 = errno != ERANGE;
    }
  }
  if (fits) {
    negative = n < 0;
    fits_u64 = !negative;
    u = std::uint64_t(n);
  }
  const char* too_large_long = "Python int too large to convert to C long";
  switch (tc) {
  case 'b':
    if (!fits) return overflow(t, too_large_long);
    if (!in_range(t, n, INT16_MIN, INT16_MAX, "signed short integer")) return false;
    if (!in_range(t, n, INT8_MIN, INT8_MAX, "signed char")) return false;
    put<std::int8_t>(out, std::int8_t(n));
    return true;
  case 'B':
    if (!fits) return overflow(t, too_large_long);
    if (!in_range(t, n, 0, UINT8_MAX, "unsigned byte integer")) return false;
    put<std::uint8_t>(out, std::uint8_t(n));
    return true;
  case 'h':
    if (!fits) return overflow(t, too_large_long);
    if (!in_range(t, n, INT16_MIN, INT16_MAX, "signed short integer")) return false;
    put<std::int16_t>(out, std::int16_t(n));
    return true;
  case 'H':
    if (!fits) return overflow(t, too_large_long);
    if (!in_range(t, n, INT32_MIN, INT32_MAX, "signed integer")) return false;
    if (!in_range(t, n, 0, UINT16_MAX, "unsigned short")) return false;
    put<std::uint16_t>(out, std::uint16_t(n));
    return true;
  case 'i':
    if (!fits) return overflow(t, too_large_long);
    if (!in_range(t, n, INT32_MIN, INT32_MAX, "signed integer")) return false;
    put<std::int32_t>(out, std::int32_t(n));
    return true;
  case 'l':
    if (!fits) return overflow(t, too_large_long);
    put<std::int64_t>(out, n);
    return true;
  case 'q':
    if (!fits) return overflow(t, "int too big to convert");
    put<std::int64_t>(out, n);
    return true;
  case 'I':
  case 'L':
    if (negative) return overflow(t, "can't convert negative value to unsigned int");
    if (!fits_u64) return overflow(t, "Python int too large to convert to C unsigned long");
    if (tc == 'I') {
      if (u > UINT32_MAX) return overflow(t, "unsigned int is greater than maximum");
      put<std::uint32_t>(out, std::uint32_t(u));
    } else {
      put<std::uint64_t>(out, u);
    }
    return true;
  default: // 'Q'
    if (negative) return overflow(t, "can't convert negative int to unsigned");
    if (!fits_u64) return overflow(t, "int too big to convert");
    put<std::uint64_t>(out, u);
    return true;
  }
}

Value unsigned_value(Thread& t, std::uint64_t u) {
  if (u <= std::uint64_t(INT64_MAX)) return int_from_i64(t, std::int64_t(u));
  std::string digits = std::to_string(u);
  return int_from_text(t, digits, 10);
}

// The item of typecode `tc` at `p` as a Python value.
Value decode(Thread& t, char tc, const char* p) {
  switch (tc) {
  case 'b':
    return Value::small_int(get<std::int8_t>(p));
  case 'B':
    return Value::small_int(get<std::uint8_t>(p));
  case 'h':
    return Value::small_int(get<std::int16_t>(p));
  case 'H':
    return Value::small_int(get<std::uint16_t>(p));
  case 'i':
    return int_from_i64(t, get<std::int32_t>(p));
  case 'I':
    return int_from_i64(t, get<std::uint32_t>(p));
  case 'l':
  case 'q':
    return int_from_i64(t, get<std::int64_t>(p));
  case 'L':
  case 'Q':
    return unsigned_value(t, get<std::uint64_t>(p));
  case 'f':
    return float_new(t, double(get<float>(p)));
  case 'd':
    return float_new(t, get<double>(p));
  default: { // 'u'
    std::uint32_t c = get<std::uint32_t>(p);
    if (c > 0x10FFFF)
      return raisef(t, exc(E_ValueError), "character U+%x is not in range [U+0000; U+10ffff]",
                    unsigned(c));
    return str_from_code_point(t, char32_t(c));
  }
  }
}

Value item_at(Thread& t, Value a, std::int64_t i) {
  char tc = typecode_of(a);
  std::size_t size = itemsize_of(tc);
  char buf[8];
  std::memcpy(buf, data_of(a).data() + std::size_t(i) * size, size);
  return decode(t, tc, buf);
}

// Encodes every item of `iterable` after the bytes in `out`.
bool encode_iterable(Thread& t, char tc, Value iterable, std::string& out) {
  Value it = iter(t, iterable);
  if (!it) return false;
  std::size_t size = itemsize_of(tc);
  char buf[8];
  while (Value item = next(t, it)) {
    if (!encode(t, tc, item, buf)) return false;
    out.append(buf, size);
  }
  return !t.pending;
}

// ---- construction ----------------------------------------------------------------------------

bool add_from_bytes(Thread& t, Value self, std::string_view more) {
  if (more.size() % itemsize_of(typecode_of(self)))
    return raise(t, exc(E_ValueError), "bytes length not a multiple of item size"), false;
  std::string s = contents(self);
  s.append(more);
  return set_contents(t, self, s);
}

bool add_from_str(Thread& t, Value self, Value s) {
  std::string out = contents(self);
  for (char32_t c : str_code_points(s)) {
    char buf[4];
    put<std::uint32_t>(buf, std::uint32_t(c));
    out.append(buf, 4);
  }
  return set_contents(t, self, out);
}

// extend(): an array of the same kind or any iterable.
bool extend_with(Thread& t, Value self, Value other) {
  char tc = typecode_of(self);
  int other_is_array = is_array(t, other);
  if (other_is_array < 0) return false;
  if (other_is_array) {
    if (typecode_of(other) != tc)
      return raise(t, exc(E_TypeError), "can only extend with array of same kind"), false;
    std::string s = contents(self) + contents(other);
    return set_contents(t, self, s);
  }
  std::string s = contents(self);
  if (!encode_iterable(t, tc, other, s)) return false;
  return set_contents(t, self, s);
}

INTERP_NATIVE(array_new) {
  Value cls = args[0];
  if (keyword_count(kwnames)) {
    Value array_cls = array_class(t);
    if (!array_cls) return {};
    if (cls == array_cls)
      return raise(t, exc(E_TypeError), "array.array() takes no keyword arguments");
  }
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos < 1 || npos > 2)
    return raisef(t, exc(E_TypeError), "array() takes %s %d argument%s (%zu given)",
                  npos < 1 ? "at least" : "at most", npos < 1 ? 1 : 2, npos < 1 ? "" : "s", npos);
  Value code = args[1];
  if (!str_check(code) || str_length(code) != 1)
    return raisef(t, exc(E_TypeError), "array() argument 1 must be a unicode character, not %s",
                  type_name_of(code).c_str());
  char32_t c = str_at(code, 0);
  if (c == 0 || c > 127 || !std::strchr(kTypecodes, int(c)))
    return raise(t, exc(E_ValueError),
                 "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  char tc = char(c);
  Value self = new_array(t, cls, tc, {});
  if (!self || npos < 2) return self;
  Value init = args[2];
  if (str_check(init)) {
    if (tc != 'u')
      return raisef(t, exc(E_TypeError),
                    "cannot use a str to initialize an array with typecode '%c'", tc);
    return add_from_str(t, self, init) ? self : Value();
  }
  if (init.is_object() && (isinstance(init, T_bytes) || isinstance(init, T_bytearray))) {
    std::string data(bytes_view(init));
    return add_from_bytes(t, self, data) ? self : Value();
  }
  int init_is_array = is_array(t, init);
  if (init_is_array < 0) return {};
  if (init_is_array && typecode_of(init) == tc) {
    std::string data = contents(init);
    return set_contents(t, self, data) ? self : Value();
  }
  if (init_is_array && typecode_of(init) == 'u')
    return raisef(t, exc(E_TypeError),
                  "cannot use a unicode array to initialize an array with typecode '%c'", tc);
  std::string data;
  if (!encode_iterable(t, tc, init, data)) return {};
  return set_contents(t, self, data) ? self : Value();
}

// ---- sequence protocol -----------------------------------------------------------------------

INTERP_NATIVE(array_len) {
  return Value::small_int(count_of(args[0]));
}

bool integer_index(Thread& t, Value index) {
  if (index.is_small_int() || int_check(index) || lookup_special(t, index, N___index__))
    return true;
  if (!t.pending) raise(t, exc(E_TypeError), "array indices must be integers");
  return false;
}

bool is_slice(Value v) {
  return v.is_object() && is_layout(v, Layout::Slice);
}

INTERP_NATIVE(array_getitem) {
  Value self = args[0];
  std::int64_t n = count_of(self);
  char tc = typecode_of(self);
  if (is_slice(args[1])) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    std::size_t size = itemsize_of(tc);
    std::string_view data = data_of(self);
    std::string out;
    out.reserve(std::size_t(count) * size);
    for (std::int64_t k = 0; k < count; ++k)
      out.append(data.substr(std::size_t(start + k * step) * size, size));
    Value cls = array_class(t);
    return cls ? new_array(t, cls, tc, out) : Value();
  }
  if (!integer_index(t, args[1])) return {};
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "array")) return {};
  return item_at(t, self, i);
}

INTERP_NATIVE(array_setitem) {
  Value self = args[0];
  std::int64_t n = count_of(self);
  char tc = typecode_of(self);
  std::size_t size = itemsize_of(tc);
  if (is_slice(args[1])) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    Value v = args[2];
    int v_is_array = is_array(t, v);
    if (v_is_array < 0) return {};
    if (!v_is_array)
      return raisef(t, exc(E_TypeError), "can only assign array (not \"%s\") to array slice",
                    type_name_of(v).c_str());
    if (typecode_of(v) != tc)
      return raise(t, exc(E_TypeError), "bad argument type for built-in operation");
    std::string value = contents(v), s = contents(self);
    if (step == 1) {
      if (stop < start) stop = start;
      s.replace(std::size_t(start) * size, std::size_t(stop - start) * size, value);
    } else {
      std::int64_t given = std::int64_t(value.size() / size);
      if (given != count)
        return raisef(t, exc(E_ValueError),
                      "attempt to assign array of size %lld to extended slice of size %lld",
                      (long long)given, (long long)count);
      for (std::int64_t k = 0; k < count; ++k)
        std::memcpy(&s[std::size_t(start + k * step) * size], &value[std::size_t(k) * size], size);
    }
    if (!set_contents(t, self, s)) return {};
    return none();
  }
  if (!integer_index(t, args[1])) return {};
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "array assignment")) return {};
  char buf[8];
  if (!encode(t, tc, args[2], buf)) return {};
  Value storage = rd<ArrayObject>(self)->storage;
  byte_buffer_write(storage, std::size_t(i) * size, buf, size);
  return none();
}

INTERP_NATIVE(array_delitem) {
  Value self = args[0];
  std::int64_t n = count_of(self);
  std::size_t size = itemsize_of(typecode_of(self));
  std::string s = contents(self);
  if (is_slice(args[1])) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    std::vector<bool> drop(std::size_t(n), false);
    for (std::int64_t k = 0; k < count; ++k)
      drop[std::size_t(start + k * step)] = true;
    std::string out;
    for (std::int64_t i = 0; i < n; ++i)
      if (!drop[std::size_t(i)]) out.append(s, std::size_t(i) * size, size);
    if (!set_contents(t, self, out)) return {};
    return none();
  }
  if (!integer_index(t, args[1])) return {};
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "array assignment")) return {};
  s.erase(std::size_t(i) * size, size);
  if (!set_contents(t, self, s)) return {};
  return none();
}

// The index of the first item equal to v at or after `from` (before `to`); -1 if none,
// -2 on error.
std::int64_t find_item(Thread& t, Value self, Value v, std::int64_t from, std::int64_t to) {
  for (std::int64_t i = from; i < std::min(to, count_of(self)); ++i) {
    Value item = item_at(t, self, i);
    if (!item) return -2;
    int eq = equal(t, item, v);
    if (eq < 0) return -2;
    if (eq) return i;
  }
  return -1;
}

INTERP_NATIVE(array_contains) {
  std::int64_t at = find_item(t, args[0], args[1], 0, INT64_MAX);
  if (at == -2) return {};
  return py_bool(at >= 0);
}

INTERP_NATIVE(array_iter) {
  Value m = import_module(t, "array");
  Value cls = m ? getattr(t, m, intern_literal(t, "arrayiterator")) : Value();
  if (!cls) return {};
  Value it = allocate(t, Layout::Instance, cls, sizeof(ArrayIterObject));
  if (!it) return {};
  fresh<ArrayIterObject>(it)->array = args[0];
  fresh<ArrayIterObject>(it)->index = Value::small_int(0);
  return it;
}

INTERP_NATIVE(array_iter_next) {
  const ArrayIterObject* o = rd<ArrayIterObject>(args[0]);
  std::int64_t i = o->index.small_int_value();
  Value a = o->array;
  if (i < 0 || i >= count_of(a)) {
    // Exhausted (no exception): let go of the array, as CPython's iterator does.
    wr<ArrayIterObject>(args[0])->index = Value::small_int(-1);
    wr<ArrayIterObject>(args[0])->array = none();
    return {};
  }
  wr<ArrayIterObject>(args[0])->index = Value::small_int(i + 1);
  return item_at(t, a, i);
}

INTERP_NATIVE(array_iter_iter) {
  return args[0];
}

// (iter, (array,), index), or (iter, ((),)) once exhausted: what pickle and copy need.
INTERP_NATIVE(array_iter_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value iter_fn = getattr(t, runtime().builtins_module, intern_literal(t, "iter"));
  if (!iter_fn) return {};
  const ArrayIterObject* o = rd<ArrayIterObject>(args[0]);
  std::int64_t i = o->index.small_int_value();
  Value source = i < 0 ? runtime().empty_tuple : o->array;
  Value call_args = tuple_from(t, &source, 1);
  if (!call_args) return {};
  Value parts[3] = {iter_fn, call_args, Value::small_int(i)};
  return tuple_from(t, parts, i < 0 ? 2 : 3);
}

INTERP_NATIVE(array_iter_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  std::int64_t i;
  if (!index_to_i64(t, args[1], i)) return {};
  if (rd<ArrayIterObject>(args[0])->index.small_int_value() < 0) return none();
  std::int64_t n = count_of(rd<ArrayIterObject>(args[0])->array);
  wr<ArrayIterObject>(args[0])->index = Value::small_int(std::clamp<std::int64_t>(i, 0, n));
  return none();
}

// ---- methods -----------------------------------------------------------------------------------

INTERP_NATIVE(array_append) {
  if (!check_positional(t, "append", nargs, kwnames, 1, 1)) return {};
  Value self = args[0];
  char tc = typecode_of(self);
  std::size_t size = itemsize_of(tc);
  char buf[8];
  if (!encode(t, tc, args[1], buf)) return {};
  std::int64_t n = count_of(self);
  Value storage = rd<ArrayObject>(self)->storage;
  std::size_t used = std::size_t(n) * size;
  if (storage && std::size_t(ro<BytesObject>(storage)->length) >= used + size) {
    byte_buffer_write(storage, used, buf, size);
    wr<ArrayObject>(self)->length = Value::small_int(n + 1);
    return none();
  }
  std::string s = contents(self);
  s.append(buf, size);
  Value bigger = byte_buffer_new(t, s.size() * 2 + 8 * size);
  if (!bigger) return {};
  std::memcpy(fresh<BytesObject>(bigger)->data, s.data(), s.size());
  ArrayObject* w = wr<ArrayObject>(self);
  w->storage = bigger;
  w->length = Value::small_int(n + 1);
  return none();
}

INTERP_NATIVE(array_extend) {
  if (!check_positional(t, "extend", nargs, kwnames, 1, 1)) return {};
  if (!extend_with(t, args[0], args[1])) return {};
  return none();
}

INTERP_NATIVE(array_insert) {
  if (!check_positional(t, "insert", nargs, kwnames, 2, 2)) return {};
  Value self = args[0];
  std::int64_t i;
  if (!index_to_i64(t, args[1], i, true)) return {};
  char tc = typecode_of(self);
  std::size_t size = itemsize_of(tc);
  char buf[8];
  if (!encode(t, tc, args[2], buf)) return {};
  std::int64_t n = count_of(self);
  if (i < 0) i = std::max<std::int64_t>(0, i + n);
  if (i > n) i = n;
  std::string s = contents(self);
  s.insert(std::size_t(i) * size, buf, size);
  if (!set_contents(t, self, s)) return {};
  return none();
}

INTERP_NATIVE(array_pop) {
  if (!check_positional(t, "pop", nargs, kwnames, 0, 1)) return {};
  Value self = args[0];
  std::int64_t n = count_of(self);
  std::int64_t i = -1;
  if (nargs > 1 && !index_to_i64(t, args[1], i, true)) return {};
  if (n == 0) return raise(t, exc(E_IndexError), "pop from empty array");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "pop index out of range");
  Value item = item_at(t, self, i);
  if (!item) return {};
  std::size_t size = itemsize_of(typecode_of(self));
  std::string s = contents(self);
  s.erase(std::size_t(i) * size, size);
  if (!set_contents(t, self, s)) return {};
  return item;
}

INTERP_NATIVE(array_remove) {
  if (!check_positional(t, "remove", nargs, kwnames, 1, 1)) return {};
  Value self = args[0];
  std::int64_t at = find_item(t, self, args[1], 0, INT64_MAX);
  if (at == -2) return {};
  if (at < 0) return raise(t, exc(E_ValueError), "array.remove(x): x not in array");
  std::size_t size = itemsize_of(typecode_of(self));
  std::string s = contents(self);
  s.erase(std::size_t(at) * size, size);
  if (!set_contents(t, self, s)) return {};
  return none();
}

INTERP_NATIVE(array_index) {
  if (!check_positional(t, "index", nargs, kwnames, 1, 3)) return {};
  Value self = args[0];
  std::int64_t n = count_of(self), from = 0, to = n;
  if (nargs > 2 && !slice_bound(t, args[2], n, from)) return {};
  if (nargs > 3 && !slice_bound(t, args[3], n, to)) return {};
  std::int64_t at = find_item(t, self, args[1], from, to);
  if (at == -2) return {};
  if (at < 0) return raise(t, exc(E_ValueError), "array.index(x): x not in array");
  return Value::small_int(at);
}

INTERP_NATIVE(array_count) {
  if (!check_positional(t, "count", nargs, kwnames, 1, 1)) return {};
  std::int64_t found = 0;
  for (std::int64_t i = 0;; ++i) {
    i = find_item(t, args[0], args[1], i, INT64_MAX);
    if (i == -2) return {};
    if (i < 0) break;
    ++found;
  }
  return Value::small_int(found);
}

INTERP_NATIVE(array_reverse) {
  if (!check_positional(t, "reverse", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  std::size_t size = itemsize_of(typecode_of(self));
  std::string s = contents(self), out;
  out.reserve(s.size());
  for (std::size_t at = s.size(); at >= size; at -= size)
    out.append(s, at - size, size);
  if (!set_contents(t, self, out)) return {};
  return none();
}

INTERP_NATIVE(array_byteswap) {
  if (!check_positional(t, "byteswap", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  std::size_t size = itemsize_of(typecode_of(self));
  std::string s = contents(self);
  for (std::size_t at = 0; at + size <= s.size(); at += size)
    std::reverse(s.begin() + std::ptrdiff_t(at), s.begin() + std::ptrdiff_t(at + size));
  if (!set_contents(t, self, s)) return {};
  return none();
}

INTERP_NATIVE(array_tolist) {
  if (!check_positional(t, "tolist", nargs, kwnames, 0, 0)) return {};
  Value list = list_new(t);
  if (!list) return {};
  for (std::int64_t i = 0; i < count_of(args[0]); ++i) {
    Value item = item_at(t, args[0], i);
    if (!item || !list_append(t, list, item)) return {};
  }
  return list;
}

INTERP_NATIVE(array_tobytes) {
  if (!check_positional(t, "tobytes", nargs, kwnames, 0, 0)) return {};
  std::string s = contents(args[0]);
  return bytes_new(t, s);
}

INTERP_NATIVE(array_frombytes) {
  if (!check_positional(t, "frombytes", nargs, kwnames, 1, 1)) return {};
  std::string more;
  if (!need_buffer(t, args[1], more)) return {};
  if (!add_from_bytes(t, args[0], more)) return {};
  return none();
}

// fromfile(f, n): n items read with f.read(); what came back is added (frombytes' checks
// apply), and EOFError says when it was short.
INTERP_NATIVE(array_fromfile) {
  if (!check_positional(t, "fromfile", nargs, kwnames, 2, 2)) return {};
  std::int64_t n;
  if (!index_to_i64(t, args[2], n)) return {};
  if (n < 0) return raise(t, exc(E_ValueError), "negative count");
  std::int64_t size = std::int64_t(itemsize_of(typecode_of(args[0])));
  if (n > std::numeric_limits<std::int64_t>::max() / size) return raise_memory_error(t);
  Value read = getattr(t, args[1], intern_literal(t, "read"));
  Value got = read ? call1(t, read, int_from_i64(t, n * size)) : Value();
  if (!got) return {};
  if (!is_exact(got, T_bytes)) return raise(t, exc(E_TypeError), "read() didn't return bytes");
  std::string data(bytes_view(got));
  if (!add_from_bytes(t, args[0], data)) return {};
  if (std::int64_t(data.size()) != n * size)
    return raise(t, exc(E_EOFError), "read() didn't return enough bytes");
  return none();
}

// tofile(f): the items' bytes written with f.write(), 64 KiB at a time.
INTERP_NATIVE(array_tofile) {
  if (!check_positional(t, "tofile", nargs, kwnames, 1, 1)) return {};
  constexpr std::size_t kBlock = 64 * 1024;
  std::string data = contents(args[0]);
  Value write = data.empty() ? Value() : getattr(t, args[1], intern_literal(t, "write"));
  if (!data.empty() && !write) return {};
  for (std::size_t at = 0; at < data.size(); at += kBlock) {
    Value block = bytes_new(t, std::string_view(data).substr(at, kBlock));
    if (!block || !call1(t, write, block)) return {};
  }
  return none();
}

INTERP_NATIVE(array_fromlist) {
  if (!check_positional(t, "fromlist", nargs, kwnames, 1, 1)) return {};
  if (!args[1].is_object() || !isinstance(args[1], T_list))
    return raise(t, exc(E_TypeError), "arg must be list");
  char tc = typecode_of(args[0]);
  std::size_t size = itemsize_of(tc);
  std::string s = contents(args[0]);
  char buf[8];
  for (std::int64_t i = 0; i < list_length(args[1]); ++i) {
    if (!encode(t, tc, list_item(args[1], i), buf)) return {};
    s.append(buf, size);
  }
  if (!set_contents(t, args[0], s)) return {};
  return none();
}

INTERP_NATIVE(array_tounicode) {
  if (!check_positional(t, "tounicode", nargs, kwnames, 0, 0)) return {};
  if (typecode_of(args[0]) != 'u')
    return raise(t, exc(E_ValueError), "tounicode() may only be called on unicode type arrays");
  std::string s = contents(args[0]);
  std::u32string cps;
  for (std::size_t at = 0; at + 4 <= s.size(); at += 4) {
    std::uint32_t c = get<std::uint32_t>(s.data() + at);
    if (c > 0x10FFFF)
      return raisef(t, exc(E_ValueError), "character U+%x is not in range [U+0000; U+10ffff]",
                    unsigned(c));
    cps.push_back(char32_t(c));
  }
  return str_from_code_points(t, cps);
}

INTERP_NATIVE(array_fromunicode) {
  if (!check_positional(t, "fromunicode", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "fromunicode() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  if (typecode_of(args[0]) != 'u')
    return raise(t, exc(E_ValueError), "fromunicode() may only be called on unicode type arrays");
  if (!add_from_str(t, args[0], args[1])) return {};
  return none();
}

INTERP_NATIVE(array_buffer_info) {
  if (!check_positional(t, "buffer_info", nargs, kwnames, 0, 0)) return {};
  std::string_view data = data_of(args[0]);
  Value address = int_from_i64(t, std::int64_t(reinterpret_cast<std::uintptr_t>(data.data())));
  if (!address) return {};
  Value items[2] = {address, Value::small_int(count_of(args[0]))};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(array_typecode) {
  char tc = typecode_of(args[0]);
  return str_from_ascii(t, std::string_view(&tc, 1));
}

INTERP_NATIVE(array_itemsize) {
  return Value::small_int(std::int64_t(itemsize_of(typecode_of(args[0]))));
}

INTERP_NATIVE(array_repr) {
  Value self = args[0];
  char tc = typecode_of(self);
  std::string out = type_name(type_of(self)) + "('" + tc + "'";
  if (count_of(self) > 0) {
    Value rest;
    Value no_args[1] = {self};
    rest = tc == 'u' ? array_tounicode(t, no_args, 1, {}) : array_tolist(t, no_args, 1, {});
    if (!rest) return {};
    std::string text = repr_utf8(t, rest);
    if (t.pending) return {};
    out += ", " + text;
  }
  out += ")";
  return str_from_utf8(t, out);
}

// ---- operators ---------------------------------------------------------------------------------

INTERP_NATIVE(array_add) {
  int other = is_array(t, args[1]);
  if (other < 0) return {};
  if (!other)
    return raisef(t, exc(E_TypeError), "can only append array (not \"%s\") to array",
                  type_name_of(args[1]).c_str());
  char tc = typecode_of(args[0]);
  if (typecode_of(args[1]) != tc)
    return raise(t, exc(E_TypeError), "bad argument type for built-in operation");
  std::string s = contents(args[0]) + contents(args[1]);
  Value cls = array_class(t);
  return cls ? new_array(t, cls, tc, s) : Value();
}

INTERP_NATIVE(array_iadd) {
  int other = is_array(t, args[1]);
  if (other < 0) return {};
  if (!other)
    return raisef(t, exc(E_TypeError), "can only extend array with array (not \"%s\")",
                  type_name_of(args[1]).c_str());
  if (!extend_with(t, args[0], args[1])) return {};
  return args[0];
}

// The items repeated `count` times; false with TypeError for a count that is no integer.
bool repeated(Thread& t, Value self, Value count, std::string& out) {
  std::int64_t times;
  if (!repeat_count(t, count, times)) return false;
  std::string one = contents(self);
  if (times > 0 && !one.empty() && std::uint64_t(times) > (std::uint64_t(1) << 36) / one.size()) {
    raise_memory_error(t);
    return false;
  }
  for (std::int64_t k = 0; k < times; ++k)
    out += one;
  return true;
}

INTERP_NATIVE(array_mul) {
  std::string out;
  if (!repeated(t, args[0], args[1], out)) return {};
  Value cls = array_class(t);
  return cls ? new_array(t, cls, typecode_of(args[0]), out) : Value();
}

INTERP_NATIVE(array_imul) {
  std::string out;
  if (!repeated(t, args[0], args[1], out)) return {};
  if (!set_contents(t, args[0], out)) return {};
  return args[0];
}

Value compare_arrays(Thread& t, Value a, Value b, bytecode::CompareOp op) {
  int other = is_array(t, b);
  if (other <= 0) return other < 0 ? Value() : runtime().not_implemented;
  std::int64_t na = count_of(a), nb = count_of(b);
  if (na != nb && (op == bytecode::CompareOp::Eq || op == bytecode::CompareOp::Ne))
    return py_bool(op == bytecode::CompareOp::Ne);
  for (std::int64_t i = 0; i < std::min(na, nb); ++i) {
    Value x = item_at(t, a, i);
    Value y = x ? item_at(t, b, i) : Value();
    if (!y) return {};
    int eq = equal(t, x, y);
    if (eq < 0) return {};
    if (!eq) {
      if (op == bytecode::CompareOp::Eq) return py_bool(false);
      if (op == bytecode::CompareOp::Ne) return py_bool(true);
      return compare(t, x, y, op);
    }
    na = std::min(na, count_of(a));
    nb = std::min(nb, count_of(b));
  }
  return py_bool(compare_numbers(na, nb, op));
}

#define ARRAY_COMPARE(fn_name, op)                                                                 \
  INTERP_NATIVE(fn_name) {                                                                         \
    return compare_arrays(t, args[0], args[1], bytecode::CompareOp::op);                           \
  }
ARRAY_COMPARE(array_eq, Eq)
ARRAY_COMPARE(array_ne, Ne)
ARRAY_COMPARE(array_lt, Lt)
ARRAY_COMPARE(array_le, Le)
ARRAY_COMPARE(array_gt, Gt)
ARRAY_COMPARE(array_ge, Ge)
#undef ARRAY_COMPARE

// ---- copying and pickling
// ------------------------------------------------------------------------

INTERP_NATIVE(array_copy) {
  std::string s = contents(args[0]);
  Value cls = array_class(t);
  return cls ? new_array(t, cls, typecode_of(args[0]), s) : Value();
}

// ---- pickling: machine format codes ------------------------------------------------------
//
// From protocol 3 on, an array pickles as its bytes with a code saying how they are laid out
// (CPython's numbering), so that a machine with other sizes or byte order reads it back.
enum MachineFormat : int {
  kUnsignedInt8 = 0,
  kSignedInt8 = 1,
  kUnsignedInt16LE = 2,
  kSignedInt16LE = 4,
  kUnsignedInt32LE = 6,
  kSignedInt32LE = 8,
  kUnsignedInt64LE = 10,
  kSignedInt64LE = 12,
  kFloatLE = 14,
  kDoubleLE = 16,
  kUtf16LE = 18,
  kUtf32LE = 20,
  kMachineFormats = 22, // each little-endian code is followed by its big-endian one
};

// The format of this machine's items (little-endian x86-64 and aarch64).
int native_format(char tc) {
  switch (tc) {
  case 'b':
    return kSignedInt8;
  case 'B':
    return kUnsignedInt8;
  case 'u':
    return kUtf32LE;
  case 'h':
    return kSignedInt16LE;
  case 'H':
    return kUnsignedInt16LE;
  case 'i':
    return kSignedInt32LE;
  case 'I':
    return kUnsignedInt32LE;
  case 'f':
    return kFloatLE;
  case 'd':
    return kDoubleLE;
  case 'l':
  case 'q':
    return kSignedInt64LE;
  default:
    return kUnsignedInt64LE; // L, Q
  }
}

// (type(self), (typecode, items), __dict__ or None) for protocols 0 to 2, and
// (_array_reconstructor, (type(self), typecode, format, bytes), __dict__ or None) after.
INTERP_NATIVE(array_reduce_ex) {
  if (!check_positional(t, "__reduce_ex__", nargs, kwnames, 1, 1)) return {};
  Value self = args[0];
  std::int64_t protocol;
  if (!index_to_i64(t, args[1], protocol)) return {};
  Value no_args[1] = {self};
  Value code = array_typecode(t, no_args, 1, {});
  if (!code) return {};
  Value state = getattr_opt(t, self, intern_literal(t, "__dict__"));
  if (t.pending) return {};
  if (!state) state = none();
  Value init_args, maker = type_of(self);
  if (protocol < 3) {
    Value items = array_tolist(t, no_args, 1, {});
    Value init[2] = {code, items};
    init_args = items ? tuple_from(t, init, 2) : Value();
  } else {
    Value m = import_module(t, "array");
    maker = m ? getattr(t, m, intern_literal(t, "_array_reconstructor")) : Value();
    Value bytes = maker ? bytes_new(t, data_of(self)) : Value();
    Value init[4] = {type_of(self), code, Value::small_int(native_format(typecode_of(self))),
                     bytes};
    init_args = bytes ? tuple_from(t, init, 4) : Value();
  }
  if (!init_args) return {};
  Value parts[3] = {maker, init_args, state};
  return tuple_from(t, parts, 3);
}

// What a machine format code says: its kind (the little-endian code of the pair), the
// size of an item (4 for both UTF-16 and UTF-32, as CPython counts them), its sign and
// byte order.
struct MachineFormatInfo {
  int kind;
  std::size_t size;
  bool is_signed;
  bool big;
};

MachineFormatInfo machine_format_info(int format) {
  int kind = format <= kSignedInt8 ? format : format & ~1;
  std::size_t size = kind <= kSignedInt8                                              ? 1
                     : kind <= kSignedInt16LE                                         ? 2
                     : kind <= kSignedInt32LE || kind == kFloatLE || kind >= kUtf16LE ? 4
                                                                                      : 8;
  bool is_signed = kind == kSignedInt8 || kind == kSignedInt16LE || kind == kSignedInt32LE ||
                   kind == kSignedInt64LE;
  return {kind, size, is_signed, format > kSignedInt8 && (format & 1)};
}

// The items of `data` laid out in machine format `format` (not this machine's), as Python
// values; false with the error.
bool decode_machine_format(Thread& t, int format, std::string_view data, Value list) {
  MachineFormatInfo f = machine_format_info(format);
  if (data.size() % f.size != 0)
    return raise(t, exc(E_ValueError), "string length not a multiple of item size"), false;
  if (f.kind == kUtf16LE || f.kind == kUtf32LE) {
    const char* codec = f.kind == kUtf16LE ? (f.big ? "utf-16-be" : "utf-16-le")
                                           : (f.big ? "utf-32-be" : "utf-32-le");
    Value bytes = bytes_new(t, data);
    Value codec_name = bytes ? str_from_ascii(t, codec) : Value();
    Value decode = codec_name ? getattr(t, bytes, intern_literal(t, "decode")) : Value();
    Value text = decode ? call1(t, decode, codec_name) : Value();
    return text && list_append(t, list, text);
  }
  for (std::size_t at = 0; at < data.size(); at += f.size) {
    std::uint64_t bits = 0;
    for (std::size_t k = 0; k < f.size; ++k) {
      std::uint64_t byte = static_cast<unsigned char>(data[at + (f.big ? k : f.size - 1 - k)]);
      bits = bits << 8 | byte;
    }
    Value item;
    if (f.kind == kFloatLE) {
      float x;
      std::uint32_t b32 = std::uint32_t(bits);
      std::memcpy(&x, &b32, 4);
      item = float_new(t, x);
    } else if (f.kind == kDoubleLE) {
      double x;
      std::memcpy(&x, &bits, 8);
      item = float_new(t, x);
    } else if (f.is_signed) {
      unsigned shift = unsigned(64 - 8 * f.size);
      item = int_from_i64(t, std::int64_t(bits << shift) >> shift);
    } else {
      item = int_from_big(t, num::BigInt::from_uint64(bits));
    }
    if (!item || !list_append(t, list, item)) return false;
  }
  return true;
}

// array._array_reconstructor(arraytype, typecode, mformat_code, items): what a pickle of
// protocol 3 or more calls to make the array again.
INTERP_NATIVE(array_reconstructor) {
  if (!check_positional(t, "_array_reconstructor", nargs, kwnames, 4, 4, 0)) return {};
  Value cls = args[0], code = args[1], items = args[3];
  if (!cls.is_object() || !is_layout(cls, Layout::Type))
    return raisef(t, exc(E_TypeError), "first argument must be a type object, not %s",
                  type_name_of(cls).c_str());
  Value array_type = array_class(t);
  if (!array_type) return {};
  if (!is_subtype(cls, array_type))
    return raisef(t, exc(E_TypeError), "%s is not a subtype of array.array",
                  display_name(cls).c_str());
  if (!str_check(code) || str_length(code) != 1)
    return raise(t, exc(E_TypeError),
                 "_array_reconstructor() argument 2 must be a unicode "
                 "character");
  char32_t c = str_at(code, 0);
  if (c >= 128 || !std::strchr(kTypecodes, int(c)))
    return raise(t, exc(E_ValueError), "second argument must be a valid type code");
  std::int64_t format;
  if (!index_to_i64(t, args[2], format)) return {};
  if (format < 0 || format >= kMachineFormats)
    return raise(t, exc(E_ValueError), "third argument must be a valid machine format code.");
  if (!is_exact(items, T_bytes))
    return raisef(t, exc(E_TypeError), "fourth argument should be bytes, not %s",
                  type_name_of(items).c_str());
  char tc = char(c);
  std::string_view data = bytes_view(items);
  if (format == native_format(tc)) {
    if (data.size() % itemsize_of(tc) != 0)
      return raise(t, exc(E_ValueError), "bytes length not a multiple of item size");
    return new_array(t, cls, tc, data);
  }
  Value values = list_new(t);
  if (!values || !decode_machine_format(t, int(format), data, values)) return {};
  MachineFormatInfo f = machine_format_info(int(format));
  if (f.kind == kUtf16LE || f.kind == kUtf32LE) {
    Value init[2] = {code, list_item(values, 0)};
    return call(t, cls, init, 2);
  }
  // Integers take the typecode of their size and sign here (the last one listed, as CPython
  // picks 'q' over 'l'); floats keep theirs.
  if (f.kind != kFloatLE && f.kind != kDoubleLE) {
    for (const char* p = "bBhHiIlLqQ"; *p; ++p) {
      bool signed_code = *p == 'b' || *p == 'h' || *p == 'i' || *p == 'l' || *p == 'q';
      if (itemsize_of(*p) == f.size && signed_code == f.is_signed) tc = *p;
    }
  }
  Value typecode = str_from_ascii(t, std::string_view(&tc, 1));
  Value init[2] = {typecode, values};
  return typecode ? call(t, cls, init, 2) : Value();
}

// bytes(array), bytearray(array), b"".join(...) and the other readers of buffers.
// The buffer memoryview (and through it readinto, recv_into, pack_into) reads and writes.
int array_buffer(Thread& t, Value v, BufferExport& out) {
  int yes = is_array(t, v);
  if (yes <= 0) return yes;
  const ArrayObject* o = rd<ArrayObject>(v);
  char tc = char(o->typecode.small_int_value());
  out.storage = o->storage;
  out.length = o->storage ? o->length.small_int_value() * std::int64_t(itemsize_of(tc)) : 0;
  out.format = tc == 'u' ? 'w' : tc;
  out.readonly = false;
  return 1;
}

} // namespace

Value make_array_module(Thread& t) {
  Value m = new_module(t, "array", nullptr, 0);
  if (!m) return {};
  Value cls = new_type(t, "array", "array", Layout::Instance);
  if (!cls) return {};
  wr<TypeObject>(cls)->flags |= kSequence;
  make_weakrefable(cls);
  static const ModuleFunction kMethods[] = {
      {"__len__", array_len},
      {"__getitem__", array_getitem},
      {"__setitem__", array_setitem},
      {"__delitem__", array_delitem},
      {"__contains__", array_contains},
      {"__iter__", array_iter},
      {"__repr__", array_repr},
      {"__add__", array_add},
      {"__iadd__", array_iadd},
      {"__mul__", array_mul},
      {"__rmul__", array_mul},
      {"__imul__", array_imul},
      {"__eq__", array_eq},
      {"__ne__", array_ne},
      {"__lt__", array_lt},
      {"__le__", array_le},
      {"__gt__", array_gt},
      {"__ge__", array_ge},
      {"__copy__", array_copy},
      {"__deepcopy__", array_copy},
      {"__reduce_ex__", array_reduce_ex},
      {"append", array_append},
      {"extend", array_extend},
      {"insert", array_insert},
      {"pop", array_pop},
      {"remove", array_remove},
      {"index", array_index},
      {"count", array_count},
      {"reverse", array_reverse},
      {"byteswap", array_byteswap},
      {"tolist", array_tolist},
      {"tobytes", array_tobytes},
      {"frombytes", array_frombytes},
      {"fromlist", array_fromlist},
      {"fromfile", array_fromfile},
      {"tofile", array_tofile},
      {"tounicode", array_tounicode},
      {"fromunicode", array_fromunicode},
      {"buffer_info", array_buffer_info},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, cls, f.name, f.fn);
  mark_sequence_repeat(t, cls);
  add_staticmethod(t, cls, "__new__", array_new);
  add_attribute(t, cls, "__hash__", none());
  add_getter(t, cls, "typecode", array_typecode);
  add_getter(t, cls, "itemsize", array_itemsize);
  update_type_flags(cls);
  module_set(t, m, "array", cls);
  module_set(t, m, "ArrayType", cls);

  Value it = new_type(t, "arrayiterator", "array", Layout::Instance, {}, false);
  if (!it) return {};
  add_method(t, it, "__next__", array_iter_next);
  add_method(t, it, "__iter__", array_iter_iter);
  add_method(t, it, "__reduce__", array_iter_reduce);
  add_method(t, it, "__setstate__", array_iter_setstate);
  update_type_flags(it);
  module_set(t, m, "arrayiterator", it);

  Value codes = str_from_ascii(t, kTypecodes);
  if (!codes) return {};
  module_set(t, m, "typecodes", codes);
  Value reconstructor = make_native_function(t, "_array_reconstructor", array_reconstructor,
                                             intern_literal(t, "array"));
  if (!reconstructor) return {};
  module_set(t, m, "_array_reconstructor", reconstructor);
  register_buffer_exporter(array_buffer);
  // An array is a MutableSequence, as CPython's module registers it.
  Value abc = import_module(t, "collections.abc");
  Value mutable_sequence = abc ? getattr(t, abc, intern_literal(t, "MutableSequence")) : Value();
  Value reg =
      mutable_sequence ? getattr(t, mutable_sequence, intern_literal(t, "register")) : Value();
  if (!reg || !call1(t, reg, cls)) return {};
  return m;
}

} // namespace interp
