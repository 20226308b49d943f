// interp/modules/mmap.cc - the mmap module: mmap.mmap, a file (or anonymous memory) mapped
// into the process, read and written as a mutable byte sequence with a file-like position.
//
// Transactions: the mapped bytes are outside the heap, so an abort cannot take back a
// write to them, nor an munmap, mremap, msync or madvise. So every call that writes the
// mapping or changes it makes the running transaction inevitable first: the bytes then
// change only in transactions that commit. The object itself (address, size, position)
// is an ordinary heap object and rolls back with an abort; reads of the mapping need no
// care. A mapping made by a transaction that aborts is unmapped (and its descriptor
// closed) then; close() and the object's finalizer unmap after the transaction that did
// it commits (the shape of bz2's streams).
//
// Bytes-like consumers (bytes(m), hashlib, re, file.write) copy a map's bytes through the
// buffer provider registered with bytes.cc. memoryview(m) raises TypeError, as for
// array.array: memoryview here views bytes and bytearray objects only, and a read-only
// copy would not be the writable view CPython gives.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out);                               // bytes.cc
void register_buffer_provider(int (*provider)(Thread& t, Value v, std::string& out)); // bytes.cc

namespace {

enum Access : std::int64_t { kAccessDefault = 0, kAccessRead, kAccessWrite, kAccessCopy };

struct MmapObject : Object {
  Value data;   // small int: the mapping's address; 0 once closed
  Value size;   // small int: its length in bytes
  Value pos;    // small int: where read(), write() and readline() start
  Value offset; // int: where in the file the mapping starts
  Value fd;     // small int: the map's own duplicate of the file's descriptor; -1: none
  Value access; // small int: an Access
  Value prot;   // small int: the PROT_* bits it was mapped with
  Value flags;  // small int: the MAP_* flags it was mapped with
};

struct MmapIterObject : Object {
  Value map;
  Value index; // small int; -1 once exhausted
};

std::int64_t field(Value v) {
  return v.small_int_value();
}

char* address_of(Value self) {
  return address_in<char>(rd<MmapObject>(self)->data);
}
std::int64_t size_of(Value self) {
  return field(rd<MmapObject>(self)->size);
}
std::int64_t pos_of(Value self) {
  return field(rd<MmapObject>(self)->pos);
}
std::int64_t access_of(Value self) {
  return field(rd<MmapObject>(self)->access);
}
void set_pos(Value self, std::int64_t pos) {
  wr<MmapObject>(self)->pos = Value::small_int(pos);
}

// The mapping's address, or null with the ValueError every method gives for a closed map.
char* valid(Thread& t, Value self) {
  char* p = address_of(self);
  if (!p) raise(t, exc(E_ValueError), "mmap closed or invalid");
  return p;
}

bool writable(Thread& t, Value self) {
  if (access_of(self) != kAccessRead) return true;
  raise(t, exc(E_TypeError), "mmap can't modify a readonly memory map.");
  return false;
}

void unmap(char* p, std::int64_t size, int fd) {
  ::munmap(p, std::size_t(size));
  if (fd != -1) ::close(fd);
}

// ---- arguments -----------------------------------------------------------------------------
// The methods that take arguments refuse keywords before anything else and count their
// arguments after checking the map is open, with the wording of CPython's tuple parser.
// CPython words the keyword error "read() ..." for a bound method object called later and
// "mmap.read() ..." for m.read(...), the usual form, which is the one given here.
bool no_keywords(Thread& t, const char* name, Value kwnames) {
  if (!keyword_count(kwnames)) return true;
  raisef(t, exc(E_TypeError), "mmap.%s() takes no keyword arguments", name);
  return false;
}

bool count_args(Thread& t, const char* name, std::size_t nargs, std::size_t min, std::size_t max) {
  std::size_t given = nargs - 1;
  if (given >= min && given <= max) return true;
  const char* how = min == max ? "exactly" : given < min ? "at least" : "at most";
  std::size_t n = given < min ? min : max;
  raisef(t, exc(E_TypeError), "%s() takes %s %zu argument%s (%zu given)", name, how, n,
         n == 1 ? "" : "s", given);
  return false;
}

// A C int argument.
bool int_arg(Thread& t, Value v, int& out) {
  std::int64_t i;
  if (!index_to_i64(t, v, i)) return false;
  if (i > INT_MAX || i < INT_MIN) {
    raise(t, exc(E_OverflowError),
          i > INT_MAX ? "signed integer is greater than maximum"
                      : "signed integer is less than minimum");
    return false;
  }
  out = int(i);
  return true;
}

// A subscript's integer: IndexError where it does not fit, as CPython converts it.
bool subscript_index(Thread& t, Value key, std::int64_t& out) {
  if (int_check(key) && !int_to_i64(key, out)) {
    raise(t, exc(E_IndexError), "cannot fit 'int' into an index-sized integer");
    return false;
  }
  return index_to_i64(t, key, out);
}

bool is_index(Thread& t, Value v) {
  return v.is_small_int() || int_check(v) || lookup_special(t, v, N___index__);
}

bool is_slice(Value v) {
  return v.is_object() && is_layout(v, Layout::Slice);
}

// Whether `count` bytes from `start` by `step` lie in a map of `size` bytes: a slice's
// __index__ methods run Python code, which may have shrunk the map after the slice's
// bounds were computed.
bool slice_fits(std::int64_t start, std::int64_t step, std::int64_t count, std::int64_t size) {
  std::int64_t last = start + (count - 1) * step;
  return count <= 0 || (start >= 0 && start < size && last >= 0 && last < size);
}

// ---- construction and release --------------------------------------------------------------

// mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT,
// offset=0), parsed as CPython's keyword parser words its errors ("function ...").
bool parse_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames, Value* out) {
  static const char* const kNames[] = {"fileno", "length", "flags", "prot", "access", "offset"};
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - nkw - 1;
  if (nargs - 1 > 6) {
    raisef(t, exc(E_TypeError), "function takes at most 6 arguments (%zu given)", nargs - 1);
    return false;
  }
  for (std::size_t i = 0; i < 6; ++i) {
    Value by_name = keyword_arg(kwnames, args, nargs, kNames[i]);
    if (i < npos && by_name) {
      raisef(t, exc(E_TypeError), "argument for function given by name ('%s') and position (%zu)",
             kNames[i], i + 1);
      return false;
    }
    out[i] = i < npos ? args[1 + i] : by_name;
    if (!out[i] && i < 2) {
      raisef(t, exc(E_TypeError), "function missing required argument '%s' (pos %zu)", kNames[i],
             i + 1);
      return false;
    }
  }
  for (std::size_t k = 0; k < nkw; ++k) {
    Value name = tuple_item(kwnames, std::int64_t(k));
    bool known = false;
    for (const char* n : kNames)
      known = known || str_equal_ascii(name, n);
    if (!known) {
      raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for this function",
             str_utf8(name).c_str());
      return false;
    }
  }
  return true;
}

