// interp/objects/complex.cc - the complex type: an immutable pair of doubles, with the
// arithmetic, text forms and hashing of CPython's complex.
#include "interp/objects/args.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include "interp/num/float_exact.h"
#include "interp/num/float_parse.h"
#include "interp/num/float_text.h"
#include "interp/num/format_spec.h"
#include "interp/num/format_text.h"
#include "interp/num/hash_modulus.h"
#include "interp/text/char_classes.h"

#include <cerrno>
#include <cmath>
#include <complex>
#include <cstring>
#include <strings.h>

namespace interp {

struct Complex {
  double re = 0, im = 0;
};

Value complex_new(Thread& t, double re, double im, Value cls) {
  Value c = allocate(t, Layout::Complex, cls ? cls : type_value(T_complex), sizeof(ComplexObject));
  if (!c) return {};
  fresh<ComplexObject>(c)->real = re;
  fresh<ComplexObject>(c)->imag = im;
  return c;
}

bool complex_check(Value v) {
  return v.is_object() && isinstance(v, T_complex);
}

Complex complex_value(Value v) {
  const ComplexObject* o = ro<ComplexObject>(v);
  return {o->real, o->imag};
}

// Any number as a complex: complex, float, int, or an object with __complex__ /
// __float__ / __index__. False with TypeError when it is none of these.
// What the bound __complex__ method `f` returns.
static bool call_complex_method(Thread& t, Value f, Complex& out) {
  Value r = call0(t, f);
  if (!r) return false;
  if (!complex_check(r)) {
    raisef(t, exc(E_TypeError), "__complex__ returned non-complex (type %s)",
           type_name_of(r).c_str());
    return false;
  }
  if (!is_exact(r, T_complex) &&
      !warn(t, exc(E_DeprecationWarning),
            "__complex__ returned non-complex (type " + type_name_of(r) +
                ").  The ability to return an instance of a strict subclass of complex is "
                "deprecated, and may be removed in a future version of Python."))
    return false;
  out = complex_value(r);
  return true;
}

bool to_complex(Thread& t, Value v, Complex& out) {
  if (complex_check(v)) {
    out = complex_value(v);
    return true;
  }
  if (Value f = lookup_special(t, v, N___complex__)) return call_complex_method(t, f, out);
  if (t.pending) return false;
  double d;
  if (!to_double(t, v, d)) return false;
  out = {d, 0.0};
  return true;
}

// For cmath: any number's two parts.
bool complex_parts(Thread& t, Value v, double& re, double& im) {
  Complex c;
  if (!to_complex(t, v, c)) return false;
  re = c.re;
  im = c.im;
  return true;
}

namespace {

// The other operand of a binary operator, or false for NotImplemented (see t.pending).
bool other_complex(Thread& t, Value v, Complex& out) {
  if (complex_check(v)) {
    out = complex_value(v);
    return true;
  }
  if (float_check(v)) {
    out = {float_value(v), 0.0};
    return true;
  }
  if (v.is_small_int() || int_check(v)) {
    double d;
    if (!to_double(t, v, d)) return false;
    out = {d, 0.0};
    return true;
  }
  return false;
}

Value make(Thread& t, Complex c) {
  return complex_new(t, c.re, c.im);
}

// Division as CPython does it (Smith's method), so results and signed zeros agree.
bool divide(Thread& t, Complex a, Complex b, Complex& out) {
  double abs_breal = std::fabs(b.re), abs_bimag = std::fabs(b.im);
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      raise(t, exc(E_ZeroDivisionError), "complex division by zero");
      return false;
    }
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    out = {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  } else if (abs_bimag >= abs_breal) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    out = {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  } else {
    out = {NAN, NAN};
  }
  return true;
}

Complex multiply(Complex a, Complex b) {
  return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

// General power through polar form; errno-like overflow reported by `overflow`.
bool power(Thread& t, Complex a, Complex b, Complex& out) {
  if (b.re == 0 && b.im == 0) {
    out = {1, 0};
    return true;
  }
  if (a.re == 0 && a.im == 0) {
    if (b.im != 0 || b.re < 0) {
      raise(t, exc(E_ZeroDivisionError), "0.0 to a negative or complex power");
      return false;
    }
    out = {0, 0};
    return true;
  }
  // Small integral exponents by repeated squaring, as CPython: exact for small cases.
  if (b.im == 0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100) {
    long n = long(b.re);
    Complex r{1, 0}, x = a;
    long m = n < 0 ? -n : n;
    while (m) {
      if (m & 1) r = multiply(r, x);
      x = multiply(x, x);
      m >>= 1;
    }
    if (n < 0) {
      if (!divide(t, Complex{1, 0}, r, out)) return false;
    } else {
      out = r;
    }
  } else {
    double vabs = std::hypot(a.re, a.im);
    double len = std::pow(vabs, b.re);
    double at = std::atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
      len /= std::exp(at * b.im);
      phase += b.im * std::log(vabs);
    }
    out = {len * std::cos(phase), len * std::sin(phase)};
  }
  if (std::isinf(out.re) || std::isinf(out.im)) {
    if (std::isfinite(a.re) && std::isfinite(a.im) && std::isfinite(b.re) && std::isfinite(b.im)) {
      raise(t, exc(E_OverflowError), "complex exponentiation");
      return false;
    }
  }
  return true;
}

using BinaryComplex = bool (*)(Thread& t, Complex a, Complex b, Complex& out);

Value apply(Thread& t, const Value* args, bool reflected, BinaryComplex fn) {
  Complex a = complex_value(args[0]), b;
  if (!other_complex(t, args[1], b)) return t.pending ? Value() : runtime().not_implemented;
  Complex r;
  if (!(reflected ? fn(t, b, a, r) : fn(t, a, b, r))) return {};
  return make(t, r);
}

bool c_add(Thread&, Complex a, Complex b, Complex& out) {
  out = {a.re + b.re, a.im + b.im};
  return true;
}
bool c_sub(Thread&, Complex a, Complex b, Complex& out) {
  out = {a.re - b.re, a.im - b.im};
  return true;
}
bool c_mul(Thread&, Complex a, Complex b, Complex& out) {
  out = multiply(a, b);
  return true;
}

#define BINARY(name, fn)                                                                           \
  INTERP_NATIVE(complex_##name) {                                                                  \
    return apply(t, args, false, fn);                                                              \
  }                                                                                                \
  INTERP_NATIVE(complex_r##name) {                                                                 \
    return apply(t, args, true, fn);                                                               \
  }
BINARY(add, c_add)
BINARY(sub, c_sub)
BINARY(mul, c_mul)
BINARY(truediv, divide)
#undef BINARY

INTERP_NATIVE(complex_pow) {
  if (nargs > 2 && args[2] != none()) return raise(t, exc(E_ValueError), "complex modulo");
  return apply(t, args, false, power);
}
INTERP_NATIVE(complex_rpow) {
  if (nargs > 2 && args[2] != none()) return raise(t, exc(E_ValueError), "complex modulo");
  return apply(t, args, true, power);
}

INTERP_NATIVE(complex_neg) {
  Complex c = complex_value(args[0]);
  return complex_new(t, -c.re, -c.im);
}

INTERP_NATIVE(complex_pos) {
  Complex c = complex_value(args[0]);
  if (is_exact(args[0], T_complex)) return args[0];
  return complex_new(t, c.re, c.im);
}

INTERP_NATIVE(complex_abs) {
  Complex c = complex_value(args[0]);
  double r = std::hypot(c.re, c.im);
  if (std::isinf(r) && std::isfinite(c.re) && std::isfinite(c.im))
    return raise(t, exc(E_OverflowError), "absolute value too large");
  return float_new(t, r);
}

INTERP_NATIVE(complex_bool) {
  Complex c = complex_value(args[0]);
  return py_bool(c.re != 0 || c.im != 0);
}

INTERP_NATIVE(complex_conjugate) {
  if (!check_positional(t, "conjugate", nargs, kwnames, 0, 0)) return {};
  Complex c = complex_value(args[0]);
  return complex_new(t, c.re, -c.im);
}

// The value as an exact complex (a subclass's instance gives a plain copy).
INTERP_NATIVE(complex_complex) {
  if (!check_positional(t, "__complex__", nargs, kwnames, 0, 0)) return {};
  if (type_of(args[0]) == type_value(T_complex)) return args[0];
  Complex c = complex_value(args[0]);
  return complex_new(t, c.re, c.im);
}

INTERP_NATIVE(complex_getnewargs) {
  Complex c = complex_value(args[0]);
  Value re = float_new(t, c.re);
  if (!re) return {};
  Value im = float_new(t, c.im);
  if (!im) return {};
  Value items[2] = {re, im};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(complex_real) {
  return float_new(t, complex_value(args[0]).re);
}
INTERP_NATIVE(complex_imag) {
  return float_new(t, complex_value(args[0]).im);
}

// Equality with ints compares exactly (a big int is not rounded to a double first).
Value complex_equal(Thread& t, Value self, Value other, bool want_equal) {
  Complex a = complex_value(self);
  bool eq;
  if (complex_check(other)) {
    Complex b = complex_value(other);
    eq = a.re == b.re && a.im == b.im;
  } else if (float_check(other)) {
    eq = a.im == 0 && a.re == float_value(other);
  } else if (other.is_small_int() || int_check(other)) {
    if (a.im != 0) {
      eq = false;
    } else {
      Value re = float_new(t, a.re);
      if (!re) return {};
      int r = equal(t, re, other);
      if (r < 0) return {};
      eq = r;
    }
  } else {
    return runtime().not_implemented;
  }
  return py_bool(eq == want_equal);
}

INTERP_NATIVE(complex_eq) {
  return complex_equal(t, args[0], args[1], true);
}
INTERP_NATIVE(complex_ne) {
  return complex_equal(t, args[0], args[1], false);
}
INTERP_NATIVE(complex_unordered) {
  return runtime().not_implemented;
}

std::int64_t part_hash(double x, Value self) {
  if (std::isnan(x)) return std::int64_t(self.bits() >> 4);
  return num::float_hash(x);
}

INTERP_NATIVE(complex_hash) {
  Complex c = complex_value(args[0]);
  std::uint64_t h = std::uint64_t(part_hash(c.re, args[0])) +
                    1000003ull * std::uint64_t(part_hash(c.im, args[0]));
  std::int64_t r = std::int64_t(h);
  if (r == -1) r = -2;
  return int_from_i64(t, r);
}

std::string part_repr(double x, bool sign) {
  num::FloatTextFlags flags;
  flags.always_sign = sign;
  return num::float_to_string(x, 'r', 0, flags);
}

std::string complex_text(Complex c) {
  if (c.re == 0 && std::copysign(1.0, c.re) == 1.0) return part_repr(c.im, false) + "j";
  return "(" + part_repr(c.re, false) + part_repr(c.im, true) + "j)";
}

INTERP_NATIVE(complex_repr) {
  return str_from_ascii(t, complex_text(complex_value(args[0])));
}

INTERP_NATIVE(complex_format) {
  if (!check_positional(t, "__format__", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "__format__() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  std::string spec_text = str_utf8(args[1]);
  Complex c = complex_value(args[0]);
  if (spec_text.empty()) return str(t, args[0]);
  auto parsed = num::parse_format_spec(spec_text, {"complex", 0, '>'});
  if (!parsed) return raise(t, exc(E_ValueError), parsed.error().message);
  num::FormatSpec spec = *parsed;
  if (spec.fill == U'0')
    return raise(t, exc(E_ValueError), "Zero padding is not allowed in complex format specifier");
  if (spec.align == '=')
    return raise(t, exc(E_ValueError),
                 "'=' alignment flag is not allowed in complex format specifier");
  char type = char(spec.type);
  switch (spec.type) {
  case 0:
  case 'e':
  case 'E':
  case 'f':
  case 'F':
  case 'g':
  case 'G':
  case 'n':
    break;
  default:
    return raise(t, exc(E_ValueError), num::unknown_format_code(spec.type, "complex").message);
  }
  bool parens = false, skip_re = false;
  int precision = int(spec.precision);
  bool add_dot_0 = false;
  if (type == 0) {
    skip_re = c.re == 0 && std::copysign(1.0, c.re) == 1.0;
    parens = !skip_re;
    if (precision < 0) {
      type = 'r';
      precision = 0;
    } else {
      type = 'g';
      add_dot_0 = false;
    }
  } else {
    if (type == 'n') type = 'g';
    if (precision < 0) precision = 6;
  }
  num::FloatTextFlags flags;
  flags.alternate = spec.alternate;
  flags.no_negative_zero = spec.no_negative_zero;
  flags.add_dot_0 = add_dot_0;
  flags.always_sign = spec.sign == '+';
  std::string re = num::float_to_string(c.re, type, precision, flags);
  if (spec.sign == ' ' && re[0] != '-') re = " " + re;
  // Without its real part, the imaginary part takes the sign option itself.
  flags.always_sign = skip_re ? spec.sign == '+' : true;
  std::string im = num::float_to_string(c.im, type, precision, flags);
  if (skip_re && spec.sign == ' ' && im[0] != '-') im = " " + im;
  if (spec.grouping) {
    re = num::group_integer_part(re, spec.grouping);
    im = num::group_integer_part(im, spec.grouping);
  }
  std::string body =
      (parens ? "(" : "") + (skip_re ? std::string() : re) + im + "j" + (parens ? ")" : "");
  std::u32string out;
  std::int64_t len = std::int64_t(body.size());
  std::int64_t pad = spec.width > len ? spec.width - len : 0;
  std::int64_t left = spec.align == '<' ? 0 : spec.align == '^' ? pad / 2 : pad;
  out.append(std::size_t(left), spec.fill);
  for (char ch : body)
    out.push_back(char32_t(ch));
  out.append(std::size_t(pad - left), spec.fill);
  return str_from_code_points(t, out);
}

// complex(str): [ws] ['('] [ws] real [imag 'j'] | imag 'j' [ws] [')'] [ws].
bool parse_complex(std::string_view s, Complex& out) {
  std::string_view body = text::trim_ascii_space(s);
  if (!body.empty() && body.front() == '(') {
    if (body.back() != ')') return false;
    body = text::trim_ascii_space(body.substr(1, body.size() - 2));
  }
  if (body.empty()) return false;
  // Reads one float (possibly just a sign, for "+j"); returns the length used.
  auto read_number = [](std::string_view text, std::size_t from, double& value,
                        bool& bare_sign) -> std::size_t {
    std::size_t i = from;
    bare_sign = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t digits = i;
    auto alpha = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
    // inf / infinity / nan
    for (const char* word : {"infinity", "inf", "nan"}) {
      std::size_t n = std::strlen(word);
      if (text.size() - i >= n && strncasecmp(text.data() + i, word, n) == 0) {
        auto v = num::parse_plain_decimal(text.substr(from, i + n - from));
        if (!v) return 0;
        value = *v;
        return i + n - from;
      }
    }
    (void)alpha;
    bool seen_digit = false;
    while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '_')) {
      seen_digit = true;
      ++i;
    }
    if (i < text.size() && text[i] == '.') {
      ++i;
      while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '_')) {
        seen_digit = true;
        ++i;
      }
    }
    if (!seen_digit) {
      bare_sign = true;
      value = (digits > from && text[from] == '-') ? -1.0 : 1.0;
      return digits - from;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      std::size_t k = i + 1;
      if (k < text.size() && (text[k] == '+' || text[k] == '-')) ++k;
      std::size_t e0 = k;
      while (k < text.size() && ((text[k] >= '0' && text[k] <= '9') || text[k] == '_'))
        ++k;
      if (k > e0) i = k;
    }
    auto v = num::parse_float_text(text.substr(from, i - from));
    if (!v) return 0;
    value = *v;
    return i - from;
  };
  double first;
  bool bare;
  std::size_t n = read_number(body, 0, first, bare);
  if (n == 0 && !(body[0] == 'j' || body[0] == 'J')) return false;
  if (n == 0) bare = true, first = 1.0;
  if (n == body.size()) {
    if (bare) return false;
    out = {first, 0};
    return true;
  }
  if ((body[n] == 'j' || body[n] == 'J') && n + 1 == body.size()) {
    out = {0, first};
    return true;
  }
  if (bare) return false;
  if (body[n] != '+' && body[n] != '-') return false;
  double second;
  std::size_t m = read_number(body, n, second, bare);
  if (m == 0) return false;
  if (n + m + 1 != body.size() || (body[n + m] != 'j' && body[n + m] != 'J')) return false;
  out = {first, second};
  return true;
}

