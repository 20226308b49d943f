// interp/modules/sre/sre_match.cc - re.Match, one successful match: the groups' spans
// over the subject, read back as text (group, groups, groupdict), as positions (start,
// end, span, regs) or through a template (expand, which is re._expand's Python code).
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/sre/sre_objects.h"
#include "interp/ops.h"

namespace interp::sre {

namespace {

const MatchObject* match_of(Value m) {
  return ro<MatchObject>(m);
}

std::int64_t group_count(Value m) {
  return tuple_length(match_of(m)->spans) / 2;
}

std::int64_t span_at(Value m, std::int64_t i) {
  return small(tuple_item(match_of(m)->spans, i));
}

// A group given by number or name; -1 with IndexError (or the lookup's error).
std::int64_t group_index(Thread& t, Value m, Value g) {
  std::int64_t i = -1;
  if (!g) return 0;
  if (int_check(g) || lookup_special(t, g, N___index__)) {
    if (t.pending) return -1;
    if (!index_to_i64(t, g, i)) {
      if (!matches(t, exc(E_OverflowError))) return -1;
      clear_pending(t);
      i = -1;
    }
  } else {
    if (t.pending) return -1;
    bool error = false;
    Value found = dict_get(t, pattern_of(match_of(m)->re)->groupindex, g, error);
    if (error) return -1;
    if (found && int_check(found) && !int_to_i64(found, i)) i = -1;
  }
  if (i < 0 || i >= group_count(m)) {
    raise(t, exc(E_IndexError), "no such group");
    return -1;
  }
  return i;
}

Value group_value(Thread& t, Value m, std::int64_t g, Value missing) {
  std::int64_t from = span_at(m, 2 * g), to = span_at(m, 2 * g + 1);
  if (from < 0 || to < 0) return missing;
  return slice_text(t, match_of(m)->text, from, to);
}

INTERP_NATIVE(match_group) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "group() takes no keyword arguments");
  Value self = args[0];
  if (nargs <= 2) {
    std::int64_t g = group_index(t, self, nargs == 2 ? args[1] : Value());
    if (g < 0) return {};
    return group_value(t, self, g, none());
  }
  Value out = tuple_new(t, nargs - 1);
  if (!out) return {};
  for (std::size_t i = 1; i < nargs; ++i) {
    std::int64_t g = group_index(t, self, args[i]);
    if (g < 0) return {};
    Value v = group_value(t, self, g, none());
    if (!v) return {};
    tuple_init(out, i - 1, v);
  }
  return out;
}

INTERP_NATIVE(match_getitem) {
  if (!check_positional(t, "__getitem__", nargs, kwnames, 1, 1)) return {};
  std::int64_t g = group_index(t, args[0], args[1]);
  if (g < 0) return {};
  return group_value(t, args[0], g, none());
}

INTERP_NATIVE(match_groups) {
  Value a[1];
  if (!bind_args(t, "groups", args, nargs, kwnames, {"default"}, 0, a)) return {};
  Value missing = a[0] ? a[0] : none();
  std::int64_t n = group_count(args[0]);
  Value out = tuple_new(t, std::size_t(n - 1));
  if (!out) return {};
  for (std::int64_t g = 1; g < n; ++g) {
    Value v = group_value(t, args[0], g, missing);
    if (!v) return {};
    tuple_init(out, std::size_t(g - 1), v);
  }
  return out;
}

INTERP_NATIVE(match_groupdict) {
  Value a[1];
  if (!bind_args(t, "groupdict", args, nargs, kwnames, {"default"}, 0, a)) return {};
  Value missing = a[0] ? a[0] : none();
  Value out = dict_new(t);
  if (!out) return {};
  Value index = pattern_of(match_of(args[0])->re)->groupindex;
  std::int64_t pos = 0;
  Value key, value;
  while (dict_next(index, pos, key, value)) {
    std::int64_t g = group_index(t, args[0], key);
    if (g < 0) return {};
    Value v = group_value(t, args[0], g, missing);
    if (!v || !dict_set(t, out, key, v)) return {};
  }
  return out;
}