INTERP_NATIVE(mmap_new) {
  Value a[6];
  if (!parse_new(t, args, nargs, kwnames, a)) return {};
  int fd = -1, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access_arg = kAccessDefault;
  std::int64_t length = 0, offset = 0;
  if (!int_arg(t, a[0], fd) || !index_to_i64(t, a[1], length) ||
      (a[2] && !int_arg(t, a[2], flags)) || (a[3] && !int_arg(t, a[3], prot)) ||
      (a[4] && !int_arg(t, a[4], access_arg)))
    return {};
  if (a[5]) {
    if (int_check(a[5]) && !int_to_i64(a[5], offset))
      return raise(t, exc(E_OverflowError), "Python int too large to convert to C long");
    if (!index_to_i64(t, a[5], offset)) return {};
  }
  if (length < 0) return raise(t, exc(E_OverflowError), "memory mapped length must be positive");
  if (offset < 0) return raise(t, exc(E_OverflowError), "memory mapped offset must be positive");
  std::int64_t access = access_arg;
  if (access != kAccessDefault && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)))
    return raise(t, exc(E_ValueError), "mmap can't specify both access and flags, prot.");
  switch (access) {
  case kAccessRead:
    prot = PROT_READ;
    break;
  case kAccessWrite:
    break;
  case kAccessCopy:
    flags = MAP_PRIVATE;
    break;
  case kAccessDefault:
    // What prot allows decides which methods may write.
    if (!((prot & PROT_READ) && (prot & PROT_WRITE)))
      access = (prot & PROT_WRITE) ? kAccessWrite : kAccessRead;
    break;
  default:
    return raise(t, exc(E_ValueError), "mmap invalid access parameter.");
  }

  struct stat st;
  if (fd != -1 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    if (length == 0) {
      if (st.st_size == 0) return raise(t, exc(E_ValueError), "cannot mmap an empty file");
      if (offset >= st.st_size)
        return raise(t, exc(E_ValueError), "mmap offset is greater than file size");
      length = st.st_size - offset;
    } else if (offset > st.st_size || st.st_size - offset < length) {
      return raise(t, exc(E_ValueError), "mmap length is greater than file size");
    }
  }
  // The map keeps a descriptor of its own: size() and resize() outlive the caller's file.
  int own_fd = -1;
  if (fd != -1) {
    own_fd = ::dup(fd);
    if (own_fd == -1) return raise_os_error(t, errno);
  } else {
    flags |= MAP_ANONYMOUS;
  }
  void* p = ::mmap(nullptr, std::size_t(length), prot, flags, fd, off_t(offset));
  if (p == MAP_FAILED) {
    int err = errno;
    if (own_fd != -1) ::close(own_fd);
    return raise_os_error(t, err);
  }
  char* data = static_cast<char*>(p);
  t.after_commit.push_back([data, length, own_fd](bool committed) {
    if (!committed) unmap(data, length, own_fd);
  });
  Value offset_v = int_from_i64(t, offset);
  if (!offset_v) return {};
  Value self = allocate(t, Layout::Instance, args[0], sizeof(MmapObject)); // finalized: kHasDel
  if (!self) return {};
  MmapObject* o = fresh<MmapObject>(self);
  o->data = address_value(data);
  o->size = Value::small_int(length);
  o->pos = Value::small_int(0);
  o->offset = offset_v;
  o->fd = Value::small_int(own_fd);
  o->access = Value::small_int(access);
  o->prot = Value::small_int(prot);
  o->flags = Value::small_int(flags);
  return self;
}