INTERP_NATIVE(complex_new_method) {
  static const char* const kAllowed[] = {"real", "imag", nullptr};
  if (!check_keywords(t, "complex", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos > 2)
    return raisef(t, exc(E_TypeError), "complex() takes at most 2 arguments (%zu given)", npos);
  Value real = npos > 0 ? args[1] : keyword_arg(kwnames, args, nargs, "real");
  Value imag = npos > 1 ? args[2] : keyword_arg(kwnames, args, nargs, "imag");
  Value cls = args[0];
  if (real && str_check(real)) {
    if (imag)
      return raise(t, exc(E_TypeError), "complex() can't take second arg if first is a string");
    Complex c;
    std::string text = ascii_digits(real);
    if (!parse_complex(text, c))
      return raise(t, exc(E_ValueError), "complex() arg is a malformed string");
    return complex_new(t, c.re, c.im, cls);
  }
  if (imag && str_check(imag))
    return raise(t, exc(E_TypeError), "complex() second arg can't be a string");
  if (real && complex_check(real) && !imag && is_exact(real, T_complex) &&
      cls == type_value(T_complex))
    return real;
  Complex r{0, 0}, i{0, 0};
  bool real_is_complex = false, imag_is_complex = false;
  // __complex__ is looked up once (CPython's try_complex_special_method); whether an
  // operand is a number at all asks its type, binding nothing.
  auto has_number_method = [](Value v) {
    Value type = type_of(v);
    return type_lookup(type, name(N___float__)) || type_lookup(type, name(N___index__));
  };
  if (real) {
    Value f = is_exact(real, T_complex) ? Value() : lookup_special(t, real, N___complex__);
    if (f) {
      if (!call_complex_method(t, f, r)) return {};
      real_is_complex = true;
    } else if (t.pending) {
      return {};
    } else if (complex_check(real)) {
      r = complex_value(real);
      real_is_complex = true;
    } else {
      if (!real.is_small_int() && !int_check(real) && !float_check(real) &&
          !has_number_method(real))
        return raisef(t, exc(E_TypeError),
                      "complex() first argument must be a string or a number, not '%s'",
                      type_name_of(real).c_str());
      double d;
      if (!to_double(t, real, d)) return {};
      r = {d, 0.0};
    }
  }
  if (imag) {
    bool number = complex_check(imag) || imag.is_small_int() || int_check(imag) ||
                  float_check(imag) || has_number_method(imag);
    if (!number) {
      return raisef(t, exc(E_TypeError), "complex() second argument must be a number, not '%s'",
                    type_name_of(imag).c_str());
    }
    imag_is_complex = complex_check(imag);
    if (imag_is_complex) {
      i = complex_value(imag);
    } else {
      double d;
      if (!to_double(t, imag, d)) return {};
      i = {d, 0.0};
    }
  }
  // Signed zeros survive: a part is only added to when that operand really was complex.
  double re = r.re, im = imag ? i.re : r.im;
  if (imag_is_complex) re -= i.im;
  if (imag && real_is_complex) im += r.im;
  return complex_new(t, re, im, cls);
}

} // namespace

