// interp/modules/itertools.cc - the itertools module: iterator building blocks.
//
// Every class here lays an IteratorObject's fields over an Instance-layout object (the
// Iterator layout is reserved to the builtin iterators, which the VM's fast paths
// recognise by layout); the fields hold the state: `seq` the
// source iterator (or a list of results), `index` and `kind` counters and flags, `extra`
// and `extra2` what else the class needs. The combinatoric classes (product,
// permutations, combinations...) hold their pools and step index lists, as CPython does.
// Each class pickles and copies as in CPython 3.11: __reduce__ gives the constructor call
// and the mid-iteration state, __setstate__ takes that state back.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

namespace interp {

namespace {

Value make_it(Thread& t, Value cls, Value seq) {
  Value it = allocate(t, Layout::Instance, cls, sizeof(IteratorObject));
  if (it) fresh<IteratorObject>(it)->seq = seq;
  return it;
}

IteratorObject* w_(Value v) {
  return wr<IteratorObject>(v);
}
const IteratorObject* r_(Value v) {
  return rd<IteratorObject>(v);
}

// next() that turns "exhausted" into StopIteration for a native __next__.
Value stop(Thread& t) {
  if (!t.pending) raise_value(t, exc(E_StopIteration));
  return {};
}

INTERP_NATIVE(it_iter) {
  return args[0];
}

// The classes that take no keywords refuse them unless a subclass has its own __init__ (to
// take them), as CPython; `nargs` becomes the count of positional arguments.
bool no_keywords(Thread& t, const char* what, Value cls, Value kwnames, std::size_t& nargs) {
  if (!keyword_count(kwnames)) return true;
  Value init = name_value(N___init__);
  if (type_lookup(cls, init) == type_lookup(type_value(T_object), init)) {
    raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", what);
    return false;
  }
  nargs -= keyword_count(kwnames);
  return true;
}
// For the classes that take keywords too: CPython's complaint at too many positionals.
bool at_most(Thread& t, const char* what, std::size_t nargs, Value kwnames, std::size_t most,
             const char* kind = "") {
  std::size_t npos = nargs - keyword_count(kwnames) - 1;
  if (npos <= most) return true;
  raisef(t, exc(E_TypeError), "%s() takes at most %zu %sarguments (%zu given)", what, most, kind,
         npos);
  return false;
}

// What __reduce__ returns: (cls, args) or, with a state, (cls, args, state).
Value reduction(Thread& t, Value cls, Value args, Value state = {}) {
  if (!args || t.pending) return {};
  Value parts[3] = {cls, args, state};
  return tuple_from(t, parts, state ? 3 : 2);
}
Value pack(Thread& t, std::initializer_list<Value> items) {
  return tuple_from(t, items.begin(), items.size());
}
Value itertools_class(Thread& t, const char* name) {
  Value module = import_module(t, "itertools");
  return module ? getattr(t, module, intern_literal(t, name)) : Value();
}
bool is_iterator(Value v) {
  return bool(type_lookup(type_of(v), name_value(N___next__)));
}
// The tuple a __setstate__ takes apart, with CPython's complaint about anything else.
bool state_tuple(Thread& t, Value state, std::int64_t size) {
  if (!isinstance(state, T_tuple)) {
    raise(t, exc(E_TypeError), "state is not a tuple");
    return false;
  }
  if (tuple_length(state) != size) {
    raisef(t, exc(E_TypeError), "function takes exactly %lld arguments (%lld given)",
           (long long)size, (long long)tuple_length(state));
    return false;
  }
  return true;
}

// ---- count -----------------------------------------------------------------------------------
INTERP_NATIVE(count_new) {
  static const char* const kAllowed[] = {"start", "step", nullptr};
  if (!check_keywords(t, "count", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 3)
    return raisef(t, exc(E_TypeError), "count expected at most 2 arguments, got %zu", npos - 1);
  Value start = arg_or_keyword(args, nargs, kwnames, 1, "start");
  Value step = arg_or_keyword(args, nargs, kwnames, 2, "step");
  if (!start) start = Value::small_int(0);
  if (!step) step = Value::small_int(1);
  for (Value v : {start, step}) {
    bool number = int_check(v) || isinstance(v, T_float) || isinstance(v, T_complex) ||
                  lookup_special(t, v, N___index__) || lookup_special(t, v, N___float__);
    if (t.pending) return {};
    if (!number) return raise(t, exc(E_TypeError), "a number is required");
  }
  Value it = make_it(t, args[0], {});
  if (!it) return {};
  fresh<IteratorObject>(it)->extra = start;
  fresh<IteratorObject>(it)->extra2 = step;
  return it;
}
INTERP_NATIVE(count_next) {
  Value cur = r_(args[0])->extra;
  Value nxt = binary_op(t, cur, r_(args[0])->extra2, bytecode::BinaryOp::Add);
  if (!nxt) return {};
  w_(args[0])->extra = nxt;
  return cur;
}
INTERP_NATIVE(count_repr) {
  Value cur = r_(args[0])->extra, step = r_(args[0])->extra2;
  std::string text = type_name(type_of(args[0])) + "(" + repr_utf8(t, cur);
  if (!(step.is_small_int() && step.small_int_value() == 1)) text += ", " + repr_utf8(t, step);
  return str_from_utf8(t, text + ")");
}
// count(n) while counting by one over ints, as CPython's fast mode; else count(n, step).
INTERP_NATIVE(count_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value cur = r_(args[0])->extra, step = r_(args[0])->extra2;
  bool by_one = cur.is_small_int() && step.is_small_int() && step.small_int_value() == 1;
  Value call_args = by_one ? pack(t, {cur}) : pack(t, {cur, step});
  return reduction(t, type_of(args[0]), call_args);
}

// ---- repeat ----------------------------------------------------------------------------------
INTERP_NATIVE(repeat_new) {
  static const char* const kAllowed[] = {"object", "times", nullptr};
  if (!check_keywords(t, "repeat", kwnames, kAllowed) || !at_most(t, "repeat", nargs, kwnames, 2))
    return {};
  Value obj = arg_or_keyword(args, nargs, kwnames, 1, "object");
  Value times = arg_or_keyword(args, nargs, kwnames, 2, "times");
  if (!obj)
    return raise(t, exc(E_TypeError), "repeat() missing required argument 'object' (pos 1)");
  std::int64_t n = -1;
  if (times) {
    if (!index_to_i64(t, times, n)) return {};
    if (n < 0) n = 0;
  }
  Value it = make_it(t, args[0], obj);
  if (it) fresh<IteratorObject>(it)->index = n;
  return it;
}
INTERP_NATIVE(repeat_next) {
  std::int64_t n = r_(args[0])->index;
  if (n == 0) return stop(t);
  if (n > 0) w_(args[0])->index = n - 1;
  return r_(args[0])->seq;
}
INTERP_NATIVE(repeat_repr) {
  std::string text = "repeat(" + repr_utf8(t, r_(args[0])->seq);
  if (r_(args[0])->index >= 0) text += ", " + std::to_string(r_(args[0])->index);
  return str_from_utf8(t, text + ")");
}
INTERP_NATIVE(repeat_length_hint) {
  std::int64_t n = r_(args[0])->index;
  if (n < 0) return raise(t, exc(E_TypeError), "len() of unsized object");
  return Value::small_int(n);
}
INTERP_NATIVE(repeat_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value obj = r_(args[0])->seq;
  std::int64_t n = r_(args[0])->index;
  Value call_args = n < 0 ? pack(t, {obj}) : pack(t, {obj, Value::small_int(n)});
  return reduction(t, type_of(args[0]), call_args);
}

// ---- chain: seq the iterator of the iterables (0 once exhausted), extra the current
// iterator ---------------------------------------------------------------------------------
INTERP_NATIVE(chain_new) {
  if (!no_keywords(t, "chain", args[0], kwnames, nargs)) return {};
  Value items = tuple_from(t, args + 1, nargs - 1);
  Value source = items ? iter(t, items) : Value();
  return source ? make_it(t, args[0], source) : Value();
}
INTERP_NATIVE(chain_from_iterable) {
  Value source = iter(t, args[1]);
  return source ? make_it(t, args[0], source) : Value();
}
INTERP_NATIVE(chain_next) {
  Value self = args[0];
  for (;;) {
    Value cur = r_(self)->extra;
    if (cur) {
      Value v = next(t, cur);
      if (v) return v;
      if (t.pending) return {};
      w_(self)->extra = {};
    }
    Value src = r_(self)->seq;
    if (!src) return stop(t);
    Value iterable = next(t, src);
    if (!iterable) {
      if (t.pending) return {};
      w_(self)->seq = {};
      return stop(t);
    }
    Value nit = iter(t, iterable);
    if (!nit) return {};
    w_(self)->extra = nit;
  }
}
// chain() with the iterables' iterator and the current one as state: from_iterable's
// source need not be a tuple.
INTERP_NATIVE(chain_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value src = r_(args[0])->seq, cur = r_(args[0])->extra;
  Value state = !src ? Value() : cur ? pack(t, {src, cur}) : pack(t, {src});
  return reduction(t, type_of(args[0]), runtime().empty_tuple, state);
}
INTERP_NATIVE(chain_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  Value state = args[1];
  if (!isinstance(state, T_tuple)) return raise(t, exc(E_TypeError), "state is not a tuple");
  std::int64_t n = tuple_length(state);
  if (n < 1 || n > 2)
    return raisef(t, exc(E_TypeError), "function takes at %s %d argument%s (%lld given)",
                  n < 1 ? "least" : "most", n < 1 ? 1 : 2, n < 1 ? "" : "s", (long long)n);
  Value src = tuple_item(state, 0), cur = n > 1 ? tuple_item(state, 1) : Value();
  if (!is_iterator(src) || (cur && !is_iterator(cur)))
    return raise(t, exc(E_TypeError), "Arguments must be iterators.");
  w_(args[0])->seq = src;
  w_(args[0])->extra = cur;
  return none();
}

// ---- islice: seq the iterator, index how many were taken, extra the next index to
// yield, extra2 the stop (None: none), kind the step ------------------------------------
bool slice_arg(Thread& t, Value v, std::int64_t& out, bool allow_none, const char* message) {
  if (allow_none && v == none()) {
    out = -1;
    return true;
  }
  if (!int_check(v) && !lookup_special(t, v, N___index__)) {
    if (!t.pending) raise(t, exc(E_ValueError), message);
    return false;
  }
  if (!index_to_i64(t, v, out)) return false;
  if (out < 0) {
    raise(t, exc(E_ValueError), message);
    return false;
  }
  return true;
}
INTERP_NATIVE(islice_new) {
  if (!no_keywords(t, "islice", args[0], kwnames, nargs)) return {};
  if (nargs < 3 || nargs > 5)
    return raisef(t, exc(E_TypeError), "islice expected at most 4 arguments, got %zu", nargs - 1);
  std::int64_t start = 0, stop_at = -1, step = 1;
  static const char kStop[] =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  static const char kIndices[] = "Indices for islice() must be None or an integer: 0 <= x <= "
                                 "sys.maxsize.";
  if (nargs == 3) {
    if (!slice_arg(t, args[2], stop_at, true, kStop)) return {};
  } else {
    if (!slice_arg(t, args[2], start, true, kIndices)) return {};
    if (start < 0) start = 0;
    if (!slice_arg(t, args[3], stop_at, true, kStop)) return {};
    if (nargs == 5) {
      if (!slice_arg(t, args[4], step, true,
                     "Step for islice() must be a positive integer or "
                     "None."))
        return {};
      if (step < 0) step = 1;
      if (step == 0)
        return raise(t, exc(E_ValueError), "Step for islice() must be a positive integer or None.");
    }
  }
  Value source = iter(t, args[1]);
  if (!source) return {};
  Value it = make_it(t, args[0], source);
  if (!it) return {};
  Value start_v = int_from_i64(t, start);
  Value stop_v = stop_at < 0 ? none() : int_from_i64(t, stop_at);
  if (!start_v || !stop_v) return {};
  IteratorObject* o = fresh<IteratorObject>(it);
  o->extra = start_v;
  o->extra2 = stop_v;
  o->kind = step;
  return it;
}
// islice's next index to yield and its stop (-1: none), ints up to sys.maxsize.
std::int64_t islice_field(Value v) {
  std::int64_t out = -1;
  if (v != none()) int_to_i64(v, out);
  return out;
}
INTERP_NATIVE(islice_next) {
  Value self = args[0];
  Value src = r_(self)->seq;
  if (!src) return stop(t);
  std::int64_t want = islice_field(r_(self)->extra);
  std::int64_t stop_at = islice_field(r_(self)->extra2);
  // Skip up to the next index to yield, counting what was consumed.
  while (r_(self)->index < want) {
    Value v = next(t, src);
    if (!v) {
      w_(self)->seq = {};
      return stop(t);
    }
    w_(self)->index = r_(self)->index + 1;
  }
  if (stop_at >= 0 && r_(self)->index >= stop_at) {
    w_(self)->seq = {};
    return stop(t);
  }
  Value v = next(t, src);
  if (!v) {
    w_(self)->seq = {};
    return stop(t);
  }
  w_(self)->index = r_(self)->index + 1;
  // Past the stop (or past sys.maxsize) the next index is the stop.
  std::int64_t after;
  if (__builtin_add_overflow(want, r_(self)->kind, &after) || (stop_at >= 0 && after > stop_at))
    after = stop_at;
  Value after_v = int_from_i64(t, after);
  if (!after_v) return {};
  w_(self)->extra = after_v;
  return v;
}
// islice(it, next, stop, step) with the count consumed as state; once exhausted, an
// islice of an empty iterator.
INTERP_NATIVE(islice_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  const IteratorObject* o = r_(args[0]);
  Value zero = Value::small_int(0);
  if (!o->seq) {
    Value empty = list_new(t);
    Value empty_it = empty ? iter(t, empty) : Value();
    return empty_it ? reduction(t, type_of(args[0]), pack(t, {empty_it, zero}), zero) : Value();
  }
  Value step = int_from_i64(t, o->kind), count = int_from_i64(t, o->index);
  if (!step || !count) return {};
  Value call_args = pack(t, {o->seq, o->extra, o->extra2, step});
  return reduction(t, type_of(args[0]), call_args, count);
}
INTERP_NATIVE(islice_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  std::int64_t count;
  if (!index_to_i64(t, args[1], count)) return {};
  w_(args[0])->index = count;
  return none();
}

// ---- starmap, takewhile, dropwhile, filterfalse, compress, pairwise ---------------------------
Value two_arg_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* what,
                  bool iterate_first) {
  if (!no_keywords(t, what, args[0], kwnames, nargs)) return {};
  if (nargs != 3)
    return raisef(t, exc(E_TypeError), "%s expected 2 arguments, got %zu", what, nargs - 1);
  Value source = iter(t, args[2]);
  if (!source) return {};
  Value first = args[1];
  if (iterate_first) {
    first = iter(t, args[1]);
    if (!first) return {};
  }
  Value it = make_it(t, args[0], source);
  if (it) fresh<IteratorObject>(it)->extra = first;
  return it;
}
INTERP_NATIVE(starmap_new) {
  return two_arg_new(t, args, nargs, kwnames, "starmap", false);
}
INTERP_NATIVE(starmap_next) {
  Value v = next(t, r_(args[0])->seq);
  if (!v) return stop(t);
  Value a = tuple_of(t, v);
  if (!a) return {};
  return call_ex(t, r_(args[0])->extra, a, {});
}
// starmap, filterfalse and compress: cls(extra, seq) remakes them.
INTERP_NATIVE(function_first_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  return reduction(t, type_of(args[0]), pack(t, {r_(args[0])->extra, r_(args[0])->seq}));
}
// takewhile and dropwhile: whether they have stopped taking (started yielding), 0 or 1, as
// state.
INTERP_NATIVE(predicate_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  return reduction(t, type_of(args[0]), pack(t, {r_(args[0])->extra, r_(args[0])->seq}),
                   Value::small_int(r_(args[0])->kind));
}
INTERP_NATIVE(predicate_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  int b = truthy(t, args[1]);
  if (b < 0) return {};
  w_(args[0])->kind = b;
  return none();
}
INTERP_NATIVE(takewhile_new) {
  return two_arg_new(t, args, nargs, kwnames, "takewhile", false);
}
INTERP_NATIVE(takewhile_next) {
  if (r_(args[0])->kind) return stop(t);
  Value v = next(t, r_(args[0])->seq);
  if (!v) return stop(t);
  Value ok = call1(t, r_(args[0])->extra, v);
  if (!ok) return {};
  int b = truthy(t, ok);
  if (b < 0) return {};
  if (b) return v;
  w_(args[0])->kind = 1;
  return stop(t);
}
INTERP_NATIVE(dropwhile_new) {
  return two_arg_new(t, args, nargs, kwnames, "dropwhile", false);
}
INTERP_NATIVE(dropwhile_next) {
  for (;;) {
    Value v = next(t, r_(args[0])->seq);
    if (!v) return stop(t);
    if (r_(args[0])->kind) return v;
    Value ok = call1(t, r_(args[0])->extra, v);
    if (!ok) return {};
    int b = truthy(t, ok);
    if (b < 0) return {};
    if (!b) {
      w_(args[0])->kind = 1;
      return v;
    }
  }
}
INTERP_NATIVE(filterfalse_new) {
  return two_arg_new(t, args, nargs, kwnames, "filterfalse", false);
}
INTERP_NATIVE(filterfalse_next) {
  for (;;) {
    Value v = next(t, r_(args[0])->seq);
    if (!v) return stop(t);
    Value pred = r_(args[0])->extra;
    Value ok = pred == none() ? v : call1(t, pred, v);
    if (!ok) return {};
    int b = truthy(t, ok);
    if (b < 0) return {};
    if (!b) return v;
  }
}
INTERP_NATIVE(compress_new) {
  static const char* const kAllowed[] = {"data", "selectors", nullptr};
  if (!check_keywords(t, "compress", kwnames, kAllowed)) return {};
  Value data = arg_or_keyword(args, nargs, kwnames, 1, "data");
  Value selectors = arg_or_keyword(args, nargs, kwnames, 2, "selectors");
  if (!data || !selectors)
    return raise(t, exc(E_TypeError), "compress() missing required argument");
  Value a[3] = {args[0], selectors, data};
  return two_arg_new(t, a, 3, {}, "compress", true);
}
INTERP_NATIVE(compress_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  return reduction(t, type_of(args[0]), pack(t, {r_(args[0])->seq, r_(args[0])->extra}));
}
INTERP_NATIVE(compress_next) {
  for (;;) {
    Value v = next(t, r_(args[0])->seq);
    if (!v) return stop(t);
    Value s = next(t, r_(args[0])->extra);
    if (!s) return stop(t);
    int b = truthy(t, s);
    if (b < 0) return {};
    if (b) return v;
  }
}
INTERP_NATIVE(pairwise_new) {
  if (!no_keywords(t, "pairwise", args[0], kwnames, nargs)) return {};
  if (nargs != 2)
    return raisef(t, exc(E_TypeError), "pairwise expected 1 argument, got %zu", nargs - 1);
  Value source = iter(t, args[1]);
  return source ? make_it(t, args[0], source) : Value();
}
INTERP_NATIVE(pairwise_next) {
  Value src = r_(args[0])->seq;
  if (!src) return stop(t);
  Value prev = r_(args[0])->extra;
  if (!prev) {
    prev = next(t, src);
    if (!prev) {
      w_(args[0])->seq = {};
      return stop(t);
    }
  }
  Value v = next(t, src);
  if (!v) {
    w_(args[0])->seq = {};
    return stop(t);
  }
  w_(args[0])->extra = v;
  Value pair[2] = {prev, v};
  return tuple_from(t, pair, 2);
}

// ---- cycle: seq the iterator (0 once exhausted), extra the saved items, index the next
// saved item to give, kind 1 when the saved items already hold all of the iterator's
// (a state set by __setstate__'s second mode) -------------------------------------------
INTERP_NATIVE(cycle_new) {
  if (!no_keywords(t, "cycle", args[0], kwnames, nargs)) return {};
  if (nargs != 2)
    return raisef(t, exc(E_TypeError), "cycle expected 1 argument, got %zu", nargs - 1);
  Value source = iter(t, args[1]);
  if (!source) return {};
  Value saved = list_new(t);
  Value it = saved ? make_it(t, args[0], source) : Value();
  if (it) fresh<IteratorObject>(it)->extra = saved;
  return it;
}
INTERP_NATIVE(cycle_next) {
  Value self = args[0];
  Value src = r_(self)->seq;
  Value saved = r_(self)->extra;
  if (src) {
    Value v = next(t, src);
    if (v) {
      if (!r_(self)->kind && !list_append(t, saved, v)) return {};
      return v;
    }
    if (t.pending) return {};
    w_(self)->seq = {};
  }
  std::int64_t n = list_length(saved);
  if (n == 0) return stop(t);
  std::int64_t i = r_(self)->index % n;
  w_(self)->index = (i + 1) % n;
  return list_item(saved, i);
}
// cycle(rest of the iterator) with (saved items, saved-holds-all) as state; once the
// iterator is exhausted, an iterator over the saved items from where the cycle is.
INTERP_NATIVE(cycle_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  Value src = r_(self)->seq, saved = r_(self)->extra;
  if (src) {
    return reduction(t, type_of(self), pack(t, {src}), pack(t, {saved, py_bool(r_(self)->kind)}));
  }
  Value it = iter(t, saved);
  if (!it) return {};
  std::int64_t n = list_length(saved);
  if (n && r_(self)->index % n) {
    Value setstate = getattr(t, it, intern_literal(t, "__setstate__"));
    if (!setstate || !call1(t, setstate, Value::small_int(r_(self)->index % n))) return {};
  }
  return reduction(t, type_of(self), pack(t, {it}), pack(t, {saved, py_bool(true)}));
}
INTERP_NATIVE(cycle_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  Value state = args[1];
  if (!state_tuple(t, state, 2)) return {};
  Value saved = tuple_item(state, 0);
  if (!isinstance(saved, T_list))
    return raisef(t, exc(E_TypeError), "argument 1 must be list, not %s",
                  type_name(type_of(saved)).c_str());
  std::int64_t whole;
  if (!int_check(tuple_item(state, 1)))
    return raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                  type_name(type_of(tuple_item(state, 1))).c_str());
  if (!index_to_i64(t, tuple_item(state, 1), whole, true)) return {};
  w_(args[0])->extra = saved;
  w_(args[0])->kind = whole != 0;
  w_(args[0])->index = 0;
  return none();
}

// ---- accumulate: extra the function (None: +), extra2 the total (0 before the first),
// kind 1 while an initial value is still to be yielded ----------------------------------------
INTERP_NATIVE(accumulate_new) {
  static const char* const kAllowed[] = {"iterable", "func", "initial", nullptr};
  if (!check_keywords(t, "accumulate", kwnames, kAllowed) ||
      !at_most(t, "accumulate", nargs, kwnames, 2, "positional "))
    return {};
  Value iterable = arg_or_keyword(args, nargs, kwnames, 1, "iterable");
  Value func = arg_or_keyword(args, nargs, kwnames, 2, "func");
  Value initial = keyword_arg(kwnames, args, nargs, "initial");
  if (!iterable)
    return raise(t, exc(E_TypeError), "accumulate() missing required argument 'iterable' (pos 1)");
  Value source = iter(t, iterable);
  if (!source) return {};
  Value it = make_it(t, args[0], source);
  if (!it) return {};
  IteratorObject* o = fresh<IteratorObject>(it);
  o->extra = func ? func : none();
  if (initial && initial != none()) {
    o->extra2 = initial;
    o->kind = 1;
  }
  return it;
}
INTERP_NATIVE(accumulate_next) {
  Value self = args[0];
  if (r_(self)->kind == 1) {
    w_(self)->kind = 0;
    return r_(self)->extra2;
  }
  Value v = next(t, r_(self)->seq);
  if (!v) return stop(t);
  Value total = r_(self)->extra2;
  if (total) {
    Value f = r_(self)->extra;
    v = f == none() ? binary_op(t, total, v, bytecode::BinaryOp::Add) : call2(t, f, total, v);
    if (!v) return {};
  }
  w_(self)->extra2 = v;
  return v;
}

// The state is the running total; before the first item, or with an initial value still
// to give, the iterator is made to start over (a chain of the initial value and the rest).
// A total that is None itself can't be the state (None means none yet): an accumulate of
// the chain of it and the rest, less its first item, stands in.
INTERP_NATIVE(accumulate_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  Value cls = type_of(self), func = r_(self)->extra, total = r_(self)->extra2;
  if (r_(self)->kind == 1 || total == none()) {
    Value chain = itertools_class(t, "chain");
    Value head = chain ? pack(t, {total}) : Value();
    Value restart = head ? call2(t, chain, head, r_(self)->seq) : Value();
    if (!restart) return {};
    if (r_(self)->kind == 1) return reduction(t, cls, pack(t, {restart, func}), none());
    Value islice = itertools_class(t, "islice");
    Value again = islice ? call2(t, cls, restart, func) : Value();
    if (!again) return {};
    return reduction(t, islice, pack(t, {again, Value::small_int(1), none()}));
  }
  return reduction(t, cls, pack(t, {r_(self)->seq, func}), total ? total : none());
}
INTERP_NATIVE(accumulate_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  w_(args[0])->extra2 = args[1];
  w_(args[0])->kind = 0;
  return none();
}

// ---- zip_longest: seq a list of iterators (None once exhausted), extra the fill value,
// index how many are still active ---------------------------------------------------------
INTERP_NATIVE(zip_longest_new) {
  static const char* const kAllowed[] = {"fillvalue", nullptr};
  if (!check_keywords(t, "zip_longest", kwnames, kAllowed)) return {};
  Value fill = keyword_arg(kwnames, args, nargs, "fillvalue");
  std::size_t npos = nargs - keyword_count(kwnames);
  Value iters = list_new(t);
  if (!iters) return {};
  for (std::size_t i = 1; i < npos; ++i) {
    Value it = iter(t, args[i]);
    if (!it || !list_append(t, iters, it)) return {};
  }
  Value it = make_it(t, args[0], iters);
  if (!it) return {};
  fresh<IteratorObject>(it)->extra = fill ? fill : none();
  fresh<IteratorObject>(it)->index = std::int64_t(npos - 1);
  return it;
}
INTERP_NATIVE(zip_longest_next) {
  Value self = args[0];
  Value iters = r_(self)->seq;
  std::int64_t n = list_length(iters);
  if (n == 0 || r_(self)->index == 0) return stop(t);
  Value out = tuple_new(t, std::size_t(n));
  if (!out) return {};
  for (std::int64_t i = 0; i < n; ++i) {
    Value it = list_item(iters, i);
    Value v;
    if (it != none()) {
      v = next(t, it);
      if (!v) {
        if (t.pending) return {};
        list_set_item(iters, i, none());
        std::int64_t active = r_(self)->index - 1;
        w_(self)->index = active;
        if (active == 0) return stop(t);
      }
    }
    tuple_init(out, i, v ? v : r_(self)->extra);
  }
  return out;
}

// zip_longest of the iterators (an empty tuple for each exhausted one), the fill value
// as state.
INTERP_NATIVE(zip_longest_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value iters = r_(args[0])->seq;
  std::int64_t n = list_length(iters);
  Value call_args = tuple_new(t, std::size_t(n));
  if (!call_args) return {};
  for (std::int64_t i = 0; i < n; ++i) {
    Value it = list_item(iters, i);
    tuple_init(call_args, i, it == none() ? runtime().empty_tuple : it);
  }
  return reduction(t, type_of(args[0]), call_args, r_(args[0])->extra);
}
INTERP_NATIVE(zip_longest_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  w_(args[0])->extra = args[1];
  return none();
}

// ---- the combinatoric classes: seq the pool (product: the tuple of pools, repeats
// included), extra the list of indices into it, extra2 permutations' cycles, index r, kind
// the kStarted / kStopped flags. Each step makes the next index list from the last, as
// CPython does, so a result is only made when asked for and the state can be pickled.
constexpr std::int64_t kStarted = 1, kStopped = 2;

std::int64_t index_at(Value indices, std::int64_t i) {
  return list_item(indices, i).small_int_value();
}
void set_index(Value indices, std::int64_t i, std::int64_t v) {
  list_set_item(indices, i, Value::small_int(v));
}
// A list of n small ints: start, start + step, ...
Value index_list(Thread& t, std::int64_t n, std::int64_t start, std::int64_t step) {
  Value list = list_new(t);
  for (std::int64_t i = 0; list && i < n; ++i)
    if (!list_append(t, list, Value::small_int(start + i * step))) return {};
  return list;
}
Value index_tuple(Thread& t, Value indices) {
  return tuple_of(t, indices);
}
// The tuple of pool[indices[k]] for the first r indices (product: pools[k][indices[k]]).
Value pick(Thread& t, Value pool, Value indices, std::int64_t r, bool per_pool) {
  Value tup = tuple_new(t, std::size_t(r));
  if (!tup) return {};
  for (std::int64_t k = 0; k < r; ++k) {
    Value from = per_pool ? tuple_item(pool, k) : pool;
    tuple_init(tup, k, tuple_item(from, index_at(indices, k)));
  }
  return tup;
}
// Reads a __setstate__ tuple of n indices, each clamped to [low(i), high(i)].
template <class Low, class High>
bool read_indices(Thread& t, Value state, Value indices, std::int64_t n, Low low, High high) {
  if (!isinstance(state, T_tuple) || tuple_length(state) != n) {
    raise(t, exc(E_ValueError), "invalid arguments");
    return false;
  }
  for (std::int64_t i = 0; i < n; ++i) {
    std::int64_t v;
    if (!index_to_i64(t, tuple_item(state, i), v, true)) return false;
    v = std::max<std::int64_t>(std::min<std::int64_t>(v, high(i)), low(i));
    set_index(indices, i, v);
  }
  return true;
}
Value combinatoric(Thread& t, Value cls, Value pool, Value indices, std::int64_t r, bool stopped) {
  Value it = indices ? make_it(t, cls, pool) : Value();
  if (!it) return {};
  IteratorObject* o = fresh<IteratorObject>(it);
  o->extra = indices;
  o->index = r;
  o->kind = stopped ? kStopped : 0;
  return it;
}

INTERP_NATIVE(product_new) {
  static const char* const kAllowed[] = {"repeat", nullptr};
  if (!check_keywords(t, "product", kwnames, kAllowed)) return {};
  Value rep = keyword_arg(kwnames, args, nargs, "repeat");
  std::int64_t repeat = 1;
  if (rep && !index_to_i64(t, rep, repeat)) return {};
  if (repeat < 0) return raise(t, exc(E_ValueError), "repeat argument cannot be negative");
  std::size_t npos = nargs - keyword_count(kwnames);
  std::int64_t base = std::int64_t(npos) - 1;
  if (base && repeat > PTRDIFF_MAX / base)
    return raise(t, exc(E_OverflowError), "repeat argument too large");
  Value pools = tuple_new(t, std::size_t(base * repeat));
  if (!pools) return {};
  for (std::int64_t i = 0; i < base; ++i) {
    Value p = tuple_of(t, args[i + 1]);
    if (!p) return {};
    for (std::int64_t k = 0; k < repeat; ++k)
      tuple_init(pools, k * base + i, p);
  }
  std::int64_t n = base * repeat;
  return combinatoric(t, args[0], pools, index_list(t, n, 0, 0), n, false);
}
INTERP_NATIVE(product_next) {
  Value self = args[0];
  const IteratorObject* o = r_(self);
  Value pools = o->seq, indices = o->extra;
  std::int64_t n = o->index;
  if (o->kind & kStopped) return stop(t);
  if (!(o->kind & kStarted)) {
    for (std::int64_t k = 0; k < n; ++k) {
      if (tuple_length(tuple_item(pools, k)) == 0) {
        w_(self)->kind = kStopped;
        return stop(t);
      }
    }
    w_(self)->kind = kStarted;
    return pick(t, pools, indices, n, true);
  }
  std::int64_t k = n - 1;
  for (; k >= 0; --k) {
    std::int64_t v = index_at(indices, k) + 1;
    if (v < tuple_length(tuple_item(pools, k))) {
      set_index(indices, k, v);
      break;
    }
    set_index(indices, k, 0);
  }
  if (k < 0) {
    w_(self)->kind = kStarted | kStopped;
    return stop(t);
  }
  return pick(t, pools, indices, n, true);
}
INTERP_NATIVE(product_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  const IteratorObject* o = r_(args[0]);
  Value cls = type_of(args[0]);
  if (o->kind & kStopped) return reduction(t, cls, pack(t, {runtime().empty_tuple}));
  if (!(o->kind & kStarted)) return reduction(t, cls, o->seq);
  return reduction(t, cls, o->seq, index_tuple(t, o->extra));
}
INTERP_NATIVE(product_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  Value self = args[0];
  Value pools = r_(self)->seq;
  std::int64_t n = r_(self)->index;
  for (std::int64_t k = 0; k < n; ++k) {
    if (tuple_length(tuple_item(pools, k)) == 0) {
      if (!isinstance(args[1], T_tuple) || tuple_length(args[1]) != n) break;
      w_(self)->kind |= kStopped;
      return none();
    }
  }
  auto low = [](std::int64_t) { return std::int64_t(0); };
  auto high = [&](std::int64_t k) { return tuple_length(tuple_item(pools, k)) - 1; };
  if (!read_indices(t, args[1], r_(self)->extra, n, low, high)) return {};
  w_(self)->kind |= kStarted;
  return none();
}

bool pool_and_r(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* what,
                bool r_optional, Value& pool, std::int64_t& r) {
  static const char* const kAllowed[] = {"iterable", "r", nullptr};
  if (!check_keywords(t, what, kwnames, kAllowed) || !at_most(t, what, nargs, kwnames, 2))
    return false;
  Value iterable = arg_or_keyword(args, nargs, kwnames, 1, "iterable");
  Value rv = arg_or_keyword(args, nargs, kwnames, 2, "r");
  if (!iterable || (!rv && !r_optional)) {
    raisef(t, exc(E_TypeError), "%s() missing required argument '%s' (pos %d)", what,
           iterable ? "r" : "iterable", iterable ? 2 : 1);
    return false;
  }
  pool = tuple_of(t, iterable);
  if (!pool) return false;
  r = tuple_length(pool);
  if (rv && rv != none() && !index_to_i64(t, rv, r)) return false;
  if (r < 0) {
    raise(t, exc(E_ValueError), "r must be non-negative");
    return false;
  }
  return true;
}
// (pool, r) before the first result, ((), r) once stopped, else (pool, r) and the state.
Value pool_reduce(Thread& t, Value self, Value state) {
  const IteratorObject* o = r_(self);
  Value r = Value::small_int(o->index);
  if (!(o->kind & kStarted)) return reduction(t, type_of(self), pack(t, {o->seq, r}));
  if (o->kind & kStopped) return reduction(t, type_of(self), pack(t, {runtime().empty_tuple, r}));
  return state ? reduction(t, type_of(self), pack(t, {o->seq, r}), state) : Value();
}

// permutations: indices all n positions, cycles (extra2) r countdowns.
INTERP_NATIVE(permutations_new) {
  Value pool;
  std::int64_t r;
  if (!pool_and_r(t, args, nargs, kwnames, "permutations", true, pool, r)) return {};
  std::int64_t n = tuple_length(pool);
  Value it = combinatoric(t, args[0], pool, index_list(t, n, 0, 1), r, r > n);
  Value cycles = it ? index_list(t, r > n ? 0 : r, n, -1) : Value();
  if (!cycles) return {};
  w_(it)->extra2 = cycles;
  return it;
}
INTERP_NATIVE(permutations_next) {
  Value self = args[0];
  const IteratorObject* o = r_(self);
  Value pool = o->seq, indices = o->extra, cycles = o->extra2;
  std::int64_t n = tuple_length(pool), r = o->index;
  if (o->kind & kStopped) return stop(t);
  if (!(o->kind & kStarted)) {
    w_(self)->kind = kStarted;
    return pick(t, pool, indices, r, false);
  }
  std::int64_t i = n ? r - 1 : -1;
  for (; i >= 0; --i) {
    std::int64_t c = index_at(cycles, i) - 1;
    if (c == 0) {
      // Rotate indices[i:] left by one.
      Value first = list_item(indices, i);
      for (std::int64_t j = i; j < n - 1; ++j)
        list_set_item(indices, j, list_item(indices, j + 1));
      list_set_item(indices, n - 1, first);
      set_index(cycles, i, n - i);
    } else {
      set_index(cycles, i, c);
      Value a = list_item(indices, i);
      list_set_item(indices, i, list_item(indices, n - c));
      list_set_item(indices, n - c, a);
      break;
    }
  }
  if (i < 0) {
    w_(self)->kind = kStarted | kStopped;
    return stop(t);
  }
  return pick(t, pool, indices, r, false);
}
INTERP_NATIVE(permutations_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  const IteratorObject* o = r_(args[0]);
  Value state;
  if ((o->kind & kStarted) && !(o->kind & kStopped)) {
    Value indices = index_tuple(t, o->extra);
    Value cycles = indices ? index_tuple(t, o->extra2) : Value();
    state = cycles ? pack(t, {indices, cycles}) : Value();
  }
  return pool_reduce(t, args[0], state);
}
INTERP_NATIVE(permutations_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  Value self = args[0], state = args[1];
  if (!state_tuple(t, state, 2)) return {};
  for (int k = 0; k < 2; ++k)
    if (!isinstance(tuple_item(state, k), T_tuple))
      return raisef(t, exc(E_TypeError), "argument %d must be tuple, not %s", k + 1,
                    type_name(type_of(tuple_item(state, k))).c_str());
  std::int64_t n = tuple_length(r_(self)->seq), r = r_(self)->index;
  if (tuple_length(tuple_item(state, 0)) != n || tuple_length(tuple_item(state, 1)) != r)
    return raise(t, exc(E_ValueError), "invalid arguments");
  auto zero = [](std::int64_t) { return std::int64_t(0); };
  auto last = [&](std::int64_t) { return n - 1; };
  auto one = [](std::int64_t) { return std::int64_t(1); };
  auto left = [&](std::int64_t i) { return n - i; };
  if (!read_indices(t, tuple_item(state, 0), r_(self)->extra, n, zero, last)) return {};
  if (!read_indices(t, tuple_item(state, 1), r_(self)->extra2, r, one, left)) return {};
  w_(self)->kind |= kStarted;
  return none();
}

// combinations and combinations_with_replacement: indices r positions into the pool.
Value combinations_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                        bool replacement) {
  const char* what = replacement ? "combinations_with_replacement" : "combinations";
  Value pool;
  std::int64_t r;
  if (!pool_and_r(t, args, nargs, kwnames, what, false, pool, r)) return {};
  std::int64_t n = tuple_length(pool);
  bool none_at_all = replacement ? (n == 0 && r > 0) : r > n;
  return combinatoric(t, args[0], pool, index_list(t, r, 0, replacement ? 0 : 1), r, none_at_all);
}
Value combinations_step(Thread& t, Value self, bool replacement) {
  const IteratorObject* o = r_(self);
  Value pool = o->seq, indices = o->extra;
  std::int64_t n = tuple_length(pool), r = o->index;
  if (o->kind & kStopped) return stop(t);
  if (!(o->kind & kStarted)) {
    w_(self)->kind = kStarted;
    return pick(t, pool, indices, r, false);
  }
  // The rightmost index not at its highest value moves on; those after it follow.
  std::int64_t i = r - 1;
  for (; i >= 0; --i)
    if (index_at(indices, i) != (replacement ? n - 1 : i + n - r)) break;
  if (i < 0) {
    w_(self)->kind = kStarted | kStopped;
    return stop(t);
  }
  std::int64_t v = index_at(indices, i) + 1;
  for (std::int64_t j = i; j < r; ++j)
    set_index(indices, j, replacement ? v : v + (j - i));
  return pick(t, pool, indices, r, false);
}
INTERP_NATIVE(combinations_new) {
  return combinations_impl(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(combinations_wr_new) {
  return combinations_impl(t, args, nargs, kwnames, true);
}
INTERP_NATIVE(combinations_next) {
  return combinations_step(t, args[0], false);
}
INTERP_NATIVE(combinations_wr_next) {
  return combinations_step(t, args[0], true);
}
INTERP_NATIVE(combinations_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  const IteratorObject* o = r_(args[0]);
  bool running = (o->kind & kStarted) && !(o->kind & kStopped);
  return pool_reduce(t, args[0], running ? index_tuple(t, o->extra) : Value());
}
Value combinations_setstate_impl(Thread& t, Value self, Value state, bool replacement) {
  std::int64_t n = tuple_length(r_(self)->seq), r = r_(self)->index;
  auto zero = [](std::int64_t) { return std::int64_t(0); };
  auto high = [&](std::int64_t i) { return replacement ? n - 1 : i + n - r; };
  if (!read_indices(t, state, r_(self)->extra, r, zero, high)) return {};
  w_(self)->kind |= kStarted;
  return none();
}
INTERP_NATIVE(combinations_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  return combinations_setstate_impl(t, args[0], args[1], false);
}
INTERP_NATIVE(combinations_wr_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  return combinations_setstate_impl(t, args[0], args[1], true);
}

// ---- groupby: seq the iterator, extra the key function, extra2 the list [target key,
// current key, current value] (kind has a bit for each that is set), index the number of the
// current group. Groups read the shared iterator as CPython's do: a group is only good
// while it is the current one, and moving the groupby on ends it.
constexpr std::int64_t kTarget = 1, kKey = 2, kValue = 4;

INTERP_NATIVE(groupby_new) {
  static const char* const kAllowed[] = {"iterable", "key", nullptr};
  if (!check_keywords(t, "groupby", kwnames, kAllowed) || !at_most(t, "groupby", nargs, kwnames, 2))
    return {};
  Value iterable = arg_or_keyword(args, nargs, kwnames, 1, "iterable");
  Value key = arg_or_keyword(args, nargs, kwnames, 2, "key");
  if (!iterable)
    return raise(t, exc(E_TypeError), "groupby() missing required argument 'iterable' (pos 1)");
  Value source = iter(t, iterable);
  if (!source) return {};
  Value slots[3] = {none(), none(), none()};
  Value state = list_from(t, slots, 3);
  Value it = state ? make_it(t, args[0], source) : Value();
  if (!it) return {};
  fresh<IteratorObject>(it)->extra = key ? key : none();
  fresh<IteratorObject>(it)->extra2 = state;
  return it;
}
bool groupby_has(Value self, std::int64_t bits) {
  return (r_(self)->kind & bits) == bits;
}
Value groupby_slot(Value self, int i) {
  return list_item(r_(self)->extra2, i);
}
// Reads the next value and its key into the current ones; false at the end or on error.
bool groupby_step(Thread& t, Value self) {
  Value v = next(t, r_(self)->seq);
  if (!v) return false;
  Value f = r_(self)->extra;
  Value k = f == none() ? v : call1(t, f, v);
  if (!k) return false;
  list_set_item(r_(self)->extra2, 1, k);
  list_set_item(r_(self)->extra2, 2, v);
  w_(self)->kind = r_(self)->kind | kKey | kValue;
  return true;
}
Value new_group(Thread& t, Value parent, Value target) {
  Value cls = itertools_class(t, "_grouper");
  Value g = cls ? make_it(t, cls, parent) : Value();
  if (!g) return {};
  w_(parent)->index = r_(parent)->index + 1;
  fresh<IteratorObject>(g)->extra = target;
  fresh<IteratorObject>(g)->index = r_(parent)->index;
  return g;
}
INTERP_NATIVE(groupby_next) {
  Value self = args[0];
  w_(self)->index = r_(self)->index + 1; // no group is current meanwhile
  // Skip what is left of the current group.
  for (;;) {
    if (groupby_has(self, kKey)) {
      if (!groupby_has(self, kTarget)) break;
      int eq = equal(t, groupby_slot(self, 0), groupby_slot(self, 1));
      if (eq < 0) return {};
      if (!eq) break;
    }
    if (!groupby_step(t, self)) return stop(t);
  }
  Value key = groupby_slot(self, 1);
  list_set_item(r_(self)->extra2, 0, key);
  w_(self)->kind = r_(self)->kind | kTarget;
  Value group = new_group(t, self, key);
  return group ? pack(t, {key, group}) : Value();
}
// groupby(iterator, key) with (current key, current value, target key) as state once started.
INTERP_NATIVE(groupby_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  Value call_args = pack(t, {r_(self)->seq, r_(self)->extra});
  Value state;
  if (groupby_has(self, kTarget | kKey | kValue))
    state = pack(t, {groupby_slot(self, 1), groupby_slot(self, 2), groupby_slot(self, 0)});
  return reduction(t, type_of(self), call_args, state);
}
INTERP_NATIVE(groupby_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  Value self = args[0], state = args[1];
  if (!state_tuple(t, state, 3)) return {};
  list_set_item(r_(self)->extra2, 0, tuple_item(state, 2));
  list_set_item(r_(self)->extra2, 1, tuple_item(state, 0));
  list_set_item(r_(self)->extra2, 2, tuple_item(state, 1));
  w_(self)->kind = kTarget | kKey | kValue;
  return none();
}

// ---- _grouper: one group of a groupby; seq the groupby, extra the group's key, index its
// number (the group is current while the groupby's index is the same).
bool group_is_current(Value self) {
  return r_(self)->index == r_(r_(self)->seq)->index;
}
INTERP_NATIVE(grouper_new) {
  if (!no_keywords(t, "_grouper", args[0], kwnames, nargs)) return {};
  if (nargs != 3)
    return raisef(t, exc(E_TypeError), "_grouper expected 2 arguments, got %zu", nargs - 1);
  Value groupby = itertools_class(t, "groupby");
  if (!groupby) return {};
  int is_groupby = isinstance_of(t, args[1], groupby);
  if (is_groupby < 0) return {};
  if (!is_groupby)
    return raisef(t, exc(E_TypeError), "argument 1 must be itertools.groupby, not %s",
                  type_name(type_of(args[1])).c_str());
  return new_group(t, args[1], args[2]);
}
INTERP_NATIVE(grouper_next) {
  Value self = args[0];
  if (!group_is_current(self)) return stop(t);
  Value parent = r_(self)->seq;
  if (!groupby_has(parent, kValue) && !groupby_step(t, parent)) return stop(t);
  int eq = equal(t, r_(self)->extra, groupby_slot(parent, 1));
  if (eq <= 0) return eq < 0 ? Value() : stop(t);
  Value v = groupby_slot(parent, 2);
  list_set_item(r_(parent)->extra2, 1, none());
  list_set_item(r_(parent)->extra2, 2, none());
  w_(parent)->kind = r_(parent)->kind & ~(kKey | kValue);
  return v;
}
// _grouper(groupby, key) while current (unpickling it makes it current again); a group
// that has ended is an empty iterator.
INTERP_NATIVE(grouper_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  if (!group_is_current(self)) {
    Value iter_fn = getattr(t, runtime().builtins_module, intern_literal(t, "iter"));
    return iter_fn ? reduction(t, iter_fn, pack(t, {runtime().empty_tuple})) : Value();
  }
  return reduction(t, type_of(self), pack(t, {r_(self)->seq, r_(self)->extra}));
}

// ---- tee: each copy reads a shared list [source iterator, buffer list, running] at its own
// index. `running` is True while a copy advances the source: another copy (the source's own
// __next__, or another thread) may not advance it meanwhile, as in CPython. The shared list
// is the pickled state, so it is checked before use.
bool tee_shared_ok(Value shared) {
  return isinstance(shared, T_list) && list_length(shared) == 3 &&
         isinstance(list_item(shared, 1), T_list);
}
INTERP_NATIVE(tee_next) {
  Value shared = r_(args[0])->seq;
  if (!tee_shared_ok(shared)) return raise(t, exc(E_RuntimeError), "tee state was changed");
  Value buffer = list_item(shared, 1);
  std::int64_t i = r_(args[0])->index;
  if (i >= list_length(buffer)) {
    if (list_item(shared, 2) == runtime().true_)
      return raise(t, exc(E_RuntimeError), "cannot re-enter the tee iterator");
    list_set_item(shared, 2, runtime().true_);
    Value v = next(t, list_item(shared, 0));
    list_set_item(shared, 2, runtime().false_);
    if (!v) return stop(t);
    if (!list_append(t, buffer, v)) return {};
    if (i >= list_length(buffer)) return raise(t, exc(E_RuntimeError), "tee state was changed");
  }
  w_(args[0])->index = i + 1;
  return list_item(buffer, i);
}
// A tee reading iterator `source`; a copy of it when it is a tee already.
Value tee_from(Thread& t, Value cls, Value source) {
  int is_tee = isinstance_of(t, source, cls);
  if (is_tee < 0) return {};
  if (is_tee) {
    Value copy = make_it(t, type_of(source), r_(source)->seq);
    if (copy) fresh<IteratorObject>(copy)->index = r_(source)->index;
    return copy;
  }
  Value buffer = list_new(t);
  if (!buffer) return {};
  Value parts[3] = {source, buffer, runtime().false_};
  Value shared = list_from(t, parts, 3);
  return shared ? make_it(t, cls, shared) : Value();
}
INTERP_NATIVE(tee_copy) {
  return tee_from(t, type_of(args[0]), args[0]);
}
INTERP_NATIVE(tee_new) {
  if (!no_keywords(t, "_tee", args[0], kwnames, nargs)) return {};
  if (nargs != 2)
    return raisef(t, exc(E_TypeError), "_tee expected 1 argument, got %zu", nargs - 1);
  Value source = iter(t, args[1]);
  return source ? tee_from(t, args[0], source) : Value();
}
// _tee(()) with (shared list, index) as state.
INTERP_NATIVE(tee_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  Value state = pack(t, {r_(args[0])->seq, Value::small_int(r_(args[0])->index)});
  return reduction(t, type_of(args[0]), pack(t, {runtime().empty_tuple}), state);
}
INTERP_NATIVE(tee_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  Value state = args[1];
  if (!state_tuple(t, state, 2)) return {};
  Value shared = tuple_item(state, 0);
  if (!tee_shared_ok(shared))
    return raise(t, exc(E_TypeError), "argument 1 must be a tee's shared state");
  std::int64_t i;
  if (!index_to_i64(t, tuple_item(state, 1), i)) return {};
  if (i < 0 || i > list_length(list_item(shared, 1)))
    return raise(t, exc(E_ValueError), "Index out of range");
  w_(args[0])->seq = shared;
  w_(args[0])->index = i;
  return none();
}
// The iterator itself and copies of it where it can copy itself (a tee can), else tees
// of it.
INTERP_NATIVE(mod_tee) {
  if (!check_positional(t, "tee", nargs, kwnames, 1, 2, 0)) return {};
  std::int64_t n = 2;
  if (nargs > 1 && !index_to_i64(t, args[1], n)) return {};
  if (n < 0) return raise(t, exc(E_ValueError), "n must be >= 0");
  Value source = iter(t, args[0]);
  if (!source) return {};
  Value copier = getattr_opt(t, source, intern_literal(t, "__copy__"));
  if (t.pending) return {};
  Value first = source;
  if (!copier) {
    Value cls = itertools_class(t, "_tee");
    first = cls ? tee_from(t, cls, source) : Value();
    copier = first ? getattr(t, first, intern_literal(t, "__copy__")) : Value();
    if (!copier) return {};
  }
  Value out = tuple_new(t, std::size_t(n));
  if (!out) return {};
  for (std::int64_t i = 0; i < n; ++i) {
    Value c = i == 0 ? first : call0(t, copier);
    if (!c) return {};
    tuple_init(out, i, c);
  }
  return out;
}

struct ClassSpec {
  const char* name;
  NativeFn new_fn;
  NativeFn next_fn;
  NativeFn repr_fn;
  NativeFn reduce_fn;   // 0: can't be pickled (pairwise, as in CPython)
  NativeFn setstate_fn; // 0: __reduce__ gives no state
};

} // namespace

Value make_itertools_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"tee", mod_tee}};
  Value m = new_module(t, "itertools", kFunctions, std::size(kFunctions));
  if (!m) return {};
  static const ClassSpec kClasses[] = {
      {"count", count_new, count_next, count_repr, count_reduce, nullptr},
      {"repeat", repeat_new, repeat_next, repeat_repr, repeat_reduce, nullptr},
      {"chain", chain_new, chain_next, nullptr, chain_reduce, chain_setstate},
      {"islice", islice_new, islice_next, nullptr, islice_reduce, islice_setstate},
      {"starmap", starmap_new, starmap_next, nullptr, function_first_reduce, nullptr},
      {"takewhile", takewhile_new, takewhile_next, nullptr, predicate_reduce, predicate_setstate},
      {"dropwhile", dropwhile_new, dropwhile_next, nullptr, predicate_reduce, predicate_setstate},
      {"filterfalse", filterfalse_new, filterfalse_next, nullptr, function_first_reduce, nullptr},
      {"compress", compress_new, compress_next, nullptr, compress_reduce, nullptr},
      {"pairwise", pairwise_new, pairwise_next, nullptr, nullptr, nullptr},
      {"cycle", cycle_new, cycle_next, nullptr, cycle_reduce, cycle_setstate},
      {"accumulate", accumulate_new, accumulate_next, nullptr, accumulate_reduce,
       accumulate_setstate},
      {"zip_longest", zip_longest_new, zip_longest_next, nullptr, zip_longest_reduce,
       zip_longest_setstate},
      {"product", product_new, product_next, nullptr, product_reduce, product_setstate},
      {"permutations", permutations_new, permutations_next, nullptr, permutations_reduce,
       permutations_setstate},
      {"combinations", combinations_new, combinations_next, nullptr, combinations_reduce,
       combinations_setstate},
      {"combinations_with_replacement", combinations_wr_new, combinations_wr_next, nullptr,
       combinations_reduce, combinations_wr_setstate},
      {"groupby", groupby_new, groupby_next, nullptr, groupby_reduce, groupby_setstate},
      {"_grouper", grouper_new, grouper_next, nullptr, grouper_reduce, nullptr},
      {"_tee", tee_new, tee_next, nullptr, tee_reduce, tee_setstate},
  };
  for (const ClassSpec& c : kClasses) {
    Value type = new_type(t, c.name, "itertools", Layout::Instance);
    if (!type) return {};
    add_staticmethod(t, type, "__new__", c.new_fn);
    add_method(t, type, "__iter__", it_iter);
    add_method(t, type, "__next__", c.next_fn);
    if (c.repr_fn) add_method(t, type, "__repr__", c.repr_fn);
    if (c.reduce_fn) add_method(t, type, "__reduce__", c.reduce_fn);
    if (c.setstate_fn) add_method(t, type, "__setstate__", c.setstate_fn);
    if (c.new_fn == chain_new) add_classmethod(t, type, "from_iterable", chain_from_iterable);
    if (c.new_fn == repeat_new) add_method(t, type, "__length_hint__", repeat_length_hint);
    if (c.new_fn == tee_new) {
      add_method(t, type, "__copy__", tee_copy);
      make_weakrefable(type); // as CPython's tee objects
    }
    update_type_flags(type);
    module_set(t, m, c.name, type);
  }
  return m;
}

} // namespace interp
