// interp/modules/sre/sre_support.cc - what the _sre objects share (see sre_objects.h):
// subject strings, slicing, argument binding, making matches and scanners.
#include "interp/modules/sre/sre_objects.h"

#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/ops.h"

#include <string>

namespace interp::sre {

bool subject_text(Thread& t, Value pattern, Value string, Value& text) {
  std::int64_t kind = small(pattern_of(pattern)->kind);
  bool is_str = string.is_object() && layout_of(string) == Layout::Str;
  if (is_str) {
    text = string;
  } else if (string.is_object() && layout_of(string) == Layout::Bytes) {
    text = string;
  } else {
    std::string data;
    bool error = false;
    if (!buffer_contents(t, string, data, error)) {
      if (!error)
        raisef(t, exc(E_TypeError), "expected string or bytes-like object, got '%s'",
               type_name_of(string).c_str());
      return false;
    }
    text = bytes_new(t, data);
    if (!text) return false;
  }
  if (kind == 0 && !is_str) {
    raise(t, exc(E_TypeError), "cannot use a string pattern on a bytes-like object");
    return false;
  }
  if (kind == 1 && is_str) {
    raise(t, exc(E_TypeError), "cannot use a bytes pattern on a string-like object");
    return false;
  }
  return true;
}

Value slice_text(Thread& t, Value text, std::int64_t from, std::int64_t to) {
  if (to < from) to = from;
  if (layout_of(text) == Layout::Str) {
    const StrObject* s = ro<StrObject>(text);
    if (from == 0 && to == s->length && is_exact(text, T_str)) return text;
    if (s->kind == 1)
      return str_from_ascii(t, std::string_view(reinterpret_cast<const char*>(s->data) + from,
                                                std::size_t(to - from)));
    return str_from_code_points(
        t, std::u32string_view(reinterpret_cast<const char32_t*>(s->data) + from,
                               std::size_t(to - from)));
  }
  const BytesObject* b = ro<BytesObject>(text);
  if (from == 0 && to == b->length && is_exact(text, T_bytes)) return text;
  return bytes_new(
      t, std::string_view(reinterpret_cast<const char*>(b->data) + from, std::size_t(to - from)));
}

Value empty_like(Thread& t, Value text) {
  if (layout_of(text) == Layout::Str) return runtime().empty_str;
  return bytes_new(t, {});
}

bool bind_args(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
               std::initializer_list<const char*> names, std::size_t required, Value* out,
               std::size_t self_count) {
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - nkw - self_count;
  std::size_t n = names.size();
  for (std::size_t i = 0; i < n; ++i)
    out[i] = {};
  if (npos + nkw > n) {
    raisef(t, exc(E_TypeError), "%s() takes at most %zu argument%s (%zu given)", fname, n,
           n == 1 ? "" : "s", npos + nkw);
    return false;
  }
  for (std::size_t i = 0; i < npos; ++i)
    out[i] = args[self_count + i];
  for (std::size_t k = 0; k < nkw; ++k) {
    Value key = tuple_item(kwnames, std::int64_t(k));
    std::size_t i = 0;
    for (const char* name : names) {
      if (str_equal_ascii(key, name)) break;
      ++i;
    }
    if (i == n) {
      raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for %s()",
             str_utf8(key).c_str(), fname);
      return false;
    }
    if (out[i]) {
      raisef(t, exc(E_TypeError), "argument for %s() given by name ('%s') and position (%zu)",
             fname, names.begin()[i], i + 1);
      return false;
    }
    out[i] = args[nargs - nkw + k];
  }
  for (std::size_t i = 0; i < required; ++i) {
    if (!out[i]) {
      raisef(t, exc(E_TypeError), "%s() missing required argument '%s' (pos %zu)", fname,
             names.begin()[i], i + 1);
      return false;
    }
  }
  return true;
}

bool read_range(Thread& t, Value pos, Value endpos, std::int64_t& from, std::int64_t& to) {
  from = 0;
  to = INT64_MAX;
  if (pos && !index_to_i64(t, pos, from)) return false;
  return !endpos || index_to_i64(t, endpos, to);
}

void clamp_range(std::int64_t length, std::int64_t& from, std::int64_t& to) {
  from = from < 0 ? 0 : from > length ? length : from;
  to = to < 0 ? 0 : to > length ? length : to;
}

MatchRequest make_request(Value pattern, Value text, std::int64_t pos, std::int64_t endpos) {
  MatchRequest req;
  req.code = pattern_of(pattern)->code;
  req.groups = small(pattern_of(pattern)->groups);
  req.text = text;
  req.pos = pos;
  req.endpos = endpos;
  return req;
}

Value make_match(Thread& t, Value pattern, Value string, Value text, std::int64_t pos,
                 std::int64_t endpos, const MatchResult& result) {
  Value spans = tuple_new(t, result.spans.size());
  if (!spans) return {};
  for (std::size_t i = 0; i < result.spans.size(); ++i)
    tuple_init(spans, i, Value::small_int(result.spans[i]));
  Value m = allocate(t, Layout::Instance, pattern_of(pattern)->match_type, sizeof(MatchObject));
  if (!m) return {};
  MatchObject* o = fresh<MatchObject>(m);
  o->string = string;
  o->text = text;
  o->re = pattern;
  o->pos = Value::small_int(pos);
  o->endpos = Value::small_int(endpos);
  o->lastindex = Value::small_int(result.lastindex);
  o->spans = spans;
  return m;
}

Value make_scanner(Thread& t, Value pattern, Value string, Value pos, Value endpos) {
  Value text;
  std::int64_t from, to;
  if (!read_range(t, pos, endpos, from, to) || !subject_text(t, pattern, string, text)) return {};
  clamp_range(text_length(text), from, to);
  Value s = allocate(t, Layout::Instance, pattern_of(pattern)->scanner_type, sizeof(ScannerObject));
  if (!s) return {};
  ScannerObject* o = fresh<ScannerObject>(s);
  o->pattern = pattern;
  o->string = string;
  o->text = text;
  o->first_pos = Value::small_int(from);
  o->pos = Value::small_int(from);
  o->endpos = Value::small_int(to);
  o->must_advance = Value::small_int(0);
  o->exhausted = Value::small_int(0);
  return s;
}

Value copy_self(Thread&, const Value* args, std::size_t, Value) {
  return args[0];
}

Value deepcopy_self(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, "__deepcopy__", nargs, kwnames, 1, 1)) return {};
  return args[0];
}

Value class_getitem(Thread& t, const Value* args, std::size_t, Value) {
  Value types = import_module(t, "types");
  if (!types) return {};
  Value alias = getattr(t, types, intern_literal(t, "GenericAlias"));
  if (!alias) return {};
  return call2(t, alias, args[0], args[1]);
}

} // namespace interp::sre