// start(), end(), span(): the group's positions, -1 when it did not take part.
Value position(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* fname,
               int which) {
  if (!check_positional(t, fname, nargs, kwnames, 0, 1)) return {};
  std::int64_t g = group_index(t, args[0], nargs == 2 ? args[1] : Value());
  if (g < 0) return {};
  std::int64_t from = span_at(args[0], 2 * g), to = span_at(args[0], 2 * g + 1);
  if (from < 0 || to < 0) from = to = -1;
  if (which == 0) return Value::small_int(from);
  if (which == 1) return Value::small_int(to);
  Value pair[2] = {Value::small_int(from), Value::small_int(to)};
  return tuple_from(t, pair, 2);
}

INTERP_NATIVE(match_start) {
  return position(t, args, nargs, kwnames, "start", 0);
}
INTERP_NATIVE(match_end) {
  return position(t, args, nargs, kwnames, "end", 1);
}
INTERP_NATIVE(match_span) {
  return position(t, args, nargs, kwnames, "span", 2);
}

INTERP_NATIVE(match_expand) {
  Value a[1];
  if (!bind_args(t, "expand", args, nargs, kwnames, {"template"}, 1, a)) return {};
  Value re = import_module(t, "re");
  if (!re) return {};
  Value expand = getattr(t, re, intern_literal(t, "_expand"));
  if (!expand) return {};
  Value call_args[3] = {match_of(args[0])->re, args[0], a[0]};
  return call(t, expand, call_args, 3);
}

INTERP_NATIVE(match_regs) {
  std::int64_t n = group_count(args[0]);
  Value out = tuple_new(t, std::size_t(n));
  if (!out) return {};
  for (std::int64_t g = 0; g < n; ++g) {
    std::int64_t from = span_at(args[0], 2 * g), to = span_at(args[0], 2 * g + 1);
    if (from < 0 || to < 0) from = to = -1;
    Value pair[2] = {Value::small_int(from), Value::small_int(to)};
    Value span = tuple_from(t, pair, 2);
    if (!span) return {};
    tuple_init(out, std::size_t(g), span);
  }
  return out;
}

INTERP_NATIVE(match_string) {
  return match_of(args[0])->string;
}
INTERP_NATIVE(match_re) {
  return match_of(args[0])->re;
}
INTERP_NATIVE(match_pos) {
  return match_of(args[0])->pos;
}
INTERP_NATIVE(match_endpos) {
  return match_of(args[0])->endpos;
}
INTERP_NATIVE(match_lastindex) {
  Value v = match_of(args[0])->lastindex;
  return small(v) < 0 ? none() : v;
}
INTERP_NATIVE(match_lastgroup) {
  std::int64_t i = small(match_of(args[0])->lastindex);
  Value names = pattern_of(match_of(args[0])->re)->indexgroup;
  if (i < 0 || i >= tuple_length(names)) return none();
  return tuple_item(names, i);
}

INTERP_NATIVE(match_repr) {
  Value whole = group_value(t, args[0], 0, none());
  if (!whole) return {};
  Value r = repr(t, whole);
  if (!r) return {};
  std::string text = "<re.Match object; span=(" + std::to_string(span_at(args[0], 0)) + ", " +
                     std::to_string(span_at(args[0], 1)) + "), match=" + str_utf8(r) + ">";
  return str_from_utf8(t, text);
}

INTERP_NATIVE(match_new) {
  return raise(t, exc(E_TypeError), "cannot create 're.Match' instances");
}

} // namespace

Value make_match_type(Thread& t) {
  Value type = new_type(t, "Match", "re", Layout::Instance, {}, false);
  if (!type) return {};
  add_staticmethod(t, type, "__new__", match_new);
  add_method(t, type, "group", match_group);
  add_method(t, type, "__getitem__", match_getitem);
  add_method(t, type, "groups", match_groups);
  add_method(t, type, "groupdict", match_groupdict);
  add_method(t, type, "start", match_start);
  add_method(t, type, "end", match_end);
  add_method(t, type, "span", match_span);
  add_method(t, type, "expand", match_expand);
  add_method(t, type, "__repr__", match_repr);
  add_method(t, type, "__copy__", copy_self);
  add_method(t, type, "__deepcopy__", deepcopy_self);
  add_classmethod(t, type, "__class_getitem__", class_getitem);
  add_getter(t, type, "string", match_string);
  add_getter(t, type, "re", match_re);
  add_getter(t, type, "pos", match_pos);
  add_getter(t, type, "endpos", match_endpos);
  add_getter(t, type, "lastindex", match_lastindex);
  add_getter(t, type, "lastgroup", match_lastgroup);
  add_getter(t, type, "regs", match_regs);
  update_type_flags(type);
  return type;
}

} // namespace interp::sre
