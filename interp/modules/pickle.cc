// interp/modules/pickle.cc - the _pickle module that pickle.py takes its Pickler and
// Unpickler from: the exceptions, the Pickler and Unpickler types with their attributes
// (memo, persistent_id / persistent_load, dispatch_table, fast), the memo proxies, and
// dump / dumps / load / loads, and PickleBuffer (memoryview() and bytes() see through it
// to the buffer it wraps). The work itself is in pickle_dump.cc and pickle_load.cc;
// pickle.h says what they share.
#include "interp/modules/pickle.h"
#include "interp/modules/modules.h"
#include "interp/num/bigint.h"
#include "interp/objects/numbers.h"
#include "interp/ops.h"

#include <atomic>

namespace interp::pickle {

// ---- shared helpers -----------------------------------------------------------------------

Value module_value(Thread& t, const char* module, const char* attr) {
  return module_attr(t, module, attr);
}

Value pickling_error(Thread& t) {
  return module_attr(t, "_pickle", "PicklingError");
}
Value unpickling_error(Thread& t) {
  return module_attr(t, "_pickle", "UnpicklingError");
}
Value unpickler_type(Thread& t) {
  return module_attr(t, "_pickle", "Unpickler");
}

Value raise_with(Thread& t, Value cls, std::string_view message) {
  if (!cls) return {};
  return raise(t, cls, message);
}

Value lookup_attr(Thread& t, Value obj, const char* attr) {
  return getattr_opt(t, obj, intern_literal(t, attr));
}

Value dotted_path(Thread& t, Value obj, Value qualname) {
  Value split = getattr(t, qualname, intern_literal(t, "split"));
  Value parts = split ? call1(t, split, intern_literal(t, ".")) : Value();
  if (!parts) return {};
  for (std::int64_t i = 0; i < list_length(parts); ++i) {
    if (str_equal_ascii(list_item(parts, i), "<locals>")) {
      if (!obj)
        return raisef(t, exc(E_AttributeError), "Can't pickle local object %s",
                      repr_utf8(t, qualname).c_str());
      return raisef(t, exc(E_AttributeError), "Can't get local attribute %s on %s",
                    repr_utf8(t, qualname).c_str(), repr_utf8(t, obj).c_str());
    }
  }
  return parts;
}

Value deep_attribute(Thread& t, Value obj, Value path, Value* parent) {
  Value last;
  for (std::int64_t i = 0; i < list_length(path); ++i) {
    last = obj;
    obj = getattr_opt(t, last, list_item(path, i));
    if (!obj) return {};
  }
  if (parent) *parent = last;
  return obj;
}

// The PickleBuffer type, by identity only (compared, never followed): a builtin module's
// type lives as long as the module.
static std::atomic<std::uint64_t> picklebuffer_type_bits{0};

bool is_picklebuffer(Value v) {
  return v.is_object() && type_of(v).bits() == picklebuffer_type_bits.load();
}

Value picklebuffer_view(Thread& t, Value pb) {
  Value view = rd<PickleBufferObject>(pb)->view;
  if (!view) raise(t, exc(E_ValueError), "operation forbidden on released PickleBuffer object");
  return view;
}

namespace {

// ---- arguments ----------------------------------------------------------------------------

// Binds arguments (after the caller dropped self) to `names`, of which at most
// `max_positional` may come by position.
bool bind(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
          std::initializer_list<const char*> names, std::size_t posonly, std::size_t max_positional,
          std::size_t required, Value* out) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > max_positional) {
    if (max_positional == names.size())
      raisef(t, exc(E_TypeError), "%s() takes at most %zu argument%s (%zu given)", fname,
             max_positional, max_positional == 1 ? "" : "s", npos);
    else
      raisef(t, exc(E_TypeError), "%s() takes at most %zu positional argument%s (%zu given)", fname,
             max_positional, max_positional == 1 ? "" : "s", npos);
    return false;
  }
  return check_named_keywords(t, fname, kwnames, names, posonly) &&
         bind_arguments(t, fname, args, nargs, kwnames, names, posonly, required, out);
}

bool protocol_arg(Thread& t, Value v, int& proto) {
  if (!v || v == none()) {
    proto = kDefaultProtocol;
    return true;
  }
  std::int64_t p;
  if (!index_to_i64(t, v, p)) return false;
  if (p < 0) p = kHighestProtocol;
  if (p > kHighestProtocol)
    return raisef(t, exc(E_ValueError), "pickle protocol must be <= %d", kHighestProtocol), false;
  proto = int(p);
  return true;
}

