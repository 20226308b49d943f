// stm/pages.cc - whole pages of the object area, handed to gc/ and taken back.
//
// Page runs are rare events next to object allocation (gc/ carves objects out of them),
// so one mutex and a first-fit map of free runs serve. Released runs lose their memory
// in every view and in the memfd, so resident memory follows what is in use.
#include "stm/core.h"

#include <fcntl.h>
#include <iterator>
#include <map>
#include <sys/mman.h>

namespace stm::detail {

static std::mutex page_lock;
static std::size_t next_unused_page = 0;             // everything above was never handed out
static std::map<std::size_t, std::size_t> free_runs; // first page -> count

void reset_page_allocator() {
  std::lock_guard guard(page_lock);
  next_unused_page = 0;
  free_runs.clear();
}

static Offset offset_of_page(std::size_t page) {
  return heap.area_begin + page * kPageSize;
}

} // namespace stm::detail

namespace stm {
using namespace detail;

Offset allocate_pages(std::size_t count) {
  if (count == 0) fatal("allocate_pages(0)");
  std::lock_guard guard(page_lock);
  for (auto run = free_runs.begin(); run != free_runs.end(); ++run) {
    if (run->second < count) continue;
    std::size_t first = run->first, left = run->second - count;
    free_runs.erase(run);
    if (left) free_runs.emplace(first + count, left);
    return offset_of_page(first);
  }
  if (next_unused_page + count > heap.area_pages) return 0;
  std::size_t first = next_unused_page;
  next_unused_page += count;
  if (next_unused_page > heap.pages_high_water.load(std::memory_order_relaxed))
    heap.pages_high_water.store(next_unused_page, std::memory_order_release);
  return offset_of_page(first);
}

void release_pages(Offset first_offset, std::size_t count) {
  std::size_t first = heap.page_of(first_offset);
  if (first_offset != offset_of_page(first) || first + count > next_unused_page)
    fatal("release_pages: offset %#zx, %zu pages were not handed out", std::size_t(first_offset),
          count);
  std::size_t bytes = count * kPageSize;
  fallocate(heap.memfd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
            off_t(first_offset - heap.area_begin), off_t(bytes));
  for (unsigned view = 1; view <= heap.views; ++view) {
    std::uint8_t* row = heap.private_row(view);
    bool any_private = false;
    for (std::size_t page = first; page < first + count; ++page) {
      any_private |= row[page] != 0;
      row[page] = 0;
    }
    if (any_private) madvise(heap.base(view) + first_offset, bytes, MADV_DONTNEED);
  }
  std::lock_guard guard(page_lock);
  auto [run, inserted] = free_runs.emplace(first, count);
  if (!inserted) fatal("release_pages: page run at %#zx released twice", std::size_t(first_offset));
  if (auto next = std::next(run); next != free_runs.end() && first + count == next->first) {
    run->second += next->second;
    free_runs.erase(next);
  }
  if (run != free_runs.begin()) {
    auto previous = std::prev(run);
    if (previous->first + previous->second == run->first) {
      previous->second += run->second;
      free_runs.erase(run);
      run = previous;
    }
  }
  // A run that reaches the untouched top rejoins it.
  if (run->first + run->second == next_unused_page) {
    next_unused_page = run->first;
    free_runs.erase(run);
  }
}

} // namespace stm
