// interp/ops.cc - calls, text conversion, comparison, hashing, truth, operators and
// the container protocols, dispatched through special methods with builtin fast paths.
#include "interp/ops.h"

#include "gc/gc.h"

#include "interp/num/float_exact.h"
#include "interp/objects/iterators.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <iterator>
#include <new>
#include <stdexcept>
#include <vector>

namespace interp {

using bytecode::BinaryOp;
using bytecode::CompareOp;

bool is_none(Value v) {
  return v == none();
}

// ---- calls -----------------------------------------------------------------------------------

ArgumentsWithFirst::ArgumentsWithFirst(Value first, const Value* args, std::size_t nargs)
    : all_(small_), size_(nargs + 1) {
  if (size_ > std::size(small_)) {
    big_.resize(size_);
    all_ = big_.data();
  }
  all_[0] = first;
  std::copy(args, args + nargs, all_ + 1);
}

Value new_function_of(Thread& t, Value type) {
  Value new_fn = type_lookup(type, name(N___new__));
  if (!new_fn || !is_layout(new_fn, Layout::Wrapper)) return new_fn;
  // A static method (what type() makes of a __new__ function) is called as it is; a class
  // method __new__ is bound first, as CPython's slot_tp_new reads type.__new__.
  if (isinstance(new_fn, T_staticmethod)) return ro<WrapperObject>(new_fn)->wrapped;
  return descriptor_get(t, new_fn, {}, type);
}

static Value call_type(Thread& t, Value type, const Value* args, std::size_t nargs, Value kwnames) {
  std::size_t nkw = kwnames ? std::size_t(tuple_length(kwnames)) : 0;
  if (type == type_value(T_type) && nargs == 1 && nkw == 0) return type_of(args[0]);
  // str(x): what str.__new__ then object.__init__ would do.
  if (type == type_value(T_str) && nargs == 1 && nkw == 0) return str(t, args[0]);
  Value new_fn = new_function_of(t, type);
  if (!new_fn && t.pending) return {};
  ArgumentsWithFirst with_type(type, args, nargs);
  Value instance;
  if (!new_fn)
    return raisef(t, exc(E_TypeError), "cannot create '%s' instances", display_name(type).c_str());
  instance = call(t, new_fn, with_type.data(), with_type.size(), kwnames);
  if (!instance) return {};
  if (!is_subtype(type_of(instance), type)) return instance;
  Value init = type_lookup(type_of(instance), name(N___init__));
  if (!init) return instance;
  // A builtin type with its own __new__ and object's __init__ (int, list, range...):
  // object.__init__ would accept any arguments and do nothing.
  if (!(rd<TypeObject>(type)->flags & kHeapType) && type_of(instance) == type &&
      is_object_slot(init) && !is_object_slot(new_fn))
    return instance;
  // Bound as any special method (a property or other descriptor may stand there).
  Value r = vm::call_function_or_other(t, init, instance, args, nargs, kwnames);
  if (!r) return {};
  if (r != none())
    return raisef(t, exc(E_TypeError), "__init__() should return None, not '%s'",
                  type_name_of(r).c_str());
  return instance;
}

// X.__new__(S, ...): S must be a subtype of X, as CPython's tp_new wrapper checks.
static bool new_arguments_ok(Thread& t, Value owner, const Value* args, std::size_t npos) {
  std::string x = owner ? type_name(owner) : "object";
  if (npos == 0) {
    raisef(t, exc(E_TypeError), "%s.__new__(): not enough arguments", x.c_str());
    return false;
  }
  Value sub = args[0];
  if (!sub.is_object() || !is_layout(sub, Layout::Type)) {
    raisef(t, exc(E_TypeError), "%s.__new__(X): X is not a type object (%s)", x.c_str(),
           type_name_of(sub).c_str());
    return false;
  }
  if (owner && !is_subtype(sub, owner)) {
    std::string s = type_name(sub);
    raisef(t, exc(E_TypeError), "%s.__new__(%s): %s is not a subtype of %s", x.c_str(), s.c_str(),
           s.c_str(), x.c_str());
    return false;
  }
  // Along S's solid bases (__base__, the classes whose layout its instances have), the
  // first whose __new__ is a builtin's must use this same one: int's cannot make a bool,
  // object's cannot make an int subclass's instance. Mixins beside the solid base do not
  // count (class Color(AllMixin, IntFlag) is made by int's __new__), nor classes whose
  // __new__ is written in Python.
  if (owner) {
    Value new_name = name(N___new__);
    for (Value base = sub; base; base = rd<TypeObject>(base)->base) {
      Value f = type_lookup(base, new_name);
      bool builtin_new = f && f.is_object() && is_layout(f, Layout::Wrapper) &&
                         rd<WrapperObject>(f)->wrapped.is_object() &&
                         is_layout(rd<WrapperObject>(f)->wrapped, Layout::Native);
      if (!builtin_new) continue;
      if (f != type_lookup(owner, new_name)) {
        std::string s = display_name(sub), b = display_name(base); // tp_name: module.name
        raisef(t, exc(E_TypeError), "%s.__new__(%s) is not safe, use %s.__new__()", x.c_str(),
               s.c_str(), b.c_str());
        return false;
      }
      break;
    }
  }
  return true;
}

// A call of a native function (a NativeObject), bound or not.
static Value call_native(Thread& t, Value callable, const Value* args, std::size_t nargs,
                         Value kwnames) {
  const NativeObject* n = ro<NativeObject>(callable);
  const NativeInfo& info = runtime().natives[n->index];
  NativeFn fn = info.fn;
  std::size_t nkw = kwnames ? std::size_t(tuple_length(kwnames)) : 0;
  if (n->self) {
    if (info.slot_max_args >= 0 && !slot_arguments_ok(t, info, nargs - nkw, kwnames)) return {};
    // A bound method names the type of its self, as CPython's builtin methods do.
    if (info.method_args >= 0 &&
        !method_arguments_ok(t, info, type_of(n->self), nargs - nkw, kwnames))
      return {};
    ArgumentsWithFirst all(n->self, args, nargs);
    return fn(t, all.data(), all.size(), kwnames);
  }
  if (info.takes_subtype) [[unlikely]] {
    if (!new_arguments_ok(t, n->owner, args, nargs - nkw)) return {};
  }
  if (is_native_descriptor_type(type_of(callable))) {
    std::size_t npos = nargs - nkw;
    if (npos == 0) return native_descriptor_misuse(t, callable, {});
    if (!is_subtype(type_of(args[0]), n->owner))
      return native_descriptor_misuse(t, callable, args[0]);
    if (info.slot_max_args >= 0 && !slot_arguments_ok(t, info, npos - 1, kwnames)) return {};
    if (info.method_args >= 0 && !method_arguments_ok(t, info, n->owner, npos - 1, kwnames))
      return {};
  }
  return fn(t, args, nargs, kwnames);
}

Value call(Thread& t, Value callable, const Value* args, std::size_t nargs, Value kwnames) {
  // str(x): what type.__call__ and str.__new__ would come to, without their lookups.
  if (callable == type_value(T_str) && nargs == 1 && !kwnames) return str(t, args[0]);
  if (callable.is_object()) {
    switch (layout_of(callable)) {
    case Layout::Native:
      // A native whose C++ containers cannot grow as asked raises MemoryError, as CPython
      // does for a result too big to allocate, rather than ending the process.
      try {
        return call_native(t, callable, args, nargs, kwnames);
      } catch (const std::bad_alloc&) {
        return raise_memory_error(t);
      } catch (const std::length_error&) {
        return raise_memory_error(t);
      }
    case Layout::Function:
      return vm::call_function(t, callable, {}, args, nargs, kwnames);
    case Layout::Method: {
      const MethodObject* m = rd<MethodObject>(callable);
      return vm::call_with_self(t, m->function, m->self, args, nargs, kwnames);
    }
    case Layout::Type:
      if (!(rd<TypeObject>(type_of(callable))->flags & kHeapType))
        return call_type(t, callable, args, nargs, kwnames);
      break;
    default:
      break;
    }
  }
  Value type = type_of(callable);
  Value dunder = type_lookup(type, name(N___call__));
  if (!dunder)
    return raisef(t, exc(E_TypeError), "'%s' object is not callable", display_name(type).c_str());
  if (is_layout(callable, Layout::Type) && is_layout(dunder, Layout::Native) &&
      ro<NativeObject>(dunder)->owner == type_value(T_type))
    return call_type(t, callable, args, nargs, kwnames);
  return vm::call_function_or_other(t, dunder, callable, args, nargs, kwnames);
}

Value call0(Thread& t, Value callable) {
  return call(t, callable, nullptr, 0);
}
Value call1(Thread& t, Value callable, Value a) {
  return call(t, callable, &a, 1);
}
Value call2(Thread& t, Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return call(t, callable, args, 2);
}

Value call_method(Thread& t, Value obj, NameId id, const Value* args, std::size_t nargs) {
  Value m = getattr(t, obj, name(id));
  if (!m) return {};
  return call(t, m, args, nargs);
}

Value call_ex(Thread& t, Value callable, Value args, Value kwargs) {
  std::vector<Value> all;
  std::int64_t n = tuple_length(args);
  for (std::int64_t i = 0; i < n; ++i)
    all.push_back(tuple_item(args, i));
  Value kwnames;
  if (kwargs && dict_length(kwargs)) {
    std::int64_t nk = dict_length(kwargs);
    kwnames = tuple_new(t, nk);
    if (!kwnames) return {};
    std::int64_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(kwargs, pos, k, v)) {
      if (!str_check(k)) return raise(t, exc(E_TypeError), "keywords must be strings");
      tuple_init(kwnames, i++, k);
      all.push_back(v);
    }
  }
  // `args` and `kwargs` keep every value alive while `all` holds copies.
  Value result = call(t, callable, all.data(), all.size(), kwnames);
  keep_alive(args);
  keep_alive(kwargs);
  return result;
}

