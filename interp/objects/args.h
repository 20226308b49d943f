// interp/objects/args.h - checking the arguments of native functions, with CPython's
// wording of the TypeErrors.
#pragma once

#include "interp/objects/objects.h"

#include <cstddef>
#include <initializer_list>
#include <string>

namespace interp {

// The signature every native function has (see NativeFn).
#define INTERP_NATIVE(fn_name)                                                                     \
  static Value fn_name([[maybe_unused]] Thread& t, [[maybe_unused]] const Value* args,             \
                       [[maybe_unused]] std::size_t nargs, [[maybe_unused]] Value kwnames)

inline std::size_t keyword_count(Value kwnames) {
  return kwnames ? static_cast<std::size_t>(tuple_length(kwnames)) : 0;
}

// Methods count `self` in nargs; `self_count` (1 for methods, 0 for functions) is not
// reported in messages. Positional only; any keyword is an error.
bool check_positional(Thread& t, const char* what, std::size_t nargs, Value kwnames,
                      std::size_t min, std::size_t max, std::size_t self_count = 1);

// The same with the wording of the functions that CPython parses with a format string
// ("f() takes at most 3 arguments (4 given)").
bool check_argument_count(Thread& t, const char* what, std::size_t nargs, Value kwnames,
                          std::size_t min, std::size_t max, std::size_t self_count = 1);

// Whether builtin type `builtin`'s method `method` (N___new__ or N___init__) refuses
// keyword arguments when making or initializing an instance of `cls`: CPython's list,
// tuple, set, frozenset and float accept them (and ignore them) only for a subclass that
// overrides the other of __new__ and __init__ (`other`), which gets them too.
bool refuses_keywords(Value cls, TypeId builtin, NameId other);

// Finds keyword argument `name` among the keywords; its value or 0.
Value keyword_arg(Value kwnames, const Value* args, std::size_t nargs, const char* name);
// Raises TypeError for the first keyword not in `allowed` (a null-terminated list).
// `clinic_wording`: the message of CPython's functions whose parsing Argument Clinic
// generates ("'x' is an invalid keyword argument for f()").
bool check_keywords(Thread& t, const char* what, Value kwnames, const char* const* allowed,
                    bool clinic_wording = false);

// For a function with parameters `names` (at most 8) of which the first `posonly` are
// positional only: check_named_keywords refuses any other keyword (Argument Clinic's
// wording); bind_arguments, once the caller has checked the count of positional
// arguments, sets out[i] to names[i]'s argument (0 when absent) and refuses a missing one
// among the first `required`.
bool check_named_keywords(Thread& t, const char* fname, Value kwnames,
                          std::initializer_list<const char*> names, std::size_t posonly);
bool bind_arguments(Thread& t, const char* fname, const Value* args, std::size_t nargs,
                    Value kwnames, std::initializer_list<const char*> names, std::size_t posonly,
                    std::size_t required, Value* out);
// Both, after refusing more arguments than `names` or more positional ones than those
// before the last `kwonly` names ("f() takes at most N arguments (M given)"): what a
// function parsed by Argument Clinic does.
bool parse_arguments(Thread& t, const char* fname, const Value* args, std::size_t nargs,
                     Value kwnames, std::initializer_list<const char*> names, std::size_t posonly,
                     std::size_t required, Value* out, std::size_t kwonly = 0);

} // namespace interp
