// interp/modules/json.cc - the _json module: the accelerators that json.decoder,
// json.scanner and json.encoder take when they can import them.
//
//   scanstring(s, end, strict=True)   one JSON string body, from just after its quote;
//   encode_basestring(_ascii)(s)      a str as a JSON string literal;
//   make_scanner(context)             the Scanner type: scan_once(string, idx) decodes one
//                                     JSON value from idx and gives (value, end);
//   make_encoder(markers, default, encoder, indent, key_separator, item_separator,
//                sort_keys, skipkeys, allow_nan)
//                                     the Encoder type: encoder(obj, indent_level) gives the
//                                     whole text as a one-item list (json.encoder joins it).
//
// Behaviour is CPython 3.11's C accelerator, which is what programs meet there: its error
// messages and positions (which differ in places from the pure-Python py_scanstring: the
// position of a bad control character or escape), its StopIteration(idx) from scan_once
// when no value starts at idx (raw_decode turns that into "Expecting value"), and its
// encoder's indifference to `indent` (json.encoder only uses it when indent is None).
//
// The decoder reads the document's code points in place (a str is either one byte per
// code point or UTF-32, so the parser is a template over the two); the encoder builds its
// text in a C++ string, one byte per character while the text stays ASCII. Neither keeps a
// Value anywhere but in C++ locals and heap objects: hooks (object_hook, default, ...) run
// Python code, which may allocate and collect.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/num/float_text.h"
#include "interp/ops.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

