// gc/allocator.cc - carving new objects out of size-class runs and the large-object space.
//
// Each thread owns at most one run per size class and takes cells from it with no lock
// and no atomic instruction: the bitmaps live outside the heap, and only the owner and
// the collector (with the world stopped) write them. A full run is simply let go; the
// slow path then takes a run with free cells that a collection left behind, or new pages
// from stm. Large objects get a page run each. Allocation is also where collections
// start: the slow path counts the bytes it hands out and collects once they pass the
// threshold, and collects once more before reporting an exhausted heap.
#include "gc/heap.h"
#include "gc/type_table.h"

#include <cstring>
#include <limits>

namespace gc::detail {
namespace {

thread_local ThreadHeap* this_thread_heap = nullptr;

void drop_new_object(stm::Offset object, std::uint32_t size);

// Gives the thread's runs back when it exits: the collector does it otherwise, but only
// for threads it can still find.
struct ThreadHeapRetirement {
  bool armed = false;
  ~ThreadHeapRetirement() {
    ThreadHeap* thread = this_thread_heap;
    if (!armed || !thread) return;
    GcHeap& heap = gc_heap();
    std::lock_guard guard(heap.lock);
    retire_thread_heap(heap, thread);
    this_thread_heap = nullptr;
  }
};
thread_local ThreadHeapRetirement retirement;

ThreadHeap* create_thread_heap() {
  GcHeap& heap = gc_heap();
  ensure_ready(heap);
  // Installed here rather than once: a thread allocates before any transaction of it
  // can abort with new objects, and stm may have been set up again since.
  stm::set_new_object_dropper(&drop_new_object);
  auto* thread = new ThreadHeap;
  {
    std::lock_guard guard(heap.lock);
    heap.threads.push_back(thread);
  }
  retirement.armed = true;
  this_thread_heap = thread;
  return thread;
}

// The abort of a transaction drops its new objects, in the aborting thread. A cell of a
// run that this thread owns is free again at once, with no lock. A run that nobody owns
// (its thread let it go when it filled up) is written only under the heap lock, so the
// cell is freed under it and the run offered to the allocators again. A run that another
// thread owns by now, and a large object (its pages can only go back with the world
// stopped), wait for the next collection.
void drop_new_object(stm::Offset object, std::uint32_t size) {
  GcHeap& heap = gc_heap();
  PageRun* run = run_at(heap, object);
  if (!run) return;
  unsigned cell = run->cell_of(object);
  ThreadHeap* thread = this_thread_heap;
  if (!run->large() && thread && run->owner.load(std::memory_order_relaxed) == thread) {
    if (cell < run->cells && run->is_taken(cell)) {
      run->give_back_cell(cell);
      bump(thread->freed_bytes, run->cell_size);
    }
    return;
  }
  std::lock_guard guard(heap.lock);
  if (run->large() || run->owner.load(std::memory_order_acquire) != nullptr) {
    heap.deferred_drops.push_back(object);
    return;
  }
  if (cell < run->cells && run->is_taken(cell)) {
    run->give_back_cell(cell);
    heap.freed_bytes.fetch_add(run->cell_size, std::memory_order_relaxed);
  }
  if (!run->in_partial_list) {
    run->in_partial_list = true;
    heap.partial[run->size_class].push_back(run);
  }
}

void maybe_collect(GcHeap& heap) {
  if (heap.enabled.load(std::memory_order_relaxed) &&
      heap.bytes_since_collection.load(std::memory_order_relaxed) >=
          heap.threshold.load(std::memory_order_relaxed))
    collect_for(Trigger::Growth);
}

void give_run(PageRun* run, ThreadHeap* thread) {
  run->owner.store(thread, std::memory_order_relaxed);
  run->last_owner = thread;
}

// A run with free cells: one this thread owned last, else an unclaimed one, else one that
// another thread owned last (better than new pages while free cells wait elsewhere).
PageRun* take_partial_run(GcHeap& heap, ThreadHeap* thread, unsigned cls) {
  std::lock_guard guard(heap.lock);
  std::vector<PageRun*>* list = &thread->partial[cls];
  if (list->empty()) list = &heap.partial[cls];
  for (auto other = heap.threads.begin(); list->empty() && other != heap.threads.end(); ++other)
    list = &(*other)->partial[cls];
  if (list->empty()) return nullptr;
  PageRun* run = list->back();
  list->pop_back();
  run->in_partial_list = false;
  give_run(run, thread);
  heap.bytes_since_collection.fetch_add(std::uint64_t(run->cells - run->used) * run->cell_size,
                                        std::memory_order_relaxed);
  return run;
}

// An empty run of `pages` pages that the last sweep kept, or null. Its bitmaps are all
// clear; the caller sets it up for its new use. One that `thread` had last, if one of the
// last few is: its pages are likely private in the thread's view already, while another
// thread's commits would have to copy their new objects into that private copy too.
PageRun* take_empty_run(GcHeap& heap, ThreadHeap* thread, std::size_t pages) {
  if (pages > kMaxRunPages) return nullptr;
  std::lock_guard guard(heap.lock);
  std::vector<PageRun*>& list = heap.empty_runs[pages];
  if (list.empty()) return nullptr;
  constexpr std::size_t kLooked = 64;
  std::size_t at = list.size() - 1;
  for (std::size_t i = list.size(); i-- > 0 && i + kLooked >= list.size();)
    if (list[i]->last_owner == thread) {
      at = i;
      break;
    }
  PageRun* run = list[at];
  list[at] = list.back();
  list.pop_back();
  heap.bytes_since_collection.fetch_add(run->bytes(), std::memory_order_relaxed);
  // Nothing reachable is left in it: it may become the home of the caller's view.
  stm::make_home_pages(run->start, run->pages);
  return run;
}

// Pages never used before (0: the heap is exhausted), made the home of the caller's view.
stm::Offset fresh_pages(std::size_t count) {
  stm::Offset first = stm::allocate_pages(count);
  if (first) stm::make_home_pages(first, count);
  return first;
}

void shape_small_run(PageRun* run, unsigned cls) {
  const SizeClass& c = kSizeClasses[cls];
  run->cell_size = c.cell_size;
  run->reciprocal = c.reciprocal;
  run->cells = static_cast<std::uint16_t>(c.cells);
  run->size_class = static_cast<std::uint8_t>(cls);
  run->used = 0;
  run->search_word = 0;
}

// A run (new, or an empty one kept by the sweep) holding one large object.
void shape_large_run(PageRun* run) {
  run->cell_size = run->bytes();
  run->reciprocal = 0;
  run->size_class = kLargeClass;
  run->cells = 1;
  run->used = 1;
  run->search_word = 0;
  run->taken[0] = 1;
}

PageRun* new_small_run(GcHeap& heap, ThreadHeap* thread, unsigned cls) {
  const SizeClass& c = kSizeClasses[cls];
  if (PageRun* run = take_empty_run(heap, thread, c.pages)) {
    shape_small_run(run, cls);
    give_run(run, thread);
    return run;
  }
  stm::Offset first = fresh_pages(c.pages);
  if (!first) return nullptr;
  auto* run = new PageRun;
  run->start = first;
  run->pages = c.pages;
  shape_small_run(run, cls);
  give_run(run, thread);
  std::lock_guard guard(heap.lock);
  register_run(heap, run);
  heap.bytes_since_collection.fetch_add(run->bytes(), std::memory_order_relaxed);
  return run;
}

// The thread's run of class `cls` is full (or missing): find another and take a cell.
// Every call into stm here is a safe point where a collection may take this thread's
// runs away, so the thread's state is read again after each.
stm::Offset allocate_small_slow(ThreadHeap* thread, unsigned cls, PageRun*& run) {
  GcHeap& heap = gc_heap();
  if (PageRun* full = thread->current[cls]) {
    // Release: a dropper that then finds the run unowned sees its bitmaps complete.
    full->owner.store(nullptr, std::memory_order_release);
    thread->current[cls] = nullptr;
  }
  maybe_collect(heap);
  for (int attempt = 0;; ++attempt) {
    run = take_partial_run(heap, thread, cls);
    if (!run) run = new_small_run(heap, thread, cls);
    if (run) {
      thread->current[cls] = run;
      if (stm::Offset object = run->take_cell()) return object;
      run->owner.store(nullptr, std::memory_order_release);
      thread->current[cls] = nullptr;
      continue;
    }
    if (attempt > 0) return 0;
    collect_for(Trigger::Exhaustion);
  }
}

stm::Offset allocate_large(ThreadHeap* thread, std::size_t size, PageRun*& run) {
  GcHeap& heap = gc_heap();
  std::size_t pages = (size + stm::kPageSize - 1) / stm::kPageSize;
  if (pages > heap.page_count) return 0;
  maybe_collect(heap);
  if (PageRun* reused = take_empty_run(heap, thread, pages)) {
    run = reused;
    shape_large_run(run);
    return run->start;
  }
  stm::Offset first = fresh_pages(pages);
  if (!first) {
    collect_for(Trigger::Exhaustion);
    first = fresh_pages(pages);
    if (!first) return 0;
  }
  run = new PageRun;
  run->start = first;
  run->pages = static_cast<std::uint32_t>(pages);
  shape_large_run(run);
  std::lock_guard guard(heap.lock);
  register_run(heap, run);
  heap.bytes_since_collection.fetch_add(run->bytes(), std::memory_order_relaxed);
  return first;
}

} // namespace

void apply_deferred_drops(GcHeap& heap) {
  for (stm::Offset object : heap.deferred_drops) {
    PageRun* run = run_at(heap, object);
    if (!run) continue;
    unsigned cell = run->cell_of(object);
    if (cell >= run->cells || !run->is_taken(cell)) continue;
    run->give_back_cell(cell);
    heap.freed_bytes.fetch_add(run->cell_size, std::memory_order_relaxed);
  }
  heap.deferred_drops.clear();
}

void retire_thread_heap(GcHeap& heap, ThreadHeap* thread) {
  for (unsigned cls = 0; cls < kSizeClassCount; ++cls) {
    PageRun* run = thread->current[cls];
    if (!run) continue;
    run->owner.store(nullptr, std::memory_order_relaxed);
    if (run->used < run->cells && !run->in_partial_list) {
      run->in_partial_list = true;
      run->search_word = 0;
      heap.partial[cls].push_back(run);
    }
  }
  for (unsigned cls = 0; cls < kSizeClassCount; ++cls)
    heap.partial[cls].insert(heap.partial[cls].end(), thread->partial[cls].begin(),
                             thread->partial[cls].end());
  heap.retired_allocated += thread->allocated_bytes.load(std::memory_order_relaxed);
  heap.retired_freed += thread->freed_bytes.load(std::memory_order_relaxed);
  std::erase(heap.threads, thread);
  delete thread;
}

ThreadHeap* calling_thread_heap() {
  return this_thread_heap;
}

void detach_all_runs(GcHeap& heap) {
  for (ThreadHeap* thread : heap.threads) {
    for (PageRun*& run : thread->current) {
      if (!run) continue;
      run->owner.store(nullptr, std::memory_order_relaxed);
      run = nullptr;
    }
  }
}

} // namespace gc::detail

