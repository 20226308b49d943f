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
//
// cast(format, shape) makes a multi-dimensional (or zero-dimensional) view, with its shape
// kept as a tuple and `length` the product of it. `step` is then the stride of the first
// dimension; the others stay C-contiguous (slicing, the only way to make a view of a view,
// cuts the first dimension only). Items are read and written with a tuple of one index per
// dimension.
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

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
  Value shape;           // a tuple of small ints for a view of other than one dimension, else 0
  Value hash;            // once computed; a released view still answers it, as CPython's
};

std::int64_t ndim_of(const MemoryViewObject* o) {
  return o->shape ? tuple_length(o->shape) : 1;
}

std::int64_t extent(const MemoryViewObject* o, std::int64_t dim) {
  return o->shape ? tuple_item(o->shape, dim).small_int_value() : o->length;
}

std::vector<std::int64_t> shape_of(const MemoryViewObject* o) {
  std::vector<std::int64_t> shape(std::size_t(ndim_of(o)));
  for (std::size_t dim = 0; dim < shape.size(); ++dim)
    shape[dim] = extent(o, std::int64_t(dim));
  return shape;
}

// The items of one step of the first dimension (1 for a one-dimensional view).
std::int64_t row_items(const MemoryViewObject* o) {
  if (!o->shape || tuple_length(o->shape) == 0) return 1;
  return o->length / std::max<std::int64_t>(extent(o, 0), 1);
}

// Where the i-th item in C order lies, in bytes from the start of the view's object.
std::int64_t item_position(const MemoryViewObject* o, std::int64_t i) {
  std::int64_t row = row_items(o);
  return o->start + (i / row) * o->step + (i % row) * o->itemsize;
}

bool c_contiguous(const MemoryViewObject* o) {
  return o->length <= row_items(o) || o->step == row_items(o) * o->itemsize;
}

Value int_tuple(Thread& t, const std::vector<std::int64_t>& items) {
  Value tuple = tuple_new(t, items.size());
  for (std::size_t i = 0; tuple && i < items.size(); ++i)
    tuple_init(tuple, i, Value::small_int(items[i]));
  return tuple;
}

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
  o->shape = {};
  o->hash = {};
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

// A view of the same items in the same shape (memoryview(view), toreadonly()).
Value same_view(Thread& t, Value parent) {
  const MemoryViewObject* o = view_of(parent);
  Value v = derived_view(t, parent, o->start, o->step, o->length, o->format);
  if (v) fresh<MemoryViewObject>(v)->shape = view_of(parent)->shape;
  return v;
}

// Writes go through to the object: one that exports writable bytes (a bytearray, an
// array), through a view that toreadonly() did not make.
bool writable(Thread& t, Value view) {
  return !view_of(view)->readonly && !current_export(t, view_of(view)->obj).readonly;
}