bool flag_arg(Thread& t, Value v, bool dflt, bool& out) {
  if (!v) {
    out = dflt;
    return true;
  }
  int b = truthy(t, v);
  if (b < 0) return false;
  out = b != 0;
  return true;
}

bool str_arg(Thread& t, const char* fname, const char* argname, Value v, const char* dflt,
             Value& out) {
  if (!v) {
    out = intern_literal(t, dflt);
    return bool(out);
  }
  if (!str_check(v))
    return raisef(t, exc(E_TypeError), "%s() argument '%s' must be str, not %s", fname, argname,
                  type_name_of(v).c_str()),
           false;
  out = v;
  return true;
}

bool buffer_callback_arg(Thread& t, Value v, int proto, Value& out) {
  out = v && v != none() ? v : Value();
  if (out && proto < 5)
    return raise(t, exc(E_ValueError), "buffer_callback needs protocol >= 5"), false;
  return true;
}

// The file's write method, or 0 with TypeError.
Value write_method(Thread& t, Value file) {
  Value w = lookup_attr(t, file, "write");
  if (!w && !t.pending) raise(t, exc(E_TypeError), "file must have a 'write' attribute");
  return w;
}

bool read_methods(Thread& t, Value file, Value& read, Value& readline, Value& peek) {
  peek = lookup_attr(t, file, "peek");
  if (t.pending) return false;
  read = lookup_attr(t, file, "read");
  if (t.pending) return false;
  readline = lookup_attr(t, file, "readline");
  if (t.pending) return false;
  if (!read || !readline)
    return raise(t, exc(E_TypeError), "file must have 'read' and 'readline' attributes"), false;
  return true;
}

// The buffers argument: an iterator over it, or 0 for None / absent.
bool buffers_arg(Thread& t, Value v, Value& out) {
  out = {};
  if (!v || v == none()) return true;
  out = iter(t, v);
  return bool(out);
}

// ---- Pickler ------------------------------------------------------------------------------

PicklerObject* pickler_wr(Value self) {
  return wr<PicklerObject>(self);
}

bool reset_pickler_memo(Thread& t, Value self) {
  Value objs = list_new(t), ids = list_new(t);
  if (!objs || !ids) return false;
  PicklerObject* p = pickler_wr(self);
  p->memo_objs = objs;
  p->memo_ids = ids;
  return true;
}

INTERP_NATIVE(pickler_new) {
  Value self = allocate(t, Layout::Instance, args[0], sizeof(PicklerObject));
  if (!self) return {};
  PicklerObject* p = fresh<PicklerObject>(self);
  p->proto = Value::small_int(0);
  p->fast = Value::small_int(0);
  p->fix_imports = py_bool(false);
  if (!reset_pickler_memo(t, self)) return {};
  return self;
}

INTERP_NATIVE(pickler_init) {
  Value a[4] = {};
  if (!bind(t, "Pickler", args + 1, nargs - 1, kwnames,
            {"file", "protocol", "fix_imports", "buffer_callback"}, 0, 4, 1, a))
    return {};
  Value self = args[0];
  int proto;
  bool fix;
  Value callback;
  if (!protocol_arg(t, a[1], proto) || !flag_arg(t, a[2], true, fix)) return {};
  Value write = write_method(t, a[0]);
  if (!write || !buffer_callback_arg(t, a[3], proto, callback)) return {};
  if (!reset_pickler_memo(t, self)) return {};
  PicklerObject* p = pickler_wr(self);
  p->write = write;
  p->proto = Value::small_int(proto);
  p->fix_imports = py_bool(fix && proto < 3);
  p->fast = Value::small_int(0);
  p->buffer_callback = callback;
  p->pers_func = {};
  p->dispatch_table = {};
  Value pers = lookup_attr(t, self, "persistent_id");
  if (t.pending) return {};
  Value table = lookup_attr(t, self, "dispatch_table");
  if (t.pending) return {};
  p = pickler_wr(self);
  p->pers_func = pers;
  p->dispatch_table = table;
  return none();
}

