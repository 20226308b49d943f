// interp/objects/exception_group.cc - BaseExceptionGroup and ExceptionGroup (PEP 654):
// construction with 3.11's checks, message/exceptions, derive/split/subgroup, and the two
// operations the VM needs for except*: matching a clause against the exception in flight
// and assembling what is left to re-raise after the last clause.
//
// A group keeps its message in extra[0] and its exceptions (a tuple) in extra[1]; args
// stays as given, so repr shows the list a program passed.
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <algorithm>
#include <vector>

namespace interp {

namespace {

bool is_group(Value v) {
  return exception_check(v) && is_subtype(type_of(v), exc(E_BaseExceptionGroup));
}

Value group_message(Value eg) {
  return rd<ExceptionObject>(eg)->extra[0];
}
Value group_excs(Value eg) {
  return rd<ExceptionObject>(eg)->extra[1];
}

bool is_exception_class(Value v) {
  return v.is_object() && is_layout(v, Layout::Type) && is_subtype(v, exc(E_BaseException));
}

// A sequence in the sense of PySequence_Check: indexable and not a mapping.
bool looks_like_sequence(Thread& t, Value v) {
  if (!v.is_object()) return false;
  if (isinstance(v, T_dict)) return false;
  return type_lookup(type_of(v), name(N___getitem__)) != Value() && !t.pending;
}

INTERP_NATIVE(group_new) {
  Value cls = args[0];
  std::size_t nkw = keyword_count(kwnames);
  if (!is_layout(cls, Layout::Type) || !is_subtype(cls, exc(E_BaseExceptionGroup))) {
    std::string n = is_layout(cls, Layout::Type) ? type_name(cls) : type_name_of(cls);
    return raisef(t, exc(E_TypeError),
                  "BaseExceptionGroup.__new__(%s): %s is not a subtype of BaseExceptionGroup",
                  n.c_str(), n.c_str());
  }
  if (nkw)
    return raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", type_name(cls).c_str());
  std::size_t npos = nargs - 1;
  if (npos != 2)
    return raisef(t, exc(E_TypeError),
                  "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", npos);
  Value message = args[1], given = args[2];
  if (!str_check(message))
    return raisef(t, exc(E_TypeError),
                  "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                  type_name_of(message).c_str());
  if (!looks_like_sequence(t, given)) {
    if (t.pending) return {};
    return raise(t, exc(E_TypeError), "second argument (exceptions) must be a sequence");
  }
  Value excs = isinstance(given, T_tuple) && is_exact(given, T_tuple) ? given : tuple_of(t, given);
  if (!excs) return {};
  std::int64_t n = tuple_length(excs);
  if (n == 0)
    return raise(t, exc(E_ValueError), "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (std::int64_t i = 0; i < n; ++i) {
    Value e = tuple_item(excs, i);
    if (!exception_check(e))
      return raisef(t, exc(E_ValueError),
                    "Item %lld of second argument (exceptions) is not an "
                    "exception",
                    (long long)i);
    if (!is_subtype(type_of(e), exc(E_Exception))) nested_base = true;
  }
  if (cls == exc(E_BaseExceptionGroup)) {
    if (!nested_base) cls = exc(E_ExceptionGroup);
  } else if (cls == exc(E_ExceptionGroup)) {
    if (nested_base)
      return raise(t, exc(E_TypeError), "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && is_subtype(cls, exc(E_Exception))) {
    return raisef(t, exc(E_TypeError), "Cannot nest BaseExceptions in '%s'",
                  type_name(cls).c_str());
  }
  Value a = tuple_from(t, args + 1, 2);
  if (!a) return {};
  Value self = allocate(t, Layout::Exception, cls, sizeof(ExceptionObject));
  if (!self) return {};
  ExceptionObject* o = fresh<ExceptionObject>(self);
  o->args = a;
  o->traceback = none();
  o->cause = none();
  o->context = none();
  o->suppress_context = runtime().false_;
  o->extra[0] = message;
  o->extra[1] = excs;
  return self;
}

INTERP_NATIVE(group_str) {
  Value self = args[0];
  std::int64_t n = tuple_length(group_excs(self));
  std::string text = str_utf8(group_message(self)) + " (" + std::to_string(n) + " sub-exception" +
                     (n == 1 ? "" : "s") + ")";
  return str_from_utf8(t, text);
}

INTERP_NATIVE(group_message_get) {
  return group_message(args[0]);
}

INTERP_NATIVE(group_exceptions_get) {
  return group_excs(args[0]);
}

INTERP_NATIVE(group_derive) {
  if (!check_positional(t, "derive", nargs, kwnames, 1, 1)) return {};
  Value argv[2] = {group_message(args[0]), args[1]};
  return call(t, exc(E_BaseExceptionGroup), argv, 2);
}

// How split/subgroup (and the VM's re-raise bookkeeping) decide that a leaf belongs to
// the matching part.
enum class MatchBy { Type, Predicate, Leaves };
struct Matcher {
  MatchBy by;
  Value value;               // exception class or tuple of them, or the predicate
  std::vector<Value> leaves; // MatchBy::Leaves: the exceptions kept (reachable elsewhere)
};

bool matcher_from(Thread& t, Value v, Matcher& m) {
  if (is_callable(v) && !(v.is_object() && is_layout(v, Layout::Type))) {
    m.by = MatchBy::Predicate;
    m.value = v;
    return true;
  }
  bool ok = is_exception_class(v);
  if (!ok && v.is_object() && is_exact(v, T_tuple)) {
    ok = true;
    for (std::int64_t i = 0; i < tuple_length(v); ++i)
      if (!is_exception_class(tuple_item(v, i))) ok = false;
  }
  if (!ok) {
    raise(t, exc(E_TypeError), "expected a function, exception type or tuple of exception types");
    return false;
  }
  m.by = MatchBy::Type;
  m.value = v;
  return true;
}

bool instance_of_class_or_tuple(Value e, Value cls) {
  Value type = type_of(e);
  if (cls.is_object() && is_layout(cls, Layout::Tuple)) {
    for (std::int64_t i = 0; i < tuple_length(cls); ++i)
      if (is_subtype(type, tuple_item(cls, i))) return true;
    return false;
  }
  return is_subtype(type, cls);
}

// 1 match, 0 not, -1 error.
int check_match(Thread& t, Value e, const Matcher& m) {
  switch (m.by) {
  case MatchBy::Type:
    return instance_of_class_or_tuple(e, m.value) ? 1 : 0;
  case MatchBy::Predicate: {
    Value r = call1(t, m.value, e);
    if (!r) return -1;
    return truthy(t, r);
  }
  case MatchBy::Leaves:
    if (is_group(e)) return 0;
    return std::find(m.leaves.begin(), m.leaves.end(), e) != m.leaves.end() ? 1 : 0;
  }
  return 0;
}

// A group like `orig` holding `items` (a list): made by orig.derive, then given orig's
// traceback, cause, context and a copy of its notes. 0 (no error) when items is empty.
bool subset(Thread& t, Value orig, Value items, Value& out) {
  out = {};
  if (list_length(items) == 0) return true;
  Value derive = getattr(t, orig, intern_literal(t, "derive"));
  if (!derive) return false;
  Value eg = call1(t, derive, items);
  if (!eg) return false;
  if (!is_group(eg)) {
    raise(t, exc(E_TypeError), "derive must return an instance of BaseExceptionGroup");
    return false;
  }
  const ExceptionObject* o = rd<ExceptionObject>(orig);
  Value tb = o->traceback, cause = o->cause, context = o->context;
  ExceptionObject* w = wr<ExceptionObject>(eg);
  w->traceback = tb;
  w->cause = cause;
  w->context = context;
  // Setting the cause (even to None) marks the context as suppressed, as CPython does.
  w->suppress_context = runtime().true_;
  Value notes = getattr_opt(t, orig, name(N___notes__));
  if (t.pending) return false;
  if (notes && looks_like_sequence(t, notes)) {
    Value copy = list_of(t, notes);
    if (!copy || !setattr(t, eg, name(N___notes__), copy)) return false;
  }
  out = eg;
  return true;
}

bool split_recursive(Thread& t, Value e, const Matcher& m, bool want_rest, Value& match,
                     Value& rest) {
  match = {};
  rest = {};
  // Groups nested deeper than the recursion limit raise, as CPython's, before the native
  // stack runs out.
  CRecursion guard(t, " in exceptiongroup_split_recursive");
  if (!guard) return false;
  int is_match = check_match(t, e, m);
  if (is_match < 0) return false;
  if (is_match) {
    match = e;
    return true;
  }
  if (!is_group(e)) {
    if (want_rest) rest = e;
    return true;
  }
  Value matched = list_new(t);
  Value rests = want_rest ? list_new(t) : Value();
  if (!matched || (want_rest && !rests)) return false;
  Value excs = group_excs(e);
  for (std::int64_t i = 0; i < tuple_length(excs); ++i) {
    Value sub_match, sub_rest;
    if (!split_recursive(t, tuple_item(excs, i), m, want_rest, sub_match, sub_rest)) return false;
    if (sub_match && !list_append(t, matched, sub_match)) return false;
    if (sub_rest && !list_append(t, rests, sub_rest)) return false;
  }
  if (!subset(t, e, matched, match)) return false;
  if (want_rest && !subset(t, e, rests, rest)) return false;
  return true;
}

INTERP_NATIVE(group_split) {
  if (!check_positional(t, "split", nargs, kwnames, 1, 1)) return {};
  Matcher m;
  if (!matcher_from(t, args[1], m)) return {};
  Value match, rest;
  if (!split_recursive(t, args[0], m, true, match, rest)) return {};
  Value items[2] = {match ? match : none(), rest ? rest : none()};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(group_subgroup) {
  if (!check_positional(t, "subgroup", nargs, kwnames, 1, 1)) return {};
  Matcher m;
  if (!matcher_from(t, args[1], m)) return {};
  Value match, rest;
  if (!split_recursive(t, args[0], m, false, match, rest)) return {};
  return match ? match : none();
}

INTERP_NATIVE(group_class_getitem) {
  // types.GenericAlias lives in a module the VM may not have loaded; the class itself
  // is what a subscript in an annotation needs at run time.
  Value types = call1(t, getattr(t, runtime().builtins_module, intern_literal(t, "__import__")),
                      intern_literal(t, "types"));
  if (!types) return {};
  Value alias = getattr(t, types, intern_literal(t, "GenericAlias"));
  if (!alias) return {};
  return call2(t, alias, args[0], args[1]);
}

// The leaves in depth-first order, with a stack of its own: a group may nest deeper than
// the native stack reaches.
void collect_leaves(Value e, std::vector<Value>& out) {
  std::vector<Value> pending{e};
  while (!pending.empty()) {
    Value v = pending.back();
    pending.pop_back();
    if (!v || v == none()) continue;
    if (!is_group(v)) {
      out.push_back(v);
      continue;
    }
    Value excs = group_excs(v);
    for (std::int64_t i = tuple_length(excs); i-- > 0;)
      pending.push_back(tuple_item(excs, i));
  }
}

bool same_metadata(Value a, Value b) {
  const ExceptionObject* x = rd<ExceptionObject>(a);
  const ExceptionObject* y = rd<ExceptionObject>(b);
  return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

} // namespace

bool exception_group_match(Thread& t, Value exception, Value match_type, Value& match,
                           Value& rest) {
  match = none();
  rest = none();
  if (exception == none()) return true;
  if (instance_of_class_or_tuple(exception, match_type)) {
    if (is_group(exception)) {
      match = exception;
      return true;
    }
    // A naked exception is wrapped in a group that carries its traceback.
    Value excs = tuple_from(t, &exception, 1);
    if (!excs) return false;
    Value argv[2] = {runtime().empty_str, excs};
    Value wrapped = call(t, exc(E_BaseExceptionGroup), argv, 2);
    if (!wrapped) return false;
    Value tb = rd<ExceptionObject>(exception)->traceback;
    wr<ExceptionObject>(wrapped)->traceback = tb;
    match = wrapped;
    return true;
  }
  if (is_group(exception)) {
    Matcher m{MatchBy::Type, match_type, {}};
    Value mt, rt;
    if (!split_recursive(t, exception, m, true, mt, rt)) return false;
    match = mt ? mt : none();
    rest = rt ? rt : none();
  }
  return true;
}

Value exception_group_prep_reraise(Thread& t, Value orig, Value excs) {
  std::int64_t n = list_length(excs);
  if (n == 0) return none();
  if (!is_group(orig)) {
    // Only one clause can have run for a naked exception.
    return list_item(excs, 0);
  }
  Value raised = list_new(t);
  Value reraised = list_new(t);
  if (!raised || !reraised) return {};
  for (std::int64_t i = 0; i < n; ++i) {
    Value e = list_item(excs, i);
    if (e == none()) continue;
    if (!list_append(t, same_metadata(e, orig) ? reraised : raised, e)) return {};
  }
  // The part of the original group that was re-raised, as a projection of its leaves.
  Matcher keep{MatchBy::Leaves, {}, {}};
  for (std::int64_t i = 0; i < list_length(reraised); ++i)
    collect_leaves(list_item(reraised, i), keep.leaves);
  Value kept, unused;
  if (!split_recursive(t, orig, keep, false, kept, unused)) return {};
  if (list_length(raised) == 0) return kept ? kept : none();
  if (kept && !list_append(t, raised, kept)) return {};
  Value argv[2] = {runtime().empty_str, raised};
  return call(t, exc(E_BaseExceptionGroup), argv, 2);
}

void init_exception_group_type(Thread& t) {
  Value b = exc(E_BaseExceptionGroup);
  add_staticmethod(t, b, "__new__", group_new);
  add_method(t, b, "__str__", group_str);
  add_getter(t, b, "message", group_message_get);
  add_getter(t, b, "exceptions", group_exceptions_get);
  add_method(t, b, "derive", group_derive);
  add_method(t, b, "split", group_split);
  add_method(t, b, "subgroup", group_subgroup);
  add_classmethod(t, b, "__class_getitem__", group_class_getitem);
  update_type_flags(b);
}

} // namespace interp
