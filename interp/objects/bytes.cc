// interp/objects/bytes.cc - the bytes type: an immutable byte string.
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include "interp/text/str_repr.h"

#include <cstring>

namespace interp {

Value bytes_new(Thread& t, std::string_view data) {
  Value b = allocate(t, Layout::Bytes, type_value(T_bytes), sizeof(BytesObject) + data.size() + 1);
  if (!b) return {};
  BytesObject* o = fresh<BytesObject>(b);
  o->length = std::int64_t(data.size());
  o->hash = -1;
  std::memcpy(o->data, data.data(), data.size());
  return b;
}

std::string_view bytes_view(Value b) {
  if (is_layout(b, Layout::ByteArray)) {
    const ByteArrayObject* a = rd<ByteArrayObject>(b);
    if (!a->storage) return {};
    return {reinterpret_cast<const char*>(ro<BytesObject>(a->storage)->data),
            std::size_t(a->length)};
  }
  const BytesObject* o = ro<BytesObject>(b);
  return {reinterpret_cast<const char*>(o->data), std::size_t(o->length)};
}

namespace {

INTERP_NATIVE(bytes_len) {
  return Value::small_int(std::int64_t(bytes_view(args[0]).size()));
}

INTERP_NATIVE(bytes_repr) {
  return str_from_utf8(t, text::bytes_repr(bytes_view(args[0])));
}

INTERP_NATIVE(bytes_eq) {
  if (!(args[1].is_object() && (isinstance(args[1], T_bytes) || isinstance(args[1], T_bytearray))))
    return runtime().not_implemented;
  return py_bool(bytes_view(args[0]) == bytes_view(args[1]));
}

INTERP_NATIVE(bytes_hash) {
  std::string_view v = bytes_view(args[0]);
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : v)
    h = (h ^ c) * 1099511628211ull;
  std::int64_t r = std::int64_t(h >> 1);
  return int_from_i64(t, r == -1 ? -2 : r);
}

INTERP_NATIVE(bytes_iter) {
  return iterator_new(t, T_bytes_iterator, args[0]);
}

INTERP_NATIVE(bytes_decode) {
  std::string_view v = bytes_view(args[0]);
  return str_from_utf8(t, v);
}

INTERP_NATIVE(bytes_add) {
  if (!(args[1].is_object() && (isinstance(args[1], T_bytes) || isinstance(args[1], T_bytearray))))
    return runtime().not_implemented;
  std::string joined(bytes_view(args[0]));
  joined += bytes_view(args[1]);
  return bytes_new(t, joined);
}

} // namespace

void init_bytes_type(Thread& t) {
  Value type = type_value(T_bytes);
  add_method(t, type, "__len__", bytes_len);
  add_method(t, type, "__repr__", bytes_repr);
  add_method(t, type, "__eq__", bytes_eq);
  add_method(t, type, "__hash__", bytes_hash);
  add_method(t, type, "__iter__", bytes_iter);
  add_method(t, type, "__add__", bytes_add);
  add_method(t, type, "decode", bytes_decode);
}

} // namespace interp
