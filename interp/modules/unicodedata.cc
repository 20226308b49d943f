// interp/modules/unicodedata.cc - the unicodedata module: character properties, names and
// normalization as CPython 3.11 (Unicode 14.0) offers them, and the same functions over
// Unicode 3.2 as the methods of unicodedata.ucd_3_2_0 (for stringprep and the idna codec).
//
// Where each fact comes from: category, bidirectional class, combining class, the mirrored
// flag and the normalization algorithm's data from utf8proc (Unicode 15.0: characters
// assigned in 15.0 have properties here where 3.11 reports them unassigned); numeric
// values, East_Asian_Width, the one-level decomposition mappings and Unicode 3.2's
// differences from 14.0 from the tables of interp/text/unicode_tables.h; names, aliases and
// named sequences from the Unicode 14.0 name table of interp/parse/unicode_names.h.
#include "interp/modules/module_support.h"
#include "interp/ops.h"
#include "interp/parse/unicode_names.h"
#include "interp/text/unicode_props.h"
#include "interp/text/unicode_tables.h"

#include <algorithm>
#include <string>
#include <utf8proc.h>

namespace interp {

Value make_unicodedata_module(Thread& t);

namespace {

namespace tables = text::tables;

// Which data a call reads: the module's functions read Unicode 14.0, the methods of
// ucd_3_2_0 read Unicode 3.2.
enum class Version { current, v3_2 };

// Unicode 3.2 left `cp` unassigned: ucd_3_2_0 reports it as unassigned (but for its digit
// value and East_Asian_Width, as CPython does).
bool unassigned(Version v, char32_t cp) {
  return v == Version::v3_2 &&
         tables::in_ranges(tables::unassigned_3_2, tables::unassigned_3_2_size, cp);
}

// What 3.2 changes at `cp` (nullptr: nothing, or the current version).
const tables::Change3_2* change(Version v, char32_t cp) {
  return v == Version::v3_2 ? tables::find_change_3_2(cp) : nullptr;
}

// The one character of argument `v`. `numbered`: the message names it "argument 1" (the
// functions that take more than one argument).
bool char_arg(Thread& t, const char* fname, Value v, bool numbered, char32_t& out) {
  if (str_check(v) && str_length(v) == 1) {
    out = str_at(v, 0);
    return true;
  }
  raisef(t, exc(E_TypeError), "%s() argument %smust be a unicode character, not %s", fname,
         numbered ? "1 " : "", type_name_of(v).c_str());
  return false;
}

// The one argument of a function of one character; `qualified` names it in count errors
// ("unicodedata.category", "UCD.category").
bool one_char(Thread& t, const char* fname, Version v, const Value* args, std::size_t nargs,
              Value kwnames, char32_t& out) {
  std::string qualified = (v == Version::v3_2 ? "UCD." : "unicodedata.") + std::string(fname);
  return check_positional(t, qualified.c_str(), nargs, kwnames, 1, 1, 0) &&
         char_arg(t, fname, args[0], false, out);
}

const utf8proc_property_t& property(char32_t cp) {
  return *utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
}

// Each function below is written once over a Version; UCD_FUNCTION makes the module's
// function and ucd_3_2_0's method (whose args[0] is the UCD object) from it.
#define UCD_FUNCTION(fn)                                                                           \
  Value fn(Thread& t, Version v, const Value* args, std::size_t nargs, Value kwnames);             \
  INTERP_NATIVE(fn##_current) {                                                                    \
    return fn(t, Version::current, args, nargs, kwnames);                                          \
  }                                                                                                \
  INTERP_NATIVE(fn##_3_2) {                                                                        \
    return fn(t, Version::v3_2, args + 1, nargs - 1, kwnames);                                     \
  }                                                                                                \
  Value fn(Thread& t, [[maybe_unused]] Version v, const Value* args, std::size_t nargs,            \
           Value kwnames)

UCD_FUNCTION(category) {
  char32_t cp;
  if (!one_char(t, "category", v, args, nargs, kwnames, cp)) return {};
  if (unassigned(v, cp)) return str_from_ascii(t, "Cn");
  if (auto c = change(v, cp); c && c->category) return str_from_ascii(t, c->category);
  return str_from_ascii(t, utf8proc_category_string(static_cast<utf8proc_int32_t>(cp)));
}

UCD_FUNCTION(bidirectional) {
  static const char* const kClasses[] = {"",    "L",  "LRE", "LRO", "R",   "AL",  "RLE", "RLO",
                                         "PDF", "EN", "ES",  "ET",  "AN",  "CS",  "NSM", "BN",
                                         "B",   "S",  "WS",  "ON",  "LRI", "RLI", "FSI", "PDI"};
  char32_t cp;
  if (!one_char(t, "bidirectional", v, args, nargs, kwnames, cp)) return {};
  if (unassigned(v, cp)) return str_from_ascii(t, "");
  if (auto c = change(v, cp); c && c->bidirectional) return str_from_ascii(t, c->bidirectional);
  unsigned bidi = static_cast<unsigned>(property(cp).bidi_class);
  return str_from_ascii(t, bidi < std::size(kClasses) ? kClasses[bidi] : "");
}

UCD_FUNCTION(combining) {
  char32_t cp;
  if (!one_char(t, "combining", v, args, nargs, kwnames, cp)) return {};
  return Value::small_int(unassigned(v, cp) ? 0 : property(cp).combining_class);
}

UCD_FUNCTION(mirrored) {
  char32_t cp;
  if (!one_char(t, "mirrored", v, args, nargs, kwnames, cp)) return {};
  if (unassigned(v, cp)) return Value::small_int(0);
  if (auto c = change(v, cp); c && c->mirrored >= 0) return Value::small_int(c->mirrored);
  return Value::small_int(property(cp).bidi_mirrored ? 1 : 0);
}

UCD_FUNCTION(east_asian_width) {
  static const char* const kWidths[] = {"N", "A", "H", "W", "F", "Na"};
  char32_t cp;
  if (!one_char(t, "east_asian_width", v, args, nargs, kwnames, cp)) return {};
  int width = v == Version::v3_2 ? tables::east_asian_width_3_2(cp) : tables::east_asian_width(cp);
  return str_from_ascii(t, kWidths[width]);
}

UCD_FUNCTION(decomposition) {
  char32_t cp;
  if (!one_char(t, "decomposition", v, args, nargs, kwnames, cp)) return {};
  const char* mapping = unassigned(v, cp) ? nullptr : tables::decomposition_mapping(cp);
  return str_from_ascii(t, mapping ? mapping : "");
}

// decimal(chr, default), digit(...), numeric(...): the value, else `default` when given,
// else ValueError(`missing`).
template <typename Lookup>
Value numeric_property(Thread& t, const char* fname, const Value* args, std::size_t nargs,
                       Value kwnames, const char* missing, Lookup lookup) {
  char32_t cp;
  if (!check_positional(t, fname, nargs, kwnames, 1, 2, 0) ||
      !char_arg(t, fname, args[0], true, cp))
    return {};
  if (Value value = lookup(cp)) return value;
  if (t.pending) return {};
  if (nargs == 2) return args[1];
  return raise(t, exc(E_ValueError), missing);
}

UCD_FUNCTION(decimal) {
  return numeric_property(t, "decimal", args, nargs, kwnames, "not a decimal", [&](char32_t cp) {
    if (unassigned(v, cp)) return Value();
    if (auto c = change(v, cp); c && c->decimal != -2)
      return c->decimal >= 0 ? Value::small_int(c->decimal) : Value();
    auto value = text::decimal_value(cp);
    return value ? Value::small_int(*value) : Value();
  });
}

// Unicode 3.2 reads as 14.0 here, unassigned code points included (as CPython).
UCD_FUNCTION(digit) {
  return numeric_property(t, "digit", args, nargs, kwnames, "not a digit", [&](char32_t cp) {
    auto value = text::digit_value(cp);
    return value ? Value::small_int(*value) : Value();
  });
}

UCD_FUNCTION(numeric) {
  return numeric_property(t, "numeric", args, nargs, kwnames, "not a numeric character",
                          [&](char32_t cp) {
                            auto value = unassigned(v, cp) ? std::nullopt : text::numeric_value(cp);
                            return value ? float_new(t, *value) : Value();
                          });
}

UCD_FUNCTION(name) {
  char32_t cp;
  if (!check_positional(t, "name", nargs, kwnames, 1, 2, 0) ||
      !char_arg(t, "name", args[0], true, cp))
    return {};
  if (!unassigned(v, cp))
    if (auto n = parse::unicode_name(cp)) return str_from_ascii(t, *n);
  if (nargs == 2) return args[1];
  return raise(t, exc(E_ValueError), "no such name");
}

// lookup(name): the character (or named sequence) called `name`, a str or bytes. Unicode
// 3.2 has no aliases or named sequences, and of the names of characters it did not assign
// it takes only the CJK unified ideographs' (as CPython).
UCD_FUNCTION(lookup) {
  if (!check_positional(t, v == Version::v3_2 ? "UCD.lookup" : "unicodedata.lookup", nargs, kwnames,
                        1, 1, 0))
    return {};
  Value arg = args[0];
  std::string name;
  if (str_check(arg)) {
    // The name as strict UTF-8: a lone surrogate is str.encode's UnicodeEncodeError.
    std::u32string cps = str_code_points(arg);
    auto surrogate = [](char32_t c) { return c >= 0xD800 && c < 0xE000; };
    if (std::any_of(cps.begin(), cps.end(), surrogate)) {
      Value encode = getattr(t, type_value(T_str), intern_literal(t, "encode"));
      Value encoded = encode ? call1(t, encode, arg) : Value();
      if (!encoded) return {};
      name = std::string(bytes_view(encoded));
    } else {
      name = str_utf8(arg);
    }
  } else if (arg.is_object() && isinstance(arg, T_bytes)) {
    name = std::string(bytes_view(arg));
  } else if (arg.is_object() && isinstance(arg, T_bytearray)) {
    return raisef(t, exc(E_TypeError),
                  "lookup() argument must be read-only bytes-like object, not bytearray");
  } else {
    return raisef(t, exc(E_TypeError), "a bytes-like object is required, not '%s'",
                  type_name_of(arg).c_str());
  }
  if (name.size() > 256) return raise(t, exc(E_KeyError), "name too long");
  bool current = v == Version::current;
  if (auto cp = parse::lookup_unicode_name(name, current)) {
    if (!unassigned(v, *cp) || name.starts_with("CJK UNIFIED IDEOGRAPH-"))
      return str_from_code_point(t, *cp);
  } else if (current) {
    if (auto seq = parse::lookup_named_sequence(name)) return str_from_code_points(t, *seq);
  }
  // CPython formats the name as a C string: it ends at the first NUL.
  std::string shown = name.substr(0, name.find('\0'));
  return raise(t, exc(E_KeyError), "undefined character name '" + shown + "'");
}

enum class Form { nfc, nfd, nfkc, nfkd };

// normalize(form, unistr) and is_normalized(form, unistr): the form and the string.
bool normalization_args(Thread& t, const char* fname, const Value* args, std::size_t nargs,
                        Value kwnames, Form& form) {
  if (!check_positional(t, fname, nargs, kwnames, 2, 2, 0)) return false;
  for (int i = 0; i < 2; i++)
    if (!str_check(args[i])) {
      raisef(t, exc(E_TypeError), "%s() argument %d must be str, not %s", fname, i + 1,
             type_name_of(args[i]).c_str());
      return false;
    }
  if (str_equal_ascii(args[0], "NFC"))
    form = Form::nfc;
  else if (str_equal_ascii(args[0], "NFD"))
    form = Form::nfd;
  else if (str_equal_ascii(args[0], "NFKC"))
    form = Form::nfkc;
  else if (str_equal_ascii(args[0], "NFKD"))
    form = Form::nfkd;
  else
    return raise(t, exc(E_ValueError), "invalid normalization form"), false;
  return true;
}

// The normalization form `form` of `in`: full decomposition (canonical, or compatibility
// for the K forms) with utf8proc, canonical ordering (a stable sort of each run of
// non-starters by combining class), then for the C forms utf8proc's canonical composition.
// Lone surrogates pass through as starters without a decomposition. Unicode 3.2 differs
// only in the decomposition: what it left unassigned stays as it is, and the few mappings
// NormalizationCorrections.txt later fixed are its old ones (ordering and composition
// read the current data, as CPython's do).
std::u32string normalized(const std::u32string& in, Form form, Version v) {
  bool compat = form == Form::nfkc || form == Form::nfkd;
  bool compose = form == Form::nfc || form == Form::nfkc;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                (compat ? UTF8PROC_COMPAT : 0));
  std::vector<utf8proc_int32_t> buffer;
  buffer.reserve(in.size() + 8);
  utf8proc_int32_t piece[32]; // the longest full decomposition (U+FDFA's) has 18
  for (std::size_t i = 0; i < in.size(); i++) {
    if ((i & 0xffff) == 0xffff) stm::safe_point(); // a long string is a long loop
    auto cp = static_cast<utf8proc_int32_t>(in[i]);
    utf8proc_ssize_t n = 1;
    piece[0] = cp;
    if (auto c = change(v, in[i]); c && c->decomposition) {
      piece[0] = static_cast<utf8proc_int32_t>(c->decomposition);
    } else if (!unassigned(v, in[i])) {
      int boundclass = 0;
      n = utf8proc_decompose_char(cp, piece, std::size(piece), options, &boundclass);
      // utf8proc refuses only values outside Unicode, which a str does not hold.
      if (n < 0 || n > static_cast<utf8proc_ssize_t>(std::size(piece))) {
        piece[0] = cp;
        n = 1;
      }
    }
    buffer.insert(buffer.end(), piece, piece + n);
  }
  auto ccc = [](utf8proc_int32_t c) { return utf8proc_get_property(c)->combining_class; };
  for (std::size_t i = 0; i < buffer.size();) {
    if (ccc(buffer[i]) == 0) {
      i++;
      continue;
    }
    std::size_t end = i;
    while (end < buffer.size() && ccc(buffer[end]) != 0)
      end++;
    std::stable_sort(buffer.begin() + static_cast<std::ptrdiff_t>(i),
                     buffer.begin() + static_cast<std::ptrdiff_t>(end),
                     [&](utf8proc_int32_t a, utf8proc_int32_t b) { return ccc(a) < ccc(b); });
    i = end;
  }
  std::size_t length = buffer.size();
  if (compose && length) {
    auto compose_options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                          (compat ? UTF8PROC_COMPAT : 0));
    utf8proc_ssize_t n = utf8proc_normalize_utf32(
        buffer.data(), static_cast<utf8proc_ssize_t>(length), compose_options);
    if (n >= 0) length = static_cast<std::size_t>(n);
  }
  std::u32string out;
  out.reserve(length);
  for (std::size_t i = 0; i < length; i++)
    out += static_cast<char32_t>(buffer[i]);
  return out;
}