bool is_callable(Value v) {
  if (!v.is_object()) return false;
  switch (layout_of(v)) {
  case Layout::Native:
  case Layout::Function:
  case Layout::Method:
  case Layout::Type:
    return true;
  default:
    return bool(type_lookup(type_of(v), name(N___call__)));
  }
}

// ---- text --------------------------------------------------------------------------------------

Value repr(Thread& t, Value v) {
  if (v.is_small_int()) return str_from_ascii(t, std::to_string(v.small_int_value()));
  Value f = type_lookup(type_of(v), name(N___repr__));
  if (!f) return raise(t, exc(E_TypeError), "object has no __repr__");
  // Containers repr their items by recursion in C++: bounded as CPython bounds it.
  Value r;
  if (CRecursion level{t, " while getting the repr of an object"})
    r = vm::call_function_or_other(t, f, v, nullptr, 0, {});
  if (!r) return {};
  if (!str_check(r))
    return raisef(t, exc(E_TypeError), "__repr__ returned non-string (type %s)",
                  type_name_of(r).c_str());
  return r;
}

Value str(Thread& t, Value v) {
  if (v.is_object() && is_exact(v, T_str)) return v;
  if (v.is_small_int()) return str_from_ascii(t, std::to_string(v.small_int_value()));
  Value f = type_lookup(type_of(v), name(N___str__));
  if (!f) return repr(t, v);
  Value r = vm::call_function_or_other(t, f, v, nullptr, 0, {});
  if (!r) return {};
  if (!str_check(r))
    return raisef(t, exc(E_TypeError), "__str__ returned non-string (type %s)",
                  type_name_of(r).c_str());
  return r;
}

