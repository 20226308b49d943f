// interp/modules/builtins.cc - the builtins module: the functions every program sees.
#include "interp/compile/code_unit.h"
#include "interp/compile_source.h"
#include "interp/modules/ast_objects.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include "interp/text/str_repr.h"

#include <cmath>
#include <unistd.h>
#include <vector>

namespace interp {

bool buffer_contents(Thread& t, Value v, std::string& out, bool& error); // bytes.cc

Value io_open_function(Thread& t, const Value* args, std::size_t nargs, Value kwnames); // io.cc

namespace {

// ---- output ---------------------------------------------------------------------------------

INTERP_NATIVE(builtin_print) {
  static const char* const kAllowed[] = {"sep", "end", "file", "flush", nullptr};
  if (!check_keywords(t, "print", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  Value sep = keyword_arg(kwnames, args, nargs, "sep");
  Value end = keyword_arg(kwnames, args, nargs, "end");
  Value file = keyword_arg(kwnames, args, nargs, "file");
  Value flush = keyword_arg(kwnames, args, nargs, "flush");
  if (sep && sep != none() && !str_check(sep))
    return raisef(t, exc(E_TypeError), "sep must be None or a string, not %s",
                  type_name_of(sep).c_str());
  if (end && end != none() && !str_check(end))
    return raisef(t, exc(E_TypeError), "end must be None or a string, not %s",
                  type_name_of(end).c_str());
  if (!file || file == none()) {
    file = getattr(t, runtime().sys_module, name(N_stdout));
    if (!file) return {};
    if (file == none()) return none();
  }
  // A file whose write() is written in Python sees each piece in its own call, as CPython
  // writes them; a builtin stream gets the line in one write, which keeps the lines of
  // threads printing at once whole.
  Value own_write = type_lookup(type_of(file), name(N_write));
  if (!own_write || !is_native_descriptor_type(type_of(own_write))) {
    Value sep_v = sep && sep != none() ? sep : Value();
    Value end_v = end && end != none() ? end : Value();
    auto put = [&](Value piece) { return bool(call_method(t, file, N_write, &piece, 1)); };
    for (std::size_t i = 0; i < npos; ++i) {
      if (i) {
        Value sv = sep_v ? sep_v : str_from_ascii(t, " ");
        if (!sv || !put(sv)) return {};
      }
      Value s = str(t, args[i]);
      if (!s || !put(s)) return {};
    }
    Value ev = end_v ? end_v : str_from_ascii(t, "\n");
    if (!ev || !put(ev)) return {};
  } else {
    std::string sep_text = sep && sep != none() ? str_utf8(sep) : " ";
    std::string end_text = end && end != none() ? str_utf8(end) : "\n";
    std::string text;
    for (std::size_t i = 0; i < npos; ++i) {
      if (i) text += sep_text;
      Value s = str(t, args[i]);
      if (!s) return {};
      text += str_utf8(s);
    }
    text += end_text;
    Value s = str_from_utf8(t, text);
    if (!s) return {};
    if (!call_method(t, file, N_write, &s, 1)) return {};
  }
  if (flush && flush != none()) {
    int f = truthy(t, flush);
    if (f < 0) return {};
    if (f && !call_method(t, file, N_flush, nullptr, 0)) return {};
  }
  return none();
}

// ---- conversions and inspection ---------------------------------------------------------------

INTERP_NATIVE(builtin_len) {
  if (!check_positional(t, "len", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t n;
  if (!length(t, args[0], n)) return {};
  return int_from_i64(t, n); // up to sys.maxsize, beyond the tagged ints
}

INTERP_NATIVE(builtin_repr) {
  if (!check_positional(t, "repr", nargs, kwnames, 1, 1, 0)) return {};
  return repr(t, args[0]);
}

INTERP_NATIVE(builtin_ascii) {
  if (!check_positional(t, "ascii", nargs, kwnames, 1, 1, 0)) return {};
  return ascii(t, args[0]);
}

INTERP_NATIVE(builtin_id) {
  if (!check_positional(t, "id", nargs, kwnames, 1, 1, 0)) return {};
  // The word itself, read unsigned: ids are never negative, and tagged ints and floats
  // (whose words are odd, or 2 mod 4) never share one with a heap object.
  return int_from_big(t, num::BigInt::from_uint64(args[0].bits()));
}

INTERP_NATIVE(builtin_hash) {
  if (!check_positional(t, "hash", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t h;
  if (!hash(t, args[0], h)) return {};
  return int_from_i64(t, h);
}

INTERP_NATIVE(builtin_callable) {
  if (!check_positional(t, "callable", nargs, kwnames, 1, 1, 0)) return {};
  return py_bool(is_callable(args[0]));
}

// ---- isinstance and issubclass --------------------------------------------------------------
// Classes answer for themselves (a metaclass's __instancecheck__ / __subclasscheck__, or
// type's, which the fast paths below stand for); any other object that has __bases__ (a
// tuple) counts as a class too, its bases walked as a class's would be (the "abstract"
// protocol, as in CPython).

bool is_class_object(Value v) {
  return v.is_object() && is_layout(v, Layout::Type);
}

// v.__bases__ when it is a tuple; 0 otherwise (with an exception pending only for an error
// other than AttributeError).
Value abstract_bases(Thread& t, Value v) {
  Value bases = getattr_opt(t, v, name(N___bases__));
  if (!bases || !(bases.is_object() && isinstance(bases, T_tuple))) return {};
  return bases;
}

int abstract_issubclass(Thread& t, Value derived, Value cls) {
  for (;;) {
    if (derived == cls) return 1;
    Value bases = abstract_bases(t, derived);
    if (!bases) return t.pending ? -1 : 0;
    std::int64_t n = tuple_length(bases);
    if (n == 0) return 0;
    if (n == 1) {
      derived = tuple_item(bases, 0);
      continue;
    }
    CRecursion level{t, " in __subclasscheck__"};
    if (!level) return -1;
    for (std::int64_t i = 0; i < n; ++i) {
      int r = abstract_issubclass(t, tuple_item(bases, i), cls);
      if (r) return r;
    }
    return 0;
  }
}

bool check_class(Thread& t, Value v, const char* message) {
  if (abstract_bases(t, v)) return true;
  if (!t.pending) raise(t, exc(E_TypeError), message);
  return false;
}

// isinstance without the class's own __instancecheck__.
int plain_isinstance(Thread& t, Value obj, Value cls) {
  if (is_class_object(cls)) {
    if (is_subtype(type_of(obj), cls)) return 1;
    // obj.__class__ may differ from type(obj) (proxies).
    Value klass = getattr_opt(t, obj, name(N___class__));
    if (t.pending) return -1;
    return klass && klass != type_of(obj) && is_class_object(klass) && is_subtype(klass, cls);
  }
  if (!check_class(t, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
    return -1;
  Value klass = getattr_opt(t, obj, name(N___class__));
  if (!klass) return t.pending ? -1 : 0;
  return abstract_issubclass(t, klass, cls);
}

// issubclass without the class's own __subclasscheck__.
int plain_issubclass(Thread& t, Value sub, Value cls) {
  if (is_class_object(cls) && is_class_object(sub)) return is_subtype(sub, cls);
  if (!check_class(t, sub, "issubclass() arg 1 must be a class")) return -1;
  if (!is_union_object(cls) &&
      !check_class(t, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    return -1;
  return abstract_issubclass(t, sub, cls);
}

// What isinstance and issubclass share past their fast paths: a union stands for its
// members and a tuple for its items (any will do); otherwise the class's type answers
// through `hook` (a metaclass's __instancecheck__ / __subclasscheck__), unless that is
// type's own, whose answer `plain` gives without a call.
using ClassCheck = int (*)(Thread& t, Value x, Value cls);
int check_class_or_items(Thread& t, Value x, Value cls, NameId hook, const char* where,
                         ClassCheck check, ClassCheck plain) {
  if (is_union_object(cls)) cls = union_members(cls);
  if (cls.is_object() && isinstance(cls, T_tuple)) {
    CRecursion level{t, where};
    if (!level) return -1;
    for (std::int64_t i = 0; i < tuple_length(cls); ++i)
      if (int r = check(t, x, tuple_item(cls, i))) return r;
    return 0;
  }
  Value answer = type_lookup(type_of(cls), name(hook));
  if (!answer || (is_layout(answer, Layout::Native) && is_class_object(cls)))
    return plain(t, x, cls);
  Value r = vm::call_function_or_other(t, answer, cls, &x, 1, {});
  return r ? truthy(t, r) : -1;
}

} // namespace

int isinstance_of(Thread& t, Value obj, Value cls) {
  if (type_of(obj) == cls) return 1;
  if (cls.is_object() && type_of(cls) == type_value(T_type)) return plain_isinstance(t, obj, cls);
  return check_class_or_items(t, obj, cls, N___instancecheck__, " in __instancecheck__",
                              isinstance_of, plain_isinstance);
}

int issubclass_of(Thread& t, Value sub, Value cls) {
  if (cls.is_object() && type_of(cls) == type_value(T_type))
    return sub == cls ? 1 : plain_issubclass(t, sub, cls);
  return check_class_or_items(t, sub, cls, N___subclasscheck__, " in __subclasscheck__",
                              issubclass_of, plain_issubclass);
}

namespace {

INTERP_NATIVE(builtin_isinstance) {
  if (!check_positional(t, "isinstance", nargs, kwnames, 2, 2, 0)) return {};
  int r = isinstance_of(t, args[0], args[1]);
  if (r < 0) return {};
  return py_bool(r);
}

INTERP_NATIVE(builtin_issubclass) {
  if (!check_positional(t, "issubclass", nargs, kwnames, 2, 2, 0)) return {};
  int r = issubclass_of(t, args[0], args[1]);
  if (r < 0) return {};
  return py_bool(r);
}

INTERP_NATIVE(builtin_getattr) {
  if (!check_positional(t, "getattr", nargs, kwnames, 2, 3, 0)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
                  type_name_of(args[1]).c_str());
  if (nargs == 3) {
    Value v = getattr_opt(t, args[0], args[1]);
    if (v || t.pending) return v;
    return args[2];
  }
  return getattr(t, args[0], args[1]);
}

INTERP_NATIVE(builtin_setattr) {
  if (!check_positional(t, "setattr", nargs, kwnames, 3, 3, 0)) return {};
  return setattr(t, args[0], args[1], args[2]) ? none() : Value();
}

INTERP_NATIVE(builtin_delattr) {
  if (!check_positional(t, "delattr", nargs, kwnames, 2, 2, 0)) return {};
  return setattr(t, args[0], args[1], {}) ? none() : Value();
}

INTERP_NATIVE(builtin_hasattr) {
  if (!check_positional(t, "hasattr", nargs, kwnames, 2, 2, 0)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
                  type_name_of(args[1]).c_str());
  Value v = getattr_opt(t, args[0], args[1]);
  if (!v && t.pending) return {};
  return py_bool(bool(v));
}

// ---- numbers ------------------------------------------------------------------------------

INTERP_NATIVE(builtin_abs) {
  if (!check_positional(t, "abs", nargs, kwnames, 1, 1, 0)) return {};
  Value v = args[0];
  if (v.is_small_int()) return int_from_i64(t, std::abs(v.small_int_value()));
  Value f = lookup_special(t, v, N___abs__);
  if (!f) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "bad operand type for abs(): '%s'", type_name_of(v).c_str());
    return {};
  }
  return call0(t, f);
}

INTERP_NATIVE(builtin_divmod) {
  if (!check_positional(t, "divmod", nargs, kwnames, 2, 2, 0)) return {};
  Value a = args[0], b = args[1];
  Value f = type_lookup(type_of(a), intern_literal(t, "__divmod__"));
  if (f) {
    Value r = vm::call_function_or_other(t, f, a, &b, 1, {});
    if (!r || r != runtime().not_implemented) return r;
  }
  Value rf = type_lookup(type_of(b), intern_literal(t, "__rdivmod__"));
  if (rf) {
    Value r = vm::call_function_or_other(t, rf, b, &a, 1, {});
    if (!r || r != runtime().not_implemented) return r;
  }
  // ints: divmod through // and %
  if (int_check(a) && int_check(b)) {
    Value q = binary_op(t, a, b, bytecode::BinaryOp::FloorDivide);
    if (!q) return {};
    Value m = binary_op(t, a, b, bytecode::BinaryOp::Remainder);
    if (!m) return {};
    Value items[2] = {q, m};
    return tuple_from(t, items, 2);
  }
  return raisef(t, exc(E_TypeError), "unsupported operand type(s) for divmod(): '%s' and '%s'",
                type_name_of(a).c_str(), type_name_of(b).c_str());
}

INTERP_NATIVE(builtin_pow) {
  static const char* const kAllowed[] = {"base", "exp", "mod", nullptr};
  if (!check_keywords(t, "pow", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  Value base = npos > 0 ? args[0] : keyword_arg(kwnames, args, nargs, "base");
  Value e = npos > 1 ? args[1] : keyword_arg(kwnames, args, nargs, "exp");
  Value mod = npos > 2 ? args[2] : keyword_arg(kwnames, args, nargs, "mod");
  if (!base || !e)
    return raise(t, exc(E_TypeError), "pow() missing required argument 'exp' (pos 2)");
  if (!mod || mod == none()) return binary_op(t, base, e, bytecode::BinaryOp::Power);
  Value f = type_lookup(type_of(base), intern_literal(t, "__pow__"));
  if (!f) return raise(t, exc(E_TypeError), "unsupported operand type(s) for pow()");
  Value argv[2] = {e, mod};
  Value r = vm::call_function_or_other(t, f, base, argv, 2, {});
  if (r == runtime().not_implemented &&
      (isinstance(base, T_float) || isinstance(e, T_float) || isinstance(mod, T_float)))
    return raise(t, exc(E_TypeError),
                 "pow() 3rd argument not allowed unless all arguments are integers");
  if (r == runtime().not_implemented)
    return raisef(t, exc(E_TypeError),
                  "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                  type_name_of(base).c_str(), type_name_of(e).c_str(), type_name_of(mod).c_str());
  return r;
}

INTERP_NATIVE(builtin_round) {
  Value parsed[2];
  if (!parse_arguments(t, "round", args, nargs, kwnames, {"number", "ndigits"}, 0, 1, parsed))
    return {};
  Value number = parsed[0], nd = parsed[1];
  Value f = lookup_special(t, number, N___round__);
  if (!f) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "type %s doesn't define __round__ method",
             type_name_of(number).c_str());
    return {};
  }
  if (nd && nd != none()) return call1(t, f, nd);
  return call0(t, f);
}

Value min_max(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool is_max) {
  const char* fname = is_max ? "max" : "min";
  static const char* const kAllowed[] = {"key", "default", nullptr};
  if (!check_keywords(t, fname, kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  Value key = keyword_arg(kwnames, args, nargs, "key");
  Value dflt = keyword_arg(kwnames, args, nargs, "default");
  if (key == none()) key = {};
  if (npos == 0)
    return raisef(t, exc(E_TypeError), "%s expected at least 1 argument, got 0", fname);
  Value items;
  if (npos == 1) {
    items = list_of(t, args[0]);
    if (!items) return {};
  } else {
    if (dflt)
      return raisef(t, exc(E_TypeError),
                    "Cannot specify a default for %s() with multiple positional arguments", fname);
    items = list_from(t, args, npos);
    if (!items) return {};
  }
  std::int64_t n = list_length(items);
  if (n == 0) {
    if (dflt) return dflt;
    return raisef(t, exc(E_ValueError), "%s() arg is an empty sequence", fname);
  }
  Value best = list_item(items, 0);
  Value best_key = key ? call1(t, key, best) : best;
  if (!best_key) return {};
  for (std::int64_t i = 1; i < n; ++i) {
    Value item = list_item(items, i);
    Value k = key ? call1(t, key, item) : item;
    if (!k) return {};
    Value better =
        compare(t, k, best_key, is_max ? bytecode::CompareOp::Gt : bytecode::CompareOp::Lt);
    if (!better) return {};
    int truth = truthy(t, better);
    if (truth < 0) return {};
    if (truth) {
      best = item;
      best_key = k;
    }
  }
  return best;
}

INTERP_NATIVE(builtin_min) {
  return min_max(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(builtin_max) {
  return min_max(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(builtin_sum) {
  static const char* const kAllowed[] = {"start", nullptr};
  if (!check_keywords(t, "sum", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos < 1 || npos > 2)
    return raisef(t, exc(E_TypeError), "sum() takes at most 2 arguments (%zu given)", npos);
  Value acc = npos > 1 ? args[1] : keyword_arg(kwnames, args, nargs, "start");
  if (!acc) acc = Value::small_int(0);
  if (acc.is_object() && isinstance(acc, T_str))
    return raise(t, exc(E_TypeError), "sum() can't sum strings [use ''.join(seq) instead]");
  if (acc.is_object() && isinstance(acc, T_bytes))
    return raise(t, exc(E_TypeError), "sum() can't sum bytes [use b''.join(seq) instead]");
  if (acc.is_object() && isinstance(acc, T_bytearray))
    return raise(t, exc(E_TypeError), "sum() can't sum bytearray [use b''.join(seq) instead]");
  Value it = iter(t, args[0]);
  if (!it) return {};
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? Value() : acc;
    // A bool adds as the int it is (summing flags is common); tagged sums stay inline.
    if (acc.is_small_int() && (x == runtime().true_ || x == runtime().false_))
      x = Value::small_int(x == runtime().true_);
    if (Value fast = tagged_binary_op(acc, x, unsigned(bytecode::BinaryOp::Add))) {
      acc = fast;
      continue;
    }
    acc = binary_op(t, acc, x, bytecode::BinaryOp::Add);
    if (!acc) return {};
  }
}

INTERP_NATIVE(builtin_all) {
  if (!check_positional(t, "all", nargs, kwnames, 1, 1, 0)) return {};
  Value it = iter(t, args[0]);
  if (!it) return {};
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? Value() : runtime().true_;
    int r = truthy(t, x);
    if (r < 0) return {};
    if (!r) return runtime().false_;
  }
}

INTERP_NATIVE(builtin_any) {
  if (!check_positional(t, "any", nargs, kwnames, 1, 1, 0)) return {};
  Value it = iter(t, args[0]);
  if (!it) return {};
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? Value() : runtime().false_;
    int r = truthy(t, x);
    if (r < 0) return {};
    if (r) return runtime().true_;
  }
}

Value int_to_base(Thread& t, Value v, int base, const char* prefix) {
  if (!int_check(v)) {
    v = index_value(t, v); // __index__ called once, as CPython's PyNumber_Index
    if (!v) return {};
  }
  num::BigInt b = int_big(v);
  auto r = num::to_string(b, base, 0, prefix);
  if (!r.ok()) return NumErrorRaiser::raise_int(t, r.error, r.message);
  return str_from_ascii(t, r.value);
}

INTERP_NATIVE(builtin_hex) {
  if (!check_positional(t, "hex", nargs, kwnames, 1, 1, 0)) return {};
  return int_to_base(t, args[0], 16, "0x");
}
INTERP_NATIVE(builtin_oct) {
  if (!check_positional(t, "oct", nargs, kwnames, 1, 1, 0)) return {};
  return int_to_base(t, args[0], 8, "0o");
}
INTERP_NATIVE(builtin_bin) {
  if (!check_positional(t, "bin", nargs, kwnames, 1, 1, 0)) return {};
  return int_to_base(t, args[0], 2, "0b");
}

INTERP_NATIVE(builtin_chr) {
  if (!check_positional(t, "chr", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t cp;
  if (!int_check(args[0]))
    return raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                  type_name_of(args[0]).c_str());
  if (!index_to_i64(t, args[0], cp)) {
    clear_pending(t);
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
  }
  if (cp < 0 || cp > 0x10ffff)
    return raise(t, exc(E_ValueError), "chr() arg not in range(0x110000)");
  return str_from_code_point(t, char32_t(cp));
}

INTERP_NATIVE(builtin_ord) {
  if (!check_positional(t, "ord", nargs, kwnames, 1, 1, 0)) return {};
  Value v = args[0];
  if (str_check(v)) {
    if (str_length(v) != 1)
      return raisef(t, exc(E_TypeError),
                    "ord() expected a character, but string of length %lld found",
                    (long long)str_length(v));
    return Value::small_int(str_at(v, 0));
  }
  if (v.is_object() && (isinstance(v, T_bytes) || isinstance(v, T_bytearray))) {
    std::string_view b = bytes_view(v);
    if (b.size() != 1)
      return raisef(t, exc(E_TypeError),
                    "ord() expected a character, but string of length %zu found", b.size());
    return Value::small_int(static_cast<unsigned char>(b[0]));
  }
  return raisef(t, exc(E_TypeError), "ord() expected string of length 1, but %s found",
                type_name_of(v).c_str());
}

// ---- iteration ----------------------------------------------------------------------------------

INTERP_NATIVE(builtin_iter) {
  if (!check_positional(t, "iter", nargs, kwnames, 1, 2, 0)) return {};
  if (nargs == 2) {
    if (!is_callable(args[0])) return raise(t, exc(E_TypeError), "iter(v, w): v must be callable");
    Value it = iterator_new(t, T_callable_iterator, args[0]);
    if (it) fresh<IteratorObject>(it)->extra = args[1];
    return it;
  }
  return iter(t, args[0]);
}

INTERP_NATIVE(builtin_next) {
  if (!check_positional(t, "next", nargs, kwnames, 1, 2, 0)) return {};
  Value it = args[0];
  if (!type_lookup(type_of(it), name(N___next__)))
    return raisef(t, exc(E_TypeError), "'%s' object is not an iterator", type_name_of(it).c_str());
  if (it.is_object() && is_layout(it, Layout::Iterator)) {
    Value v = builtin_iterator_next(t, it);
    if (v || t.pending) return v;
    if (nargs == 2) return args[1];
    return raise_value(t, exc(E_StopIteration));
  }
  Value f = type_lookup(type_of(it), name(N___next__));
  // A class attribute that is no descriptor (`__next__ = gen.__next__`, already bound, as
  // ElementTree.iterparse makes) is called as it is.
  bool bound =
      f.is_object() && is_layout(f, Layout::Native) && !is_native_descriptor_type(type_of(f));
  Value v = bound ? call0(t, f) : vm::call_function_or_other(t, f, it, nullptr, 0, {});
  if (!v && !t.pending) { // a native __next__ at its end: 0 with no exception
    if (nargs == 2) return args[1];
    return raise_value(t, exc(E_StopIteration));
  }
  if (!v && nargs == 2 && matches(t, exc(E_StopIteration))) {
    clear_pending(t);
    return args[1];
  }
  return v;
}

} // namespace

NativeFn vm::builtin_next_function() {
  return builtin_next;
}

namespace {

INTERP_NATIVE(builtin_aiter) {
  if (!check_positional(t, "aiter", nargs, kwnames, 1, 1, 0)) return {};
  Value f = lookup_special(t, args[0], N___aiter__);
  if (!f) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "'%s' object is not an async iterable",
             type_name_of(args[0]).c_str());
    return {};
  }
  Value it = call0(t, f);
  if (!it) return {};
  if (!type_lookup(type_of(it), name(N___anext__)))
    return raisef(t, exc(E_TypeError), "aiter() returned not an async iterator of type '%s'",
                  type_name_of(it).c_str());
  return it;
}

// anext(it, default) awaits it.__anext__() and turns StopAsyncIteration into the default:
// a small coroutine function, compiled when first needed and kept in the builtins dict.
Value anext_with_default(Thread& t) {
  Value key = intern_literal(t, "__anext_default__");
  Value helper = dict_get_str(runtime().builtins, key);
  if (helper) return helper;
  static const char kSource[] = "async def __anext_default__(awaitable, default):\n"
                                "    try:\n"
                                "        return await awaitable\n"
                                "    except StopAsyncIteration:\n"
                                "        return default\n";
  Value code = compile_source(t, kSource, "<anext>", ast::Mode::Exec);
  if (!code) return {};
  Value ns = dict_new(t);
  if (!ns || !dict_set(t, ns, name(N___builtins__), runtime().builtins_module)) return {};
  if (!vm::run_code(t, code, ns, ns)) return {};
  helper = dict_get_str(ns, key);
  if (!helper) return raise(t, exc(E_SystemError), "anext helper missing");
  return helper;
}

INTERP_NATIVE(builtin_anext) {
  if (!check_positional(t, "anext", nargs, kwnames, 1, 2, 0)) return {};
  Value f = lookup_special(t, args[0], N___anext__);
  if (!f) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "'%s' object is not an async iterator",
             type_name_of(args[0]).c_str());
    return {};
  }
  Value awaitable = call0(t, f);
  if (!awaitable || nargs == 1) return awaitable;
  Value helper = anext_with_default(t);
  if (!helper) return {};
  return call2(t, helper, awaitable, args[1]);
}

INTERP_NATIVE(builtin_breakpoint) {
  Value hook = getattr_opt(t, runtime().sys_module, intern_literal(t, "breakpointhook"));
  if (!hook) {
    if (!t.pending) raise(t, exc(E_RuntimeError), "lost sys.breakpointhook");
    return {};
  }
  return call(t, hook, args, nargs, kwnames);
}

INTERP_NATIVE(builtin_sorted) {
  if (nargs - keyword_count(kwnames) != 1) {
    std::size_t n = nargs - keyword_count(kwnames);
    return raisef(t, exc(E_TypeError), "sorted expected 1 argument, got %zu", n);
  }
  Value list = list_of(t, args[0], true);
  if (!list) return {};
  Value sort = getattr(t, list, intern_literal(t, "sort"));
  if (!sort) return {};
  if (!call(t, sort, args + 1, nargs - 1, kwnames)) return {};
  return list;
}

// ---- namespaces and code ------------------------------------------------------------------------

INTERP_NATIVE(builtin_globals) {
  Value frame = vm::current_frame(t);
  if (!frame) return dict_new(t);
  return rd<FrameObject>(frame)->globals;
}

INTERP_NATIVE(builtin_locals) {
  Value frame = vm::current_frame(t);
  if (!frame) return dict_new(t);
  return frame_locals(t, frame);
}

INTERP_NATIVE(builtin_vars) {
  if (!check_positional(t, "vars", nargs, kwnames, 0, 1, 0)) return {};
  if (nargs == 0) return builtin_locals(t, args, 0, kwnames);
  Value d = getattr_opt(t, args[0], name(N___dict__));
  if (!d) {
    if (!t.pending) raise(t, exc(E_TypeError), "vars() argument must have __dict__ attribute");
    return {};
  }
  return d;
}

INTERP_NATIVE(builtin_dir) {
  if (!check_positional(t, "dir", nargs, kwnames, 0, 1, 0)) return {};
  Value keys;
  if (nargs == 0) {
    // The names of the local namespace, which eval() and exec() may make any mapping.
    Value names = builtin_locals(t, args, 0, kwnames);
    if (names && type_of(names) != type_value(T_dict))
      names = call_method(t, names, N_keys, nullptr, 0);
    keys = names ? list_of(t, names) : Value();
  } else {
    Value dir_method = type_lookup(type_of(args[0]), intern_literal(t, "__dir__"));
    if (!dir_method) return raise(t, exc(E_TypeError), "object does not provide __dir__");
    Value r = vm::call_function_or_other(t, dir_method, args[0], nullptr, 0, {});
    if (!r) return {};
    keys = list_of(t, r);
  }
  if (!keys) return {};
  Value sort = getattr(t, keys, intern_literal(t, "sort"));
  if (!sort || !call0(t, sort)) return {};
  return keys;
}

// exec()'s closure=: a tuple of exactly `count` cells.
bool closure_of_cells(Value closure, std::size_t count) {
  if (!closure || !closure.is_object() || !isinstance(closure, T_tuple) ||
      std::size_t(tuple_length(closure)) != count)
    return false;
  for (std::size_t k = 0; k < count; ++k) {
    Value cell = tuple_item(closure, std::int64_t(k));
    if (!cell.is_object() || !is_layout(cell, Layout::Cell)) return false;
  }
  return true;
}

Value exec_or_eval(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool is_eval) {
  const char* fname = is_eval ? "eval" : "exec";
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos < 1 || npos > 3)
    return raisef(t, exc(E_TypeError), "%s expected at most 3 arguments, got %zu", fname, npos);
  Value source = args[0];
  Value globals = npos > 1 ? args[1] : keyword_arg(kwnames, args, nargs, "globals");
  Value locals = npos > 2 ? args[2] : keyword_arg(kwnames, args, nargs, "locals");
  if (globals == none()) globals = {};
  if (locals == none()) locals = {};
  Value frame = vm::current_frame(t);
  if (!globals) {
    globals = frame ? rd<FrameObject>(frame)->globals : dict_new(t);
    if (!locals) locals = frame ? frame_locals(t, frame) : globals; // up to date at every call
  } else if (!dict_check(globals)) {
    if (!is_eval)
      return raisef(t, exc(E_TypeError), "exec() globals must be a dict, not %s",
                    type_name_of(globals).c_str());
    return raise(t, exc(E_TypeError),
                 type_lookup(type_of(globals), name(N___getitem__))
                     ? "globals must be a real dict; try eval(expr, {}, mapping)"
                     : "globals must be a dict");
  }
  // CPython's mapping check: the type can subscript.
  if (locals && !type_lookup(type_of(locals), name(N___getitem__))) {
    if (is_eval) return raise(t, exc(E_TypeError), "locals must be a mapping");
    return raisef(t, exc(E_TypeError), "locals must be a mapping or None, not %s",
                  type_name_of(locals).c_str());
  }
  if (!locals) locals = globals;
  Value code, closure;
  if (source.is_object() && is_layout(source, Layout::Code)) {
    code = source;
    // A function's code that reads its enclosing function's variables cannot run alone.
    std::size_t nfree = code_unit(code).freevars.size();
    if (nfree && is_eval)
      return raise(t, exc(E_TypeError),
                   "code object passed to eval() may not contain free variables");
    closure = keyword_arg(kwnames, args, nargs, "closure");
    if (closure == none()) closure = {};
    if (closure && !nfree)
      return raise(t, exc(E_TypeError), "cannot use a closure with this code object");
    if (nfree && !closure_of_cells(closure, nfree))
      return raisef(t, exc(E_TypeError), "code object requires a closure of exactly length %zu",
                    nfree);
  } else {
    Value closure_arg = keyword_arg(kwnames, args, nargs, "closure");
    if (closure_arg && closure_arg != none())
      return raise(t, exc(E_TypeError), "closure can only be used when source is a code object");
    std::string text;
    if (str_check(source))
      text = str_utf8(source);
    else if (source.is_object() && (isinstance(source, T_bytes) || isinstance(source, T_bytearray)))
      text = std::string(bytes_view(source));
    else
      return raisef(t, exc(E_TypeError), "%s() arg 1 must be a string, bytes or code object",
                    fname);
    if (is_eval) {
      std::size_t a = text.find_first_not_of(" \t");
      text = a == std::string::npos ? "" : text.substr(a);
    }
    code = compile_source(t, text, "<string>", is_eval ? ast::Mode::Eval : ast::Mode::Exec, -1,
                          str_check(source) ? parse::SourceKind::Text : parse::SourceKind::Bytes);
    if (!code) return {};
  }
  Value r = vm::run_code(t, code, globals, locals, closure);
  if (!r) return {};
  return is_eval ? r : none();
}

INTERP_NATIVE(builtin_exec) {
  return exec_or_eval(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(builtin_eval) {
  return exec_or_eval(t, args, nargs, kwnames, true);
}

// compile()'s flags: the __future__ features, PyCF_MASK_OBSOLETE, and the PyCF_* flags
// of the compiler (DONT_IMPLY_DEDENT, ONLY_AST, TYPE_COMMENTS, ALLOW_TOP_LEVEL_AWAIT,
// ALLOW_INCOMPLETE_INPUT). ONLY_AST and ALLOW_TOP_LEVEL_AWAIT change what compile() does here.
constexpr std::int64_t kOnlyAst = 0x400;
constexpr std::int64_t kAllowTopLevelAwait = 0x2000;
constexpr std::int64_t kKnownCompileFlags = 0x1fe0010 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000;

INTERP_NATIVE(builtin_compile) {
  static const char* const kAllowed[] = {
      "source",   "filename",         "mode", "flags", "dont_inherit",
      "optimize", "_feature_version", nullptr};
  if (!check_keywords(t, "compile", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  for (std::size_t i = 0; i < npos && kAllowed[i]; ++i)
    if (keyword_arg(kwnames, args, nargs, kAllowed[i]))
      return raisef(t, exc(E_TypeError),
                    "argument for compile() given by name ('%s') and position (%zu)", kAllowed[i],
                    i + 1);
  Value source = npos > 0 ? args[0] : keyword_arg(kwnames, args, nargs, "source");
  Value filename = npos > 1 ? args[1] : keyword_arg(kwnames, args, nargs, "filename");
  Value mode = npos > 2 ? args[2] : keyword_arg(kwnames, args, nargs, "mode");
  if (!source || !filename || !mode)
    return raise(t, exc(E_TypeError), "compile() missing required argument");
  std::int64_t flags = 0;
  if (Value f = npos > 3 ? args[3] : keyword_arg(kwnames, args, nargs, "flags"))
    if (!index_to_i64(t, f, flags)) return {};
  if (flags & ~kKnownCompileFlags)
    return raise(t, exc(E_ValueError), "compile(): unrecognised flags");
  std::string m = str_check(mode) ? str_utf8(mode) : "";
  ast::Mode am;
  if (m == "exec")
    am = ast::Mode::Exec;
  else if (m == "eval")
    am = ast::Mode::Eval;
  else if (m == "single")
    am = ast::Mode::Single;
  else if (m == "func_type" && !(flags & kOnlyAst))
    return raise(t, exc(E_ValueError), "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  else if (m == "func_type")
    am = ast::Mode::FuncType;
  else
    return raise(t, exc(E_ValueError),
                 flags & kOnlyAst ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                                  : "compile() mode must be 'exec', 'eval' or 'single'");
  std::string file = str_check(filename) ? str_utf8(filename) : "<string>";
  int optimize = -1;
  if (Value level = npos > 5 ? args[5] : keyword_arg(kwnames, args, nargs, "optimize")) {
    if (!level.is_small_int())
      return raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                    type_name_of(level).c_str());
    optimize = int(level.small_int_value());
    if (optimize < -1 || optimize > 2)
      return raise(t, exc(E_ValueError), "compile(): invalid optimize value");
  }
  std::string text;
  if (str_check(source)) {
    text = str_utf8(source);
  } else if (source.is_object() && isinstance(source, T_bytes)) {
    text = std::string(bytes_view(source));
  } else if (bool error = false; buffer_contents(t, source, text, error) || error) {
    if (error) return {};
  } else {
    int is_tree = is_ast_object(t, source);
    if (is_tree < 0) return {};
    if (!is_tree)
      return raise(t, exc(E_TypeError), "compile() arg 1 must be a string, bytes or AST object");
    if (flags & kOnlyAst) return source;
    ast::Module tree;
    tree.mode = am;
    if (!ast_from_objects(t, source, tree)) return {};
    return compile_tree(t, tree, file, optimize, flags & kAllowTopLevelAwait);
  }
  parse::SourceKind kind = str_check(source) ? parse::SourceKind::Text : parse::SourceKind::Bytes;
  if (flags & kOnlyAst) return parse_to_objects(t, text, file, am, kind);
  return compile_source(t, text, file, am, optimize, kind, flags & kAllowTopLevelAwait);
}

INTERP_NATIVE(builtin_build_class) {
  // __build_class__(func, name, *bases, metaclass=..., **kwds)
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - nkw;
  if (npos < 2) return raise(t, exc(E_TypeError), "__build_class__: not enough arguments");
  Value body = args[0], class_name = args[1];
  if (!is_layout(body, Layout::Function))
    return raise(t, exc(E_TypeError), "__build_class__: func must be a function");
  if (!str_check(class_name))
    return raise(t, exc(E_TypeError), "__build_class__: name is not a string");
  Value orig_bases = tuple_from(t, args + 2, npos - 2);
  if (!orig_bases) return {};
  // PEP 560: __mro_entries__ of non-class bases.
  Value bases = orig_bases;
  bool changed = false;
  {
    Value list = list_new(t);
    if (!list) return {};
    for (std::int64_t i = 0; i < tuple_length(orig_bases); ++i) {
      Value b = tuple_item(orig_bases, i);
      if (!is_layout(b, Layout::Type)) {
        Value entries = getattr_opt(t, b, name(N___mro_entries__));
        if (t.pending) return {};
        if (entries) {
          Value r = call1(t, entries, orig_bases);
          if (!r) return {};
          if (!isinstance(r, T_tuple))
            return raise(t, exc(E_TypeError), "__mro_entries__ must return a tuple");
          for (std::int64_t k = 0; k < tuple_length(r); ++k)
            if (!list_append(t, list, tuple_item(r, k))) return {};
          changed = true;
          continue;
        }
      }
      if (!list_append(t, list, b)) return {};
    }
    if (changed) {
      bases = list_to_tuple(t, list);
      if (!bases) return {};
    }
  }
  Value meta = keyword_arg(kwnames, args, nargs, "metaclass");
  Value kwargs = dict_new(t);
  if (!kwargs) return {};
  for (std::size_t i = 0; i < nkw; ++i) {
    Value k = tuple_item(kwnames, std::int64_t(i));
    if (str_equal_ascii(k, "metaclass")) continue;
    if (!dict_set(t, kwargs, k, args[npos + i])) return {};
  }
  bool meta_is_class = true;
  if (!meta) {
    meta = tuple_length(bases) ? type_of(tuple_item(bases, 0)) : type_value(T_type);
  } else {
    meta_is_class = is_layout(meta, Layout::Type);
  }
  if (meta_is_class) {
    // The most derived metaclass.
    Value winner = meta;
    for (std::int64_t i = 0; i < tuple_length(bases); ++i) {
      Value bm = type_of(tuple_item(bases, i));
      if (is_subtype(winner, bm)) continue;
      if (is_subtype(bm, winner)) {
        winner = bm;
        continue;
      }
      return raise(t, exc(E_TypeError),
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                   "subclass of the metaclasses of all its bases");
    }
    meta = winner;
  }
  // ns = meta.__prepare__(name, bases, **kwargs)
  Value ns;
  Value prepare = getattr_opt(t, meta, name(N___prepare__));
  if (t.pending) return {};
  if (prepare) {
    Value pargs[2] = {class_name, bases};
    ns = call_ex(t, prepare, tuple_from(t, pargs, 2), kwargs);
    if (!ns) return {};
    if (!type_lookup(type_of(ns), name(N___getitem__)))
      return raisef(t, exc(E_TypeError), "%s.__prepare__() must return a mapping, not %s",
                    meta_is_class ? type_name(meta).c_str() : "<metaclass>",
                    type_name_of(ns).c_str());
  } else {
    ns = dict_new(t);
    if (!ns) return {};
  }
  // Run the body with ns as its locals.
  Value cell = vm::run_class_body(t, body, ns);
  if (!cell) return {};
  if (changed && !setitem(t, ns, intern_literal(t, "__orig_bases__"), orig_bases)) return {};
  Value margs[3] = {class_name, bases, ns};
  Value cls = call_ex(t, meta, tuple_from(t, margs, 3), kwargs);
  if (!cls) return {};
  // A metaclass must hand the namespace's __classcell__ on to type.__new__, which fills it.
  if (is_layout(cell, Layout::Cell) && is_layout(cls, Layout::Type)) {
    Value content = rd<CellObject>(cell)->ref;
    if (!content)
      return raisef(t, exc(E_RuntimeError),
                    "__class__ not set defining %s as %s. Was __classcell__ propagated to "
                    "type.__new__?",
                    repr_utf8(t, class_name).c_str(), repr_utf8(t, cls).c_str());
    if (content != cls)
      return raisef(t, exc(E_TypeError), "__class__ set to %s defining %s as %s",
                    repr_utf8(t, content).c_str(), repr_utf8(t, class_name).c_str(),
                    repr_utf8(t, cls).c_str());
  }
  return cls;
}

// Whether sys.stdin or sys.stdout is the process's terminal on `fd`; an object without a
// usable fileno() is not.
bool stream_is_terminal(Thread& t, Value stream, int fd) {
  Value fileno = stream ? getattr(t, stream, intern_literal(t, "fileno")) : Value();
  Value n = fileno ? call0(t, fileno) : Value();
  std::int64_t got = -1;
  if (!n || !int_to_i64(n, got)) {
    clear_pending(t);
    return false;
  }
  return got == fd && ::isatty(fd);
}

// input() on the terminal once readline was imported, as CPython's: readline shows the
// prompt and edits the line.
Value input_with_readline(Thread& t, const Value* args, std::size_t nargs, Value out) {
  std::string prompt;
  if (nargs == 1) {
    Value s = str(t, args[0]);
    if (!s) return {};
    prompt = str_utf8(s);
  }
  if (!call_method(t, out, N_flush, nullptr, 0)) return {};
  std::string line;
  int got = read_line_with_readline(t, prompt, line, true);
  if (got < 0) return {};
  if (got == 0) return raise(t, exc(E_EOFError), "");
  return str_from_utf8(t, line);
}

// sys.<stream> for input(), which CPython refuses to run without.
Value input_stream(Thread& t, NameId stream, const char* shown) {
  Value v = getattr_opt(t, runtime().sys_module, name(stream));
  if (!v && !t.pending || v == none())
    return raisef(t, exc(E_RuntimeError), "input(): lost sys.%s", shown);
  return v;
}

INTERP_NATIVE(builtin_input) {
  if (!check_positional(t, "input", nargs, kwnames, 0, 1, 0)) return {};
  Value in = input_stream(t, N_stdin, "stdin");
  Value out = in ? input_stream(t, N_stdout, "stdout") : Value();
  Value err = out ? input_stream(t, N_stderr, "stderr") : Value();
  if (!err) return {};
  // As CPython's, flush errors are ignored: a stream without flush() does not stop the read.
  if (!call_method(t, err, N_flush, nullptr, 0)) clear_pending(t);
  if (readline_imported() && stream_is_terminal(t, in, 0) && stream_is_terminal(t, out, 1))
    return input_with_readline(t, args, nargs, out);
  if (nargs == 1) {
    Value s = str(t, args[0]);
    if (!s || !call_method(t, out, N_write, &s, 1)) return {};
  }
  if (!call_method(t, out, N_flush, nullptr, 0)) clear_pending(t);
  Value readline = getattr(t, in, intern_literal(t, "readline"));
  if (!readline) return {};
  Value text = call0(t, readline);
  if (!text) return {};
  if (!str_check(text)) return raise(t, exc(E_TypeError), "object.readline() returned non-string");
  std::int64_t n = str_length(text);
  if (n == 0) return raise(t, exc(E_EOFError), "EOF when reading a line");
  std::u32string cps = str_code_points(text);
  if (!cps.empty() && cps.back() == '\n') cps.pop_back();
  return str_from_code_points(t, cps);
}

INTERP_NATIVE(builtin_format) {
  if (!check_positional(t, "format", nargs, kwnames, 1, 2, 0)) return {};
  Value spec = nargs > 1 ? args[1] : runtime().empty_str;
  if (!str_check(spec))
    return raisef(t, exc(E_TypeError), "format() argument 2 must be str, not %s",
                  type_name_of(spec).c_str());
  return format(t, args[0], spec);
}

} // namespace

void init_builtins_module(Thread& t, Value module) {
  Value d = rd<Object>(module)->dict;
  struct Entry {
    const char* name;
    NativeFn fn;
    const char* doc; // the signature (see make_native_function), then a description
  };
  const Entry functions[] = {
      {"print", builtin_print,
       "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\nWrite the "
       "str() of each argument to the stream `file` (sys.stdout by default), separated by "
       "`sep`\nand followed by `end`; flush the stream when `flush` is true."},
      {"len", builtin_len, "len($module, obj, /)\n--\n\nThe number of items in a container."},
      {"repr", builtin_repr,
       "repr($module, obj, /)\n--\n\nThe canonical string form of an object: for many types, text "
       "that eval() turns back\ninto an equal object."},
      {"ascii", builtin_ascii,
       "ascii($module, obj, /)\n--\n\nLike repr(), with every non-ASCII character written as a "
       "\\x, \\u or \\U escape."},
      {"id", builtin_id,
       "id($module, obj, /)\n--\n\nAn integer that identifies the object among the objects alive "
       "at the same time."},
      {"open", io_open_function,
       "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, "
       "newline=None, closefd=True, opener=None)\n--\n\nOpen a file (a path or a file descriptor) "
       "and return a stream over it: text in the\ngiven encoding for modes without 'b', bytes for "
       "binary modes ('rb', 'wb', 'ab', 'r+b', ...).\nRaises OSError when the file cannot be "
       "opened."},
      {"hash", builtin_hash,
       "hash($module, obj, /)\n--\n\nThe hash value of an object: equal objects have equal "
       "hashes."},
      {"callable", builtin_callable,
       "callable($module, obj, /)\n--\n\nWhether the object can be called (functions, classes, "
       "objects with __call__)."},
      {"isinstance", builtin_isinstance,
       "isinstance($module, obj, class_or_tuple, /)\n--\n\nWhether the object is an instance of "
       "the class or of a subclass of it. A tuple\n(or a union such as int | str) checks against "
       "each of its classes."},
      {"issubclass", builtin_issubclass,
       "issubclass($module, cls, class_or_tuple, /)\n--\n\nWhether `cls` derives from the class "
       "(or from one of the classes of a tuple or union)."},
      {"getattr", builtin_getattr,
       "getattr(object, name[, default]) -> value\n\nThe attribute `name` of the object: "
       "getattr(x, 'y') is x.y. With a default, that is\nreturned when the attribute is missing "
       "instead of raising AttributeError."},
      {"setattr", builtin_setattr,
       "setattr($module, obj, name, value, /)\n--\n\nSet the attribute `name` of the object: "
       "setattr(x, 'y', v) is x.y = v."},
      {"delattr", builtin_delattr,
       "delattr($module, obj, name, /)\n--\n\nDelete the attribute `name` of the object: "
       "delattr(x, 'y') is del x.y."},
      {"hasattr", builtin_hasattr,
       "hasattr($module, obj, name, /)\n--\n\nWhether the object has the attribute (getattr() does "
       "not raise AttributeError)."},
      {"abs", builtin_abs, "abs($module, x, /)\n--\n\nThe absolute value of a number."},
      {"divmod", builtin_divmod, "divmod($module, x, y, /)\n--\n\nThe pair (x // y, x % y)."},
      {"pow", builtin_pow,
       "pow($module, /, base, exp, mod=None)\n--\n\nbase ** exp, or base ** exp % mod computed "
       "efficiently when `mod` is given."},
      {"round", builtin_round,
       "round($module, /, number, ndigits=None)\n--\n\nThe number rounded to `ndigits` decimal "
       "digits (halves go to the even neighbour);\nan int when `ndigits` is omitted or None, else "
       "the number's own type."},
      {"min", builtin_min,
       "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) "
       "-> value\n\nThe smallest item of an iterable, or the smallest of two or more arguments. "
       "`default`\nis returned for an empty iterable; `key` computes what is compared."},
      {"max", builtin_max,
       "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) "
       "-> value\n\nThe largest item of an iterable, or the largest of two or more arguments. "
       "`default`\nis returned for an empty iterable; `key` computes what is compared."},
      {"sum", builtin_sum,
       "sum($module, iterable, /, start=0)\n--\n\n`start` plus the sum of the items of the "
       "iterable (numbers; use ''.join() for strings)."},
      {"all", builtin_all,
       "all($module, iterable, /)\n--\n\nWhether every item of the iterable is true (True for an "
       "empty one)."},
      {"any", builtin_any,
       "any($module, iterable, /)\n--\n\nWhether some item of the iterable is true (False for an "
       "empty one)."},
      {"hex", builtin_hex,
       "hex($module, number, /)\n--\n\nThe hexadecimal text of an integer, such as '0xff' or "
       "'-0x10'."},
      {"oct", builtin_oct,
       "oct($module, number, /)\n--\n\nThe octal text of an integer, such as '0o17'."},
      {"bin", builtin_bin,
       "bin($module, number, /)\n--\n\nThe binary text of an integer, such as '0b101'."},
      {"chr", builtin_chr,
       "chr($module, i, /)\n--\n\nThe one-character string of a Unicode code point, 0 <= i <= "
       "0x10ffff."},
      {"ord", builtin_ord,
       "ord($module, c, /)\n--\n\nThe Unicode code point of a one-character string (or the value "
       "of a one-byte bytes)."},
      {"iter", builtin_iter,
       "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nAn iterator over the "
       "object; in the second form, one that calls `callable` until it\nreturns `sentinel`."},
      {"next", builtin_next,
       "next(iterator[, default])\n\nThe next item of the iterator; when it is exhausted, "
       "`default` if given, else\nStopIteration is raised."},
      {"sorted", builtin_sorted,
       "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nA new list of the items of "
       "the iterable in ascending order (a stable sort). `key`\ncomputes what is compared; "
       "`reverse` sorts in descending order."},
      {"aiter", builtin_aiter,
       "aiter($module, async_iterable, /)\n--\n\nThe asynchronous iterator of an asynchronous "
       "iterable."},
      {"anext", builtin_anext,
       "anext($module, aiterator, default=<unrepresentable>, /)\n--\n\nAn awaitable that gives the "
       "next item of the asynchronous iterator; when it is\nexhausted, `default` if given, else "
       "StopAsyncIteration is raised."},
      {"breakpoint", builtin_breakpoint,
       "breakpoint(*args, **kws)\n\nCall sys.breakpointhook(*args, **kws), which starts the pdb "
       "debugger unless the\nPYTHONBREAKPOINT environment variable names another hook (or '0' to "
       "disable it)."},
      {"globals", builtin_globals,
       "globals($module, /)\n--\n\nThe dictionary of the current module's global variables."},
      {"locals", builtin_locals,
       "locals($module, /)\n--\n\nA dictionary of the current scope's local variables."},
      {"vars", builtin_vars,
       "vars([object]) -> dictionary\n\nThe object's __dict__; without an argument, the same as "
       "locals()."},
      {"dir", builtin_dir,
       "dir([object]) -> list of strings\n\nThe sorted names of the object's attributes (its "
       "__dir__ may change them); without an\nargument, the names of the current scope."},
      {"exec", builtin_exec,
       "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\nRun Python "
       "statements, given as a string or as a code object from compile(), in the\ngiven namespaces "
       "(the current ones by default)."},
      {"eval", builtin_eval,
       "eval($module, source, globals=None, locals=None, /)\n--\n\nThe value of a Python "
       "expression, given as a string or as a code object from\ncompile(), evaluated in the given "
       "namespaces (the current ones by default)."},
      {"compile", builtin_compile,
       "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, "
       "optimize=-1, *, _feature_version=-1)\n--\n\nCompile source (a string, bytes or an AST) "
       "into a code object for exec() or eval().\n`mode` is 'exec' for statements, 'eval' for an "
       "expression, 'single' for one\ninteractive statement; `flags` may ask for an AST instead "
       "(ast.PyCF_ONLY_AST)."},
      {"__build_class__", builtin_build_class,
       "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nWhat a class "
       "statement calls: runs the body `func` in a new namespace and makes the class."},
      {"input", builtin_input,
       "input($module, prompt='', /)\n--\n\nRead one line from standard input, without its "
       "newline, after writing `prompt`.\nEOFError is raised at the end of input."},
      {"format", builtin_format,
       "format($module, value, format_spec='', /)\n--\n\nvalue.__format__(format_spec): the value "
       "as text in the format-spec mini-language."},
  };
  for (const Entry& e : functions) {
    Value fn = make_native_function(t, e.name, e.fn, intern_literal(t, "builtins"), e.doc);
    dict_set(t, d, intern_literal(t, e.name), fn);
  }
  Runtime& rt = runtime();
  const std::pair<const char*, TypeId> types[] = {
      {"object", T_object},
      {"type", T_type},
      {"int", T_int},
      {"bool", T_bool},
      {"float", T_float},
      {"complex", T_complex},
      {"str", T_str},
      {"bytes", T_bytes},
      {"bytearray", T_bytearray},
      {"tuple", T_tuple},
      {"list", T_list},
      {"dict", T_dict},
      {"set", T_set},
      {"frozenset", T_frozenset},
      {"range", T_range},
      {"slice", T_slice},
      {"property", T_property},
      {"classmethod", T_classmethod},
      {"staticmethod", T_staticmethod},
      {"super", T_super},
      {"reversed", T_reversed},
      {"enumerate", T_enumerate},
      {"zip", T_zip},
      {"map", T_map},
      {"filter", T_filter},
      {"memoryview", T_memoryview},
  };
  for (auto& [n, id] : types)
    dict_set(t, d, intern_literal(t, n), rt.types[id]);
  for (auto& [n, type] : rt.exception_types)
    dict_set(t, d, intern_literal(t, n.c_str()), type);
  dict_set(t, d, intern_literal(t, "None"), rt.none);
  dict_set(t, d, intern_literal(t, "True"), rt.true_);
  dict_set(t, d, intern_literal(t, "False"), rt.false_);
  dict_set(t, d, intern_literal(t, "NotImplemented"), rt.not_implemented);
  dict_set(t, d, intern_literal(t, "Ellipsis"), rt.ellipsis);
  dict_set(t, d, intern_literal(t, "__debug__"), rt.true_);
}

} // namespace interp
