// interp/objects/iterators.cc - iterators of list, tuple, range, str, dict, set, of the
// __getitem__ protocol and of iter(callable, sentinel).
#include "interp/objects/iterators.h"

#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

#include <algorithm>

namespace interp {

// The reverse iterators of list and dict: they walk a list from its end (for a dict, a list
// of what it held when reversed() was called).
static bool counts_down(Value type) {
  const Runtime& rt = runtime();
  return type == rt.types[T_list_reverseiterator] || type == rt.types[T_dict_reversekeyiterator] ||
         type == rt.types[T_dict_reversevalueiterator] ||
         type == rt.types[T_dict_reverseitemiterator];
}

Value builtin_iterator_next(Thread& t, Value iterator) {
  const IteratorObject* it = rd<IteratorObject>(iterator);
  Value seq = it->seq;
  if (!seq) return {};
  std::int64_t i = it->index;
  Value type = type_of(iterator);
  Runtime& rt = runtime();
  Value item;
  if (type == rt.types[T_list_iterator]) {
    if (i >= list_length(seq)) {
      wr<IteratorObject>(iterator)->seq = {};
      return {};
    }
    item = list_item(seq, i);
  } else if (type == rt.types[T_tuple_iterator]) {
    if (i >= tuple_length(seq)) {
      wr<IteratorObject>(iterator)->seq = {};
      return {};
    }
    item = tuple_item(seq, i);
  } else if (type == rt.types[T_range_iterator]) {
    // seq: the start, extra: the step, extra2: the count, all ints in the tagged range.
    if (i >= it->extra2.small_int_value()) {
      wr<IteratorObject>(iterator)->seq = {};
      return {};
    }
    item = int_from_i64(t, seq.small_int_value() + i * it->extra.small_int_value());
  } else if (type == rt.types[T_str_iterator]) {
    if (i >= str_length(seq)) {
      wr<IteratorObject>(iterator)->seq = {};
      return {};
    }
    item = str_from_code_point(t, str_at(seq, i));
  } else if (type == rt.types[T_bytes_iterator]) {
    std::string_view b = bytes_view(seq);
    if (i >= std::int64_t(b.size())) {
      wr<IteratorObject>(iterator)->seq = {};
      return {};
    }
    item = Value::small_int(static_cast<unsigned char>(b[std::size_t(i)]));
  } else if (type == rt.types[T_dict_keyiterator] || type == rt.types[T_dict_valueiterator] ||
             type == rt.types[T_dict_itemiterator] || type == rt.types[T_set_iterator]) {
    bool is_set = type == rt.types[T_set_iterator];
    std::int64_t expected = it->extra.small_int_value();
    std::int64_t now = is_set ? rd<SetObject>(seq)->length : dict_length(seq);
    if (now != expected) {
      wr<IteratorObject>(iterator)->extra = Value::small_int(-1);
      return raise(t, exc(E_RuntimeError),
                   is_set ? "Set changed size during iteration"
                          : "dictionary changed size during iteration");
    }
    Value k, v;
    std::int64_t pos = i;
    bool found = is_set ? dict_next(seq, pos, k, v) : dict_next(seq, pos, k, v);
    if (!found) {
      wr<IteratorObject>(iterator)->seq = {};
      return {};
    }
    // Keys deleted and added again keep the size but are met again further on: one item
    // more than the dict held is CPython's sign of it.
    std::int64_t left = it->extra2.small_int_value();
    if (left == 0 && !is_set) {
      wr<IteratorObject>(iterator)->extra = Value::small_int(-1);
      return raise(t, exc(E_RuntimeError), "dictionary keys changed during iteration");
    }
    wr<IteratorObject>(iterator)->extra2 = Value::small_int(left - 1);
    wr<IteratorObject>(iterator)->index = pos;
    if (type == rt.types[T_dict_valueiterator]) return v;
    if (type == rt.types[T_dict_itemiterator]) {
      Value pair[2] = {k, v};
      return tuple_from(t, pair, 2);
    }
    return k;
  } else if (counts_down(type)) {
    // `index` is the next position, counting down from the end the list had when the
    // iterator was made (it stops if the list shrank below it), as in CPython.
    if (i < 0 || i >= list_length(seq)) {
      wr<IteratorObject>(iterator)->seq = {};
      return {};
    }
    wr<IteratorObject>(iterator)->index = i - 1;
    return list_item(seq, i);
  } else if (type == rt.types[T_seq_iterator]) {
    Value r = getitem(t, seq, Value::small_int(i));
    if (!r) {
      if (matches(t, exc(E_IndexError)) || matches(t, exc(E_StopIteration))) {
        clear_pending(t);
        wr<IteratorObject>(iterator)->seq = {};
      }
      return {};
    }
    item = r;
  } else if (type == rt.types[T_callable_iterator]) {
    Value r = call0(t, seq);
    if (!r) {
      if (matches(t, exc(E_StopIteration))) {
        clear_pending(t);
        wr<IteratorObject>(iterator)->seq = {};
      }
      return {};
    }
    int eq = equal(t, r, it->extra);
    if (eq < 0) return {};
    if (eq) {
      wr<IteratorObject>(iterator)->seq = {};
      return {};
    }
    return r;
  } else {
    // enumerate, zip, map, filter, reversed and subclasses of them: their own __next__.
    Value f = type_lookup(type, name(N___next__));
    if (!f)
      return raisef(t, exc(E_TypeError), "'%s' object is not an iterator", type_name(type).c_str());
    Value r = call1(t, f, iterator);
    if (!r && matches(t, exc(E_StopIteration))) clear_pending(t);
    return r;
  }
  if (!item) return {};
  wr<IteratorObject>(iterator)->index = i + 1;
  return item;
}

Value iterator_new(Thread& t, TypeId type, Value seq, std::int64_t kind) {
  Value it = allocate(t, Layout::Iterator, type_value(type), sizeof(IteratorObject));
  if (!it) return {};
  IteratorObject* o = fresh<IteratorObject>(it);
  o->seq = seq;
  o->kind = kind;
  if (counts_down(type_value(type))) o->index = list_length(seq) - 1;
  if (type == T_dict_keyiterator || type == T_dict_valueiterator || type == T_dict_itemiterator) {
    o->extra = Value::small_int(dict_length(seq));
    o->extra2 = o->extra; // items still to come
  }
  if (type == T_set_iterator) {
    o->extra = Value::small_int(rd<SetObject>(seq)->length);
    o->extra2 = o->extra; // items still to come
  }
  return it;
}

// A slice of small ints and Nones: taking its indices runs no Python code.
static bool plain_slice(Value slice) {
  const SliceObject* o = rd<SliceObject>(slice);
  for (Value v : {o->start, o->stop, o->step})
    if (!v.is_small_int() && v != none()) return false;
  return true;
}

Value container_getitem_fast(Thread& t, Value obj, Value key) {
  if (!obj.is_object()) return {};
  Value type = type_of(obj);
  Runtime& rt = runtime();
  if (key.is_small_int()) {
    std::int64_t i = key.small_int_value();
    if (type == rt.types[T_list]) {
      std::int64_t n = list_length(obj);
      if (i < 0) i += n;
      if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "list index out of range");
      return list_item(obj, i);
    }
    if (type == rt.types[T_tuple]) {
      std::int64_t n = tuple_length(obj);
      if (i < 0) i += n;
      if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "tuple index out of range");
      return tuple_item(obj, i);
    }
  }
  if (type == rt.types[T_str]) {
    // Indexing and plain slicing of a str, the bread and butter of text scanning.
    std::int64_t n = str_length(obj), start, stop, step, count;
    if (key.is_small_int()) {
      std::int64_t i = key.small_int_value();
      if (i < 0) i += n;
      if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "string index out of range");
      return str_from_code_point(t, str_at(obj, i));
    }
    if (key.is_object() && is_layout(key, Layout::Slice) && plain_slice(key)) {
      if (!slice_indices(t, key, n, start, stop, step, count)) return {};
      if (step == 1) return str_substring(t, obj, start, start + count);
    }
    return {};
  }
  if (type == rt.types[T_dict] &&
      (key.is_small_int() || (key.is_object() && is_exact(key, T_str)))) {
    bool error;
    Value v = dict_get(t, obj, key, error);
    if (v || error) return v;
    Value k = key;
    Value args = tuple_from(t, &k, 1);
    if (!args) return {};
    Value e = exception_new(t, exc(E_KeyError), args);
    if (e) t.pending = e;
    return {};
  }
  return {};
}