std::string repr_utf8(Thread& t, Value v) {
  Value saved = fetch_pending(t);
  Value r = repr(t, v);
  std::string out = r ? str_utf8(r) : "<unprintable>";
  t.pending = saved;
  return out;
}

Value format(Thread& t, Value v, Value spec) {
  Value f = type_lookup(type_of(v), name(N___format__));
  if (!f) return str(t, v);
  Value r = vm::call_function_or_other(t, f, v, &spec, 1, {});
  if (!r) return {};
  if (!str_check(r))
    return raisef(t, exc(E_TypeError), "__format__ must return a str, not %s",
                  type_name_of(r).c_str());
  return r;
}

// ---- comparison
// ----------------------------------------------------------------------------------

static const NameId kCompareNames[] = {N___lt__, N___le__, N___eq__, N___ne__, N___gt__, N___ge__};
static const CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                     CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
static const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

static Value try_compare(Thread& t, Value self, Value other, CompareOp op) {
  Value f = type_lookup(type_of(self), name(kCompareNames[static_cast<int>(op)]));
  if (!f) return runtime().not_implemented;
  if (f.is_object() && !is_layout(f, Layout::Function) && !is_layout(f, Layout::Native)) {
    // Another descriptor: one that fails to bind counts as no method, as in CPython.
    Value bound = descriptor_get(t, f, self, type_of(self));
    if (!bound) {
      clear_pending(t);
      return runtime().not_implemented;
    }
    return call(t, bound, &other, 1);
  }
  return vm::call_function_or_other(t, f, self, &other, 1, {});
}

int scalar_order(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) {
    std::int64_t x = a.small_int_value(), y = b.small_int_value();
    return (x > y) - (x < y);
  }
  double x, y;
  if (exact_double(a, x) && exact_double(b, y)) {
    if (x < y) return -1;
    if (x > y) return 1;
    return x == y ? 0 : kNoScalarOrder; // a NaN: tuples treat an identical one as equal
  }
  if (a.is_object() && b.is_object() && is_exact(a, T_str) && is_exact(b, T_str))
    return str_order(a, b);
  return kNoScalarOrder;
}

int less_than(Thread& t, Value a, Value b) {
  int order = scalar_order(a, b);
  if (order != kNoScalarOrder) return order < 0;
  Value r = compare(t, a, b, CompareOp::Lt);
  return r ? truthy(t, r) : -1;
}

