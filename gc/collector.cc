// gc/collector.cc - one collection, from the request to the finalizer hook.
//
// A collection runs in the thread that asked for it, with the world stopped: every
// other thread is paused at a safe point (its stack saved for scanning) or outside any
// transaction. Its phases:
//   1. forget the new objects of aborted transactions that are still marked taken, and
//      take every run away from its thread (the threads go to the slow path afterwards);
//   2. mark from the roots (root slots, objects pinned by running transactions, stacks);
//   3. clear the weak references whose targets were not reached;
//   4. keep the unreached finalizable objects alive (and what they reach) for the
//      finalizer hook, once each; clear weak references that only they reached;
//   5. sweep; runs left empty go back to stm and their memory to the OS;
//   6. set the next threshold, then hand the finalizable objects to the hook.
#include "gc/heap.h"
#include "gc/marker.h"
#include "gc/type_table.h"

#include <algorithm>
#include <bit>
#include <cstdio>

namespace gc::detail {
namespace {

struct Request {
  Trigger trigger;
  std::uint64_t collections_seen;
};

struct WeakClearing {
  const Marker* marker;
};

// Clears the target of every copy of the weak references listed from `first` on whose
// target was not marked; every view's copy, so that no transaction can still see it.
void clear_dead_weak_references(Marker& marker, std::size_t first) {
  std::vector<stm::Offset>& weak = marker.weak_references();
  WeakClearing clearing{&marker};
  for (std::size_t i = first; i < weak.size(); ++i) {
    stm::for_each_version(
        weak[i],
        [](stm::ObjectHeader* version, void* arg) {
          if (!valid_type(version->type_id)) return;
          std::uint32_t at = type_table[version->type_id].weak_offset;
          if (version->size < at + sizeof(stm::Offset)) return;
          auto* target = reinterpret_cast<stm::Offset*>(reinterpret_cast<char*>(version) + at);
          if (*target && !static_cast<WeakClearing*>(arg)->marker->is_live(*target)) *target = 0;
        },
        &clearing);
  }
}

// The unmarked objects of finalizable types not finalized yet: each is flagged (in the
// side table, so that it is never handed over twice) and listed.
void find_unreached_finalizables(GcHeap& heap, std::vector<stm::Offset>& found) {
  for (PageRun* run : heap.runs) {
    for (unsigned w = 0, n = run->words(); w < n; ++w) {
      std::uint64_t unreached = run->taken[w] & run->finalizable[w] & ~run->finalized[w] &
                                ~run->marked[w].load(std::memory_order_relaxed);
      run->finalized[w] |= unreached;
      for (; unreached; unreached &= unreached - 1)
        found.push_back(run->cell_start(w * 64 + unsigned(std::countr_zero(unreached))));
    }
  }
}

} // namespace

std::atomic<std::uint64_t> completed_collections{0};

namespace {

void collect_with_world_stopped(void* arg) {
  const Request& request = *static_cast<const Request*>(arg);
  GcHeap& heap = gc_heap();
  std::vector<stm::Offset> to_finalize;
  {
    std::lock_guard guard(heap.lock);
    if (request.trigger != Trigger::Explicit &&
        heap.collections.load(std::memory_order_relaxed) != request.collections_seen)
      return; // another thread collected while this one waited to stop the world

    apply_deferred_drops(heap);
    detach_all_runs(heap);

    Marker marker(heap);
    mark_roots(marker);
    marker.drain();
    clear_dead_weak_references(marker, 0);
    std::size_t weak_seen = marker.weak_references().size();

    find_unreached_finalizables(heap, to_finalize);
    for (stm::Offset object : to_finalize)
      marker.mark(object);
    marker.drain();
    clear_dead_weak_references(marker, weak_seen);

    // A growth collection keeps about one cycle's worth of empty pages (the last
    // threshold); an explicit or exhaustion collection gives back all it can.
    std::uint64_t keep_empty =
        request.trigger == Trigger::Growth ? heap.threshold.load(std::memory_order_relaxed) : 0;
    std::uint64_t live = sweep(heap, keep_empty);
    if (marker.bad_headers())
      std::fprintf(stderr, "pypy-stm: warning: the GC met %llu objects of no registered type\n",
                   static_cast<unsigned long long>(marker.bad_headers()));

    heap.live_bytes.store(live, std::memory_order_relaxed);
    heap.threshold.store(std::max(kMinThreshold, live), std::memory_order_relaxed);
    heap.bytes_since_collection.store(0, std::memory_order_relaxed);
    heap.collections.fetch_add(1, std::memory_order_release);
    completed_collections.fetch_add(1, std::memory_order_release);
  }
  if (auto hook = heap.finalizer_hook.load(std::memory_order_acquire))
    for (stm::Offset object : to_finalize)
      hook(object);
}

} // namespace

void collect_for(Trigger trigger) {
  GcHeap& heap = gc_heap();
  ensure_ready(heap);
  Request request{trigger, heap.collections.load(std::memory_order_acquire)};
  stm::with_world_stopped(&collect_with_world_stopped, &request);
}

} // namespace gc::detail

namespace gc {
using namespace detail;

void collect() {
  if (!stm::initialized()) return;
  collect_for(Trigger::Explicit);
}

void set_enabled(bool on) {
  gc_heap().enabled.store(on, std::memory_order_relaxed);
}
bool enabled() {
  return gc_heap().enabled.load(std::memory_order_relaxed);
}

void set_finalizer_hook(void (*hook)(Offset object)) {
  gc_heap().finalizer_hook.store(hook, std::memory_order_release);
}

Statistics statistics() {
  GcHeap& heap = gc_heap();
  Statistics stats;
  std::lock_guard guard(heap.lock);
  stats.collections = heap.collections.load(std::memory_order_relaxed);
  stats.live_bytes = heap.live_bytes.load(std::memory_order_relaxed);
  stats.allocated_bytes = heap.retired_allocated;
  stats.freed_bytes = heap.retired_freed + heap.freed_bytes.load(std::memory_order_relaxed);
  for (const ThreadHeap* thread : heap.threads) {
    stats.allocated_bytes += thread->allocated_bytes.load(std::memory_order_relaxed);
    stats.freed_bytes += thread->freed_bytes.load(std::memory_order_relaxed);
  }
  stats.pages_in_use = heap.pages_in_use.load(std::memory_order_relaxed);
  stats.pages_returned = heap.pages_returned.load(std::memory_order_relaxed);
  return stats;
}

} // namespace gc
