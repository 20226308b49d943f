// interp/objects/memoryview.cc - the memoryview type and the buffer protocol behind it: a
// one-dimensional window onto the bytes an object exports (bytes, bytearray, array.array
// through the exporter its module registers), with items of one of struct's native single
// character formats (B, b, c, ?, H, h, I, i, L, l, Q, q, n, N, P, f, d: what cast() makes,
// and w for array('u')).
//
// A view is (object, start, step, length, format) over the object's current bytes, start
// and step counted in bytes, length in items; it asks the object for its bytes at each
// access, so a view of a bytearray or an array sees its later writes and writes through to
// it (CPython forbids resizing an object while a view exports it; here a view of an object
// that shrank finds its items out of bounds). It is an instance-layout object with fields
// after the header (the collector traces every word of that layout).
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace interp {

std::string_view bytes_view(Value b);
bool bytes_or_bytearray(Value v);
bool need_buffer(Thread& t, Value v, std::string& out);

namespace {

struct MemoryViewObject : Object {
  Value obj; // the bytes or bytearray; 0 once released
  std::int64_t start;
  std::int64_t step;
  std::int64_t length;
  std::int64_t format; // the struct format character of the items
  std::int64_t itemsize;
  std::int64_t readonly; // made by toreadonly() (or from a view that was): no writes
};

// The size of an item of a native single character format, 0 for formats memoryview does
// not know.
std::int64_t format_itemsize(char format) {
  switch (format) {
  case 'B':
  case 'b':
  case 'c':
  case '?':
    return 1;
  case 'H':
  case 'h':
    return 2;
  case 'I':
  case 'i':
  case 'f':
  case 'w': // array('u'): UCS-4 code units, which memoryview shows but cannot convert
    return 4;
  case 'L':
  case 'l':
  case 'Q':
  case 'q':
  case 'n':
  case 'N':
  case 'P':
  case 'd':
    return 8;
  default:
    return 0;
  }
}

bool is_byte_format(std::int64_t format) {
  return format == 'B' || format == 'b' || format == 'c';
}

bool is_signed_format(char format) {
  return format == 'b' || format == 'h' || format == 'i' || format == 'l' || format == 'q' ||
         format == 'n';
}

// The Python value of the item at p (little-endian, as the host).
Value unpack_item(Thread& t, char format, const unsigned char* p) {
  std::int64_t size = format_itemsize(format);
  switch (format) {
  case 'w':
    return raise(t, exc(E_NotImplementedError), "memoryview: format w not supported");
  case 'c':
    return bytes_new(t, std::string_view(reinterpret_cast<const char*>(p), 1));
  case '?':
    return py_bool(*p != 0);
  case 'f': {
    float f;
    std::memcpy(&f, p, 4);
    return float_new(t, f);
  }
  case 'd': {
    double d;
    std::memcpy(&d, p, 8);
    return float_new(t, d);
  }
  default:
    break;
  }
  std::uint64_t bits = 0;
  std::memcpy(&bits, p, std::size_t(size));
  if (is_signed_format(format)) {
    int shift = int(64 - 8 * size);
    return int_from_i64(t, std::int64_t(bits << shift) >> shift);
  }
  if (bits <= std::uint64_t(INT64_MAX)) return int_from_i64(t, std::int64_t(bits));
  return int_from_text(t, std::to_string(bits), 10);
}

// Encodes v as an item of `format` into out; raises memoryview's TypeError/ValueError.
bool pack_item(Thread& t, char format, Value v, unsigned char* out) {
  std::int64_t size = format_itemsize(format);
  auto invalid = [&](ExcId type, const char* what) {
    raisef(t, exc(type), "memoryview: invalid %s for format '%c'", what, format);
    return false;
  };
  switch (format) {
  case 'w':
    raise(t, exc(E_NotImplementedError), "memoryview: format w not supported");
    return false;
  case 'c': {
    if (!(v.is_object() && isinstance(v, T_bytes)) || bytes_view(v).size() != 1)
      return invalid(E_ValueError, "value");
    out[0] = static_cast<unsigned char>(bytes_view(v)[0]);
    return true;
  }
  case '?': {
    int truth = truthy(t, v);
    if (truth < 0) return false;
    out[0] = static_cast<unsigned char>(truth);
    return true;
  }
  case 'f':
  case 'd': {
    double d;
    if (!(v.is_small_int() || int_check(v) || isinstance(v, T_float)))
      return invalid(E_TypeError, "type");
    if (!to_double(t, v, d)) return false;
    if (format == 'd') {
      std::memcpy(out, &d, 8);
    } else {
      float f = float(d);
      std::memcpy(out, &f, 4);
    }
    return true;
  }
  default:
    break;
  }
  if (!v.is_small_int() && !int_check(v)) return invalid(E_TypeError, "type");
  std::uint64_t bits;
  std::int64_t i;
  if (int_to_i64(v, i)) {
    bits = std::uint64_t(i);
    if (is_signed_format(format)) {
      if (size < 8 &&
          (i < -(std::int64_t(1) << (8 * size - 1)) || i >= (std::int64_t(1) << (8 * size - 1))))
        return invalid(E_ValueError, "value");
    } else if (i < 0 || (size < 8 && i >= (std::int64_t(1) << (8 * size)))) {
      return invalid(E_ValueError, "value");
    }
  } else {
    // Beyond int64: only the upper half of a 64-bit unsigned format fits.
    std::string digits = int_to_decimal(v);
    if (is_signed_format(format) || size < 8 || digits[0] == '-' || digits.size() > 20)
      return invalid(E_ValueError, "value");
    errno = 0;
    bits = std::strtoull(digits.c_str(), nullptr, 10);
    if (errno == ERANGE) return invalid(E_ValueError, "value");
  }
  std::memcpy(out, &bits, std::size_t(size));
  return true;
}

const MemoryViewObject* view_of(Value v) {
  return rd<MemoryViewObject>(v);
}

std::atomic<BufferExporter> exporters[4];

// The buffer a view's object exports now (never an error: the object exported one when the
// view was made, and exporters only fail to find their class).
BufferExport current_export(Thread& t, Value obj) {
  BufferExport e;
  if (buffer_export(t, obj, e) <= 0) clear_pending(t);
  return e;
}

// The exported bytes of a view's object, read through the barrier (they may be written).
std::string_view exported_bytes(Thread& t, Value obj) {
  BufferExport e = current_export(t, obj);
  if (!e.storage) return {};
  return {reinterpret_cast<const char*>(rd<BytesObject>(e.storage)->data), std::size_t(e.length)};
}

bool released(Thread& t, Value v) {
  if (view_of(v)->obj) return false;
  raise(t, exc(E_ValueError), "operation forbidden on released memoryview object");
  return true;
}

Value make_view(Thread& t, Value obj, std::int64_t start, std::int64_t step, std::int64_t length,
                std::int64_t format) {
  std::int64_t itemsize = format_itemsize(char(format));
  Value v = allocate(t, Layout::Instance, type_value(T_memoryview), sizeof(MemoryViewObject));
  if (!v) return {};
  MemoryViewObject* o = fresh<MemoryViewObject>(v);
  o->obj = obj;
  o->start = start;
  o->step = step;
  o->length = length;
  o->format = format;
  o->itemsize = itemsize;
  o->readonly = 0;
  return v;
}

// A view made from `parent` (a copy, a slice, a cast): read-only if the parent was.
Value derived_view(Thread& t, Value parent, std::int64_t start, std::int64_t step,
                   std::int64_t length, std::int64_t format) {
  Value obj = view_of(parent)->obj;
  std::int64_t readonly = view_of(parent)->readonly;
  Value v = make_view(t, obj, start, step, length, format);
  if (v) fresh<MemoryViewObject>(v)->readonly = readonly;
  return v;
}

// Writes go through to the object: one that exports writable bytes (a bytearray, an
// array), through a view that toreadonly() did not make.
bool writable(Thread& t, Value view) {
  return !view_of(view)->readonly && !current_export(t, view_of(view)->obj).readonly;
}

std::string view_bytes(Thread& t, Value v) {
  const MemoryViewObject* o = view_of(v);
  std::int64_t start = o->start, step = o->step, length = o->length;
  std::int64_t itemsize = o->itemsize;
  std::string_view data = exported_bytes(t, o->obj);
  std::string out;
  out.reserve(std::size_t(length * itemsize));
  for (std::int64_t i = 0; i < length; ++i) {
    std::int64_t at = start + i * step;
    if (at >= 0 && std::size_t(at + itemsize) <= data.size()) out.append(data.substr(at, itemsize));
  }
  return out;
}

// Modules' types that memoryview() views through another object (pickle.PickleBuffer),
// registered when their module is made: a source returns the bytes, bytearray or
// memoryview to view, 0 for an object not of its type, or 0 with an exception.
using ViewSource = Value (*)(Thread& t, Value v);
std::atomic<ViewSource> view_sources[4];

INTERP_NATIVE(memoryview_new_method) {
  static const char* const kAllowed[] = {"object", nullptr};
  if (!check_keywords(t, "memoryview", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  Value obj = npos > 0 ? args[1] : keyword_arg(kwnames, args, nargs, "object");
  if (!obj)
    return raise(t, exc(E_TypeError), "memoryview() missing required argument 'object' (pos 1)");
  if (obj.is_object() && is_exact(obj, T_memoryview)) {
    if (released(t, obj)) return {};
    const MemoryViewObject* o = view_of(obj);
    return derived_view(t, obj, o->start, o->step, o->length, o->format);
  }
  if (!bytes_or_bytearray(obj) && is_layout(obj, Layout::Instance)) {
    for (std::atomic<ViewSource>& slot : view_sources) {
      ViewSource source = slot.load(std::memory_order_acquire);
      if (!source) break;
      Value viewed = source(t, obj);
      if (t.pending) return {};
      if (viewed) {
        Value again[2] = {args[0], viewed};
        return memoryview_new_method(t, again, 2, {});
      }
    }
  }
  BufferExport e;
  int exported = buffer_export(t, obj, e);
  if (exported < 0) return {};
  if (exported == 0)
    return raisef(t, exc(E_TypeError), "memoryview: a bytes-like object is required, not '%s'",
                  type_name_of(obj).c_str());
  std::int64_t itemsize = format_itemsize(e.format);
  return make_view(t, obj, 0, itemsize, e.length / itemsize, e.format);
}

INTERP_NATIVE(memoryview_len) {
  if (released(t, args[0])) return {};
  return Value::small_int(view_of(args[0])->length);
}

// The item index a non-slice key names in a one-dimensional view: an integer, or a
// tuple of one integer (the multi-dimensional form). false with the error CPython gives.
bool item_index(Thread& t, Value key, std::int64_t& out) {
  auto is_index = [&](Value v) {
    return v.is_small_int() || int_check(v) || lookup_special(t, v, N___index__);
  };
  if (key.is_object() && is_exact(key, T_tuple)) {
    std::int64_t n = tuple_length(key);
    bool all_indices = true;
    for (std::int64_t k = 0; k < n && all_indices; ++k)
      all_indices = is_index(tuple_item(key, k));
    if (t.pending) return false;
    if (all_indices) {
      if (n == 0) {
        raise(t, exc(E_NotImplementedError), "sub-views are not implemented");
        return false;
      }
      if (n > 1) {
        raisef(t, exc(E_TypeError), "cannot index 1-dimension view with %lld-element tuple",
               (long long)n);
        return false;
      }
      key = tuple_item(key, 0);
    }
  }
  if (!is_index(key)) {
    if (!t.pending) raise(t, exc(E_TypeError), "memoryview: invalid slice key");
    return false;
  }
  return index_key_to_i64(t, key, out);
}

INTERP_NATIVE(memoryview_getitem) {
  Value self = args[0];
  if (released(t, self)) return {};
  const MemoryViewObject* o = view_of(self);
  std::int64_t n = o->length;
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    o = view_of(self);
    return derived_view(t, self, o->start + start * o->step, o->step * step, count, o->format);
  }
  if (args[1] == runtime().ellipsis) return self;
  std::int64_t i;
  if (!item_index(t, args[1], i)) return {};
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "index out of bounds on dimension 1");
  o = view_of(self);
  std::string_view data = exported_bytes(t, o->obj);
  std::int64_t at = o->start + i * o->step;
  if (at < 0 || std::size_t(at + o->itemsize) > data.size())
    return raise(t, exc(E_IndexError), "index out of bounds on dimension 1");
  return unpack_item(t, char(o->format), reinterpret_cast<const unsigned char*>(data.data() + at));
}

INTERP_NATIVE(memoryview_setitem) {
  Value self = args[0];
  if (released(t, self)) return {};
  Value obj = view_of(self)->obj;
  if (!writable(t, self)) return raise(t, exc(E_TypeError), "cannot modify read-only memory");
  std::int64_t n = view_of(self)->length;
  std::int64_t start = 0, step = 1, count = 1;
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t stop;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    // The right side must have the same items: a view of the same format, or any
    // bytes-like object for a view of unsigned bytes.
    std::string value;
    std::int64_t format = view_of(self)->format, itemsize = view_of(self)->itemsize;
    Value rhs = args[2];
    if (rhs.is_object() && is_exact(rhs, T_memoryview)) {
      if (released(t, rhs)) return {};
      if (view_of(rhs)->format != format && !(format == 'B' && view_of(rhs)->itemsize == 1))
        return raise(t, exc(E_ValueError),
                     "memoryview assignment: lvalue and rvalue have different structures");
      value = view_bytes(t, rhs);
    } else {
      if (!need_buffer(t, rhs, value)) return {};
      if (itemsize != 1)
        return raise(t, exc(E_ValueError),
                     "memoryview assignment: lvalue and rvalue have different structures");
    }
    if (std::int64_t(value.size()) != count * itemsize)
      return raise(t, exc(E_ValueError),
                   "memoryview assignment: lvalue and rvalue have different structures");
    const MemoryViewObject* o = view_of(self);
    std::int64_t base = o->start, vstep = o->step;
    BufferExport e = current_export(t, obj);
    if (!e.storage || count == 0) return none();
    BytesObject* storage = wr<BytesObject>(e.storage);
    for (std::int64_t k = 0; k < count; ++k) {
      std::int64_t at = base + (start + k * step) * vstep;
      if (at >= 0 && at + itemsize <= e.length)
        std::memcpy(storage->data + at, value.data() + k * itemsize, std::size_t(itemsize));
    }
    return none();
  }
  std::int64_t i;
  if (!item_index(t, args[1], i)) return {};
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "index out of bounds on dimension 1");
  unsigned char item[8];
  if (!pack_item(t, char(view_of(self)->format), args[2], item)) return {};
  const MemoryViewObject* o = view_of(self);
  std::int64_t at = o->start + i * o->step, itemsize = o->itemsize;
  BufferExport e = current_export(t, obj);
  if (!e.storage || at < 0 || at + itemsize > e.length)
    return raise(t, exc(E_IndexError), "index out of bounds on dimension 1");
  std::memcpy(wr<BytesObject>(e.storage)->data + at, item, std::size_t(itemsize));
  return none();
}