Value compare(Thread& t, Value a, Value b, CompareOp op) {
  if (a.is_small_int() && b.is_small_int())
    return py_bool(compare_numbers(a.small_int_value(), b.small_int_value(), op));
  // float with float or with a small int that a double holds exactly (|i| <= 2**53):
  // C++'s comparisons of doubles give Python's answers, NaN included.
  double x, y;
  if (exact_double(a, x) && exact_double(b, y)) return py_bool(compare_numbers(x, y, op));
  // Containers compare their items: a dict that holds itself recurses in C++, bounded as
  // CPython bounds it.
  CRecursion level(t, " in comparison");
  if (!level) return {};
  Value ta = type_of(a), tb = type_of(b);
  // Exact tuples or lists (sort keys): what their comparison methods would do, directly.
  if (ta == tb && (ta == type_value(T_tuple) || ta == type_value(T_list)))
    return sequence_compare(t, a, b, op);
  bool reflected_first = ta != tb && is_subtype(tb, ta) &&
                         type_lookup(tb, name(kCompareNames[static_cast<int>(kSwapped[int(op)])]));
  if (reflected_first) {
    Value r = try_compare(t, b, a, kSwapped[int(op)]);
    if (!r) return {};
    if (r != runtime().not_implemented) return r;
  }
  Value r = try_compare(t, a, b, op);
  if (!r) return {};
  if (r != runtime().not_implemented) return r;
  if (!reflected_first) {
    r = try_compare(t, b, a, kSwapped[int(op)]);
    if (!r) return {};
    if (r != runtime().not_implemented) return r;
  }
  if (op == CompareOp::Eq) return py_bool(a == b);
  if (op == CompareOp::Ne) return py_bool(a != b);
  return raisef(t, exc(E_TypeError), "'%s' not supported between instances of '%s' and '%s'",
                kCompareSymbols[int(op)], display_name(ta).c_str(), display_name(tb).c_str());
}

int equal(Thread& t, Value a, Value b) {
  if (a == b) return 1;
  if (a.is_small_int() && b.is_small_int()) return 0;
  if (a.is_object() && b.is_object() && is_exact(a, T_str) && is_exact(b, T_str))
    return str_equal(a, b);
  Value r = compare(t, a, b, CompareOp::Eq);
  if (!r) return -1;
  return truthy(t, r);
}

// ---- hashing and truth ---------------------------------------------------------------------

bool hash(Thread& t, Value v, std::int64_t& out) {
  if (v.is_small_int()) {
    out = int_hash_small(v.small_int_value());
    return true;
  }
  if (v.is_tagged_float()) {
    out = num::float_hash(v.tagged_float_value());
    return true;
  }
  Value type = type_of(v);
  if (type == type_value(T_str)) {
    out = str_hash(v);
    return true;
  }
  Value f = type_lookup(type, name(N___hash__));
  if (!f || f == none()) {
    raisef(t, exc(E_TypeError), "unhashable type: '%s'", display_name(type).c_str());
    return false;
  }
  Value r = vm::call_function_or_other(t, f, v, nullptr, 0, {});
  if (!r) return false;
  if (!int_check(r)) {
    raise(t, exc(E_TypeError), "__hash__ method should return an integer");
    return false;
  }
  // A __hash__ result that fits a machine word is the hash (-1 excepted); a larger one is
  // hashed as an int, as CPython does.
  std::int64_t word;
  if (int_to_i64(r, word)) {
    out = word == -1 ? -2 : word;
    return true;
  }
  out = int_hash(r);
  return true;
}

// The length of an object of an exact builtin sized type, without looking up and calling
// its __len__ (len() and truth tests of these are most of the calls); false for others.
static bool builtin_length(Value v, std::int64_t& out) {
  Value type = type_of(v);
  if (type == type_value(T_str))
    out = str_length(v);
  else if (type == type_value(T_list))
    out = list_length(v);
  else if (type == type_value(T_tuple))
    out = tuple_length(v);
  else if (type == type_value(T_dict))
    out = dict_length(v);
  else if (type == type_value(T_bytes))
    out = std::int64_t(bytes_view(v).size());
  else
    return false;
  return true;
}

int truthy(Thread& t, Value v) {
  if (v == runtime().true_) return 1;
  if (v == runtime().false_ || v == none()) return 0;
  if (v.is_small_int()) return v.small_int_value() != 0;
  if (v.is_tagged_float()) return v.tagged_float_value() != 0.0; // never NaN
  if (std::int64_t n; builtin_length(v, n)) return n != 0;
  Value type = type_of(v);
  if (Value f = type_lookup(type, name(N___bool__))) {
    Value r = vm::call_function_or_other(t, f, v, nullptr, 0, {});
    if (!r) return -1;
    if (r == runtime().true_) return 1;
    if (r == runtime().false_) return 0;
    raisef(t, exc(E_TypeError), "__bool__ should return bool, returned %s",
           type_name_of(r).c_str());
    return -1;
  }
  if (Value f = type_lookup(type, name(N___len__))) {
    std::int64_t n;
    if (!length(t, v, n)) return -1;
    return n != 0;
  }
  return 1;
}

