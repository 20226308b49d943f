// stm/home_pages.cc - home pages: where a view's first reads need no fence.
//
// The read barrier's first read in a transaction stores the marker and then looks at
// the object's lock, with a full fence between (barrier.cc): a committer raises its
// flag, fences, and scans markers, and without the reader's fence both could miss the
// other's store. On x86 that fence costs as much as the rest of a small transaction's
// reads together, yet most first reads are of objects that only their own thread ever
// touched: the ones it allocated.
//
// So the fence moves to the rare side. A page of fresh memory that a thread takes for
// its allocations becomes the home page of the thread's view (one byte per page, the
// view's number). In its home pages a view's first read stores the marker plainly and
// skips the lock. Any other view, before its first read or write there, takes the page
// away from its home for good: it marks it leaving, has every running thread of the
// process pass a full fence (membarrier(2)), and marks it homeless. Either the home
// view read the page's state after that fence, saw it homeless and took the fenced path,
// or its marker store came before the fence and every later conflict scan sees it. The
// same argument covers the skipped lock: a lock on an object of a home page is only ever
// taken after the page left its home, so a home reader that saw the page at home left a
// marker that the locker's scan finds before it publishes anything.
//
// Homes are made only on pages that hold no object anyone can reach (new pages, and
// runs a collection emptied), and they are lost only through leave_home. A view whose
// pages keep being taken away (a producer whose objects others read) makes fewer homes:
// each loss stops every core for a few microseconds.
#include "stm/core.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace stm::detail {

namespace {

constexpr std::uint8_t kLeavingHome = 0xff;

// Per view: pages offered as homes and homes lost since, both halved now and then, so
// that the ratio follows what the view's thread does lately.
struct alignas(64) HomeRecord {
  std::atomic<std::uint64_t> offered{0};
  std::atomic<std::uint64_t> lost{0};
};
HomeRecord home_records[kMaxSegments + 1];

bool register_fences() {
  return syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0;
}

// Every thread of the process that is running now executes a full fence before this
// returns; the others pass one when the kernel switches them out.
void fence_every_thread() {
  if (syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) == 0) return;
  // A forked child may need to register again.
  if (errno == EPERM && register_fences() &&
      syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) == 0)
    return;
  fatal("membarrier failed: %s", std::strerror(errno));
}

} // namespace

void set_up_home_pages() {
  const char* env = std::getenv("PYPYSTM_HOME_PAGES");
  bool wanted = !env || std::strcmp(env, "0") != 0;
  heap.home_pages = wanted && register_fences();
  for (HomeRecord& record : home_records) {
    record.offered.store(0, std::memory_order_relaxed);
    record.lost.store(0, std::memory_order_relaxed);
  }
}

void leave_home(ThreadContext* ctx, Offset object) {
  std::atomic<std::uint8_t>& home = heap.home_of(object);
  std::uint8_t view = home.load(std::memory_order_acquire);
  while (view != 0) {
    if (view == kLeavingHome) {
      // Another thread is fencing for this page: its fence is ours too, once it is done.
      wait_until([&] { return home.load(std::memory_order_acquire) == 0; });
      return;
    }
    if (home.compare_exchange_weak(view, kLeavingHome, std::memory_order_acq_rel)) {
      std::uint64_t t0 = now_ticks();
      fence_every_thread();
      home.store(0, std::memory_order_release);
      home_records[view].lost.fetch_add(1, std::memory_order_relaxed);
      add_state_time(ctx, TimeState::TakingHome, now_ticks() - t0);
      bump(ctx->stats->homes_taken);
      return;
    }
  }
}

void forget_homes(std::size_t first_page, std::size_t count) {
  for (std::size_t page = first_page; page < first_page + count; ++page)
    heap.page_home[page].store(0, std::memory_order_relaxed);
}

} // namespace stm::detail

namespace stm {
using namespace detail;

void make_home_pages(Offset first, std::size_t count) {
  ThreadContext* ctx = tl.context;
  if (!heap.home_pages || !ctx || !ctx->in_tx.load(std::memory_order_relaxed)) return;
  HomeRecord& record = home_records[ctx->segment];
  std::uint64_t offered = record.offered.load(std::memory_order_relaxed) + count;
  std::uint64_t lost = record.lost.load(std::memory_order_relaxed);
  if (offered > (1u << 16)) {
    offered /= 2;
    lost /= 2;
    record.lost.store(lost, std::memory_order_relaxed);
  }
  record.offered.store(offered, std::memory_order_relaxed);
  // About one loss in sixteen pages offered at most: past that, the pages stay homeless
  // (fenced first reads) until the losses age out.
  if (lost * 16 > offered + 256) return;
  std::uint8_t view = std::uint8_t(ctx->segment);
  for (std::size_t page = heap.page_of(first), end = page + count; page < end; ++page)
    heap.page_home[page].store(view, std::memory_order_relaxed);
}

unsigned home_view(Offset object) {
  std::uint8_t view = heap.home_of(object).load(std::memory_order_acquire);
  return view == kLeavingHome ? 0 : view;
}

} // namespace stm
