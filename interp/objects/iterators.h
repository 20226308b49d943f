// interp/objects/iterators.h - the iterators of the builtin containers, and the fast
// paths the VM takes for them.
#pragma once

#include "interp/objects/objects.h"
#include "interp/runtime.h"

namespace interp {

// next() of an IteratorObject: the item, or 0 at the end (no exception) or on error.
Value builtin_iterator_next(Thread& t, Value iterator);

// FOR_ITER's step over a range iterator, the loop counter of most loops: true with the
// next int in `item`; false where builtin_iterator_next must answer (another iterator,
// the end, an int past the tagged range). A range iterator keeps its start in `seq` (0
// once exhausted), its step in `extra` and its length in `extra2`, all tagged ints.
inline bool range_iterator_step(Value iterator, Value& item) {
  if (!iterator.is_object() || type_of(iterator) != type_value(T_range_iterator)) return false;
  const IteratorObject* it = rd<IteratorObject>(iterator);
  if (!it->seq) return false;
  std::int64_t i = it->index;
  if (i >= it->extra2.small_int_value()) return false;
  std::int64_t v = it->seq.small_int_value() + i * it->extra.small_int_value();
  if (!Value::fits_small(v)) return false;
  wr<IteratorObject>(iterator)->index = i + 1;
  item = Value::small_int(v);
  return true;
}
// obj[key] for exact lists, tuples, dicts and strs with simple keys: 0 with no exception
// when the fast path does not apply.
Value container_getitem_fast(Thread& t, Value obj, Value key);
void init_iterator_types(Thread& t);

} // namespace interp