// A view never changes its length, so no item can be deleted; a read-only one says that
// first.
INTERP_NATIVE(memoryview_delitem) {
  if (released(t, args[0])) return {};
  return raise(t, exc(E_TypeError),
               writable(t, args[0]) ? "cannot delete memory" : "cannot modify read-only memory");
}

INTERP_NATIVE(memoryview_tobytes) {
  if (released(t, args[0])) return {};
  return bytes_new(t, view_bytes(t, args[0]));
}

INTERP_NATIVE(memoryview_tolist) {
  if (released(t, args[0])) return {};
  std::string data = view_bytes(t, args[0]);
  char format = char(view_of(args[0])->format);
  std::size_t itemsize = std::size_t(view_of(args[0])->itemsize);
  Value list = list_new(t);
  if (!list) return {};
  for (std::size_t at = 0; at + itemsize <= data.size(); at += itemsize) {
    Value item = unpack_item(t, format, reinterpret_cast<const unsigned char*>(data.data() + at));
    if (!item || !list_append(t, list, item)) return {};
  }
  return list;
}

INTERP_NATIVE(memoryview_hex) {
  if (released(t, args[0])) return {};
  Value b = bytes_new(t, view_bytes(t, args[0]));
  if (!b) return {};
  Value f = getattr(t, b, intern_literal(t, "hex"));
  if (!f) return {};
  return call(t, f, args + 1, nargs - 1, kwnames);
}

