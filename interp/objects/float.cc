// interp/objects/float.cc - the float type: an immutable IEEE double, tagged in its Value
// when it can be (value.h), boxed otherwise.
#include "interp/objects/args.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include "interp/num/float_arith.h"
#include "interp/num/float_exact.h"
#include "interp/num/float_hex.h"
#include "interp/num/float_parse.h"
#include "interp/num/float_round.h"
#include "interp/num/float_text.h"
#include "interp/num/format_spec.h"
#include "interp/num/format_value.h"

#include <bit>
#include <cmath>

namespace interp {

Value float_new_boxed(Thread& t, double v) {
  Value f = allocate(t, Layout::Float, type_value(T_float), sizeof(FloatObject));
  if (f) fresh<FloatObject>(f)->value = v;
  return f;
}

static Value raise_float_error(Thread& t, const num::FloatError& e) {
  switch (e.kind) {
  case num::FloatErrorKind::ZeroDivisionError:
    return raise(t, exc(E_ZeroDivisionError), e.message);
  case num::FloatErrorKind::OverflowError:
    if (e.errno_value) {
      Value items[2] = {Value::small_int(e.errno_value), str_from_utf8(t, e.strerror_text)};
      Value a = tuple_from(t, items, 2);
      if (!a) return {};
      Value instance = exception_new(t, exc(E_OverflowError), a);
      if (instance) t.pending = instance;
      return {};
    }
    return raise(t, exc(E_OverflowError), e.message);
  default:
    return raise(t, exc(E_ValueError), e.message);
  }
}

bool to_double(Thread& t, Value v, double& out) {
  if (v.is_small_int()) {
    out = double(v.small_int_value());
    return true;
  }
  if (float_check(v)) {
    out = float_value(v);
    return true;
  }
  if (int_check(v)) {
    auto r = num::to_double(int_big(v));
    if (!r.ok()) {
      NumErrorRaiser::raise_int(t, r.error, r.message);
      return false;
    }
    out = r.value;
    return true;
  }
  Value f = lookup_special(t, v, N___float__);
  if (!f) {
    if (t.pending) return false;
    if (Value idx = lookup_special(t, v, N___index__)) {
      Value r = call0(t, idx);
      return r && to_double(t, r, out);
    }
    raisef(t, exc(E_TypeError), "must be real number, not %s", type_name_of(v).c_str());
    return false;
  }
  return float_result(t, v, call0(t, f), out);
}

bool float_result(Thread& t, Value v, Value r, double& out) {
  if (!r) return false;
  if (!float_check(r)) {
    raisef(t, exc(E_TypeError), "%s.__float__ returned non-float (type %s)",
           type_name_of(v).c_str(), type_name_of(r).c_str());
    return false;
  }
  if (!is_exact(r, T_float) &&
      !warn(t, exc(E_DeprecationWarning),
            type_name_of(v) + ".__float__ returned non-float (type " + type_name_of(r) +
                ").  The ability to return an instance of a strict subclass of float is "
                "deprecated, and may be removed in a future version of Python."))
    return false;
  out = float_value(r);
  return true;
}

namespace {

// The other operand as a double, or false for NotImplemented (or an error, see t.pending).
bool other_double(Thread& t, Value v, double& out) {
  if (v.is_small_int()) {
    out = double(v.small_int_value());
    return true;
  }
  if (float_check(v)) {
    out = float_value(v);
    return true;
  }
  if (int_check(v)) return to_double(t, v, out);
  return false;
}

using BinaryFloat = Value (*)(Thread& t, double a, double b);

Value apply(Thread& t, const Value* args, std::size_t nargs, bool reflected, BinaryFloat fn) {
  double a = float_value(args[0]), b;
  if (nargs < 2 || !other_double(t, args[1], b))
    return t.pending ? Value() : runtime().not_implemented;
  return reflected ? fn(t, b, a) : fn(t, a, b);
}

Value f_add(Thread& t, double a, double b) {
  return float_new(t, a + b);
}
Value f_sub(Thread& t, double a, double b) {
  return float_new(t, a - b);
}
Value f_mul(Thread& t, double a, double b) {
  return float_new(t, a * b);
}
Value f_div(Thread& t, double a, double b) {
  auto r = num::float_true_divide(a, b);
  return r ? float_new(t, *r) : raise_float_error(t, r.error());
}
Value f_floordiv(Thread& t, double a, double b) {
  auto r = num::float_floor_divide(a, b);
  return r ? float_new(t, *r) : raise_float_error(t, r.error());
}
Value f_mod(Thread& t, double a, double b) {
  auto r = num::float_modulo(a, b);
  return r ? float_new(t, *r) : raise_float_error(t, r.error());
}
Value f_divmod(Thread& t, double a, double b) {
  auto r = num::float_divmod(a, b);
  if (!r) return raise_float_error(t, r.error());
  Value q = float_new(t, r->quotient);
  if (!q) return {};
  Value m = float_new(t, r->remainder);
  if (!m) return {};
  Value items[2] = {q, m};
  return tuple_from(t, items, 2);
}
Value f_pow(Thread& t, double a, double b) {
  auto r = num::float_power(a, b);
  if (!r) return raise_float_error(t, r.error());
  if (r->needs_complex) {
    // complex(a) ** complex(b) for a negative base: |a|**b * e**(i*pi*b).
    double mag = std::pow(-a, b);
    double angle = M_PI * b;
    Value c = allocate(t, Layout::Complex, type_value(T_complex), sizeof(ComplexObject));
    if (!c) return {};
    fresh<ComplexObject>(c)->real = mag * std::cos(angle);
    fresh<ComplexObject>(c)->imag = mag * std::sin(angle);
    return c;
  }
  return float_new(t, r->value);
}

#define FLOAT_BINARY(fn_name, impl)                                                                \
  INTERP_NATIVE(fn_name) {                                                                         \
    return apply(t, args, nargs, false, impl);                                                     \
  }                                                                                                \
  INTERP_NATIVE(r##fn_name) {                                                                      \
    return apply(t, args, nargs, true, impl);                                                      \
  }

FLOAT_BINARY(float_add, f_add)
FLOAT_BINARY(float_sub, f_sub)
FLOAT_BINARY(float_mul, f_mul)
FLOAT_BINARY(float_truediv, f_div)
FLOAT_BINARY(float_floordiv, f_floordiv)
FLOAT_BINARY(float_mod, f_mod)
FLOAT_BINARY(float_divmod, f_divmod)

INTERP_NATIVE(float_pow) {
  if (nargs > 2 && args[2] != none())
    return raise(t, exc(E_TypeError),
                 "pow() 3rd argument not allowed unless all arguments are integers");
  return apply(t, args, nargs, false, f_pow);
}
INTERP_NATIVE(rfloat_pow) {
  if (nargs > 2 && args[2] != none())
    return raise(t, exc(E_TypeError),
                 "pow() 3rd argument not allowed unless all arguments are integers");
  return apply(t, args, nargs, true, f_pow);
}

Value float_compare(Thread& t, Value a_value, Value b, bytecode::CompareOp op) {
  double a = float_value(a_value);
  int c;
  if (float_check(b)) {
    double y = float_value(b);
    if (std::isnan(a) || std::isnan(y)) return py_bool(op == bytecode::CompareOp::Ne);
    c = a < y ? -1 : a > y ? 1 : 0;
  } else if (int_check(b)) {
    if (std::isnan(a)) return py_bool(op == bytecode::CompareOp::Ne);
    c = -num::compare_to_double(int_big(b), a);
  } else {
    return runtime().not_implemented;
  }
  return py_bool(compare_numbers(c, 0, op));
}
INTERP_NATIVE(float_lt) {
  return float_compare(t, args[0], args[1], bytecode::CompareOp::Lt);
}
INTERP_NATIVE(float_le) {
  return float_compare(t, args[0], args[1], bytecode::CompareOp::Le);
}
INTERP_NATIVE(float_eq) {
  return float_compare(t, args[0], args[1], bytecode::CompareOp::Eq);
}
INTERP_NATIVE(float_ne) {
  return float_compare(t, args[0], args[1], bytecode::CompareOp::Ne);
}
INTERP_NATIVE(float_gt) {
  return float_compare(t, args[0], args[1], bytecode::CompareOp::Gt);
}
INTERP_NATIVE(float_ge) {
  return float_compare(t, args[0], args[1], bytecode::CompareOp::Ge);
}

INTERP_NATIVE(float_repr) {
  return str_from_ascii(t, num::float_repr(float_value(args[0])));
}
INTERP_NATIVE(float_neg) {
  return float_new(t, -float_value(args[0]));
}
INTERP_NATIVE(float_pos) {
  return float_new(t, float_value(args[0]));
}
INTERP_NATIVE(float_abs) {
  return float_new(t, std::fabs(float_value(args[0])));
}
INTERP_NATIVE(float_bool) {
  return py_bool(float_value(args[0]) != 0.0);
}
INTERP_NATIVE(float_float) {
  return is_exact(args[0], T_float) ? args[0] : float_new(t, float_value(args[0]));
}
INTERP_NATIVE(float_hash) {
  double x = float_value(args[0]);
  if (std::isnan(x)) return int_from_i64(t, std::int64_t(args[0].offset() >> 4));
  return int_from_i64(t, num::float_hash(x));
}
INTERP_NATIVE(float_int) {
  double d = float_value(args[0]);
  if (std::isinf(d))
    return raise(t, exc(E_OverflowError), "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(t, exc(E_ValueError), "cannot convert float NaN to integer");
  return int_from_big(t, num::from_double(d));
}
INTERP_NATIVE(float_is_integer) {
  return py_bool(num::float_is_integer(float_value(args[0])));
}

INTERP_NATIVE(float_round) {
  double x = float_value(args[0]);
  if (nargs < 2 || args[1] == none()) {
    auto r = num::float_round_to_integer(x);
    if (!r) return raise_float_error(t, r.error());
    return int_from_big(t, num::from_double(*r));
  }
  std::int64_t nd;
  if (!index_to_i64(t, args[1], nd, true)) return {};
  auto r = num::float_round(x, nd);
  if (!r) return raise_float_error(t, r.error());
  return float_new(t, *r);
}
INTERP_NATIVE(float_trunc) {
  double d = float_value(args[0]);
  if (std::isinf(d))
    return raise(t, exc(E_OverflowError), "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(t, exc(E_ValueError), "cannot convert float NaN to integer");
  return int_from_big(t, num::from_double(std::trunc(d)));
}
INTERP_NATIVE(float_floor) {
  double d = float_value(args[0]);
  if (std::isinf(d))
    return raise(t, exc(E_OverflowError), "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(t, exc(E_ValueError), "cannot convert float NaN to integer");
  return int_from_big(t, num::from_double(std::floor(d)));
}
INTERP_NATIVE(float_ceil) {
  double d = float_value(args[0]);
  if (std::isinf(d))
    return raise(t, exc(E_OverflowError), "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(t, exc(E_ValueError), "cannot convert float NaN to integer");
  return int_from_big(t, num::from_double(std::ceil(d)));
}

INTERP_NATIVE(float_as_integer_ratio) {
  auto r = num::float_as_integer_ratio(float_value(args[0]));
  if (!r) return raise_float_error(t, r.error());
  Value n = int_from_text(t, r->numerator, 10);
  if (!n) return {};
  Value d = int_from_text(t, r->denominator, 10);
  if (!d) return {};
  Value items[2] = {n, d};
  return tuple_from(t, items, 2);
}

// What pickle's copyreg needs to rebuild a float subclass instance.
INTERP_NATIVE(float_getnewargs) {
  Value v = float_new(t, float_value(args[0]));
  return v ? tuple_from(t, &v, 1) : Value();
}

// float.__getformat__(typestr): the storage format of C doubles and floats, which here
// are always IEEE 754 in the machine's byte order.
INTERP_NATIVE(float_getformat) {
  if (!check_positional(t, "__getformat__", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "__getformat__() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  if (!str_equal_ascii(args[1], "double") && !str_equal_ascii(args[1], "float"))
    return raise(t, exc(E_ValueError), "__getformat__() argument 1 must be 'double' or 'float'");
  return str_from_ascii(t, std::endian::native == std::endian::little ? "IEEE, little-endian"
                                                                      : "IEEE, big-endian");
}

INTERP_NATIVE(float_hex) {
  return str_from_ascii(t, num::float_to_hex(float_value(args[0])));
}
INTERP_NATIVE(float_fromhex) {
  // A classmethod is named by the class it is bound to, as in CPython.
  std::string what = type_name(args[0]) + ".fromhex";
  if (!check_positional(t, what.c_str(), nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "fromhex() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  auto r = num::float_from_hex(str_utf8(args[1]));
  if (!r) return raise_float_error(t, r.error());
  Value f = float_new(t, *r);
  if (f && args[0] != type_value(T_float)) return call1(t, args[0], f);
  return f;
}

INTERP_NATIVE(float_format) {
  if (!check_positional(t, "__format__", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "__format__() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  std::string spec_text = str_utf8(args[1]);
  if (spec_text.empty()) return str(t, args[0]);
  auto spec = num::parse_format_spec(spec_text, {"float", 0, '>'});
  if (!spec) return raise(t, exc(E_ValueError), spec.error().message);
  auto r = num::format_float(float_value(args[0]), *spec, type_name_of(args[0]));
  if (!r) return raise_float_error(t, r.error());
  return str_from_utf8(t, *r);
}

INTERP_NATIVE(float_conjugate) {
  return float_new(t, float_value(args[0]));
}

// float(text): `shown` is what an error message quotes (the str, or the bytes).
bool parse_float_text(Thread& t, std::string_view text, Value shown, double& out) {
  Value rep = shown ? repr(t, shown) : Value();
  if (!rep) return false;
  std::string rep_text = str_utf8(rep);
  auto r = num::float_from_string(text, [&](std::string_view) { return rep_text; });
  if (!r) return raise_float_error(t, r.error()), false;
  out = *r;
  return true;
}

// float(x), CPython's order: a float subclass's __float__, __float__, __index__, then the
// text of a str or of any bytes-like object.
bool float_convert(Thread& t, Value x, double& out) {
  if (is_exact(x, T_str)) return parse_float_text(t, str_utf8(x), x, out);
  if (is_exact(x, T_bytes)) return parse_float_text(t, bytes_view(x), x, out);
  if (float_check(x) && !is_exact(x, T_float)) {
    // The subclass may have overridden __float__.
    Value f = lookup_special(t, x, N___float__);
    return f && float_result(t, x, call0(t, f), out);
  }
  if (x.is_small_int() || float_check(x) || int_check(x) || lookup_special(t, x, N___float__) ||
      lookup_special(t, x, N___index__))
    return to_double(t, x, out);
  if (t.pending) return false;
  if (str_check(x)) return parse_float_text(t, str_utf8(x), x, out);
  std::string data;
  bool buffer_error = false;
  if (buffer_contents(t, x, data, buffer_error)) return parse_float_text(t, data, x, out);
  if (buffer_error) return false;
  raisef(t, exc(E_TypeError), "float() argument must be a string or a real number, not '%s'",
         type_name_of(x).c_str());
  return false;
}

INTERP_NATIVE(float_new_method) {
  Value cls = args[0];
  // A subclass with an __init__ of its own may take keywords there; __new__ ignores them.
  if (keyword_count(kwnames) && !refuses_keywords(cls, T_float, N___init__)) {
    nargs -= keyword_count(kwnames);
    kwnames = {};
  }
  if (!check_positional(t, "float", nargs, kwnames, 0, 1)) return {};
  double d = 0;
  if (nargs == 2 && !float_convert(t, args[1], d)) return {};
  if (cls == type_value(T_float)) return float_new(t, d);
  Value f = allocate(t, Layout::Float, cls, sizeof(FloatObject));
  if (f) fresh<FloatObject>(f)->value = d;
  return f;
}

} // namespace

void init_float_type(Thread& t) {
  Value type = type_value(T_float);
  const MethodDef methods[] = {
      {"__add__", float_add},
      {"__radd__", rfloat_add},
      {"__sub__", float_sub},
      {"__rsub__", rfloat_sub},
      {"__mul__", float_mul},
      {"__rmul__", rfloat_mul},
      {"__truediv__", float_truediv},
      {"__rtruediv__", rfloat_truediv},
      {"__floordiv__", float_floordiv},
      {"__rfloordiv__", rfloat_floordiv},
      {"__mod__", float_mod},
      {"__rmod__", rfloat_mod},
      {"__divmod__", float_divmod},
      {"__rdivmod__", rfloat_divmod},
      {"__pow__", float_pow},
      {"__rpow__", rfloat_pow},
      {"__lt__", float_lt},
      {"__le__", float_le},
      {"__eq__", float_eq},
      {"__ne__", float_ne},
      {"__gt__", float_gt},
      {"__ge__", float_ge},
      {"__repr__", float_repr},
      {"__neg__", float_neg},
      {"__pos__", float_pos},
      {"__abs__", float_abs},
      {"__bool__", float_bool},
      {"__float__", float_float},
      {"__hash__", float_hash},
      {"__int__", float_int},
      {"is_integer", float_is_integer, MethodArgs::none},
      {"__round__", float_round},
      {"__trunc__", float_trunc},
      {"__floor__", float_floor},
      {"__ceil__", float_ceil},
      {"as_integer_ratio", float_as_integer_ratio, MethodArgs::none},
      {"hex", float_hex, MethodArgs::none},
      {"__format__", float_format, MethodArgs::one},
      {"conjugate", float_conjugate, MethodArgs::none},
      {"__getnewargs__", float_getnewargs, MethodArgs::none},
  };
  add_methods(t, type, methods);
  add_getter(t, type, "real", float_float);
  add_getter(t, type, "imag",
             [](Thread& t, const Value*, std::size_t, Value) { return float_new(t, 0.0); });
  add_staticmethod(t, type, "__new__", float_new_method);
  add_classmethod(t, type, "fromhex", float_fromhex);
  add_classmethod(t, type, "__getformat__", float_getformat);
}

} // namespace interp
