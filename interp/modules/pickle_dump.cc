// interp/modules/pickle_dump.cc - the pickler of the _pickle module (see pickle.h).
//
// The pickle is built in a C++ string, with CPython's framing for protocol 4 and up: a
// frame is opened by the first write after the previous one closed, and closed (its
// FRAME header filled in, or dropped when it holds under 4 bytes) when it has grown past
// 64 KiB at the start of an object, before a large bytes or str payload, and at the end.
// A Pickler writing to a file hands each closed frame to file.write; dumps() makes one
// bytes object at the end. The memo is two Python lists (the objects and their indexes,
// which keep the objects alive) with a C++ hash table from object identity to memo
// index, rebuilt from the lists at each dump.
#include "interp/modules/modules.h"
#include "interp/modules/pickle.h"
#include "interp/num/bigint.h"
#include "interp/num/float_text.h"
#include "interp/objects/numbers.h"
#include "interp/ops.h"

#include <cstdio>
#include <cstring>
#include <vector>

namespace interp::pickle {

namespace {

constexpr int kFastNestingLimit = 50;

// The memo's index: object identity (a Value's bits, never 0) to memo index, open
// addressing with linear probing. The objects themselves are kept alive by the memo's
// lists.
class IdentityMap {
public:
  IdentityMap() : slots_(16) {}
  std::size_t size() const { return used_; }
  const std::int64_t* find(std::uint64_t key) const {
    for (std::size_t i = start(key);; i = (i + 1) & mask()) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == 0) return nullptr;
    }
  }
  void set(std::uint64_t key, std::int64_t value) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    Slot& s = probe(key);
    if (s.key == 0) ++used_;
    s.key = key;
    s.value = value;
  }

private:
  struct Slot {
    std::uint64_t key = 0;
    std::int64_t value = 0;
  };
  std::size_t mask() const { return slots_.size() - 1; }
  std::size_t start(std::uint64_t key) const {
    return std::size_t((key * 0x9e3779b97f4a7c15ull) >> 20) & mask();
  }
  Slot& probe(std::uint64_t key) {
    std::size_t i = start(key);
    while (slots_[i].key != 0 && slots_[i].key != key)
      i = (i + 1) & mask();
    return slots_[i];
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.key) probe(s.key) = s;
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

class Dumper {
public:
  Dumper(Thread& t, const DumpSettings& s) : t_(t) {
    self_ = s.self;
    write_ = s.write;
    proto_ = s.proto;
    bin_ = proto_ > 0;
    fix_imports_ = s.fix_imports;
    buffer_callback_ = s.buffer_callback;
  }

  Value run(Value obj) {
    if (!setup()) return {};
    if (proto_ >= 2) {
      put(PROTO);
      put(char(proto_));
      if (proto_ >= 4) framing_ = true;
    }
    bool ok = save(obj);
    if (ok) {
      put(STOP);
      commit_frame();
    }
    framing_ = false;
    if (!ok) return {};
    if (!write_) return bytes_new(t_, out_);
    return flush() ? none() : Value();
  }

private:
  bool setup() {
    if (self_) {
      const PicklerObject* p = rd<PicklerObject>(self_);
      memo_objs_ = p->memo_objs;
      memo_ids_ = p->memo_ids;
      pers_func_ = p->pers_func;
      dispatch_table_ = p->dispatch_table;
      fast_ = p->fast.small_int_value() != 0;
      for (std::int64_t i = 0; i < list_length(memo_objs_); ++i)
        memo_.set(list_item(memo_objs_, i).bits(), list_item(memo_ids_, i).small_int_value());
      reducer_override_ = lookup_attr(t_, self_, "reducer_override");
      if (t_.pending) return false;
    } else {
      // Only the objects, to keep them alive: a memoized temporary (a reduce value's
      // state) must not die and leave its identity to a new object.
      if (!(memo_objs_ = list_new(t_))) return false;
    }
    return true;
  }