INTERP_NATIVE(memoryview_release) {
  wr<MemoryViewObject>(args[0])->obj = Value();
  return none();
}

INTERP_NATIVE(memoryview_enter) {
  if (released(t, args[0])) return {};
  return args[0];
}

INTERP_NATIVE(memoryview_exit) {
  wr<MemoryViewObject>(args[0])->obj = Value();
  return none();
}

INTERP_NATIVE(memoryview_repr) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at 0x%llx>", view_of(args[0])->obj ? "" : "released ",
                (unsigned long long)args[0].bits());
  return str_from_ascii(t, buf);
}

INTERP_NATIVE(memoryview_eq) {
  Value self = args[0], other = args[1];
  if (!view_of(self)->obj) return py_bool(self == other);
  std::string a = view_bytes(t, self), b;
  if (other.is_object() && is_exact(other, T_memoryview)) {
    if (!view_of(other)->obj) return runtime().false_;
    std::int64_t fa = view_of(self)->format, fb = view_of(other)->format;
    if (fa != fb || fa == 'f' || fa == 'd') {
      // Items of different formats (or floats, where nan != nan) compare by value.
      Value la = memoryview_tolist(t, &self, 1, {});
      Value lb = la ? memoryview_tolist(t, &other, 1, {}) : Value();
      if (!lb) return {};
      return compare(t, la, lb, bytecode::CompareOp::Eq);
    }
    b = view_bytes(t, other);
  } else if (bytes_or_bytearray(other)) {
    b = std::string(bytes_view(other));
  } else {
    return runtime().not_implemented;
  }
  return py_bool(a == b);
}