UCD_FUNCTION(normalize) {
  Form form;
  if (!normalization_args(t, "normalize", args, nargs, kwnames, form)) return {};
  std::u32string in = str_code_points(args[1]);
  std::u32string out = normalized(in, form, v);
  if (out == in) return args[1];
  return str_from_code_points(t, out);
}

UCD_FUNCTION(is_normalized) {
  Form form;
  if (!normalization_args(t, "is_normalized", args, nargs, kwnames, form)) return {};
  std::u32string in = str_code_points(args[1]);
  return py_bool(normalized(in, form, v) == in);
}

#undef UCD_FUNCTION

struct Function {
  const char* name;
  NativeFn current;
  NativeFn v3_2;
};

const Function kFunctions[] = {
    {"category", category_current, category_3_2},
    {"bidirectional", bidirectional_current, bidirectional_3_2},
    {"combining", combining_current, combining_3_2},
    {"mirrored", mirrored_current, mirrored_3_2},
    {"east_asian_width", east_asian_width_current, east_asian_width_3_2},
    {"decomposition", decomposition_current, decomposition_3_2},
    {"decimal", decimal_current, decimal_3_2},
    {"digit", digit_current, digit_3_2},
    {"numeric", numeric_current, numeric_3_2},
    {"name", name_current, name_3_2},
    {"lookup", lookup_current, lookup_3_2},
    {"normalize", normalize_current, normalize_3_2},
    {"is_normalized", is_normalized_current, is_normalized_3_2},
};