namespace {

INTERP_NATIVE(iterator_iter) {
  return args[0];
}
INTERP_NATIVE(iterator_next) {
  Value r = builtin_iterator_next(t, args[0]);
  if (!r && !t.pending) t.pending = exc(E_StopIteration);
  if (!r && t.pending == exc(E_StopIteration)) {
    t.pending = {};
    return raise_value(t, exc(E_StopIteration));
  }
  return r;
}
// How many items a sequence iterator's sequence holds: -1 for kinds this does not know.
std::int64_t sequence_length(const IteratorObject* it, Value type) {
  if (type == type_value(T_list_iterator) || counts_down(type)) return list_length(it->seq);
  if (type == type_value(T_tuple_iterator)) return tuple_length(it->seq);
  if (type == type_value(T_range_iterator)) return it->extra2.small_int_value();
  if (type == type_value(T_str_iterator)) return str_length(it->seq);
  if (type == type_value(T_bytes_iterator)) return std::int64_t(bytes_view(it->seq).size());
  return -1;
}

bool is_hashed_iterator(Value type) {
  return type == type_value(T_dict_keyiterator) || type == type_value(T_dict_valueiterator) ||
         type == type_value(T_dict_itemiterator) || type == type_value(T_set_iterator);
}

INTERP_NATIVE(iterator_length_hint) {
  const IteratorObject* it = rd<IteratorObject>(args[0]);
  if (!it->seq) return Value::small_int(0);
  Value type = type_of(args[0]);
  if (is_hashed_iterator(type)) {
    // The items still to come; none once the dict or set changed size under the iterator.
    std::int64_t now =
        type == type_value(T_set_iterator) ? rd<SetObject>(it->seq)->length : dict_length(it->seq);
    bool changed = it->extra.small_int_value() != now;
    return Value::small_int(changed ? 0 : it->extra2.small_int_value());
  }
  std::int64_t n = std::max<std::int64_t>(0, sequence_length(it, type));
  if (counts_down(type)) return Value::small_int(it->index + 1 > n ? 0 : it->index + 1);
  return Value::small_int(std::max<std::int64_t>(0, n - it->index));
}

} // namespace

