// interp/modules/pickle_load.cc - the unpickler of the _pickle module (see pickle.h).
//
// The input is a C++ string: all of the data for loads(), and for a file what has been
// read and not consumed yet (a whole frame at a FRAME opcode; otherwise exactly what the
// next opcode needs, so that a file holding several pickles is left just after STOP).
// The stack is a Python list; the marks are positions in it (ints in a C++ vector, with
// CPython's "fence": no opcode may pop below the latest mark).
#include "interp/modules/modules.h"
#include "interp/modules/pickle.h"
#include "interp/objects/numbers.h"
#include "interp/ops.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace interp::pickle {

namespace {

// The items [from, to) of a list, as a new tuple or list.
Value slice_of(Thread& t, Value list, std::int64_t from, std::int64_t to, bool as_list) {
  std::int64_t n = to - from;
  if (as_list) {
    Value out = list_new(t, std::size_t(n));
    if (!out || n == 0) return out;
    Value storage = rd<ListObject>(list)->storage;
    ValueArray* dst = fresh<ValueArray>(fresh<ListObject>(out)->storage);
    const ValueArray* src = rd<ValueArray>(storage);
    for (std::int64_t i = 0; i < n; ++i)
      dst->items[i] = src->items[from + i];
    return out;
  }
  Value out = tuple_new(t, std::size_t(n));
  if (!out) return {};
  const ValueArray* src = n ? rd<ValueArray>(rd<ListObject>(list)->storage) : nullptr;
  for (std::int64_t i = 0; i < n; ++i)
    tuple_init(out, std::size_t(i), src->items[from + i]);
  return out;
}

// Drops the items from `n` on.
void truncate(Value list, std::int64_t n) {
  std::int64_t len = rd<ListObject>(list)->length;
  if (n >= len) return;
  ListObject* l = wr<ListObject>(list);
  ValueArray* a = wr<ValueArray>(l->storage);
  for (std::int64_t i = n; i < len; ++i)
    a->items[i] = {};
  l->length = n;
}

std::uint64_t little_endian(const char* p, int n) {
  std::uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

// Whether `s` is UTF-8 as the surrogatepass handler reads it (surrogates allowed).
bool valid_utf8(const unsigned char* s, std::size_t n, bool& ascii) {
  ascii = true;
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    ascii = false;
    int extra;
    char32_t cp, min;
    if ((c & 0xe0) == 0xc0) {
      extra = 1, cp = c & 0x1f, min = 0x80;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2, cp = c & 0x0f, min = 0x800;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + std::size_t(extra) >= n) return false;
    for (int k = 1; k <= extra; ++k) {
      unsigned char d = s[i + k];
      if ((d & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff) return false;
    i += std::size_t(extra) + 1;
  }
  return true;
}

class Loader {
public:
  Loader(Thread& t, const LoadSettings& s) : t_(t) {
    self_ = s.self;
    read_ = s.read;
    readline_ = s.readline;
    peek_ = s.peek;
    if (s.data) in_ = *s.data;
    encoding_ = s.encoding;
    errors_ = s.errors;
    fix_imports_ = s.fix_imports;
    buffers_ = s.buffers;
    if (self_) {
      const UnpicklerObject* u = rd<UnpicklerObject>(self_);
      pers_func_ = u->pers_func;
      memo_ = u->memo;
      memo_count_ = u->memo_count.small_int_value();
      plain_find_class_ = type_of(self_) == unpickler_type(t) && !rd<Object>(self_)->dict;
    } else {
      plain_find_class_ = true;
    }
  }

  Value load() {
    Value result = run();
    if (self_) {
      UnpicklerObject* u = wr<UnpicklerObject>(self_);
      u->memo_count = Value::small_int(memo_count_);
      u->proto = Value::small_int(proto_);
    }
    return result;
  }

private:
  // ---- errors -------------------------------------------------------------------------------
  Value fail(const char* message) { return raise_with(t_, unpickling_error(t_), message); }
  Value truncated() { return fail("pickle data was truncated"); }
  Value underflow() {
    return fail(marks_.empty() ? "unpickling stack underflow" : "unexpected MARK found");
  }

  // ---- input --------------------------------------------------------------------------------
  // Data from file.peek() is parsed in place, and the file is moved past what was used
  // (by reading it) before more is asked for and at the end: the file ends up just after
  // the pickle, as with exact reads, in far fewer calls (CPython's prefetching).
  static constexpr std::size_t kPrefetch = 8192 * 16;
  bool skip_consumed() {
    if (!prefetched_) return true;
    prefetched_ = false;
    std::size_t used = pos_;
    in_.clear();
    pos_ = 0;
    if (used == 0) return true;
    Value count = int_from_i64(t_, std::int64_t(used));
    return count && call1(t_, read_, count);
  }

  // Prefetches with file.peek() when nothing read is left over; false with an exception,
  // true otherwise (in_ may still hold fewer than n bytes).
  bool prefetch(std::size_t n) {
    if (!peek_ || n >= kPrefetch || pos_ != in_.size()) return true;
    Value data = call1(t_, peek_, Value::small_int(std::int64_t(kPrefetch)));
    if (!data) {
      if (!matches(t_, exc(E_NotImplementedError))) return false;
      clear_pending(t_);
      peek_ = {};
      return true;
    }
    in_.clear();
    pos_ = 0;
    if (!append_buffer(data)) return false;
    prefetched_ = in_.size() >= n;
    if (!prefetched_) in_.clear();
    return true;
  }

  // The next n bytes (valid until the next read), or null with the exception.
  const char* read(std::size_t n) {
    if (in_.size() - pos_ >= n) {
      const char* p = in_.data() + pos_;
      pos_ += n;
      return p;
    }
    if (!read_) return truncated(), nullptr;
    if (!skip_consumed() || !prefetch(n)) return nullptr;
    if (prefetched_) {
      pos_ = n;
      return in_.data();
    }
    in_.erase(0, pos_);
    pos_ = 0;
    std::size_t want = n - in_.size();
    Value count = int_from_i64(t_, std::int64_t(want));
    Value data = count ? call1(t_, read_, count) : Value();
    if (!data || !append_buffer(data)) return nullptr;
    if (in_.size() < n) return truncated(), nullptr;
    pos_ = n;
    return in_.data();
  }

  bool append_buffer(Value data) {
    std::string bytes;
    bool error = false;
    if (!buffer_contents(t_, data, bytes, error)) {
      if (!error)
        raisef(t_, exc(E_TypeError), "a bytes-like object is required, not '%s'",
               type_name_of(data).c_str());
      return false;
    }
    in_ += bytes;
    return true;
  }

  // One line with its '\n'; false with "pickle data was truncated" when the data ends
  // before a newline.
  bool readline(std::string_view& line) {
    std::size_t nl = in_.find('\n', pos_);
    if (nl == std::string::npos) {
      if (!readline_) return truncated(), false;
      if (!skip_consumed()) return false;
      Value data = call0(t_, readline_);
      if (!data || !append_buffer(data)) return false;
      nl = in_.find('\n', pos_);
      if (nl == std::string::npos) return truncated(), false;
    }
    line = std::string_view(in_.data() + pos_, nl + 1 - pos_);
    pos_ = nl + 1;
    return true;
  }

  // ---- stack --------------------------------------------------------------------------------
  std::int64_t size() const { return rd<ListObject>(stack_)->length; }
  std::int64_t fence() const { return marks_.empty() ? 0 : marks_.back(); }
  bool push(Value v) { return v && list_append(t_, stack_, v); }
  Value pop() {
    std::int64_t n = size();
    if (n <= fence()) return underflow();
    Value v = list_item(stack_, n - 1);
    truncate(stack_, n - 1);
    return v;
  }
  Value top() {
    std::int64_t n = size();
    if (n <= fence()) return underflow();
    return list_item(stack_, n - 1);
  }
  // The position of the latest mark, which is dropped; -1 with the exception.
  std::int64_t marker() {
    if (marks_.empty()) return fail("could not find MARK"), -1;
    std::int64_t m = marks_.back();
    marks_.pop_back();
    return m;
  }
  // The items from `start` on, removed from the stack, as a tuple or list.
  Value pop_items(std::int64_t start, bool as_list) {
    if (start < fence()) return underflow();
    std::int64_t n = size();
    Value items = slice_of(t_, stack_, start, n, as_list);
    if (items) truncate(stack_, start);
    return items;
  }

  // ---- memo ---------------------------------------------------------------------------------
  Value memo_get(std::int64_t idx) {
    if (idx < 0 || idx >= list_length(memo_)) return {};
    return list_item(memo_, idx);
  }
  bool memo_put(std::int64_t idx, Value v) {
    // Pickles number their memo entries one after the other; an index far past the
    // entries so far is hostile, and CPython's memo cannot be sized for it either.
    if (idx - list_length(memo_) > (std::int64_t(1) << 26)) return raise_memory_error(t_), false;
    while (list_length(memo_) <= idx)
      if (!list_append(t_, memo_, Value())) return false;
    if (!list_item(memo_, idx)) ++memo_count_;
    list_set_item(memo_, idx, v);
    return true;
  }
  bool get(std::int64_t idx) {
    Value v = memo_get(idx);
    if (!v) {
      std::string m = "Memo value not found at index " + std::to_string(idx);
      return fail(m.c_str()), false;
    }
    return push(v);
  }
  bool put(std::int64_t idx) {
    Value v = top();
    return v && memo_put(idx, v);
  }

  // ---- the loop -----------------------------------------------------------------------------
  Value run() {
    stack_ = list_new(t_);
    if (!stack_) return {};
    if (!memo_ && !(memo_ = list_new(t_))) return {};
    for (;;) {
      unsigned char op;
      if (pos_ < in_.size()) {
        op = static_cast<unsigned char>(in_[pos_++]);
      } else {
        const char* p = read(1);
        if (!p) {
          if (matches(t_, unpickling_error(t_))) {
            clear_pending(t_);
            raise(t_, exc(E_EOFError), "Ran out of input");
          }
          return {};
        }
        op = static_cast<unsigned char>(*p);
      }
      if (op == STOP) break;
      if (!step(op)) return {};
    }
    if (!skip_consumed()) return {};
    return pop();
  }

  bool step(unsigned char op) {
    switch (op) {
    case MARK:
      marks_.push_back(size());
      return true;
    case POP: {
      std::int64_t n = size();
      if (!marks_.empty() && marks_.back() == n) {
        marks_.pop_back();
        return true;
      }
      return bool(pop());
    }
    case POP_MARK: {
      std::int64_t m = marker();
      if (m < 0) return false;
      truncate(stack_, m);
      return true;
    }
    case DUP: {
      Value v = top();
      return v && push(v);
    }
    case NONE:
      return push(none());
    case NEWTRUE:
      return push(py_bool(true));
    case NEWFALSE:
      return push(py_bool(false));
    case BININT: {
      const char* p = read(4);
      return p && push(Value::small_int(std::int32_t(std::uint32_t(little_endian(p, 4)))));
    }
    case BININT1: {
      const char* p = read(1);
      return p && push(Value::small_int(static_cast<unsigned char>(*p)));
    }
    case BININT2: {
      const char* p = read(2);
      return p && push(Value::small_int(std::int64_t(little_endian(p, 2))));
    }
    case INT:
      return load_int();
    case LONG:
      return load_long();
    case LONG1:
    case LONG4:
      return load_counted_long(op == LONG1 ? 1 : 4);
    case FLOAT:
      return load_float();
    case BINFLOAT: {
      const char* p = read(8);
      if (!p) return false;
      std::uint64_t bits = 0;
      for (int i = 0; i < 8; ++i)
        bits = (bits << 8) | static_cast<unsigned char>(p[i]);
      double d;
      std::memcpy(&d, &bits, 8);
      return push(float_new(t_, d));
    }
    case SHORT_BINUNICODE:
      return load_unicode(1);
    case BINUNICODE:
      return load_unicode(4);
    case BINUNICODE8:
      return load_unicode(8);
    case UNICODE:
      return load_raw_unicode();
    case SHORT_BINBYTES:
      return load_bytes(1, false);
    case BINBYTES:
      return load_bytes(4, false);
    case BINBYTES8:
      return load_bytes(8, false);
    case BYTEARRAY8:
      return load_bytes(8, true);
    case SHORT_BINSTRING:
      return load_binstring(1);
    case BINSTRING:
      return load_binstring(4);
    case STRING:
      return load_string();
    case EMPTY_TUPLE:
      return push(runtime().empty_tuple);
    case TUPLE1:
    case TUPLE2:
    case TUPLE3: {
      std::int64_t n = op - TUPLE1 + 1;
      if (size() < n) return bool(underflow());
      return push(pop_items(size() - n, false));
    }
    case TUPLE: {
      std::int64_t m = marker();
      return m >= 0 && push(pop_items(m, false));
    }
    case EMPTY_LIST:
      return push(list_new(t_));
    case LIST: {
      std::int64_t m = marker();
      return m >= 0 && push(pop_items(m, true));
    }
    case EMPTY_DICT:
      return push(dict_new(t_));
    case DICT:
      return load_dict();
    case EMPTY_SET:
      return push(set_new(t_, false));
    case FROZENSET: {
      std::int64_t m = marker();
      if (m < 0) return false;
      Value items = pop_items(m, false);
      return items && push(call1(t_, type_value(T_frozenset), items));
    }
    case APPEND:
      return do_append(size() - 1);
    case APPENDS: {
      std::int64_t m = marker();
      return m >= 0 && do_append(m);
    }
    case SETITEM:
      return do_setitems(size() - 2);
    case SETITEMS: {
      std::int64_t m = marker();
      return m >= 0 && do_setitems(m);
    }
    case ADDITEMS:
      return load_additems();
    case BINGET: {
      const char* p = read(1);
      return p && get(static_cast<unsigned char>(*p));
    }
    case LONG_BINGET: {
      const char* p = read(4);
      return p && get(std::int64_t(little_endian(p, 4)));
    }
    case GET: {
      std::int64_t idx;
      return read_decimal_line(idx) && get(idx);
    }
    case BINPUT: {
      const char* p = read(1);
      return p && put(static_cast<unsigned char>(*p));
    }
    case LONG_BINPUT: {
      const char* p = read(4);
      return p && put(std::int64_t(little_endian(p, 4)));
    }
    case PUT: {
      std::int64_t idx;
      if (!read_decimal_line(idx)) return false;
      if (idx < 0) return raise(t_, exc(E_ValueError), "negative PUT argument"), false;
      return put(idx);
    }
    case MEMOIZE:
      return put(memo_count_);
    case PROTO: {
      const char* p = read(1);
      if (!p) return false;
      int v = static_cast<unsigned char>(*p);
      if (v > kHighestProtocol)
        return raisef(t_, exc(E_ValueError), "unsupported pickle protocol: %d", v), false;
      proto_ = v;
      return true;
    }
    case FRAME: {
      const char* p = read(8);
      if (!p) return false;
      std::uint64_t len = little_endian(p, 8);
      if (len > std::uint64_t(INT64_MAX))
        return raise(t_, exc(E_OverflowError),
                     "FRAME length exceeds system's maximum of 9223372036854775807 bytes"),
               false;
      if (!read(std::size_t(len))) return false;
      pos_ -= std::size_t(len);
      return true;
    }
    case GLOBAL:
      return load_global();
    case STACK_GLOBAL: {
      Value global_name = pop();
      Value module_name = global_name ? pop() : Value();
      if (!module_name || !is_exact(module_name, T_str) || !is_exact(global_name, T_str)) {
        if (t_.pending && !matches(t_, unpickling_error(t_))) return false;
        clear_pending(t_);
        return fail("STACK_GLOBAL requires str"), false;
      }
      return push(call_find_class(module_name, global_name));
    }
    case EXT1:
    case EXT2:
    case EXT4:
      return load_extension(op == EXT1 ? 1 : op == EXT2 ? 2 : 4);
    case REDUCE: {
      Value args = pop();
      Value callable = args ? pop() : Value();
      if (!callable) return false;
      if (!isinstance(args, T_tuple))
        return raise(t_, exc(E_TypeError), "argument list must be a tuple"), false;
      return push(call_ex(t_, callable, args, {}));
    }
    case NEWOBJ:
    case NEWOBJ_EX:
      return load_newobj(op == NEWOBJ_EX);
    case BUILD:
      return load_build();
    case INST:
      return load_inst();
    case OBJ: {
      std::int64_t m = marker();
      if (m < 0) return false;
      if (size() - m < 1) return bool(underflow());
      Value args = pop_items(m + 1, false);
      Value cls = args ? pop() : Value();
      return cls && push(instantiate(cls, args));
    }
    case PERSID:
      return load_persid();
    case BINPERSID: {
      if (!pers_func_) return no_persistent_load();
      Value pid = pop();
      return pid && push(call1(t_, pers_func_, pid));
    }
    case NEXT_BUFFER: {
      if (!buffers_)
        return fail("pickle stream refers to out-of-band data but no *buffers* argument was "
                    "given"),
               false;
      Value buf = next(t_, buffers_);
      if (!buf) {
        if (!t_.pending) fail("not enough out-of-band buffers");
        return false;
      }
      return push(buf);
    }
    case READONLY_BUFFER: {
      std::int64_t n = size();
      if (n <= fence()) return bool(underflow());
      Value obj = list_item(stack_, n - 1);
      Value view = call1(t_, type_value(T_memoryview), obj);
      if (!view) return false;
      Value ro_flag = getattr(t_, view, intern_literal(t_, "readonly"));
      if (!ro_flag) return false;
      if (ro_flag != py_bool(true)) {
        Value fn = getattr(t_, view, intern_literal(t_, "toreadonly"));
        Value ro_view = fn ? call0(t_, fn) : Value();
        if (!ro_view) return false;
        list_set_item(stack_, n - 1, ro_view);
      }
      return true;
    }
    default:
      if (op >= 0x20 && op <= 0x7e && op != '\'' && op != '\\') {
        std::string m = "invalid load key, '";
        m += char(op);
        m += "'.";
        fail(m.c_str());
      } else {
        char m[40];
        std::snprintf(m, sizeof m, "invalid load key, '\\x%02x'.", op);
        fail(m);
      }
      return false;
    }
  }

  // ---- numbers ------------------------------------------------------------------------------
  bool load_int() {
    std::string_view line;
    if (!readline(line)) return false;
    if (line.size() < 2) return bool(truncated());
    std::string s(line);
    errno = 0;
    char* end = nullptr;
    long long x = std::strtoll(s.c_str(), &end, 0);
    if (errno || (*end != '\n' && *end != '\0')) {
      Value v = int_from_text(t_, s, 0);
      if (!v) {
        clear_pending(t_);
        return raise(t_, exc(E_ValueError), "could not convert string to int"), false;
      }
      return push(v);
    }
    if (line.size() == 3 && (x == 0 || x == 1)) return push(py_bool(x == 1));
    return push(int_from_i64(t_, x));
  }

  bool load_long() {
    std::string_view line;
    if (!readline(line)) return false;
    if (line.size() < 2) return bool(truncated());
    // Up to the 'L', or the whole line with its newline (CPython cuts the text there).
    std::string s(line);
    if (s[s.size() - 2] == 'L') s.resize(s.size() - 2);
    Value v = int_from_text(t_, s, 0);
    if (!v && matches(t_, exc(E_ValueError))) {
      // The message names the base the text's prefix chose, as CPython's does.
      clear_pending(t_);
      std::size_t i = 0;
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      int base = 10;
      if (i < s.size() && s[i] == '0') {
        char c = i + 1 < s.size() ? char(std::tolower(static_cast<unsigned char>(s[i + 1]))) : 0;
        base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
      }
      Value text = str_from_utf8(t_, s.substr(0, 200));
      if (!text) return false;
      return raisef(t_, exc(E_ValueError), "invalid literal for int() with base %d: %s", base,
                    repr_utf8(t_, text).c_str()),
             false;
    }
    return push(v);
  }

  bool load_counted_long(int nbytes) {
    const char* p = read(std::size_t(nbytes));
    if (!p) return false;
    std::int64_t n = nbytes == 1 ? static_cast<unsigned char>(*p)
                                 : std::int64_t(std::int32_t(std::uint32_t(little_endian(p, 4))));
    if (n < 0) return fail("LONG pickle has negative byte count"), false;
    if (n == 0) return push(Value::small_int(0));
    p = read(std::size_t(n));
    if (!p) return false;
    if (n <= 8) {
      std::uint64_t u = little_endian(p, int(n));
      std::int64_t v;
      if (n == 8) {
        v = std::int64_t(u);
      } else {
        int shift = 64 - int(n) * 8;
        v = std::int64_t(u << shift) >> shift;
      }
      return push(int_from_i64(t_, v));
    }
    num::BigInt b =
        num::from_bytes({reinterpret_cast<const std::uint8_t*>(p), std::size_t(n)}, false, true);
    return push(int_from_big(t_, b));
  }

  bool load_float() {
    std::string_view line;
    if (!readline(line)) return false;
    if (line.size() < 2) return bool(truncated());
    std::string s(line);
    char* end = nullptr;
    errno = 0;
    double d = std::isspace(static_cast<unsigned char>(s[0])) ? 0 : std::strtod(s.c_str(), &end);
    if (!end || end == s.c_str())
      return raisef(t_, exc(E_ValueError), "could not convert string to float: '%.200s'",
                    s.c_str()),
             false;
    if (*end != '\n' && *end != '\0')
      return raise(t_, exc(E_ValueError), "could not convert string to float"), false;
    if (errno == ERANGE && std::isinf(d))
      return raisef(t_, exc(E_OverflowError), "value too large to convert to float: '%.200s'",
                    s.c_str()),
             false;
    return push(float_new(t_, d));
  }

  // GET and PUT's decimal argument.
  bool read_decimal_line(std::int64_t& out) {
    std::string_view line;
    if (!readline(line)) return false;
    Value v = int_from_text(t_, line, 10);
    if (!v) return false;
    if (!int_to_i64(v, out))
      return raise(t_, exc(E_OverflowError), "Python int too large to convert to C ssize_t"), false;
    return true;
  }

  // ---- text and bytes -----------------------------------------------------------------------
  // The size of a counted opcode's argument; -1 (with the exception) when too big.
  bool read_size(int nbytes, std::size_t& out) {
    const char* p = read(std::size_t(nbytes));
    if (!p) return false;
    std::uint64_t n = little_endian(p, nbytes);
    if (n > std::uint64_t(INT64_MAX)) return false;
    out = std::size_t(n);
    return true;
  }

  Value decode_utf8(const char* p, std::size_t n) {
    bool ascii;
    if (valid_utf8(reinterpret_cast<const unsigned char*>(p), n, ascii)) {
      return ascii ? str_from_ascii(t_, std::string_view(p, n))
                   : str_from_utf8(t_, std::string_view(p, n));
    }
    Value b = bytes_new(t_, std::string_view(p, n));
    return b ? decode_with(b, "utf-8", "surrogatepass") : Value();
  }

  Value decode_with(Value bytes, const char* encoding, const char* errors) {
    Value a[2] = {intern_literal(t_, encoding), intern_literal(t_, errors)};
    return decode_with(bytes, a[0], a[1]);
  }
  Value decode_with(Value bytes, Value encoding, Value errors) {
    Value fn = getattr(t_, bytes, intern_literal(t_, "decode"));
    if (!fn) return {};
    Value a[2] = {encoding, errors};
    return call(t_, fn, a, 2);
  }

  bool load_unicode(int nbytes) {
    std::size_t n;
    if (!read_size(nbytes, n)) {
      if (!t_.pending)
        fail("BINUNICODE exceeds system's maximum size of 9223372036854775807 bytes");
      return false;
    }
    const char* p = read(n);
    return p && push(decode_utf8(p, n));
  }

  bool load_raw_unicode() {
    std::string_view line;
    if (!readline(line)) return false;
    if (line.size() < 1) return bool(truncated());
    Value b = bytes_new(t_, line.substr(0, line.size() - 1));
    return b && push(decode_with(b, "raw-unicode-escape", "strict"));
  }

  bool load_bytes(int nbytes, bool bytearray) {
    std::size_t n;
    if (!read_size(nbytes, n)) {
      if (!t_.pending)
        fail(bytearray ? "BYTEARRAY8 exceeds system's maximum size of 9223372036854775807 bytes"
                       : "BINBYTES exceeds system's maximum size of 9223372036854775807 bytes");
      return false;
    }
    const char* p = read(n);
    if (!p) return false;
    Value b = bytes_new(t_, std::string_view(p, n));
    if (!b) return false;
    return push(bytearray ? call1(t_, type_value(T_bytearray), b) : b);
  }

  // A Python 2 str: bytes when the encoding is 'bytes', else decoded.
  Value py2_string(Value bytes) {
    if (!bytes) return {};
    if (str_equal_ascii(encoding_, "bytes")) return bytes;
    return decode_with(bytes, encoding_, errors_);
  }

  bool load_binstring(int nbytes) {
    const char* p = read(std::size_t(nbytes));
    if (!p) return false;
    std::uint64_t n = little_endian(p, nbytes);
    p = read(std::size_t(n));
    if (!p) return false;
    return push(py2_string(bytes_new(t_, std::string_view(p, std::size_t(n)))));
  }

  bool load_string() {
    std::string_view line;
    if (!readline(line)) return false;
    std::size_t len = line.size() - 1;
    if (len < 2 || line[0] != line[len - 1] || (line[0] != '\'' && line[0] != '"'))
      return fail("the STRING opcode argument must be quoted"), false;
    Value raw = bytes_new(t_, line.substr(1, len - 2));
    Value decoder = raw ? module_value(t_, "codecs", "escape_decode") : Value();
    Value r = decoder ? call1(t_, decoder, raw) : Value();
    if (!r) return false;
    return push(py2_string(tuple_item(r, 0)));
  }

  // ---- containers ---------------------------------------------------------------------------
  bool load_dict() {
    std::int64_t m = marker();
    if (m < 0) return false;
    std::int64_t n = size();
    Value d = dict_new(t_);
    if (!d) return false;
    if ((n - m) % 2 != 0) return fail("odd number of items for DICT"), false;
    for (std::int64_t k = m + 1; k < n; k += 2)
      if (!dict_set(t_, d, list_item(stack_, k - 1), list_item(stack_, k))) return false;
    truncate(stack_, m);
    return push(d);
  }

  bool do_append(std::int64_t x) {
    std::int64_t len = size();
    if (x > len || x <= fence()) return bool(underflow());
    if (len == x) return true;
    Value list = list_item(stack_, x - 1);
    if (is_exact(list, T_list)) {
      for (std::int64_t i = x; i < len; ++i)
        if (!list_append(t_, list, list_item(stack_, i))) return false;
      truncate(stack_, x);
      return true;
    }
    Value extend = lookup_attr(t_, list, "extend");
    if (extend) {
      Value items = pop_items(x, true);
      return items && call1(t_, extend, items);
    }
    if (t_.pending) return false;
    Value append = getattr(t_, list, name(N_append));
    if (!append) return false;
    for (std::int64_t i = x; i < len; ++i) {
      if (!call1(t_, append, list_item(stack_, i))) {
        truncate(stack_, x);
        return false;
      }
    }
    truncate(stack_, x);
    return true;
  }

  bool do_setitems(std::int64_t x) {
    std::int64_t len = size();
    if (x > len || x <= fence()) return bool(underflow());
    if (len == x) return true;
    if ((len - x) % 2 != 0) return fail("odd number of items for SETITEMS"), false;
    Value dict = list_item(stack_, x - 1);
    bool exact = is_exact(dict, T_dict);
    for (std::int64_t i = x + 1; i < len; i += 2) {
      Value key = list_item(stack_, i - 1), value = list_item(stack_, i);
      if (!(exact ? dict_set(t_, dict, key, value) : setitem(t_, dict, key, value))) {
        truncate(stack_, x);
        return false;
      }
    }
    truncate(stack_, x);
    return true;
  }

  bool load_additems() {
    std::int64_t m = marker();
    if (m < 0) return false;
    std::int64_t len = size();
    if (m > len || m <= fence()) return bool(underflow());
    if (len == m) return true;
    Value set = list_item(stack_, m - 1);
    if (is_exact(set, T_set)) {
      for (std::int64_t i = m; i < len; ++i)
        if (!set_add(t_, set, list_item(stack_, i))) return false;
      truncate(stack_, m);
      return true;
    }
    Value add = getattr(t_, set, intern_literal(t_, "add"));
    if (!add) return false;
    for (std::int64_t i = m; i < len; ++i) {
      if (!call1(t_, add, list_item(stack_, i))) {
        truncate(stack_, m);
        return false;
      }
    }
    truncate(stack_, m);
    return true;
  }

  // ---- objects ------------------------------------------------------------------------------
  Value call_find_class(Value module_name, Value global_name) {
    if (plain_find_class_) return find_class(t_, module_name, global_name, proto_, fix_imports_);
    wr<UnpicklerObject>(self_)->proto = Value::small_int(proto_);
    Value fn = getattr(t_, self_, intern_literal(t_, "find_class"));
    return fn ? call2(t_, fn, module_name, global_name) : Value();
  }

  // A line of GLOBAL or INST, decoded (UTF-8 or ASCII).
  Value name_line(bool ascii_only) {
    std::string_view line;
    if (!readline(line)) return {};
    if (line.size() < 2) return truncated();
    Value b = bytes_new(t_, line.substr(0, line.size() - 1));
    return b ? decode_with(b, ascii_only ? "ascii" : "utf-8", "strict") : Value();
  }

  bool load_global() {
    Value module_name = name_line(false);
    Value global_name = module_name ? name_line(false) : Value();
    return global_name && push(call_find_class(module_name, global_name));
  }

  bool load_inst() {
    std::int64_t m = marker();
    if (m < 0) return false;
    Value module_name = name_line(true);
    Value class_name = module_name ? name_line(true) : Value();
    Value cls = class_name ? call_find_class(module_name, class_name) : Value();
    if (!cls) return false;
    Value args = pop_items(m, false);
    return args && push(instantiate(cls, args));
  }

  Value instantiate(Value cls, Value args) {
    if (tuple_length(args) == 0 && is_layout(cls, Layout::Type)) {
      Value init_args = lookup_attr(t_, cls, "__getinitargs__");
      if (!init_args) {
        if (t_.pending) return {};
        Value fn = getattr(t_, cls, name(N___new__));
        return fn ? call1(t_, fn, cls) : Value();
      }
    }
    return call_ex(t_, cls, args, {});
  }

  bool load_newobj(bool with_kwargs) {
    const char* op = with_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
    Value kwargs;
    if (with_kwargs && !(kwargs = pop())) return false;
    Value args = pop();
    Value cls = args ? pop() : Value();
    if (!cls) return false;
    std::string message;
    if (!is_layout(cls, Layout::Type)) {
      message = std::string(op) + " class argument must be a type, not " + type_name_of(cls);
    } else if (!isinstance(args, T_tuple)) {
      message = std::string(op) + " args argument must be a tuple, not " + type_name_of(args);
    } else if (with_kwargs && !dict_check(kwargs)) {
      message = std::string(op) + " kwargs argument must be a dict, not " + type_name_of(kwargs);
    }
    if (!message.empty()) return fail(message.c_str()), false;
    Value fn = getattr(t_, cls, name(N___new__));
    if (!fn) return false;
    Value full = tuple_new(t_, std::size_t(tuple_length(args) + 1));
    if (!full) return false;
    tuple_init(full, 0, cls);
    for (std::int64_t i = 0; i < tuple_length(args); ++i)
      tuple_init(full, std::size_t(i + 1), tuple_item(args, i));
    return push(call_ex(t_, fn, full, with_kwargs ? kwargs : Value()));
  }

  bool load_build() {
    Value state = pop();
    if (!state) return false;
    Value inst = top();
    if (!inst) return false;
    Value setstate = lookup_attr(t_, inst, "__setstate__");
    if (setstate) return bool(call1(t_, setstate, state));
    if (t_.pending) return false;
    Value slotstate;
    if (isinstance(state, T_tuple) && tuple_length(state) == 2) {
      slotstate = tuple_item(state, 1);
      state = tuple_item(state, 0);
    }
    if (state != none()) {
      if (!dict_check(state)) return fail("state is not a dictionary"), false;
      Value dict = getattr(t_, inst, name(N___dict__));
      if (!dict) return false;
      std::int64_t pos = 0;
      Value key, value;
      bool exact = is_exact(dict, T_dict);
      while (dict_next(state, pos, key, value))
        if (!(exact ? dict_set(t_, dict, key, value) : setitem(t_, dict, key, value))) return false;
    }
    if (slotstate) {
      if (!dict_check(slotstate)) return fail("slot state is not a dictionary"), false;
      std::int64_t pos = 0;
      Value key, value;
      while (dict_next(slotstate, pos, key, value))
        if (!setattr(t_, inst, key, value)) return false;
    }
    return true;
  }

  bool no_persistent_load() {
    return fail("A load persistent id instruction was encountered,\nbut no persistent_load "
                "function was specified."),
           false;
  }

  bool load_persid() {
    if (!pers_func_) return no_persistent_load();
    std::string_view line;
    if (!readline(line)) return false;
    if (line.size() < 1) return bool(truncated());
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
      if (static_cast<unsigned char>(line[i]) >= 0x80)
        return fail("persistent IDs in protocol 0 must be ASCII strings"), false;
    Value pid = str_from_ascii(t_, line.substr(0, line.size() - 1));
    return pid && push(call1(t_, pers_func_, pid));
  }

  bool load_extension(int nbytes) {
    const char* p = read(std::size_t(nbytes));
    if (!p) return false;
    std::int64_t code = std::int64_t(little_endian(p, nbytes));
    if (nbytes == 4) code = std::int32_t(std::uint32_t(code));
    if (code <= 0) return fail("EXT specifies code <= 0"), false;
    Value key = int_from_i64(t_, code);
    Value cache = module_value(t_, "copyreg", "_extension_cache");
    if (!key || !cache) return false;
    bool error = false;
    if (Value obj = dict_get(t_, cache, key, error)) return push(obj);
    if (error) return false;
    Value inverted = module_value(t_, "copyreg", "_inverted_registry");
    if (!inverted) return false;
    Value pair = dict_get(t_, inverted, key, error);
    if (!pair) {
      if (!error)
        raisef(t_, exc(E_ValueError), "unregistered extension code %lld", (long long)code);
      return false;
    }
    if (!isinstance(pair, T_tuple) || tuple_length(pair) != 2 || !str_check(tuple_item(pair, 0)) ||
        !str_check(tuple_item(pair, 1)))
      return raisef(t_, exc(E_ValueError), "_inverted_registry[%lld] isn't a 2-tuple of strings",
                    (long long)code),
             false;
    Value obj = call_find_class(tuple_item(pair, 0), tuple_item(pair, 1));
    if (!obj || !dict_set(t_, cache, key, obj)) return false;
    return push(obj);
  }

  Thread& t_;
  Value self_, read_, readline_, peek_, encoding_, errors_, buffers_, pers_func_;
  Value stack_, memo_;
  std::int64_t memo_count_ = 0;
  std::string in_;
  std::size_t pos_ = 0;
  bool prefetched_ = false; // in_ came from file.peek(): the file has not moved past it
  std::vector<std::int64_t> marks_;
  int proto_ = 0;
  bool fix_imports_ = true;
  bool plain_find_class_ = true;
};

// The mapping `attr` of _compat_pickle's, looked up with `key`: the value, or 0 (with an
// exception only on error).
Value compat_lookup(Thread& t, const char* attr, Value key, bool& error) {
  error = false;
  Value mapping = module_value(t, "_compat_pickle", attr);
  if (!mapping) return error = true, Value();
  Value v = dict_get(t, mapping, key, error);
  return v;
}

} // namespace

Value find_class(Thread& t, Value module_name, Value global_name, int proto, bool fix_imports) {
  // The audit event CPython's find_class raises (pickle.py's raises it too).
  Value audit = module_value(t, "sys", "audit");
  Value event[3] = {intern_literal(t, "pickle.find_class"), module_name, global_name};
  if (!audit || !event[0] || !call(t, audit, event, 3)) return {};
  if (proto < 3 && fix_imports) {
    Value pair[2] = {module_name, global_name};
    Value key = tuple_from(t, pair, 2);
    if (!key) return {};
    bool error = false;
    Value item = compat_lookup(t, "NAME_MAPPING", key, error);
    if (error) return {};
    if (item) {
      if (!isinstance(item, T_tuple) || tuple_length(item) != 2)
        return raisef(t, exc(E_RuntimeError),
                      "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %s",
                      type_name_of(item).c_str());
      module_name = tuple_item(item, 0);
      global_name = tuple_item(item, 1);
      if (!str_check(module_name) || !str_check(global_name))
        return raisef(t, exc(E_RuntimeError),
                      "_compat_pickle.NAME_MAPPING values should be pairs of str, not (%s, %s)",
                      type_name_of(module_name).c_str(), type_name_of(global_name).c_str());
    } else {
      item = compat_lookup(t, "IMPORT_MAPPING", module_name, error);
      if (error) return {};
      if (item) {
        if (!str_check(item))
          return raisef(t, exc(E_RuntimeError),
                        "_compat_pickle.IMPORT_MAPPING values should be strings, not %s",
                        type_name_of(item).c_str());
        module_name = item;
      }
    }
  }
  if (!str_check(module_name))
    return raisef(t, exc(E_TypeError), "module name must be str, not %s",
                  type_name_of(module_name).c_str());
  Value module = import_module(t, str_utf8(module_name));
  if (!module) return {};
  Value attr;
  if (proto >= 4) {
    Value path = dotted_path(t, module, global_name);
    if (!path) return {};
    attr = deep_attribute(t, module, path, nullptr);
  } else {
    attr = getattr_opt(t, module, global_name);
  }
  if (!attr && !t.pending)
    return raisef(t, exc(E_AttributeError), "Can't get attribute %s on %s",
                  repr_utf8(t, global_name).c_str(), repr_utf8(t, module).c_str());
  return attr;
}

Value run_load(Thread& t, const LoadSettings& settings) {
  Loader loader(t, settings);
  return loader.load();
}

} // namespace interp::pickle
