// interp/objects/dict_table.h - the hash table shared by dict and set (internal).
#pragma once

#include "interp/runtime.h"

namespace interp::table {

std::int32_t* index_of(DictStorage* s);
const std::int32_t* index_of(const DictStorage* s);
// A new empty storage with `index_size` slots (a power of two).
Value storage_new(Thread& t, std::int64_t index_size);
// The entry number of key, -1 when absent, -2 on error; `slot` gets the index slot.
std::int64_t find(Thread& t, Value storage, Value key, std::int64_t hash, std::int64_t* slot);
// A rebuilt storage with room for `needed` live entries.
Value grow(Thread& t, Value old_storage, std::int64_t live, std::int64_t needed);

} // namespace interp::table
