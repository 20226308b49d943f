// interp/objects/builtin_iterators.cc - the lazy iterators the builtins module exposes as
// types: enumerate, zip, map, filter and reversed.
//
// All five are IteratorObjects (the layout of the containers' iterators) whose fields mean:
//   enumerate  seq: the source iterator, extra: the next count (any int)
//   zip        seq: tuple of source iterators, kind: strict
//   map        seq: tuple of source iterators, extra: the function
//   filter     seq: the source iterator, extra: the predicate (None: truth of the item)
//   reversed   seq: the sequence, index: the next position to read
// `seq` becomes 0 once an iterator is exhausted, so that it never touches its sources again
// (CPython's iterators drop their references at the end in the same way).
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

namespace interp {

namespace {

Value make(Thread& t, Value cls, Value seq) {
  Value it = allocate(t, Layout::Iterator, cls, sizeof(IteratorObject));
  if (!it) return {};
  fresh<IteratorObject>(it)->seq = seq;
  return it;
}

void exhaust(Value self) {
  wr<IteratorObject>(self)->seq = {};
}

// The positional and keyword arguments of a constructor call, by name, CPython's
// argument-clinic way: too many positionals, unknown or duplicate keywords are errors.
bool bind(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
          const char* const* names, std::size_t count, Value* out) {
  std::size_t nkw = keyword_count(kwnames), npos = nargs - nkw;
  if (npos > count) {
    raisef(t, exc(E_TypeError), "%s() takes at most %zu argument%s (%zu given)", fname, count,
           count == 1 ? "" : "s", npos);
    return false;
  }
  for (std::size_t i = 0; i < count; ++i)
    out[i] = i < npos ? args[i] : Value();
  for (std::size_t k = 0; k < nkw; ++k) {
    Value key = tuple_item(kwnames, std::int64_t(k));
    std::size_t i = 0;
    while (i < count && !str_equal_ascii(key, names[i]))
      ++i;
    if (i == count) {
      raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for %s()",
             str_utf8(key).c_str(), fname);
      return false;
    }
    if (out[i]) {
      raisef(t, exc(E_TypeError), "argument for %s() given by name ('%s') and position (%zu)",
             fname, names[i], i + 1);
      return false;
    }
    out[i] = args[npos + k];
  }
  return true;
}

// A tuple of iter(x) for each of args[0..n).
Value iterators_of(Thread& t, const Value* args, std::size_t n) {
  Value its = tuple_new(t, n);
  if (!its) return {};
  for (std::size_t i = 0; i < n; ++i) {
    Value it = iter(t, args[i]);
    if (!it) return {};
    tuple_init(its, std::int64_t(i), it);
  }
  return its;
}

// ---- enumerate -----------------------------------------------------------------------------

INTERP_NATIVE(enumerate_new) {
  static const char* const kNames[] = {"iterable", "start"};
  Value bound[2];
  if (!bind(t, "enumerate", args + 1, nargs - 1, kwnames, kNames, 2, bound)) return {};
  if (!bound[0]) {
    if (bound[1])
      return raise(t, exc(E_TypeError), "'start' is an invalid keyword argument for enumerate()");
    return raise(t, exc(E_TypeError), "enumerate() missing required argument 'iterable'");
  }
  Value start = Value::small_int(0);
  if (bound[1]) {
    start = bound[1];
    if (!int_check(start)) {
      Value f = lookup_special(t, start, N___index__);
      if (!f) {
        if (!t.pending)
          raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                 type_name_of(start).c_str());
        return {};
      }
      start = call0(t, f);
      if (!start) return {};
    }
  }
  Value it = iter(t, bound[0]);
  if (!it) return {};
  Value self = make(t, args[0], it);
  if (self) fresh<IteratorObject>(self)->extra = start;
  return self;
}

Value enumerate_next(Thread& t, Value self) {
  Value source = rd<IteratorObject>(self)->seq;
  if (!source) return {};
  Value item = next(t, source);
  if (!item) {
    if (!t.pending) exhaust(self);
    return {};
  }
  Value count = rd<IteratorObject>(self)->extra;
  Value following = count.is_small_int() && count.small_int_value() < Value::kSmallMax
                        ? Value::small_int(count.small_int_value() + 1)
                        : binary_op(t, count, Value::small_int(1), bytecode::BinaryOp::Add);
  if (!following) return {};
  wr<IteratorObject>(self)->extra = following;
  Value pair[2] = {count, item};
  return tuple_from(t, pair, 2);
}