std::string view_bytes(Thread& t, Value v) {
  const MemoryViewObject view = *view_of(v); // the fields, before the export runs
  std::int64_t length = view.length, itemsize = view.itemsize;
  std::string_view data = exported_bytes(t, view.obj);
  std::string out;
  out.reserve(std::size_t(length * itemsize));
  for (std::int64_t i = 0; i < length; ++i) {
    std::int64_t at = item_position(&view, i);
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
  if (nargs - 1 > 1)
    return raisef(t, exc(E_TypeError), "memoryview() takes at most 1 argument (%zu given)",
                  nargs - 1);
  Value obj = npos > 0 ? args[1] : keyword_arg(kwnames, args, nargs, "object");
  if (!obj)
    return raise(t, exc(E_TypeError), "memoryview() missing required argument 'object' (pos 1)");
  if (obj.is_object() && is_exact(obj, T_memoryview)) {
    if (released(t, obj)) return {};
    return same_view(t, obj);
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
  const MemoryViewObject* o = view_of(args[0]);
  return Value::small_int(ndim_of(o) == 0 ? 1 : extent(o, 0));
}

// The byte offset from the view's start of the item a non-slice key names: an integer
// for a one-dimensional view, or a tuple of one integer per dimension. false with the error
// CPython gives (`setting`: the key of an assignment, whose sub-view error differs).
bool item_offset(Thread& t, Value self, Value key, std::int64_t& out, bool setting = false) {
  auto is_index = [&](Value v) {
    return v.is_small_int() || int_check(v) || lookup_special(t, v, N___index__);
  };
  std::int64_t ndim = ndim_of(view_of(self));
  std::int64_t n = 1;
  bool tuple_key = key.is_object() && is_exact(key, T_tuple);
  if (tuple_key) {
    n = tuple_length(key);
    bool all_indices = true;
    for (std::int64_t k = 0; k < n && all_indices; ++k)
      all_indices = is_index(tuple_item(key, k));
    if (t.pending) return false;
    if (!all_indices) {
      raise(t, exc(E_TypeError), "memoryview: invalid slice key");
      return false;
    }
  } else if (!is_index(key)) {
    if (!t.pending) raise(t, exc(E_TypeError), "memoryview: invalid slice key");
    return false;
  }
  if (ndim == 0 && !tuple_key) {
    raise(t, exc(E_TypeError), "invalid indexing of 0-dim memory");
    return false;
  }
  if (n > ndim) {
    raisef(t, exc(E_TypeError), "cannot index %lld-dimension view with %lld-element tuple",
           (long long)ndim, (long long)n);
    return false;
  }
  if (n < ndim) {
    raise(t, exc(E_NotImplementedError),
          !tuple_key && !setting ? "multi-dimensional sub-views are not implemented"
                                 : "sub-views are not implemented");
    return false;
  }
  std::int64_t offset = 0, first = 0;
  for (std::int64_t dim = 0; dim < n; ++dim) {
    std::int64_t i;
    if (!index_key_to_i64(t, tuple_key ? tuple_item(key, dim) : key, i)) return false;
    const MemoryViewObject* o = view_of(self);
    std::int64_t size = extent(o, dim);
    if (i < 0) i += size;
    if (i < 0 || i >= size) {
      raisef(t, exc(E_IndexError), "index out of bounds on dimension %lld", (long long)dim + 1);
      return false;
    }
    if (dim == 0)
      first = i;
    else
      offset = offset * size + i;
  }
  out = first * view_of(self)->step + offset * view_of(self)->itemsize;
  return true;
}

// view[a:b:c] of a view of other than one dimension: rows of its first dimension.
Value slice_first_dimension(Thread& t, Value self, Value slice) {
  const MemoryViewObject* o = view_of(self);
  if (ndim_of(o) == 0) return raise(t, exc(E_TypeError), "invalid indexing of 0-dim memory");
  std::int64_t start, stop, step, count;
  if (!slice_indices(t, slice, extent(o, 0), start, stop, step, count)) return {};
  o = view_of(self);
  std::int64_t row = row_items(o);
  std::vector<std::int64_t> rows = shape_of(o);
  rows[0] = count;
  Value shape = int_tuple(t, rows);
  if (!shape) return {};
  o = view_of(self);
  Value v =
      derived_view(t, self, o->start + start * o->step, o->step * step, count * row, o->format);
  if (v) fresh<MemoryViewObject>(v)->shape = shape;
  return v;
}

INTERP_NATIVE(memoryview_getitem) {
  Value self = args[0];
  if (released(t, self)) return {};
  const MemoryViewObject* o = view_of(self);
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    if (o->shape) return slice_first_dimension(t, self, args[1]);
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], o->length, start, stop, step, count)) return {};
    o = view_of(self);
    return derived_view(t, self, o->start + start * o->step, o->step * step, count, o->format);
  }
  if (args[1] == runtime().ellipsis && ndim_of(o) == 0) return self;
  std::int64_t offset;
  if (!item_offset(t, self, args[1], offset)) return {};
  o = view_of(self);
  std::string_view data = exported_bytes(t, o->obj);
  std::int64_t at = o->start + offset;
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
    if (view_of(self)->shape)
      return raise(t, exc(E_NotImplementedError),
                   "memoryview slice assignments are currently restricted to ndim = 1");
    std::int64_t stop;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    // The right side must have the same items: a view of the same format, or any
    // bytes-like object for a view of unsigned bytes.
    std::string value;
    std::int64_t format = view_of(self)->format, itemsize = view_of(self)->itemsize;
    Value rhs = args[2];
    // Any exporter is seen through a view of it, which carries its format (an array's).
    if (!(rhs.is_object() && is_exact(rhs, T_memoryview)))
      rhs = call1(t, type_value(T_memoryview), rhs);
    if (!rhs || released(t, rhs)) return {};
    if (view_of(rhs)->format != format && !(format == 'B' && view_of(rhs)->itemsize == 1))
      return raise(t, exc(E_ValueError),
                   "memoryview assignment: lvalue and rvalue have different structures");
    value = view_bytes(t, rhs);
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
  std::int64_t offset;
  if (!item_offset(t, self, args[1], offset, true)) return {};
  unsigned char item[8];
  if (!pack_item(t, char(view_of(self)->format), args[2], item)) return {};
  const MemoryViewObject* o = view_of(self);
  std::int64_t at = o->start + offset, itemsize = o->itemsize;
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

