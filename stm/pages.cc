// stm/pages.cc - whole pages of the object area: handed to gc/ and taken back, and how
// each view maps them.
//
// Page runs are rare events next to object allocation (gc/ carves objects out of them),
// so one mutex and a first-fit map of free runs serve. Released runs lose their memory
// in every view and in the memfd, so resident memory follows what is in use.
//
// A view maps a page in one of two ways, recorded in its row of heap.private_pages:
//   0  shared: the view maps the committed page itself (MAP_SHARED). Reads see the
//      committed state; a write goes straight to it, which is right only for the bytes
//      of objects nobody else can reach: the running transaction's new objects.
//   1  private: MAP_PRIVATE, so the first write copies the page for this view alone.
// Before the first write to an old object the write barrier makes its pages private.
// New objects are written in place on shared pages, so commit need not copy them and
// the heap is resident once, not once per view that allocated in it. At a collection,
// private pages that no running transaction wrote go back to shared (their bytes equal
// the committed ones by then), so a view's private copies do not pile up.
#include "stm/core.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <map>
#include <sys/mman.h>
#include <unistd.h>

namespace stm::detail {

static std::mutex page_lock;
static std::size_t next_unused_page = 0;             // everything above was never handed out
static std::map<std::size_t, std::size_t> free_runs; // first page -> count

void reset_page_allocator() {
  std::lock_guard guard(page_lock);
  next_unused_page = 0;
  free_runs.clear();
}

// A page of the row between its marking and its remap in privatize(): private for every
// reader of the row (copy_out), shared still in the view's mapping.
constexpr std::uint8_t kBecomingPrivate = 4;
// Private pages a view keeps across collections while several threads run (2 MiB).
constexpr std::size_t kKeptPrivatePages = 512;
// The views' page-table entries are dropped only when they could map more than this
// beyond the heap (the views in use times the heap's span): below it the faults that follow cost
// more than the resident size they save (stm-bench disjoint on 2 cores: 35k faults in 2 s).
constexpr std::size_t kForgetAboveBytes = std::size_t(64) << 20;

static Offset offset_of_page(std::size_t page) {
  return heap.area_begin + page * kPageSize;
}

static void map_view_pages(unsigned segment, std::size_t first, std::size_t count, bool shared) {
  char* at = heap.base(segment) + offset_of_page(first);
  int flags = MAP_FIXED | (shared ? MAP_SHARED : MAP_PRIVATE | MAP_NORESERVE);
  if (mmap(at, count * kPageSize, PROT_READ | PROT_WRITE, flags, heap.memfd,
           off_t(first * kPageSize)) == MAP_FAILED)
    fatal("cannot map %zu pages of view %u %s: %s (is vm.max_map_count too low?)", count, segment,
          shared ? "shared" : "private", std::strerror(errno));
}

// Maps every page of [first, end) whose row entry is `from` as `to` (0 shared, 1 private),
// one mmap per run of such pages. Returns how many pages changed.
static std::size_t remap_pages(unsigned segment, std::size_t first, std::size_t end,
                               std::uint8_t from, std::uint8_t to) {
  std::uint8_t* row = heap.private_row(segment);
  std::size_t changed = 0;
  for (std::size_t page = first; page < end;) {
    if (row[page] != from) {
      ++page;
      continue;
    }
    std::size_t run = page;
    while (page < end && row[page] == from)
      row[page++] = to;
    map_view_pages(segment, run, page - run, to == 0);
    changed += page - run;
  }
  return changed;
}

void privatize(unsigned segment, Offset object, std::size_t size) {
  std::size_t first = heap.page_of(object), end = heap.page_of(object + size - 1) + 1;
  std::uint8_t* row = heap.private_row(segment);
  bool any = false;
  for (std::size_t page = first; page < end; ++page)
    if (!row[page]) {
      // Marked first (kBecomingPrivate): a commit that reads the row from now on copies its
      // bytes into this view as well, which until the remap means into the shared page,
      // where the same bytes go anyway. A commit that read it before is waited for below,
      // so none can leave the private copy older than the committed page. No lock and no
      // stop for other commits: views privatize at once, and commits go on meanwhile.
      std::atomic_ref<std::uint8_t>(row[page]).store(kBecomingPrivate, std::memory_order_seq_cst);
      any = true;
    }
  if (!any) return;
  ThreadContext* ctx = current();
  std::uint64_t t0 = now_ticks();
  // Quiet meanwhile: a commit under the lock may be waiting, flag up, for this thread to
  // stand still (it decided against this transaction), and a collection may run; neither
  // minds a row entry that is becoming private. A decision against this transaction is
  // honoured at the next safe point, once the remap is done.
  STM_SAVE_STACK(ctx);
  go_quiet(ctx, ThreadState::Paused);
  for (unsigned view = 1; view <= heap.views; ++view)
    if (view != segment)
      wait_until([view] { return !heap.publishing(view).load(std::memory_order_seq_cst); });
  come_back(ctx);
  // A copy into this view that lands during the remap is kept too: before it, it went
  // into the shared page, which the first write of the private mapping copies.
  std::size_t pages = remap_pages(segment, first, end, kBecomingPrivate, 1);
  add_state_time(ctx, TimeState::Remapping, now_ticks() - t0);
  bump(ctx->stats->privatizations);
  bump(ctx->stats->pages_privatized, pages);
}

void adopt_heap_copy(int memfd, unsigned kept_view) {
  std::size_t used = heap.pages_high_water.load(std::memory_order_acquire);
  // The kept view's private pages hold its transaction's bytes: they are saved first,
  // and mapped privately again from the copy once everything maps it.
  std::vector<std::pair<std::size_t, std::vector<char>>> kept;
  if (kept_view) {
    const std::uint8_t* row = heap.private_row(kept_view);
    for (std::size_t page = 0; page < used; ++page)
      if (row[page]) {
        const char* at = heap.base(kept_view) + offset_of_page(page);
        kept.emplace_back(page, std::vector<char>(at, at + kPageSize));
      }
  }
  int parents = heap.memfd;
  heap.memfd = memfd;
  for (unsigned segment = 0; segment <= heap.views; ++segment) {
    if (mmap(heap.base(segment) + heap.area_begin, heap.area_bytes, PROT_READ | PROT_WRITE,
             MAP_SHARED | MAP_FIXED, memfd, 0) == MAP_FAILED)
      fatal("cannot map the heap's copy in segment %u: %s", segment, std::strerror(errno));
    if (segment == 0) continue;
    std::memset(heap.private_row(segment), 0, used);
    if (segment != kept_view) madvise(heap.base(segment), heap.area_begin, MADV_DONTNEED);
  }
  if (kept_view) {
    for (const auto& saved : kept)
      heap.private_row(kept_view)[saved.first] = 2;
    remap_pages(kept_view, 0, used, 2, 1); // runs of pages, one mmap each
  }
  for (const auto& [page, bytes] : kept)
    std::memcpy(heap.base(kept_view) + offset_of_page(page), bytes.data(), kPageSize);
  close(parents);
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
  {
    // Other threads may hand pages out meanwhile: a collection gives pages back after
    // the world restarts (gc/collector.cc).
    std::lock_guard guard(page_lock);
    if (first_offset != offset_of_page(first) || first + count > next_unused_page)
      fatal("release_pages: offset %#zx, %zu pages were not handed out", std::size_t(first_offset),
            count);
  }
  std::size_t bytes = count * kPageSize;
  fallocate(heap.memfd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
            off_t(first_offset - heap.area_begin), off_t(bytes));
  for (unsigned view = 1; view <= heap.views; ++view)
    remap_pages(view, first, first + count, 1, 0);
  forget_homes(first, count);
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

// A view keeps the page-table entry of every page it ever touched, and threads move from
// view to view and take over each other's allocation pages: after a few collections
// every view maps most of the heap, and the resident size counts each page once per view
// (325 MB for 0.6 MiB live at 16 threads). So at collections each view lets go of its
// entries (paced by allocation, see share_unwritten_pages); the next touch of a page
// faults it back in from the memfd. Pages a running
// transaction wrote (marked 2) hold its bytes alone and stay; another private page holds
// the committed bytes by now, so dropping its copy reads them back from the memfd.
static void forget_page_table_entries(unsigned view, std::size_t used) {
  const std::uint8_t* row = heap.private_row(view);
  char* area = heap.base(view) + heap.area_begin;
  for (std::size_t page = 0; page < used;) {
    if (row[page] == 2) {
      ++page;
      continue;
    }
    std::size_t end = page;
    while (end < used && row[end] != 2)
      ++end;
    madvise(area + page * kPageSize, (end - page) * kPageSize, MADV_DONTNEED);
    page = end;
  }
}

void share_unwritten_pages(std::uint64_t allocated_bytes) {
  std::size_t reshared = 0;
  bool several = heap.several_threads.load(std::memory_order_relaxed);
  std::size_t used = heap.pages_high_water.load(std::memory_order_acquire);
  // The views let go of their entries once the program has allocated as much as the heap
  // spans since the last time: the faults that follow cost in proportion to the heap, and
  // a program that collects very often over little allocation (PYPYSTM_GC_EVERY, a small
  // heap) would pay them at every collection for nothing.
  static std::uint64_t allocated_at_last_forget = 0; // the world is stopped: one caller
  std::size_t views_used = heap.views_used.load(std::memory_order_relaxed);
  bool forget = several && views_used * used * kPageSize > kForgetAboveBytes &&
                allocated_bytes - allocated_at_last_forget >= used * kPageSize;
  if (forget) allocated_at_last_forget = allocated_bytes;
  for (unsigned view = 1; view <= heap.views; ++view) {
    std::uint8_t* row = heap.private_row(view);
    // Pages the view's running transaction wrote keep their private copies (marked 2
    // meanwhile): they hold its uncommitted bytes.
    std::vector<std::size_t> pinned;
    auto pin = [&](Offset object, std::size_t size) {
      std::size_t end = heap.page_of(object + size - 1) + 1;
      for (std::size_t page = heap.page_of(object); page < end; ++page)
        if (row[page] == 1) {
          row[page] = 2;
          pinned.push_back(page);
        }
    };
    for (ThreadContext* t : threads) {
      if (t->segment != view || !t->in_tx.load(std::memory_order_acquire)) continue;
      const char* base = heap.base(view);
      for (Offset object : t->write_log)
        pin(object, reinterpret_cast<const ObjectHeader*>(base + object)->size);
      for (const RangeEntry& entry : t->range_log)
        if (!entry.promoted) pin(entry.object, entry.size);
      for (const NewObject& created : t->new_objects)
        pin(created.object, created.size);
    }
    // With one thread, a remap interrupts no other core: every copy goes back. With
    // several, each remap interrupts every core that runs one of them, and most private
    // pages are the view's own allocation pages, which its next transactions write again
    // (objects created just before a transaction break): they stay until there are many.
    bool keep = several && std::count(row, row + used, std::uint8_t{1}) <= kKeptPrivatePages;
    if (!keep) reshared += remap_pages(view, 0, used, 1, 0);
    if (forget) forget_page_table_entries(view, used);
    for (std::size_t page : pinned)
      row[page] = 1;
  }
  // Segment 0's page-table entries would count every committed page a second time in
  // the resident size; the next access maps them again.
  if (used) madvise(heap.base(0) + heap.area_begin, used * kPageSize, MADV_DONTNEED);
  if (tl.context) bump(tl.context->stats->pages_reshared, reshared);
}

unsigned reading_view() {
  ThreadContext* ctx = tl.context;
  return ctx && ctx->in_tx.load(std::memory_order_relaxed) ? ctx->segment : 0;
}

const char* committed_copy(unsigned view, Offset object) {
  if (view && !heap.private_row(view)[heap.page_of(object)]) return heap.base(view) + object;
  return heap.base(0) + object;
}

} // namespace stm
