// interp/modules/itertools.cc - the itertools module: iterator building blocks.
//
// Every class here lays an IteratorObject's fields over an Instance-layout object (the
// Iterator layout is reserved to the builtin iterators, which the VM's fast paths
// recognise by layout); the fields hold the state: `seq` the
// source iterator (or a list of results), `index` and `kind` counters and flags, `extra`
// and `extra2` what else the class needs. The combinatoric classes (product,
// permutations, combinations...) compute their results when made, as CPython consumes
// their inputs up front anyway.
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

bool no_keywords(Thread& t, const char* what, Value kwnames) {
  if (keyword_count(kwnames)) {
    raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", what);
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

// ---- repeat ----------------------------------------------------------------------------------
INTERP_NATIVE(repeat_new) {
  static const char* const kAllowed[] = {"object", "times", nullptr};
  if (!check_keywords(t, "repeat", kwnames, kAllowed)) return {};
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

// ---- chain: seq the iterables (a tuple, or an iterator for from_iterable: kind 1), extra
// the current iterator ------------------------------------------------------------------------
INTERP_NATIVE(chain_new) {
  if (!no_keywords(t, "chain", kwnames)) return {};
  Value items = tuple_from(t, args + 1, nargs - 1);
  return items ? make_it(t, args[0], items) : Value();
}
INTERP_NATIVE(chain_from_iterable) {
  Value source = iter(t, args[1]);
  if (!source) return {};
  Value it = make_it(t, args[0], source);
  if (it) fresh<IteratorObject>(it)->kind = 1;
  return it;
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
    Value iterable;
    if (r_(self)->kind == 1) {
      iterable = next(t, src);
      if (!iterable) {
        if (t.pending) return {};
        w_(self)->seq = {};
        return stop(t);
      }
    } else {
      std::int64_t i = r_(self)->index;
      if (i >= tuple_length(src)) return stop(t);
      w_(self)->index = i + 1;
      iterable = tuple_item(src, i);
    }
    Value nit = iter(t, iterable);
    if (!nit) return {};
    w_(self)->extra = nit;
  }
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
  if (!no_keywords(t, "islice", kwnames)) return {};
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
  IteratorObject* o = fresh<IteratorObject>(it);
  o->extra = Value::small_int(start);
  o->extra2 = stop_at < 0 ? none() : Value::small_int(stop_at);
  o->kind = step;
  return it;
}
INTERP_NATIVE(islice_next) {
  Value self = args[0];
  Value src = r_(self)->seq;
  if (!src) return stop(t);
  std::int64_t want = r_(self)->extra.small_int_value();
  Value stop_v = r_(self)->extra2;
  std::int64_t stop_at = stop_v == none() ? -1 : stop_v.small_int_value();
  for (;;) {
    std::int64_t taken = r_(self)->index;
    if (stop_at >= 0 && taken >= stop_at && taken >= want) {
      w_(self)->seq = {};
      return stop(t);
    }
    if (stop_at >= 0 && want >= stop_at) {
      // Consume up to stop, as CPython does, then end.
      while (r_(self)->index < stop_at) {
        Value v = next(t, src);
        if (!v) break;
        w_(self)->index = r_(self)->index + 1;
      }
      if (t.pending) return {};
      w_(self)->seq = {};
      return stop(t);
    }
    Value v = next(t, src);
    if (!v) {
      if (t.pending) return {};
      w_(self)->seq = {};
      return stop(t);
    }
    w_(self)->index = taken + 1;
    if (taken == want) {
      w_(self)->extra = Value::small_int(want + r_(self)->kind);
      return v;
    }
  }
}

// ---- starmap, takewhile, dropwhile, filterfalse, compress, pairwise ---------------------------
Value two_arg_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* what,
                  bool iterate_first) {
  if (!no_keywords(t, what, kwnames)) return {};
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
  if (!no_keywords(t, "pairwise", kwnames)) return {};
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

// ---- cycle: seq the iterator (0 once exhausted), extra the saved items ------------------------
INTERP_NATIVE(cycle_new) {
  if (!no_keywords(t, "cycle", kwnames)) return {};
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
      if (!list_append(t, saved, v)) return {};
      return v;
    }
    if (t.pending) return {};
    w_(self)->seq = {};
  }
  std::int64_t n = list_length(saved);
  if (n == 0) return stop(t);
  std::int64_t i = r_(self)->index % n;
  w_(self)->index = i + 1;
  return list_item(saved, i);
}