// The items from `at` on in dimensions dim.. of `shape`, as nested lists (advancing `at`).
Value nested_items(Thread& t, const std::string& data, char format, std::size_t itemsize,
                   const std::vector<std::int64_t>& shape, std::size_t dim, std::size_t& at) {
  if (dim == shape.size()) {
    if (at + itemsize > data.size()) return raise(t, exc(E_IndexError), "index out of bounds");
    Value item = unpack_item(t, format, reinterpret_cast<const unsigned char*>(data.data() + at));
    at += itemsize;
    return item;
  }
  Value list = list_new(t);
  if (!list) return {};
  for (std::int64_t i = 0; i < shape[dim]; ++i) {
    // A one-dimensional view of an object that shrank lists the items still there.
    if (dim + 1 == shape.size() && at + itemsize > data.size()) break;
    Value item = nested_items(t, data, format, itemsize, shape, dim + 1, at);
    if (!item || !list_append(t, list, item)) return {};
  }
  return list;
}

INTERP_NATIVE(memoryview_tolist) {
  if (released(t, args[0])) return {};
  std::string data = view_bytes(t, args[0]);
  const MemoryViewObject* o = view_of(args[0]);
  std::size_t at = 0;
  return nested_items(t, data, char(o->format), std::size_t(o->itemsize), shape_of(o), 0, at);
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
  if (!(other.is_object() && is_exact(other, T_memoryview))) {
    // Any other exporter (bytes, an array) compares as a view of it: item by item, as
    // each one's format reads them.
    Value view = call1(t, type_value(T_memoryview), other);
    if (!view) {
      if (!matches(t, exc(E_TypeError))) return {};
      clear_pending(t);
      return runtime().not_implemented;
    }
    other = view;
  }
  std::string a = view_bytes(t, self), b;
  {
    if (!view_of(other)->obj) return runtime().false_;
    if (shape_of(view_of(self)) != shape_of(view_of(other))) return runtime().false_;
    std::int64_t fa = view_of(self)->format, fb = view_of(other)->format;
    if (fa != fb || fa == 'f' || fa == 'd') {
      // Items of different formats (or floats, where nan != nan) compare by value.
      Value la = memoryview_tolist(t, &self, 1, {});
      Value lb = la ? memoryview_tolist(t, &other, 1, {}) : Value();
      if (!lb) return {};
      return compare(t, la, lb, bytecode::CompareOp::Eq);
    }
    b = view_bytes(t, other);
  }
  return py_bool(a == b);
}

INTERP_NATIVE(memoryview_ne) {
  Value r = memoryview_eq(t, args, nargs, kwnames);
  if (!r || r == runtime().not_implemented) return r;
  return py_bool(r == runtime().false_);
}

INTERP_NATIVE(memoryview_hash) {
  if (Value known = view_of(args[0])->hash) return known;
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
  Value result = int_from_i64(t, h);
  if (result) wr<MemoryViewObject>(args[0])->hash = result;
  return result;
}

