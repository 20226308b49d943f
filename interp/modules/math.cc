// interp/modules/math.cc - the math module.
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <cerrno>
#include <climits>
#include <cmath>
#include <vector>

namespace interp {

namespace {

// A one-argument function of a double, with CPython's rules for errors: a nan from a
// number is ValueError "math domain error"; an infinity from a finite number is
// OverflowError "math range error" when the function can overflow (exp, cosh, ...) and
// "math domain error" otherwise (a pole: atanh(1), log1p(-1)). Underflow is no error.
Value unary(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* fname,
            double (*fn)(double), bool can_overflow) {
  if (!check_positional(t, fname, nargs, kwnames, 1, 1, 0)) return {};
  double x;
  if (!to_double(t, args[0], x)) return {};
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) return raise(t, exc(E_ValueError), "math domain error");
  if (std::isinf(r) && std::isfinite(x))
    return can_overflow ? raise(t, exc(E_OverflowError), "math range error")
                        : raise(t, exc(E_ValueError), "math domain error");
  return float_new(t, r);
}

#define UNARY(name_, fn_, can_overflow_)                                                           \
  INTERP_NATIVE(math_##name_) {                                                                    \
    return unary(                                                                                  \
        t, args, nargs, kwnames, #name_, [](double x) { return fn_(x); }, can_overflow_);          \
  }
UNARY(sqrt, std::sqrt, false)
UNARY(exp, std::exp, true)
UNARY(exp2, std::exp2, true)
UNARY(sin, std::sin, false)
UNARY(cos, std::cos, false)
UNARY(tan, std::tan, false)
UNARY(asin, std::asin, false)
UNARY(acos, std::acos, false)
UNARY(atan, std::atan, false)
UNARY(sinh, std::sinh, true)
UNARY(cosh, std::cosh, true)
UNARY(tanh, std::tanh, false)
UNARY(asinh, std::asinh, false)
UNARY(acosh, std::acosh, false)
UNARY(atanh, std::atanh, false)
UNARY(cbrt, std::cbrt, false)
UNARY(fabs, std::fabs, false)
UNARY(expm1, std::expm1, true)
UNARY(log1p, std::log1p, false)
UNARY(erf, std::erf, false)
UNARY(erfc, std::erfc, false)

// gamma(x) through the C library's tgamma. ValueError at the poles (0 and the negative
// integers) and at -inf; OverflowError where the result is too big for a double.
INTERP_NATIVE(math_gamma) {
  if (!check_positional(t, "math.gamma", nargs, kwnames, 1, 1, 0)) return {};
  double x;
  if (!to_double(t, args[0], x)) return {};
  if (std::isnan(x) || x == INFINITY) return float_new(t, x);
  if (x == -INFINITY || x == 0 || (x < 0 && x == std::floor(x)))
    return raise(t, exc(E_ValueError), "math domain error");
  if (x == std::floor(x) && x <= 23) {
    // (x-1)! exactly, then rounded once (the C library's tgamma may be an ulp off).
    unsigned __int128 f = 1;
    for (int i = 2; i < int(x); ++i)
      f *= unsigned(i);
    return float_new(t, double(f));
  }
  double r = std::tgamma(x);
  if (std::isinf(r)) return raise(t, exc(E_OverflowError), "math range error");
  return float_new(t, r);
}

// lgamma(x): log(|gamma(x)|), through lgamma_r (lgamma itself writes the global signgam,
// which threads would share). ValueError at the poles; both infinities give inf.
INTERP_NATIVE(math_lgamma) {
  if (!check_positional(t, "math.lgamma", nargs, kwnames, 1, 1, 0)) return {};
  double x;
  if (!to_double(t, args[0], x)) return {};
  if (std::isnan(x)) return float_new(t, x);
  if (std::isinf(x)) return float_new(t, INFINITY);
  if (x <= 0 && x == std::floor(x)) return raise(t, exc(E_ValueError), "math domain error");
  int sign;
  double r = ::lgamma_r(x, &sign);
  if (std::isinf(r)) return raise(t, exc(E_OverflowError), "math range error");
  return float_new(t, r);
}

// fn(x) for the logarithms: ValueError for x <= 0; an int too big for a double is taken as
// m * 2**e (0.5 <= m < 1) and gives fn(m) + e * fn(2), as CPython does.
bool log_of(Thread& t, Value v, double (*fn)(double), double& out) {
  if (int_check(v) && !v.is_small_int()) {
    num::BigInt b = int_big(v);
    if (b.is_negative() || b.is_zero()) {
      raise(t, exc(E_ValueError), "math domain error");
      return false;
    }
    auto d = num::to_double(b);
    if (!d.ok()) {
      std::uint64_t shift = num::bit_length(b) - 1000;
      auto top = num::to_double(num::rshift_bits(b, shift));
      int e = 0;
      double m = std::frexp(top.value, &e);
      out = fn(m) + double(std::int64_t(shift) + e) * fn(2.0);
      return true;
    }
    if (d.value <= 0) {
      raise(t, exc(E_ValueError), "math domain error");
      return false;
    }
    out = fn(d.value);
    return true;
  }
  double x;
  if (!to_double(t, v, x)) return false;
  if (x <= 0) {
    raise(t, exc(E_ValueError), "math domain error");
    return false;
  }
  out = fn(x);
  return true;
}

double natural_log(double x) {
  return std::log(x);
}

INTERP_NATIVE(math_log) {
  if (!check_positional(t, "log", nargs, kwnames, 1, 2, 0)) return {};
  double x;
  if (!log_of(t, args[0], natural_log, x)) return {};
  if (nargs == 2) {
    double lb;
    if (!log_of(t, args[1], natural_log, lb)) return {};
    if (lb == 0) return raise(t, exc(E_ZeroDivisionError), "float division by zero");
    x /= lb;
  }
  return float_new(t, x);
}

Value one_log(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* fname,
              double (*fn)(double)) {
  double r;
  if (!check_positional(t, fname, nargs, kwnames, 1, 1, 0) || !log_of(t, args[0], fn, r)) return {};
  return float_new(t, r);
}
INTERP_NATIVE(math_log2) {
  return one_log(t, args, nargs, kwnames, "log2", [](double x) { return std::log2(x); });
}
INTERP_NATIVE(math_log10) {
  return one_log(t, args, nargs, kwnames, "log10", [](double x) { return std::log10(x); });
}

Value to_int_result(Thread& t, double r) {
  if (std::isinf(r))
    return raise(t, exc(E_OverflowError), "cannot convert float infinity to integer");
  if (std::isnan(r)) return raise(t, exc(E_ValueError), "cannot convert float NaN to integer");
  return int_from_big(t, num::from_double(r));
}

// floor/ceil: an exact int or float is rounded directly; anything else (float and int
// subclasses too) goes through its __floor__/__ceil__ first, then through __float__.
Value round_like(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* fname,
                 NameId special, double (*fn)(double)) {
  if (!check_positional(t, fname, nargs, kwnames, 1, 1, 0)) return {};
  Value x = args[0];
  if (is_exact(x, T_int)) return x;
  if (!is_exact(x, T_float)) {
    if (Value f = lookup_special(t, x, special)) return call0(t, f);
    if (t.pending) return {};
  }
  double d;
  if (!to_double(t, x, d)) return {};
  return to_int_result(t, fn(d));
}

INTERP_NATIVE(math_floor) {
  return round_like(t, args, nargs, kwnames, "floor", N___floor__,
                    [](double x) { return std::floor(x); });
}
INTERP_NATIVE(math_ceil) {
  return round_like(t, args, nargs, kwnames, "ceil", N___ceil__,
                    [](double x) { return std::ceil(x); });
}
// trunc has no __float__ fallback: a type without __trunc__ is a TypeError.
INTERP_NATIVE(math_trunc) {
  if (!check_positional(t, "trunc", nargs, kwnames, 1, 1, 0)) return {};
  Value x = args[0];
  if (is_exact(x, T_float)) return to_int_result(t, std::trunc(float_value(x)));
  if (Value f = lookup_special(t, x, N___trunc__)) return call0(t, f);
  if (t.pending) return {};
  return raisef(t, exc(E_TypeError), "type %s doesn't define __trunc__ method",
                type_name_of(x).c_str());
}

INTERP_NATIVE(math_pow) {
  if (!check_positional(t, "pow", nargs, kwnames, 2, 2, 0)) return {};
  double x, y;
  if (!to_double(t, args[0], x) || !to_double(t, args[1], y)) return {};
  // C99's pow already gives IEEE 754's answers for infinite operands (pow(0, -inf) is
  // inf); only finite operands can be out of the domain.
  if (x == 0 && y < 0 && std::isfinite(y)) return raise(t, exc(E_ValueError), "math domain error");
  if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y))
    return raise(t, exc(E_ValueError), "math domain error");
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
    return raise(t, exc(E_OverflowError), "math range error");
  return float_new(t, r);
}

