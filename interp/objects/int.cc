// interp/objects/int.cc - the int and bool types.
//
// Values in the 63-bit tagged range never allocate; beyond it an int is an immutable
// IntObject holding GMP limbs (sign in `size`). Arithmetic on big values goes through
// interp/num's BigInt, and every result comes back tagged whenever it fits, so a value
// has exactly one representation.
#include "interp/objects/args.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include "interp/num/float_exact.h"
#include "interp/num/format_spec.h"
#include "interp/num/format_value.h"
#include "interp/text/char_classes.h"
#include "interp/text/unicode_props.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace interp {

bool buffer_contents(Thread& t, Value v, std::string& out, bool& error); // bytes.cc

using num::BigInt;

std::int64_t int_hash_small(std::int64_t v) {
  constexpr std::int64_t m = static_cast<std::int64_t>(num::kHashModulus);
  std::int64_t h = v >= 0 ? v % m : -((-v) % m);
  return h == -1 ? -2 : h;
}

std::int64_t int_hash(Value v) {
  if (v.is_small_int()) return int_hash_small(v.small_int_value());
  return num::hash(int_big(v));
}

BigInt int_big(Value v) {
  if (v.is_small_int()) return BigInt::from_int64(v.small_int_value());
  const IntObject* o = ro<IntObject>(v);
  std::size_t n = static_cast<std::size_t>(o->size < 0 ? -o->size : o->size);
  return BigInt::from_limbs(o->size < 0, {o->limbs, n});
}

static num::BigView int_view(Value v, BigInt& scratch) {
  if (v.is_small_int()) {
    scratch = BigInt::from_int64(v.small_int_value());
    return scratch.view();
  }
  const IntObject* o = ro<IntObject>(v);
  std::size_t n = static_cast<std::size_t>(o->size < 0 ? -o->size : o->size);
  return {o->size < 0, o->limbs, n};
}

Value int_from_big(Thread& t, const BigInt& b) {
  if (auto small = b.to_int63(); small && Value::fits_small(*small))
    return Value::small_int(*small);
  Value v = allocate(t, Layout::BigInt, type_value(T_int), sizeof(IntObject) + b.size() * 8);
  if (!v) return {};
  IntObject* o = fresh<IntObject>(v);
  o->size = b.is_negative() ? -std::int64_t(b.size()) : std::int64_t(b.size());
  std::memcpy(o->limbs, b.limbs(), b.size() * 8);
  return v;
}

Value int_from_i64(Thread& t, std::int64_t v) {
  if (Value::fits_small(v)) return Value::small_int(v);
  return int_from_big(t, BigInt::from_int64(v));
}

bool int_check(Value v) {
  return v.is_small_int() || isinstance(v, T_int);
}

// The int value of an int subclass instance (True, MyInt(5)) is stored in the instance's
// Object::dict slot? No: a bool or an int subclass instance is an IntObject whose limbs
// hold the value; True/False are IntObjects of class bool.
bool int_to_i64(Value v, std::int64_t& out) {
  if (v.is_small_int()) {
    out = v.small_int_value();
    return true;
  }
  BigInt b = int_big(v);
  if (!b.fits_int64()) return false;
  out = b.to_int64();
  return true;
}

Value index_value(Thread& t, Value v) {
  if (int_check(v)) return v;
  Value f = lookup_special(t, v, N___index__);
  if (!f) {
    if (!t.pending)
      raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
             type_name_of(v).c_str());
    return {};
  }
  Value i = call0(t, f);
  if (i && !int_check(i))
    return raisef(t, exc(E_TypeError), "__index__ returned non-int (type %s)",
                  type_name_of(i).c_str());
  return i;
}

bool index_to_i64(Thread& t, Value v, std::int64_t& out, bool clamp) {
  v = index_value(t, v);
  if (!v) return false;
  if (int_to_i64(v, out)) return true;
  if (clamp) {
    out = int_big(v).is_negative() ? INT64_MIN : INT64_MAX;
    return true;
  }
  raisef(t, exc(E_OverflowError), "Python int too large to convert to C ssize_t");
  return false;
}