INTERP_NATIVE(enumerate_reduce) {
  const IteratorObject* o = rd<IteratorObject>(args[0]);
  Value inner[2] = {o->seq ? o->seq : runtime().empty_tuple, o->extra};
  Value state = tuple_from(t, inner, 2);
  if (!state) return {};
  Value outer[2] = {type_of(args[0]), state};
  return tuple_from(t, outer, 2);
}

// ---- zip -----------------------------------------------------------------------------------

INTERP_NATIVE(zip_new) {
  std::size_t nkw = keyword_count(kwnames), npos = nargs - 1 - nkw;
  bool strict = false;
  if (nkw > 1)
    return raisef(t, exc(E_TypeError), "zip() takes at most 1 keyword argument (%zu given)", nkw);
  if (nkw == 1) {
    Value key = tuple_item(kwnames, 0);
    if (!str_equal_ascii(key, "strict"))
      return raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for zip()",
                    str_utf8(key).c_str());
    int s = truthy(t, args[nargs - 1]);
    if (s < 0) return {};
    strict = s;
  }
  Value its = iterators_of(t, args + 1, npos);
  if (!its) return {};
  Value self = make(t, args[0], its);
  if (self) fresh<IteratorObject>(self)->kind = strict;
  return self;
}

// next() of a source that may be exhausted: the item, or 0 (with an exception on error).
Value zip_strict_error(Thread& t, Value its, std::int64_t i) {
  // Argument i + 1 ended first when i > 0; otherwise every other one must end too.
  const char* plural = i == 1 ? " " : "s 1-";
  if (i > 0)
    return raisef(t, exc(E_ValueError), "zip() argument %lld is shorter than argument%s%lld",
                  (long long)(i + 1), plural, (long long)i);
  for (std::int64_t k = 1; k < tuple_length(its); ++k) {
    Value item = next(t, tuple_item(its, k));
    if (item) {
      plural = k == 1 ? " " : "s 1-";
      return raisef(t, exc(E_ValueError), "zip() argument %lld is longer than argument%s%lld",
                    (long long)(k + 1), plural, (long long)k);
    }
    if (t.pending) return {};
  }
  return {};
}

Value zip_next(Thread& t, Value self) {
  Value its = rd<IteratorObject>(self)->seq;
  if (!its) return {};
  std::int64_t n = tuple_length(its);
  if (n == 0) return {};
  bool strict = rd<IteratorObject>(self)->kind;
  Value out = tuple_new(t, std::size_t(n));
  if (!out) return {};
  for (std::int64_t i = 0; i < n; ++i) {
    Value item = next(t, tuple_item(its, i));
    if (!item) {
      if (t.pending) return {};
      exhaust(self);
      if (strict) return zip_strict_error(t, its, i);
      return {};
    }
    tuple_init(out, i, item);
  }
  return out;
}

INTERP_NATIVE(zip_reduce) {
  const IteratorObject* o = rd<IteratorObject>(args[0]);
  Value its = o->seq ? o->seq : runtime().empty_tuple;
  Value parts[3] = {type_of(args[0]), its, runtime().true_};
  return tuple_from(t, parts, o->kind ? 3 : 2);
}

INTERP_NATIVE(zip_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  int s = truthy(t, args[1]);
  if (s < 0) return {};
  wr<IteratorObject>(args[0])->kind = s;
  return none();
}

// ---- map -----------------------------------------------------------------------------------

INTERP_NATIVE(map_new) {
  // Keywords are refused unless a subclass's own __init__ takes them, as CPython.
  if (keyword_count(kwnames) && refuses_keywords(args[0], T_map, N___init__))
    return raise(t, exc(E_TypeError), "map() takes no keyword arguments");
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos < 2) return raise(t, exc(E_TypeError), "map() must have at least two arguments.");
  Value its = iterators_of(t, args + 2, npos - 1);
  if (!its) return {};
  Value self = make(t, args[0], its);
  if (self) fresh<IteratorObject>(self)->extra = args[1];
  return self;
}