INTERP_NATIVE(math_atan2) {
  if (!check_positional(t, "atan2", nargs, kwnames, 2, 2, 0)) return {};
  double y, x;
  if (!to_double(t, args[0], y) || !to_double(t, args[1], x)) return {};
  return float_new(t, std::atan2(y, x));
}

// The Euclidean norm of v, rounded almost always correctly: the items are scaled by a
// power of two so that the largest lies in [0.5, 1) (no overflow or underflow in the
// squares), each square is kept exactly as a sum of two doubles (fma) and added in
// double-double, and the square root gets one Newton step against that exact sum.
// An infinity wins over a nan, as IEEE 754's hypot says.
double vector_norm(const double* v, std::size_t n) {
  double max = 0;
  bool found_nan = false;
  for (std::size_t i = 0; i < n; ++i) {
    double x = v[i];
    found_nan |= std::isnan(x);
    if (std::fabs(x) > max) max = std::fabs(x);
  }
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0 || n <= 1) return max;
  int e = 0;
  std::frexp(max, &e);
  double hi = 0, lo = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double x = std::ldexp(std::fabs(v[i]), -e);
    double sq = x * x;
    double sq_err = std::fma(x, x, -sq);
    double sum = hi + sq;
    double b = sum - hi;
    lo += (hi - (sum - b)) + (sq - b) + sq_err;
    hi = sum;
  }
  double sum = hi + lo;
  lo -= sum - hi;
  hi = sum;
  double h = std::sqrt(hi);
  double hh = h * h;
  double hh_err = std::fma(h, h, -hh);
  h += ((hi - hh) - hh_err + lo) / (2 * h);
  return std::ldexp(h, e);
}