INTERP_NATIVE(memoryview_ne) {
  Value r = memoryview_eq(t, args, nargs, kwnames);
  if (!r || r == runtime().not_implemented) return r;
  return py_bool(r == runtime().false_);
}

INTERP_NATIVE(memoryview_hash) {
  if (released(t, args[0])) return {};
  if (writable(t, args[0]))
    return raise(t, exc(E_ValueError), "cannot hash writable memoryview object");
  if (!is_byte_format(view_of(args[0])->format))
    return raise(t, exc(E_ValueError),
                 "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  // A read-only view hashes as its object would: one whose bytes can change has no hash.
  Value obj = view_of(args[0])->obj;
  if (!current_export(t, obj).readonly)
    return raisef(t, exc(E_TypeError), "unhashable type: '%s'", display_name(type_of(obj)).c_str());
  Value b = bytes_new(t, view_bytes(t, args[0]));
  if (!b) return {};
  std::int64_t h;
  if (!hash(t, b, h)) return {};
  return int_from_i64(t, h);
}

INTERP_NATIVE(memoryview_cast) {
  if (!check_positional(t, "cast", nargs, kwnames, 1, 2)) return {};
  if (released(t, args[0])) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "cast() argument 'format' must be str, not %s",
                  type_name_of(args[1]).c_str());
  std::string format = str_utf8(args[1]);
  if (format.size() == 2 && format[0] == '@') format.erase(0, 1);
  std::int64_t itemsize = format.size() == 1 ? format_itemsize(format[0]) : 0;
  if (itemsize == 0)
    return raise(t, exc(E_ValueError),
                 "memoryview: destination format must be a native single character format "
                 "prefixed with an optional '@'");
  const MemoryViewObject* o = view_of(args[0]);
  if (o->step != o->itemsize && o->length > 1)
    return raise(t, exc(E_TypeError), "memoryview: casts are restricted to C-contiguous views");
  if (!is_byte_format(o->format) && !is_byte_format(format[0]))
    return raise(t, exc(E_TypeError), "memoryview: cannot cast between two non-byte formats");
  std::int64_t nbytes = o->length * o->itemsize;
  if (nbytes % itemsize != 0)
    return raise(t, exc(E_TypeError), "memoryview: length is not a multiple of itemsize");
  return derived_view(t, args[0], o->start, itemsize, nbytes / itemsize, format[0]);
}