// Forgets the mapping in the heap object; it goes when the running transaction commits
// (other transactions may still be reading it until then).
void release(Thread& t, Value self) {
  char* p = address_of(self);
  if (!p) return;
  std::int64_t size = size_of(self);
  int fd = int(field(rd<MmapObject>(self)->fd));
  MmapObject* o = wr<MmapObject>(self);
  o->data = {};
  o->fd = Value::small_int(-1);
  t.after_commit.push_back([p, size, fd](bool committed) {
    if (committed) unmap(p, size, fd);
  });
}

INTERP_NATIVE(mmap_del) {
  release(t, args[0]);
  return none();
}

INTERP_NATIVE(mmap_close) {
  if (!check_positional(t, "mmap.close", nargs, kwnames, 0, 0)) return {};
  if (!address_of(args[0])) return none();
  stm::become_inevitable("mmap close");
  release(t, args[0]);
  return none();
}

INTERP_NATIVE(mmap_closed) {
  return py_bool(!address_of(args[0]));
}

INTERP_NATIVE(mmap_enter) {
  if (!check_positional(t, "mmap.__enter__", nargs, kwnames, 0, 0)) return {};
  return valid(t, args[0]) ? args[0] : Value();
}

INTERP_NATIVE(mmap_exit) {
  if (!no_keywords(t, "__exit__", kwnames)) return {};
  if (!address_of(args[0])) return none();
  stm::become_inevitable("mmap __exit__");
  release(t, args[0]);
  return none();
}

// ---- reading -------------------------------------------------------------------------------

INTERP_NATIVE(mmap_read) {
  if (!no_keywords(t, "read", kwnames)) return {};
  Value self = args[0];
  char* p = valid(t, self);
  if (!p || !count_args(t, "read", nargs, 0, 1)) return {};
  std::int64_t n = -1;
  if (nargs > 1 && args[1] != none()) {
    if (!is_index(t, args[1])) {
      if (t.pending) return {};
      return raisef(t, exc(E_TypeError), "argument should be integer or None, not '%s'",
                    type_name_of(args[1]).c_str());
    }
    if (!index_to_i64(t, args[1], n)) return {};
    if (!(p = valid(t, self))) return {}; // __index__ may have closed it
  }
  std::int64_t pos = pos_of(self), size = size_of(self);
  std::int64_t remaining = pos < size ? size - pos : 0;
  if (n < 0 || n > remaining) n = remaining;
  Value out = bytes_new(t, std::string_view(remaining > 0 ? p + pos : p, std::size_t(n)));
  if (!out) return {};
  set_pos(self, pos + n);
  return out;
}

