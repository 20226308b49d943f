// gc/gc.h - allocation and collection of the transactional heap.
//
// Non-moving mark-sweep. Small objects come from size-class pages owned by one thread
// at a time (no synchronisation on the allocation path); large objects take whole page
// runs. A collection runs at a global safe point when heap growth asks for one: marking
// is precise inside the heap (each type's trace function names its references) and
// conservative over every thread's stack and saved registers, so C++ locals need no
// handles. Whole free pages go back to the OS, so RSS follows the live heap.
#pragma once

#include "stm/stm.h"

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gc {

using stm::ObjectHeader;
using stm::Offset;

// Calls visit(ref, ctx) for each reference the object holds (0 entries may be passed or
// skipped). The object is read as it is in the view being traced: no barriers.
using TraceFn = void (*)(const ObjectHeader* object, void (*visit)(Offset ref, void* ctx),
                         void* ctx);

enum TypeFlag : std::uint32_t {
  // A weak reference: its Offset at byte `weak_offset` (TypeInfo) is not traced, and is
  // set to 0 in every view once the target is dead.
  kWeakReference = 1u << 0,
  // Dead objects of this type are handed to the finalizer hook once, before their
  // memory is reused (they stay alive until the hook's owner drops them again).
  kHasFinalizer = 1u << 1,
};

struct TypeInfo {
  const char* name = "";
  TraceFn trace = nullptr; // null: the object holds no references
  std::uint32_t flags = 0;
  // kWeakReference: where the weak Offset is (the object's own fields come first, so
  // each layout says where its target lives).
  std::uint32_t weak_offset = 8;
};

// Types are registered once, at start-up, before threads allocate. Returns the type id
// stored in the object header. Id 0 is reserved (never a valid type).
std::uint16_t register_type(const TypeInfo& info);
const TypeInfo& type_info(std::uint16_t type_id);

// A new object of `bytes` (header included; rounded up to 16) in the running
// transaction: header filled in, the rest zeroed. Returns 0 when the heap is exhausted
// even after a collection; the caller raises MemoryError.
Offset allocate(std::uint16_t type_id, std::size_t bytes);

// Slots outside the heap that hold references (runtime tables). The slot must stay
// valid until removed.
void add_root(const Offset* slot);
void remove_root(const Offset* slot);

// Collects now. Callable inside a transaction (the caller's locals are scanned) or
// outside one.
void collect();
void set_enabled(bool enabled); // automatic collections on heap growth
bool enabled();

// Called for each dead object of a kHasFinalizer type, with the world stopped; the
// object survives this collection. Typically the hook queues it for the interpreter.
void set_finalizer_hook(void (*hook)(Offset object));

namespace detail {
extern std::atomic<std::uint64_t> completed_collections;
}
// Collections finished since start-up; cheap enough for every lookup of a cache whose
// entries name heap offsets (an offset is only ever reused after a collection).
inline std::uint64_t collection_count() {
  return detail::completed_collections.load(std::memory_order_acquire);
}

struct Statistics {
  std::uint64_t collections = 0;
  std::uint64_t live_bytes = 0;      // after the last collection
  std::uint64_t allocated_bytes = 0; // since start-up
  std::uint64_t freed_bytes = 0;     // since start-up
  std::uint64_t pages_in_use = 0;    // object-area pages held by the allocator
  std::uint64_t pages_returned = 0;  // pages given back to the OS, since start-up
};
Statistics statistics();

} // namespace gc
