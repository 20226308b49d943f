// interp/modules/sre/sre_module.cc - the _sre module: what re/_compiler.py asks of the
// C side (compile, the case helpers, MAGIC and the limits), with the classes of
// sre_pattern.cc, sre_match.cc and sre_scanner.cc.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/sre/sre_chars.h"
#include "interp/modules/sre/sre_constants.h"
#include "interp/modules/sre/sre_objects.h"
#include "interp/ops.h"

namespace interp::sre {

namespace {

INTERP_NATIVE(sre_compile) {
  Value a[6];
  if (!bind_args(t, "compile", args, nargs, kwnames,
                 {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, 6, a, 0))
    return {};
  // The classes live in the module; compile runs once per distinct pattern (re caches).
  Value module = import_module(t, "_sre");
  if (!module) return {};
  Value types[3];
  const char* names[3] = {"Pattern", "Match", "SRE_Scanner"};
  for (int i = 0; i < 3; ++i) {
    types[i] = getattr(t, module, intern_literal(t, names[i]));
    if (!types[i]) return {};
  }
  return compile_pattern(t, types[0], types[1], types[2], a);
}

INTERP_NATIVE(sre_getcodesize) {
  if (!check_positional(t, "getcodesize", nargs, kwnames, 0, 0, 0)) return {};
  return Value::small_int(kCodeSize);
}

// The case helpers take one code point.
bool code_point_arg(Thread& t, const char* fname, const Value* args, std::size_t nargs,
                    Value kwnames, std::uint32_t& out) {
  if (!check_positional(t, fname, nargs, kwnames, 1, 1, 0)) return false;
  std::int64_t v;
  if (!int_check(args[0])) {
    raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
           type_name_of(args[0]).c_str());
    return false;
  }
  if (!index_to_i64(t, args[0], v)) return false;
  out = std::uint32_t(v);
  return true;
}

INTERP_NATIVE(sre_ascii_iscased) {
  std::uint32_t ch;
  if (!code_point_arg(t, "ascii_iscased", args, nargs, kwnames, ch)) return {};
  return py_bool(ascii_iscased(ch));
}
INTERP_NATIVE(sre_unicode_iscased) {
  std::uint32_t ch;
  if (!code_point_arg(t, "unicode_iscased", args, nargs, kwnames, ch)) return {};
  return py_bool(unicode_iscased(ch));
}
INTERP_NATIVE(sre_ascii_tolower) {
  std::uint32_t ch;
  if (!code_point_arg(t, "ascii_tolower", args, nargs, kwnames, ch)) return {};
  return int_from_i64(t, lower_ascii(ch));
}
INTERP_NATIVE(sre_unicode_tolower) {
  std::uint32_t ch;
  if (!code_point_arg(t, "unicode_tolower", args, nargs, kwnames, ch)) return {};
  return int_from_i64(t, lower_unicode(ch));
}

} // namespace

} // namespace interp::sre

namespace interp {

Value make_sre_module(Thread& t) {
  using namespace sre;
  static const ModuleFunction kFunctions[] = {
      {"compile", sre_compile},
      {"getcodesize", sre_getcodesize},
      {"ascii_iscased", sre_ascii_iscased},
      {"unicode_iscased", sre_unicode_iscased},
      {"ascii_tolower", sre_ascii_tolower},
      {"unicode_tolower", sre_unicode_tolower},
  };
  Value m = new_module(t, "_sre", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "MAGIC", int_from_i64(t, kMagic));
  module_set(t, m, "CODESIZE", int_from_i64(t, kCodeSize));
  module_set(t, m, "MAXREPEAT", int_from_i64(t, kMaxRepeat));
  module_set(t, m, "MAXGROUPS", int_from_i64(t, kMaxGroups));
  module_set(t, m, "copyright", str_from_ascii(t, "SRE 2.2.2 (pypy-stm's own engine)"));
  Value pattern = make_pattern_type(t);
  Value match = make_match_type(t);
  Value scanner = make_scanner_type(t);
  if (!pattern || !match || !scanner) return {};
  module_set(t, m, "Pattern", pattern);
  module_set(t, m, "Match", match);
  module_set(t, m, "SRE_Scanner", scanner);
  return m;
}

} // namespace interp