// The coordinates as doubles, on the stack for the usual few (hypot(x, y) runs in loops).
class Coordinates {
public:
  explicit Coordinates(std::size_t n) : n_(n) {
    if (n > kInline) heap_.resize(n);
  }
  double* data() { return n_ > kInline ? heap_.data() : inline_; }
  std::size_t size() const { return n_; }

private:
  static constexpr std::size_t kInline = 8;
  std::size_t n_;
  double inline_[kInline];
  std::vector<double> heap_;
};

INTERP_NATIVE(math_hypot) {
  if (kwnames && keyword_count(kwnames) > 0)
    return raise(t, exc(E_TypeError), "hypot() takes no keyword arguments");
  Coordinates coords(nargs);
  for (std::size_t i = 0; i < nargs; ++i)
    if (!to_double(t, args[i], coords.data()[i])) return {};
  return float_new(t, vector_norm(coords.data(), coords.size()));
}

INTERP_NATIVE(math_fmod) {
  if (!check_positional(t, "fmod", nargs, kwnames, 2, 2, 0)) return {};
  double x, y;
  if (!to_double(t, args[0], x) || !to_double(t, args[1], y)) return {};
  if (std::isinf(y) && std::isfinite(x)) return float_new(t, x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y))
    return raise(t, exc(E_ValueError), "math domain error");
  return float_new(t, r);
}

