// gc/collector.cc - one collection, from the request to the finalization hook.
//
// A collection runs in the thread that asked for it, with the world stopped: every
// other thread is paused at a safe point (its stack saved for scanning) or outside any
// transaction. Its phases:
//   1. forget the new objects of aborted transactions that are still marked taken, and
//      take every run away from its thread (the threads go to the slow path afterwards);
//   2. mark from the roots (root slots, old objects written by running transactions,
//      the finalization queue, stacks); running transactions then forget their new
//      objects that were not reached;
//   3. clear the weak references whose targets were not reached, noting those whose
//      callbacks must run;
//   4. keep the unreached finalizable objects alive (and what they reach) for their
//      finalizers, once each; clear weak references that only they reached (their
//      callbacks are garbage too, so none is noted);
//   5. sweep; runs left empty go back to stm and their memory to the OS; the views give
//      back private copies of pages that no running transaction wrote;
//   6. set the next threshold and queue the finalization work; once the world has
//      restarted, tell the runtime through the hook.
#include "gc/heap.h"
#include "gc/marker.h"
#include "gc/type_table.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace gc::detail {
namespace {

struct Request {
  Trigger trigger;
  std::uint64_t collections_seen;
  // The collecting thread runs a transaction, so it stays Running after the world
  // restarts, and no other collection can stop the world before it returns the pages.
  bool return_pages_later = false;
  bool queued_work = false;
};

using Clock = std::chrono::steady_clock;
std::uint64_t since(Clock::time_point t0) {
  return std::uint64_t(
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
}

struct WeakClearing {
  const Marker* marker;
  const char* committed_base;
  stm::Offset weak;
  bool dead_target = false; // in the committed copy, before it was cleared
  bool has_callback = false;
};

// Clears the target of every copy of the weak references listed from `first` on whose
// target was not marked; every view's copy, so that no transaction can still see it.
// With `callbacks`, the references whose committed copy lost its target and holds a
// callback word are listed there. A reference with no committed copy is new in a
// running transaction: if that transaction aborts, the reference never existed.
void clear_dead_weak_references(Marker& marker, std::size_t first,
                                std::vector<Finalization>* callbacks) {
  std::vector<stm::Offset>& weak = marker.weak_references();
  WeakClearing clearing{&marker, stm::segment_base(0), 0};
  for (std::size_t i = first; i < weak.size(); ++i) {
    clearing.weak = weak[i];
    clearing.dead_target = clearing.has_callback = false;
    stm::for_each_version(
        weak[i],
        [](stm::ObjectHeader* version, void* arg) {
          auto* c = static_cast<WeakClearing*>(arg);
          if (!valid_type(version->type_id)) return;
          const TypeInfo& type = type_table[version->type_id];
          if (version->size < type.weak_offset + sizeof(stm::Offset)) return;
          char* bytes = reinterpret_cast<char*>(version);
          auto* target = reinterpret_cast<stm::Offset*>(bytes + type.weak_offset);
          if (!*target || c->marker->is_live(*target)) return;
          *target = 0;
          if (bytes != c->committed_base + c->weak) return;
          c->dead_target = true;
          std::uint32_t at = type.weak_callback_offset;
          c->has_callback = at && version->size >= at + sizeof(stm::Offset) &&
                            *reinterpret_cast<const stm::Offset*>(bytes + at) != 0;
        },
        &clearing);
    if (callbacks && clearing.dead_target && clearing.has_callback)
      callbacks->push_back({weak[i], FinalizationKind::WeakCallback});
  }
}

// The unmarked objects of finalizable types not finalized yet: each is flagged (in the
// side table, so that it is never handed over twice) and listed.
// An unreached object that is new in a running transaction is not finalized yet: it
// exists only if that transaction commits (an abort drops it, and its finalizer must
// not run, nor its memory be handed out while the queue still names it). It is kept for
// now, and a collection after the commit finds it again.
void find_unreached_finalizables(GcHeap& heap, std::vector<Finalization>& found,
                                 std::vector<Offset>& kept_new) {
  for (PageRun* run : heap.runs) {
    for (unsigned w = 0, n = run->words(); w < n; ++w) {
      std::uint64_t unreached = run->taken[w] & run->finalizable[w] & ~run->finalized[w] &
                                ~run->marked[w].load(std::memory_order_relaxed);
      for (; unreached; unreached &= unreached - 1) {
        unsigned cell = w * 64 + unsigned(std::countr_zero(unreached));
        Offset object = run->cell_start(cell);
        if (stm::is_new_in_running_transaction(object)) {
          kept_new.push_back(object);
          continue;
        }
        run->finalized[w] |= std::uint64_t{1} << (cell % 64);
        found.push_back({object, FinalizationKind::Finalize});
      }
    }
  }
}

// Minor collections between two full ones, at most. Garbage that was old when it died
// (it survived a collection) stays until a full collection, so a full one also comes
// when the heap after a minor one has grown by a quarter (and 256 KiB) since the last
// full one.
constexpr unsigned kMinorsPerFull = 16;

// Full: every mark cleared, everything reachable traced, all garbage freed. Minor: the
// marks of the last collection kept, so what it found live counts as old and is not
// traced again, only what was allocated since and what old objects written since reach.
// Explicit and exhaustion collections are full, and every collection is with
// PYPYSTM_GC_MINOR=0.
bool wants_full_collection(const GcHeap& heap, Trigger trigger) {
  static const bool minor_allowed = [] {
    const char* text = std::getenv("PYPYSTM_GC_MINOR");
    return !(text && text[0] == '0');
  }();
  if (!minor_allowed || trigger != Trigger::Growth || stm::remembered_objects_overflowed() ||
      heap.full_requested)
    return true;
  if (heap.minors_since_full >= kMinorsPerFull) return true;
  std::uint64_t live = heap.live_bytes.load(std::memory_order_relaxed);
  return live > heap.live_after_full + heap.live_after_full / 4 + kMinThreshold / 4;
}

void clear_marks(GcHeap& heap) {
  for (PageRun* run : heap.runs)
    for (unsigned w = 0, n = run->words(); w < n; ++w)
      run->marked[w].store(0, std::memory_order_relaxed);
}

} // namespace

std::atomic<std::uint64_t> completed_collections{0};

namespace {

void collect_with_world_stopped(void* arg) {
  Request& request = *static_cast<Request*>(arg);
  GcHeap& heap = gc_heap();
  std::lock_guard guard(heap.lock);
  if (request.trigger != Trigger::Explicit &&
      heap.collections.load(std::memory_order_relaxed) != request.collections_seen)
    return; // another thread collected while this one waited to stop the world

  Clock::time_point t0 = Clock::now();
  apply_deferred_drops(heap);
  detach_all_runs(heap);

  bool full = wants_full_collection(heap, request.trigger);
  if (full) clear_marks(heap);
  Marker marker(heap);
  mark_roots(marker, !full);
  marker.drain();
  std::vector<Finalization> callbacks, to_finalize;
  clear_dead_weak_references(marker, 0, &callbacks);
  std::size_t weak_seen = marker.weak_references().size();

  std::vector<Offset> kept_new;
  find_unreached_finalizables(heap, to_finalize, kept_new);
  for (const Finalization& item : to_finalize)
    marker.mark(item.object);
  for (Offset object : kept_new)
    marker.mark(object);
  marker.drain();
  clear_dead_weak_references(marker, weak_seen, nullptr);

  stm::forget_new_objects(
      [](stm::Offset object, void* marker) {
        return !static_cast<Marker*>(marker)->is_live(object);
      },
      &marker);
  // What is left of the running transactions' new objects was found live.
  heap.marked_in_flight.clear();
  stm::for_each_running_new_object(&append_offset, &heap.marked_in_flight);

  // A growth collection keeps about one cycle's worth of empty pages (the last
  // threshold); an explicit or exhaustion collection gives back all it can.
  std::uint64_t keep_empty =
      request.trigger == Trigger::Growth ? heap.threshold.load(std::memory_order_relaxed) : 0;
  heap.mark_ns += since(t0);
  t0 = Clock::now();
  PageRanges released;
  std::uint64_t live = sweep(heap, keep_empty, released);
  heap.sweep_ns += since(t0);
  t0 = Clock::now();
  stm::share_unwritten_pages(allocated_so_far(heap));
  heap.remap_ns += since(t0);
  if (request.return_pages_later) {
    heap.pages_to_return.swap(released);
  } else {
    t0 = Clock::now();
    return_pages(released);
    heap.return_ns += since(t0);
  }
  if (marker.bad_headers())
    std::fprintf(stderr, "pypy-stm: warning: the GC met %llu objects of no registered type\n",
                 static_cast<unsigned long long>(marker.bad_headers()));

  heap.live_bytes.store(live, std::memory_order_relaxed);
  stm::forget_remembered_objects();
  if (full) {
    heap.full_requested = false;
    heap.minors_since_full = 0;
    heap.live_after_full = live;
  } else {
    ++heap.minors_since_full;
    ++heap.minor_collections;
  }
  heap.threshold.store(next_threshold(live, heap.threads.size()), std::memory_order_relaxed);
  heap.bytes_since_collection.store(0, std::memory_order_relaxed);
  heap.collections.fetch_add(1, std::memory_order_release);
  completed_collections.fetch_add(1, std::memory_order_release);
  request.queued_work = !to_finalize.empty() || !callbacks.empty();
  queue_finalizations(to_finalize, callbacks);
}

// Not inlined: collect_for's frame is scanned conservatively at every collection, and
// what this leaves in its own frame (offsets of the pages, times) must stay below it.
__attribute__((noinline)) void return_pages_after_restart(GcHeap& heap) {
  PageRanges ranges;
  {
    std::lock_guard guard(heap.lock);
    ranges.swap(heap.pages_to_return);
  }
  if (ranges.empty()) return;
  Clock::time_point t0 = Clock::now();
  return_pages(ranges);
  std::uint64_t ns = since(t0);
  std::lock_guard guard(heap.lock);
  heap.return_ns += ns;
}

} // namespace

void collect_for(Trigger trigger) {
  GcHeap& heap = gc_heap();
  ensure_ready(heap);
  Request request{trigger, heap.collections.load(std::memory_order_acquire)};
  request.return_pages_later = stm::in_transaction();
  stm::with_world_stopped(&collect_with_world_stopped, &request);
  if (request.return_pages_later) return_pages_after_restart(heap);
  if (request.queued_work)
    if (auto hook = heap.finalization_hook.load(std::memory_order_acquire)) hook();
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

Statistics statistics() {
  GcHeap& heap = gc_heap();
  Statistics stats;
  std::lock_guard guard(heap.lock);
  stats.collections = heap.collections.load(std::memory_order_relaxed);
  stats.minor_collections = heap.minor_collections;
  stats.live_bytes = heap.live_bytes.load(std::memory_order_relaxed);
  stats.allocated_bytes = allocated_so_far(heap);
  stats.freed_bytes = heap.retired_freed + heap.freed_bytes.load(std::memory_order_relaxed);
  for (const ThreadHeap* thread : heap.threads)
    stats.freed_bytes += thread->freed_bytes.load(std::memory_order_relaxed);
  stats.pages_in_use = heap.pages_in_use.load(std::memory_order_relaxed);
  stats.pages_returned = heap.pages_returned.load(std::memory_order_relaxed);
  stats.mark_ns = heap.mark_ns;
  stats.sweep_ns = heap.sweep_ns;
  stats.remap_ns = heap.remap_ns;
  stats.return_ns = heap.return_ns;
  return stats;
}

} // namespace gc
