// interp/modules/cmath.cc - the cmath module: the elementary functions over complex
// numbers, through std::complex, with cmath's domain and range errors.
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <cmath>
#include <complex>
#include <limits>

namespace interp {

Value complex_new(Thread& t, double re, double im, Value cls);
bool complex_parts(Thread& t, Value v, double& re, double& im);

namespace {

using C = std::complex<double>;

bool arg(Thread& t, Value v, C& out) {
  double re, im;
  if (!complex_parts(t, v, re, im)) return false;
  out = C(re, im);
  return true;
}

// cmath's errors: a nan made from an input with no nan is ValueError (a finite input out of
// the domain, or an infinity the function cannot take, which C99 flags as invalid); an
// infinity made from a finite input is OverflowError, except at a pole of the function
// (atan(1j), atanh(1)), which is ValueError.
Value result(Thread& t, C in, C r, bool has_poles = false) {
  bool nan_in = std::isnan(in.real()) || std::isnan(in.imag());
  bool finite_in = std::isfinite(in.real()) && std::isfinite(in.imag());
  if (!nan_in && (std::isnan(r.real()) || std::isnan(r.imag())))
    return raise(t, exc(E_ValueError), "math domain error");
  if (finite_in && (std::isinf(r.real()) || std::isinf(r.imag())))
    return has_poles ? raise(t, exc(E_ValueError), "math domain error")
                     : raise(t, exc(E_OverflowError), "math range error");
  return complex_new(t, r.real(), r.imag(), {});
}

// Three corners where Python's tables and C11's differ: acosh(±0 + nan*i) and
// tanh(±0 + nan*i) (so also tan(nan ± 0*i)) are nan + nan*i in Python's.
C python_acosh(C z) {
  if (z.real() == 0 && std::isnan(z.imag())) return C(NAN, NAN);
  return std::acosh(z);
}
C python_tanh(C z) {
  if (z.real() == 0 && std::isnan(z.imag())) return C(NAN, NAN);
  return std::tanh(z);
}
C python_tan(C z) {
  if (z.imag() == 0 && std::isnan(z.real())) return C(NAN, NAN);
  return std::tan(z);
}

#define UNARY(fn_name, expr, has_poles)                                                            \
  INTERP_NATIVE(cmath_##fn_name) {                                                                 \
    if (!check_positional(t, #fn_name, nargs, kwnames, 1, 1, 0)) return {};                        \
    C z;                                                                                           \
    if (!arg(t, args[0], z)) return {};                                                            \
    return result(t, z, expr, has_poles);                                                          \
  }
UNARY(sqrt, std::sqrt(z), false)
UNARY(exp, std::exp(z), false)
UNARY(sin, std::sin(z), false)
UNARY(cos, std::cos(z), false)
UNARY(tan, python_tan(z), false)
UNARY(asin, std::asin(z), false)
UNARY(acos, std::acos(z), false)
UNARY(atan, std::atan(z), true)
UNARY(sinh, std::sinh(z), false)
UNARY(cosh, std::cosh(z), false)
UNARY(tanh, python_tanh(z), false)
UNARY(asinh, std::asinh(z), false)
UNARY(acosh, python_acosh(z), false)
UNARY(atanh, std::atanh(z), true)
#undef UNARY

INTERP_NATIVE(cmath_log10) {
  if (!check_positional(t, "log10", nargs, kwnames, 1, 1, 0)) return {};
  C z;
  if (!arg(t, args[0], z)) return {};
  if (z == C(0, 0)) return raise(t, exc(E_ValueError), "math domain error");
  return result(t, z, std::log10(z));
}

INTERP_NATIVE(cmath_log) {
  if (!check_positional(t, "log", nargs, kwnames, 1, 2, 0)) return {};
  C z;
  if (!arg(t, args[0], z)) return {};
  if (z == C(0, 0)) return raise(t, exc(E_ValueError), "math domain error");
  C r = std::log(z);
  if (nargs > 1) {
    C b;
    if (!arg(t, args[1], b)) return {};
    if (b == C(0, 0)) return raise(t, exc(E_ValueError), "math domain error");
    C lb = std::log(b);
    if (lb == C(0, 0)) return raise(t, exc(E_ZeroDivisionError), "complex division by zero");
    r /= lb;
  }
  return result(t, z, r);
}

INTERP_NATIVE(cmath_phase) {
  if (!check_positional(t, "phase", nargs, kwnames, 1, 1, 0)) return {};
  C z;
  if (!arg(t, args[0], z)) return {};
  return float_new(t, std::atan2(z.imag(), z.real()));
}

INTERP_NATIVE(cmath_polar) {
  if (!check_positional(t, "polar", nargs, kwnames, 1, 1, 0)) return {};
  C z;
  if (!arg(t, args[0], z)) return {};
  double r = std::hypot(z.real(), z.imag());
  if (std::isinf(r) && std::isfinite(z.real()) && std::isfinite(z.imag()))
    return raise(t, exc(E_OverflowError), "math range error");
  Value a = float_new(t, r);
  if (!a) return {};
  Value b = float_new(t, std::atan2(z.imag(), z.real()));
  if (!b) return {};
  Value items[2] = {a, b};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(cmath_rect) {
  if (!check_positional(t, "rect", nargs, kwnames, 2, 2, 0)) return {};
  double r, phi;
  if (!to_double(t, args[0], r) || !to_double(t, args[1], phi)) return {};
  // r * (cos(phi) + i*sin(phi)), with the products of zeros and infinities that Python's
  // tables give: a zero or nan modulus never meets the nans cos(inf) would make.
  if (std::isinf(phi) && !std::isnan(r) && r != 0)
    return raise(t, exc(E_ValueError), "math domain error");
  double re, im;
  if (r == 0 && !std::isfinite(phi)) {
    re = im = 0.0;
  } else if (std::isnan(r)) {
    re = r;
    im = phi == 0 ? phi : r;
  } else if (std::isinf(r) && phi == 0) {
    re = r;
    im = std::signbit(r) ? -phi : phi;
  } else if (std::isinf(r) && std::isnan(phi)) {
    re = INFINITY;
    im = phi;
  } else {
    re = r * std::cos(phi);
    im = r * std::sin(phi);
  }
  return complex_new(t, re, im, {});
}

#define PREDICATE(fn_name, expr)                                                                   \
  INTERP_NATIVE(cmath_##fn_name) {                                                                 \
    if (!check_positional(t, #fn_name, nargs, kwnames, 1, 1, 0)) return {};                        \
    C z;                                                                                           \
    if (!arg(t, args[0], z)) return {};                                                            \
    double re = z.real(), im = z.imag();                                                           \
    return py_bool(expr);                                                                          \
  }
PREDICATE(isnan, std::isnan(re) || std::isnan(im))
PREDICATE(isinf, std::isinf(re) || std::isinf(im))
PREDICATE(isfinite, std::isfinite(re) && std::isfinite(im))
#undef PREDICATE

INTERP_NATIVE(cmath_isclose) {
  static const char* const kAllowed[] = {"rel_tol", "abs_tol", nullptr};
  if (!check_keywords(t, "isclose", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos != 2)
    return raisef(t, exc(E_TypeError), "isclose() takes exactly 2 positional arguments (%zu given)",
                  npos);
  C a, b;
  if (!arg(t, args[0], a) || !arg(t, args[1], b)) return {};
  double rel = 1e-09, abs_tol = 0.0;
  if (Value v = keyword_arg(kwnames, args, nargs, "rel_tol"); v && !to_double(t, v, rel)) return {};
  if (Value v = keyword_arg(kwnames, args, nargs, "abs_tol"); v && !to_double(t, v, abs_tol))
    return {};
  if (rel < 0 || abs_tol < 0) return raise(t, exc(E_ValueError), "tolerances must be non-negative");
  if (a == b) return runtime().true_;
  if (std::isinf(a.real()) || std::isinf(a.imag()) || std::isinf(b.real()) || std::isinf(b.imag()))
    return runtime().false_;
  double diff = std::abs(a - b);
  return py_bool(diff <= rel * std::abs(b) || diff <= rel * std::abs(a) || diff <= abs_tol);
}

} // namespace

Value make_cmath_module(Thread& t) {
  Value m = module_new(t, intern_literal(t, "cmath"));
  if (!m) return {};
  Value d = rd<Object>(m)->dict;
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry functions[] = {
      {"sqrt", cmath_sqrt},         {"exp", cmath_exp},         {"log", cmath_log},
      {"log10", cmath_log10},       {"sin", cmath_sin},         {"cos", cmath_cos},
      {"tan", cmath_tan},           {"asin", cmath_asin},       {"acos", cmath_acos},
      {"atan", cmath_atan},         {"sinh", cmath_sinh},       {"cosh", cmath_cosh},
      {"tanh", cmath_tanh},         {"asinh", cmath_asinh},     {"acosh", cmath_acosh},
      {"atanh", cmath_atanh},       {"phase", cmath_phase},     {"polar", cmath_polar},
      {"rect", cmath_rect},         {"isnan", cmath_isnan},     {"isinf", cmath_isinf},
      {"isfinite", cmath_isfinite}, {"isclose", cmath_isclose},
  };
  Value module_name = intern_literal(t, "cmath");
  for (const Entry& e : functions)
    if (!dict_set(t, d, intern_literal(t, e.name),
                  make_native_function(t, e.name, e.fn, module_name)))
      return {};
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::pair<const char*, double> floats[] = {
      {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", inf}, {"nan", nan}};
  for (auto& [n, v] : floats)
    if (!dict_set(t, d, intern_literal(t, n), float_new(t, v))) return {};
  if (!dict_set(t, d, intern_literal(t, "infj"), complex_new(t, 0.0, inf, {}))) return {};
  if (!dict_set(t, d, intern_literal(t, "nanj"), complex_new(t, 0.0, nan, {}))) return {};
  return m;
}

} // namespace interp