// For pickle: (iter, (sequence,), position), or (iter, (empty,)) once exhausted, as
// CPython's sequence iterators reduce; __setstate__ takes the position back.
INTERP_NATIVE(iterator_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  const IteratorObject* it = rd<IteratorObject>(args[0]);
  Value type = type_of(args[0]);
  Value iter_fn = dict_get_str(runtime().builtins, intern_literal(t, "iter"));
  Value seq = it->seq;
  std::int64_t index = it->index;
  if (type == type_value(T_callable_iterator)) {
    // (iter, (callable, sentinel)), or (iter, ((),)) once exhausted, as CPython's.
    Value pair[2] = {seq, it->extra};
    Value empty = runtime().empty_tuple;
    Value arguments = seq ? tuple_from(t, pair, 2) : tuple_from(t, &empty, 1);
    if (!arguments) return {};
    Value result[2] = {iter_fn, arguments};
    return tuple_from(t, result, 2);
  }
  if (seq && type == type_value(T_list_reverseiterator)) {
    Value only = tuple_from(t, &seq, 1);
    Value reversed_fn = dict_get_str(runtime().builtins, intern_literal(t, "reversed"));
    if (!only || !reversed_fn) return {};
    Value result[3] = {reversed_fn, only, int_from_i64(t, index)};
    return tuple_from(t, result, 3);
  }
  if (counts_down(type)) {
    // A dict's reverse iterator: (iter, (list of the items to come,)), as CPython's.
    Value rest = list_new(t);
    if (!rest) return {};
    for (std::int64_t i = index; seq && i >= 0 && i < list_length(seq); --i)
      if (!list_append(t, rest, list_item(seq, i))) return {};
    Value only = tuple_from(t, &rest, 1);
    if (!only) return {};
    Value result[2] = {iter_fn, only};
    return tuple_from(t, result, 2);
  }
  if (is_hashed_iterator(type)) {
    // (iter, (list of the items to come,)), as CPython reduces these.
    Value rest = list_new(t);
    if (!rest) return {};
    std::int64_t now = !seq                                 ? -1
                       : type == type_value(T_set_iterator) ? rd<SetObject>(seq)->length
                                                            : dict_length(seq);
    if (seq && it->extra.small_int_value() == now) {
      {
        std::int64_t pos = index, left = it->extra2.small_int_value();
        Value k, v;
        while (left-- > 0 && dict_next(seq, pos, k, v)) {
          Value item = k;
          if (type == type_value(T_dict_valueiterator)) item = v;
          if (type == type_value(T_dict_itemiterator)) {
            Value pair[2] = {k, v};
            item = tuple_from(t, pair, 2);
          }
          if (!item || !list_append(t, rest, item)) return {};
        }
      }
    }
    Value only = tuple_from(t, &rest, 1);
    if (!only) return {};
    Value result[2] = {iter_fn, only};
    return tuple_from(t, result, 2);
  }
  if (type == type_value(T_range_iterator)) {
    // seq: the start, extra: the step, extra2: the count (an exhausted one keeps them).
    std::int64_t start = seq ? seq.small_int_value() : 0;
    std::int64_t step = seq ? it->extra.small_int_value() : 1;
    std::int64_t count = seq ? it->extra2.small_int_value() : 0;
    seq = range_new(t, Value::small_int(start), int_from_i64(t, start + count * step),
                    Value::small_int(step));
    if (!seq) return {};
    if (!it->seq) index = 0;
  } else if (!seq) {
    if (type == type_value(T_list_iterator) || type == type_value(T_list_reverseiterator))
      seq = list_new(t);
    else if (type == type_value(T_str_iterator))
      seq = runtime().empty_str;
    else
      seq = runtime().empty_tuple;
    if (!seq) return {};
    Value only = tuple_from(t, &seq, 1);
    if (!only) return {};
    Value result[2] = {iter_fn, only};
    return tuple_from(t, result, 2);
  }
  Value only = tuple_from(t, &seq, 1);
  if (!only) return {};
  Value result[3] = {iter_fn, only, int_from_i64(t, index)};
  return tuple_from(t, result, 3);
}

