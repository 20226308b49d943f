// interp/ops.h - the operations of the data model on any value (CPython's "abstract
// object layer"): attribute access, calls, operators, comparison, hashing, iteration,
// conversion to text.
//
// Every operation dispatches through the special methods found on the type's MRO
// (builtin types define theirs as native methods), with fast paths for the common builtin
// cases. Failures return a null Value (or -1 / false) with the pending exception set.
#pragma once

#include "interp/compile/opcodes.h"
#include "interp/runtime.h"

#include <string>
#include <vector>

namespace interp {

// ---- attributes ----------------------------------------------------------------------------
Value getattr(Thread& t, Value obj, Value name);
// As getattr, but a missing attribute returns 0 with no exception, as does an
// AttributeError that a property or __getattr__ raised (other errors set one: check
// t.pending).
Value getattr_opt(Thread& t, Value obj, Value name);
// AttributeError.name and .obj, as 3.11 sets them on a failed lookup: when the pending
// exception is an AttributeError that has neither yet.
void attribute_error_context(Thread& t, Value obj, Value name);
bool setattr(Thread& t, Value obj, Value name, Value value); // value 0: delete
// object.__getattribute__ / object.__setattr__: the generic algorithm.
Value generic_getattr(Thread& t, Value obj, Value name, bool suppress_missing);
bool generic_setattr(Thread& t, Value obj, Value name, Value value);
// A property's (or a builtin type's getset descriptor's) __set__ / __delete__ (value 0).
bool property_store(Thread& t, Value descr, Value obj, Value value);
// For LOAD_METHOD: the unbound function and true when obj.name is a plain method of the
// type (so no bound method needs to be made), else the attribute's value and false.
Value get_method(Thread& t, Value obj, Value name, bool& unbound);
// A special method looked up on the type only, bound to obj; 0 without exception when absent.
Value lookup_special(Thread& t, Value obj, NameId name);
// The attribute `descr` found on a type, bound for `obj` (0: looked up on the class itself)
// as attribute lookup binds it: functions, builtin methods, properties, staticmethod,
// classmethod, and any object whose type has __get__; anything else as it is.
Value descriptor_get(Thread& t, Value descr, Value obj, Value type);

// ---- calls ---------------------------------------------------------------------------------
// kwnames: a tuple of the names of the last len(kwnames) args, or 0.
Value call(Thread& t, Value callable, const Value* args, std::size_t nargs, Value kwnames = {});
// The arguments of a call with one value put in front (a bound self, a class for
// __new__): on the C++ stack for up to 7 arguments, on the heap beyond.
class ArgumentsWithFirst {
public:
  ArgumentsWithFirst(Value first, const Value* args, std::size_t nargs);
  ArgumentsWithFirst(const ArgumentsWithFirst&) = delete;
  ArgumentsWithFirst& operator=(const ArgumentsWithFirst&) = delete;
  Value* data() { return all_; }
  std::size_t size() const { return size_; }

private:
  Value small_[8];
  std::vector<Value> big_;
  Value* all_;
  std::size_t size_;
};
Value call0(Thread& t, Value callable);
Value call1(Thread& t, Value callable, Value a);
Value call2(Thread& t, Value callable, Value a, Value b);
Value call_method(Thread& t, Value obj, NameId name, const Value* args, std::size_t nargs);
// f(*args, **kwargs): args a tuple, kwargs a dict or 0.
Value call_ex(Thread& t, Value callable, Value args, Value kwargs);
bool is_callable(Value v);

// `type`'s __new__ as calling the type calls it (CPython's slot_tp_new): a static method
// unwrapped, a class method bound to the type; 0 when there is none, or with the error of
// binding it.
Value new_function_of(Thread& t, Value type);

// ---- conversion to text ----------------------------------------------------------------------
Value repr(Thread& t, Value v);
Value str(Thread& t, Value v);
Value ascii(Thread& t, Value v);
Value format(Thread& t, Value v, Value spec);
// repr as UTF-8; on error "<unprintable>" and the error cleared (for error messages).
std::string repr_utf8(Thread& t, Value v);

// ---- comparison, hashing, truth ----------------------------------------------------------------
Value compare(Thread& t, Value a, Value b, bytecode::CompareOp op);
// -1, 0 or 1 for two keys that order without any call: small ints, exact floats (no NaN;
// ints up to 2**53 beside them) or exact strs, as compare() would order them; else
// kNoScalarOrder, and compare() must decide.
inline constexpr int kNoScalarOrder = 2;
int scalar_order(Value a, Value b);
// a < b as a truth (what sorting and bisection ask): 1 or 0, -1 with an exception. Keys
// that order as scalars need no call.
int less_than(Thread& t, Value a, Value b);
// x <op> y for two C++ numbers (ints, or doubles: NaN compares as in Python).
template <class T> inline bool compare_numbers(T x, T y, bytecode::CompareOp op) {
  switch (op) {
  case bytecode::CompareOp::Lt:
    return x < y;
  case bytecode::CompareOp::Le:
    return x <= y;
  case bytecode::CompareOp::Eq:
    return x == y;
  case bytecode::CompareOp::Ne:
    return x != y;
  case bytecode::CompareOp::Gt:
    return x > y;
  case bytecode::CompareOp::Ge:
    return x >= y;
  }
  return false;
}
// a == b as a C++ bool: 1, 0, or -1 on error. Identity implies equality (as containers do).
int equal(Thread& t, Value a, Value b);
bool hash(Thread& t, Value v, std::int64_t& out);
int truthy(Thread& t, Value v); // 1, 0, -1 on error
// isinstance() and issubclass(): 1, 0, -1 on error (builtins.cc).
int isinstance_of(Thread& t, Value obj, Value cls);
int issubclass_of(Thread& t, Value sub, Value cls);

// ---- operators ---------------------------------------------------------------------------------
Value binary_op(Thread& t, Value a, Value b, bytecode::BinaryOp op);
Value unary_negative(Thread& t, Value v);
Value unary_positive(Thread& t, Value v);
Value unary_invert(Thread& t, Value v);
const char* binary_op_symbol(bytecode::BinaryOp op);

// ---- containers and iteration ------------------------------------------------------------------
Value getitem(Thread& t, Value obj, Value key);
bool setitem(Thread& t, Value obj, Value key, Value value);
bool delitem(Thread& t, Value obj, Value key);
int contains(Thread& t, Value container, Value item); // 1, 0, -1
bool length(Thread& t, Value v, std::int64_t& out);
Value iter(Thread& t, Value v);
// The next item; 0 at the end with NO exception, or 0 with an exception on error.
Value next(Thread& t, Value iterator);
// next() for FOR_ITER: a native __next__ that must wait returns no value and no exception
// with t.block_on set, and the instruction runs again after the wait (next() waits itself).
Value next_or_wait(Thread& t, Value iterator);
// Collects an iterable into a new list. `length_hint`: ask a class's instance for its
// length first (consult_length_hint), where CPython's list(), tuple(), sorted() and star
// arguments do.
Value list_of(Thread& t, Value iterable, bool length_hint = false);
Value tuple_of(Thread& t, Value iterable, bool length_hint = false);
// True when v's type iterates as the builtin type `id` does: v is an instance of it, or of
// a subclass that leaves __iter__ alone, so its items may be read without iterating.
bool iterates_as_builtin(Value v, TypeId id);
// Asks a class's instance for its length (len(), else __length_hint__) before it is
// collected, as CPython does to size the result: the class sees those calls, and an error
// from them other than TypeError propagates. False with the exception set on error.
bool consult_length_hint(Thread& t, Value iterable);

// ---- identity of values ------------------------------------------------------------------------
bool is_none(Value v);

// A native method that `object` itself defines (object.__init__, __setattr__...): a class
// whose lookup finds it has not overridden that method.
bool is_object_slot(Value f);

} // namespace interp
