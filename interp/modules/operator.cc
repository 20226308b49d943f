// interp/modules/operator.cc - the _operator module: the functions of the operator
// protocols (add, lt, getitem, index, ...) as natives, which sorted(key=...), reduce() and
// map() call without a Python frame each, and _compare_digest. operator.py takes every
// name of _operator over its own (`from _operator import *`), so a name here must behave
// exactly as CPython's; what is not here stays operator.py's.
//
// _compare_digest is hmac.compare_digest: its time depends only on the length of the
// second argument, never on where the inputs first differ.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <string>

namespace interp {

bool buffer_contents(Thread& t, Value v, std::string& out, bool& error); // bytes.cc
bool need_buffer(Thread& t, Value v, std::string& out);                  // bytes.cc

namespace {

// Compares every byte of `b`, whatever the lengths and the first difference.
bool equal_in_constant_time(const unsigned char* a, std::size_t a_length, const unsigned char* b,
                            std::size_t b_length) {
  // When the lengths differ, `a` is compared with `b` itself so that the loop still runs
  // b_length times, and the result is false anyway.
  const unsigned char* left = a_length == b_length ? a : b;
  unsigned char differences = a_length == b_length ? 0 : 1;
  for (std::size_t i = 0; i < b_length; ++i)
    differences |= static_cast<unsigned char>(left[i] ^ b[i]);
  return differences == 0;
}

bool ascii_only(Value s) {
  const StrObject* o = ro<StrObject>(s);
  if (o->kind != 1) return false;
  for (std::int64_t i = 0; i < o->length; ++i)
    if (o->data[i] >= 0x80) return false;
  return true;
}

INTERP_NATIVE(compare_digest) {
  if (!check_positional(t, "_compare_digest", nargs, kwnames, 2, 2, 0)) return {};
  Value a = args[0], b = args[1];
  if (isinstance(a, T_str) && isinstance(b, T_str)) {
    if (!ascii_only(a) || !ascii_only(b))
      return raise(t, exc(E_TypeError),
                   "comparing strings with non-ASCII characters is not supported");
    const StrObject* x = ro<StrObject>(a);
    const StrObject* y = ro<StrObject>(b);
    return py_bool(
        equal_in_constant_time(x->data, std::size_t(x->length), y->data, std::size_t(y->length)));
  }
  std::string x, y;
  bool error = false;
  bool a_buffer = buffer_contents(t, a, x, error);
  if (error) return {};
  bool b_buffer = buffer_contents(t, b, y, error);
  if (error) return {};
  if (!a_buffer && !b_buffer)
    return raisef(t, exc(E_TypeError),
                  "unsupported operand types(s) or combination of types: '%s' and '%s'",
                  type_name_of(a).c_str(), type_name_of(b).c_str());
  if ((!a_buffer && !need_buffer(t, a, x)) || (!b_buffer && !need_buffer(t, b, y))) return {};
  return py_bool(equal_in_constant_time(reinterpret_cast<const unsigned char*>(x.data()), x.size(),
                                        reinterpret_cast<const unsigned char*>(y.data()),
                                        y.size()));
}

// Argument checks as CPython's argument clinic words them for _operator's functions.
bool one_argument(Thread& t, const char* fname, std::size_t nargs, Value kwnames) {
  if (keyword_count(kwnames))
    return raisef(t, exc(E_TypeError), "_operator.%s() takes no keyword arguments", fname), false;
  if (nargs != 1)
    return raisef(t, exc(E_TypeError), "_operator.%s() takes exactly one argument (%zu given)",
                  fname, nargs),
           false;
  return true;
}

bool two_arguments(Thread& t, const char* fname, std::size_t nargs, Value kwnames,
                   std::size_t expected = 2) {
  if (keyword_count(kwnames))
    return raisef(t, exc(E_TypeError), "_operator.%s() takes no keyword arguments", fname), false;
  if (nargs != expected)
    return raisef(t, exc(E_TypeError), "%s expected %zu arguments, got %zu", fname, expected,
                  nargs),
           false;
  return true;
}

using bytecode::BinaryOp;
using bytecode::CompareOp;

// The _operator function of a BinaryOp (CPython's numbering: plain, then in-place).
const char* binary_op_name(BinaryOp op) {
  static const char* const kNames[] = {
      "add",    "and_", "floordiv", "lshift", "matmul",  "mul",  "mod",       "or_",     "pow",
      "rshift", "sub",  "truediv",  "xor",    "iadd",    "iand", "ifloordiv", "ilshift", "imatmul",
      "imul",   "imod", "ior",      "ipow",   "irshift", "isub", "itruediv",  "ixor"};
  return kNames[static_cast<unsigned>(op)];
}

template <BinaryOp op> Value binary(Thread& t, const Value* args, std::size_t nargs, Value kw) {
  if (!two_arguments(t, binary_op_name(op), nargs, kw)) return {};
  return binary_op(t, args[0], args[1], op);
}

template <CompareOp op>
Value comparison(Thread& t, const Value* args, std::size_t nargs, Value kw) {
  static const char* const kNames[] = {"lt", "le", "eq", "ne", "gt", "ge"};
  if (!two_arguments(t, kNames[int(op)], nargs, kw)) return {};
  return compare(t, args[0], args[1], op);
}

INTERP_NATIVE(op_index) {
  if (!one_argument(t, "index", nargs, kwnames)) return {};
  return index_value(t, args[0]);
}
INTERP_NATIVE(op_neg) {
  if (!one_argument(t, "neg", nargs, kwnames)) return {};
  return unary_negative(t, args[0]);
}
INTERP_NATIVE(op_pos) {
  if (!one_argument(t, "pos", nargs, kwnames)) return {};
  return unary_positive(t, args[0]);
}
Value invert_named(Thread& t, const char* fname, const Value* args, std::size_t nargs,
                   Value kwnames) {
  if (!one_argument(t, fname, nargs, kwnames)) return {};
  return unary_invert(t, args[0]);
}
INTERP_NATIVE(op_invert) {
  return invert_named(t, "invert", args, nargs, kwnames);
}
INTERP_NATIVE(op_inv) {
  return invert_named(t, "inv", args, nargs, kwnames);
}
INTERP_NATIVE(op_not) {
  if (!one_argument(t, "not_", nargs, kwnames)) return {};
  int truth = truthy(t, args[0]);
  return truth < 0 ? Value() : py_bool(truth == 0);
}
INTERP_NATIVE(op_truth) {
  if (!one_argument(t, "truth", nargs, kwnames)) return {};
  int truth = truthy(t, args[0]);
  return truth < 0 ? Value() : py_bool(truth != 0);
}
INTERP_NATIVE(op_is) {
  if (!two_arguments(t, "is_", nargs, kwnames)) return {};
  return py_bool(args[0] == args[1]);
}
INTERP_NATIVE(op_is_not) {
  if (!two_arguments(t, "is_not", nargs, kwnames)) return {};
  return py_bool(args[0] != args[1]);
}
INTERP_NATIVE(op_getitem) {
  if (!two_arguments(t, "getitem", nargs, kwnames)) return {};
  return getitem(t, args[0], args[1]);
}
INTERP_NATIVE(op_setitem) {
  if (!two_arguments(t, "setitem", nargs, kwnames, 3)) return {};
  return setitem(t, args[0], args[1], args[2]) ? none() : Value();
}
INTERP_NATIVE(op_delitem) {
  if (!two_arguments(t, "delitem", nargs, kwnames)) return {};
  return delitem(t, args[0], args[1]) ? none() : Value();
}
INTERP_NATIVE(op_contains) {
  if (!two_arguments(t, "contains", nargs, kwnames)) return {};
  int found = contains(t, args[0], args[1]);
  return found < 0 ? Value() : py_bool(found != 0);
}

} // namespace

Value make_operator_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"_compare_digest", compare_digest},
      {"index", op_index},
      {"__index__", op_index},
      {"neg", op_neg},
      {"__neg__", op_neg},
      {"pos", op_pos},
      {"__pos__", op_pos},
      {"invert", op_invert},
      {"__invert__", op_invert},
      {"inv", op_inv},
      {"__inv__", op_inv},
      {"not_", op_not},
      {"__not__", op_not},
      {"truth", op_truth},
      {"is_", op_is},
      {"is_not", op_is_not},
      {"getitem", op_getitem},
      {"__getitem__", op_getitem},
      {"setitem", op_setitem},
      {"__setitem__", op_setitem},
      {"delitem", op_delitem},
      {"__delitem__", op_delitem},
      {"contains", op_contains},
      {"__contains__", op_contains},
      {"lt", comparison<CompareOp::Lt>},
      {"__lt__", comparison<CompareOp::Lt>},
      {"le", comparison<CompareOp::Le>},
      {"__le__", comparison<CompareOp::Le>},
      {"eq", comparison<CompareOp::Eq>},
      {"__eq__", comparison<CompareOp::Eq>},
      {"ne", comparison<CompareOp::Ne>},
      {"__ne__", comparison<CompareOp::Ne>},
      {"gt", comparison<CompareOp::Gt>},
      {"__gt__", comparison<CompareOp::Gt>},
      {"ge", comparison<CompareOp::Ge>},
      {"__ge__", comparison<CompareOp::Ge>},