INTERP_NATIVE(pickler_dump) {
  if (!check_positional(t, "dump", nargs, kwnames, 1, 1)) return {};
  Value self = args[0];
  const PicklerObject* p = rd<PicklerObject>(self);
  if (!p->write)
    return raise_with(t, pickling_error(t),
                      "Pickler.__init__() was not called by " + type_name_of(self) + ".__init__()");
  DumpSettings s;
  s.self = self;
  s.write = p->write;
  s.proto = int(p->proto.small_int_value());
  s.fix_imports = p->fix_imports == py_bool(true);
  s.buffer_callback = p->buffer_callback;
  return run_dump(t, s, args[1]);
}

INTERP_NATIVE(pickler_clear_memo) {
  if (!check_positional(t, "clear_memo", nargs, kwnames, 0, 0)) return {};
  return reset_pickler_memo(t, args[0]) ? none() : Value();
}

Value memo_proxy(Thread& t, Value owner, const char* type_name) {
  Value cls = module_attr(t, "_pickle", type_name);
  if (!cls) return {};
  Value proxy = allocate(t, Layout::Instance, cls, sizeof(Object) + sizeof(Value));
  if (!proxy) return {};
  reinterpret_cast<Value*>(fresh<Object>(proxy) + 1)[0] = owner;
  return proxy;
}
Value proxy_owner(Value proxy) {
  return reinterpret_cast<const Value*>(rd<Object>(proxy) + 1)[0];
}

INTERP_NATIVE(pickler_get_memo) {
  return memo_proxy(t, args[0], "PicklerMemoProxy");
}

bool deletion_refused(Thread& t) {
  return raise(t, exc(E_TypeError), "attribute deletion is not supported"), false;
}

INTERP_NATIVE(pickler_set_memo) {
  if (nargs < 2) return deletion_refused(t), Value();
  Value self = args[0], obj = args[1];
  Value objs = list_new(t), ids = list_new(t);
  if (!objs || !ids) return {};
  Value pmp = module_attr(t, "_pickle", "PicklerMemoProxy");
  if (!pmp) return {};
  if (type_of(obj) == pmp) {
    const PicklerObject* other = rd<PicklerObject>(proxy_owner(obj));
    Value src_objs = other->memo_objs, src_ids = other->memo_ids;
    for (std::int64_t i = 0; i < list_length(src_objs); ++i)
      if (!list_append(t, objs, list_item(src_objs, i)) ||
          !list_append(t, ids, list_item(src_ids, i)))
        return {};
  } else if (dict_check(obj)) {
    std::int64_t pos = 0;
    Value key, value;
    while (dict_next(obj, pos, key, value)) {
      if (!isinstance(value, T_tuple) || tuple_length(value) != 2)
        return raise(t, exc(E_TypeError), "'memo' values must be 2-item tuples");
      std::int64_t idx;
      if (!index_to_i64(t, tuple_item(value, 0), idx)) return {};
      if (!list_append(t, objs, tuple_item(value, 1)) ||
          !list_append(t, ids, Value::small_int(idx)))
        return {};
    }
  } else {
    return raisef(t, exc(E_TypeError),
                  "'memo' attribute must be a PicklerMemoProxy object or dict, not %s",
                  type_name_of(obj).c_str());
  }
  PicklerObject* p = pickler_wr(self);
  p->memo_objs = objs;
  p->memo_ids = ids;
  return none();
}

INTERP_NATIVE(pickler_memo_copy) {
  const PicklerObject* p = rd<PicklerObject>(proxy_owner(args[0]));
  Value objs = p->memo_objs, ids = p->memo_ids;
  Value d = dict_new(t);
  if (!d) return {};
  for (std::int64_t i = 0; i < list_length(objs); ++i) {
    Value obj = list_item(objs, i);
    Value pair[2] = {list_item(ids, i), obj};
    Value key = int_from_big(t, num::BigInt::from_uint64(obj.bits()));
    Value value = key ? tuple_from(t, pair, 2) : Value();
    if (!value || !dict_set(t, d, key, value)) return {};
  }
  return d;
}

INTERP_NATIVE(pickler_memo_clear) {
  return reset_pickler_memo(t, proxy_owner(args[0])) ? none() : Value();
}

INTERP_NATIVE(pickler_get_persistent_id) {
  Value f = rd<PicklerObject>(args[0])->pers_func;
  return f ? f : raise(t, exc(E_AttributeError), "persistent_id");
}

