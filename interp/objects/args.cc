// interp/objects/args.cc - argument checks of native functions.
#include "interp/objects/args.h"

#include <cstring>

namespace interp {

bool check_positional(Thread& t, const char* what, std::size_t nargs, Value kwnames,
                      std::size_t min, std::size_t max, std::size_t self_count) {
  std::size_t nkw = keyword_count(kwnames);
  if (nkw) {
    raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", what);
    return false;
  }
  std::size_t given = nargs - self_count;
  if (given >= min && given <= max) return true;
  if (min == max && max == 0)
    raisef(t, exc(E_TypeError), "%s() takes no arguments (%zu given)", what, given);
  else if (min == max && max == 1)
    raisef(t, exc(E_TypeError), "%s() takes exactly one argument (%zu given)", what, given);
  else if (given < min)
    raisef(t, exc(E_TypeError), "%s expected %s%zu argument%s, got %zu", what,
           min == max ? "" : "at least ", min, min == 1 ? "" : "s", given);
  else
    raisef(t, exc(E_TypeError), "%s expected %s%zu argument%s, got %zu", what,
           min == max ? "" : "at most ", max, max == 1 ? "" : "s", given);
  return false;
}

bool check_argument_count(Thread& t, const char* what, std::size_t nargs, Value kwnames,
                          std::size_t min, std::size_t max, std::size_t self_count) {
  if (keyword_count(kwnames)) {
    raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", what);
    return false;
  }
  std::size_t given = nargs - self_count;
  if (given >= min && given <= max) return true;
  std::size_t bound = given < min ? min : max;
  raisef(t, exc(E_TypeError), "%s() takes %s %zu argument%s (%zu given)", what,
         min == max    ? "exactly"
         : given < min ? "at least"
                       : "at most",
         bound, bound == 1 ? "" : "s", given);
  return false;
}

bool refuses_keywords(Value cls, TypeId builtin, NameId other) {
  Value b = type_value(builtin);
  return cls == b || type_lookup(cls, name(other)) == type_lookup(b, name(other));
}

bool check_named_keywords(Thread& t, const char* fname, Value kwnames,
                          std::initializer_list<const char*> names, std::size_t posonly) {
  const char* allowed[9] = {};
  std::size_t nallowed = 0;
  for (std::size_t i = posonly; i < names.size() && nallowed < 8; ++i)
    allowed[nallowed++] = names.begin()[i];
  return check_keywords(t, fname, kwnames, allowed, true);
}

bool bind_arguments(Thread& t, const char* fname, const Value* args, std::size_t nargs,
                    Value kwnames, std::initializer_list<const char*> names, std::size_t posonly,
                    std::size_t required, Value* out) {
  std::size_t npos = nargs - keyword_count(kwnames);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i < npos && i >= posonly && keyword_arg(kwnames, args, nargs, names.begin()[i])) {
      raisef(t, exc(E_TypeError), "argument for %s() given by name ('%s') and position (%zu)",
             fname, names.begin()[i], i + 1);
      return false;
    }
    out[i] = i < npos       ? args[i]
             : i >= posonly ? keyword_arg(kwnames, args, nargs, names.begin()[i])
                            : Value();
    if (!out[i] && i < required) {
      raisef(t, exc(E_TypeError), "%s() missing required argument '%s' (pos %zu)", fname,
             names.begin()[i], i + 1);
      return false;
    }
  }
  return true;
}

bool parse_arguments(Thread& t, const char* fname, const Value* args, std::size_t nargs,
                     Value kwnames, std::initializer_list<const char*> names, std::size_t posonly,
                     std::size_t required, Value* out, std::size_t kwonly) {
  std::size_t nkw = keyword_count(kwnames), npos = nargs - nkw;
  std::size_t most = names.size(), most_positional = most - kwonly;
  if (npos + nkw > most) {
    raisef(t, exc(E_TypeError), "%s() takes at most %zu %sargument%s (%zu given)", fname, most,
           npos ? "" : "keyword ", most == 1 ? "" : "s", npos + nkw);
    return false;
  }
  if (npos > most_positional) {
    if (most_positional == 0)
      raisef(t, exc(E_TypeError), "%s() takes no positional arguments", fname);
    else
      raisef(t, exc(E_TypeError), "%s() takes %s %zu positional argument%s (%zu given)", fname,
             required < most_positional ? "at most" : "exactly", most_positional,
             most_positional == 1 ? "" : "s", npos);
    return false;
  }
  // A missing argument is reported before an unknown keyword, as Argument Clinic does.
  return bind_arguments(t, fname, args, nargs, kwnames, names, posonly, required, out) &&
         check_named_keywords(t, fname, kwnames, names, posonly);
}

Value keyword_arg(Value kwnames, const Value* args, std::size_t nargs, const char* key) {
  if (!kwnames) return {};
  std::size_t nkw = keyword_count(kwnames);
  for (std::size_t i = 0; i < nkw; ++i)
    if (str_equal_ascii(tuple_item(kwnames, std::int64_t(i)), key)) return args[nargs - nkw + i];
  return {};
}

bool check_keywords(Thread& t, const char* what, Value kwnames, const char* const* allowed,
                    bool clinic_wording) {
  std::size_t nkw = keyword_count(kwnames);
  for (std::size_t i = 0; i < nkw; ++i) {
    Value k = tuple_item(kwnames, std::int64_t(i));
    bool ok = false;
    for (const char* const* a = allowed; *a; ++a)
      if (str_equal_ascii(k, *a)) ok = true;
    if (!ok) {
      if (clinic_wording)
        raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for %s()",
               str_utf8(k).c_str(), what);
      else
        raisef(t, exc(E_TypeError), "%s() got an unexpected keyword argument '%s'", what,
               str_utf8(k).c_str());
      return false;
    }
  }
  return true;
}

} // namespace interp