// cast(format, shape=None), checked in CPython's order: the view, the shape's kind, the
// format, then the shape's items.
INTERP_NATIVE(memoryview_cast) {
  Value a[2] = {};
  if (!parse_arguments(t, "cast", args + 1, nargs - 1, kwnames, {"format", "shape"}, 0, 1, a))
    return {};
  if (released(t, args[0])) return {};
  if (!str_check(a[0]))
    return raisef(t, exc(E_TypeError), "cast() argument 'format' must be str, not %s",
                  type_name_of(a[0]).c_str());
  const MemoryViewObject* o = view_of(args[0]);
  if (!c_contiguous(o))
    return raise(t, exc(E_TypeError), "memoryview: casts are restricted to C-contiguous views");
  std::int64_t ndim = ndim_of(o);
  if ((a[1] || ndim != 1) && o->length == 0)
    return raise(t, exc(E_TypeError),
                 "memoryview: cannot cast view with zeros in shape or strides");
  Value shape_items = a[1];
  std::int64_t new_ndim = 1;
  if (shape_items) {
    if (!(shape_items.is_object() &&
          (isinstance(shape_items, T_list) || isinstance(shape_items, T_tuple))))
      return raise(t, exc(E_TypeError), "shape must be a list or a tuple");
    shape_items = tuple_of(t, shape_items);
    if (!shape_items) return {};
    new_ndim = tuple_length(shape_items);
    if (new_ndim > 64)
      return raise(t, exc(E_ValueError), "memoryview: number of dimensions must not exceed 64");
    if (ndim != 1 && new_ndim != 1)
      return raise(t, exc(E_TypeError), "memoryview: cast must be 1D -> ND or ND -> 1D");
  }
  std::string format = str_utf8(a[0]);
  if (format.size() == 2 && format[0] == '@') format.erase(0, 1);
  std::int64_t itemsize = format.size() == 1 ? format_itemsize(format[0]) : 0;
  if (itemsize == 0)
    return raise(t, exc(E_ValueError),
                 "memoryview: destination format must be a native single character format "
                 "prefixed with an optional '@'");
  o = view_of(args[0]);
  if (!is_byte_format(o->format) && !is_byte_format(format[0]))
    return raise(t, exc(E_TypeError), "memoryview: cannot cast between two non-byte formats");
  std::int64_t nbytes = o->length * o->itemsize;
  if (nbytes % itemsize != 0)
    return raise(t, exc(E_TypeError), "memoryview: length is not a multiple of itemsize");
  std::vector<std::int64_t> shape;
  if (shape_items) {
    // The product saturates past the buffer's size, which it then cannot match anyway.
    std::int64_t product = 1;
    for (std::int64_t dim = 0; dim < new_ndim; ++dim) {
      Value n = tuple_item(shape_items, dim);
      if (!n.is_small_int() && !int_check(n))
        return raise(t, exc(E_TypeError), "memoryview.cast(): elements of shape must be integers");
      std::int64_t size = 0;
      if (!int_to_i64(n, size))
        return raise(t, exc(E_OverflowError), "Python int too large to convert to C ssize_t");
      if (size <= 0)
        return raise(t, exc(E_ValueError),
                     "memoryview.cast(): elements of shape must be integers > 0");
      shape.push_back(size);
      product = size > nbytes || product * size > nbytes ? nbytes + 1 : product * size;
    }
    if (product * itemsize != nbytes)
      return raise(t, exc(E_TypeError), "memoryview: product(shape) * itemsize != buffer size");
  }
  o = view_of(args[0]);
  // The stride of the first dimension: its rows' items apart.
  std::int64_t step = itemsize;
  for (std::size_t dim = 1; dim < shape.size(); ++dim)
    step *= shape[dim];
  Value v = derived_view(t, args[0], o->start, step, nbytes / itemsize, format[0]);
  if (v && shape_items && new_ndim != 1) {
    Value kept = int_tuple(t, shape);
    if (!kept) return {};
    fresh<MemoryViewObject>(v)->shape = kept;
  }
  return v;
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
  Value v = same_view(t, args[0]);
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
  return Value::small_int(ndim_of(view_of(args[0])));
}
INTERP_NATIVE(memoryview_shape) {
  if (released(t, args[0])) return {};
  return int_tuple(t, shape_of(view_of(args[0])));
}
INTERP_NATIVE(memoryview_strides) {
  if (released(t, args[0])) return {};
  const MemoryViewObject* o = view_of(args[0]);
  std::vector<std::int64_t> strides = shape_of(o);
  std::int64_t stride = o->itemsize;
  for (std::size_t dim = strides.size(); dim-- > 0;) {
    std::int64_t size = strides[dim];
    strides[dim] = dim == 0 ? o->step : stride;
    stride *= size;
  }
  return int_tuple(t, strides);
}
INTERP_NATIVE(memoryview_suboffsets) {
  if (released(t, args[0])) return {};
  return runtime().empty_tuple;
}
INTERP_NATIVE(memoryview_contiguous) {
  if (released(t, args[0])) return {};
  const MemoryViewObject* o = view_of(args[0]);
  return py_bool(c_contiguous(o));
}
// Fortran order too: a C-contiguous view whose dimensions but one have a single item.
INTERP_NATIVE(memoryview_f_contiguous) {
  if (released(t, args[0])) return {};
  const MemoryViewObject* o = view_of(args[0]);
  std::vector<std::int64_t> shape = shape_of(o);
  bool one_row =
      std::count_if(shape.begin(), shape.end(), [](std::int64_t n) { return n > 1; }) <= 1;
  return py_bool(c_contiguous(o) && (one_row || o->length == 0));
}

INTERP_NATIVE(memoryview_iter) {
  if (released(t, args[0])) return {};
  std::int64_t ndim = ndim_of(view_of(args[0]));
  if (ndim == 0) return raise(t, exc(E_TypeError), "invalid indexing of 0-dim memory");
  if (ndim > 1)
    return raise(t, exc(E_NotImplementedError), "multi-dimensional sub-views are not implemented");
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
    if (!writable(t, v) || !c_contiguous(o)) return {};
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
      {"f_contiguous", memoryview_f_contiguous},
      {"contiguous", memoryview_contiguous},
  };
  for (const Entry& e : getters)
    add_getter(t, type, e.name, e.fn);
  add_staticmethod(t, type, "__new__", memoryview_new_method);
}

} // namespace interp