INTERP_NATIVE(math_isnan) {
  double x;
  if (!check_positional(t, "isnan", nargs, kwnames, 1, 1, 0) || !to_double(t, args[0], x))
    return {};
  return py_bool(std::isnan(x));
}
INTERP_NATIVE(math_isinf) {
  double x;
  if (!check_positional(t, "isinf", nargs, kwnames, 1, 1, 0) || !to_double(t, args[0], x))
    return {};
  return py_bool(std::isinf(x));
}
INTERP_NATIVE(math_isfinite) {
  double x;
  if (!check_positional(t, "isfinite", nargs, kwnames, 1, 1, 0) || !to_double(t, args[0], x))
    return {};
  return py_bool(std::isfinite(x));
}

INTERP_NATIVE(math_copysign) {
  double x, y;
  if (!check_positional(t, "copysign", nargs, kwnames, 2, 2, 0) || !to_double(t, args[0], x) ||
      !to_double(t, args[1], y))
    return {};
  return float_new(t, std::copysign(x, y));
}

bool int_arg(Thread& t, Value v, num::BigInt& out) {
  if (!int_check(v)) {
    Value f = lookup_special(t, v, N___index__);
    if (!f) {
      if (!t.pending)
        raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
               type_name_of(v).c_str());
      return false;
    }
    v = call0(t, f);
    if (!v) return false;
  }
  out = int_big(v);
  return true;
}

INTERP_NATIVE(math_gcd) {
  num::BigInt acc;
  for (std::size_t i = 0; i < nargs; ++i) {
    num::BigInt x;
    if (!int_arg(t, args[i], x)) return {};
    acc = num::gcd(acc, x);
  }
  return int_from_big(t, acc);
}

INTERP_NATIVE(math_isqrt) {
  if (!check_positional(t, "isqrt", nargs, kwnames, 1, 1, 0)) return {};
  num::BigInt x;
  if (!int_arg(t, args[0], x)) return {};
  auto r = num::isqrt(x);
  if (!r.ok()) return NumErrorRaiser::raise_int(t, r.error, r.message);
  return int_from_big(t, r.value);
}

INTERP_NATIVE(math_factorial) {
  if (!check_positional(t, "factorial", nargs, kwnames, 1, 1, 0)) return {};
  if (float_check(args[0]))
    return raise(t, exc(E_TypeError), "'float' object cannot be interpreted as an integer");
  num::BigInt x;
  if (!int_arg(t, args[0], x)) return {};
  if (x.is_negative())
    return raise(t, exc(E_ValueError), "factorial() not defined for negative values");
  if (!x.fits_int64() || x.to_int64() > 100000)
    return raise(t, exc(E_OverflowError), "factorial() argument should not exceed 100000");
  num::BigInt acc = num::BigInt::from_int64(1);
  for (std::int64_t i = 2; i <= x.to_int64(); ++i) {
    acc = num::mul(acc, num::BigInt::from_int64(i));
    if ((i & 255) == 0) stm::safe_point();
  }
  return int_from_big(t, acc);
}

INTERP_NATIVE(math_degrees) {
  double x;
  if (!check_positional(t, "degrees", nargs, kwnames, 1, 1, 0) || !to_double(t, args[0], x))
    return {};
  return float_new(t, x * 180.0 / M_PI);
}
INTERP_NATIVE(math_radians) {
  double x;
  if (!check_positional(t, "radians", nargs, kwnames, 1, 1, 0) || !to_double(t, args[0], x))
    return {};
  return float_new(t, x * M_PI / 180.0);
}