INTERP_NATIVE(pickler_set_persistent_id) {
  if (nargs < 2) return deletion_refused(t), Value();
  if (!is_callable(args[1]))
    return raise(t, exc(E_TypeError), "persistent_id must be a callable taking one argument");
  pickler_wr(args[0])->pers_func = args[1];
  return none();
}

INTERP_NATIVE(pickler_get_dispatch_table) {
  Value d = rd<PicklerObject>(args[0])->dispatch_table;
  return d ? d
           : raisef(t, exc(E_AttributeError), "'%s' object has no attribute 'dispatch_table'",
                    type_name(type_of(args[0])).c_str());
}

INTERP_NATIVE(pickler_set_dispatch_table) {
  pickler_wr(args[0])->dispatch_table = nargs < 2 ? Value() : args[1];
  return none();
}

INTERP_NATIVE(pickler_get_fast) {
  return rd<PicklerObject>(args[0])->fast;
}

INTERP_NATIVE(pickler_set_fast) {
  if (nargs < 2) return deletion_refused(t), Value();
  std::int64_t v;
  if (!index_to_i64(t, args[1], v)) return {};
  pickler_wr(args[0])->fast = Value::small_int(v);
  return none();
}

INTERP_NATIVE(pickler_get_bin) {
  return Value::small_int(rd<PicklerObject>(args[0])->proto.small_int_value() > 0);
}

// ---- Unpickler ----------------------------------------------------------------------------

INTERP_NATIVE(unpickler_new) {
  Value self = allocate(t, Layout::Instance, args[0], sizeof(UnpicklerObject));
  Value memo = self ? list_new(t) : Value();
  if (!memo) return {};
  UnpicklerObject* u = fresh<UnpicklerObject>(self);
  u->memo = memo;
  u->memo_count = Value::small_int(0);
  u->proto = Value::small_int(0);
  u->fix_imports = py_bool(true);
  u->encoding = intern_literal(t, "ASCII");
  u->errors = intern_literal(t, "strict");
  return self;
}

INTERP_NATIVE(unpickler_init) {
  Value a[5] = {};
  if (!bind(t, "Unpickler", args + 1, nargs - 1, kwnames,
            {"file", "fix_imports", "encoding", "errors", "buffers"}, 0, 1, 1, a))
    return {};
  Value self = args[0];
  Value read, readline, peek, encoding, errors, buffers;
  bool fix;
  if (!read_methods(t, a[0], read, readline, peek) || !flag_arg(t, a[1], true, fix) ||
      !str_arg(t, "Unpickler", "encoding", a[2], "ASCII", encoding) ||
      !str_arg(t, "Unpickler", "errors", a[3], "strict", errors) || !buffers_arg(t, a[4], buffers))
    return {};
  Value memo = list_new(t);
  if (!memo) return {};
  UnpicklerObject* u = wr<UnpicklerObject>(self);
  u->read = read;
  u->readline = readline;
  u->peek = peek;
  u->encoding = encoding;
  u->errors = errors;
  u->buffers = buffers;
  u->fix_imports = py_bool(fix);
  u->memo = memo;
  u->memo_count = Value::small_int(0);
  u->proto = Value::small_int(0);
  u->pers_func = {};
  Value pers = lookup_attr(t, self, "persistent_load");
  if (t.pending) return {};
  wr<UnpicklerObject>(self)->pers_func = pers;
  return none();
}

