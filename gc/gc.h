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
  // Dead objects of this type are queued for finalization once (see below), before
  // their memory is reused; they stay alive until the runtime is done with them.
  kHasFinalizer = 1u << 1,
};

struct TypeInfo {
  const char* name = "";
  TraceFn trace = nullptr; // null: the object holds no references
  std::uint32_t flags = 0;
  // kWeakReference: where the weak Offset is (the object's own fields come first, so
  // each layout says where its target lives).
  std::uint32_t weak_offset = 8;
  // kWeakReference: a word that, when non-zero, asks for the reference to be queued
  // (a WeakCallback) once the collector clears its target; 0: never queued. A field
  // per object rather than a type flag, because only some references of one layout
  // carry a callback.
  std::uint32_t weak_callback_offset = 0;
};

// Types are registered once, at start-up, before threads allocate. Returns the type id
// stored in the object header. Id 0 is reserved (never a valid type).
std::uint16_t register_type(const TypeInfo& info);
const TypeInfo& type_info(std::uint16_t type_id);

// A new object of `bytes` (header included; rounded up to 16) in the running
// transaction: header filled in, the rest zeroed. Returns 0 when the heap is exhausted
// even after a collection; the caller raises MemoryError. `finalizable` treats this one
// object as if its type had kHasFinalizer (a layout shared by classes with and without
// a finalizer). `leaf` promises that the object references nothing the collector must
// keep alive: it is marked but never traced, so a collection does not read it at all.
Offset allocate(std::uint16_t type_id, std::size_t bytes, bool finalizable = false,
                bool leaf = false);

// Slots outside the heap that hold references (runtime tables). The slot must stay
// valid until removed.
void add_root(const Offset* slot);
void remove_root(const Offset* slot);

// Collects now. Callable inside a transaction (the caller's locals are scanned) or
// outside one.
void collect();
void set_enabled(bool enabled); // automatic collections on heap growth
bool enabled();

// stm::fork_process, and in the child the allocation state of the threads that did not
// follow it given up (see stm::fork_process for the rest of the child's heap).
int fork_process();

// ---- finalization: what a collection leaves for the runtime to run ------------------------
//
// Program code (finalizers, weak-reference callbacks) never runs with the world stopped.
// A collection queues the work instead, and the runtime runs it in ordinary transactions,
// in whichever thread takes it. Queued and taken items are roots, so everything they
// reach stays alive until the runtime is done.
enum class FinalizationKind : std::uint8_t {
  // A dead object that is finalizable (kHasFinalizer, or allocated so): it and what it
  // references survive until finalized, and stay alive if the finalizer makes it
  // reachable again. Queued at most once in an object's life. Weak references to it are
  // cleared in the collection that queues it.
  Finalize,
  // A live weak reference whose target died: its target is already cleared, and its
  // callback word was non-zero. Weak references that die with their target are not
  // queued; neither are those still new in a running transaction (nobody can run their
  // callback if that transaction aborts).
  WeakCallback,
};
struct Finalization {
  Offset object;
  FinalizationKind kind;
};

// Called in the collecting thread after each collection that queued work, once the
// world has restarted and the collector's locks are released (inside or outside a
// transaction, wherever the collection was asked for). It must not run program code
// there; typically it asks the thread to take the work at its next safe point.
void set_finalization_hook(void (*hook)());
// Whether work is queued (one atomic load: cheap enough for every transaction break).
bool finalization_pending();
// Inside a transaction: takes the oldest queued item for the calling thread. Finalize
// items of one collection come first, in address order, then its WeakCallback items in
// descending address order (the newest reference first where allocation went upwards,
// the order CPython calls callbacks in). The item stays a root until
// finish_finalizations.
bool take_finalization(Finalization& out);
// After the transaction that ran the calling thread's taken items committed (true):
// they are forgotten. After it aborted (false): they go back to the front of the queue,
// in their order, for whoever takes work next.
void finish_finalizations(bool committed);
// Whether the object has been queued for finalization (so it never will be again).
bool is_finalized(Offset object);

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
  std::uint64_t minor_collections = 0; // of those, the ones that traced young objects only
  std::uint64_t live_bytes = 0;        // after the last collection
  std::uint64_t allocated_bytes = 0;   // since start-up
  std::uint64_t freed_bytes = 0;       // since start-up
  std::uint64_t pages_in_use = 0;      // object-area pages held by the allocator
  std::uint64_t pages_returned = 0;    // pages given back to the OS, since start-up
  // Time in collections since start-up, by phase.
  std::uint64_t mark_ns = 0, sweep_ns = 0, remap_ns = 0, return_ns = 0;
};
Statistics statistics();

} // namespace gc