Value map_next(Thread& t, Value self) {
  Value its = rd<IteratorObject>(self)->seq;
  if (!its) return {};
  std::int64_t n = tuple_length(its);
  Value items = tuple_new(t, std::size_t(n));
  if (!items) return {};
  for (std::int64_t i = 0; i < n; ++i) {
    Value item = next(t, tuple_item(its, i));
    if (!item) {
      if (!t.pending) exhaust(self);
      return {};
    }
    tuple_init(items, i, item);
  }
  Value fn = rd<IteratorObject>(self)->extra;
  return call(t, fn, ro<TupleObject>(items)->items, std::size_t(n));
}

INTERP_NATIVE(map_reduce) {
  const IteratorObject* o = rd<IteratorObject>(args[0]);
  Value its = o->seq ? o->seq : runtime().empty_tuple;
  std::int64_t n = tuple_length(its);
  Value state = tuple_new(t, std::size_t(n + 1));
  if (!state) return {};
  tuple_init(state, 0, rd<IteratorObject>(args[0])->extra);
  for (std::int64_t i = 0; i < n; ++i)
    tuple_init(state, i + 1, tuple_item(its, i));
  Value parts[2] = {type_of(args[0]), state};
  return tuple_from(t, parts, 2);
}

// ---- filter --------------------------------------------------------------------------------

INTERP_NATIVE(filter_new) {
  if (keyword_count(kwnames) && refuses_keywords(args[0], T_filter, N___init__))
    return raise(t, exc(E_TypeError), "filter() takes no keyword arguments");
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos != 2) return raisef(t, exc(E_TypeError), "filter expected 2 arguments, got %zu", npos);
  Value it = iter(t, args[2]);
  if (!it) return {};
  Value self = make(t, args[0], it);
  if (self) fresh<IteratorObject>(self)->extra = args[1];
  return self;
}

Value filter_next(Thread& t, Value self) {
  for (;;) {
    Value source = rd<IteratorObject>(self)->seq;
    if (!source) return {};
    Value item = next(t, source);
    if (!item) {
      if (!t.pending) exhaust(self);
      return {};
    }
    Value fn = rd<IteratorObject>(self)->extra;
    Value verdict = item;
    if (fn != none() && fn != type_value(T_bool)) {
      verdict = call1(t, fn, item);
      if (!verdict) return {};
    }
    int keep = truthy(t, verdict);
    if (keep < 0) return {};
    if (keep) return item;
  }
}

INTERP_NATIVE(filter_reduce) {
  const IteratorObject* o = rd<IteratorObject>(args[0]);
  Value inner[2] = {o->extra, o->seq ? o->seq : runtime().empty_tuple};
  Value state = tuple_from(t, inner, 2);
  if (!state) return {};
  Value outer[2] = {type_of(args[0]), state};
  return tuple_from(t, outer, 2);
}

// ---- reversed ------------------------------------------------------------------------------

INTERP_NATIVE(reversed_new) {
  if (keyword_count(kwnames) && args[0] == type_value(T_reversed))
    return raise(t, exc(E_TypeError), "reversed() takes no keyword arguments");
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos != 1) return raisef(t, exc(E_TypeError), "reversed expected 1 argument, got %zu", npos);
  Value seq = args[1];
  Value type = type_of(seq);
  Value method = type_lookup(type, name(N___reversed__));
  if (method == none())
    return raisef(t, exc(E_TypeError), "'%s' object is not reversible", type_name(type).c_str());
  if (method) {
    Value bound = lookup_special(t, seq, N___reversed__);
    if (!bound) return {};
    return call0(t, bound);
  }
  // The sequence protocol: __getitem__ (not a mapping's) and __len__.
  if (!type_lookup(type, name(N___getitem__)) || is_subtype(type, type_value(T_dict)))
    return raisef(t, exc(E_TypeError), "'%s' object is not reversible", type_name(type).c_str());
  std::int64_t n;
  if (!length(t, seq, n)) return {};
  Value self = make(t, args[0], seq);
  if (self) fresh<IteratorObject>(self)->index = n - 1;
  if (self && n == 0) fresh<IteratorObject>(self)->seq = {};
  return self;
}

