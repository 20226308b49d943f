// interp/modules/sre/sre_pattern.cc - re.Pattern, the compiled regular expression: what
// _sre.compile makes from re/_compiler.py's code words, and its methods (match, search,
// findall, finditer, split, sub...), which run the engine and build the results.
//
// The loops over successive matches (findall, split, sub) follow CPython 3.7+'s rule for
// empty matches: after an empty match the next one may start at the same place only if
// it is not empty too (`must_advance`), so "x*" splits and substitutes between every
// character, next to non-empty matches as well.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/sre/sre_constants.h"
#include "interp/modules/sre/sre_objects.h"
#include "interp/ops.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace interp::sre {

namespace {

bool is_pattern(Value self, Value other) {
  return other.is_object() && type_of(other) == type_of(self);
}

// One run over `string`: 0 with an exception, None, or the Match.
enum class Mode { Match, FullMatch, Search };
Value run_once(Thread& t, Value self, Value string, Value pos_arg, Value endpos_arg, Mode mode) {
  Value text;
  std::int64_t pos, endpos;
  if (!read_range(t, pos_arg, endpos_arg, pos, endpos) || !subject_text(t, self, string, text))
    return {};
  clamp_range(text_length(text), pos, endpos);
  MatchRequest req = make_request(self, text, pos, endpos);
  req.match_all = mode == Mode::FullMatch;
  MatchResult result;
  bool found = mode == Mode::Search ? search(req, result) : match_at(req, result);
  if (!found) return none();
  return make_match(t, self, string, text, pos, endpos, result);
}

Value match_method(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                   const char* fname, Mode mode) {
  Value a[3];
  if (!bind_args(t, fname, args, nargs, kwnames, {"string", "pos", "endpos"}, 1, a)) return {};
  return run_once(t, args[0], a[0], a[1], a[2], mode);
}

INTERP_NATIVE(pattern_match) {
  return match_method(t, args, nargs, kwnames, "match", Mode::Match);
}
INTERP_NATIVE(pattern_fullmatch) {
  return match_method(t, args, nargs, kwnames, "fullmatch", Mode::FullMatch);
}
INTERP_NATIVE(pattern_search) {
  return match_method(t, args, nargs, kwnames, "search", Mode::Search);
}

// The value of group g of a result: its text, or `missing` when it did not take part.
Value group_text(Thread& t, Value text, const MatchResult& r, std::int64_t g, Value missing) {
  std::int64_t from = r.spans[2 * g], to = r.spans[2 * g + 1];
  if (from < 0 || to < 0) return missing;
  return slice_text(t, text, from, to);
}

INTERP_NATIVE(pattern_findall) {
  Value a[3];
  if (!bind_args(t, "findall", args, nargs, kwnames, {"string", "pos", "endpos"}, 1, a)) return {};
  Value self = args[0], text;
  std::int64_t pos, endpos;
  if (!read_range(t, a[1], a[2], pos, endpos) || !subject_text(t, self, a[0], text)) return {};
  clamp_range(text_length(text), pos, endpos);
  std::int64_t groups = small(pattern_of(self)->groups);
  Value out = list_new(t);
  if (!out) return {};
  Value empty = empty_like(t, text);
  if (!empty) return {};
  MatchRequest req = make_request(self, text, pos, endpos);
  MatchResult r;
  while (req.pos <= endpos && search(req, r)) {
    Value item;
    if (groups == 0) {
      item = slice_text(t, text, r.spans[0], r.spans[1]);
    } else if (groups == 1) {
      item = group_text(t, text, r, 1, empty);
    } else {
      item = tuple_new(t, std::size_t(groups));
      for (std::int64_t g = 1; item && g <= groups; ++g) {
        Value v = group_text(t, text, r, g, empty);
        if (!v) return {};
        tuple_init(item, std::size_t(g - 1), v);
      }
    }
    if (!item || !list_append(t, out, item)) return {};
    req.must_advance = r.spans[1] == r.spans[0];
    req.pos = r.spans[1];
  }
  return out;
}

INTERP_NATIVE(pattern_scanner) {
  Value a[3];
  if (!bind_args(t, "scanner", args, nargs, kwnames, {"string", "pos", "endpos"}, 1, a)) return {};
  return make_scanner(t, args[0], a[0], a[1], a[2]);
}

INTERP_NATIVE(pattern_finditer) {
  Value a[3];
  if (!bind_args(t, "finditer", args, nargs, kwnames, {"string", "pos", "endpos"}, 1, a)) return {};
  Value scanner = make_scanner(t, args[0], a[0], a[1], a[2]);
  if (!scanner) return {};
  Value search_fn = getattr(t, scanner, intern_literal(t, "search"));
  if (!search_fn) return {};
  Value it = iterator_new(t, T_callable_iterator, search_fn);
  if (it) fresh<IteratorObject>(it)->extra = none();
  return it;
}

INTERP_NATIVE(pattern_split) {
  Value a[2];
  if (!bind_args(t, "split", args, nargs, kwnames, {"string", "maxsplit"}, 1, a)) return {};
  Value self = args[0], text;
  if (!subject_text(t, self, a[0], text)) return {};
  std::int64_t maxsplit = 0;
  if (a[1] && !index_to_i64(t, a[1], maxsplit)) return {};
  std::int64_t groups = small(pattern_of(self)->groups);
  std::int64_t length = text_length(text);
  Value out = list_new(t);
  if (!out) return {};
  MatchRequest req = make_request(self, text, 0, length);
  MatchResult r;
  std::int64_t last = 0, n = 0;
  while ((maxsplit == 0 || n < maxsplit) && req.pos <= length && search(req, r)) {
    Value piece = slice_text(t, text, last, r.spans[0]);
    if (!piece || !list_append(t, out, piece)) return {};
    for (std::int64_t g = 1; g <= groups; ++g) {
      Value v = group_text(t, text, r, g, none());
      if (!v || !list_append(t, out, v)) return {};
    }
    ++n;
    req.must_advance = r.spans[1] == r.spans[0];
    last = req.pos = r.spans[1];
  }
  Value rest = slice_text(t, text, last, length);
  if (!rest || !list_append(t, out, rest)) return {};
  return out;
}

// Whether a str or bytes-like replacement contains a backslash (and so is a template).
bool has_backslash(Thread& t, Value repl, bool& is_text) {
  is_text = true;
  if (repl.is_object() && layout_of(repl) == Layout::Str) {
    std::int64_t n = str_length(repl);
    for (std::int64_t i = 0; i < n; ++i)
      if (str_at(repl, i) == '\\') return true;
    return false;
  }
  std::string data;
  bool error = false;
  if (repl.is_object() && buffer_contents(t, repl, data, error))
    return data.find('\\') != std::string::npos;
  if (error) clear_pending(t);
  is_text = false;
  return false;
}

Value substitute(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* fname,
                 bool with_count) {
  Value a[3];
  if (!bind_args(t, fname, args, nargs, kwnames, {"repl", "string", "count"}, 2, a)) return {};
  Value self = args[0], repl = a[0], string = a[1];
  std::int64_t count = 0;
  if (a[2] && !index_to_i64(t, a[2], count)) return {};
  // The replacement: a callable, a literal, or what re._subx makes of a template (a
  // literal again, or a callable that expands it).
  Value filter = repl;
  bool call_filter = is_callable(repl);
  if (!call_filter) {
    bool is_text;
    if (has_backslash(t, repl, is_text) || !is_text) {
      Value re = import_module(t, "re");
      if (!re) return {};
      Value subx = getattr(t, re, intern_literal(t, "_subx"));
      if (!subx) return {};
      filter = call2(t, subx, self, repl);
      if (!filter) return {};
      call_filter = is_callable(filter);
    }
  }
  Value text;
  if (!subject_text(t, self, string, text)) return {};
  std::int64_t length = text_length(text);
  Value pieces = list_new(t);
  if (!pieces) return {};
  MatchRequest req = make_request(self, text, 0, length);
  MatchResult r;
  std::int64_t i = 0, n = 0;
  while ((count == 0 || n < count) && req.pos <= length && search(req, r)) {
    std::int64_t b = r.spans[0], e = r.spans[1];
    if (i < b) {
      Value piece = slice_text(t, text, i, b);
      if (!piece || !list_append(t, pieces, piece)) return {};
    }
    Value item = filter;
    if (call_filter) {
      Value m = make_match(t, self, string, text, 0, length, r);
      if (!m) return {};
      item = call1(t, filter, m);
      if (!item) return {};
    }
    if (!is_none(item) && !list_append(t, pieces, item)) return {};
    i = e;
    ++n;
    req.must_advance = e == b;
    req.pos = e;
  }
  if (i < length) {
    Value piece = slice_text(t, text, i, length);
    if (!piece || !list_append(t, pieces, piece)) return {};
  }
  Value joiner = empty_like(t, text);
  if (!joiner) return {};
  Value result;
  if (list_length(pieces) == 0) {
    result = joiner;
  } else {
    Value join = getattr(t, joiner, intern_literal(t, "join"));
    if (!join) return {};
    result = call1(t, join, pieces);
    if (!result) return {};
  }
  if (!with_count) return result;
  Value pair[2] = {result, int_from_i64(t, n)};
  return tuple_from(t, pair, 2);
}

INTERP_NATIVE(pattern_sub) {
  return substitute(t, args, nargs, kwnames, "sub", false);
}
INTERP_NATIVE(pattern_subn) {
  return substitute(t, args, nargs, kwnames, "subn", true);
}

// ---- attributes, comparison, repr --------------------------------------------------------------

INTERP_NATIVE(pattern_pattern) {
  return pattern_of(args[0])->pattern;
}
INTERP_NATIVE(pattern_flags) {
  return pattern_of(args[0])->flags;
}
INTERP_NATIVE(pattern_groups) {
  return pattern_of(args[0])->groups;
}
INTERP_NATIVE(pattern_groupindex) {
  // Read-only, as CPython's: a copy behind a mappingproxy (a plain empty dict when there
  // are no named groups).
  Value copy = dict_copy(t, pattern_of(args[0])->groupindex);
  if (!copy || dict_length(copy) == 0) return copy;
  return mappingproxy_new(t, copy);
}

INTERP_NATIVE(pattern_repr) {
  const PatternObject* p = pattern_of(args[0]);
  std::int64_t flags = 0;
  Value flags_v = p->flags;
  int_to_i64(flags_v, flags);
  bool is_str = small(p->kind) == 0;
  Value r = repr(t, pattern_of(args[0])->pattern);
  if (!r) return {};
  std::u32string shown = str_code_points(r);
  if (shown.size() > 200) shown.resize(200);
  Value shown_str = str_from_code_points(t, shown);
  if (!shown_str) return {};
  std::string text = "re.compile(" + str_utf8(shown_str);
  if (is_str && (flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII)) == FLAG_UNICODE)
    flags &= ~std::int64_t(FLAG_UNICODE);
  if (flags) {
    static const std::pair<std::int64_t, const char*> kNames[] = {
        {FLAG_TEMPLATE, "re.TEMPLATE"}, {FLAG_IGNORECASE, "re.IGNORECASE"},
        {FLAG_LOCALE, "re.LOCALE"},     {FLAG_MULTILINE, "re.MULTILINE"},
        {FLAG_DOTALL, "re.DOTALL"},     {FLAG_UNICODE, "re.UNICODE"},
        {FLAG_VERBOSE, "re.VERBOSE"},   {FLAG_DEBUG, "re.DEBUG"},
        {FLAG_ASCII, "re.ASCII"},
    };
    std::string names;
    for (auto& [bit, name] : kNames) {
      if (flags & bit) {
        if (!names.empty()) names += "|";
        names += name;
        flags &= ~bit;
      }
    }
    if (flags) {
      char hex[32];
      std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(flags));
      if (!names.empty()) names += "|";
      names += hex;
    }
    text += ", " + names;
  }
  return str_from_utf8(t, text + ")");
}

