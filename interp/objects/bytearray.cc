// interp/objects/bytearray.cc - the bytearray type: a mutable byte string.
//
// The bytes live in a Bytes object used as a buffer whose length is the capacity; the
// bytearray's own length says how much of it is in use. Mutators write the buffer in
// place (through the write barrier) when it is big enough and replace it otherwise, so
// appending is amortized O(1). The methods that bytes has too are bytes.cc's.
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace interp {

Value bytearray_from(Thread& t, std::string_view data, Value cls = {});
// Makes a bytearray's contents `data` (which must not point into it); io.cc's BytesIO.
bool bytearray_set_contents(Thread& t, Value self, std::string_view data);
void add_bytes_methods(Thread& t, Value type);
bool bytes_from_source(Thread& t, Value source, Value encoding, Value errors, const char* what,
                       std::string& out);
bool buffer_contents(Thread& t, Value v, std::string& out, bool& error);
bool need_buffer(Thread& t, Value v, std::string& out);
// The growable byte buffers of bytearray and array.array: a Bytes object whose length is
// the capacity. A new one of `capacity` bytes:
Value byte_buffer_new(Thread& t, std::size_t capacity);
// Writes `n` bytes at byte `at` of its data (through the ranged write barrier).
void byte_buffer_write(Value storage, std::size_t at, const char* src, std::size_t n);
// Puts `data` (not pointing into the buffer) at its start: in place when it fits and the
// buffer is not far too big, else in a new buffer, which replaces `storage` (0: none yet).
bool byte_buffer_store(Thread& t, Value& storage, std::string_view data);

Value byte_buffer_new(Thread& t, std::size_t capacity) {
  Value b = allocate(t, Layout::Bytes, type_value(T_bytes), sizeof(BytesObject) + capacity + 1);
  if (!b) return {};
  BytesObject* o = fresh<BytesObject>(b);
  o->length = std::int64_t(capacity);
  o->hash = -1;
  return b;
}

void byte_buffer_write(Value storage, std::size_t at, const char* src, std::size_t n) {
  const BytesObject* o = ro<BytesObject>(storage); // only to compute the data's offset
  std::size_t base =
      std::size_t(reinterpret_cast<const char*>(o->data) - reinterpret_cast<const char*>(o));
  std::memcpy(wr_range<BytesObject>(storage, base + at, n)->data + at, src, n);
}

bool byte_buffer_store(Thread& t, Value& storage, std::string_view data) {
  std::int64_t capacity = storage ? ro<BytesObject>(storage)->length : 0;
  if (std::int64_t(data.size()) > capacity ||
      (capacity > 64 && std::int64_t(data.size()) < capacity / 4)) {
    Value bigger = byte_buffer_new(t, data.size() + data.size() / 8);
    if (!bigger) return false;
    std::memcpy(fresh<BytesObject>(bigger)->data, data.data(), data.size());
    storage = bigger;
    return true;
  }
  if (!data.empty()) byte_buffer_write(storage, 0, data.data(), data.size());
  return true;
}

namespace {

// Makes the contents `data` (which must not point into the bytearray itself).
bool set_contents(Thread& t, Value self, std::string_view data) {
  Value storage = rd<ByteArrayObject>(self)->storage, old = storage;
  if (!byte_buffer_store(t, storage, data)) return false;
  ByteArrayObject* o = wr<ByteArrayObject>(self);
  if (storage != old) o->storage = storage;
  o->length = std::int64_t(data.size());
  return true;
}

std::string contents(Value self) {
  return std::string(bytes_view(self));
}

bool byte_value(Thread& t, Value v, unsigned char& out) {
  if (!v.is_small_int() && !int_check(v) && !lookup_special(t, v, N___index__)) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
             type_name_of(v).c_str());
    return false;
  }
  std::int64_t n;
  if (!index_to_i64(t, v, n, true)) return false;
  if (n < 0 || n > 255) {
    raise(t, exc(E_ValueError), "byte must be in range(0, 256)");
    return false;
  }
  out = static_cast<unsigned char>(n);
  return true;
}

