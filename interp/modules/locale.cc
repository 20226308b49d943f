// interp/modules/locale.cc - the _locale module: setlocale, localeconv, nl_langinfo,
// strcoll, strxfrm, getencoding, the gettext family and the LC_* and langinfo constants,
// with CPython 3.11's argument handling and error messages. Without it the standard
// library's locale module falls back to an emulation that knows only the "C" locale and
// warns (DeprecationWarning) at each locale.getencoding().
//
// The locale is the process's: setlocale changes it, which cannot be undone, so it makes
// the running transaction inevitable first. The C library's answers are text in the
// locale's encoding, taken as UTF-8 (the locales a Python 3 program runs in) with any other
// byte kept as a lone surrogate, as os.fsdecode does.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/posix_internal.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <string>

namespace interp {

namespace {

Value text(Thread& t, const char* s) {
  return str_from_os_bytes(t, s ? s : "");
}

// The byte string of a str argument (no embedded NUL), or of None as a null pointer.
bool c_string_arg(Thread& t, const char* fn, const char* what, Value v, std::string& out,
                  bool& given, bool none_ok) {
  given = v != none();
  if (!given && none_ok) return true;
  if (!str_check(v)) {
    raisef(t, exc(E_TypeError), "%s() argument %s must be str%s, not %s", fn, what,
           none_ok ? " or None" : "", type_name_of(v).c_str());
    return false;
  }
  if (!str_to_os_bytes(t, v, out)) return false;
  if (out.find('\0') != std::string::npos) {
    raise(t, exc(E_ValueError), "embedded null character");
    return false;
  }
  return true;
}

Value locale_error(Thread& t, const char* message) {
  Value cls = module_attr(t, "_locale", "Error");
  return cls ? raise(t, cls, message) : Value();
}

INTERP_NATIVE(locale_setlocale) {
  if (!check_positional(t, "setlocale", nargs, kwnames, 1, 2, 0)) return {};
  int category;
  if (!posix::int_param(t, args[0], category)) return {};
  std::string name;
  bool given = false;
  if (nargs > 1 && !c_string_arg(t, "setlocale", "2", args[1], name, given, true)) return {};
  if (!given) {
    const char* current = ::setlocale(category, nullptr);
    if (!current) return locale_error(t, "locale query failed");
    return text(t, current);
  }
  stm::become_inevitable("setlocale");
  const char* result = ::setlocale(category, name.c_str());
  if (!result) return locale_error(t, "unsupported locale setting");
  return text(t, result);
}

// A grouping string as CPython lists it: each byte's value up to and including the
// terminating 0 or CHAR_MAX; an empty string is an empty list.
Value grouping_list(Thread& t, const char* s) {
  Value list = list_new(t);
  if (!list || !*s) return list;
  for (std::size_t i = 0;; ++i) {
    if (!list_append(t, list, Value::small_int(static_cast<signed char>(s[i])))) return {};
    if (s[i] == 0 || s[i] == CHAR_MAX) break;
  }
  return list;
}

INTERP_NATIVE(locale_localeconv) {
  if (!check_positional(t, "localeconv", nargs, kwnames, 0, 0, 0)) return {};
  const lconv* lc = ::localeconv();
  Value d = dict_new(t);
  if (!d) return {};
  auto put = [&](const char* key, Value v) {
    Value k = v ? str_from_ascii(t, key) : Value();
    return k && dict_set(t, d, k, v);
  };
  auto number = [](char c) { return Value::small_int(static_cast<signed char>(c)); };
  bool ok = put("int_curr_symbol", text(t, lc->int_curr_symbol)) &&
            put("currency_symbol", text(t, lc->currency_symbol)) &&
            put("mon_decimal_point", text(t, lc->mon_decimal_point)) &&
            put("mon_thousands_sep", text(t, lc->mon_thousands_sep)) &&
            put("mon_grouping", grouping_list(t, lc->mon_grouping)) &&
            put("positive_sign", text(t, lc->positive_sign)) &&
            put("negative_sign", text(t, lc->negative_sign)) &&
            put("int_frac_digits", number(lc->int_frac_digits)) &&
            put("frac_digits", number(lc->frac_digits)) &&
            put("p_cs_precedes", number(lc->p_cs_precedes)) &&
            put("p_sep_by_space", number(lc->p_sep_by_space)) &&
            put("n_cs_precedes", number(lc->n_cs_precedes)) &&
            put("n_sep_by_space", number(lc->n_sep_by_space)) &&
            put("p_sign_posn", number(lc->p_sign_posn)) &&
            put("n_sign_posn", number(lc->n_sign_posn)) &&
            put("decimal_point", text(t, lc->decimal_point)) &&
            put("thousands_sep", text(t, lc->thousands_sep)) &&
            put("grouping", grouping_list(t, lc->grouping));
  return ok ? d : Value();
}

struct LangInfo {
  const char* name;
  nl_item item;
};

constexpr LangInfo kLangInfo[] = {
    {"CODESET", CODESET},
    {"D_T_FMT", D_T_FMT},
    {"D_FMT", D_FMT},
    {"T_FMT", T_FMT},
    {"T_FMT_AMPM", T_FMT_AMPM},
    {"AM_STR", AM_STR},
    {"PM_STR", PM_STR},
    {"DAY_1", DAY_1},
    {"DAY_2", DAY_2},
    {"DAY_3", DAY_3},
    {"DAY_4", DAY_4},
    {"DAY_5", DAY_5},
    {"DAY_6", DAY_6},
    {"DAY_7", DAY_7},
    {"ABDAY_1", ABDAY_1},
    {"ABDAY_2", ABDAY_2},
    {"ABDAY_3", ABDAY_3},
    {"ABDAY_4", ABDAY_4},
    {"ABDAY_5", ABDAY_5},
    {"ABDAY_6", ABDAY_6},
    {"ABDAY_7", ABDAY_7},
    {"MON_1", MON_1},
    {"MON_2", MON_2},
    {"MON_3", MON_3},
    {"MON_4", MON_4},
    {"MON_5", MON_5},
    {"MON_6", MON_6},
    {"MON_7", MON_7},
    {"MON_8", MON_8},
    {"MON_9", MON_9},
    {"MON_10", MON_10},
    {"MON_11", MON_11},
    {"MON_12", MON_12},
    {"ABMON_1", ABMON_1},
    {"ABMON_2", ABMON_2},
    {"ABMON_3", ABMON_3},
    {"ABMON_4", ABMON_4},
    {"ABMON_5", ABMON_5},
    {"ABMON_6", ABMON_6},
    {"ABMON_7", ABMON_7},
    {"ABMON_8", ABMON_8},
    {"ABMON_9", ABMON_9},
    {"ABMON_10", ABMON_10},
    {"ABMON_11", ABMON_11},
    {"ABMON_12", ABMON_12},
    {"RADIXCHAR", RADIXCHAR},
    {"THOUSEP", THOUSEP},
    {"YESEXPR", YESEXPR},
    {"NOEXPR", NOEXPR},
    {"CRNCYSTR", CRNCYSTR},
    {"ERA", ERA},
    {"ERA_D_T_FMT", ERA_D_T_FMT},
    {"ERA_D_FMT", ERA_D_FMT},
    {"ERA_T_FMT", ERA_T_FMT},
    {"ALT_DIGITS", ALT_DIGITS},
    {"_DATE_FMT", _DATE_FMT},
};

INTERP_NATIVE(locale_nl_langinfo) {
  if (!check_positional(t, "nl_langinfo", nargs, kwnames, 1, 1, 0)) return {};
  int key;
  if (!posix::int_param(t, args[0], key)) return {};
  for (const LangInfo& info : kLangInfo)
    if (info.item == key) return text(t, ::nl_langinfo(info.item));
  return raise(t, exc(E_ValueError), "unsupported langinfo constant");
}

// A str argument as the C library's wide characters (wchar_t is a code point here).
bool wide_arg(Thread& t, const char* fn, const char* what, Value v, std::wstring& out) {
  if (!str_check(v))
    return raisef(t, exc(E_TypeError), "%s() argument %s must be str, not %s", fn, what,
                  type_name_of(v).c_str()),
           false;
  std::u32string cps = str_code_points(v);
  out.assign(cps.begin(), cps.end());
  if (out.find(L'\0') != std::wstring::npos)
    return raise(t, exc(E_ValueError), "embedded null character"), false;
  return true;
}

INTERP_NATIVE(locale_strcoll) {
  if (!check_positional(t, "strcoll", nargs, kwnames, 2, 2, 0)) return {};
  std::wstring a, b;
  if (!wide_arg(t, "strcoll", "1", args[0], a) || !wide_arg(t, "strcoll", "2", args[1], b))
    return {};
  return Value::small_int(::wcscoll(a.c_str(), b.c_str()));
}

INTERP_NATIVE(locale_strxfrm) {
  if (!check_positional(t, "strxfrm", nargs, kwnames, 1, 1, 0)) return {};
  std::wstring s;
  if (!wide_arg(t, "strxfrm", "", args[0], s)) return {};
  std::size_t n = ::wcsxfrm(nullptr, s.c_str(), 0);
  std::wstring out(n + 1, L'\0');
  n = ::wcsxfrm(out.data(), s.c_str(), out.size());
  out.resize(n);
  return str_from_code_points(t, std::u32string(out.begin(), out.end()));
}

INTERP_NATIVE(locale_getencoding) {
  if (!check_positional(t, "getencoding", nargs, kwnames, 0, 0, 0)) return {};
  const char* codeset = ::nl_langinfo(CODESET);
  return text(t, codeset && *codeset ? codeset : "utf-8");
}

// ---- gettext -------------------------------------------------------------------------------

INTERP_NATIVE(locale_gettext) {
  if (!check_positional(t, "gettext", nargs, kwnames, 1, 1, 0)) return {};
  std::string msg;
  bool given;
  if (!c_string_arg(t, "gettext", "", args[0], msg, given, false)) return {};
  return text(t, ::gettext(msg.c_str()));
}

INTERP_NATIVE(locale_dgettext) {
  if (!check_positional(t, "dgettext", nargs, kwnames, 2, 2, 0)) return {};
  std::string domain, msg;
  bool has_domain, given;
  if (!c_string_arg(t, "dgettext", "1", args[0], domain, has_domain, true) ||
      !c_string_arg(t, "dgettext", "2", args[1], msg, given, false))
    return {};
  return text(t, ::dgettext(has_domain ? domain.c_str() : nullptr, msg.c_str()));
}

INTERP_NATIVE(locale_dcgettext) {
  if (!check_positional(t, "dcgettext", nargs, kwnames, 3, 3, 0)) return {};
  std::string domain, msg;
  bool has_domain, given;
  int category;
  if (!c_string_arg(t, "dcgettext", "1", args[0], domain, has_domain, true) ||
      !c_string_arg(t, "dcgettext", "2", args[1], msg, given, false) ||
      !posix::int_param(t, args[2], category))
    return {};
  return text(t, ::dcgettext(has_domain ? domain.c_str() : nullptr, msg.c_str(), category));
}

INTERP_NATIVE(locale_textdomain) {
  if (!check_positional(t, "textdomain", nargs, kwnames, 1, 1, 0)) return {};
  std::string domain;
  bool given;
  if (!c_string_arg(t, "textdomain", "", args[0], domain, given, true)) return {};
  if (given) stm::become_inevitable("textdomain");
  const char* r = ::textdomain(given ? domain.c_str() : nullptr);
  if (!r) return raise_os_error(t, errno);
  return text(t, r);
}

INTERP_NATIVE(locale_bindtextdomain) {
  if (!check_positional(t, "bindtextdomain", nargs, kwnames, 2, 2, 0)) return {};
  std::string domain, dir;
  bool given, has_dir = false;
  if (!c_string_arg(t, "bindtextdomain", "1", args[0], domain, given, false)) return {};
  if (args[1] != none()) {
    if (!path_arg(t, args[1], dir)) return {};
    has_dir = true;
  }
  if (domain.empty()) return raise(t, exc(E_ValueError), "empty string");
  if (has_dir) stm::become_inevitable("bindtextdomain");
  const char* r = ::bindtextdomain(domain.c_str(), has_dir ? dir.c_str() : nullptr);
  if (!r) {
    if (!errno) errno = ENOMEM;
    return raise_os_error(t, errno);
  }
  return text(t, r);
}

INTERP_NATIVE(locale_bind_textdomain_codeset) {
  if (!check_positional(t, "bind_textdomain_codeset", nargs, kwnames, 2, 2, 0)) return {};
  std::string domain, codeset;
  bool given, has_codeset;
  if (!c_string_arg(t, "bind_textdomain_codeset", "1", args[0], domain, given, false) ||
      !c_string_arg(t, "bind_textdomain_codeset", "2", args[1], codeset, has_codeset, true))
    return {};
  if (has_codeset) stm::become_inevitable("bind_textdomain_codeset");
  const char* r =
      ::bind_textdomain_codeset(domain.c_str(), has_codeset ? codeset.c_str() : nullptr);
  if (!r) {
    if (errno) return raise_os_error(t, errno);
    return none();
  }
  return text(t, r);
}

} // namespace

Value make_locale_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"setlocale", locale_setlocale},
      {"localeconv", locale_localeconv},
      {"nl_langinfo", locale_nl_langinfo},
      {"strcoll", locale_strcoll},
      {"strxfrm", locale_strxfrm},
      {"getencoding", locale_getencoding},
      {"gettext", locale_gettext},
      {"dgettext", locale_dgettext},
      {"dcgettext", locale_dcgettext},
      {"textdomain", locale_textdomain},
      {"bindtextdomain", locale_bindtextdomain},
      {"bind_textdomain_codeset", locale_bind_textdomain_codeset},
  };
  Value m = new_module(t, "_locale", kFunctions, std::size(kFunctions));
  if (!m) return {};
  // CPython takes LC_CTYPE from the environment at start-up, coercing the C locale to
  // C.UTF-8 unless LC_ALL forces it; nothing can ask before this module is imported.
  const char* ctype = ::setlocale(LC_CTYPE, "");
  const char* forced = std::getenv("LC_ALL");
  if ((!ctype || !std::strcmp(ctype, "C") || !std::strcmp(ctype, "POSIX")) && !(forced && *forced))
    for (const char* utf8 : {"C.UTF-8", "C.utf8", "UTF-8"})
      if (::setlocale(LC_CTYPE, utf8)) break;
  static const std::pair<const char*, int> kConstants[] = {
      {"LC_CTYPE", LC_CTYPE},       {"LC_COLLATE", LC_COLLATE}, {"LC_TIME", LC_TIME},
      {"LC_MONETARY", LC_MONETARY}, {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL},
      {"LC_MESSAGES", LC_MESSAGES}, {"CHAR_MAX", CHAR_MAX},
  };
  for (const auto& [name, value] : kConstants)
    module_set(t, m, name, Value::small_int(value));
  for (const LangInfo& info : kLangInfo)
    module_set(t, m, info.name, Value::small_int(info.item));
  Value error = new_exception_type(t, "Error", "locale", exc(E_Exception));
  if (!error) return {};
  module_set(t, m, "Error", error);
  return m;
}

} // namespace interp
