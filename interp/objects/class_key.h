// interp/objects/class_key.h - the key of a per-thread cache entry about what a class
// holds under a name (type_lookup's cache, the VM's attribute and method sites).
#pragma once

#include "gc/gc.h"
#include "interp/objects/objects.h"

namespace interp {

// Good while the class keeps `version` (0 for a builtin type, which never changes: see
// cacheable_version) and no collection has run since it was made: a collection may free
// the class or the name, and a later object reuse the offset.
struct ClassKey {
  Value type, attr;
  std::uint64_t version = 0;
  std::uint32_t epoch = 0;

  bool matches(Value t, Value a) const {
    return type == t && attr == a && epoch == std::uint32_t(gc::collection_count()) &&
           (!version || rd<TypeObject>(t)->version == version);
  }
  // Vouches for (t, a) from now on, where it can: a class or name that the running
  // transaction made may vanish at an abort, its offset reused before any collection, so
  // the key then matches nothing. Whether it vouches.
  bool remember(Value t, Value a) {
    version = cacheable_version(t);
    bool cacheable = version != kNotCacheable && !stm::is_new_object(a.offset());
    type = cacheable ? t : Value();
    attr = a;
    epoch = std::uint32_t(gc::collection_count());
    return cacheable;
  }
};

} // namespace interp
