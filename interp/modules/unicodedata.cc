// interp/modules/unicodedata.cc - the unicodedata module: character properties, names and
// normalization as CPython 3.11 (Unicode 14.0) offers them.
//
// Where each fact comes from: category, bidirectional class, combining class, the mirrored
// flag and the normalization algorithm's data from utf8proc (Unicode 15.0: characters
// assigned in 15.0 have properties here where 3.11 reports them unassigned); numeric
// values, East_Asian_Width and the one-level decomposition mappings from the Unicode 14.0
// tables of interp/text/unicode_tables.h; names, aliases and named sequences from the
// Unicode 14.0 name table of interp/parse/unicode_names.h. ucd_3_2_0 (the Unicode 3.2 data
// that stringprep and the idna codec use) and the UCD class are not provided.
#include "interp/modules/module_support.h"
#include "interp/parse/unicode_names.h"
#include "interp/text/unicode_props.h"
#include "interp/text/unicode_tables.h"

#include <algorithm>
#include <string>
#include <utf8proc.h>

namespace interp {

Value make_unicodedata_module(Thread& t);

namespace {

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

// The one argument of a function of one character.
bool one_char(Thread& t, const char* fname, const char* qualified, const Value* args,
              std::size_t nargs, Value kwnames, char32_t& out) {
  return check_positional(t, qualified, nargs, kwnames, 1, 1, 0) &&
         char_arg(t, fname, args[0], false, out);
}

const utf8proc_property_t& property(char32_t cp) {
  return *utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
}

INTERP_NATIVE(category) {
  char32_t cp;
  if (!one_char(t, "category", "unicodedata.category", args, nargs, kwnames, cp)) return {};
  return str_from_ascii(t, utf8proc_category_string(static_cast<utf8proc_int32_t>(cp)));
}

INTERP_NATIVE(bidirectional) {
  static const char* const kClasses[] = {"",    "L",  "LRE", "LRO", "R",   "AL",  "RLE", "RLO",
                                         "PDF", "EN", "ES",  "ET",  "AN",  "CS",  "NSM", "BN",
                                         "B",   "S",  "WS",  "ON",  "LRI", "RLI", "FSI", "PDI"};
  char32_t cp;
  if (!one_char(t, "bidirectional", "unicodedata.bidirectional", args, nargs, kwnames, cp))
    return {};
  unsigned bidi = static_cast<unsigned>(property(cp).bidi_class);
  return str_from_ascii(t, bidi < std::size(kClasses) ? kClasses[bidi] : "");
}

INTERP_NATIVE(combining) {
  char32_t cp;
  if (!one_char(t, "combining", "unicodedata.combining", args, nargs, kwnames, cp)) return {};
  return Value::small_int(property(cp).combining_class);
}

INTERP_NATIVE(mirrored) {
  char32_t cp;
  if (!one_char(t, "mirrored", "unicodedata.mirrored", args, nargs, kwnames, cp)) return {};
  return Value::small_int(property(cp).bidi_mirrored ? 1 : 0);
}

INTERP_NATIVE(east_asian_width) {
  static const char* const kWidths[] = {"N", "A", "H", "W", "F", "Na"};
  char32_t cp;
  if (!one_char(t, "east_asian_width", "unicodedata.east_asian_width", args, nargs, kwnames, cp))
    return {};
  return str_from_ascii(t, kWidths[text::tables::east_asian_width(cp)]);
}

INTERP_NATIVE(decomposition) {
  char32_t cp;
  if (!one_char(t, "decomposition", "unicodedata.decomposition", args, nargs, kwnames, cp))
    return {};
  const char* mapping = text::tables::decomposition_mapping(cp);
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
  if (Value v = lookup(cp)) return v;
  if (t.pending) return {};
  if (nargs == 2) return args[1];
  return raise(t, exc(E_ValueError), missing);
}

INTERP_NATIVE(decimal) {
  return numeric_property(t, "decimal", args, nargs, kwnames, "not a decimal", [&](char32_t cp) {
    auto v = text::decimal_value(cp);
    return v ? Value::small_int(*v) : Value();
  });
}

INTERP_NATIVE(digit) {
  return numeric_property(t, "digit", args, nargs, kwnames, "not a digit", [&](char32_t cp) {
    auto v = text::digit_value(cp);
    return v ? Value::small_int(*v) : Value();
  });
}

INTERP_NATIVE(numeric) {
  return numeric_property(t, "numeric", args, nargs, kwnames, "not a numeric character",
                          [&](char32_t cp) {
                            auto v = text::numeric_value(cp);
                            return v ? float_new(t, *v) : Value();
                          });
}

INTERP_NATIVE(name) {
  char32_t cp;
  if (!check_positional(t, "name", nargs, kwnames, 1, 2, 0) ||
      !char_arg(t, "name", args[0], true, cp))
    return {};
  if (auto n = parse::unicode_name(cp)) return str_from_ascii(t, *n);
  if (nargs == 2) return args[1];
  return raise(t, exc(E_ValueError), "no such name");
}

// lookup(name): the character (or named sequence) called `name`, a str or bytes.
INTERP_NATIVE(lookup) {
  if (!check_positional(t, "unicodedata.lookup", nargs, kwnames, 1, 1, 0)) return {};
  Value arg = args[0];
  std::string name;
  if (str_check(arg)) {
    name = str_utf8(arg);
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
  if (auto cp = parse::lookup_unicode_name(name)) return str_from_code_point(t, *cp);
  if (auto seq = parse::lookup_named_sequence(name)) return str_from_code_points(t, *seq);
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
// Lone surrogates pass through as starters without a decomposition.
std::u32string normalized(const std::u32string& in, Form form) {
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
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, piece, std::size(piece), options, &boundclass);
    // utf8proc refuses only values outside Unicode, which a str does not hold.
    if (n < 0 || n > static_cast<utf8proc_ssize_t>(std::size(piece))) {
      piece[0] = cp;
      n = 1;
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

INTERP_NATIVE(normalize) {
  Form form;
  if (!normalization_args(t, "normalize", args, nargs, kwnames, form)) return {};
  std::u32string in = str_code_points(args[1]);
  std::u32string out = normalized(in, form);
  if (out == in) return args[1];
  return str_from_code_points(t, out);
}

INTERP_NATIVE(is_normalized) {
  Form form;
  if (!normalization_args(t, "is_normalized", args, nargs, kwnames, form)) return {};
  std::u32string in = str_code_points(args[1]);
  return py_bool(normalized(in, form) == in);
}

} // namespace

Value make_unicodedata_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"category", category},
      {"bidirectional", bidirectional},
      {"combining", combining},
      {"mirrored", mirrored},
      {"east_asian_width", east_asian_width},
      {"decomposition", decomposition},
      {"decimal", decimal},
      {"digit", digit},
      {"numeric", numeric},
      {"name", name},
      {"lookup", lookup},
      {"normalize", normalize},
      {"is_normalized", is_normalized},
  };
  Value m = new_module(t, "unicodedata", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "unidata_version", str_from_ascii(t, "14.0.0"));
  module_set(t, m, "__doc__",
             str_from_ascii(t, "Access to the Unicode Character Database (version 14.0.0): "
                               "character properties, names and normalization."));
  return m;
}

} // namespace interp