// ---- operators --------------------------------------------------------------------------------

static const char* const kBinarySymbols[] = {"+", "&",  "//", "<<", "@", "*", "%",
                                             "|", "**", ">>", "-",  "/", "^"};
static const char* const kBinaryNames[] = {
    "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__",  "__mul__", "__mod__",
    "__or__",  "__pow__", "__rshift__",   "__sub__",    "__truediv__", "__xor__"};
static const char* const kReflectedNames[] = {
    "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__",  "__rmul__", "__rmod__",
    "__ror__",  "__rpow__", "__rrshift__",   "__rsub__",    "__rtruediv__", "__rxor__"};
static const char* const kInplaceNames[] = {
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__",  "__imul__", "__imod__",
    "__ior__",  "__ipow__", "__irshift__",   "__isub__",    "__itruediv__", "__ixor__"};

const char* binary_op_symbol(BinaryOp op) {
  static const char* const kInplaceSymbols[] = {
      "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
  unsigned k = static_cast<unsigned>(op);
  return k >= bytecode::kInplaceOffset ? kInplaceSymbols[k - bytecode::kInplaceOffset]
                                       : kBinarySymbols[k];
}

// The operator method names as strs, made once at start-up (init_operator_names), so the
// slow path of every operator looks methods up without making a str each time.
enum OperatorNames { kBinary, kReflected, kInplace };
Value operator_names[3][std::size(kBinaryNames)]; // gc roots, written once at start-up

void init_operator_names(Thread& t) {
  const char* const* texts[3] = {kBinaryNames, kReflectedNames, kInplaceNames};
  for (int kind = 0; kind < 3; ++kind)
    for (std::size_t k = 0; k < std::size(kBinaryNames); ++k) {
      operator_names[kind][k] = intern_literal(t, texts[kind][k]);
      gc::add_root(reinterpret_cast<const stm::Offset*>(&operator_names[kind][k]));
    }
}

static Value call_binary(Thread& t, Value self, Value method, Value other) {
  Value f = type_lookup(type_of(self), method);
  if (!f) return runtime().not_implemented;
  return vm::call_function_or_other(t, f, self, &other, 1, {});
}

static Value unsupported_operands(Thread& t, Value a, Value b, BinaryOp op);

static bool repeats_sequence(Value f) {
  const NativeInfo* info = f ? native_info(f) : nullptr;
  return info && info->sequence_repeat;
}

static Value repeat_sequence(Thread& t, Value repeat, Value sequence, Value count) {
  if (!count.is_small_int() && !int_check(count) && !lookup_special(t, count, N___index__)) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "can't multiply sequence by non-int of type '%s'",
                  type_name_of(count).c_str());
  }
  return vm::call_function_or_other(t, repeat, sequence, &count, 1, {});
}

// `a * b` and `a *= b` as CPython orders them: a builtin sequence's __mul__, __rmul__ and
// __imul__ stand for its sq_repeat, which runs only after every numeric method declined and
// only with an integer count, so `[1] * x` lets x.__rmul__ answer and `'a' * 'b'` says
// "can't multiply sequence" while `'a'.__mul__('b')` says the count is no integer.
static Value multiply(Thread& t, Value a, Value b, BinaryOp op) {
  constexpr unsigned k = static_cast<unsigned>(BinaryOp::Multiply);
  Value ta = type_of(a), tb = type_of(b);
  Value repeat_a, repeat_b;
  if (static_cast<unsigned>(op) >= bytecode::kInplaceOffset) {
    Value f = type_lookup(ta, operator_names[kInplace][k]);
    if (repeats_sequence(f)) {
      repeat_a = f;
    } else if (f) {
      Value r = vm::call_function_or_other(t, f, a, &b, 1, {});
      if (!r || r != runtime().not_implemented) return r;
    }
  }
  Value fa = type_lookup(ta, operator_names[kBinary][k]);
  if (repeats_sequence(fa)) {
    if (!repeat_a) repeat_a = fa;
    fa = {};
  }
  // int's own methods decline every sequence: `[0] * n` need not ask n first.
  bool plain_count = repeat_a && (b.is_small_int() || is_exact(b, T_int));
  Value fb = ta != tb && !plain_count ? type_lookup(tb, operator_names[kReflected][k]) : Value();
  if (repeats_sequence(fb)) {
    repeat_b = fb;
    fb = {};
  }
  if (repeat_b && (a.is_small_int() || is_exact(a, T_int))) fa = {};
  bool reflected_first =
      fb && is_subtype(tb, ta) && fb != type_lookup(ta, operator_names[kReflected][k]);
  if (reflected_first) {
    Value r = vm::call_function_or_other(t, fb, b, &a, 1, {});
    if (!r || r != runtime().not_implemented) return r;
  }
  if (fa) {
    Value r = vm::call_function_or_other(t, fa, a, &b, 1, {});
    if (!r || r != runtime().not_implemented) return r;
  }
  if (fb && !reflected_first) {
    Value r = vm::call_function_or_other(t, fb, b, &a, 1, {});
    if (!r || r != runtime().not_implemented) return r;
  }
  if (repeat_a) return repeat_sequence(t, repeat_a, a, b);
  if (repeat_b) return repeat_sequence(t, repeat_b, b, a);
  return unsupported_operands(t, a, b, op);
}