INTERP_NATIVE(bytearray_init) {
  static const char* const kAllowed[] = {"source", "encoding", "errors", nullptr};
  if (!check_keywords(t, "bytearray", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos > 3)
    return raisef(t, exc(E_TypeError), "bytearray() takes at most 3 arguments (%zu given)", npos);
  Value source = npos > 0 ? args[1] : keyword_arg(kwnames, args, nargs, "source");
  Value encoding = npos > 1 ? args[2] : keyword_arg(kwnames, args, nargs, "encoding");
  Value errors = npos > 2 ? args[3] : keyword_arg(kwnames, args, nargs, "errors");
  std::string data;
  if (!bytes_from_source(t, source, encoding, errors, "bytearray", data)) return {};
  if (!set_contents(t, args[0], data)) return {};
  return none();
}

INTERP_NATIVE(bytearray_new_method) {
  Value self = allocate(t, Layout::ByteArray, args[0], sizeof(ByteArrayObject));
  return self;
}

INTERP_NATIVE(bytearray_setitem) {
  Value self = args[0];
  std::string s = contents(self);
  std::int64_t n = std::int64_t(s.size());
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    std::string value;
    Value v = args[2];
    if (v.is_small_int() || int_check(v))
      return raise(t, exc(E_TypeError),
                   "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    bool error;
    if (!buffer_contents(t, v, value, error)) {
      if (error) return {};
      if (!bytes_from_source(t, v, {}, {}, "bytearray", value)) return {};
    }
    if (step == 1) {
      if (stop < start) stop = start;
      s.replace(std::size_t(start), std::size_t(stop - start), value);
    } else {
      if (std::int64_t(value.size()) != count)
        return raisef(t, exc(E_ValueError),
                      "attempt to assign bytes of size %zu to extended slice of size %lld",
                      value.size(), (long long)count);
      for (std::int64_t i = 0; i < count; ++i)
        s[start + i * step] = value[i];
    }
    if (!set_contents(t, self, s)) return {};
    return none();
  }
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "bytearray")) return {};
  unsigned char b;
  if (!byte_value(t, args[2], b)) return {};
  // The value's __index__ may have shrunk the array.
  if (i >= rd<ByteArrayObject>(self)->length)
    return raise(t, exc(E_IndexError), "bytearray index out of range");
  wr<BytesObject>(rd<ByteArrayObject>(self)->storage)->data[i] = b;
  return none();
}

INTERP_NATIVE(bytearray_delitem) {
  Value self = args[0];
  std::string s = contents(self);
  std::int64_t n = std::int64_t(s.size());
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    std::vector<bool> drop(s.size(), false);
    for (std::int64_t i = 0; i < count; ++i)
      drop[start + i * step] = true;
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (!drop[i]) out.push_back(s[i]);
    if (!set_contents(t, self, out)) return {};
    return none();
  }
  std::int64_t i;
  if (!sequence_index(t, args[1], n, i, "bytearray")) return {};
  s.erase(std::size_t(i), 1);
  if (!set_contents(t, self, s)) return {};
  return none();
}

INTERP_NATIVE(bytearray_append) {
  if (!check_positional(t, "append", nargs, kwnames, 1, 1)) return {};
  unsigned char b;
  if (!byte_value(t, args[1], b)) return {};
  Value self = args[0];
  const ByteArrayObject* o = rd<ByteArrayObject>(self);
  std::int64_t n = o->length;
  Value storage = o->storage;
  if (storage && ro<BytesObject>(storage)->length > n) {
    wr<BytesObject>(storage)->data[n] = b;
    wr<ByteArrayObject>(self)->length = n + 1;
    return none();
  }
  std::string s = contents(self);
  s.push_back(char(b));
  Value fresh_storage = byte_buffer_new(t, std::size_t(s.size() * 2 + 8));
  if (!fresh_storage) return {};
  std::memcpy(fresh<BytesObject>(fresh_storage)->data, s.data(), s.size());
  ByteArrayObject* w = wr<ByteArrayObject>(self);
  w->storage = fresh_storage;
  w->length = std::int64_t(s.size());
  return none();
}