// UCD() cannot be called: ucd_3_2_0 is its one instance.
INTERP_NATIVE(ucd_new) {
  return raise(t, exc(E_TypeError), "cannot create 'unicodedata.UCD' instances");
}

} // namespace

Value make_unicodedata_module(Thread& t) {
  ModuleFunction functions[std::size(kFunctions)];
  for (std::size_t i = 0; i < std::size(kFunctions); i++)
    functions[i] = {kFunctions[i].name, kFunctions[i].current};
  Value m = new_module(t, "unicodedata", functions, std::size(functions));
  if (!m) return {};
  Value ucd = new_type(t, "UCD", "unicodedata", Layout::Instance, {}, false);
  if (!ucd) return {};
  add_staticmethod(t, ucd, "__new__", ucd_new);
  for (const Function& f : kFunctions)
    add_method(t, ucd, f.name, f.v3_2);
  add_attribute(t, ucd, "unidata_version", str_from_ascii(t, "3.2.0"));
  update_type_flags(ucd);
  Value ucd_3_2_0 = allocate(t, Layout::Instance, ucd, sizeof(Object));
  if (!ucd_3_2_0) return {};
  module_set(t, m, "UCD", ucd);
  module_set(t, m, "ucd_3_2_0", ucd_3_2_0);
  module_set(t, m, "unidata_version", str_from_ascii(t, "14.0.0"));
  module_set(t, m, "__doc__",
             str_from_ascii(t, "Access to the Unicode Character Database (version 14.0.0): "
                               "character properties, names and normalization."));
  return m;
}

} // namespace interp