INTERP_NATIVE(unpickler_load) {
  if (!check_positional(t, "load", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  const UnpicklerObject* u = rd<UnpicklerObject>(self);
  if (!u->read)
    return raise_with(t, unpickling_error(t),
                      "Unpickler.__init__() was not called by " + type_name_of(self) +
                          ".__init__()");
  LoadSettings s;
  s.self = self;
  s.read = u->read;
  s.readline = u->readline;
  s.peek = u->peek;
  s.encoding = u->encoding;
  s.errors = u->errors;
  s.fix_imports = u->fix_imports == py_bool(true);
  s.buffers = u->buffers;
  return run_load(t, s);
}

INTERP_NATIVE(unpickler_find_class) {
  if (!check_positional(t, "find_class", nargs, kwnames, 2, 2)) return {};
  const UnpicklerObject* u = rd<UnpicklerObject>(args[0]);
  return find_class(t, args[1], args[2], int(u->proto.small_int_value()),
                    u->fix_imports == py_bool(true));
}

INTERP_NATIVE(unpickler_get_memo) {
  return memo_proxy(t, args[0], "UnpicklerMemoProxy");
}

INTERP_NATIVE(unpickler_set_memo) {
  if (nargs < 2) return deletion_refused(t), Value();
  Value self = args[0], obj = args[1];
  Value memo = list_new(t);
  if (!memo) return {};
  std::int64_t count = 0;
  Value ump = module_attr(t, "_pickle", "UnpicklerMemoProxy");
  if (!ump) return {};
  if (type_of(obj) == ump) {
    const UnpicklerObject* other = rd<UnpicklerObject>(proxy_owner(obj));
    Value src = other->memo;
    count = other->memo_count.small_int_value();
    for (std::int64_t i = 0; i < list_length(src); ++i)
      if (!list_append(t, memo, list_item(src, i))) return {};
  } else if (dict_check(obj)) {
    std::int64_t pos = 0;
    Value key, value;
    while (dict_next(obj, pos, key, value)) {
      std::int64_t idx;
      if (!int_check(key)) return raise(t, exc(E_TypeError), "memo key must be integers");
      if (!index_to_i64(t, key, idx)) return {};
      if (idx < 0) return raise(t, exc(E_ValueError), "memo key must be positive integers.");
      while (list_length(memo) <= idx)
        if (!list_append(t, memo, Value())) return {};
      if (!list_item(memo, idx)) ++count;
      list_set_item(memo, idx, value);
    }
  } else {
    return raisef(t, exc(E_TypeError),
                  "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %s",
                  type_name_of(obj).c_str());
  }
  UnpicklerObject* u = wr<UnpicklerObject>(self);
  u->memo = memo;
  u->memo_count = Value::small_int(count);
  return none();
}

INTERP_NATIVE(unpickler_memo_copy) {
  Value memo = rd<UnpicklerObject>(proxy_owner(args[0]))->memo;
  Value d = dict_new(t);
  if (!d) return {};
  for (std::int64_t i = 0; i < list_length(memo); ++i) {
    Value v = list_item(memo, i);
    if (v && !dict_set(t, d, Value::small_int(i), v)) return {};
  }
  return d;
}

INTERP_NATIVE(unpickler_memo_clear) {
  Value owner = proxy_owner(args[0]);
  Value memo = list_new(t);
  if (!memo) return {};
  UnpicklerObject* u = wr<UnpicklerObject>(owner);
  u->memo = memo;
  u->memo_count = Value::small_int(0);
  return none();
}

INTERP_NATIVE(memo_proxy_new) {
  return raisef(t, exc(E_TypeError), "cannot create '%s' instances", display_name(args[0]).c_str());
}

template <NativeFn Copy>
Value memo_reduce(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  Value copy = Copy(t, args, nargs, kwnames);
  if (!copy) return {};
  Value inner = tuple_from(t, &copy, 1);
  if (!inner) return {};
  Value pair[2] = {type_value(T_dict), inner};
  return tuple_from(t, pair, 2);
}

INTERP_NATIVE(unpickler_get_persistent_load) {
  Value f = rd<UnpicklerObject>(args[0])->pers_func;
  return f ? f : raise(t, exc(E_AttributeError), "persistent_load");
}

INTERP_NATIVE(unpickler_set_persistent_load) {
  if (nargs < 2) return deletion_refused(t), Value();
  if (!is_callable(args[1]))
    return raise(t, exc(E_TypeError), "persistent_load must be a callable taking one argument");
  wr<UnpicklerObject>(args[0])->pers_func = args[1];
  return none();
}

// ---- PickleBuffer -------------------------------------------------------------------------

INTERP_NATIVE(picklebuffer_new) {
  std::size_t given = nargs - 1, npos = given - keyword_count(kwnames);
  if (given > 1)
    return raisef(t, exc(E_TypeError), "PickleBuffer() takes at most 1 argument (%zu given)",
                  given);
  if (npos != 1)
    return raisef(t, exc(E_TypeError),
                  "PickleBuffer() takes exactly 1 positional argument (%zu given)", npos);
  Value view = call1(t, type_value(T_memoryview), args[1]);
  if (!view) {
    if (!matches(t, exc(E_TypeError))) return {};
    clear_pending(t);
    return raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
                  type_name_of(args[1]).c_str());
  }
  Value self = allocate(t, Layout::Instance, args[0], sizeof(PickleBufferObject));
  if (!self) return {};
  fresh<PickleBufferObject>(self)->view = view;
  return self;
}

Value picklebuffer_source(Thread& t, Value v) {
  return is_picklebuffer(v) ? picklebuffer_view(t, v) : Value();
}

// bytes(pb) and the other consumers of the buffer protocol.
int picklebuffer_contents(Thread& t, Value v, std::string& out) {
  if (!is_picklebuffer(v)) return 0;
  Value view = picklebuffer_view(t, v);
  Value fn = view ? getattr(t, view, intern_literal(t, "tobytes")) : Value();
  Value b = fn ? call0(t, fn) : Value();
  if (!b) return -1;
  out.assign(bytes_view(b));
  return 1;
}

INTERP_NATIVE(picklebuffer_raw) {
  if (!check_positional(t, "raw", nargs, kwnames, 0, 0)) return {};
  Value view = picklebuffer_view(t, args[0]);
  Value contiguous = view ? getattr(t, view, intern_literal(t, "contiguous")) : Value();
  if (!contiguous) return {};
  if (contiguous != py_bool(true))
    return raise(t, exc(E_BufferError), "cannot extract raw buffer from non-contiguous buffer");
  Value cast = getattr(t, view, intern_literal(t, "cast"));
  return cast ? call1(t, cast, intern_literal(t, "B")) : Value();
}

INTERP_NATIVE(picklebuffer_release) {
  if (!check_positional(t, "release", nargs, kwnames, 0, 0)) return {};
  Value view = rd<PickleBufferObject>(args[0])->view;
  if (view) {
    Value release = getattr(t, view, intern_literal(t, "release"));
    if (!release || !call0(t, release)) return {};
    wr<PickleBufferObject>(args[0])->view = {};
  }
  return none();
}

// ---- module functions ---------------------------------------------------------------------

// dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None) and dumps
// (without file).
Value dump_function(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool to_file) {
  Value a[5] = {};
  bool ok = to_file
                ? bind(t, "dump", args, nargs, kwnames,
                       {"obj", "file", "protocol", "fix_imports", "buffer_callback"}, 0, 3, 2, a)
                : bind(t, "dumps", args, nargs, kwnames,
                       {"obj", "protocol", "fix_imports", "buffer_callback"}, 0, 2, 1, a);
  if (!ok) return {};
  Value* rest = to_file ? a + 2 : a + 1;
  DumpSettings s;
  bool fix;
  if (!protocol_arg(t, rest[0], s.proto) || !flag_arg(t, rest[1], true, fix)) return {};
  s.fix_imports = fix && s.proto < 3;
  if (to_file && !(s.write = write_method(t, a[1]))) return {};
  if (!buffer_callback_arg(t, rest[2], s.proto, s.buffer_callback)) return {};
  return run_dump(t, s, a[0]);
}

INTERP_NATIVE(mod_dump) {
  return dump_function(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(mod_dumps) {
  return dump_function(t, args, nargs, kwnames, false);
}

// load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()) and
// loads(data, /, ...).
Value load_function(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                    bool from_file) {
  const char* fname = from_file ? "load" : "loads";
  std::size_t npos = nargs - keyword_count(kwnames);
  if (!from_file && npos != 1)
    return raisef(t, exc(E_TypeError), "loads() takes exactly 1 positional argument (%zu given)",
                  npos);
  Value a[5] = {};
  if (!bind(t, fname, args, nargs, kwnames,
            {from_file ? "file" : "data", "fix_imports", "encoding", "errors", "buffers"},
            from_file ? 0 : 1, 1, 1, a))
    return {};
  LoadSettings s;
  std::string data;
  if (from_file) {
    if (!read_methods(t, a[0], s.read, s.readline, s.peek)) return {};
  } else {
    if (str_check(a[0]))
      return raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
                    type_name_of(a[0]).c_str());
    bool error = false;
    if (!buffer_contents(t, a[0], data, error)) {
      if (!error)
        raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
               type_name_of(a[0]).c_str());
      return {};
    }
    s.data = &data;
  }
  if (!flag_arg(t, a[1], true, s.fix_imports) ||
      !str_arg(t, fname, "encoding", a[2], "ASCII", s.encoding) ||
      !str_arg(t, fname, "errors", a[3], "strict", s.errors) || !buffers_arg(t, a[4], s.buffers))
    return {};
  return run_load(t, s);
}

INTERP_NATIVE(mod_load) {
  return load_function(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(mod_loads) {
  return load_function(t, args, nargs, kwnames, false);
}

// ---- the module ---------------------------------------------------------------------------

Value make_class(Thread& t, Value module, const char* type_name, NativeFn make, NativeFn init,
                 std::initializer_list<ModuleFunction> methods, bool subclassable = true) {
  Value type = new_type(t, type_name, "_pickle", Layout::Instance, {}, subclassable);
  if (!type) return {};
  if (make) add_staticmethod(t, type, "__new__", make);
  if (init) add_method(t, type, "__init__", init);
  for (const ModuleFunction& m : methods)
    add_method(t, type, m.name, m.fn);
  module_set(t, module, type_name, type);
  return type;
}

} // namespace

} // namespace interp::pickle

namespace interp {

void register_view_source(Value (*source)(Thread& t, Value v)); // memoryview.cc
void register_buffer_provider(int (*provider)(Thread& t, Value v, std::string& out)); // bytes.cc

Value make_pickle_module(Thread& t) {
  using namespace pickle;
  static const ModuleFunction kFunctions[] = {
      {"dump", mod_dump},
      {"dumps", mod_dumps},
      {"load", mod_load},
      {"loads", mod_loads},
  };
  Value m = new_module(t, "_pickle", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "__doc__",
             str_from_ascii(t, "Optimized C implementation for the Python pickle module."));
  Value base = new_exception_type(t, "PickleError", "_pickle", exc(E_Exception));
  Value perr = base ? new_exception_type(t, "PicklingError", "_pickle", base) : Value();
  Value uerr = base ? new_exception_type(t, "UnpicklingError", "_pickle", base) : Value();
  if (!perr || !uerr) return {};
  module_set(t, m, "PickleError", base);
  module_set(t, m, "PicklingError", perr);
  module_set(t, m, "UnpicklingError", uerr);

  Value p = make_class(t, m, "Pickler", pickler_new, pickler_init,
                       {{"dump", pickler_dump}, {"clear_memo", pickler_clear_memo}});
  if (!p) return {};
  add_getter(t, p, "memo", pickler_get_memo, pickler_set_memo);
  add_getter(t, p, "persistent_id", pickler_get_persistent_id, pickler_set_persistent_id);
  add_getter(t, p, "dispatch_table", pickler_get_dispatch_table, pickler_set_dispatch_table);
  add_getter(t, p, "fast", pickler_get_fast, pickler_set_fast);
  add_getter(t, p, "bin", pickler_get_bin);
  update_type_flags(p);

  Value u = make_class(t, m, "Unpickler", unpickler_new, unpickler_init,
                       {{"load", unpickler_load}, {"find_class", unpickler_find_class}});
  if (!u) return {};
  add_getter(t, u, "memo", unpickler_get_memo, unpickler_set_memo);
  add_getter(t, u, "persistent_load", unpickler_get_persistent_load, unpickler_set_persistent_load);
  update_type_flags(u);

  Value pm = make_class(t, m, "PicklerMemoProxy", memo_proxy_new, nullptr,
                        {{"copy", pickler_memo_copy},
                         {"clear", pickler_memo_clear},
                         {"__reduce__", memo_reduce<pickler_memo_copy>}},
                        false);
  Value um = make_class(t, m, "UnpicklerMemoProxy", memo_proxy_new, nullptr,
                        {{"copy", unpickler_memo_copy},
                         {"clear", unpickler_memo_clear},
                         {"__reduce__", memo_reduce<unpickler_memo_copy>}},
                        false);
  if (!pm || !um) return {};
  update_type_flags(pm);
  update_type_flags(um);

  Value pb = new_type(t, "PickleBuffer", "pickle", Layout::Instance, {}, false);
  if (!pb) return {};
  add_staticmethod(t, pb, "__new__", picklebuffer_new);
  add_method(t, pb, "raw", picklebuffer_raw);
  add_method(t, pb, "release", picklebuffer_release);
  update_type_flags(pb);
  make_weakrefable(pb);
  module_set(t, m, "PickleBuffer", pb);
  picklebuffer_type_bits.store(pb.bits());
  register_view_source(picklebuffer_source);
  register_buffer_provider(picklebuffer_contents);
  return m;
}

} // namespace interp