INTERP_NATIVE(pattern_eq) {
  Value self = args[0], other = args[1];
  if (!is_pattern(self, other)) return runtime().not_implemented;
  if (self == other) return py_bool(true);
  const PatternObject* a = pattern_of(self);
  const PatternObject* b = pattern_of(other);
  if (small(a->kind) != small(b->kind) || bytes_view(a->code) != bytes_view(b->code))
    return py_bool(false);
  int same_flags = equal(t, a->flags, b->flags);
  if (same_flags <= 0) return same_flags < 0 ? Value() : py_bool(false);
  int same = equal(t, pattern_of(self)->pattern, pattern_of(other)->pattern);
  if (same < 0) return {};
  return py_bool(same);
}

INTERP_NATIVE(pattern_ne) {
  Value r = pattern_eq(t, args, nargs, kwnames);
  if (!r || r == runtime().not_implemented) return r;
  return py_bool(r == runtime().false_);
}

INTERP_NATIVE(pattern_hash) {
  std::int64_t h1, h2;
  if (!hash(t, pattern_of(args[0])->pattern, h1)) return {};
  if (!hash(t, pattern_of(args[0])->code, h2)) return {};
  std::int64_t flags = 0;
  int_to_i64(pattern_of(args[0])->flags, flags);
  // Unsigned: the product wraps, as CPython's hash arithmetic does, instead of overflowing.
  auto h = std::int64_t(std::uint64_t(h1) ^ (std::uint64_t(h2) * 1000003u) ^ std::uint64_t(flags));
  if (h == -1) h = -2;
  return int_from_i64(t, h);
}