INTERP_NATIVE(bytearray_extend) {
  if (!check_positional(t, "extend", nargs, kwnames, 1, 1)) return {};
  std::string more;
  bool error;
  if (!buffer_contents(t, args[1], more, error)) {
    if (error) return {};
    if (str_check(args[1]))
      return raise(t, exc(E_TypeError), "expected iterable of integers; got: 'str'");
    if (!bytes_from_source(t, args[1], {}, {}, "bytearray", more)) {
      if (matches(t, exc(E_TypeError)) && (args[1].is_small_int() || int_check(args[1]))) {
        clear_pending(t);
        return raisef(t, exc(E_TypeError), "can't extend bytearray with %s",
                      type_name_of(args[1]).c_str());
      }
      return {};
    }
    if (args[1].is_small_int() || int_check(args[1]))
      return raisef(t, exc(E_TypeError), "can't extend bytearray with %s",
                    type_name_of(args[1]).c_str());
  }
  std::string s = contents(args[0]) + more;
  if (!set_contents(t, args[0], s)) return {};
  return none();
}

INTERP_NATIVE(bytearray_iadd) {
  std::string more;
  bool error;
  if (!buffer_contents(t, args[1], more, error)) {
    if (error) return {};
    return raisef(t, exc(E_TypeError), "can't concat %s to bytearray",
                  type_name_of(args[1]).c_str());
  }
  std::string s = contents(args[0]) + more;
  if (!set_contents(t, args[0], s)) return {};
  return args[0];
}

INTERP_NATIVE(bytearray_imul) {
  std::int64_t times;
  if (!repeat_count(t, args[1], times)) return {};
  std::string one = contents(args[0]), out;
  if (times > 0 && one.size() && std::uint64_t(times) > (std::uint64_t(1) << 36) / one.size())
    return raise_memory_error(t);
  for (std::int64_t k = 0; k < times; ++k)
    out += one;
  if (!set_contents(t, args[0], out)) return {};
  return args[0];
}

INTERP_NATIVE(bytearray_insert) {
  if (!check_positional(t, "insert", nargs, kwnames, 2, 2)) return {};
  std::int64_t i;
  if (!index_to_i64(t, args[1], i, true)) return {};
  unsigned char b;
  if (!byte_value(t, args[2], b)) return {};
  std::string s = contents(args[0]);
  std::int64_t n = std::int64_t(s.size());
  if (i < 0) i = std::max<std::int64_t>(0, i + n);
  if (i > n) i = n;
  s.insert(std::size_t(i), 1, char(b));
  if (!set_contents(t, args[0], s)) return {};
  return none();
}

INTERP_NATIVE(bytearray_pop) {
  if (!check_positional(t, "pop", nargs, kwnames, 0, 1)) return {};
  std::string s = contents(args[0]);
  std::int64_t n = std::int64_t(s.size());
  if (n == 0) return raise(t, exc(E_IndexError), "pop from empty bytearray");
  std::int64_t i = n - 1;
  if (nargs > 1) {
    if (!index_to_i64(t, args[1], i, true)) return {};
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "pop index out of range");
  }
  unsigned char b = static_cast<unsigned char>(s[i]);
  s.erase(std::size_t(i), 1);
  if (!set_contents(t, args[0], s)) return {};
  return Value::small_int(b);
}

INTERP_NATIVE(bytearray_remove) {
  if (!check_positional(t, "remove", nargs, kwnames, 1, 1)) return {};
  unsigned char b;
  if (!byte_value(t, args[1], b)) return {};
  std::string s = contents(args[0]);
  std::size_t at = s.find(char(b));
  if (at == std::string::npos) return raise(t, exc(E_ValueError), "value not found in bytearray");
  s.erase(at, 1);
  if (!set_contents(t, args[0], s)) return {};
  return none();
}

INTERP_NATIVE(bytearray_clear) {
  if (!check_positional(t, "clear", nargs, kwnames, 0, 0)) return {};
  if (!set_contents(t, args[0], "")) return {};
  return none();
}

INTERP_NATIVE(bytearray_reverse) {
  if (!check_positional(t, "reverse", nargs, kwnames, 0, 0)) return {};
  std::string s = contents(args[0]);
  std::reverse(s.begin(), s.end());
  if (!set_contents(t, args[0], s)) return {};
  return none();
}