INTERP_NATIVE(mmap_read_byte) {
  if (!check_positional(t, "mmap.read_byte", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  char* p = valid(t, self);
  if (!p) return {};
  std::int64_t pos = pos_of(self);
  if (pos >= size_of(self)) return raise(t, exc(E_ValueError), "read byte out of range");
  set_pos(self, pos + 1);
  return Value::small_int(static_cast<unsigned char>(p[pos]));
}

INTERP_NATIVE(mmap_readline) {
  if (!check_positional(t, "mmap.readline", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  char* p = valid(t, self);
  if (!p) return {};
  std::int64_t pos = pos_of(self), size = size_of(self);
  std::int64_t remaining = pos < size ? size - pos : 0;
  std::int64_t n = remaining;
  if (remaining > 0) {
    const void* eol = std::memchr(p + pos, '\n', std::size_t(remaining));
    if (eol) n = static_cast<const char*>(eol) - (p + pos) + 1;
  }
  Value out = bytes_new(t, std::string_view(remaining > 0 ? p + pos : p, std::size_t(n)));
  if (!out) return {};
  set_pos(self, pos + n);
  return out;
}

// find(sub[, start[, end]]) and rfind: start defaults to the position, both count from
// the end when negative and are clamped to the map; an empty sub is found at start (find)
// or end (rfind) even when end < start.
Value find(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool reverse) {
  const char* name = reverse ? "rfind" : "find";
  if (!no_keywords(t, name, kwnames)) return {};
  Value self = args[0];
  char* p = valid(t, self);
  if (!p || !count_args(t, name, nargs, 1, 3)) return {};
  std::string sub;
  if (!need_buffer(t, args[1], sub)) return {};
  std::int64_t size = size_of(self);
  std::int64_t start = pos_of(self), end = size;
  if ((nargs > 2 && !index_to_i64(t, args[2], start)) ||
      (nargs > 3 && !index_to_i64(t, args[3], end)))
    return {};
  auto clamp = [size](std::int64_t& v) {
    if (v < 0) v += size;
    if (v < 0) v = 0;
    if (v > size) v = size;
  };
  clamp(start);
  clamp(end);
  p = address_of(self); // converting the bounds may have run Python code
  if (!p) return raise(t, exc(E_ValueError), "mmap closed or invalid");
  std::int64_t n = std::int64_t(sub.size());
  if (n == 0) return Value::small_int(reverse ? end : start);
  if (end - start < n) return Value::small_int(-1);
  std::string_view hay(p + start, std::size_t(end - start));
  std::size_t at = reverse ? hay.rfind(sub) : hay.find(sub);
  return Value::small_int(at == std::string_view::npos ? -1 : start + std::int64_t(at));
}

INTERP_NATIVE(mmap_find) {
  return find(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(mmap_rfind) {
  return find(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(mmap_seek) {
  if (!no_keywords(t, "seek", kwnames)) return {};
  Value self = args[0];
  if (!valid(t, self) || !count_args(t, "seek", nargs, 1, 2)) return {};
  std::int64_t dist = 0;
  int how = 0;
  if (!index_to_i64(t, args[1], dist) || (nargs > 2 && !int_arg(t, args[2], how))) return {};
  std::int64_t size = size_of(self), where = 0;
  switch (how) {
  case 0:
    where = dist;
    break;
  case 1:
    if (__builtin_add_overflow(pos_of(self), dist, &where))
      return raise(t, exc(E_ValueError), "seek out of range");
    break;
  case 2:
    if (__builtin_add_overflow(size, dist, &where))
      return raise(t, exc(E_ValueError), "seek out of range");
    break;
  default:
    return raise(t, exc(E_ValueError), "unknown seek type");
  }
  if (where < 0 || where > size) return raise(t, exc(E_ValueError), "seek out of range");
  set_pos(self, where);
  return none();
}

INTERP_NATIVE(mmap_tell) {
  if (!check_positional(t, "mmap.tell", nargs, kwnames, 0, 0)) return {};
  return valid(t, args[0]) ? Value::small_int(pos_of(args[0])) : Value();
}

// The size of the file, as CPython 3.11 gives it on POSIX: an anonymous map has no
// descriptor, so fstat's EBADF.
INTERP_NATIVE(mmap_size) {
  if (!check_positional(t, "mmap.size", nargs, kwnames, 0, 0)) return {};
  if (!valid(t, args[0])) return {};
  struct stat st;
  if (::fstat(int(field(rd<MmapObject>(args[0])->fd)), &st) == -1) return raise_os_error(t, errno);
  return int_from_i64(t, std::int64_t(st.st_size));
}

INTERP_NATIVE(mmap_len) {
  return valid(t, args[0]) ? Value::small_int(size_of(args[0])) : Value();
}

// ---- writing -------------------------------------------------------------------------------

INTERP_NATIVE(mmap_write) {
  if (!no_keywords(t, "write", kwnames)) return {};
  Value self = args[0];
  if (!valid(t, self) || !count_args(t, "write", nargs, 1, 1)) return {};
  std::string data;
  if (!need_buffer(t, args[1], data) || !writable(t, self)) return {};
  char* p = valid(t, self);
  if (!p) return {};
  std::int64_t pos = pos_of(self), size = size_of(self), n = std::int64_t(data.size());
  if (pos > size || size - pos < n) return raise(t, exc(E_ValueError), "data out of range");
  stm::become_inevitable("mmap write");
  std::memcpy(p + pos, data.data(), data.size());
  set_pos(self, pos + n);
  return Value::small_int(n);
}

INTERP_NATIVE(mmap_write_byte) {
  if (!no_keywords(t, "write_byte", kwnames)) return {};
  Value self = args[0];
  if (!valid(t, self) || !count_args(t, "write_byte", nargs, 1, 1)) return {};
  std::int64_t v;
  if (!index_to_i64(t, args[1], v)) return {};
  if (v < 0) return raise(t, exc(E_OverflowError), "unsigned byte integer is less than minimum");
  if (v > 255)
    return raise(t, exc(E_OverflowError), "unsigned byte integer is greater than maximum");
  if (!writable(t, self)) return {};
  char* p = valid(t, self);
  if (!p) return {};
  std::int64_t pos = pos_of(self);
  if (pos >= size_of(self)) return raise(t, exc(E_ValueError), "write byte out of range");
  stm::become_inevitable("mmap write_byte");
  p[pos] = char(v);
  set_pos(self, pos + 1);
  return none();
}

INTERP_NATIVE(mmap_move) {
  if (!no_keywords(t, "move", kwnames)) return {};
  Value self = args[0];
  if (!valid(t, self) || !count_args(t, "move", nargs, 3, 3)) return {};
  std::int64_t dest, src, count;
  if (!index_to_i64(t, args[1], dest) || !index_to_i64(t, args[2], src) ||
      !index_to_i64(t, args[3], count) || !writable(t, self))
    return {};
  char* p = valid(t, self);
  if (!p) return {};
  std::int64_t size = size_of(self);
  if (dest < 0 || src < 0 || count < 0 || size - dest < count || size - src < count)
    return raise(t, exc(E_ValueError), "source, destination, or count out of range");
  stm::become_inevitable("mmap move");
  std::memmove(p + dest, p + src, std::size_t(count));
  return none();
}

INTERP_NATIVE(mmap_getitem) {
  Value self = args[0];
  char* p = valid(t, self);
  if (!p) return {};
  Value key = args[1];
  std::int64_t size = size_of(self);
  if (is_slice(key)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, key, size, start, stop, step, count)) return {};
    if (!(p = valid(t, self))) return {};
    if (count <= 0) return bytes_new(t, "");
    if (!slice_fits(start, step, count, size_of(self)))
      return raise(t, exc(E_IndexError), "mmap index out of range");
    if (step == 1) return bytes_new(t, std::string_view(p + start, std::size_t(count)));
    std::string out(std::size_t(count), '\0');
    for (std::int64_t k = 0; k < count; ++k)
      out[std::size_t(k)] = p[start + k * step];
    return bytes_new(t, out);
  }
  if (!is_index(t, key)) {
    if (t.pending) return {};
    return raise(t, exc(E_TypeError), "mmap indices must be integers");
  }
  std::int64_t i;
  if (!subscript_index(t, key, i)) return {};
  if (!(p = valid(t, self))) return {};
  size = size_of(self);
  if (i < 0) i += size;
  if (i < 0 || i >= size) return raise(t, exc(E_IndexError), "mmap index out of range");
  return Value::small_int(static_cast<unsigned char>(p[i]));
}

// The item a non-slice subscript names, checked against the map's size.
bool item_index(Thread& t, Value self, Value key, std::int64_t& i) {
  if (!subscript_index(t, key, i)) return false;
  std::int64_t size = size_of(self);
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    raise(t, exc(E_IndexError), "mmap index out of range");
    return false;
  }
  return true;
}

INTERP_NATIVE(mmap_setitem) {
  Value self = args[0];
  if (!valid(t, self)) return {};
  Value key = args[1], value = args[2];
  if (is_slice(key)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, key, size_of(self), start, stop, step, count)) return {};
    if (!writable(t, self)) return {};
    std::string data;
    if (!need_buffer(t, value, data)) return {};
    if (std::int64_t(data.size()) != count)
      return raise(t, exc(E_IndexError), "mmap slice assignment is wrong size");
    char* p = valid(t, self);
    if (!p) return {};
    if (count == 0) return none();
    if (!slice_fits(start, step, count, size_of(self)))
      return raise(t, exc(E_IndexError), "mmap index out of range");
    stm::become_inevitable("mmap __setitem__");
    if (step == 1) {
      std::memcpy(p + start, data.data(), data.size());
    } else {
      for (std::int64_t k = 0; k < count; ++k)
        p[start + k * step] = data[std::size_t(k)];
    }
    return none();
  }
  if (!is_index(t, key)) {
    if (t.pending) return {};
    return raise(t, exc(E_TypeError), "mmap indices must be integer");
  }
  std::int64_t i;
  if (!item_index(t, self, key, i) || !writable(t, self)) return {};
  if (!is_index(t, value)) {
    if (t.pending) return {};
    return raise(t, exc(E_TypeError), "mmap item value must be an int");
  }
  std::int64_t v;
  if (int_check(value) && !int_to_i64(value, v))
    return raise(t, exc(E_TypeError), "cannot fit 'int' into an index-sized integer");
  if (!index_to_i64(t, value, v)) return {};
  if (v < 0 || v > 255)
    return raise(t, exc(E_ValueError), "mmap item value must be in range(0, 256)");
  char* p = valid(t, self);
  if (!p) return {};
  if (i >= size_of(self)) return raise(t, exc(E_IndexError), "mmap index out of range");
  stm::become_inevitable("mmap __setitem__");
  p[i] = char(v);
  return none();
}

INTERP_NATIVE(mmap_delitem) {
  Value self = args[0];
  if (!valid(t, self)) return {};
  Value key = args[1];
  if (is_slice(key)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, key, size_of(self), start, stop, step, count)) return {};
    return raise(t, exc(E_TypeError), "mmap object doesn't support slice deletion");
  }
  if (!is_index(t, key)) {
    if (t.pending) return {};
    return raise(t, exc(E_TypeError), "mmap indices must be integer");
  }
  std::int64_t i;
  if (!item_index(t, self, key, i)) return {};
  return raise(t, exc(E_TypeError), "mmap doesn't support item deletion");
}

// ---- the mapping itself --------------------------------------------------------------------

INTERP_NATIVE(mmap_flush) {
  if (!no_keywords(t, "flush", kwnames)) return {};
  Value self = args[0];
  if (!valid(t, self) || !count_args(t, "flush", nargs, 0, 2)) return {};
  std::int64_t offset = 0, size = size_of(self);
  if ((nargs > 1 && !index_to_i64(t, args[1], offset)) ||
      (nargs > 2 && !index_to_i64(t, args[2], size)))
    return {};
  char* p = valid(t, self);
  if (!p) return {};
  if (size < 0 || offset < 0 || size_of(self) - offset < size)
    return raise(t, exc(E_ValueError), "flush values out of range");
  std::int64_t access = access_of(self);
  if (access == kAccessRead || access == kAccessCopy) return none();
  stm::become_inevitable("mmap flush");
  if (::msync(p + offset, std::size_t(size), MS_SYNC) == -1) return raise_os_error(t, errno);
  return none();
}

INTERP_NATIVE(mmap_madvise) {
  if (!no_keywords(t, "madvise", kwnames)) return {};
  Value self = args[0];
  if (!valid(t, self) || !count_args(t, "madvise", nargs, 1, 3)) return {};
  int option = 0;
  std::int64_t start = 0, length = size_of(self);
  if (!int_arg(t, args[1], option) || (nargs > 2 && !index_to_i64(t, args[2], start)) ||
      (nargs > 3 && !index_to_i64(t, args[3], length)))
    return {};
  char* p = valid(t, self);
  if (!p) return {};
  std::int64_t size = size_of(self);
  if (start < 0 || start >= size) return raise(t, exc(E_ValueError), "madvise start out of bounds");
  if (length < 0) return raise(t, exc(E_ValueError), "madvise length invalid");
  if (INT64_MAX - start < length) return raise(t, exc(E_OverflowError), "madvise length too large");
  if (start + length > size) length = size - start;
  // MADV_DONTNEED and MADV_REMOVE discard what was written: as good as a write.
  stm::become_inevitable("mmap madvise");
  if (::madvise(p + start, std::size_t(length), option) != 0) return raise_os_error(t, errno);
  return none();
}

INTERP_NATIVE(mmap_resize) {
  if (!no_keywords(t, "resize", kwnames)) return {};
  Value self = args[0];
  if (!valid(t, self) || !count_args(t, "resize", nargs, 1, 1)) return {};
  std::int64_t new_size;
  if (!index_to_i64(t, args[1], new_size)) return {};
  std::int64_t access = access_of(self);
  if (access != kAccessWrite && access != kAccessDefault)
    return raise(t, exc(E_TypeError), "mmap can't resize a readonly or copy-on-write memory map.");
  std::int64_t offset = 0;
  int_to_i64(rd<MmapObject>(self)->offset, offset);
  if (new_size < 0 || INT64_MAX - new_size < offset)
    return raise(t, exc(E_ValueError), "new size out of range");
  char* p = valid(t, self);
  if (!p) return {};
  if (new_size == 0) return raise_os_error(t, EINVAL); // no mapping has no bytes, as mremap says
  stm::become_inevitable("mmap resize");
  int fd = int(field(rd<MmapObject>(self)->fd));
  if (fd != -1 && ::ftruncate(fd, off_t(offset + new_size)) == -1) return raise_os_error(t, errno);
  // A new mapping, not mremap: another thread's transaction may be copying out of the old
  // one (it read the address before this transaction wrote it), and mremap would move or
  // shrink it under that reader at once. The old one goes after the commit, which stops
  // such readers at a safe point first (they conflict on the address).
  int prot = int(field(rd<MmapObject>(self)->prot));
  int flags = int(field(rd<MmapObject>(self)->flags));
  std::int64_t old_size = size_of(self);
  void* fresh_map = ::mmap(nullptr, std::size_t(new_size), prot, flags, fd, off_t(offset));
  if (fresh_map == MAP_FAILED) return raise_os_error(t, errno);
  // A shared file mapping sees the file's pages; any other kind starts from its own.
  if (fd == -1 || !(flags & MAP_SHARED))
    std::memcpy(fresh_map, p, std::size_t(std::min(old_size, new_size)));
  t.after_commit.push_back([p, old_size](bool committed) {
    if (committed) ::munmap(p, std::size_t(old_size));
  });
  MmapObject* o = wr<MmapObject>(self);
  o->data = address_value(fresh_map);
  o->size = Value::small_int(new_size);
  return none();
}

// ---- iteration and repr --------------------------------------------------------------------
// Iterating a map gives one-byte bytes objects (CPython's sequence item), where
// subscripting gives ints; `in` goes through the iteration.

INTERP_NATIVE(mmap_iter) {
  Value cls = module_attr(t, "mmap", "_iterator");
  if (!cls) return {};
  Value it = allocate(t, Layout::Instance, cls, sizeof(MmapIterObject));
  if (!it) return {};
  fresh<MmapIterObject>(it)->map = args[0];
  fresh<MmapIterObject>(it)->index = Value::small_int(0);
  return it;
}

INTERP_NATIVE(mmap_iter_next) {
  const MmapIterObject* o = rd<MmapIterObject>(args[0]);
  std::int64_t i = field(o->index);
  Value map = o->map;
  if (i < 0) return {};
  char* p = valid(t, map);
  if (!p) return {};
  if (i >= size_of(map)) {
    wr<MmapIterObject>(args[0])->index = Value::small_int(-1);
    return {}; // exhausted: no exception
  }
  wr<MmapIterObject>(args[0])->index = Value::small_int(i + 1);
  return bytes_new(t, std::string_view(p + i, 1));
}

INTERP_NATIVE(mmap_iter_iter) {
  return args[0];
}

INTERP_NATIVE(mmap_repr) {
  Value self = args[0];
  std::string text = "<";
  text += type_name_of(self);
  if (!address_of(self)) {
    text += " closed=True>";
    return str_from_utf8(t, text);
  }
  static const char* const kAccessNames[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE",
                                             "ACCESS_COPY"};
  const MmapObject* o = rd<MmapObject>(self);
  text += " closed=False, access=";
  text += kAccessNames[field(o->access)];
  text += ", length=" + std::to_string(field(o->size));
  text += ", pos=" + std::to_string(field(o->pos));
  text += ", offset=" + int_to_decimal(o->offset) + ">";
  return str_from_utf8(t, text);
}

// The bytes of a map for bytes.cc's consumers of the buffer protocol: 1 when v is a map
// (copied into out), 0 when it is not, -1 with ValueError when it is closed.
int mmap_buffer(Thread& t, Value v, std::string& out) {
  Value cls = module_attr(t, "mmap", "mmap");
  if (!cls) {
    clear_pending(t);
    return 0;
  }
  if (!is_subtype(type_of(v), cls)) return 0;
  char* p = valid(t, v);
  if (!p) return -1;
  out.assign(p, std::size_t(size_of(v)));
  return 1;
}

} // namespace