INTERP_NATIVE(memoryview_obj) {
  if (released(t, args[0])) return {};
  return view_of(args[0])->obj;
}
INTERP_NATIVE(memoryview_nbytes) {
  if (released(t, args[0])) return {};
  return Value::small_int(view_of(args[0])->length * view_of(args[0])->itemsize);
}
INTERP_NATIVE(memoryview_toreadonly) {
  if (!check_positional(t, "memoryview.toreadonly", nargs, kwnames, 0, 0)) return {};
  if (released(t, args[0])) return {};
  const MemoryViewObject* o = view_of(args[0]);
  Value v = derived_view(t, args[0], o->start, o->step, o->length, o->format);
  if (v) fresh<MemoryViewObject>(v)->readonly = 1;
  return v;
}
INTERP_NATIVE(memoryview_readonly) {
  if (released(t, args[0])) return {};
  return py_bool(!writable(t, args[0]));
}
INTERP_NATIVE(memoryview_itemsize) {
  if (released(t, args[0])) return {};
  return Value::small_int(view_of(args[0])->itemsize);
}
INTERP_NATIVE(memoryview_format) {
  if (released(t, args[0])) return {};
  char format = char(view_of(args[0])->format);
  return str_from_ascii(t, std::string_view(&format, 1));
}
INTERP_NATIVE(memoryview_ndim) {
  if (released(t, args[0])) return {};
  return Value::small_int(1);
}
INTERP_NATIVE(memoryview_shape) {
  if (released(t, args[0])) return {};
  Value n = Value::small_int(view_of(args[0])->length);
  return tuple_from(t, &n, 1);
}
INTERP_NATIVE(memoryview_strides) {
  if (released(t, args[0])) return {};
  Value n = Value::small_int(view_of(args[0])->step);
  return tuple_from(t, &n, 1);
}
INTERP_NATIVE(memoryview_suboffsets) {
  if (released(t, args[0])) return {};
  return runtime().empty_tuple;
}
INTERP_NATIVE(memoryview_contiguous) {
  if (released(t, args[0])) return {};
  const MemoryViewObject* o = view_of(args[0]);
  return py_bool(o->step == o->itemsize || o->length <= 1);
}