// ---- accumulate: extra the function (None: +), extra2 the total (0 before the first),
// kind 1 while an initial value is still to be yielded ----------------------------------------
INTERP_NATIVE(accumulate_new) {
  static const char* const kAllowed[] = {"iterable", "func", "initial", nullptr};
  if (!check_keywords(t, "accumulate", kwnames, kAllowed)) return {};
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

// ---- the combinatoric classes: results computed up front into seq (a list) ------------------
INTERP_NATIVE(list_backed_next) {
  Value items = r_(args[0])->seq;
  std::int64_t i = r_(args[0])->index;
  if (i >= list_length(items)) return stop(t);
  w_(args[0])->index = i + 1;
  return list_item(items, i);
}

Value list_backed(Thread& t, Value cls, Value results) {
  return results ? make_it(t, cls, results) : Value();
}

// Appends the tuple of pool[indices[k]] for each k.
bool emit(Thread& t, Value results, Value pool, const std::vector<std::int64_t>& indices) {
  Value tup = tuple_new(t, indices.size());
  if (!tup) return false;
  for (std::size_t k = 0; k < indices.size(); ++k)
    tuple_init(tup, k, tuple_item(pool, indices[k]));
  return list_append(t, results, tup);
}

INTERP_NATIVE(product_new) {
  static const char* const kAllowed[] = {"repeat", nullptr};
  if (!check_keywords(t, "product", kwnames, kAllowed)) return {};
  Value rep = keyword_arg(kwnames, args, nargs, "repeat");
  std::int64_t repeat = 1;
  if (rep && !index_to_i64(t, rep, repeat)) return {};
  if (repeat < 0) return raise(t, exc(E_ValueError), "repeat argument cannot be negative");
  std::size_t npos = nargs - keyword_count(kwnames);
  Value pools = list_new(t);
  if (!pools) return {};
  for (std::size_t i = 1; i < npos; ++i) {
    Value p = tuple_of(t, args[i]);
    if (!p || !list_append(t, pools, p)) return {};
  }
  std::int64_t base = list_length(pools);
  Value results = list_new(t);
  if (!results) return {};
  std::int64_t n = base * repeat;
  std::vector<std::int64_t> idx(std::size_t(n), 0);
  for (std::int64_t k = 0; k < n; ++k)
    if (tuple_length(list_item(pools, k % base)) == 0) return list_backed(t, args[0], results);
  for (;;) {
    Value tup = tuple_new(t, std::size_t(n));
    if (!tup) return {};
    for (std::int64_t k = 0; k < n; ++k)
      tuple_init(tup, k, tuple_item(list_item(pools, k % base), idx[k]));
    if (!list_append(t, results, tup)) return {};
    std::int64_t k = n - 1;
    for (; k >= 0; --k) {
      if (++idx[k] < tuple_length(list_item(pools, k % base))) break;
      idx[k] = 0;
    }
    if (k < 0) break;
  }
  return list_backed(t, args[0], results);
}

bool pool_and_r(Thread& t, const Value* args, std::size_t nargs, Value kwnames, const char* what,
                bool r_optional, Value& pool, std::int64_t& r) {
  static const char* const kAllowed[] = {"iterable", "r", nullptr};
  if (!check_keywords(t, what, kwnames, kAllowed)) return false;
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

INTERP_NATIVE(permutations_new) {
  Value pool;
  std::int64_t r;
  if (!pool_and_r(t, args, nargs, kwnames, "permutations", true, pool, r)) return {};
  std::int64_t n = tuple_length(pool);
  Value results = list_new(t);
  if (!results) return {};
  if (r > n) return list_backed(t, args[0], results);
  std::vector<std::int64_t> indices(n), cycles(r);
  for (std::int64_t i = 0; i < n; ++i)
    indices[i] = i;
  for (std::int64_t i = 0; i < r; ++i)
    cycles[i] = n - i;
  std::vector<std::int64_t> head(indices.begin(), indices.begin() + r);
  if (!emit(t, results, pool, head)) return {};
  while (n) {
    std::int64_t i = r - 1;
    for (; i >= 0; --i) {
      if (--cycles[i] == 0) {
        std::int64_t first = indices[i];
        indices.erase(indices.begin() + i);
        indices.push_back(first);
        cycles[i] = n - i;
      } else {
        std::swap(indices[i], indices[n - cycles[i]]);
        head.assign(indices.begin(), indices.begin() + r);
        if (!emit(t, results, pool, head)) return {};
        break;
      }
    }
    if (i < 0) break;
  }
  return list_backed(t, args[0], results);
}

Value combinations_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                        bool replacement) {
  const char* what = replacement ? "combinations_with_replacement" : "combinations";
  Value pool;
  std::int64_t r;
  if (!pool_and_r(t, args, nargs, kwnames, what, false, pool, r)) return {};
  std::int64_t n = tuple_length(pool);
  Value results = list_new(t);
  if (!results) return {};
  if (replacement ? (n == 0 && r > 0) : r > n) return list_backed(t, args[0], results);
  std::vector<std::int64_t> idx(r);
  for (std::int64_t i = 0; i < r; ++i)
    idx[i] = replacement ? 0 : i;
  if (!emit(t, results, pool, idx)) return {};
  for (;;) {
    std::int64_t i = r - 1;
    for (; i >= 0; --i)
      if (replacement ? idx[i] != n - 1 : idx[i] != i + n - r) break;
    if (i < 0) break;
    if (replacement) {
      std::int64_t v = idx[i] + 1;
      for (std::int64_t j = i; j < r; ++j)
        idx[j] = v;
    } else {
      ++idx[i];
      for (std::int64_t j = i + 1; j < r; ++j)
        idx[j] = idx[j - 1] + 1;
    }
    if (!emit(t, results, pool, idx)) return {};
  }
  return list_backed(t, args[0], results);
}
INTERP_NATIVE(combinations_new) {
  return combinations_impl(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(combinations_wr_new) {
  return combinations_impl(t, args, nargs, kwnames, true);
}

// ---- groupby: seq the iterator, extra the key function, extra2 the pending
// (key, value) tuple; each group is an iterator over a list of its items ------------------------
INTERP_NATIVE(groupby_new) {
  static const char* const kAllowed[] = {"iterable", "key", nullptr};
  if (!check_keywords(t, "groupby", kwnames, kAllowed)) return {};
  Value iterable = arg_or_keyword(args, nargs, kwnames, 1, "iterable");
  Value key = arg_or_keyword(args, nargs, kwnames, 2, "key");
  if (!iterable)
    return raise(t, exc(E_TypeError), "groupby() missing required argument 'iterable' (pos 1)");
  Value source = iter(t, iterable);
  if (!source) return {};
  Value it = make_it(t, args[0], source);
  if (it) fresh<IteratorObject>(it)->extra = key ? key : none();
  return it;
}
Value key_of(Thread& t, Value self, Value v) {
  Value f = r_(self)->extra;
  return f == none() ? v : call1(t, f, v);
}
INTERP_NATIVE(groupby_next) {
  Value self = args[0];
  Value src = r_(self)->seq;
  Value pending = r_(self)->extra2;
  if (!pending) {
    Value v = src ? next(t, src) : Value();
    if (!v) return stop(t);
    Value k = key_of(t, self, v);
    if (!k) return {};
    Value kv[2] = {k, v};
    pending = tuple_from(t, kv, 2);
    if (!pending) return {};
  }
  Value k = tuple_item(pending, 0);
  Value items = list_from(t, &ro<TupleObject>(pending)->items[1], 1);
  if (!items) return {};
  w_(self)->extra2 = {};
  for (;;) {
    Value v = next(t, src);
    if (!v) {
      if (t.pending) return {};
      break;
    }
    Value k2 = key_of(t, self, v);
    if (!k2) return {};
    int eq = equal(t, k, k2);
    if (eq < 0) return {};
    if (!eq) {
      Value kv[2] = {k2, v};
      Value next_pending = tuple_from(t, kv, 2);
      if (!next_pending) return {};
      w_(self)->extra2 = next_pending;
      break;
    }
    if (!list_append(t, items, v)) return {};
  }
  Value group = iter(t, items);
  if (!group) return {};
  Value pair[2] = {k, group};
  return tuple_from(t, pair, 2);
}

// ---- tee: each copy reads a shared list [source iterator, buffer list, running] at its own
// index. `running` is True while a copy advances the source: another copy (the source's own
// __next__, or another thread) may not advance it meanwhile, as in CPython.
INTERP_NATIVE(tee_next) {
  Value shared = r_(args[0])->seq;
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
  }
  w_(args[0])->index = i + 1;
  return list_item(buffer, i);
}
INTERP_NATIVE(tee_copy) {
  Value c = make_it(t, type_of(args[0]), r_(args[0])->seq);
  if (c) fresh<IteratorObject>(c)->index = r_(args[0])->index;
  return c;
}
INTERP_NATIVE(mod_tee) {
  if (!check_positional(t, "tee", nargs, kwnames, 1, 2, 0)) return {};
  std::int64_t n = 2;
  if (nargs > 1 && !index_to_i64(t, args[1], n)) return {};
  if (n < 0) return raise(t, exc(E_ValueError), "n must be >= 0");
  Value source = iter(t, args[0]);
  if (!source) return {};
  Value buffer = list_new(t);
  if (!buffer) return {};
  Value parts[3] = {source, buffer, runtime().false_};
  Value shared = list_from(t, parts, 3);
  if (!shared) return {};
  Value module = import_module(t, "itertools");
  if (!module) return {};
  Value cls = getattr(t, module, intern_literal(t, "_tee"));
  if (!cls) return {};
  Value out = tuple_new(t, std::size_t(n));
  if (!out) return {};
  for (std::int64_t i = 0; i < n; ++i) {
    Value c = make_it(t, cls, shared);
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
};

} // namespace

Value make_itertools_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"tee", mod_tee}};
  Value m = new_module(t, "itertools", kFunctions, std::size(kFunctions));
  if (!m) return {};
  static const ClassSpec kClasses[] = {
      {"count", count_new, count_next, count_repr},
      {"repeat", repeat_new, repeat_next, repeat_repr},
      {"chain", chain_new, chain_next, nullptr},
      {"islice", islice_new, islice_next, nullptr},
      {"starmap", starmap_new, starmap_next, nullptr},
      {"takewhile", takewhile_new, takewhile_next, nullptr},
      {"dropwhile", dropwhile_new, dropwhile_next, nullptr},
      {"filterfalse", filterfalse_new, filterfalse_next, nullptr},
      {"compress", compress_new, compress_next, nullptr},
      {"pairwise", pairwise_new, pairwise_next, nullptr},
      {"cycle", cycle_new, cycle_next, nullptr},
      {"accumulate", accumulate_new, accumulate_next, nullptr},
      {"zip_longest", zip_longest_new, zip_longest_next, nullptr},
      {"product", product_new, list_backed_next, nullptr},
      {"permutations", permutations_new, list_backed_next, nullptr},
      {"combinations", combinations_new, list_backed_next, nullptr},
      {"combinations_with_replacement", combinations_wr_new, list_backed_next, nullptr},
      {"groupby", groupby_new, groupby_next, nullptr},
      {"_tee", nullptr, tee_next, nullptr},
  };
  for (const ClassSpec& c : kClasses) {
    Value type = new_type(t, c.name, "itertools", Layout::Instance);
    if (!type) return {};
    set_instance_struct(type, sizeof(IteratorObject));
    if (c.new_fn) add_staticmethod(t, type, "__new__", c.new_fn);
    add_method(t, type, "__iter__", it_iter);
    add_method(t, type, "__next__", c.next_fn);
    if (c.repr_fn) add_method(t, type, "__repr__", c.repr_fn);
    if (c.new_fn == chain_new) add_classmethod(t, type, "from_iterable", chain_from_iterable);
    if (c.new_fn == repeat_new) add_method(t, type, "__length_hint__", repeat_length_hint);
    if (!c.new_fn) add_method(t, type, "__copy__", tee_copy);
    update_type_flags(type);
    module_set(t, m, c.name, type);
  }
  return m;
}

} // namespace interp
