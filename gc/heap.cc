// gc/heap.cc - the page map and the life of page runs.
#include "gc/heap.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace gc::detail {

void fatal(const char* format, ...) {
  char message[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(message, sizeof message, format, args);
  va_end(args);
  std::fprintf(stderr, "pypy-stm: fatal error in the GC: %s\n", message);
  std::fflush(stderr);
  std::abort();
}

GcHeap& gc_heap() {
  alignas(GcHeap) static unsigned char storage[sizeof(GcHeap)];
  static GcHeap* heap = new (storage) GcHeap;
  return *heap;
}

void ensure_ready(GcHeap& heap) {
  std::lock_guard guard(heap.lock);
  if (heap.ready) return;
  heap.area_begin = stm::object_area_begin();
  heap.area_end = stm::object_area_end();
  heap.page_count = (heap.area_end - heap.area_begin) / stm::kPageSize;
  // calloc of this size maps fresh zero pages: only the entries of used pages cost memory.
  void* map = std::calloc(heap.page_count, sizeof(std::atomic<PageRun*>));
  if (!map) fatal("cannot allocate the page map (%zu pages)", heap.page_count);
  heap.page_map = static_cast<std::atomic<PageRun*>*>(map);
  heap.threshold.store(next_threshold(0, 1), std::memory_order_relaxed);
  heap.ready = true;
}

std::uint64_t next_threshold(std::uint64_t live, std::size_t threads) {
  static const std::uint64_t every = [] {
    const char* text = std::getenv("PYPYSTM_GC_EVERY");
    return text ? std::strtoull(text, nullptr, 10) : 0;
  }();
  return every ? every : std::max(kMinThreshold * std::max<std::size_t>(threads, 1), live);
}

std::uint64_t allocated_so_far(const GcHeap& heap) {
  std::uint64_t total = heap.retired_allocated;
  for (const ThreadHeap* thread : heap.threads)
    total += thread->allocated_bytes.load(std::memory_order_relaxed);
  return total;
}

void register_run(GcHeap& heap, PageRun* run) {
  std::size_t first = (run->start - heap.area_begin) / stm::kPageSize;
  for (std::size_t page = first; page < first + run->pages; ++page)
    heap.page_map[page].store(run, std::memory_order_release);
  heap.runs.push_back(run);
  heap.pages_in_use.fetch_add(run->pages, std::memory_order_relaxed);
}

void release_runs(GcHeap& heap, std::vector<PageRun*>& runs, PageRanges& ranges) {
  if (runs.empty()) return;
  std::sort(runs.begin(), runs.end(),
            [](const PageRun* a, const PageRun* b) { return a->start < b->start; });
  for (PageRun* run : runs) {
    // Neighbouring runs go back in one call: one hole punched instead of many.
    if (!ranges.empty() &&
        run->start == ranges.back().first + ranges.back().second * stm::kPageSize)
      ranges.back().second += run->pages;
    else
      ranges.emplace_back(run->start, run->pages);
    std::size_t page = (run->start - heap.area_begin) / stm::kPageSize;
    for (std::size_t p = page; p < page + run->pages; ++p)
      heap.page_map[p].store(nullptr, std::memory_order_relaxed);
    heap.pages_in_use.fetch_sub(run->pages, std::memory_order_relaxed);
    heap.pages_returned.fetch_add(run->pages, std::memory_order_relaxed);
    delete run;
  }
  runs.clear();
}

void return_pages(PageRanges& ranges) {
  for (auto [first, pages] : ranges)
    stm::release_pages(first, pages);
  ranges.clear();
}

} // namespace gc::detail