INTERP_NATIVE(memoryview_iter) {
  if (released(t, args[0])) return {};
  Value list = memoryview_tolist(t, args, 1, {});
  if (!list) return {};
  return iter(t, list);
}

} // namespace

void register_view_source(ViewSource source) {
  for (std::atomic<ViewSource>& slot : view_sources) {
    ViewSource seen = nullptr;
    if (slot.compare_exchange_strong(seen, source) || seen == source) return;
  }
  std::abort(); // more sources than slots: make the table bigger
}

bool memoryview_check(Value v) {
  return v.is_object() && is_exact(v, T_memoryview);
}

bool memoryview_contents(Thread& t, Value view, std::string& out) {
  if (released(t, view)) return false;
  out = view_bytes(t, view);
  return true;
}

void register_buffer_exporter(BufferExporter exporter) {
  for (std::atomic<BufferExporter>& slot : exporters) {
    BufferExporter seen = nullptr;
    if (slot.compare_exchange_strong(seen, exporter) || seen == exporter) return;
  }
  std::abort(); // more exporters than slots: make the table bigger
}

int buffer_export(Thread& t, Value v, BufferExport& out) {
  if (!v.is_object()) return 0;
  if (is_layout(v, Layout::Bytes)) {
    out.storage = v;
    out.length = ro<BytesObject>(v)->length;
    out.format = 'B';
    out.readonly = true;
    return 1;
  }
  if (is_layout(v, Layout::ByteArray)) {
    const ByteArrayObject* a = rd<ByteArrayObject>(v);
    out.storage = a->storage;
    out.length = a->storage ? a->length : 0;
    out.format = 'B';
    out.readonly = false;
    return 1;
  }
  if (!is_layout(v, Layout::Instance)) return 0;
  for (std::atomic<BufferExporter>& slot : exporters) {
    BufferExporter exporter = slot.load(std::memory_order_acquire);
    if (!exporter) break;
    if (int r = exporter(t, v, out)) return r;
  }
  return 0;
}