INTERP_NATIVE(bytearray_copy) {
  if (!check_positional(t, "copy", nargs, kwnames, 0, 0)) return {};
  std::string s = contents(args[0]);
  return bytearray_from(t, s);
}

// (type(self), args, state): args remake the contents, as a latin-1 str with its encoding
// for protocols before 3 (which had no bytes), as bytes from 3 on; state is
// self.__getstate__() (the __dict__ and __slots__ of a subclass's instance).
Value reduce_with(Thread& t, Value self, std::int64_t protocol) {
  Value state = object_state(t, self);
  if (!state) return {};
  std::string s = contents(self);
  Value args = runtime().empty_tuple;
  if (!s.empty()) {
    if (protocol < 3) {
      std::u32string latin1(s.begin(), s.end());
      for (char32_t& c : latin1)
        c &= 0xff; // the chars were signed
      Value pair[2] = {str_from_code_points(t, latin1), {}};
      pair[1] = pair[0] ? str_from_ascii(t, "latin-1") : Value();
      args = pair[1] ? tuple_from(t, pair, 2) : Value();
    } else {
      Value b = bytes_new(t, s);
      args = b ? tuple_from(t, &b, 1) : Value();
    }
    if (!args) return {};
  }
  Value items[3] = {type_of(self), args, state};
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(bytearray_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  return reduce_with(t, args[0], 0);
}

INTERP_NATIVE(bytearray_reduce_ex) {
  if (!check_positional(t, "__reduce_ex__", nargs, kwnames, 0, 1)) return {};
  std::int64_t protocol = 0;
  if (nargs > 1 && !index_to_i64(t, args[1], protocol)) return {};
  return reduce_with(t, args[0], protocol);
}

INTERP_NATIVE(bytearray_alloc) {
  Value storage = rd<ByteArrayObject>(args[0])->storage;
  return Value::small_int(storage ? ro<BytesObject>(storage)->length + 1 : 0);
}

} // namespace

bool bytearray_set_contents(Thread& t, Value self, std::string_view data) {
  return set_contents(t, self, data);
}

Value bytearray_from(Thread& t, std::string_view data, Value cls) {
  Value self =
      allocate(t, Layout::ByteArray, cls ? cls : type_value(T_bytearray), sizeof(ByteArrayObject));
  if (!self) return {};
  if (data.empty()) return self;
  Value storage = byte_buffer_new(t, data.size());
  if (!storage) return {};
  std::memcpy(fresh<BytesObject>(storage)->data, data.data(), data.size());
  ByteArrayObject* o = fresh<ByteArrayObject>(self);
  o->storage = storage;
  o->length = std::int64_t(data.size());
  return self;
}

void init_bytearray_type(Thread& t) {
  Value type = type_value(T_bytearray);
  add_bytes_methods(t, type);
  const MethodDef methods[] = {
      {"__init__", bytearray_init},
      {"__setitem__", bytearray_setitem},
      {"__delitem__", bytearray_delitem},
      {"__iadd__", bytearray_iadd},
      {"__imul__", bytearray_imul},
      {"append", bytearray_append, MethodArgs::one},
      {"extend", bytearray_extend, MethodArgs::one},
      {"insert", bytearray_insert, MethodArgs::positional},
      {"pop", bytearray_pop, MethodArgs::positional},
      {"remove", bytearray_remove, MethodArgs::one},
      {"clear", bytearray_clear, MethodArgs::none},
      {"reverse", bytearray_reverse, MethodArgs::none},
      {"copy", bytearray_copy, MethodArgs::none},
      {"__alloc__", bytearray_alloc},
      {"__reduce__", bytearray_reduce, MethodArgs::none},
      {"__reduce_ex__", bytearray_reduce_ex, MethodArgs::positional},
  };
  add_methods(t, type, methods);
  mark_sequence_repeat(t, type);
  add_attribute(t, type, "__hash__", none());
  add_staticmethod(t, type, "__new__", bytearray_new_method);
}

} // namespace interp