Value reversed_next(Thread& t, Value self) {
  const IteratorObject* o = rd<IteratorObject>(self);
  Value seq = o->seq;
  std::int64_t i = o->index;
  if (!seq || i < 0) return {};
  Value item = getitem(t, seq, Value::small_int(i));
  if (!item) {
    if (matches(t, exc(E_IndexError)) || matches(t, exc(E_StopIteration))) {
      clear_pending(t);
      exhaust(self);
    }
    return {};
  }
  IteratorObject* w = wr<IteratorObject>(self);
  w->index = i - 1;
  if (i == 0) w->seq = {};
  return item;
}

INTERP_NATIVE(reversed_length_hint) {
  const IteratorObject* o = rd<IteratorObject>(args[0]);
  if (!o->seq) return Value::small_int(0);
  std::int64_t n;
  if (!length(t, o->seq, n)) return {};
  return Value::small_int(n < o->index + 1 ? 0 : o->index + 1);
}

INTERP_NATIVE(reversed_reduce) {
  const IteratorObject* o = rd<IteratorObject>(args[0]);
  Value cls = type_of(args[0]);
  if (!o->seq) {
    Value empty = runtime().empty_tuple;
    Value inner = tuple_from(t, &empty, 1);
    if (!inner) return {};
    Value parts[2] = {cls, inner};
    return tuple_from(t, parts, 2);
  }
  std::int64_t index = o->index;
  Value seq = o->seq;
  Value inner = tuple_from(t, &seq, 1);
  if (!inner) return {};
  Value parts[3] = {cls, inner, Value::small_int(index)};
  return tuple_from(t, parts, 3);
}

INTERP_NATIVE(reversed_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  std::int64_t index;
  if (!index_to_i64(t, args[1], index, true)) return {};
  Value seq = rd<IteratorObject>(args[0])->seq;
  if (!seq) return none();
  std::int64_t n;
  if (!length(t, seq, n)) return {};
  if (index < -1) index = -1;
  if (index > n - 1) index = n - 1;
  wr<IteratorObject>(args[0])->index = index;
  return none();
}

// ---- shared --------------------------------------------------------------------------------

Value dispatch_next(Thread& t, Value self) {
  Value cls = type_of(self);
  if (is_subtype(cls, type_value(T_enumerate))) return enumerate_next(t, self);
  if (is_subtype(cls, type_value(T_zip))) return zip_next(t, self);
  if (is_subtype(cls, type_value(T_map))) return map_next(t, self);
  if (is_subtype(cls, type_value(T_filter))) return filter_next(t, self);
  return reversed_next(t, self);
}

INTERP_NATIVE(lazy_iter) {
  return args[0];
}

INTERP_NATIVE(lazy_next) {
  Value r = dispatch_next(t, args[0]);
  if (!r && !t.pending) return raise_value(t, exc(E_StopIteration));
  return r;
}

INTERP_NATIVE(enumerate_class_getitem) {
  if (!check_positional(t, "__class_getitem__", nargs, kwnames, 1, 1)) return {};
  return generic_alias_new(t, args[0], args[1]);
}

} // namespace

void init_builtin_iterator_types(Thread& t) {
  for (TypeId id : {T_enumerate, T_zip, T_map, T_filter, T_reversed}) {
    add_method(t, type_value(id), "__iter__", lazy_iter);
    add_method(t, type_value(id), "__next__", lazy_next);
  }
  add_staticmethod(t, type_value(T_enumerate), "__new__", enumerate_new);
  add_method(t, type_value(T_enumerate), "__reduce__", enumerate_reduce);
  add_classmethod(t, type_value(T_enumerate), "__class_getitem__", enumerate_class_getitem);
  add_staticmethod(t, type_value(T_zip), "__new__", zip_new);
  add_method(t, type_value(T_zip), "__reduce__", zip_reduce);
  add_method(t, type_value(T_zip), "__setstate__", zip_setstate);
  add_staticmethod(t, type_value(T_map), "__new__", map_new);
  add_method(t, type_value(T_map), "__reduce__", map_reduce);
  add_staticmethod(t, type_value(T_filter), "__new__", filter_new);
  add_method(t, type_value(T_filter), "__reduce__", filter_reduce);
  add_staticmethod(t, type_value(T_reversed), "__new__", reversed_new);
  add_method(t, type_value(T_reversed), "__length_hint__", reversed_length_hint);
  add_method(t, type_value(T_reversed), "__reduce__", reversed_reduce);
  add_method(t, type_value(T_reversed), "__setstate__", reversed_setstate);
}

} // namespace interp