#define INTERP_OPERATOR_BINARY(name, op)                                                           \
  {name, binary<BinaryOp::op>}, {"__" name "__", binary<BinaryOp::op>},                            \
      {"i" name, binary<BinaryOp::Inplace##op>}, {"__i" name "__", binary<BinaryOp::Inplace##op>}
      INTERP_OPERATOR_BINARY("add", Add),
      INTERP_OPERATOR_BINARY("sub", Subtract),
      INTERP_OPERATOR_BINARY("mul", Multiply),
      INTERP_OPERATOR_BINARY("matmul", MatrixMultiply),
      INTERP_OPERATOR_BINARY("truediv", TrueDivide),
      INTERP_OPERATOR_BINARY("floordiv", FloorDivide),
      INTERP_OPERATOR_BINARY("mod", Remainder),
      INTERP_OPERATOR_BINARY("pow", Power),
      INTERP_OPERATOR_BINARY("lshift", LShift),
      INTERP_OPERATOR_BINARY("rshift", RShift),
      INTERP_OPERATOR_BINARY("xor", Xor),
#undef INTERP_OPERATOR_BINARY
      {"and_", binary<BinaryOp::And>},
      {"__and__", binary<BinaryOp::And>},
      {"iand", binary<BinaryOp::InplaceAnd>},
      {"__iand__", binary<BinaryOp::InplaceAnd>},
      {"or_", binary<BinaryOp::Or>},
      {"__or__", binary<BinaryOp::Or>},
      {"ior", binary<BinaryOp::InplaceOr>},
      {"__ior__", binary<BinaryOp::InplaceOr>},
  };
  return new_module(t, "_operator", kFunctions, std::size(kFunctions));
}

} // namespace interp