Value NumErrorRaiser::raise_int(Thread& t, num::IntErrorKind kind, const std::string& message) {
  switch (kind) {
  case num::IntErrorKind::ZeroDivisionError:
    return raise(t, exc(E_ZeroDivisionError), message);
  case num::IntErrorKind::OverflowError:
    return raise(t, exc(E_OverflowError), message);
  case num::IntErrorKind::MemoryError:
    return raise_memory_error(t);
  default:
    return raise(t, exc(E_ValueError), message);
  }
}

template <class R> static Value from_result(Thread& t, const num::IntResult<R>& r) {
  if (!r.ok()) return NumErrorRaiser::raise_int(t, r.error, r.message);
  if constexpr (std::is_same_v<R, BigInt>)
    return int_from_big(t, r.value);
  else
    return float_new(t, r.value);
}

// int() accepts any Unicode decimal digit and whitespace: they are mapped to ASCII first.
std::string ascii_digits(Value s) {
  const StrObject* o = ro<StrObject>(s);
  if (o->kind == 1) {
    auto begin = reinterpret_cast<const char*>(o->data), end = begin + o->length;
    if (std::all_of(begin, end, [](char c) { return (unsigned char)c < 0x80; }))
      return std::string(begin, end);
  }
  std::u32string cps = str_code_points(s);
  std::string out;
  for (char32_t c : cps) {
    if (c < 0x80) {
      out.push_back(char(c));
    } else if (auto d = text::decimal_value(c)) {
      out.push_back(char('0' + *d));
    } else if (text::is_space(c)) {
      out.push_back(' ');
    } else {
      // Not a digit: keep the original text so the error message shows it.
      return str_utf8(s);
    }
  }
  return out;
}

// The common literal: ASCII whitespace, a sign and at most 18 decimal digits (no
// underscores), read without a big-integer buffer. False for anything else, which the
// general parser then reads (and reports).
static bool parse_small_decimal(std::string_view text, int base, std::int64_t& out) {
  if (base != 10 && base != 0) return false;
  text = text::trim_ascii_space(text);
  std::size_t i = 0, n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i == n || n - i > 18) return false;
  if (base == 0 && text[i] == '0' && n - i > 1) return false; // "0x..", "00", "0_0"
  std::int64_t value = 0;
  for (; i < n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  out = negative ? -value : value;
  return true;
}

// `is_bytes`: the text came from a bytes-like object, which an invalid literal's message
// shows as bytes.
static Value parse_int(Thread& t, std::string_view text, int base, bool is_bytes) {
  if (std::int64_t small; parse_small_decimal(text, base, small)) return int_from_i64(t, small);
  auto r =
      num::from_string(text, base, runtime().int_max_str_digits.load(std::memory_order_relaxed));
  if (!r.ok()) {
    if (r.error == num::IntErrorKind::InvalidLiteral) {
      Value s = is_bytes ? bytes_new(t, text) : str_from_utf8(t, text);
      if (!s) return {};
      return raise(t, exc(E_ValueError), r.message + repr_utf8(t, s));
    }
    return NumErrorRaiser::raise_int(t, r.error, r.message);
  }
  return int_from_big(t, r.value);
}

Value int_from_text(Thread& t, std::string_view text, int base) {
  return parse_int(t, text, base, false);
}

std::string int_to_decimal(Value v) {
  if (v.is_small_int()) return std::to_string(v.small_int_value());
  auto r = num::to_string(int_big(v), 10);
  return r.value;
}

// ---- the fast paths of the VM -----------------------------------------------------------------

static bool small_pow(std::int64_t base, std::int64_t exp, std::int64_t& out) {
  std::int64_t result = 1;
  while (exp) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return false;
    }
    exp >>= 1;
    if (exp && __builtin_mul_overflow(base, base, &base)) return false;
  }
  out = result;
  return Value::fits_small(result);
}

static Value float_fast(Thread& t, double x, double y, unsigned k);