// fsum: the correctly rounded sum, by Shewchuk's method: `partials` holds non-overlapping
// doubles, smallest first, whose exact sum is the sum so far; each new item is added to
// them with exact two-sum steps. Infinities and nans are summed apart; an infinity from
// finite items is an intermediate overflow.
INTERP_NATIVE(math_fsum) {
  if (!check_positional(t, "fsum", nargs, kwnames, 1, 1, 0)) return {};
  Value items = list_of(t, args[0]);
  if (!items) return {};
  std::vector<double> partials;
  double special = 0, infinities = 0;
  for (std::int64_t k = 0; k < list_length(items); ++k) {
    double x;
    if (!to_double(t, list_item(items, k), x)) return {};
    double item = x;
    std::size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0) partials[kept++] = lo;
      x = hi;
    }
    partials.resize(kept);
    if (x == 0) continue;
    if (std::isfinite(x)) {
      partials.push_back(x);
      continue;
    }
    if (std::isfinite(item)) return raise(t, exc(E_OverflowError), "intermediate overflow in fsum");
    if (std::isinf(item)) infinities += item;
    special += item;
    partials.clear();
  }
  if (special != 0) {
    if (std::isnan(infinities)) return raise(t, exc(E_ValueError), "-inf + inf in fsum");
    return float_new(t, special);
  }
  double hi = 0;
  std::size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0;
    // Add from the largest down while the sum stays exact.
    while (n > 0) {
      double x = hi, y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0) break;
    }
    // Round half to even: when the rest below `lo` has lo's sign, the exact sum lies
    // past the halfway point that hi + lo was rounded at.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      double y = lo * 2, x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return float_new(t, hi);
}

INTERP_NATIVE(math_prod) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos != 1)
    return raisef(t, exc(E_TypeError), "prod() takes exactly 1 positional argument (%zu given)",
                  npos);
  static const char* const kAllowed[] = {"start", nullptr};
  if (!check_keywords(t, "prod", kwnames, kAllowed)) return {};
  Value acc = Value::small_int(1);
  Value start = keyword_arg(kwnames, args, nargs, "start");
  if (start) acc = start;
  Value it = iter(t, args[0]);
  if (!it) return {};
  for (;;) {
    Value x = next(t, it);
    if (!x) return t.pending ? Value() : acc;
    acc = binary_op(t, acc, x, bytecode::BinaryOp::Multiply);
    if (!acc) return {};
  }
}

INTERP_NATIVE(math_dist) {
  if (!check_positional(t, "dist", nargs, kwnames, 2, 2, 0)) return {};
  Value p = tuple_of(t, args[0]);
  if (!p) return {};
  Value q = tuple_of(t, args[1]);
  if (!q) return {};
  if (tuple_length(p) != tuple_length(q))
    return raise(t, exc(E_ValueError), "both points must have the same number of dimensions");
  Coordinates diffs(std::size_t(tuple_length(p)));
  for (std::int64_t i = 0; i < tuple_length(p); ++i) {
    double a, b;
    if (!to_double(t, tuple_item(p, i), a) || !to_double(t, tuple_item(q, i), b)) return {};
    diffs.data()[i] = a - b;
  }
  return float_new(t, vector_norm(diffs.data(), diffs.size()));
}

INTERP_NATIVE(math_isclose) {
  static const char* const kAllowed[] = {"rel_tol", "abs_tol", nullptr};
  if (!check_keywords(t, "isclose", kwnames, kAllowed)) return {};
  if (nargs - keyword_count(kwnames) != 2)
    return raise(t, exc(E_TypeError), "isclose() takes exactly 2 positional arguments");
  double a, b, rel = 1e-09, abs_tol = 0;
  if (!to_double(t, args[0], a) || !to_double(t, args[1], b)) return {};
  if (Value r = keyword_arg(kwnames, args, nargs, "rel_tol"); r && !to_double(t, r, rel)) return {};
  if (Value r = keyword_arg(kwnames, args, nargs, "abs_tol"); r && !to_double(t, r, abs_tol))
    return {};
  if (rel < 0 || abs_tol < 0) return raise(t, exc(E_ValueError), "tolerances must be non-negative");
  if (a == b) return runtime().true_;
  if (std::isinf(a) || std::isinf(b)) return runtime().false_;
  double diff = std::fabs(b - a);
  return py_bool(diff <= std::fabs(rel * b) || diff <= std::fabs(rel * a) || diff <= abs_tol);
}

