// gc/heap.h - the collector's and the allocator's shared picture of the heap (internal).
//
// A page map names the run that holds every page of the object area; the list of runs,
// the runs with free cells per size class, the threads' allocation state and the
// counters complete it. One mutex guards the lists. It is held only for a few
// instructions on the allocation slow path and never across a call into stm/: a thread
// blocked on it must not keep a committer (which waits for every thread to reach a safe
// point) waiting. The collector holds it for a whole collection, with the world stopped.
#pragma once

#include "gc/gc.h"
#include "gc/page_run.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace gc::detail {

[[noreturn]] void fatal(const char* format, ...) __attribute__((format(printf, 1, 2)));

// Owner-only counters: a plain load and store, no locked instruction.
inline void bump(std::atomic<std::uint64_t>& counter, std::uint64_t by) {
  counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

// One allocating thread's state. The thread reads and writes it without a lock; the
// collector, with the world stopped, takes its runs away. A cache line of its own: every
// allocation writes it, and two threads' records side by side would share a line.
struct alignas(64) ThreadHeap {
  PageRun* current[kSizeClassCount] = {};
  std::atomic<std::uint64_t> allocated_bytes{0};
  std::atomic<std::uint64_t> freed_bytes{0}; // new objects of its aborted transactions
  // Under GcHeap::lock: runs with free cells that this thread owned last (see
  // PageRun::last_owner), taken before the shared lists.
  std::vector<PageRun*> partial[kSizeClassCount];
};

// An stm visitor (fn, arg) that appends each offset to the std::vector<stm::Offset> `list`.
inline void append_offset(stm::Offset object, void* list) {
  static_cast<std::vector<stm::Offset>*>(list)->push_back(object);
}

// Page ranges (first offset, page count) whose memory goes back to the OS.
using PageRanges = std::vector<std::pair<stm::Offset, std::size_t>>;

struct GcHeap {
  std::mutex lock;
  bool ready = false;
  stm::Offset area_begin = 0;
  stm::Offset area_end = 0;
  std::atomic<PageRun*>* page_map = nullptr; // one entry per page of the object area
  std::size_t page_count = 0;

  // Under `lock`.
  std::vector<PageRun*> runs;
  std::vector<PageRun*> partial[kSizeClassCount]; // unowned runs with free cells, no thread's
  // Runs with no taken cell that the last sweep kept for reuse, by page count: a new run
  // of any class (or a large object) of that many pages takes one before asking stm.
  std::vector<PageRun*> empty_runs[kMaxRunPages + 1];
  std::vector<ThreadHeap*> threads;
  // New objects of aborted transactions whose memory could not be given back in place
  // (a large object, or a run that another thread owns by now): freed by the next
  // collection.
  std::vector<stm::Offset> deferred_drops;
  std::uint64_t retired_allocated = 0; // counters of threads that exited
  std::uint64_t retired_freed = 0;

  // Bytes of cells handed to threads (run acquisitions, not objects) since the last
  // collection, and the figure that triggers the next one.
  std::atomic<std::uint64_t> bytes_since_collection{0};
  std::atomic<std::uint64_t> threshold{0};
  std::atomic<std::uint64_t> collections{0};
  // Minor collections (collector.cc): how many so far, and since the last full one; the
  // live bytes that the last full one left.
  std::uint64_t minor_collections = 0;
  unsigned minors_since_full = 0;
  std::uint64_t live_after_full = 0;
  // New objects of running transactions that the last collection found live: they count
  // as old now, while their transactions may go on writing them with no barrier, so the
  // next minor collection traces them again.
  std::vector<stm::Offset> marked_in_flight;
  std::atomic<std::uint64_t> live_bytes{0};
  std::atomic<std::uint64_t> freed_bytes{0}; // by sweeps and under the lock (per-thread: above)
  std::atomic<std::uint64_t> pages_in_use{0};
  std::atomic<std::uint64_t> pages_returned{0};
  // Where collections spend their time (nanoseconds, under the lock): marking (weak
  // references and finalizers included), sweeping, the views' page remaps, and giving
  // empty runs' pages back (after the world restarts where it can).
  std::uint64_t mark_ns = 0, sweep_ns = 0, remap_ns = 0, return_ns = 0;
  // Pages of the last collection's empty runs that its thread gives back after the world
  // restarts (collector.cc).
  PageRanges pages_to_return;
  std::atomic<bool> enabled{true};
  // The next collection is full whatever its trigger (a forked child's first one: the
  // dead threads' new objects may carry marks).
  bool full_requested = false;
  // TBB's workers mark and sweep in parallel; a forked child has none of its parent's
  // threads, TBB's included, so it marks and sweeps alone.
  bool parallel = true;
  std::atomic<void (*)()> finalization_hook{nullptr};
};

// Never destroyed: thread-exit hooks may run after static destructors would have.
GcHeap& gc_heap();

// Sets the page map up for the current stm heap, once. Takes `lock`.
void ensure_ready(GcHeap& heap);

// The run holding `offset`, or null (outside the object area, or a page not in use).
inline PageRun* run_at(const GcHeap& heap, stm::Offset offset) {
  if (offset - heap.area_begin >= heap.area_end - heap.area_begin) return nullptr;
  return heap.page_map[(offset - heap.area_begin) / stm::kPageSize].load(std::memory_order_acquire);
}

// Under `lock`: enters a new run in the page map and the list of runs.
void register_run(GcHeap& heap, PageRun* run);
// Under `lock`, world stopped: takes the runs out of the page map, deletes them, and
// adds their pages, neighbours merged, to `ranges` for return_pages.
void release_runs(GcHeap& heap, std::vector<PageRun*>& runs, PageRanges& ranges);
// Gives the ranges back to stm, and so their memory to the OS. Each one unmaps pages in
// every view, which interrupts every core running a thread of the process, so a
// collection does it after the world restarts (no page of them is in use any more).
void return_pages(PageRanges& ranges);

// Minimum bytes allocated between two collections triggered by growth, per allocating
// thread: what a small program's peak RSS carries beyond its live data (see
// ARCHITECTURE.md). Per thread, so that adding threads does not make every thread stop
// the world more often.
inline constexpr std::uint64_t kMinThreshold = std::uint64_t{1} << 20;
// The threshold for the next collection after one that left `live` bytes, with `threads`
// threads allocating. A test setting, PYPYSTM_GC_EVERY=<bytes>, collects that often
// instead, whatever the heap holds: it shows references that the collector cannot see
// (raw memory holding new objects).
std::uint64_t next_threshold(std::uint64_t live, std::size_t threads);
// Bytes allocated since start-up, by threads that exited too (under heap.lock or with the
// world stopped).
std::uint64_t allocated_so_far(const GcHeap& heap);

enum class Trigger : std::uint8_t {
  Explicit,  // gc::collect(): always collects
  Growth,    // heap growth passed the threshold
  Exhaustion // stm::allocate_pages failed
};
// Collects from the allocation slow path (or gc::collect). A growth or exhaustion
// request that finds another thread collected meanwhile does nothing. May throw TxAbort
// (the caller's transaction lost a conflict while it waited to stop the world).
void collect_for(Trigger trigger);

// Frees every taken cell that is not marked, clears the marks, gives wholly free runs
// back (but keeps up to `keep_empty_bytes` of empty small runs for reuse), and lists the
// runs with free cells for the allocators. Returns the live bytes; the pages of the runs
// given back are added to `released` (for return_pages). The marks of live cells stay:
// the next collection, if minor, counts them old.
// Collector, world stopped, every run detached from its thread.
std::uint64_t sweep(GcHeap& heap, std::uint64_t keep_empty_bytes, PageRanges& released);

// With the world stopped: appends a collection's finalization work to the queue
// (finalization.cc), emptying the vectors.
void queue_finalizations(std::vector<Finalization>& finalize, std::vector<Finalization>& callbacks);

// Applies the drops that the owning thread could not (collector, world stopped).
void apply_deferred_drops(GcHeap& heap);
// Under `lock`, or in a forked child: gives a thread's runs to the shared lists, adds its
// counters to the retired ones, and deletes it.
void retire_thread_heap(GcHeap& heap, ThreadHeap* thread);
// The calling thread's allocation state, or null before its first allocation.
ThreadHeap* calling_thread_heap();

// Takes every run away from its thread (collector, world stopped).
void detach_all_runs(GcHeap& heap);

} // namespace gc::detail