Value binary_op(Thread& t, Value a, Value b, BinaryOp op) {
  unsigned k = static_cast<unsigned>(op);
  if (Value fast = number_fast_path(t, a, b, op)) return fast;
  if (t.pending) return {};
  if (k % bytecode::kInplaceOffset == static_cast<unsigned>(BinaryOp::Multiply))
    return multiply(t, a, b, op);
  if (k >= bytecode::kInplaceOffset) {
    k -= bytecode::kInplaceOffset;
    Value r = call_binary(t, a, operator_names[kInplace][k], b);
    if (!r) return {};
    if (r != runtime().not_implemented) return r;
  }
  Value ta = type_of(a), tb = type_of(b);
  // The right operand's reflected method goes first when its class is a subclass of the
  // left's that overrides it (not one that merely inherits it), as CPython's slots decide.
  bool reflected_first = false;
  if (ta != tb && is_subtype(tb, ta)) {
    Value fb = type_lookup(tb, operator_names[kReflected][k]);
    reflected_first = fb && fb != type_lookup(ta, operator_names[kReflected][k]);
  }
  if (reflected_first) {
    Value r = call_binary(t, b, operator_names[kReflected][k], a);
    if (!r) return {};
    if (r != runtime().not_implemented) return r;
  }
  Value r = call_binary(t, a, operator_names[kBinary][k], b);
  if (!r) return {};
  if (r != runtime().not_implemented) return r;
  if (ta != tb && !reflected_first) {
    r = call_binary(t, b, operator_names[kReflected][k], a);
    if (!r) return {};
    if (r != runtime().not_implemented) return r;
  }
  return unsupported_operands(t, a, b, op);
}

static Value unsupported_operands(Thread& t, Value a, Value b, BinaryOp op) {
  unsigned k = static_cast<unsigned>(op) % bytecode::kInplaceOffset;
  Value ta = type_of(a), tb = type_of(b);
  const char* symbol = static_cast<unsigned>(op) >= bytecode::kInplaceOffset ? binary_op_symbol(op)
                                                                             : kBinarySymbols[k];
  if (k == static_cast<unsigned>(BinaryOp::Power) &&
      static_cast<unsigned>(op) < bytecode::kInplaceOffset)
    symbol = "** or pow()";
  if (k == static_cast<unsigned>(BinaryOp::Add) && is_exact(b, T_str) && !is_exact(a, T_str) &&
      static_cast<unsigned>(op) < bytecode::kInplaceOffset && isinstance(a, T_int))
    return raisef(t, exc(E_TypeError), "unsupported operand type(s) for +: '%s' and 'str'",
                  display_name(ta).c_str());
  if (is_exact(a, T_str) && k == static_cast<unsigned>(BinaryOp::Add))
    return raisef(t, exc(E_TypeError), "can only concatenate str (not \"%s\") to str",
                  display_name(tb).c_str());
  if (is_exact(a, T_list) && k == static_cast<unsigned>(BinaryOp::Add))
    return raisef(t, exc(E_TypeError), "can only concatenate list (not \"%s\") to list",
                  display_name(tb).c_str());
  if (is_exact(a, T_tuple) && k == static_cast<unsigned>(BinaryOp::Add))
    return raisef(t, exc(E_TypeError), "can only concatenate tuple (not \"%s\") to tuple",
                  display_name(tb).c_str());
  // Python 2's print >> stream: CPython names the call that was meant.
  const char* hint = "";
  if (op == BinaryOp::RShift && a.is_object() && is_layout(a, Layout::Native)) {
    Value fname = ro<NativeObject>(a)->name;
    if (fname && str_check(fname) && str_equal_ascii(fname, "print"))
      hint = ". Did you mean \"print(<message>, file=<output_stream>)\"?";
  }
  return raisef(t, exc(E_TypeError), "unsupported operand type(s) for %s: '%s' and '%s'%s", symbol,
                display_name(ta).c_str(), display_name(tb).c_str(), hint);
}

static Value unary(Thread& t, Value v, NameId id, const char* symbol) {
  Value f = type_lookup(type_of(v), name(id));
  if (!f)
    return raisef(t, exc(E_TypeError), "bad operand type for unary %s: '%s'", symbol,
                  type_name_of(v).c_str());
  return vm::call_function_or_other(t, f, v, nullptr, 0, {});
}