Value number_fast_path(Thread& t, Value a, Value b, bytecode::BinaryOp op) {
  using bytecode::BinaryOp;
  unsigned k = static_cast<unsigned>(op);
  if (k >= bytecode::kInplaceOffset) k -= bytecode::kInplaceOffset;
  if (a.is_small_int() && b.is_small_int()) {
    std::int64_t x = a.small_int_value(), y = b.small_int_value(), r;
    switch (static_cast<BinaryOp>(k)) {
    case BinaryOp::Add:
      return int_from_i64(t, x + y);
    case BinaryOp::Subtract:
      return int_from_i64(t, x - y);
    case BinaryOp::Multiply:
      if (!__builtin_mul_overflow(x, y, &r)) return int_from_i64(t, r);
      return {};
    case BinaryOp::FloorDivide:
      if (y == 0) return raise(t, exc(E_ZeroDivisionError), "integer division or modulo by zero");
      return int_from_i64(t, floor_divide_i64(x, y));
    case BinaryOp::Remainder:
      if (y == 0) return raise(t, exc(E_ZeroDivisionError), "integer modulo by zero");
      return Value::small_int(floor_modulo_i64(x, y));
    case BinaryOp::And:
      return Value::small_int(x & y);
    case BinaryOp::Or:
      return Value::small_int(x | y);
    case BinaryOp::Xor:
      return Value::small_int(x ^ y);
    case BinaryOp::RShift:
      if (y < 0) return raise(t, exc(E_ValueError), "negative shift count");
      return Value::small_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
    case BinaryOp::LShift:
      if (y < 0) return raise(t, exc(E_ValueError), "negative shift count");
      if (y < 62 &&
          (x == 0 || (x > 0 ? x <= (Value::kSmallMax >> y) : x >= (Value::kSmallMin >> y))))
        return Value::small_int(x << y);
      return {};
    case BinaryOp::Power:
      if (y >= 0 && small_pow(x, y, r)) return Value::small_int(r);
      return {};
    case BinaryOp::TrueDivide:
      if (y == 0) return raise(t, exc(E_ZeroDivisionError), "division by zero");
      if (x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53))
        return float_new(t, double(x) / double(y));
      return {};
    default:
      return {};
    }
  }
  bool fa = is_exact(a, T_float), fb = is_exact(b, T_float);
  if (fa && fb) return float_fast(t, float_value(a), float_value(b), k);
  if (fa && b.is_small_int()) return float_fast(t, float_value(a), double(b.small_int_value()), k);
  if (fb && a.is_small_int()) return float_fast(t, double(a.small_int_value()), float_value(b), k);
  if (k == static_cast<unsigned>(BinaryOp::Add) && a.is_object() && b.is_object() &&
      is_exact(a, T_str) && is_exact(b, T_str))
    return str_concat(t, a, b);
  return {};
}

static Value float_fast(Thread& t, double x, double y, unsigned k) {
  using bytecode::BinaryOp;
  switch (static_cast<BinaryOp>(k)) {
  case BinaryOp::Add:
    return float_new(t, x + y);
  case BinaryOp::Subtract:
    return float_new(t, x - y);
  case BinaryOp::Multiply:
    return float_new(t, x * y);
  case BinaryOp::TrueDivide:
    if (y == 0) return raise(t, exc(E_ZeroDivisionError), "float division by zero");
    return float_new(t, x / y);
  default:
    return {};
  }
}

// ---- int's methods ----------------------------------------------------------------------------