INTERP_NATIVE(math_modf) {
  double x;
  if (!check_positional(t, "modf", nargs, kwnames, 1, 1, 0) || !to_double(t, args[0], x)) return {};
  double whole;
  double frac = std::modf(x, &whole);
  if (std::isinf(x)) frac = std::copysign(0.0, x);
  Value items[2] = {float_new(t, frac), float_new(t, whole)};
  if (!items[0] || !items[1]) return {};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(math_frexp) {
  double x;
  if (!check_positional(t, "frexp", nargs, kwnames, 1, 1, 0) || !to_double(t, args[0], x))
    return {};
  int e = 0;
  double m = std::isfinite(x) ? std::frexp(x, &e) : x;
  Value items[2] = {float_new(t, m), Value::small_int(e)};
  if (!items[0]) return {};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(math_ldexp) {
  if (!check_positional(t, "ldexp", nargs, kwnames, 2, 2, 0)) return {};
  double x;
  std::int64_t e;
  if (!to_double(t, args[0], x)) return {};
  if (!int_check(args[1]))
    return raise(t, exc(E_TypeError), "Expected an int as second argument to ldexp.");
  if (!index_to_i64(t, args[1], e, true)) return {};
  e = std::max<std::int64_t>(std::min<std::int64_t>(e, 100000), -100000);
  double r = std::ldexp(x, int(e));
  if (std::isinf(r) && std::isfinite(x)) return raise(t, exc(E_OverflowError), "math range error");
  return float_new(t, r);
}

INTERP_NATIVE(math_nextafter) {
  double x, y;
  if (!check_positional(t, "nextafter", nargs, kwnames, 2, 2, 0) || !to_double(t, args[0], x) ||
      !to_double(t, args[1], y))
    return {};
  return float_new(t, std::nextafter(x, y));
}

INTERP_NATIVE(math_ulp) {
  double x;
  if (!check_positional(t, "ulp", nargs, kwnames, 1, 1, 0) || !to_double(t, args[0], x)) return {};
  if (std::isnan(x)) return float_new(t, x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_new(t, x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return float_new(t, x - std::nextafter(x, -INFINITY));
  return float_new(t, next - x);
}

INTERP_NATIVE(math_remainder) {
  double x, y;
  if (!check_positional(t, "remainder", nargs, kwnames, 2, 2, 0) || !to_double(t, args[0], x) ||
      !to_double(t, args[1], y))
    return {};
  if ((y == 0 && !std::isnan(x)) || (std::isinf(x) && !std::isnan(y)))
    return raise(t, exc(E_ValueError), "math domain error");
  return float_new(t, std::remainder(x, y));
}

INTERP_NATIVE(math_perm) {
  if (!check_positional(t, "perm", nargs, kwnames, 1, 2, 0)) return {};
  num::BigInt n, k;
  if (!int_arg(t, args[0], n)) return {};
  if (nargs > 1 && args[1] != none()) {
    if (!int_arg(t, args[1], k)) return {};
  } else {
    k = n;
  }
  if (n.is_negative()) return raise(t, exc(E_ValueError), "n must be a non-negative integer");
  if (k.is_negative()) return raise(t, exc(E_ValueError), "k must be a non-negative integer");
  if (num::compare(k, n) > 0) return Value::small_int(0);
  if (!k.fits_int64()) return raisef(t, exc(E_OverflowError), "k must not exceed %lld", LLONG_MAX);
  num::BigInt acc = num::BigInt::from_int64(1);
  for (std::int64_t i = 0; i < k.to_int64(); ++i)
    acc = num::mul(acc, num::sub(n, num::BigInt::from_int64(i)));
  return int_from_big(t, acc);
}

INTERP_NATIVE(math_lcm) {
  num::BigInt acc = num::BigInt::from_int64(1);
  if (nargs == 0) return Value::small_int(1);
  for (std::size_t i = 0; i < nargs; ++i) {
    num::BigInt x;
    if (!int_arg(t, args[i], x)) return {};
    if (x.is_zero() || acc.is_zero()) {
      acc = num::BigInt();
      continue;
    }
    num::BigInt g = num::gcd(acc, x);
    acc = num::abs(num::mul(num::floor_div(acc, g).value, x));
  }
  return int_from_big(t, acc);
}

INTERP_NATIVE(math_comb) {
  if (!check_positional(t, "comb", nargs, kwnames, 2, 2, 0)) return {};
  num::BigInt n, k;
  if (!int_arg(t, args[0], n) || !int_arg(t, args[1], k)) return {};
  if (n.is_negative()) return raise(t, exc(E_ValueError), "n must be a non-negative integer");
  if (k.is_negative()) return raise(t, exc(E_ValueError), "k must be a non-negative integer");
  if (num::compare(k, n) > 0) return Value::small_int(0);
  // C(n, k) == C(n, n - k): the loop runs over the smaller.
  num::BigInt rest = num::sub(n, k);
  if (num::compare(rest, k) < 0) k = rest;
  if (!k.fits_int64())
    return raisef(t, exc(E_OverflowError), "min(n - k, k) must not exceed %lld", LLONG_MAX);
  std::int64_t kk = k.to_int64();
  num::BigInt acc = num::BigInt::from_int64(1);
  for (std::int64_t i = 0; i < kk; ++i) {
    acc = num::mul(acc, num::sub(n, num::BigInt::from_int64(i)));
    acc = num::floor_div(acc, num::BigInt::from_int64(i + 1)).value;
  }
  return int_from_big(t, acc);
}

} // namespace

Value make_math_module(Thread& t) {
  Value m = module_new(t, intern_literal(t, "math"));
  if (!m) return {};
  Value d = rd<Object>(m)->dict;
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry functions[] = {
      {"sqrt", math_sqrt},
      {"exp", math_exp},
      {"sin", math_sin},
      {"cos", math_cos},
      {"tan", math_tan},
      {"asin", math_asin},
      {"acos", math_acos},
      {"atan", math_atan},
      {"sinh", math_sinh},
      {"cosh", math_cosh},
      {"tanh", math_tanh},
      {"log2", math_log2},
      {"log10", math_log10},
      {"fabs", math_fabs},
      {"expm1", math_expm1},
      {"log1p", math_log1p},
      {"exp2", math_exp2},
      {"asinh", math_asinh},
      {"acosh", math_acosh},
      {"atanh", math_atanh},
      {"cbrt", math_cbrt},
      {"erf", math_erf},
      {"erfc", math_erfc},
      {"gamma", math_gamma},
      {"lgamma", math_lgamma},
      {"log", math_log},
      {"floor", math_floor},
      {"ceil", math_ceil},
      {"trunc", math_trunc},
      {"pow", math_pow},
      {"atan2", math_atan2},
      {"hypot", math_hypot},
      {"fmod", math_fmod},
      {"isnan", math_isnan},
      {"isinf", math_isinf},
      {"isfinite", math_isfinite},
      {"copysign", math_copysign},
      {"gcd", math_gcd},
      {"isqrt", math_isqrt},
      {"factorial", math_factorial},
      {"degrees", math_degrees},
      {"radians", math_radians},
      {"fsum", math_fsum},
      {"prod", math_prod},
      {"comb", math_comb},
      {"perm", math_perm},
      {"lcm", math_lcm},
      {"dist", math_dist},
      {"isclose", math_isclose},
      {"modf", math_modf},
      {"frexp", math_frexp},
      {"ldexp", math_ldexp},
      {"nextafter", math_nextafter},
      {"ulp", math_ulp},
      {"remainder", math_remainder},
  };
  for (const Entry& e : functions)
    if (!dict_set(t, d, intern_literal(t, e.name),
                  make_native_function(t, e.name, e.fn, intern_literal(t, "math"))))
      return {};
  dict_set(t, d, intern_literal(t, "pi"), float_new(t, M_PI));
  dict_set(t, d, intern_literal(t, "e"), float_new(t, M_E));
  dict_set(t, d, intern_literal(t, "tau"), float_new(t, 2 * M_PI));
  dict_set(t, d, intern_literal(t, "inf"), float_new(t, INFINITY));
  dict_set(t, d, intern_literal(t, "nan"), float_new(t, NAN));
  return m;
}

} // namespace interp