namespace interp {

namespace {

// ---- errors -----------------------------------------------------------------------------------

// json.decoder.JSONDecodeError(msg, doc, pos), raised; returns 0.
Value raise_decode_error(Thread& t, const char* msg, Value doc, std::int64_t pos) {
  Value cls = module_attr(t, "json.decoder", "JSONDecodeError");
  if (!cls) return {};
  Value items[3] = {str_from_ascii(t, msg), doc, int_from_i64(t, pos)};
  if (!items[0] || !items[2]) return {};
  Value e = call(t, cls, items, 3);
  return e ? raise_value(t, e) : Value();
}

Value raise_stop_iteration(Thread& t, std::int64_t idx) {
  Value v = int_from_i64(t, idx);
  Value e = v ? call1(t, exc(E_StopIteration), v) : Value();
  return e ? raise_value(t, e) : Value();
}

Value raise_not_a_string(Thread& t, Value v) {
  return raisef(t, exc(E_TypeError), "first argument must be a string, not %s",
                type_name_of(v).c_str());
}

// ---- reading a str in place ---------------------------------------------------------------

const StrObject* str_object(Value s) {
  return ro<StrObject>(s);
}

// ---- decoding -------------------------------------------------------------------------------

struct ScannerObject : Object {
  Value strict; // bool
  Value object_hook;
  Value object_pairs_hook;
  Value parse_float;
  Value parse_int;
  Value parse_constant;
};

inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
inline bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
int hex_value(char32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

// The decoder of one document `doc`, whose code points are `C`s (unsigned char for an
// ASCII str, char32_t otherwise). scanstring() uses only string(); a Scanner's call gives
// it the scanner's hooks first (use_scanner).
template <class C> class Decoder {
public:
  Decoder(Thread& t, Value doc, bool strict) : t_(t), doc_(doc), strict_(strict) {
    refresh();
    n_ = str_object(doc)->length;
  }

  void use_scanner(Value scanner) {
    const ScannerObject* s = rd<ScannerObject>(scanner);
    object_hook_ = s->object_hook;
    pairs_hook_ = s->object_pairs_hook;
    parse_float_ = s->parse_float;
    parse_int_ = s->parse_int;
    parse_constant_ = s->parse_constant;
    if (is_none(object_hook_)) object_hook_ = {};
    if (is_none(pairs_hook_)) pairs_hook_ = {};
    float_fast_ = parse_float_ == type_value(T_float);
    int_fast_ = parse_int_ == type_value(T_int);
  }

  // The string whose opening quote is just before `begin`; `end` is set past its closing
  // quote.
  Value string(std::int64_t begin, std::int64_t& end) {
    std::int64_t i = begin;
    // The common case: no escape before the closing quote.
    while (i < n_) {
      C c = s_[i];
      if (c == '"') {
        end = i + 1;
        return slice(begin, i);
      }
      if (c == '\\' || (c < 0x20 && strict_)) break;
      ++i;
    }
    std::u32string text;
    text.reserve(std::size_t(i - begin) + 16);
    for (std::int64_t k = begin; k < i; ++k)
      text.push_back(char32_t(s_[k]));
    for (;;) {
      if (i >= n_)
        return raise_decode_error(t_, "Unterminated string starting at", doc_, begin - 1);
      char32_t c = s_[i];
      if (c == '"') break;
      if (c < 0x20 && strict_)
        return raise_decode_error(t_, "Invalid control character at", doc_, i);
      if (c != '\\') {
        text.push_back(c);
        ++i;
        continue;
      }
      if (i + 1 >= n_)
        return raise_decode_error(t_, "Unterminated string starting at", doc_, begin - 1);
      char32_t e = s_[i + 1];
      char32_t out;
      switch (e) {
      case '"':
      case '\\':
      case '/':
        out = e;
        break;
      case 'b':
        out = '\b';
        break;
      case 'f':
        out = '\f';
        break;
      case 'n':
        out = '\n';
        break;
      case 'r':
        out = '\r';
        break;
      case 't':
        out = '\t';
        break;
      case 'u': {
        std::int64_t u = i + 1;
        int v = hex4(u);
        if (v < 0) return raise_decode_error(t_, "Invalid \\uXXXX escape", doc_, u);
        i = u + 5;
        if (v >= 0xd800 && v <= 0xdbff && i + 1 < n_ && s_[i] == '\\' && s_[i + 1] == 'u') {
          int low = hex4(i + 1);
          if (low < 0) return raise_decode_error(t_, "Invalid \\uXXXX escape", doc_, i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            v = 0x10000 + (((v - 0xd800) << 10) | (low - 0xdc00));
            i += 6;
          }
        }
        text.push_back(char32_t(v));
        continue;
      }
      default:
        return raise_decode_error(t_, "Invalid \\escape", doc_, i);
      }
      text.push_back(out);
      i += 2;
    }
    end = i + 1;
    return str_from_code_points(t_, text);
  }

  // One value starting at idx; StopIteration(idx) when none starts there.
  Value value(std::int64_t idx, std::int64_t& end) {
    if (idx >= n_) return raise_stop_iteration(t_, idx);
    switch (s_[idx]) {
    case '"':
      return string(idx + 1, end);
    case '{': {
      CRecursion guard(t_, " while decoding a JSON object from a unicode string");
      if (!guard) return {};
      return object(idx + 1, end);
    }
    case '[': {
      CRecursion guard(t_, " while decoding a JSON array from a unicode string");
      if (!guard) return {};
      return array(idx + 1, end);
    }
    case 'n':
      if (matches(idx, "null")) {
        end = idx + 4;
        return none();
      }
      break;
    case 't':
      if (matches(idx, "true")) {
        end = idx + 4;
        return py_bool(true);
      }
      break;
    case 'f':
      if (matches(idx, "false")) {
        end = idx + 5;
        return py_bool(false);
      }
      break;
    case 'N':
      if (matches(idx, "NaN")) return constant("NaN", idx, end);
      break;
    case 'I':
      if (matches(idx, "Infinity")) return constant("Infinity", idx, end);
      break;
    case '-':
      if (matches(idx, "-Infinity")) return constant("-Infinity", idx, end);
      break;
    }
    return number(idx, end);
  }

private:
  void refresh() { s_ = reinterpret_cast<const C*>(str_object(doc_)->data); }

  Value slice(std::int64_t from, std::int64_t to) {
    if constexpr (sizeof(C) == 1)
      return str_from_ascii(
          t_, std::string_view(reinterpret_cast<const char*>(s_ + from), std::size_t(to - from)));
    else
      return str_from_code_points(t_, std::u32string_view(s_ + from, std::size_t(to - from)));
  }

  // The four hex digits after the 'u' at `u`, or -1 (also when fewer than five characters
  // follow it, as CPython's scanner counts).
  int hex4(std::int64_t u) const {
    if (u + 5 >= n_) return -1;
    int v = 0;
    for (int k = 1; k <= 4; ++k) {
      int h = hex_value(s_[u + k]);
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  }

  bool matches(std::int64_t idx, const char* word) const {
    std::size_t len = std::strlen(word);
    if (idx + std::int64_t(len) > n_) return false;
    for (std::size_t k = 0; k < len; ++k)
      if (s_[idx + std::int64_t(k)] != C(word[k])) return false;
    return true;
  }

  std::int64_t skip_space(std::int64_t i) const {
    while (i < n_ && is_space(s_[i]))
      ++i;
    return i;
  }

  Value call_out(Value fn, Value arg) {
    Value r = call1(t_, fn, arg);
    refresh();
    return r;
  }

  Value constant(const char* word, std::int64_t idx, std::int64_t& end) {
    Value text = str_from_ascii(t_, word);
    Value r = text ? call_out(parse_constant_, text) : Value();
    end = idx + std::int64_t(std::strlen(word));
    return r;
  }

  Value number(std::int64_t start, std::int64_t& end) {
    std::int64_t i = start;
    if (i < n_ && s_[i] == '-') {
      ++i;
      if (i >= n_) return raise_stop_iteration(t_, start);
    }
    if (i < n_ && s_[i] >= '1' && s_[i] <= '9') {
      while (i < n_ && is_digit(s_[i]))
        ++i;
    } else if (i < n_ && s_[i] == '0') {
      ++i;
    } else {
      return raise_stop_iteration(t_, start);
    }
    bool is_float = false;
    if (i + 1 < n_ && s_[i] == '.' && is_digit(s_[i + 1])) {
      is_float = true;
      i += 2;
      while (i < n_ && is_digit(s_[i]))
        ++i;
    }
    if (i < n_ && (s_[i] == 'e' || s_[i] == 'E')) {
      std::int64_t j = i + 1;
      if (j < n_ && (s_[j] == '+' || s_[j] == '-')) ++j;
      std::int64_t k = j;
      while (k < n_ && is_digit(s_[k]))
        ++k;
      if (k > j) {
        is_float = true;
        i = k;
      }
    }
    end = i;
    std::int64_t len = i - start;
    if (is_float ? !float_fast_ : !int_fast_) {
      Value text = slice(start, i);
      return text ? call_out(is_float ? parse_float_ : parse_int_, text) : Value();
    }
    char small[64];
    std::string big;
    char* buf = small;
    if (len >= std::int64_t(sizeof small)) {
      big.resize(std::size_t(len) + 1);
      buf = big.data();
    }
    for (std::int64_t k = 0; k < len; ++k)
      buf[k] = char(s_[start + k]);
    buf[len] = '\0';
    if (is_float) return float_new(t_, std::strtod(buf, nullptr));
    std::int64_t digits = len - (buf[0] == '-');
    if (digits <= 18) {
      std::int64_t v = 0;
      std::from_chars(buf, buf + len, v);
      return Value::small_int(v);
    }
    return int_from_text(t_, std::string_view(buf, std::size_t(len)), 10);
  }

  // A key made once per document: equal keys share one str.
  Value memo_key(Value key) {
    if (!memo_) {
      memo_ = dict_new(t_);
      if (!memo_) return {};
    }
    bool error = false;
    if (Value known = dict_get(t_, memo_, key, error)) return known;
    if (error || !dict_set(t_, memo_, key, key)) return {};
    return key;
  }

  enum class Step { Item, Close, Error };
  // After an item of an object or array, from `idx`: the container's end (idx at `close`),
  // or one more item (idx past the ',' and the spaces after it), or an error.
  Step after_item(std::int64_t& idx, char close) {
    idx = skip_space(idx);
    if (idx < n_ && s_[idx] == C(close)) return Step::Close;
    if (idx >= n_ || s_[idx] != ',') {
      raise_decode_error(t_, "Expecting ',' delimiter", doc_, idx);
      return Step::Error;
    }
    idx = skip_space(idx + 1);
    return Step::Item;
  }

  Value object(std::int64_t idx, std::int64_t& end) {
    Value result = pairs_hook_ ? list_new(t_) : dict_new(t_);
    if (!result) return {};
    idx = skip_space(idx);
    if (idx >= n_ || s_[idx] != '}') {
      for (;;) {
        if (idx >= n_ || s_[idx] != '"')
          return raise_decode_error(t_, "Expecting property name enclosed in double quotes", doc_,
                                    idx);
        std::int64_t next = 0;
        Value key = string(idx + 1, next);
        if (!key || !(key = memo_key(key))) return {};
        idx = skip_space(next);
        if (idx >= n_ || s_[idx] != ':')
          return raise_decode_error(t_, "Expecting ':' delimiter", doc_, idx);
        idx = skip_space(idx + 1);
        Value v = value(idx, next);
        if (!v) return {};
        if (pairs_hook_) {
          Value pair[2] = {key, v};
          Value item = tuple_from(t_, pair, 2);
          if (!item || !list_append(t_, result, item)) return {};
        } else if (!dict_set(t_, result, key, v)) {
          return {};
        }
        idx = next;
        Step step = after_item(idx, '}');
        if (step == Step::Error) return {};
        if (step == Step::Close) break;
      }
    }
    end = idx + 1;
    if (pairs_hook_) return call_out(pairs_hook_, result);
    if (object_hook_) return call_out(object_hook_, result);
    return result;
  }

  Value array(std::int64_t idx, std::int64_t& end) {
    Value result = list_new(t_);
    if (!result) return {};
    idx = skip_space(idx);
    if (idx >= n_ || s_[idx] != ']') {
      for (;;) {
        std::int64_t next = 0;
        Value v = value(idx, next);
        if (!v || !list_append(t_, result, v)) return {};
        idx = next;
        Step step = after_item(idx, ']');
        if (step == Step::Error) return {};
        if (step == Step::Close) break;
      }
    }
    end = idx + 1;
    return result;
  }

  Thread& t_;
  Value doc_;
  const C* s_ = nullptr;
  std::int64_t n_ = 0;
  bool strict_;
  bool float_fast_ = true, int_fast_ = true;
  Value object_hook_, pairs_hook_, parse_float_, parse_int_, parse_constant_;
  Value memo_;
};

// (decoded, end) as a tuple, or 0.
Value pair_result(Thread& t, Value v, std::int64_t end) {
  if (!v) return {};
  Value e = int_from_i64(t, end);
  if (!e) return {};
  Value items[2] = {v, e};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(mod_scanstring) {
  if (!check_positional(t, "scanstring", nargs, kwnames, 2, 3, 0)) return {};
  Value s = args[0];
  std::int64_t end = 0, strict = 1;
  if (!index_to_i64(t, args[1], end)) return {};
  if (nargs > 2 && !index_to_i64(t, args[2], strict)) return {};
  if (!str_check(s)) return raise_not_a_string(t, s);
  if (end < 0 || end > str_length(s)) return raise(t, exc(E_ValueError), "end is out of bounds");
  std::int64_t next = 0;
  Value v;
  if (str_object(s)->kind == 1)
    v = Decoder<unsigned char>(t, s, strict != 0).string(end, next);
  else
    v = Decoder<char32_t>(t, s, strict != 0).string(end, next);
  return pair_result(t, v, next);
}

INTERP_NATIVE(scanner_new) {
  static const char* const kAllowed[] = {"context", nullptr};
  if (!check_keywords(t, "Scanner", kwnames, kAllowed, true)) return {};
  if (nargs != 2)
    return raisef(t, exc(E_TypeError), "Scanner() takes exactly 1 argument (%zu given)", nargs - 1);
  Value ctx = args[1];
  Value fields[6];
  static const char* const kNames[] = {"strict",      "object_hook", "object_pairs_hook",
                                       "parse_float", "parse_int",   "parse_constant"};
  for (int i = 0; i < 6; ++i)
    if (!(fields[i] = getattr(t, ctx, intern_literal(t, kNames[i])))) return {};
  int strict = truthy(t, fields[0]);
  if (strict < 0) return {};
  Value self = allocate(t, Layout::Instance, args[0], sizeof(ScannerObject));
  if (!self) return {};
  ScannerObject* s = fresh<ScannerObject>(self);
  s->strict = py_bool(strict != 0);
  s->object_hook = fields[1];
  s->object_pairs_hook = fields[2];
  s->parse_float = fields[3];
  s->parse_int = fields[4];
  s->parse_constant = fields[5];
  return self;
}

// The two arguments of Scanner.__call__ and Encoder.__call__ (after self): an object and
// an index, by position or by the keywords `first` and `second`.
bool object_and_index(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                      const char* fname, const char* first, const char* second, Value& obj,
                      std::int64_t& index) {
  std::size_t npos = nargs - keyword_count(kwnames) - 1;
  obj = npos > 0 ? args[1] : keyword_arg(kwnames, args, nargs, first);
  Value at = npos > 1 ? args[2] : keyword_arg(kwnames, args, nargs, second);
  if (!obj || !at || npos > 2)
    return raisef(t, exc(E_TypeError), "%s() takes exactly 2 arguments", fname), false;
  return index_to_i64(t, at, index);
}

template <class C> Value scan(Thread& t, Value self, Value doc, std::int64_t idx) {
  Decoder<C> d(t, doc, rd<ScannerObject>(self)->strict == py_bool(true));
  d.use_scanner(self);
  std::int64_t end = 0;
  Value v = d.value(idx, end);
  return pair_result(t, v, end);
}

INTERP_NATIVE(scanner_call) {
  Value doc;
  std::int64_t idx = 0;
  if (!object_and_index(t, args, nargs, kwnames, "scan_once", "string", "idx", doc, idx)) return {};
  if (!str_check(doc)) return raise_not_a_string(t, doc);
  if (idx < 0) return raise(t, exc(E_ValueError), "idx cannot be negative");
  if (str_object(doc)->kind == 1) return scan<unsigned char>(t, args[0], doc, idx);
  return scan<char32_t>(t, args[0], doc, idx);
}

template <Value ScannerObject::*F>
Value scanner_field(Thread&, const Value* args, std::size_t, Value) {
  return rd<ScannerObject>(args[0])->*F;
}

// ---- encoding -------------------------------------------------------------------------------

// Text being built: one byte per character while it is all ASCII, UTF-32 after.
class TextOut {
public:
  void put(char c) {
    if (wide_)
      w_.push_back(char32_t(c));
    else
      a_.push_back(c);
  }
  void put(std::string_view s) {
    if (wide_)
      w_.append(s.begin(), s.end());
    else
      a_.append(s);
  }
  void put_code_point(char32_t c) {
    if (c < 0x80) return put(char(c));
    widen();
    w_.push_back(c);
  }
  // The characters of str `s` as they are.
  void put_str(Value s) {
    const StrObject* o = str_object(s);
    if (o->kind == 1)
      return put(std::string_view(reinterpret_cast<const char*>(o->data), o->length));
    widen();
    w_.append(reinterpret_cast<const char32_t*>(o->data), std::size_t(o->length));
  }
  Value finish(Thread& t) { return wide_ ? str_from_code_points(t, w_) : str_from_ascii(t, a_); }

private:
  void widen() {
    if (wide_) return;
    wide_ = true;
    w_.reserve(a_.size() * 2 + 16);
    w_.append(a_.begin(), a_.end());
    a_.clear();
    a_.shrink_to_fit();
  }
  bool wide_ = false;
  std::string a_;
  std::u32string w_;
};

const char kHex[] = "0123456789abcdef";

void put_u_escape(TextOut& out, char32_t c) {
  char buf[6] = {'\\',        'u', kHex[(c >> 12) & 15], kHex[(c >> 8) & 15], kHex[(c >> 4) & 15],
                 kHex[c & 15]};
  out.put(std::string_view(buf, 6));
}

// The escape of a character that JSON strings never hold as it is, or null.
const char* short_escape(char32_t c) {
  switch (c) {
  case '"':
    return "\\\"";
  case '\\':
    return "\\\\";
  case '\b':
    return "\\b";
  case '\f':
    return "\\f";
  case '\n':
    return "\\n";
  case '\r':
    return "\\r";
  case '\t':
    return "\\t";
  }
  return nullptr;
}

template <class C> void put_escaped(TextOut& out, const C* s, std::int64_t n, bool ascii_only) {
  out.put('"');
  std::int64_t run = 0; // start of the characters not written yet, all plain ASCII
  auto flush = [&](std::int64_t to) {
    if constexpr (sizeof(C) == 1) {
      out.put(std::string_view(reinterpret_cast<const char*>(s + run), std::size_t(to - run)));
    } else {
      for (std::int64_t k = run; k < to; ++k)
        out.put(char(s[k]));
    }
  };
  for (std::int64_t i = 0; i < n; ++i) {
    char32_t c = s[i];
    if (c >= ' ' && c < 0x7f && c != '"' && c != '\\') continue;
    if (c >= 0x7f && !ascii_only) {
      flush(i);
      out.put_code_point(c);
      run = i + 1;
      continue;
    }
    flush(i);
    run = i + 1;
    if (const char* e = short_escape(c)) {
      out.put(e);
    } else if (c >= 0x10000) {
      char32_t v = c - 0x10000;
      put_u_escape(out, 0xd800 | ((v >> 10) & 0x3ff));
      put_u_escape(out, 0xdc00 | (v & 0x3ff));
    } else {
      put_u_escape(out, c);
    }
  }
  flush(n);
  out.put('"');
}

void put_escaped_str(TextOut& out, Value s, bool ascii_only) {
  const StrObject* o = str_object(s);
  if (o->kind == 1)
    put_escaped(out, o->data, o->length, ascii_only);
  else
    put_escaped(out, reinterpret_cast<const char32_t*>(o->data), o->length, ascii_only);
}

Value encode_basestring_with(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                             const char* fname, bool ascii_only) {
  if (!check_positional(t, fname, nargs, kwnames, 1, 1, 0)) return {};
  if (!str_check(args[0])) return raise_not_a_string(t, args[0]);
  TextOut out;
  put_escaped_str(out, args[0], ascii_only);
  return out.finish(t);
}

INTERP_NATIVE(mod_encode_basestring_ascii) {
  return encode_basestring_with(t, args, nargs, kwnames, "encode_basestring_ascii", true);
}

INTERP_NATIVE(mod_encode_basestring) {
  return encode_basestring_with(t, args, nargs, kwnames, "encode_basestring", false);
}

// Whether `fn` is the builtin function `native` of this module.
bool is_native(Value fn, NativeFn native) {
  return is_layout(fn, Layout::Native) && !rd<NativeObject>(fn)->self &&
         runtime().natives[std::size_t(rd<NativeObject>(fn)->index)].fn == native;
}

enum FastEncode : std::int64_t { kCallEncoder = 0, kEscapeAscii = 1, kEscapeUnicode = 2 };

struct EncoderObject : Object {
  Value markers; // dict or None
  Value defaultfn;
  Value encoder;
  Value indent;
  Value key_separator;  // str
  Value item_separator; // str
  Value sort_keys;      // bool
  Value skipkeys;       // bool
  Value allow_nan;      // bool
  Value fast_encode;    // small int: a FastEncode
};

INTERP_NATIVE(encoder_new) {
  static const char* const kNames[] = {"markers",   "default",       "encoder",
                                       "indent",    "key_separator", "item_separator",
                                       "sort_keys", "skipkeys",      "allow_nan"};
  constexpr std::size_t kCount = std::size(kNames);
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - nkw - 1;
  if (npos > kCount)
    return raisef(t, exc(E_TypeError), "Encoder() takes at most %zu arguments (%zu given)", kCount,
                  npos + nkw);
  Value slots[kCount] = {};
  for (std::size_t i = 0; i < npos; ++i)
    slots[i] = args[1 + i];
  for (std::size_t k = 0; k < nkw; ++k) {
    Value key = tuple_item(kwnames, std::int64_t(k));
    std::size_t i = 0;
    while (i < kCount && !str_equal_ascii(key, kNames[i]))
      ++i;
    if (i == kCount)
      return raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for Encoder()",
                    str_utf8(key).c_str());
    if (slots[i])
      return raisef(t, exc(E_TypeError),
                    "argument for Encoder() given by name ('%s') and position (%zu)", kNames[i],
                    i + 1);
    slots[i] = args[nargs - nkw + k];
  }
  for (std::size_t i = 0; i < kCount; ++i)
    if (!slots[i])
      return raisef(t, exc(E_TypeError), "Encoder() missing required argument '%s' (pos %zu)",
                    kNames[i], i + 1);
  if (!is_none(slots[0]) && !dict_check(slots[0]))
    return raisef(t, exc(E_TypeError), "make_encoder() argument 1 must be dict or None, not %s",
                  type_name_of(slots[0]).c_str());
  for (std::size_t i = 4; i < 6; ++i)
    if (!str_check(slots[i]))
      return raisef(t, exc(E_TypeError), "make_encoder() argument %zu must be str, not %s", i + 1,
                    type_name_of(slots[i]).c_str());
  Value flags[3];
  for (std::size_t i = 0; i < 3; ++i) {
    int b = truthy(t, slots[6 + i]);
    if (b < 0) return {};
    flags[i] = py_bool(b != 0);
  }
  FastEncode fast = is_native(slots[2], mod_encode_basestring_ascii) ? kEscapeAscii
                    : is_native(slots[2], mod_encode_basestring)     ? kEscapeUnicode
                                                                     : kCallEncoder;
  Value self = allocate(t, Layout::Instance, args[0], sizeof(EncoderObject));
  if (!self) return {};
  EncoderObject* e = fresh<EncoderObject>(self);
  e->markers = slots[0];
  e->defaultfn = slots[1];
  e->encoder = slots[2];
  e->indent = slots[3];
  e->key_separator = slots[4];
  e->item_separator = slots[5];
  e->sort_keys = flags[0];
  e->skipkeys = flags[1];
  e->allow_nan = flags[2];
  e->fast_encode = Value::small_int(fast);
  return self;
}

template <Value EncoderObject::*F>
Value encoder_field(Thread&, const Value* args, std::size_t, Value) {
  return rd<EncoderObject>(args[0])->*F;
}

// One call of an Encoder: its settings read once, and the text so far.
class Encoding {
public:
  Encoding(Thread& t, Value self) : t_(t) {
    const EncoderObject* e = rd<EncoderObject>(self);
    markers_ = is_none(e->markers) ? Value() : e->markers;
    default_ = e->defaultfn;
    encoder_ = e->encoder;
    key_separator_ = e->key_separator;
    item_separator_ = e->item_separator;
    sort_keys_ = e->sort_keys == py_bool(true);
    skipkeys_ = e->skipkeys == py_bool(true);
    allow_nan_ = e->allow_nan == py_bool(true);
    fast_ = FastEncode(e->fast_encode.small_int_value());
  }

  bool encode(Value o) {
    if (o.is_small_int()) return put_small_int(o.small_int_value());
    if (o.is_tagged_float()) return put_float(o.tagged_float_value());
    if (o == none()) return out_.put("null"), true;
    if (o == py_bool(true)) return out_.put("true"), true;
    if (o == py_bool(false)) return out_.put("false"), true;
    if (str_check(o)) return put_string(o);
    if (int_check(o)) return put_int(o);
    if (float_check(o)) return put_float(float_value(o));
    if (isinstance(o, T_list) || isinstance(o, T_tuple)) {
      CRecursion guard(t_, " while encoding a JSON object");
      return guard && encode_sequence(o);
    }
    if (dict_check(o)) {
      CRecursion guard(t_, " while encoding a JSON object");
      return guard && encode_dict(o);
    }
    Value marker;
    if (!enter(o, marker)) return false;
    Value replacement = call1(t_, default_, o);
    if (!replacement) return false;
    {
      CRecursion guard(t_, " while encoding a JSON object");
      if (!guard || !encode(replacement)) return false;
    }
    return leave(marker);
  }

  Value finish() { return out_.finish(t_); }

private:
  bool put_small_int(std::int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.put(std::string_view(buf, std::size_t(r.ptr - buf)));
    return true;
  }

  // int.__repr__ of an int or an instance of a subclass (IntEnum members are numbers here).
  Value int_text(Value o) {
    Value int_repr = type_lookup(type_value(T_int), name(N___repr__));
    return call1(t_, int_repr, o);
  }
  bool put_int(Value o) {
    Value text = int_text(o);
    if (!text) return false;
    out_.put_str(text);
    return true;
  }

  // The float's text, or null with ValueError when it is not finite and may not be.
  const char* special_float(double d) {
    if (!allow_nan_) {
      raise(t_, exc(E_ValueError), "Out of range float values are not JSON compliant");
      return nullptr;
    }
    return std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
  }
  bool put_float(double d) {
    if (std::isfinite(d)) {
      out_.put(num::float_repr(d));
      return true;
    }
    const char* text = special_float(d);
    if (!text) return false;
    out_.put(text);
    return true;
  }

  bool put_string(Value s) {
    if (fast_ != kCallEncoder) {
      put_escaped_str(out_, s, fast_ == kEscapeAscii);
      return true;
    }
    Value r = call1(t_, encoder_, s);
    if (!r) return false;
    if (!str_check(r))
      return raisef(t_, exc(E_TypeError), "encoder() must return a string, not %s",
                    type_name_of(r).c_str()),
             false;
    out_.put_str(r);
    return true;
  }
  // A key whose text is ASCII that needs no escapes (a number, true, null...).
  bool put_plain_key(std::string_view text) {
    if (fast_ != kCallEncoder) {
      out_.put('"');
      out_.put(text);
      out_.put('"');
      return true;
    }
    Value s = str_from_ascii(t_, text);
    return s && put_string(s);
  }

  // Checks `o` against the objects being encoded (ValueError for a cycle) and adds it;
  // `marker` is the key to remove afterwards (0 when not checking).
  bool enter(Value o, Value& marker) {
    if (!markers_) return true;
    marker = int_from_i64(t_, std::int64_t(o.bits()));
    if (!marker) return false;
    bool error = false;
    if (dict_get(t_, markers_, marker, error))
      return raise(t_, exc(E_ValueError), "Circular reference detected"), false;
    return !error && dict_set(t_, markers_, marker, o);
  }
  bool leave(Value marker) { return !marker || dict_del(t_, markers_, marker) >= 0; }

  // A list or tuple: its items as they are stored; a subclass's as it iterates them.
  bool encode_sequence(Value seq) {
    Value items = seq;
    if (!is_exact(seq, T_list) && !is_exact(seq, T_tuple) && !(items = list_of(t_, seq)))
      return false;
    bool is_list = isinstance(items, T_list);
    std::int64_t n = is_list ? list_length(items) : tuple_length(items);
    if (n == 0) return out_.put("[]"), true;
    Value marker;
    if (!enter(seq, marker)) return false;
    out_.put('[');
    for (std::int64_t i = 0; i < (is_list ? list_length(items) : n); ++i) {
      if (i > 0) out_.put_str(item_separator_);
      if (!encode(is_list ? list_item(items, i) : tuple_item(items, i))) return false;
    }
    out_.put(']');
    return leave(marker);
  }

  bool encode_item(Value key, Value value, bool& first) {
    std::string text;
    if (str_check(key)) {
    } else if (float_check(key)) {
      double d = float_value(key);
      if (std::isfinite(d)) {
        text = num::float_repr(d);
      } else {
        const char* special = special_float(d);
        if (!special) return false;
        text = special;
      }
    } else if (key == py_bool(true)) {
      text = "true";
    } else if (key == py_bool(false)) {
      text = "false";
    } else if (key == none()) {
      text = "null";
    } else if (int_check(key)) {
      if (key.is_small_int()) {
        text = std::to_string(key.small_int_value());
      } else {
        key = int_text(key);
        if (!key) return false;
      }
    } else if (skipkeys_) {
      return true;
    } else {
      return raisef(t_, exc(E_TypeError), "keys must be str, int, float, bool or None, not %s",
                    type_name_of(key).c_str()),
             false;
    }
    if (!first) out_.put_str(item_separator_);
    first = false;
    if (!(text.empty() ? put_string(key) : put_plain_key(text))) return false;
    out_.put_str(key_separator_);
    return encode(value);
  }

  bool encode_dict(Value dict) {
    if (dict_length(dict) == 0) return out_.put("{}"), true;
    Value marker;
    if (!enter(dict, marker)) return false;
    out_.put('{');
    bool first = true;
    if (is_exact(dict, T_dict) && !sort_keys_) {
      std::int64_t pos = 0;
      Value key, value;
      while (dict_next(dict, pos, key, value))
        if (!encode_item(key, value, first)) return false;
    } else {
      Value items = sorted_items(dict);
      if (!items) return false;
      for (std::int64_t i = 0; i < list_length(items); ++i) {
        Value item = list_item(items, i);
        if (!isinstance(item, T_tuple) || tuple_length(item) != 2)
          return raise(t_, exc(E_ValueError), "items must return 2-tuples"), false;
        if (!encode_item(tuple_item(item, 0), tuple_item(item, 1), first)) return false;
      }
    }
    out_.put('}');
    return leave(marker);
  }

  // The dict's items as a new list of pairs (dict.items() for a subclass), sorted when
  // sort_keys asks.
  Value sorted_items(Value dict) {
    Value items;
    if (is_exact(dict, T_dict)) {
      items = list_new(t_);
      if (!items) return {};
      std::int64_t pos = 0;
      Value key, value;
      while (dict_next(dict, pos, key, value)) {
        Value pair[2] = {key, value};
        Value item = tuple_from(t_, pair, 2);
        if (!item || !list_append(t_, items, item)) return {};
      }
    } else {
      Value view = call_method(t_, dict, N_items, nullptr, 0);
      items = view ? list_of(t_, view) : Value();
      if (!items) return {};
    }
    if (sort_keys_) {
      Value sort = getattr(t_, items, intern_literal(t_, "sort"));
      if (!sort || !call0(t_, sort)) return {};
    }
    return items;
  }

  Thread& t_;
  TextOut out_;
  Value markers_, default_, encoder_, key_separator_, item_separator_;
  bool sort_keys_ = false, skipkeys_ = false, allow_nan_ = true;
  FastEncode fast_ = kCallEncoder;
};

INTERP_NATIVE(encoder_call) {
  Value obj;
  std::int64_t indent_level = 0; // unused, as by CPython's encoder
  if (!object_and_index(t, args, nargs, kwnames, "_iterencode", "obj", "_current_indent_level", obj,
                        indent_level))
    return {};
  Encoding e(t, args[0]);
  if (!e.encode(obj)) return {};
  Value text = e.finish();
  return text ? list_from(t, &text, 1) : Value();
}

// _json.Scanner or _json.Encoder: made by `make`, called through `call`, with read-only
// attributes `getters`; set as the module's `attr`.
template <std::size_t N>
bool add_callable_type(Thread& t, Value module, const char* type_name, const char* attr,
                       NativeFn make, NativeFn call, const ModuleFunction (&getters)[N]) {
  Value type = new_type(t, type_name, "_json", Layout::Instance, {}, false);
  if (!type) return false;
  add_staticmethod(t, type, "__new__", make);
  add_method(t, type, "__call__", call);
  for (const ModuleFunction& g : getters)
    add_getter(t, type, g.name, g.fn);
  update_type_flags(type);
  module_set(t, module, attr, type);
  return true;
}

} // namespace

Value make_json_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"scanstring", mod_scanstring},
      {"encode_basestring_ascii", mod_encode_basestring_ascii},
      {"encode_basestring", mod_encode_basestring},
  };
  static const ModuleFunction kScannerGetters[] = {
      {"strict", scanner_field<&ScannerObject::strict>},
      {"object_hook", scanner_field<&ScannerObject::object_hook>},
      {"object_pairs_hook", scanner_field<&ScannerObject::object_pairs_hook>},
      {"parse_float", scanner_field<&ScannerObject::parse_float>},
      {"parse_int", scanner_field<&ScannerObject::parse_int>},
      {"parse_constant", scanner_field<&ScannerObject::parse_constant>},
  };
  static const ModuleFunction kEncoderGetters[] = {
      {"markers", encoder_field<&EncoderObject::markers>},
      {"default", encoder_field<&EncoderObject::defaultfn>},
      {"encoder", encoder_field<&EncoderObject::encoder>},
      {"indent", encoder_field<&EncoderObject::indent>},
      {"key_separator", encoder_field<&EncoderObject::key_separator>},
      {"item_separator", encoder_field<&EncoderObject::item_separator>},
      {"sort_keys", encoder_field<&EncoderObject::sort_keys>},
      {"skipkeys", encoder_field<&EncoderObject::skipkeys>},
  };
  Value m = new_module(t, "_json", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "__doc__", str_from_ascii(t, "json speedups\n"));
  if (!add_callable_type(t, m, "Scanner", "make_scanner", scanner_new, scanner_call,
                         kScannerGetters) ||
      !add_callable_type(t, m, "Encoder", "make_encoder", encoder_new, encoder_call,
                         kEncoderGetters))
    return {};
  return m;
}

} // namespace interp