  // ---- output -------------------------------------------------------------------------------
  void open_frame() {
    if (framing_ && frame_start_ < 0) {
      frame_start_ = std::int64_t(out_.size());
      out_.append(kFrameHeaderSize, '\xfe');
    }
  }
  void put(char c) {
    open_frame();
    out_.push_back(c);
  }
  void put(unsigned char c) { put(char(c)); }
  void put(Op op) { put(char(op)); }
  void put(std::string_view s) {
    open_frame();
    out_.append(s);
  }
  static void little_endian(char* out, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i)
      out[i] = char((v >> (8 * i)) & 0xff);
  }
  void put_le(std::uint64_t v, int n) {
    char b[8];
    little_endian(b, v, n);
    put(std::string_view(b, std::size_t(n)));
  }

  // The header of a payload of n bytes in `header` (9 bytes): `op1` with a one-byte
  // count when n fits and `op1_ok`, else `op4`, else from protocol 4 on `op8`. Its size,
  // or 0 with OverflowError.
  std::size_t counted_header(std::size_t n, Op op1, bool op1_ok, Op op4, Op op8, const char* what,
                             char* header) {
    if (n <= 0xff && op1_ok) {
      header[0] = char(op1);
      header[1] = char(n);
      return 2;
    }
    if (n <= 0xffffffffULL) {
      header[0] = char(op4);
      little_endian(header + 1, n, 4);
      return 5;
    }
    if (proto_ >= 4) {
      header[0] = char(op8);
      little_endian(header + 1, n, 8);
      return 9;
    }
    raisef(t_, exc(E_OverflowError),
           "serializing %s larger than 4 GiB requires pickle protocol 4 or higher", what);
    return 0;
  }

  void commit_frame() {
    if (!framing_ || frame_start_ < 0) return;
    std::size_t start = std::size_t(frame_start_);
    std::size_t len = out_.size() - start - kFrameHeaderSize;
    if (len >= kFrameSizeMin) {
      out_[start] = char(FRAME);
      little_endian(&out_[start + 1], len, 8);
    } else {
      out_.erase(start, kFrameHeaderSize);
    }
    frame_start_ = -1;
  }

  bool flush() {
    Value b = bytes_new(t_, out_);
    if (!b || !call1(t_, write_, b)) return false;
    out_.clear();
    frame_start_ = -1;
    return true;
  }

  // At the start of each object: a frame past its target size is closed (and written out
  // when there is a file).
  bool boundary() {
    if (!framing_ || frame_start_ < 0) return true;
    if (out_.size() - std::size_t(frame_start_) - kFrameHeaderSize < kFrameSizeTarget) return true;
    commit_frame();
    return !write_ || flush();
  }

  // An opcode's header and a payload; a payload of 64 KiB or more goes outside any frame
  // (straight to the file, as `payload` when given).
  bool put_payload(std::string_view header, std::string_view data, Value payload) {
    bool bypass = data.size() >= kFrameSizeTarget;
    bool framing = framing_;
    if (bypass) {
      commit_frame();
      framing_ = false;
    }
    put(header);
    if (bypass && write_) {
      // The payload is made before any Python code runs: `data` may be a str's storage.
      if (!payload && !(payload = bytes_new(t_, data))) return false;
      if (!flush() || !call1(t_, write_, payload)) return false;
      out_.clear();
      frame_start_ = -1;
    } else {
      put(data);
    }
    framing_ = framing;
    return true;
  }

  // ---- memo ---------------------------------------------------------------------------------
  const std::int64_t* memo_find(Value obj) const { return memo_.find(obj.bits()); }

  bool memo_put(Value obj) {
    if (fast_) return true;
    std::int64_t idx = std::int64_t(memo_.size());
    memo_.set(obj.bits(), idx);
    if (!list_append(t_, memo_objs_, obj) ||
        (memo_ids_ && !list_append(t_, memo_ids_, Value::small_int(idx))))
      return false;
    if (proto_ >= 4)
      put(MEMOIZE);
    else
      put_memo_index(idx, PUT, BINPUT, LONG_BINPUT);
    return true;
  }

  bool memo_get(std::int64_t idx) {
    put_memo_index(idx, GET, BINGET, LONG_BINGET);
    return true;
  }

  // PUT or GET with a memo index: in decimal for protocol 0, else in one or four bytes.
  void put_memo_index(std::int64_t idx, Op text, Op one_byte, Op four_bytes) {
    if (!bin_) {
      put(text);
      put(std::to_string(idx) + "\n");
    } else if (idx < 256) {
      put(one_byte);
      put(char(idx));
    } else {
      put(four_bytes);
      put_le(std::uint64_t(idx), 4);
    }
  }

  // ---- errors -------------------------------------------------------------------------------
  bool fail(const std::string& message) {
    raise_with(t_, pickling_error(t_), message);
    return false;
  }

  // ---- save ---------------------------------------------------------------------------------
  bool save(Value obj, bool pers_save = false) {
    if (!boundary()) return false;
    if (!pers_save && pers_func_) {
      int r = save_pers(obj);
      if (r != 0) return r > 0;
    }
    if (obj.is_small_int()) return save_int(obj);
    if (obj.is_tagged_float()) return save_float(obj.tagged_float_value());
    if (obj == none()) return put(NONE), true;
    if (obj == py_bool(true) || obj == py_bool(false)) {
      bool b = obj == py_bool(true);
      if (proto_ >= 2)
        put(b ? NEWTRUE : NEWFALSE);
      else
        put(b ? "I01\n" : "I00\n");
      return true;
    }
    Value type = type_of(obj);
    if (type == type_value(T_int)) return save_int(obj);
    if (type == type_value(T_float)) return save_float(float_value(obj));
    if (const std::int64_t* idx = memo_find(obj)) return memo_get(*idx);
    if (type == type_value(T_bytes)) return save_bytes(obj);
    if (type == type_value(T_str)) return save_str(obj);

    CRecursion guard(t_, " while pickling an object");
    if (!guard) return false;
    if (type == type_value(T_dict)) return save_dict(obj);
    if (type == type_value(T_set)) return save_set(obj);
    if (type == type_value(T_frozenset)) return save_frozenset(obj);
    if (type == type_value(T_list)) return save_list(obj);
    if (type == type_value(T_tuple)) return save_tuple(obj);
    if (type == type_value(T_bytearray)) return save_bytearray(obj);

    if (is_picklebuffer(obj)) return save_picklebuffer(obj);

    Value rv;
    if (reducer_override_) {
      rv = call1(t_, reducer_override_, obj);
      if (!rv) return false;
      if (rv == runtime().not_implemented) rv = {};
    }
    if (!rv) {
      if (type == type_value(T_type)) return save_type(obj);
      if (type == type_value(T_function)) return save_global(obj, {});
      Value reduce_func;
      if (!dispatch_table_) {
        if (!copyreg_dispatch_ &&
            !(copyreg_dispatch_ = module_value(t_, "copyreg", "dispatch_table")))
          return false;
        bool error = false;
        reduce_func = dict_get(t_, copyreg_dispatch_, type, error);
        if (error) return false;
      } else {
        reduce_func = getitem(t_, dispatch_table_, type);
        if (!reduce_func) {
          if (!matches(t_, exc(E_KeyError))) return false;
          clear_pending(t_);
        }
      }
      if (reduce_func) {
        rv = call1(t_, reduce_func, obj);
      } else if (is_subtype(type, type_value(T_type))) {
        return save_global(obj, {});
      } else {
        Value fn = lookup_attr(t_, obj, "__reduce_ex__");
        if (fn) {
          rv = call1(t_, fn, Value::small_int(proto_));
        } else {
          if (t_.pending) return false;
          fn = lookup_attr(t_, obj, "__reduce__");
          if (fn) {
            rv = call0(t_, fn);
          } else {
            if (t_.pending) return false;
            return fail("can't pickle '" + type_name_of(obj) + "' object: " + repr_utf8(t_, obj));
          }
        }
      }
      if (!rv) return false;
    }
    if (str_check(rv)) return save_global(obj, rv);
    if (!isinstance(rv, T_tuple)) return fail("__reduce__ must return a string or tuple");
    return save_reduce(rv, obj);
  }

  // 1: saved as a persistent id; 0: not one; -1: error.
  int save_pers(Value obj) {
    Value pid = call1(t_, pers_func_, obj);
    if (!pid) return -1;
    if (pid == none()) return 0;
    if (bin_) {
      if (!save(pid, true)) return -1;
      put(BINPERSID);
      return 1;
    }
    Value text = str(t_, pid);
    if (!text) return -1;
    if (ro<StrObject>(text)->kind != 1)
      return fail("persistent IDs in protocol 0 must be ASCII strings"), -1;
    put(PERSID);
    put(str_utf8(text));
    put('\n');
    return 1;
  }

  bool save_int(Value obj) {
    std::int64_t v;
    if (int_to_i64(obj, v) && v >= INT32_MIN && v <= INT32_MAX) {
      if (!bin_) {
        char text[24];
        int n = std::snprintf(text, sizeof text, "I%lld\n", (long long)v);
        put(std::string_view(text, std::size_t(n)));
      } else if (v >= 0 && v <= 0xff) {
        put(BININT1);
        put(char(v));
      } else if (v >= 0 && v <= 0xffff) {
        put(BININT2);
        put_le(std::uint64_t(v), 2);
      } else {
        put(BININT);
        put_le(std::uint64_t(std::uint32_t(std::int32_t(v))), 4);
      }
      return true;
    }
    if (proto_ >= 2) {
      num::BigInt b = int_big(obj);
      std::size_t nbytes = std::size_t(num::bit_length(b) >> 3) + 1;
      auto r = num::to_bytes(b, nbytes, false, true);
      if (!r.ok()) return NumErrorRaiser::raise_int(t_, r.error, r.message), false;
      std::vector<std::uint8_t>& bytes = r.value;
      if (b.is_negative() && nbytes > 1 && bytes[nbytes - 1] == 0xff &&
          (bytes[nbytes - 2] & 0x80) != 0)
        --nbytes;
      if (nbytes < 256) {
        put(LONG1);
        put(char(nbytes));
      } else {
        put(LONG4);
        put_le(nbytes, 4);
      }
      put(std::string_view(reinterpret_cast<const char*>(bytes.data()), nbytes));
      return true;
    }
    put(LONG);
    put(int_to_decimal(obj));
    put("L\n");
    return true;
  }

  bool save_float(double d) {
    if (bin_) {
      std::uint64_t bits;
      std::memcpy(&bits, &d, 8);
      char b[9];
      b[0] = char(BINFLOAT);
      for (int i = 0; i < 8; ++i)
        b[1 + i] = char((bits >> (8 * (7 - i))) & 0xff);
      put(std::string_view(b, 9));
      return true;
    }
    put(FLOAT);
    put(num::float_repr(d));
    put('\n');
    return true;
  }

  bool save_bytes(Value obj) {
    if (proto_ < 3) {
      std::string_view data = bytes_view(obj);
      Value rv;
      if (data.empty()) {
        Value empty = runtime().empty_tuple;
        Value items[2] = {type_value(T_bytes), empty};
        rv = tuple_from(t_, items, 2);
      } else {
        std::u32string cps(data.begin(), data.end());
        for (std::size_t i = 0; i < data.size(); ++i)
          cps[i] = static_cast<unsigned char>(data[i]);
        Value text = str_from_code_points(t_, cps);
        Value encode = text ? module_value(t_, "codecs", "encode") : Value();
        if (!encode) return false;
        Value args[2] = {text, intern_literal(t_, "latin1")};
        Value argtup = tuple_from(t_, args, 2);
        Value items[2] = {encode, argtup};
        rv = argtup ? tuple_from(t_, items, 2) : Value();
      }
      return rv && save_reduce(rv, obj);
    }
    return save_bytes_data(obj, bytes_view(obj), obj);
  }

  // BINBYTES and friends for `data`, memoized as `obj`; `payload` (or 0) is what a large
  // payload hands to file.write.
  bool save_bytes_data(Value obj, std::string_view data, Value payload) {
    char header[9];
    std::size_t hn = counted_header(data.size(), SHORT_BINBYTES, true, BINBYTES, BINBYTES8,
                                    "a bytes object", header);
    if (!hn) return false;
    return put_payload(std::string_view(header, hn), data, payload) && memo_put(obj);
  }

  bool save_bytearray(Value obj) {
    if (proto_ < 5) {
      std::string_view data = bytes_view(obj);
      Value argtup;
      if (data.empty()) {
        argtup = runtime().empty_tuple;
      } else {
        Value b = bytes_new(t_, data);
        argtup = b ? tuple_from(t_, &b, 1) : Value();
      }
      if (!argtup) return false;
      Value items[2] = {type_value(T_bytearray), argtup};
      Value rv = tuple_from(t_, items, 2);
      return rv && save_reduce(rv, obj);
    }
    return save_bytearray_data(obj, std::string(bytes_view(obj)), obj);
  }

  bool save_bytearray_data(Value obj, const std::string& data, Value payload) {
    char header[9];
    header[0] = char(BYTEARRAY8);
    little_endian(header + 1, data.size(), 8);
    return put_payload(std::string_view(header, 9), data, payload) && memo_put(obj);
  }

  bool save_picklebuffer(Value obj) {
    if (proto_ < 5) return fail("PickleBuffer can only pickled with protocol >= 5");
    Value view = picklebuffer_view(t_, obj);
    Value contiguous = view ? getattr(t_, view, intern_literal(t_, "contiguous")) : Value();
    if (!contiguous) return false;
    if (contiguous != py_bool(true))
      return fail("PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
    int in_band = 1;
    if (buffer_callback_) {
      Value r = call1(t_, buffer_callback_, obj);
      if (!r || (in_band = truthy(t_, r)) < 0) return false;
    }
    Value readonly = getattr(t_, view, intern_literal(t_, "readonly"));
    if (!readonly) return false;
    if (!in_band) {
      put(NEXT_BUFFER);
      if (readonly == py_bool(true)) put(READONLY_BUFFER);
      return true;
    }
    Value tobytes = getattr(t_, view, intern_literal(t_, "tobytes"));
    Value b = tobytes ? call0(t_, tobytes) : Value();
    if (!b) return false;
    if (readonly == py_bool(true)) return save_bytes_data(obj, bytes_view(b), b);
    return save_bytearray_data(obj, std::string(bytes_view(b)), b);
  }

  bool save_str(Value obj) {
    const StrObject* s = ro<StrObject>(obj);
    if (bin_) {
      std::string wide;
      std::string_view data;
      if (s->kind == 1) {
        data = std::string_view(reinterpret_cast<const char*>(s->data), std::size_t(s->length));
      } else {
        wide = str_utf8(obj);
        data = wide;
      }
      char header[9];
      std::size_t hn = counted_header(data.size(), SHORT_BINUNICODE, proto_ >= 4, BINUNICODE,
                                      BINUNICODE8, "a string", header);
      if (!hn) return false;
      if (!put_payload(std::string_view(header, hn), data, {})) return false;
    } else {
      put(UNICODE);
      put(raw_unicode_escape(obj));
      put('\n');
    }
    return memo_put(obj);
  }

  static std::string raw_unicode_escape(Value obj) {
    std::string out;
    std::int64_t n = str_length(obj);
    out.reserve(std::size_t(n));
    char buf[16];
    for (std::int64_t i = 0; i < n; ++i) {
      char32_t c = str_at(obj, i);
      if (c >= 0x10000) {
        std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
        out += buf;
      } else if (c >= 256 || c == '\\' || c == 0 || c == '\n' || c == '\r' || c == 0x1a) {
        std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
        out += buf;
      } else {
        out.push_back(char(c));
      }
    }
    return out;
  }

  bool save_tuple(Value obj) {
    std::int64_t n = tuple_length(obj);
    if (n == 0) {
      put(bin_ ? ")" : "(t");
      return true;
    }
    if (n <= 3 && proto_ >= 2) {
      for (std::int64_t i = 0; i < n; ++i)
        if (!save(tuple_item(obj, i))) return false;
      if (const std::int64_t* idx = memo_find(obj)) {
        for (std::int64_t i = 0; i < n; ++i)
          put(POP);
        return memo_get(*idx);
      }
      put(char(TUPLE1 + n - 1));
      return memo_put(obj);
    }
    put(MARK);
    for (std::int64_t i = 0; i < n; ++i)
      if (!save(tuple_item(obj, i))) return false;
    if (const std::int64_t* idx = memo_find(obj)) {
      if (bin_) {
        put(POP_MARK);
      } else {
        for (std::int64_t i = 0; i <= n; ++i)
          put(POP);
      }
      return memo_get(*idx);
    }
    put(TUPLE);
    return memo_put(obj);
  }

  // Fast mode's check for cycles among deeply nested containers.
  bool fast_enter(Value obj) {
    if (!fast_ || ++fast_nesting_ < kFastNestingLimit) return true;
    if (!fast_memo_ && !(fast_memo_ = dict_new(t_))) return false;
    Value key = int_from_big(t_, num::BigInt::from_uint64(obj.bits()));
    if (!key) return false;
    bool error = false;
    if (dict_get(t_, fast_memo_, key, error)) {
      char where[32];
      std::snprintf(where, sizeof where, "%#llx", (unsigned long long)obj.bits());
      raisef(t_, exc(E_ValueError),
             "fast mode: can't pickle cyclic objects including object type %s at %s",
             type_name_of(obj).c_str(), where);
      return false;
    }
    return !error && dict_set(t_, fast_memo_, key, none());
  }
  bool fast_leave(Value obj) {
    if (!fast_ || fast_nesting_-- < kFastNestingLimit) return true;
    Value key = int_from_big(t_, num::BigInt::from_uint64(obj.bits()));
    return key && dict_del(t_, fast_memo_, key) >= 0;
  }

  // An empty list or dict (`bin_header`, or `text_header` for protocol 0), memoized, then
  // its n items: `exact` saves them for protocols above 0, `generic` for protocol 0.
  template <class Exact, class Generic>
  bool save_container(Value obj, const char* bin_header, const char* text_header, std::int64_t n,
                      Exact exact, Generic generic) {
    if (!fast_enter(obj)) return false;
    put(bin_ ? bin_header : text_header);
    if (!memo_put(obj)) return false;
    bool ok = true;
    if (n != 0) {
      CRecursion guard(t_, " while pickling an object");
      if (!guard) return false;
      ok = proto_ > 0 ? exact() : generic();
    }
    return fast_leave(obj) && ok;
  }

  bool save_list(Value obj) {
    return save_container(
        obj, "]", "(l", list_length(obj), [&] { return batch_list_exact(obj); },
        [&] {
          Value it = iter(t_, obj);
          return it && batch_list(it);
        });
  }

  bool batch_list_exact(Value list) {
    if (list_length(list) == 1) {
      if (!save(list_item(list, 0))) return false;
      put(APPEND);
      return true;
    }
    std::int64_t total = 0;
    do {
      put(MARK);
      int batch = 0;
      while (total < list_length(list)) {
        if (!save(list_item(list, total))) return false;
        ++total;
        if (++batch == kBatchSize) break;
      }
      put(APPENDS);
    } while (total < list_length(list));
    return true;
  }

  bool batch_list(Value it) {
    if (proto_ == 0) {
      for (;;) {
        Value item = next(t_, it);
        if (!item) return !t_.pending;
        if (!save(item)) return false;
        put(APPEND);
      }
    }
    int n;
    do {
      Value first = next(t_, it);
      if (!first) return !t_.pending;
      Value item = next(t_, it);
      if (!item) {
        if (t_.pending || !save(first)) return false;
        put(APPEND);
        return true;
      }
      put(MARK);
      if (!save(first)) return false;
      n = 1;
      while (item) {
        if (!save(item)) return false;
        if (++n == kBatchSize) break;
        item = next(t_, it);
        if (!item && t_.pending) return false;
      }
      put(APPENDS);
    } while (n == kBatchSize);
    return true;
  }

  bool save_dict(Value obj) {
    return save_container(
        obj, "}", "(d", dict_length(obj), [&] { return batch_dict_exact(obj); },
        [&] {
          Value items = call_method(t_, obj, N_items, nullptr, 0);
          Value it = items ? iter(t_, items) : Value();
          return it && batch_dict(it);
        });
  }

  bool batch_dict_exact(Value dict) {
    std::int64_t size = dict_length(dict);
    std::int64_t pos = 0;
    Value key, value;
    if (size == 1) {
      dict_next(dict, pos, key, value);
      if (!save(key) || !save(value)) return false;
      put(SETITEM);
      return true;
    }
    int i;
    do {
      i = 0;
      put(MARK);
      while (dict_next(dict, pos, key, value)) {
        if (!save(key) || !save(value)) return false;
        if (++i == kBatchSize) break;
      }
      put(SETITEMS);
      if (dict_length(dict) != size)
        return raise(t_, exc(E_RuntimeError), "dictionary changed size during iteration"), false;
    } while (i == kBatchSize);
    return true;
  }

  bool check_pair(Value item) {
    if (isinstance(item, T_tuple) && tuple_length(item) == 2) return true;
    raise(t_, exc(E_TypeError), "dict items iterator must return 2-tuples");
    return false;
  }

  bool batch_dict(Value it) {
    if (proto_ == 0) {
      for (;;) {
        Value item = next(t_, it);
        if (!item) return !t_.pending;
        if (!check_pair(item) || !save(tuple_item(item, 0)) || !save(tuple_item(item, 1)))
          return false;
        put(SETITEM);
      }
    }
    int n;
    do {
      Value first = next(t_, it);
      if (!first) return !t_.pending;
      if (!check_pair(first)) return false;
      Value item = next(t_, it);
      if (!item) {
        if (t_.pending || !save(tuple_item(first, 0)) || !save(tuple_item(first, 1))) return false;
        put(SETITEM);
        return true;
      }
      put(MARK);
      if (!save(tuple_item(first, 0)) || !save(tuple_item(first, 1))) return false;
      n = 1;
      while (item) {
        if (!check_pair(item) || !save(tuple_item(item, 0)) || !save(tuple_item(item, 1)))
          return false;
        if (++n == kBatchSize) break;
        item = next(t_, it);
        if (!item && t_.pending) return false;
      }
      put(SETITEMS);
    } while (n == kBatchSize);
    return true;
  }

  // (cls, (list(obj),)) saved by save_reduce: sets and frozensets below protocol 4.
  bool save_set_by_reduce(Value obj, TypeId cls) {
    Value items = list_of(t_, obj);
    Value argtup = items ? tuple_from(t_, &items, 1) : Value();
    if (!argtup) return false;
    Value pair[2] = {type_value(cls), argtup};
    Value rv = tuple_from(t_, pair, 2);
    return rv && save_reduce(rv, obj);
  }

  bool save_set(Value obj) {
    if (proto_ < 4) return save_set_by_reduce(obj, T_set);
    put(EMPTY_SET);
    if (!memo_put(obj)) return false;
    Value items = list_of(t_, obj);
    if (!items) return false;
    std::int64_t size = list_length(items);
    if (size == 0) return true;
    std::int64_t total = 0;
    int i;
    do {
      i = 0;
      put(MARK);
      while (total < size) {
        if (!save(list_item(items, total++))) return false;
        if (++i == kBatchSize) break;
      }
      put(ADDITEMS);
      std::int64_t now;
      if (!length(t_, obj, now)) return false;
      if (now != size)
        return raise(t_, exc(E_RuntimeError), "set changed size during iteration"), false;
    } while (i == kBatchSize);
    return true;
  }

  bool save_frozenset(Value obj) {
    if (fast_ && !fast_enter(obj)) return false;
    if (proto_ < 4) return save_set_by_reduce(obj, T_frozenset);
    put(MARK);
    Value items = list_of(t_, obj);
    if (!items) return false;
    for (std::int64_t i = 0; i < list_length(items); ++i)
      if (!save(list_item(items, i))) return false;
    if (const std::int64_t* idx = memo_find(obj)) {
      put(POP_MARK);
      return memo_get(*idx);
    }
    put(FROZENSET);
    return memo_put(obj);
  }

  bool save_type(Value obj) {
    Value singleton;
    if (obj == type_value(T_NoneType))
      singleton = none();
    else if (obj == type_value(T_ellipsis))
      singleton = runtime().ellipsis;
    else if (obj == type_value(T_NotImplementedType))
      singleton = runtime().not_implemented;
    else
      return save_global(obj, {});
    Value argtup = tuple_from(t_, &singleton, 1);
    Value pair[2] = {type_value(T_type), argtup};
    Value rv = argtup ? tuple_from(t_, pair, 2) : Value();
    return rv && save_reduce(rv, obj);
  }

  // ---- globals ------------------------------------------------------------------------------
  Value whichmodule(Value obj, Value path) {
    Value module_name = lookup_attr(t_, obj, "__module__");
    if (t_.pending) return {};
    if (module_name && module_name != none()) return module_name;
    Value modules = module_value(t_, "sys", "modules");
    if (!modules) return {};
    Value snapshot = dict_check(modules) ? dict_copy(t_, modules) : Value();
    if (!snapshot) return {};
    std::int64_t pos = 0;
    Value name, module;
    while (dict_next(snapshot, pos, name, module)) {
      if (str_check(name) && str_equal_ascii(name, "__main__")) continue;
      if (module == none()) continue;
      Value candidate = deep_attribute(t_, module, path, nullptr);
      if (!candidate) {
        if (t_.pending) {
          if (!matches(t_, exc(E_AttributeError))) return {};
          clear_pending(t_);
        }
        continue;
      }
      if (candidate == obj) return name;
    }
    return intern_literal(t_, "__main__");
  }

  // CPython's module names are interned strs, so that a second global of a module finds
  // its name in the memo; here every builtin type has its own '__module__' str, so equal
  // names are made one object for the length of a dump.
  bool same_module_name(Value& module_name) {
    if (!is_exact(module_name, T_str)) return true;
    if (!module_names_ && !(module_names_ = dict_new(t_))) return false;
    bool error = false;
    if (Value known = dict_get(t_, module_names_, module_name, error)) {
      module_name = known;
      return true;
    }
    return !error && dict_set(t_, module_names_, module_name, module_name);
  }

  static std::string text_of(Thread& t, Value v) {
    if (str_check(v)) return str_utf8(v);
    Value s = str(t, v);
    if (!s) {
      clear_pending(t);
      return "<unprintable>";
    }
    return str_utf8(s);
  }

  bool save_global(Value obj, Value name) {
    Value global_name = name;
    if (!global_name) {
      global_name = lookup_attr(t_, obj, "__qualname__");
      if (t_.pending) return false;
      if (!global_name && !(global_name = getattr(t_, obj, interp::name(N___name__)))) return false;
    }
    Value path = dotted_path(t_, {}, global_name);
    if (!path) return false;
    Value module_name = whichmodule(obj, path);
    if (!module_name || !same_module_name(module_name)) return false;
    Value module = str_check(module_name) ? import_module(t_, str_utf8(module_name)) : Value();
    if (!module) {
      clear_pending(t_);
      return fail("Can't pickle " + repr_utf8(t_, obj) + ": import of module " +
                  repr_utf8(t_, module_name) + " failed");
    }
    Value lastname = list_item(path, list_length(path) - 1);
    Value parent;
    Value cls = deep_attribute(t_, module, path, &parent);
    if (!cls) {
      clear_pending(t_);
      return fail("Can't pickle " + repr_utf8(t_, obj) + ": attribute lookup " +
                  text_of(t_, global_name) + " on " + text_of(t_, module_name) + " failed");
    }
    if (cls != obj)
      return fail("Can't pickle " + repr_utf8(t_, obj) + ": it's not the same object as " +
                  text_of(t_, module_name) + "." + text_of(t_, global_name));
    if (proto_ >= 2) {
      Value registry = module_value(t_, "copyreg", "_extension_registry");
      Value pair[2] = {module_name, global_name};
      Value key = registry ? tuple_from(t_, pair, 2) : Value();
      if (!key) return false;
      bool error = false;
      Value code_obj = dict_get(t_, registry, key, error);
      if (error) return false;
      if (code_obj) {
        if (!int_check(code_obj))
          return fail("Can't pickle " + repr_utf8(t_, obj) + ": extension code " +
                      repr_utf8(t_, code_obj) + " isn't an integer");
        std::int64_t code;
        if (!int_to_i64(code_obj, code) || code <= 0 || code > 0x7fffffff)
          return fail("Can't pickle " + repr_utf8(t_, obj) + ": extension code " +
                      int_to_decimal(code_obj) + " is out of range");
        if (code <= 0xff) {
          put(EXT1);
          put(char(code));
        } else if (code <= 0xffff) {
          put(EXT2);
          put_le(std::uint64_t(code), 2);
        } else {
          put(EXT4);
          put_le(std::uint64_t(code), 4);
        }
        return true;
      }
    }
    if (parent == module) global_name = lastname;
    if (proto_ >= 4) {
      if (!save(module_name) || !save(global_name)) return false;
      put(STACK_GLOBAL);
    } else if (parent != module) {
      Value getattr_fn = module_value(t_, "builtins", "getattr");
      Value inner[2] = {parent, lastname};
      Value argtup = getattr_fn ? tuple_from(t_, inner, 2) : Value();
      Value outer[2] = {getattr_fn, argtup};
      Value rv = argtup ? tuple_from(t_, outer, 2) : Value();
      if (!rv || !save_reduce(rv, {})) return false;
    } else {
      if (proto_ < 3 && fix_imports_ && !fix_names(module_name, global_name)) return false;
      std::string module_text, global_text;
      if (!identifier_text(module_name, "module", module_text) ||
          !identifier_text(global_name, "global", global_text))
        return false;
      put(GLOBAL);
      put(module_text);
      put('\n');
      put(global_text);
      put('\n');
    }
    return memo_put(obj);
  }

  // A GLOBAL's name: UTF-8 for protocol 3, ASCII below.
  bool identifier_text(Value name, const char* what, std::string& out) {
    if (!str_check(name))
      return raisef(t_, exc(E_TypeError), "can't pickle %s identifier of type %s", what,
                    type_name_of(name).c_str()),
             false;
    out = str_utf8(name);
    if (proto_ < 3 && ro<StrObject>(name)->kind != 1)
      return fail(std::string("can't pickle ") + what + " identifier '" + out +
                  "' using pickle protocol " + std::to_string(proto_));
    return true;
  }

  // _compat_pickle's reverse mappings, for protocols below 3.
  bool fix_names(Value& module_name, Value& global_name) {
    Value name_map = module_value(t_, "_compat_pickle", "REVERSE_NAME_MAPPING");
    Value pair[2] = {module_name, global_name};
    Value key = name_map ? tuple_from(t_, pair, 2) : Value();
    if (!key) return false;
    bool error = false;
    Value item = dict_get(t_, name_map, key, error);
    if (error) return false;
    if (item) {
      if (!isinstance(item, T_tuple) || tuple_length(item) != 2)
        return raisef(t_, exc(E_RuntimeError),
                      "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %s",
                      type_name_of(item).c_str()),
               false;
      Value m = tuple_item(item, 0), g = tuple_item(item, 1);
      if (!str_check(m) || !str_check(g))
        return raisef(t_, exc(E_RuntimeError),
                      "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not "
                      "(%s, %s)",
                      type_name_of(m).c_str(), type_name_of(g).c_str()),
               false;
      module_name = m;
      global_name = g;
      return true;
    }
    Value import_map = module_value(t_, "_compat_pickle", "REVERSE_IMPORT_MAPPING");
    if (!import_map) return false;
    item = dict_get(t_, import_map, module_name, error);
    if (error) return false;
    if (item) {
      if (!str_check(item))
        return raisef(t_, exc(E_RuntimeError),
                      "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %s",
                      type_name_of(item).c_str()),
               false;
      module_name = item;
    }
    return true;
  }

  // ---- reduce -------------------------------------------------------------------------------
  static bool is_iterator(Value v) { return bool(type_lookup(type_of(v), name(N___next__))); }

  bool save_reduce(Value rv, Value obj) {
    std::int64_t size = tuple_length(rv);
    if (size < 2 || size > 6)
      return fail("tuple returned by __reduce__ must contain 2 through 6 elements");
    Value callable = tuple_item(rv, 0), argtup = tuple_item(rv, 1);
    Value state = size > 2 ? tuple_item(rv, 2) : Value();
    Value listitems = size > 3 ? tuple_item(rv, 3) : Value();
    Value dictitems = size > 4 ? tuple_item(rv, 4) : Value();
    Value state_setter = size > 5 ? tuple_item(rv, 5) : Value();
    if (!is_callable(callable))
      return fail("first item of the tuple returned by __reduce__ must be callable");
    if (!isinstance(argtup, T_tuple))
      return fail("second item of the tuple returned by __reduce__ must be a tuple");
    if (state == none()) state = {};
    if (listitems == none()) listitems = {};
    if (listitems && !is_iterator(listitems))
      return fail("fourth element of the tuple returned by __reduce__ must be an iterator, not " +
                  type_name_of(listitems));
    if (dictitems == none()) dictitems = {};
    if (dictitems && !is_iterator(dictitems))
      return fail("fifth element of the tuple returned by __reduce__ must be an iterator, not " +
                  type_name_of(dictitems));
    if (state_setter == none()) state_setter = {};
    if (state_setter && !is_callable(state_setter))
      return fail("sixth element of the tuple returned by __reduce__ must be a function, not " +
                  type_name_of(state_setter));

    bool use_newobj = false, use_newobj_ex = false;
    if (proto_ >= 2) {
      Value fn_name = lookup_attr(t_, callable, "__name__");
      if (t_.pending) return false;
      if (fn_name && str_check(fn_name)) {
        use_newobj_ex = str_equal_ascii(fn_name, "__newobj_ex__");
        use_newobj = !use_newobj_ex && str_equal_ascii(fn_name, "__newobj__");
      }
    }
    if (use_newobj_ex) {
      if (tuple_length(argtup) != 3)
        return fail("length of the NEWOBJ_EX argument tuple must be exactly 3, not " +
                    std::to_string(tuple_length(argtup)));
      Value cls = tuple_item(argtup, 0), args = tuple_item(argtup, 1),
            kwargs = tuple_item(argtup, 2);
      if (!is_layout(cls, Layout::Type))
        return fail("first item from NEWOBJ_EX argument tuple must be a class, not " +
                    type_name_of(cls));
      if (!isinstance(args, T_tuple))
        return fail("second item from NEWOBJ_EX argument tuple must be a tuple, not " +
                    type_name_of(args));
      if (!dict_check(kwargs))
        return fail("third item from NEWOBJ_EX argument tuple must be a dict, not " +
                    type_name_of(kwargs));
      if (proto_ >= 4) {
        if (!save(cls) || !save(args) || !save(kwargs)) return false;
        put(NEWOBJ_EX);
      } else {
        Value cls_new = getattr(t_, cls, name(N___new__));
        Value partial = cls_new ? module_value(t_, "functools", "partial") : Value();
        Value newargs = partial ? tuple_new(t_, std::size_t(tuple_length(args) + 2)) : Value();
        if (!newargs) return false;
        tuple_init(newargs, 0, cls_new);
        tuple_init(newargs, 1, cls);
        for (std::int64_t i = 0; i < tuple_length(args); ++i)
          tuple_init(newargs, std::size_t(i + 2), tuple_item(args, i));
        Value fn = call_ex(t_, partial, newargs, kwargs);
        if (!fn || !save(fn) || !save(runtime().empty_tuple)) return false;
        put(REDUCE);
      }
    } else if (use_newobj) {
      if (tuple_length(argtup) < 1) return fail("__newobj__ arglist is empty");
      Value cls = tuple_item(argtup, 0);
      if (!is_layout(cls, Layout::Type)) return fail("args[0] from __newobj__ args is not a type");
      if (obj) {
        Value obj_class = getattr(t_, obj, name(N___class__));
        if (!obj_class) return false;
        if (obj_class != cls) return fail("args[0] from __newobj__ args has the wrong class");
      }
      if (!save(cls)) return false;
      Value rest = tuple_new(t_, std::size_t(tuple_length(argtup) - 1));
      if (!rest) return false;
      for (std::int64_t i = 1; i < tuple_length(argtup); ++i)
        tuple_init(rest, std::size_t(i - 1), tuple_item(argtup, i));
      if (tuple_length(rest) == 0) rest = runtime().empty_tuple;
      if (!save(rest)) return false;
      put(NEWOBJ);
    } else {
      if (!save(callable) || !save(argtup)) return false;
      put(REDUCE);
    }
    if (obj) {
      if (const std::int64_t* idx = memo_find(obj)) {
        put(POP);
        return memo_get(*idx);
      }
      if (!memo_put(obj)) return false;
    }
    if (listitems && !batch_list(listitems)) return false;
    if (dictitems && !batch_dict(dictitems)) return false;
    if (state) {
      if (!state_setter) {
        if (!save(state)) return false;
        put(BUILD);
      } else {
        if (!save(state_setter) || !save(obj) || !save(state)) return false;
        put(TUPLE2);
        put(REDUCE);
        put(POP);
      }
    }
    return true;
  }

  Thread& t_;
  Value self_, write_, buffer_callback_, pers_func_, dispatch_table_, reducer_override_;
  Value memo_objs_, memo_ids_, copyreg_dispatch_, fast_memo_, module_names_;
  IdentityMap memo_;
  std::string out_;
  std::int64_t frame_start_ = -1;
  int proto_ = kDefaultProtocol;
  int fast_nesting_ = 0;
  bool bin_ = true, fix_imports_ = true, framing_ = false, fast_ = false;
};

} // namespace

Value run_dump(Thread& t, const DumpSettings& settings, Value obj) {
  Dumper d(t, settings);
  return d.run(obj);
}

} // namespace interp::pickle