namespace {

// Both operands as ints, or NotImplemented.
#define INT_BINARY(fn_name, expr)                                                                  \
  INTERP_NATIVE(fn_name) {                                                                         \
    if (nargs != 2 || !int_check(args[1])) return runtime().not_implemented;                       \
    BigInt sa, sb;                                                                                 \
    num::BigView a = int_view(args[0], sa), b = int_view(args[1], sb);                             \
    return expr;                                                                                   \
  }                                                                                                \
  INTERP_NATIVE(r##fn_name) {                                                                      \
    if (nargs != 2 || !int_check(args[1])) return runtime().not_implemented;                       \
    BigInt sa, sb;                                                                                 \
    num::BigView b = int_view(args[0], sb), a = int_view(args[1], sa);                             \
    return expr;                                                                                   \
  }

INT_BINARY(int_add, int_from_big(t, num::add(a, b)))
INT_BINARY(int_sub, int_from_big(t, num::sub(a, b)))
INT_BINARY(int_mul, int_from_big(t, num::mul(a, b)))
INT_BINARY(int_floordiv, from_result(t, num::floor_div(a, b)))
INT_BINARY(int_mod, from_result(t, num::mod(a, b)))
INT_BINARY(int_truediv, from_result(t, num::true_divide(a, b)))
INT_BINARY(int_lshift, from_result(t, num::lshift(a, b)))
INT_BINARY(int_rshift, from_result(t, num::rshift(a, b)))
INT_BINARY(int_and, int_from_big(t, num::bit_and(a, b)))
INT_BINARY(int_or, int_from_big(t, num::bit_or(a, b)))
INT_BINARY(int_xor, int_from_big(t, num::bit_xor(a, b)))

Value int_pow_impl(Thread& t, num::BigView a, num::BigView b, Value modulus) {
  if (modulus && modulus != none()) {
    if (!int_check(modulus)) return runtime().not_implemented;
    BigInt sm;
    return from_result(t, num::pow_mod(a, b, int_view(modulus, sm)));
  }
  if (b.negative) {
    auto x = num::to_double(a);
    auto y = num::to_double(b);
    if (!x.ok()) return NumErrorRaiser::raise_int(t, x.error, x.message);
    if (x.value == 0)
      return raise(t, exc(E_ZeroDivisionError), "0.0 cannot be raised to a negative power");
    return float_new(t, std::pow(x.value, y.ok() ? y.value : -INFINITY));
  }
  return from_result(t, num::pow(a, b));
}

INTERP_NATIVE(int_pow) {
  if (nargs < 2 || !int_check(args[1])) return runtime().not_implemented;
  BigInt sa, sb;
  num::BigView a = int_view(args[0], sa), b = int_view(args[1], sb);
  return int_pow_impl(t, a, b, nargs > 2 ? args[2] : Value());
}
INTERP_NATIVE(int_rpow) {
  if (nargs < 2 || !int_check(args[1])) return runtime().not_implemented;
  BigInt sa, sb;
  num::BigView b = int_view(args[0], sb), a = int_view(args[1], sa);
  return int_pow_impl(t, a, b, nargs > 2 ? args[2] : Value());
}

Value int_divmod_impl(Thread& t, Value x, Value y) {
  BigInt sa, sb;
  auto r = num::divmod(int_view(x, sa), int_view(y, sb));
  if (!r.ok()) return NumErrorRaiser::raise_int(t, r.error, r.message);
  Value q = int_from_big(t, r.value.quotient);
  if (!q) return {};
  Value m = int_from_big(t, r.value.remainder);
  if (!m) return {};
  Value items[2] = {q, m};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(int_divmod) {
  if (nargs != 2 || !int_check(args[1])) return runtime().not_implemented;
  return int_divmod_impl(t, args[0], args[1]);
}
INTERP_NATIVE(int_rdivmod) {
  if (nargs != 2 || !int_check(args[1])) return runtime().not_implemented;
  return int_divmod_impl(t, args[1], args[0]);
}

INTERP_NATIVE(int_neg) {
  BigInt s;
  return int_from_big(t, num::negate(int_view(args[0], s)));
}
INTERP_NATIVE(int_pos) {
  return int_from_big(t, int_big(args[0]));
}
INTERP_NATIVE(int_abs) {
  BigInt s;
  return int_from_big(t, num::abs(int_view(args[0], s)));
}
INTERP_NATIVE(int_invert) {
  BigInt s;
  return int_from_big(t, num::bit_invert(int_view(args[0], s)));
}
INTERP_NATIVE(int_bool) {
  BigInt s;
  return py_bool(!int_view(args[0], s).is_zero());
}
INTERP_NATIVE(int_hash_method) {
  return int_from_i64(t, int_hash(args[0]));
}
INTERP_NATIVE(int_index) {
  return int_from_big(t, int_big(args[0]));
}

INTERP_NATIVE(int_float) {
  BigInt s;
  auto r = num::to_double(int_view(args[0], s));
  if (!r.ok()) return NumErrorRaiser::raise_int(t, r.error, r.message);
  return float_new(t, r.value);
}

INTERP_NATIVE(int_repr) {
  if (args[0].is_small_int()) return str_from_ascii(t, std::to_string(args[0].small_int_value()));
  BigInt s;
  auto r = num::to_string(int_view(args[0], s), 10,
                          runtime().int_max_str_digits.load(std::memory_order_relaxed));
  if (!r.ok()) return NumErrorRaiser::raise_int(t, r.error, r.message);
  return str_from_ascii(t, r.value);
}

// Comparison with ints and floats.
Value int_compare(Thread& t, Value a, Value b, bytecode::CompareOp op) {
  int c;
  BigInt sa, sb;
  if (int_check(b)) {
    c = num::compare(int_view(a, sa), int_view(b, sb));
  } else if (float_check(b)) {
    double y = float_value(b);
    if (std::isnan(y)) return py_bool(op == bytecode::CompareOp::Ne);
    c = num::compare_to_double(int_view(a, sa), y);
  } else {
    return runtime().not_implemented;
  }
  return py_bool(compare_numbers(c, 0, op));
}
INTERP_NATIVE(int_lt) {
  return int_compare(t, args[0], args[1], bytecode::CompareOp::Lt);
}
INTERP_NATIVE(int_le) {
  return int_compare(t, args[0], args[1], bytecode::CompareOp::Le);
}
INTERP_NATIVE(int_eq) {
  return int_compare(t, args[0], args[1], bytecode::CompareOp::Eq);
}
INTERP_NATIVE(int_ne) {
  return int_compare(t, args[0], args[1], bytecode::CompareOp::Ne);
}
INTERP_NATIVE(int_gt) {
  return int_compare(t, args[0], args[1], bytecode::CompareOp::Gt);
}
INTERP_NATIVE(int_ge) {
  return int_compare(t, args[0], args[1], bytecode::CompareOp::Ge);
}

// An int subclass instance: the value copied into an IntObject of that class.
Value int_of_class(Thread& t, Value cls, Value value) {
  if (cls == type_value(T_int)) return value;
  BigInt b = int_big(value);
  Value v = allocate(t, Layout::BigInt, cls, sizeof(IntObject) + b.size() * 8);
  if (!v) return {};
  IntObject* o = fresh<IntObject>(v);
  o->size = b.is_negative() ? -std::int64_t(b.size()) : std::int64_t(b.size());
  if (b.size()) std::memcpy(o->limbs, b.limbs(), b.size() * 8); // zero has no limbs
  return v;
}

// What x.__int__() or x.__index__() (`what`) returned, as an exact int: an instance of a
// subclass is converted with a DeprecationWarning, as in CPython 3.11.
Value exact_int_result(Thread& t, Value r, const char* what) {
  if (!r) return {};
  if (!int_check(r))
    return raisef(t, exc(E_TypeError), "__%s__ returned non-int (type %s)", what,
                  type_name_of(r).c_str());
  if (r.is_small_int() || is_exact(r, T_int)) return r;
  if (!warn(t, exc(E_DeprecationWarning),
            std::string("__") + what + "__ returned non-int (type " + type_name_of(r) +
                ").  The ability to return an instance of a strict subclass of int is "
                "deprecated, and may be removed in a future version of Python."))
    return {};
  return int_from_big(t, int_big(r));
}

// int(x), CPython's order: __int__, __index__, __trunc__ (deprecated), then the text of a
// str or of any bytes-like object.
Value int_convert(Thread& t, Value x) {
  if (x.is_small_int() || is_exact(x, T_int)) return x;
  if (is_exact(x, T_str)) return int_from_text(t, ascii_digits(x), 10);
  if (float_check(x) && is_exact(x, T_float)) {
    double d = float_value(x);
    if (std::isinf(d))
      return raise(t, exc(E_OverflowError), "cannot convert float infinity to integer");
    if (std::isnan(d)) return raise(t, exc(E_ValueError), "cannot convert float NaN to integer");
    return int_from_big(t, num::from_double(d));
  }
  if (Value f = lookup_special(t, x, N___int__)) return exact_int_result(t, call0(t, f), "int");
  if (t.pending) return {};
  if (Value f = lookup_special(t, x, N___index__)) return exact_int_result(t, call0(t, f), "index");
  if (t.pending) return {};
  if (Value f = lookup_special(t, x, N___trunc__)) {
    if (!warn(t, exc(E_DeprecationWarning), "The delegation of int() to __trunc__ is deprecated."))
      return {};
    Value r = call0(t, f);
    if (!r) return {};
    if (int_check(r))
      return r.is_small_int() || is_exact(r, T_int) ? r : int_from_big(t, int_big(r));
    Value index = lookup_special(t, r, N___index__);
    if (!index) {
      if (t.pending) return {};
      return raisef(t, exc(E_TypeError), "__trunc__ returned non-Integral (type %s)",
                    type_name_of(r).c_str());
    }
    return exact_int_result(t, call0(t, index), "index");
  }
  if (t.pending) return {};
  if (x.is_object() && isinstance(x, T_str)) return int_from_text(t, ascii_digits(x), 10);
  std::string data;
  bool buffer_error = false;
  if (buffer_contents(t, x, data, buffer_error)) return parse_int(t, data, 10, true);
  if (buffer_error) return {};
  return raisef(t, exc(E_TypeError),
                "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                type_name_of(x).c_str());
}

INTERP_NATIVE(int_new) {
  Value cls = args[0];
  static const char* const kAllowed[] = {"base", nullptr};
  if (!check_keywords(t, "int", kwnames, kAllowed, true)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  Value base = keyword_arg(kwnames, args, nargs, "base");
  if (npos > 3 || (npos == 3 && base))
    return raisef(t, exc(E_TypeError), "int() takes at most 2 arguments (%zu given)", nargs - 1);
  if (npos == 3) base = args[2];
  if (npos == 1) {
    if (base) return raise(t, exc(E_TypeError), "int() missing string argument");
    return int_of_class(t, cls, Value::small_int(0));
  }
  Value x = args[1];
  if (!base) {
    Value r = int_convert(t, x);
    return r ? int_of_class(t, cls, r) : r;
  }
  std::int64_t b;
  if (!index_to_i64(t, base, b, true)) return {};
  if (b != 0 && (b < 2 || b > 36))
    return raise(t, exc(E_ValueError), "int() base must be >= 2 and <= 36, or 0");
  std::string text;
  bool is_bytes = false;
  if (x.is_object() && isinstance(x, T_str)) {
    text = ascii_digits(x);
  } else if (x.is_object() && (isinstance(x, T_bytes) || isinstance(x, T_bytearray))) {
    text = std::string(bytes_view(x));
    is_bytes = true;
  } else {
    return raise(t, exc(E_TypeError), "int() can't convert non-string with explicit base");
  }
  Value r = parse_int(t, text, int(b), is_bytes);
  return r ? int_of_class(t, cls, r) : r;
}

INTERP_NATIVE(int_bit_length) {
  BigInt s;
  return int_from_i64(t, std::int64_t(num::bit_length(int_view(args[0], s))));
}
INTERP_NATIVE(int_bit_count) {
  BigInt s;
  return int_from_i64(t, std::int64_t(num::bit_count(int_view(args[0], s))));
}
INTERP_NATIVE(int_conjugate) {
  return int_from_big(t, int_big(args[0]));
}

INTERP_NATIVE(int_format) {
  if (!check_positional(t, "__format__", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "__format__() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  std::string spec_text = str_utf8(args[1]);
  if (spec_text.empty()) return str(t, args[0]);
  auto spec = num::parse_format_spec(spec_text, {"int", 'd', '>'});
  if (!spec) return raise(t, exc(E_ValueError), spec.error().message);
  BigInt value = int_big(args[0]);
  num::IntegerForFormat in;
  in.negative = value.is_negative();
  in.magnitude_digits = [&](int base) { return num::to_string(num::abs(value), base).value; };
  in.to_double = [&]() -> num::FloatResult<double> {
    auto d = num::to_double(value);
    if (!d.ok()) return num::overflow_error(d.message);
    return d.value;
  };
  auto r = num::format_integer(in, *spec, type_name_of(args[0]));
  if (!r) {
    if (r.error().kind == num::FloatErrorKind::OverflowError)
      return raise(t, exc(E_OverflowError), r.error().message);
    return raise(t, exc(E_ValueError), r.error().message);
  }
  return str_from_utf8(t, *r);
}

INTERP_NATIVE(int_round) {
  if (nargs < 2 || args[1] == none()) return int_from_big(t, int_big(args[0]));
  BigInt s, n;
  if (!int_check(args[1]))
    return raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                  type_name_of(args[1]).c_str());
  return int_from_big(t, num::round_digits(int_view(args[0], s), int_view(args[1], n)));
}

INTERP_NATIVE(int_to_bytes) {
  Value a[3];
  if (!parse_arguments(t, "to_bytes", args + 1, nargs - 1, kwnames,
                       {"length", "byteorder", "signed"}, 0, 0, a, 1))
    return {};
  Value length_v = a[0], order_v = a[1], signed_v = a[2];
  std::int64_t length = 1;
  if (length_v && !index_to_i64(t, length_v, length)) return {};
  if (length < 0) return raise(t, exc(E_ValueError), "length argument must be non-negative");
  bool big = true;
  if (order_v) {
    if (str_equal_ascii(order_v, "little"))
      big = false;
    else if (!str_equal_ascii(order_v, "big"))
      return raise(t, exc(E_ValueError), "byteorder must be either 'little' or 'big'");
  }
  int is_signed = signed_v ? truthy(t, signed_v) : 0;
  if (is_signed < 0) return {};
  BigInt s;
  auto r = num::to_bytes(int_view(args[0], s), std::size_t(length), big, is_signed);
  if (!r.ok()) return NumErrorRaiser::raise_int(t, r.error, r.message);
  return bytes_new(t,
                   std::string_view(reinterpret_cast<const char*>(r.value.data()), r.value.size()));
}

INTERP_NATIVE(int_from_bytes) {
  Value a[3];
  if (!parse_arguments(t, "from_bytes", args + 1, nargs - 1, kwnames,
                       {"bytes", "byteorder", "signed"}, 0, 1, a, 1))
    return {};
  Value data = a[0], order_v = a[1], signed_v = a[2];
  bool big = true;
  if (order_v) {
    if (str_equal_ascii(order_v, "little"))
      big = false;
    else if (!str_equal_ascii(order_v, "big"))
      return raise(t, exc(E_ValueError), "byteorder must be either 'little' or 'big'");
  }
  int is_signed = signed_v ? truthy(t, signed_v) : 0;
  if (is_signed < 0) return {};
  // bytes(data) as CPython's PyObject_Bytes makes it: __bytes__ first.
  if (!is_exact(data, T_bytes)) {
    if (Value f = type_lookup(type_of(data), intern_literal(t, "__bytes__"))) {
      data = call1(t, f, data);
      if (!data) return {};
      if (!(data.is_object() && isinstance(data, T_bytes)))
        return raisef(t, exc(E_TypeError), "__bytes__ returned non-bytes (type %s)",
                      type_name_of(data).c_str());
    }
  }
  std::string bytes;
  bool buffer_error = false;
  if (buffer_contents(t, data, bytes, buffer_error)) {
    // any buffer: bytes, bytearray, memoryview, array.array, mmap.mmap
  } else if (buffer_error) {
    return {};
  } else if (str_check(data)) {
    return raise(t, exc(E_TypeError), "cannot convert 'str' object to bytes");
  } else {
    Value list = list_of(t, data);
    if (!list) return {};
    for (std::int64_t i = 0; i < list_length(list); ++i) {
      std::int64_t b;
      if (!index_to_i64(t, list_item(list, i), b)) return {};
      if (b < 0 || b > 255) return raise(t, exc(E_ValueError), "bytes must be in range(0, 256)");
      bytes.push_back(char(b));
    }
  }
  BigInt r = num::from_bytes({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()},
                             big, is_signed);
  Value v = int_from_big(t, r);
  if (!v) return {};
  if (args[0] != type_value(T_int)) return call1(t, args[0], v);
  return v;
}

INTERP_NATIVE(int_getnewargs) {
  Value v = int_from_big(t, int_big(args[0]));
  return tuple_from(t, &v, 1);
}

INTERP_NATIVE(int_real) {
  return int_from_big(t, int_big(args[0]));
}
INTERP_NATIVE(int_imag) {
  return Value::small_int(0);
}
INTERP_NATIVE(int_one) {
  return Value::small_int(1);
}
INTERP_NATIVE(int_as_integer_ratio) {
  Value items[2] = {int_from_big(t, int_big(args[0])), Value::small_int(1)};
  if (!items[0]) return {};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(bool_repr) {
  return str_from_ascii(t, args[0] == runtime().true_ ? "True" : "False");
}

INTERP_NATIVE(bool_new) {
  if (!check_positional(t, "bool", nargs, kwnames, 0, 1)) return {};
  if (nargs == 1) return runtime().false_;
  int r = truthy(t, args[1]);
  if (r < 0) return {};
  return py_bool(r);
}

#define BOOL_LOGIC(fn_name, int_fn, op)                                                            \
  INTERP_NATIVE(fn_name) {                                                                         \
    if (nargs == 2 && args[1].is_object() && type_of(args[1]) == type_value(T_bool))               \
      return py_bool((args[0] == runtime().true_) op(args[1] == runtime().true_));                 \
    return int_fn(t, args, nargs, kwnames);                                                        \
  }
BOOL_LOGIC(bool_and, int_and, &)
BOOL_LOGIC(bool_or, int_or, |)
BOOL_LOGIC(bool_xor, int_xor, ^)
BOOL_LOGIC(bool_rand, rint_and, &)
BOOL_LOGIC(bool_ror, rint_or, |)
BOOL_LOGIC(bool_rxor, rint_xor, ^)

} // namespace

void init_int_type(Thread& t) {
  Value type = type_value(T_int);
  const MethodDef methods[] = {
      {"__add__", int_add},
      {"__radd__", rint_add},
      {"__sub__", int_sub},
      {"__rsub__", rint_sub},
      {"__mul__", int_mul},
      {"__rmul__", rint_mul},
      {"__floordiv__", int_floordiv},
      {"__rfloordiv__", rint_floordiv},
      {"__mod__", int_mod},
      {"__rmod__", rint_mod},
      {"__truediv__", int_truediv},
      {"__rtruediv__", rint_truediv},
      {"__lshift__", int_lshift},
      {"__rlshift__", rint_lshift},
      {"__rshift__", int_rshift},
      {"__rrshift__", rint_rshift},
      {"__and__", int_and},
      {"__rand__", rint_and},
      {"__or__", int_or},
      {"__ror__", rint_or},
      {"__xor__", int_xor},
      {"__rxor__", rint_xor},
      {"__pow__", int_pow},
      {"__rpow__", int_rpow},
      {"__divmod__", int_divmod},
      {"__rdivmod__", int_rdivmod},
      {"__neg__", int_neg},
      {"__pos__", int_pos},
      {"__abs__", int_abs},
      {"__invert__", int_invert},
      {"__bool__", int_bool},
      {"__hash__", int_hash_method},
      {"__index__", int_index},
      {"__int__", int_index},
      {"__float__", int_float},
      {"__repr__", int_repr},
      {"__lt__", int_lt},
      {"__le__", int_le},
      {"__eq__", int_eq},
      {"__ne__", int_ne},
      {"__gt__", int_gt},
      {"__ge__", int_ge},
      {"bit_length", int_bit_length, MethodArgs::none},
      {"bit_count", int_bit_count, MethodArgs::none},
      {"conjugate", int_conjugate, MethodArgs::none},
      {"__format__", int_format, MethodArgs::one},
      {"__round__", int_round},
      {"__trunc__", int_index},
      {"__floor__", int_index},
      {"__ceil__", int_index},
      {"to_bytes", int_to_bytes},
      {"__getnewargs__", int_getnewargs, MethodArgs::none},
  };
  add_methods(t, type, methods);
  add_method(t, type, "as_integer_ratio", int_as_integer_ratio, MethodArgs::none);
  add_getter(t, type, "real", int_real);
  add_getter(t, type, "numerator", int_real);
  add_getter(t, type, "imag", int_imag);
  add_getter(t, type, "denominator", int_one);
  add_staticmethod(t, type, "__new__", int_new);
  add_classmethod(t, type, "from_bytes", int_from_bytes);

  Value b = type_value(T_bool);
  add_method(t, b, "__repr__", bool_repr);
  add_method(t, b, "__and__", bool_and);
  add_method(t, b, "__or__", bool_or);
  add_method(t, b, "__xor__", bool_xor);
  add_method(t, b, "__rand__", bool_rand);
  add_method(t, b, "__ror__", bool_ror);
  add_method(t, b, "__rxor__", bool_rxor);
  add_staticmethod(t, b, "__new__", bool_new);
}

} // namespace interp