namespace gc {
using namespace detail;

Offset allocate(std::uint16_t type_id, std::size_t bytes, bool finalizable, bool leaf) {
  if (!valid_type(type_id)) fatal("allocate: type id %u is not registered", unsigned(type_id));
  // Non-null exactly while the thread runs a transaction; cheaper than asking stm.
  if (!stm::detail::tl.segment_base) fatal("allocate outside a transaction");
  if (bytes > std::numeric_limits<std::uint32_t>::max() - stm::kPageSize) return 0;
  std::size_t size = (std::max<std::size_t>(bytes, sizeof(ObjectHeader)) + stm::kObjectAlign - 1) &
                     ~(stm::kObjectAlign - 1);
  ThreadHeap* thread = this_thread_heap;
  if (!thread) thread = create_thread_heap();

  PageRun* run;
  Offset object;
  if (size <= kMaxSmall) {
    unsigned cls = size_class_of(size);
    run = thread->current[cls];
    object = run ? run->take_cell() : 0;
    if (!object) {
      object = allocate_small_slow(thread, cls, run);
      if (!object) return 0;
    }
  } else {
    object = allocate_large(thread, size, run);
    if (!object) return 0;
  }
  // Both bits are clear in a free cell: the sweep and give_back_cell clear them.
  finalizable = finalizable || (type_table[type_id].flags & kHasFinalizer);
  if (finalizable || leaf) {
    unsigned cell = run->cell_of(object);
    std::uint64_t bit = std::uint64_t{1} << (cell % 64);
    if (finalizable) run->finalizable[cell / 64] |= bit;
    if (leaf) run->leaf[cell / 64] |= bit;
  }
  bump(thread->allocated_bytes, run->cell_size);

  char* address = stm::view_address(object);
  if (size <= 64) {
    // The common small object (16, 32, 48 or 64 bytes, an 8-byte header): a few stores of
    // constant size beat a call into memset, and a loop over the words.
    char* body = address + sizeof(ObjectHeader);
    static_assert(sizeof(ObjectHeader) == 8);
    switch (size) {
    case 64:
      std::memset(body + 40, 0, 16);
      [[fallthrough]];
    case 48:
      std::memset(body + 24, 0, 16);
      [[fallthrough]];
    case 32:
      std::memset(body + 8, 0, 16);
      [[fallthrough]];
    default:
      std::memset(body, 0, 8);
    }
  } else {
    std::memset(address + sizeof(ObjectHeader), 0, size - sizeof(ObjectHeader));
  }
  auto* header = reinterpret_cast<ObjectHeader*>(address);
  header->size = static_cast<std::uint32_t>(size);
  header->type_id = type_id;
  header->flags = 0;
  stm::note_new_object(object, static_cast<std::uint32_t>(size));
  return object;
}

} // namespace gc