INTERP_NATIVE(iterator_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  std::int64_t index;
  if (!index_to_i64(t, args[1], index)) return {};
  const IteratorObject* it = rd<IteratorObject>(args[0]);
  if (!it->seq) return none(); // exhausted: stays so
  std::int64_t length = sequence_length(it, type_of(args[0]));
  if (type_of(args[0]) == type_value(T_list_reverseiterator)) {
    index = std::clamp<std::int64_t>(index, -1, length - 1);
    wr<IteratorObject>(args[0])->index = index;
    return none();
  }
  if (index < 0) index = 0;
  if (length >= 0 && index > length) index = length;
  wr<IteratorObject>(args[0])->index = index;
  return none();
}

void init_iterator_types(Thread& t) {
  for (TypeId id : {T_list_iterator, T_list_reverseiterator, T_tuple_iterator, T_range_iterator,
                    T_str_iterator, T_seq_iterator, T_bytes_iterator}) {
    add_method(t, type_value(id), "__reduce__", iterator_reduce);
    add_method(t, type_value(id), "__setstate__", iterator_setstate);
  }
  for (TypeId id : {T_dict_keyiterator, T_dict_valueiterator, T_dict_itemiterator, T_set_iterator,
                    T_dict_reversekeyiterator, T_dict_reversevalueiterator,
                    T_dict_reverseitemiterator, T_callable_iterator})
    add_method(t, type_value(id), "__reduce__", iterator_reduce);
  for (TypeId id :
       {T_list_iterator, T_tuple_iterator, T_range_iterator, T_str_iterator, T_dict_keyiterator,
        T_dict_valueiterator, T_dict_itemiterator, T_set_iterator, T_seq_iterator,
        T_callable_iterator, T_bytes_iterator, T_list_reverseiterator, T_dict_reversekeyiterator,
        T_dict_reversevalueiterator, T_dict_reverseitemiterator}) {
    add_method(t, type_value(id), "__iter__", iterator_iter);
    add_method(t, type_value(id), "__next__", iterator_next);
    // A callable's iterator cannot know how many items are to come: CPython's has none.
    if (id != T_callable_iterator)
      add_method(t, type_value(id), "__length_hint__", iterator_length_hint);
  }
}

} // namespace interp