INTERP_NATIVE(pattern_new) {
  return raise(t, exc(E_TypeError), "cannot create 're.Pattern' instances");
}

} // namespace

Value make_pattern_type(Thread& t) {
  Value type = new_type(t, "Pattern", "re", Layout::Instance, {}, false);
  if (!type) return {};
  make_weakrefable(type); // caches keep compiled patterns weakly
  add_staticmethod(t, type, "__new__", pattern_new);
  add_method(t, type, "match", pattern_match);
  add_method(t, type, "fullmatch", pattern_fullmatch);
  add_method(t, type, "search", pattern_search);
  add_method(t, type, "findall", pattern_findall);
  add_method(t, type, "finditer", pattern_finditer);
  add_method(t, type, "scanner", pattern_scanner);
  add_method(t, type, "split", pattern_split);
  add_method(t, type, "sub", pattern_sub);
  add_method(t, type, "subn", pattern_subn);
  add_method(t, type, "__repr__", pattern_repr);
  add_method(t, type, "__eq__", pattern_eq);
  add_method(t, type, "__ne__", pattern_ne);
  add_method(t, type, "__hash__", pattern_hash);
  add_method(t, type, "__copy__", copy_self);
  add_method(t, type, "__deepcopy__", deepcopy_self);
  add_classmethod(t, type, "__class_getitem__", class_getitem);
  add_getter(t, type, "pattern", pattern_pattern);
  add_getter(t, type, "flags", pattern_flags);
  add_getter(t, type, "groups", pattern_groups);
  add_getter(t, type, "groupindex", pattern_groupindex);
  update_type_flags(type);
  return type;
}

