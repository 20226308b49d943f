// interp/objects/str_format.cc - str.format / str.format_map (the replacement-field
// language: field names with attribute and index lookups, conversions, nested specs), and
// the printf-style % operator of str, bytes and bytearray. The text of each conversion
// is interp/num's; walking the format and fetching the values is done here.
#include "interp/objects/args.h"
#include "interp/objects/format_markup.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include "interp/num/format_percent.h"
#include "interp/num/format_text.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace interp {

Value bytearray_from(Thread& t, std::string_view data, Value cls = {});
bool buffer_contents(Thread& t, Value v, std::string& out, bool& error);
bool bytes_or_bytearray(Value v);

namespace {

using U32 = std::u32string;

// ---- str.format --------------------------------------------------------------------------

struct FormatState {
  Value args;   // tuple
  Value kwargs; // mapping or 0
  int auto_index = 0;
  bool used_auto = false, used_manual = false;
  bool no_positional = false; // format_map: there are no positional arguments at all
};

Value make_str(Thread& t, const U32& s) {
  return str_from_code_points(t, s);
}

// Resolves a field name ("0", "name", "0.attr[key]") to its value.
Value resolve_field(Thread& t, const U32& field, FormatState& st) {
  FieldName parts(field);
  const U32& first = parts.first();
  Value obj;
  if (first.empty() || all_digits(first)) {
    std::int64_t index;
    if (first.empty()) {
      if (st.used_manual)
        return raise(t, exc(E_ValueError),
                     "cannot switch from manual field specification to automatic field numbering");
      st.used_auto = true;
      index = st.auto_index++;
    } else {
      if (st.used_auto)
        return raise(t, exc(E_ValueError),
                     "cannot switch from automatic field numbering to manual field specification");
      st.used_manual = true;
      if (!digits_value(first, index))
        return raise(t, exc(E_ValueError), "Too many decimal digits in format string");
    }
    if (st.no_positional)
      return raise(t, exc(E_ValueError), "Format string contains positional fields");
    if (index >= tuple_length(st.args))
      return raisef(t, exc(E_IndexError),
                    "Replacement index %lld out of range for positional args tuple",
                    (long long)index);
    obj = tuple_item(st.args, index);
  } else {
    Value key = make_str(t, first);
    if (!key) return {};
    if (!st.kwargs) {
      Value ktuple = tuple_from(t, &key, 1);
      if (!ktuple) return {};
      Value e = exception_new(t, exc(E_KeyError), ktuple);
      if (e) t.pending = e;
      return {};
    }
    obj = getitem(t, st.kwargs, key);
    if (!obj) return {};
  }
  FieldNamePart part;
  std::string error;
  for (;;) {
    ParseStep step = parts.next(part, error);
    if (step == ParseStep::end) return obj;
    if (step == ParseStep::error) return raise(t, exc(E_ValueError), error);
    Value key = part.is_index ? int_from_i64(t, part.index) : make_str(t, part.key);
    if (!key) return {};
    obj = part.is_attribute ? getattr(t, obj, key) : getitem(t, obj, key);
    if (!obj) return {};
  }
}

bool vformat(Thread& t, const U32& fmt, FormatState& st, int depth, U32& out);

// One replacement field: its value, converted, formatted with the expanded spec.
bool format_field(Thread& t, const FormatPiece& piece, FormatState& st, int depth, U32& out) {
  Value obj = resolve_field(t, piece.field_name, st);
  if (!obj) return false;
  char32_t conversion = piece.conversion;
  switch (conversion) {
  case 0:
    break;
  case 'r':
    obj = repr(t, obj);
    break;
  case 's':
    obj = str(t, obj);
    break;
  case 'a':
    obj = ascii(t, obj);
    break;
  default:
    if (conversion < 0x80 && conversion >= 0x20)
      raisef(t, exc(E_ValueError), "Unknown conversion specifier %c", char(conversion));
    else
      raisef(t, exc(E_ValueError), "Unknown conversion specifier \\x%x", unsigned(conversion));
    return false;
  }
  if (!obj) return false;
  U32 expanded;
  if (!vformat(t, piece.spec, st, depth - 1, expanded)) return false;
  Value spec_str = make_str(t, expanded);
  if (!spec_str) return false;
  Value r = format(t, obj, spec_str);
  if (!r) return false;
  out += str_code_points(r);
  return true;
}

bool vformat(Thread& t, const U32& fmt, FormatState& st, int depth, U32& out) {
  if (depth < 0) return raise(t, exc(E_ValueError), "Max string recursion exceeded"), false;
  FormatMarkup markup(fmt);
  FormatPiece piece;
  std::string error;
  for (;;) {
    ParseStep step = markup.next(piece, error);
    if (step == ParseStep::end) return true;
    if (step == ParseStep::error) return raise(t, exc(E_ValueError), error), false;
    out += piece.literal;
    if (piece.has_field && !format_field(t, piece, st, depth, out)) return false;
  }
}

INTERP_NATIVE(str_format_method) {
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - nkw;
  Value a = tuple_from(t, args + 1, npos - 1);
  if (!a) return {};
  Value kw;
  if (nkw) {
    kw = dict_new(t);
    if (!kw) return {};
    for (std::size_t k = 0; k < nkw; ++k)
      if (!dict_set(t, kw, tuple_item(kwnames, k), args[npos + k])) return {};
  }
  FormatState st{a, kw};
  U32 out;
  if (!vformat(t, str_code_points(args[0]), st, 2, out)) return {};
  return make_str(t, out);
}

INTERP_NATIVE(str_format_map_method) {
  if (!check_positional(t, "format_map", nargs, kwnames, 1, 1)) return {};
  FormatState st{runtime().empty_tuple, args[1]};
  st.no_positional = true;
  U32 out;
  if (!vformat(t, str_code_points(args[0]), st, 2, out)) return {};
  return make_str(t, out);
}

// ---- printf-style formatting ---------------------------------------------------------------

bool is_mapping_operand(Value v) {
  if (!v.is_object()) return false;
  if (isinstance(v, T_tuple) || str_check(v) || bytes_or_bytearray(v)) return false;
  return type_lookup(type_of(v), name(N___getitem__)) != Value();
}

Value float_raise(Thread& t, const num::FloatError& e) {
  if (e.kind == num::FloatErrorKind::OverflowError)
    return raise(t, exc(E_OverflowError), e.message);
  return raise(t, exc(E_ValueError), e.message);
}

// %-formats `fmt` (UTF-8 for str, raw bytes for bytes) with `operand`; the result text.
// A precision given by '*' is a C int in CPython (a width, a Py_ssize_t).
bool star_precision(Thread& t, Value v, std::int64_t& out) {
  if (!index_to_i64(t, v, out)) {
    if (!matches(t, exc(E_OverflowError))) return false;
    clear_pending(t);
    out = INT64_MAX;
  }
  if (out < INT32_MIN || out > INT32_MAX)
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int"), false;
  return true;
}

bool percent_format(Thread& t, const std::string& fmt, Value operand, bool is_bytes,
                    std::string& out) {
  bool tuple_operand = operand.is_object() && isinstance(operand, T_tuple);
  std::int64_t count = tuple_operand ? tuple_length(operand) : 1;
  std::int64_t next_arg = 0;
  bool mapping = !tuple_operand && is_mapping_operand(operand);
  bool used_mapping = false;
  auto next_value = [&]() -> Value {
    if (next_arg >= count) {
      raise(t, exc(E_TypeError), "not enough arguments for format string");
      return {};
    }
    Value v = tuple_operand ? tuple_item(operand, next_arg) : operand;
    ++next_arg;
    return v;
  };
  std::size_t i = 0;
  while (i < fmt.size()) {
    std::size_t pct = fmt.find('%', i);
    if (pct == std::string::npos) {
      out.append(fmt, i, std::string::npos);
      break;
    }
    out.append(fmt, i, pct - i);
    // bytes has %b (a synonym of its %s) which the shared parser does not know.
    std::string patched;
    if (is_bytes) {
      std::size_t k = pct + 1;
      if (k < fmt.size() && fmt[k] == '(') {
        int level = 0;
        for (; k < fmt.size(); ++k) {
          if (fmt[k] == '(') ++level;
          if (fmt[k] == ')' && --level == 0) {
            ++k;
            break;
          }
        }
      }
      while (k < fmt.size() && std::strchr("-+ #0123456789.*hlL", fmt[k]) && fmt[k] != '\0')
        ++k;
      if (k < fmt.size() && fmt[k] == 'b') {
        patched = fmt;
        patched[k] = 's';
      }
    }
    auto parsed = num::parse_percent_spec(patched.empty() ? fmt : patched, pct);
    if (!parsed) return float_raise(t, parsed.error()), false;
    num::PercentSpec spec = *parsed;
    i = spec.end;
    // Only "%%" itself is a literal percent; a '%' after a key, flags or a width is a
    // conversion that CPython rejects once it has taken its argument (default case).
    if (spec.conversion == '%' && spec.end == pct + 2) {
      out.push_back('%');
      continue;
    }
    Value value;
    if (spec.has_key) {
      if (!mapping) return raise(t, exc(E_TypeError), "format requires a mapping"), false;
      used_mapping = true;
      Value key = is_bytes ? bytes_new(t, spec.key) : str_from_utf8(t, spec.key);
      if (!key) return false;
      value = getitem(t, operand, key);
      if (!value) return false;
    }
    if (spec.width_from_argument) {
      Value w = next_value();
      if (!w) return false;
      if (!int_check(w)) return raise(t, exc(E_TypeError), "* wants int"), false;
      std::int64_t width;
      if (!index_to_i64(t, w, width)) return false;
      if (width < 0) {
        spec.left = true;
        width = -width;
      }
      spec.width = width;
    }
    if (spec.precision_from_argument) {
      Value p = next_value();
      if (!p) return false;
      if (!int_check(p)) return raise(t, exc(E_TypeError), "* wants int"), false;
      std::int64_t precision;
      if (!star_precision(t, p, precision)) return false;
      spec.precision = precision < 0 ? 0 : precision;
    }
    if (!spec.has_key) {
      value = next_value();
      if (!value) return false;
    }
    char32_t conv = spec.conversion;
    switch (conv) {
    case 's':
    case 'r':
    case 'a':
    case 'b': {
      std::string text;
      if (is_bytes) {
        if (conv == 's' || conv == 'b') {
          bool error;
          if (!buffer_contents(t, value, text, error)) {
            if (error) return false;
            Value f = type_lookup(type_of(value), intern_literal(t, "__bytes__"));
            if (!f) {
              raisef(t, exc(E_TypeError),
                     "%%b requires a bytes-like object, or an object that implements "
                     "__bytes__, not '%s'",
                     type_name_of(value).c_str());
              return false;
            }
            Value r = call1(t, f, value);
            if (!r) return false;
            text = std::string(bytes_view(r));
          }
        } else {
          Value r = conv == 'r' ? ascii(t, value) : ascii(t, value);
          if (!r) return false;
          text = str_utf8(r);
        }
      } else {
        if (conv == 'b')
          return raise(t, exc(E_ValueError), "unsupported format character 'b' (0x62)"), false;
        Value r = conv == 's' ? str(t, value) : conv == 'r' ? repr(t, value) : ascii(t, value);
        if (!r) return false;
        text = str_utf8(r);
      }
      if (is_bytes) {
        // Padding counts bytes: format with a byte-per-unit view.
        std::string body = text;
        if (spec.precision >= 0 && std::size_t(spec.precision) < body.size())
          body.resize(std::size_t(spec.precision));
        std::size_t w = spec.width > 0 ? std::size_t(spec.width) : 0;
        if (body.size() < w) {
          if (spec.left)
            body.append(w - body.size(), ' ');
          else
            body.insert(0, w - body.size(), ' ');
        }
        out += body;
      } else {
        out += num::percent_format_text(text, spec);
      }
      break;
    }
    case 'c': {
      std::string text;
      if (is_bytes) {
        if (value.is_small_int() || int_check(value)) {
          std::int64_t c;
          if (!index_to_i64(t, value, c) || c < 0 || c > 255) {
            clear_pending(t);
            return raise(t, exc(E_OverflowError), "%c arg not in range(256)"), false;
          }
          text.assign(1, char(c));
        } else if (bytes_or_bytearray(value) && bytes_view(value).size() == 1) {
          text = std::string(bytes_view(value));
        } else {
          return raise(t, exc(E_TypeError),
                       "%c requires an integer in range(256) or a single byte"),
                 false;
        }
        std::size_t w = spec.width > 0 ? std::size_t(spec.width) : 0;
        if (text.size() < w) {
          if (spec.left)
            text.append(w - text.size(), ' ');
          else
            text.insert(0, w - text.size(), ' ');
        }
        out += text;
        break;
      }
      if (str_check(value)) {
        if (str_length(value) != 1)
          return raise(t, exc(E_TypeError), "%c requires int or char"), false;
        text = str_utf8(value);
      } else if (value.is_small_int() || int_check(value) ||
                 lookup_special(t, value, N___index__)) {
        std::int64_t c;
        if (!index_to_i64(t, value, c) || c < 0 || c > 0x10ffff) {
          clear_pending(t);
          return raise(t, exc(E_OverflowError), "%c arg not in range(0x110000)"), false;
        }
        Value s = str_from_code_point(t, char32_t(c));
        if (!s) return false;
        text = str_utf8(s);
      } else {
        if (t.pending) return false;
        return raise(t, exc(E_TypeError), "%c requires int or char"), false;
      }
      out += num::percent_format_text(text, spec);
      break;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      Value n = value;
      bool is_int = n.is_small_int() || int_check(n);
      if (!is_int) {
        bool is_float = float_check(n);
        if (conv == 'x' || conv == 'X' || conv == 'o') {
          Value idx = is_float ? Value() : lookup_special(t, n, N___index__);
          if (!idx) {
            if (t.pending) return false;
            raisef(t, exc(E_TypeError), "%%%c format: an integer is required, not %s", char(conv),
                   type_name_of(n).c_str());
            return false;
          }
          n = call0(t, idx);
          if (!n) return false;
        } else {
          bool number =
              is_float || lookup_special(t, n, N___int__) || lookup_special(t, n, N___index__);
          if (!number) {
            if (t.pending) return false;
            raisef(t, exc(E_TypeError), "%%%c format: a real number is required, not %s",
                   char(conv), type_name_of(n).c_str());
            return false;
          }
          n = call1(t, type_value(T_int), n);
          if (!n) return false;
        }
      }
      // CPython leaves room for a sign and a prefix in a C int.
      if (spec.precision > INT32_MAX - 3)
        return raise(t, exc(E_OverflowError), "precision too large"), false;
      num::BigInt big = int_big(n);
      num::IntegerForFormat in;
      in.negative = big.is_negative();
      in.magnitude_digits = [&](int base) { return num::to_string(num::abs(big), base).value; };
      in.to_double = [&]() -> num::FloatResult<double> {
        auto d = num::to_double(big);
        if (!d.ok()) return num::overflow_error(d.message);
        return d.value;
      };
      out += num::percent_format_integer(in, spec);
      break;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      double x;
      if (!to_double(t, value, x)) return false;
      out += num::percent_format_float(x, spec);
      break;
    }
    default: {
      // parse_percent_spec rejects unknown characters: only a late '%' comes here.
      std::size_t at = spec.end - 1;
      raisef(t, exc(E_ValueError), "unsupported format character '%%' (0x25) at index %zu",
             is_bytes ? at : num::count_code_points(std::string_view(fmt).substr(0, at)));
      return false;
    }
    }
  }
  if (next_arg < count && !used_mapping && !(mapping && !tuple_operand)) {
    raise(t, exc(E_TypeError),
          is_bytes ? "not all arguments converted during bytes formatting"
                   : "not all arguments converted during string formatting");
    return false;
  }
  return true;
}

INTERP_NATIVE(str_mod) {
  if (!str_check(args[0])) return runtime().not_implemented;
  std::string out;
  if (!percent_format(t, str_utf8(args[0]), args[1], false, out)) return {};
  return str_from_utf8(t, out);
}

INTERP_NATIVE(str_rmod) {
  return runtime().not_implemented;
}

INTERP_NATIVE(bytes_mod) {
  if (!bytes_or_bytearray(args[0])) return runtime().not_implemented;
  std::string out;
  if (!percent_format(t, std::string(bytes_view(args[0])), args[1], true, out)) return {};
  if (is_layout(args[0], Layout::ByteArray)) return bytearray_from(t, out);
  return bytes_new(t, out);
}

} // namespace

void init_str_format(Thread& t) {
  Value s = type_value(T_str);
  add_method(t, s, "format", str_format_method);
  add_method(t, s, "format_map", str_format_map_method, MethodArgs::one);
  add_method(t, s, "__mod__", str_mod);
  add_method(t, s, "__rmod__", str_rmod);
  for (TypeId id : {T_bytes, T_bytearray}) {
    add_method(t, type_value(id), "__mod__", bytes_mod);
    add_method(t, type_value(id), "__rmod__", str_rmod);
  }
}

} // namespace interp