Value unary_negative(Thread& t, Value v) {
  if (v.is_small_int() && v.small_int_value() != Value::kSmallMin)
    return Value::small_int(-v.small_int_value());
  return unary(t, v, N___neg__, "-");
}
Value unary_positive(Thread& t, Value v) {
  if (v.is_small_int()) return v;
  return unary(t, v, N___pos__, "+");
}
Value unary_invert(Thread& t, Value v) {
  if (v.is_small_int()) return Value::small_int(~v.small_int_value());
  return unary(t, v, N___invert__, "~");
}

// ---- containers -------------------------------------------------------------------------------

Value getitem(Thread& t, Value obj, Value key) {
  if (Value fast = container_getitem_fast(t, obj, key)) return fast;
  if (t.pending) return {};
  Value type = type_of(obj);
  Value f = type_lookup(type, name(N___getitem__));
  if (f) return vm::call_function_or_other(t, f, obj, &key, 1, {});
  if (obj.is_object() && is_layout(obj, Layout::Type)) {
    // type itself, and only type, is subscriptable without a __class_getitem__ that its
    // instances (every class) would inherit through the metaclass.
    if (obj == type_value(T_type)) return generic_alias_new(t, obj, key);
    if (Value cg = getattr_opt(t, obj, name(N___class_getitem__))) return call1(t, cg, key);
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "type '%s' is not subscriptable", display_name(obj).c_str());
  }
  return raisef(t, exc(E_TypeError), "'%s' object is not subscriptable",
                display_name(type).c_str());
}

bool setitem(Thread& t, Value obj, Value key, Value value) {
  if (key.is_small_int() && obj.is_object() && is_exact(obj, T_list)) {
    std::int64_t i = key.small_int_value(), n = list_length(obj);
    if (i < 0) i += n;
    if (i >= 0 && i < n) {
      list_set_item(obj, i, value);
      return true;
    }
  }
  Value type = type_of(obj);
  Value f = type_lookup(type, name(N___setitem__));
  if (!f) {
    raisef(t, exc(E_TypeError), "'%s' object does not support item assignment",
           display_name(type).c_str());
    return false;
  }
  Value args[2] = {key, value};
  return bool(vm::call_function_or_other(t, f, obj, args, 2, {}));
}

bool delitem(Thread& t, Value obj, Value key) {
  Value type = type_of(obj);
  Value f = type_lookup(type, name(N___delitem__));
  if (!f) {
    // CPython words it "doesn't" when it tried the sequence protocol: an integer key on a
    // class or on a builtin type with sequence methods.
    bool sequence_like =
        (rd<TypeObject>(type)->flags & kHeapType) || type_lookup(type, name(N___len__)) ||
        type_lookup(type, name(N___contains__)) || type_lookup(type, name(N___getitem__));
    bool integer_key = key.is_small_int() || int_check(key) || lookup_special(t, key, N___index__);
    if (t.pending) return false;
    raisef(t, exc(E_TypeError), "'%s' object %s support item deletion", display_name(type).c_str(),
           sequence_like && integer_key ? "doesn't" : "does not");
    return false;
  }
  return bool(vm::call_function_or_other(t, f, obj, &key, 1, {}));
}

int contains(Thread& t, Value container, Value item) {
  Value type = type_of(container);
  if (Value f = type_lookup(type, name(N___contains__))) {
    Value r = vm::call_function_or_other(t, f, container, &item, 1, {});
    if (!r) return -1;
    return truthy(t, r);
  }
  Value it = iter(t, container);
  if (!it) {
    if (matches(t, exc(E_TypeError))) {
      clear_pending(t);
      raisef(t, exc(E_TypeError), "argument of type '%s' is not iterable",
             display_name(type).c_str());
    }
    return -1;
  }
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? -1 : 0;
    int eq = equal(t, x, item);
    if (eq != 0) return eq;
  }
}

bool length(Thread& t, Value v, std::int64_t& out) {
  if (v.is_object() && builtin_length(v, out)) return true;
  Value f = type_lookup(type_of(v), name(N___len__));
  if (!f) {
    raisef(t, exc(E_TypeError), "object of type '%s' has no len()", type_name_of(v).c_str());
    return false;
  }
  Value r = vm::call_function_or_other(t, f, v, nullptr, 0, {});
  if (!r) return false;
  if (!int_check(r)) {
    raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
           type_name_of(r).c_str());
    return false;
  }
  bool fits = int_to_i64(r, out);
  // An int too big for 64 bits is an object with its sign in the limb count.
  if (fits ? out < 0 : ro<IntObject>(r)->size < 0) {
    raise(t, exc(E_ValueError), "__len__() should return >= 0");
    return false;
  }
  if (!fits) {
    raise(t, exc(E_OverflowError), "cannot fit 'int' into an index-sized integer");
    return false;
  }
  return true;
}

