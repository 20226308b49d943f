// interp/modules/operator.cc - the _operator module: only what the pure-Python operator.py
// cannot give. operator.py takes every name of _operator over its own (`from _operator
// import *`), so a name here must behave exactly as CPython's.
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

} // namespace

Value make_operator_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"_compare_digest", compare_digest},
  };
  return new_module(t, "_operator", kFunctions, std::size(kFunctions));
}

} // namespace interp
