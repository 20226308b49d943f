// interp/object.h - the shape every Python object has in the transactional heap, and the
// three ways C++ code may look at one.
//
// Every object starts with stm's 8-byte header, then its class and its instance
// dictionary (0 when it has none). The header's type id is the object's *layout* (what
// the collector traces and what C++ struct describes the bytes); the class is its Python
// type. A user class that derives from `list` makes objects of the List layout whose class
// is that user class.
//
// Access goes through one of three helpers, and which one is chosen is the whole of the
// concurrency story of the interpreter:
//   rd<T>(v)    the object may be written by other transactions: read barrier first;
//   wr<T>(v)    about to write it: write barrier (write lock, private pages);
//               wr_range<T>(v, at, n) when only bytes [at, at+n) change;
//   ro<T>(v)    the object is immutable once built (int, float, str, bytes, tuple, code,
//               builtin types) or was created by the running transaction: no barrier.
// A pointer returned by these is valid until the next safe point (another thread's commit
// may change the view there); keep Values, not pointers, across calls that may run Python
// code or allocate.
#pragma once

#include "interp/value.h"

#include "stm/stm.h"

#include <cstddef>
#include <cstdint>

namespace interp {

struct Object {
  stm::ObjectHeader header;
  Value cls;  // the Python type
  Value dict; // the instance dict, or 0
};
static_assert(sizeof(Object) == 24);

template <class T> inline const T* ro(Value v) {
  return reinterpret_cast<const T*>(stm::view_address(v.offset()));
}
template <class T> inline const T* rd(Value v) {
  stm::read_barrier(v.offset());
  return reinterpret_cast<const T*>(stm::view_address(v.offset()));
}
template <class T> inline T* wr(Value v) {
  stm::write_barrier(v.offset());
  return reinterpret_cast<T*>(stm::view_address(v.offset()));
}
// About to write only bytes [byte_offset, byte_offset + length) of the object, such as one
// item of a large list's storage: a large object then commits (or rolls back) only the
// pages written, not all of it. Smaller objects take wr's barrier.
template <class T> inline T* wr_range(Value v, std::size_t byte_offset, std::size_t length) {
  stm::write_barrier_range(v.offset(), byte_offset, length);
  return reinterpret_cast<T*>(stm::view_address(v.offset()));
}
// Only for an object the running transaction has just allocated.
template <class T> inline T* fresh(Value v) {
  return reinterpret_cast<T*>(stm::view_address(v.offset()));
}

// The layouts: one C++ struct (and one gc type id) each. Registered at start-up in this
// order; Layout::X's gc type id is runtime().layout_ids[X].
enum class Layout : std::uint8_t {
  Instance, // object(), instances of plain user classes
  Type,     // TypeObject
  BigInt,   // IntObject (values beyond the tagged range)
  Float,
  Complex,
  Str,
  Bytes,
  ByteArray,
  Tuple,
  List,
  ValueArray, // the item storage of lists and other growable containers
  Dict,
  DictStorage,
  Set,
  SetStorage,
  Function,
  Code,
  Frame,
  Cell,
  Module,
  Native,    // builtin function / method descriptor / bound builtin method
  Method,    // a Python function bound to an object
  Exception, // BaseException and subclasses
  Generator, // generators, coroutines, async generators
  Range,
  Slice,
  Iterator, // the iterators of the builtin containers
  Property,
  Wrapper, // classmethod, staticmethod: one wrapped value
  Super,
  ThreadState,
  WeakRef,
  Lock, // _thread's lock and RLock
  kCount
};

// Reading a layout's header type id back to the Layout.
// Defined in runtime.h, which has the table of layouts.
inline Layout layout_of(Value object);
inline bool is_layout(Value v, Layout layout); // false for small ints

} // namespace interp