Value writable_byte_view(Thread& t, Value v) {
  Value view;
  if (memoryview_check(v)) {
    if (released(t, v)) return {};
    const MemoryViewObject* o = view_of(v);
    if (!writable(t, v) || (o->step != o->itemsize && o->length > 1)) return {};
    return derived_view(t, v, o->start, 1, o->length * o->itemsize, 'B');
  }
  BufferExport e;
  int exported = buffer_export(t, v, e);
  if (exported <= 0 || e.readonly) return {};
  return make_view(t, v, 0, 1, e.length, 'B');
}

void init_memoryview_type(Thread& t) {
  Value type = type_value(T_memoryview);
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry methods[] = {
      {"__len__", memoryview_len},
      {"__getitem__", memoryview_getitem},
      {"__setitem__", memoryview_setitem},
      {"__delitem__", memoryview_delitem},
      {"__repr__", memoryview_repr},
      {"__eq__", memoryview_eq},
      {"__ne__", memoryview_ne},
      {"__hash__", memoryview_hash},
      {"__enter__", memoryview_enter},
      {"__exit__", memoryview_exit},
      {"__iter__", memoryview_iter},
      {"tobytes", memoryview_tobytes},
      {"tolist", memoryview_tolist},
      {"hex", memoryview_hex},
      {"release", memoryview_release},
      {"cast", memoryview_cast},
      {"toreadonly", memoryview_toreadonly},
  };
  for (const Entry& e : methods)
    add_method(t, type, e.name, e.fn);
  const Entry getters[] = {
      {"obj", memoryview_obj},
      {"nbytes", memoryview_nbytes},
      {"readonly", memoryview_readonly},
      {"itemsize", memoryview_itemsize},
      {"format", memoryview_format},
      {"ndim", memoryview_ndim},
      {"shape", memoryview_shape},
      {"strides", memoryview_strides},
      {"suboffsets", memoryview_suboffsets},
      {"c_contiguous", memoryview_contiguous},
      {"f_contiguous", memoryview_contiguous},
      {"contiguous", memoryview_contiguous},
  };
  for (const Entry& e : getters)
    add_getter(t, type, e.name, e.fn);
  add_staticmethod(t, type, "__new__", memoryview_new_method);
}

} // namespace interp