Value compile_pattern(Thread& t, Value pattern_type, Value match_type, Value scanner_type,
                      const Value* args) {
  Value pattern = args[0], flags = args[1], code_list = args[2];
  if (!int_check(flags))
    return raisef(t, exc(E_TypeError), "an integer is required (got type %s)",
                  type_name_of(flags).c_str());
  if (!code_list.is_object() || !isinstance(code_list, T_list))
    return raisef(t, exc(E_TypeError), "compile() argument 'code' must be list, not %s",
                  type_name_of(code_list).c_str());
  std::int64_t groups;
  if (!index_to_i64(t, args[3], groups)) return {};
  if (!dict_check(args[4]))
    return raisef(t, exc(E_TypeError), "compile() argument 'groupindex' must be dict, not %s",
                  type_name_of(args[4]).c_str());
  if (!args[5].is_object() || !isinstance(args[5], T_tuple))
    return raisef(t, exc(E_TypeError), "compile() argument 'indexgroup' must be tuple, not %s",
                  type_name_of(args[5]).c_str());
  std::int64_t n = list_length(code_list);
  std::string words(std::size_t(n) * sizeof(std::uint32_t), '\0');
  for (std::int64_t i = 0; i < n; ++i) {
    Value item = list_item(code_list, i);
    std::int64_t v;
    if (!int_check(item)) return raisef(t, exc(E_TypeError), "an integer is required");
    if (!int_to_i64(item, v) || v < 0 || v > 0xffffffffLL)
      return raise(t, exc(E_OverflowError), "regular expression code size limit exceeded");
    std::uint32_t w = std::uint32_t(v);
    std::memcpy(&words[std::size_t(i) * sizeof w], &w, sizeof w);
  }
  if (groups < 0 || groups > kMaxGroups ||
      !code_is_valid(reinterpret_cast<const std::uint32_t*>(words.data()), std::size_t(n), groups))
    return raise(t, exc(E_RuntimeError), "invalid SRE code");
  std::int64_t kind = -1;
  if (!is_none(pattern)) {
    if (pattern.is_object() && layout_of(pattern) == Layout::Str) {
      kind = 0;
    } else {
      std::string data;
      bool error = false;
      if (!buffer_contents(t, pattern, data, error)) {
        if (!error)
          raisef(t, exc(E_TypeError), "expected string or bytes-like object, got '%s'",
                 type_name_of(pattern).c_str());
        return {};
      }
      kind = 1;
    }
  }
  Value code = bytes_new(t, words);
  if (!code) return {};
  Value p = allocate(t, Layout::Instance, pattern_type, sizeof(PatternObject));
  if (!p) return {};
  PatternObject* o = fresh<PatternObject>(p);
  o->pattern = pattern;
  o->flags = flags;
  o->code = code;
  o->groups = Value::small_int(groups);
  o->groupindex = args[4];
  o->indexgroup = args[5];
  o->match_type = match_type;
  o->scanner_type = scanner_type;
  o->kind = Value::small_int(kind);
  return p;
}

} // namespace interp::sre
