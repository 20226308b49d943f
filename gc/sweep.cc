// gc/sweep.cc - the sweep phase: free what was not marked, give empty runs back.
//
// It reads only the side tables, never the heap, so it is cheap per run and splits
// freely over TBB workers; giving pages back to stm stays on the collecting thread.
//
// Empty small runs are not all given back. A program that allocates fast (a boxed float
// per operation) would otherwise hand its pages to the OS at every collection and take
// them again right after: a punched hole, and page faults, kernel zeroing and
// copy-on-write in every view, for each page, each cycle. Up to the next threshold's
// worth stays, as runs with no taken cell that any size class (or a large object) of the
// same page count may take: the allocators fill that much before the next collection
// anyway, so peak memory does not grow. Their bytes need no clearing, since allocate()
// clears every object it hands out.
#include "gc/heap.h"

#include <algorithm>
#include <bit>
#include <thread>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace gc::detail {
namespace {

// Below this many runs the workers' start-up costs more than it saves: with two or three
// cores the sweep gains at most half its time, with many it gains nearly all of it, and
// every other thread waits for the world to restart meanwhile.
std::size_t parallel_runs() {
  static const std::size_t runs = std::thread::hardware_concurrency() >= 8 ? 1024 : 8192;
  return runs;
}

struct SweepTotals {
  std::uint64_t live = 0;
  std::uint64_t freed = 0;
};

SweepTotals sweep_runs(PageRun* const* runs, std::size_t count, const stm::ReadMarkers& markers) {
  SweepTotals totals;
  for (std::size_t i = 0; i < count; ++i) {
    PageRun& run = *runs[i];
    unsigned live_cells = 0, dead_cells = 0;
    // The running views that marked something on the run: only theirs are forgotten.
    unsigned marking[stm::kMaxSegments], marking_count = 0;
    for (unsigned view = 0; view < markers.count; ++view)
      if (markers.any_in(view, run.start, run.bytes())) marking[marking_count++] = view;
    for (unsigned w = 0, n = run.words(); w < n; ++w) {
      std::uint64_t marked = run.marked[w].load(std::memory_order_relaxed);
      std::uint64_t live = run.taken[w] & marked;
      std::uint64_t dead = run.taken[w] & ~marked;
      dead_cells += unsigned(std::popcount(dead));
      if (marking_count)
        for (; dead; dead &= dead - 1) {
          stm::Offset cell = run.cell_start(w * 64 + unsigned(std::countr_zero(dead)));
          for (unsigned k = 0; k < marking_count; ++k)
            markers.forget_in(marking[k], cell);
        }
      live_cells += unsigned(std::popcount(live));
      run.taken[w] = live;
      run.finalizable[w] &= live;
      run.finalized[w] &= live;
      run.leaf[w] &= live;
      // Survivors keep their marks: the next collection counts them old (collector.cc).
      run.marked[w].store(live, std::memory_order_relaxed);
    }
    run.used = static_cast<std::uint16_t>(live_cells);
    run.search_word = 0;
    totals.live += std::uint64_t(live_cells) * run.cell_size;
    totals.freed += std::uint64_t(dead_cells) * run.cell_size;
  }
  return totals;
}

} // namespace

std::uint64_t sweep(GcHeap& heap, std::uint64_t keep_empty_bytes, PageRanges& released) {
  std::vector<PageRun*>& runs = heap.runs;
  SweepTotals totals;
  const stm::ReadMarkers markers = stm::running_read_markers();
  if (heap.parallel && runs.size() >= parallel_runs()) {
    std::atomic<std::uint64_t> live{0}, freed{0};
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, runs.size(), 256),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        SweepTotals part =
                            sweep_runs(runs.data() + range.begin(), range.size(), markers);
                        live.fetch_add(part.live, std::memory_order_relaxed);
                        freed.fetch_add(part.freed, std::memory_order_relaxed);
                      });
    totals = {live.load(), freed.load()};
  } else {
    totals = sweep_runs(runs.data(), runs.size(), markers);
  }

  // Partial runs go back to the thread that owned them last, if it still runs.
  std::vector<ThreadHeap*> live_threads = heap.threads;
  std::sort(live_threads.begin(), live_threads.end());
  std::vector<std::vector<PageRun*>*> partial_lists;
  for (unsigned cls = 0; cls < kSizeClassCount; ++cls) {
    partial_lists.push_back(&heap.partial[cls]);
    for (ThreadHeap* thread : live_threads)
      partial_lists.push_back(&thread->partial[cls]);
  }
  for (std::vector<PageRun*>* list : partial_lists)
    list->clear();
  for (std::vector<PageRun*>& list : heap.empty_runs)
    list.clear();
  std::vector<PageRun*> kept, empty;
  kept.reserve(runs.size());
  std::uint64_t kept_empty = 0;
  for (PageRun* run : runs) {
    run->in_partial_list = false;
    if (run->used == 0 &&
        (run->pages > kMaxRunPages || kept_empty + run->bytes() > keep_empty_bytes)) {
      empty.push_back(run);
      continue;
    }
    kept.push_back(run);
    if (run->used == 0) {
      kept_empty += run->bytes();
      heap.empty_runs[run->pages].push_back(run);
      continue;
    }
    if (!run->large() && run->used < run->cells) {
      run->in_partial_list = true;
      bool owner_runs =
          std::binary_search(live_threads.begin(), live_threads.end(), run->last_owner);
      (owner_runs ? run->last_owner->partial : heap.partial)[run->size_class].push_back(run);
    }
  }
  // Allocators take from the back: the fullest runs first, so that nearly empty ones
  // have a chance to empty out and go back to the OS.
  for (std::vector<PageRun*>* list : partial_lists)
    std::sort(list->begin(), list->end(),
              [](const PageRun* a, const PageRun* b) { return a->used < b->used; });
  runs.swap(kept);
  release_runs(heap, empty, released);
  heap.freed_bytes.fetch_add(totals.freed, std::memory_order_relaxed);
  return totals.live;
}

} // namespace gc::detail