void init_complex_type(Thread& t) {
  Value type = type_value(T_complex);
  // One method a line.
  // clang-format off
  const MethodDef methods[] = {
      {"__add__", complex_add},
      {"__radd__", complex_radd},
      {"__sub__", complex_sub},
      {"__rsub__", complex_rsub},
      {"__mul__", complex_mul},
      {"__rmul__", complex_rmul},
      {"__truediv__", complex_truediv},
      {"__rtruediv__", complex_rtruediv},
      {"__pow__", complex_pow},
      {"__rpow__", complex_rpow},
      {"__neg__", complex_neg},
      {"__pos__", complex_pos},
      {"__abs__", complex_abs},
      {"__bool__", complex_bool},
      {"__eq__", complex_eq},
      {"__ne__", complex_ne},
      {"__lt__", complex_unordered},
      {"__le__", complex_unordered},
      {"__gt__", complex_unordered},
      {"__ge__", complex_unordered},
      {"__hash__", complex_hash},
      {"__repr__", complex_repr},
      {"__format__", complex_format, MethodArgs::one},
      {"conjugate", complex_conjugate, MethodArgs::none},
      {"__complex__", complex_complex},
      {"__getnewargs__", complex_getnewargs, MethodArgs::none},
  };
  // clang-format on
  add_methods(t, type, methods);
  // Fields of CPython's struct: member descriptors there.
  add_named_members(t, type, {"real"}, complex_real);
  add_named_members(t, type, {"imag"}, complex_imag);
  add_staticmethod(t, type, "__new__", complex_new_method);
}

} // namespace interp
