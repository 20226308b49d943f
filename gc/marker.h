// gc/marker.h - marking live objects, with the world stopped (internal).
//
// Precise inside the heap, conservative outside it. An object is traced in the
// committed state, and also in the view of the transaction that owns it (wrote or created
// it): that copy may hold the only references to the transaction's new objects, and the
// committed copy holds what an abort would restore. A new object has no committed copy
// yet (segment 0 holds whatever the cell held before): it is traced in its owner's view
// only.
#pragma once

#include "gc/heap.h"

#include <cstdint>
#include <vector>

namespace gc::detail {

class Marker {
public:
  explicit Marker(GcHeap& heap);

  // A reference from a heap object or a root slot: the object that holds `ref` (interior
  // references count), if it is allocated, is marked and queued for tracing.
  // With `trace_if_marked`, it is traced even if it was marked already: an old object that
  // may hold the only references to young ones (minor collections).
  void mark(stm::Offset ref, bool trace_if_marked = false);
  void mark_and_trace(stm::Offset ref) { mark(ref, true); }
  // A machine word of a stack or a register: an offset, or an address in any segment.
  void mark_candidate(std::uintptr_t word);
  // Traces queued objects until none is left, in parallel when there are many.
  void drain();

  // Live weak references found so far, in the order found.
  std::vector<stm::Offset>& weak_references() { return weak_; }
  // Headers that named no registered type (a corrupt object): skipped, and counted.
  std::uint64_t bad_headers() const { return bad_headers_; }

  bool is_live(stm::Offset object) const;
  GcHeap& heap() const { return heap_; }

private:
  void drain_here(std::size_t budget);
  void drain_in_parallel();
  void trace(stm::Offset object);
  void trace_copy(const stm::ObjectHeader* copy);
  static void visit(stm::Offset ref, void* marker);

  GcHeap& heap_;
  std::vector<char*> bases_; // every segment's base, segment 0 first
  unsigned reading_view_;    // where committed copies are read (stm::committed_copy)
  std::uintptr_t address_low_ = 0, address_high_ = 0;
  std::vector<stm::Offset> stack_;
  std::vector<stm::Offset> weak_;
  std::uint64_t bad_headers_ = 0;
};

// Marks from every root: the slots of gc::add_root, the finalization queue, the objects
// that running transactions wrote, and every thread's stack and saved registers. A minor
// collection (`minor`: marks of the last collection kept, so every object it marked
// counts as old and is not traced again) adds the objects through which old ones may
// reach young ones: those that transactions committed writes to since, and the
// running the last collection marked (heap.marked_in_flight).
void mark_roots(Marker& marker, bool minor);
// The queued and taken finalization work (finalization.cc); part of mark_roots.
void mark_finalization_roots(Marker& marker);

} // namespace gc::detail