Value make_mmap_module(Thread& t) {
  Value m = new_module(t, "mmap", nullptr, 0);
  if (!m) return {};
  Value cls = new_type(t, "mmap", "mmap", Layout::Instance);
  if (!cls) return {};
  static const ModuleFunction kMethods[] = {
      {"close", mmap_close},         {"find", mmap_find},           {"rfind", mmap_rfind},
      {"flush", mmap_flush},         {"madvise", mmap_madvise},     {"move", mmap_move},
      {"read", mmap_read},           {"read_byte", mmap_read_byte}, {"readline", mmap_readline},
      {"resize", mmap_resize},       {"seek", mmap_seek},           {"size", mmap_size},
      {"tell", mmap_tell},           {"write", mmap_write},         {"write_byte", mmap_write_byte},
      {"__enter__", mmap_enter},     {"__exit__", mmap_exit},       {"__len__", mmap_len},
      {"__getitem__", mmap_getitem}, {"__setitem__", mmap_setitem}, {"__delitem__", mmap_delitem},
      {"__iter__", mmap_iter},       {"__repr__", mmap_repr},       {"__del__", mmap_del},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, cls, f.name, f.fn);
  add_staticmethod(t, cls, "__new__", mmap_new);
  add_getter(t, cls, "closed", mmap_closed);
  finish_owning_type(cls); // a map owns its mapping
  module_set(t, m, "mmap", cls);

  // Named as CPython's sequence iterator that iterates a map there.
  Value it = new_type(t, "iterator", "builtins", Layout::Instance, {}, false);
  if (!it) return {};
  add_method(t, it, "__next__", mmap_iter_next);
  add_method(t, it, "__iter__", mmap_iter_iter);
  update_type_flags(it);
  module_set(t, m, "_iterator", it);

  module_set(t, m, "error", exc(E_OSError));
  long page = ::sysconf(_SC_PAGESIZE);
  static const std::pair<const char*, long> kConstants[] = {
      {"ACCESS_DEFAULT", kAccessDefault},
      {"ACCESS_READ", kAccessRead},
      {"ACCESS_WRITE", kAccessWrite},
      {"ACCESS_COPY", kAccessCopy},
      {"PROT_EXEC", PROT_EXEC},
      {"PROT_READ", PROT_READ},
      {"PROT_WRITE", PROT_WRITE},
      {"MAP_SHARED", MAP_SHARED},
      {"MAP_PRIVATE", MAP_PRIVATE},
      {"MAP_DENYWRITE", MAP_DENYWRITE},
      {"MAP_EXECUTABLE", MAP_EXECUTABLE},
      {"MAP_ANON", MAP_ANONYMOUS},
      {"MAP_ANONYMOUS", MAP_ANONYMOUS},
      {"MAP_POPULATE", MAP_POPULATE},
      {"MAP_STACK", MAP_STACK},
      {"MADV_NORMAL", MADV_NORMAL},
      {"MADV_RANDOM", MADV_RANDOM},
      {"MADV_SEQUENTIAL", MADV_SEQUENTIAL},
      {"MADV_WILLNEED", MADV_WILLNEED},
      {"MADV_DONTNEED", MADV_DONTNEED},
      {"MADV_FREE", MADV_FREE},
      {"MADV_REMOVE", MADV_REMOVE},
      {"MADV_DONTFORK", MADV_DONTFORK},
      {"MADV_DOFORK", MADV_DOFORK},
      {"MADV_HWPOISON", MADV_HWPOISON},
      {"MADV_MERGEABLE", MADV_MERGEABLE},
      {"MADV_UNMERGEABLE", MADV_UNMERGEABLE},
      {"MADV_HUGEPAGE", MADV_HUGEPAGE},
      {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE},
      {"MADV_DONTDUMP", MADV_DONTDUMP},
      {"MADV_DODUMP", MADV_DODUMP},
  };
  for (const auto& [name, value] : kConstants)
    module_set(t, m, name, Value::small_int(value));
  module_set(t, m, "PAGESIZE", Value::small_int(page));
  module_set(t, m, "ALLOCATIONGRANULARITY", Value::small_int(page));
  register_buffer_provider(mmap_buffer);
  return m;
}

} // namespace interp