Value iter(Thread& t, Value v) {
  Value type = type_of(v);
  Value f = type_lookup(type, name(N___iter__));
  if (f && f != none()) {
    Value it = vm::call_function_or_other(t, f, v, nullptr, 0, {});
    if (!it) return {};
    if (!type_lookup(type_of(it), name(N___next__)))
      return raisef(t, exc(E_TypeError), "iter() returned non-iterator of type '%s'",
                    type_name_of(it).c_str());
    return it;
  }
  if (!f && type_lookup(type, name(N___getitem__))) return iterator_new(t, T_seq_iterator, v);
  return raisef(t, exc(E_TypeError), "'%s' object is not iterable", display_name(type).c_str());
}

Value next_or_wait(Thread& t, Value iterator) {
  // An iterator over an iterator over ... (map(f, map(f, ...)) 300000 deep) comes here once
  // a level: it stops with RecursionError before the native stack runs out.
  if (native_stack_low(t))
    return raise(t, exc(E_RecursionError), "maximum recursion depth exceeded");
  if (iterator.is_object() && is_layout(iterator, Layout::Iterator))
    return builtin_iterator_next(t, iterator);
  Value f = type_lookup(type_of(iterator), name(N___next__));
  if (!f)
    return raisef(t, exc(E_TypeError), "'%s' object is not an iterator",
                  type_name_of(iterator).c_str());
  // A bound builtin (no descriptor) as the class's __next__ is called as it is.
  bool bound =
      f.is_object() && is_layout(f, Layout::Native) && !is_native_descriptor_type(type_of(f));
  Value r = bound ? call0(t, f) : vm::call_function_or_other(t, f, iterator, nullptr, 0, {});
  if (!r && matches(t, exc(E_StopIteration))) clear_pending(t);
  return r;
}

Value next(Thread& t, Value iterator) {
  for (;;) {
    Value r = next_or_wait(t, iterator);
    // No value and no exception is the end, unless the iterator asked to wait (a stream
    // whose next line is not there yet): the C++ callers of next() have consumed earlier
    // items and cannot run again from scratch, so the wait happens here.
    if (r || t.pending || !t.block_on) return r;
    vm::wait_in_call(t);
  }
}

bool iterates_as_builtin(Value v, TypeId id) {
  if (!v.is_object()) return false;
  if (is_exact(v, id)) return true;
  if (!isinstance(v, id)) return false;
  Value mine = type_lookup(type_of(v), name(N___iter__));
  return mine && mine == type_lookup(type_value(id), name(N___iter__));
}

bool consult_length_hint(Thread& t, Value iterable) {
  // Builtin types have nothing to observe and their lengths are cheap to skip.
  if (!iterable.is_object() || !(rd<TypeObject>(type_of(iterable))->flags & kHeapType)) return true;
  Value type = type_of(iterable);
  if (type_lookup(type, name(N___len__))) {
    std::int64_t n;
    if (length(t, iterable, n)) return true;
    if (!matches(t, exc(E_TypeError))) return false;
    clear_pending(t);
  }
  Value hint = lookup_special(t, iterable, N___length_hint__);
  if (!hint) return !t.pending;
  Value r = call0(t, hint);
  if (!r) {
    if (!matches(t, exc(E_TypeError))) return false;
    clear_pending(t);
    return true;
  }
  if (r == runtime().not_implemented) return true;
  if (!int_check(r)) {
    raisef(t, exc(E_TypeError), "__length_hint__ must be an integer, not %s",
           type_name(type_of(r)).c_str());
    return false;
  }
  std::int64_t n;
  if (!int_to_i64(r, n)) {
    raise(t, exc(E_OverflowError), "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (n < 0) {
    raise(t, exc(E_ValueError), "__length_hint__() should return >= 0");
    return false;
  }
  return true;
}

Value list_of(Thread& t, Value iterable, bool length_hint) {
  Value list = list_new(t);
  if (!list) return {};
  // A range is made room for first (list.extend does it), so that one too long for memory
  // raises MemoryError at once.
  if (iterable.is_object() && is_layout(iterable, Layout::Range))
    return list_extend_impl(t, list, iterable) ? list : Value();
  Value it = iter(t, iterable);
  if (!it || (length_hint && !consult_length_hint(t, iterable))) return {};
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? Value() : list;
    if (!list_append(t, list, x)) return {};
  }
}

Value tuple_of(Thread& t, Value iterable, bool length_hint) {
  if (iterable.is_object() && is_exact(iterable, T_tuple)) return iterable;
  Value list = list_of(t, iterable, length_hint);
  if (!list) return {};
  return list_to_tuple(t, list);
}

} // namespace interp
