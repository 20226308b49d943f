// interp/objects/iterators.h - the iterators of the builtin containers, and the fast
// paths the VM takes for them.
#pragma once

#include "interp/runtime.h"

namespace interp {

// next() of an IteratorObject: the item, or 0 at the end (no exception) or on error.
Value builtin_iterator_next(Thread& t, Value iterator);
// obj[key] for exact lists, tuples, dicts and strs with simple keys: 0 with no exception
// when the fast path does not apply.
Value container_getitem_fast(Thread& t, Value obj, Value key);
void init_iterator_types(Thread& t);

} // namespace interp
