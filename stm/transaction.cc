// stm/transaction.cc - start, commit, abort, inevitability and atomic nesting.
#include "stm/core.h"

#include <algorithm>
#include <cstring>
#include <sys/mman.h>
#include <time.h>

namespace stm::detail {

std::atomic<ThreadContext*> inevitable_owner{nullptr};
static void (*new_object_dropper)(Offset, std::uint32_t) = nullptr;

void kill(ThreadContext* victim, std::uint64_t serial, AbortCause cause) {
  victim->kill_cause = cause;
  // Never lower it: a stale decision about an older transaction must not hide this one.
  std::uint64_t seen = victim->kill_serial.load(std::memory_order_relaxed);
  while (seen < serial &&
         !victim->kill_serial.compare_exchange_weak(seen, serial, std::memory_order_acq_rel)) {
  }
  victim->interrupt.fetch_or(kMustAbort, std::memory_order_seq_cst);
}

void copy_out(unsigned mine, Offset object, std::size_t size) {
  const char* source = heap.base(mine);
  char* committed = heap.base(0);
  Offset end = object + size;
  for (Offset chunk = object; chunk < end;) {
    Offset page_end =
        (chunk - heap.area_begin) / kPageSize * kPageSize + kPageSize + heap.area_begin;
    std::size_t length = std::min<Offset>(page_end, end) - chunk;
    std::size_t page = heap.page_of(chunk);
    // A page this view maps shared holds the bytes in the committed state already.
    if (heap.private_row(mine)[page]) std::memcpy(committed + chunk, source + chunk, length);
    for (unsigned view = 1, used = heap.views_used.load(std::memory_order_acquire); view <= used;
         ++view)
      if (view != mine && heap.private_row(view)[page])
        std::memcpy(heap.base(view) + chunk, source + chunk, length);
    chunk += length;
  }
}

// Entries a thread's remembered list may hold; past that it is dropped and the next
// collection traces everything (a thread that writes without allocating never collects).
constexpr std::size_t kRememberedBound = std::size_t{1} << 16;

// What the collector must trace at the next collection even if it counts it old.
static void remember_writes(ThreadContext* ctx) {
  std::vector<Offset>& list = ctx->remembered;
  if (list.size() >= ctx->remembered_compact_at) {
    // What the filter below let through twice goes here: the list stays within twice
    // the objects it names (plus the floor), and the sort per entry stays small.
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    ctx->remembered_compact_at = std::max(ThreadContext::kRememberedCompactFloor, 2 * list.size());
    if (list.size() > kRememberedBound) {
      list.clear();
      list.shrink_to_fit();
      remembered_overflow.store(true, std::memory_order_relaxed);
    }
  }
  auto remember = [ctx, &list](Offset object) {
    Offset& slot = ctx->recently_remembered[((object >> 4) * 0x9E3779B97F4A7C15ull) >> 54];
    if (slot == object) return;
    slot = object;
    list.push_back(object);
  };
  for (Offset object : ctx->write_log)
    remember(object);
  for (const RangeEntry& entry : ctx->range_log)
    if (!entry.promoted) remember(entry.object);
}

static void publish(ThreadContext* ctx) {
  // The flag went up (a sequentially consistent store) before any private row is read in
  // copy_out: a privatization marks its row, then waits for flags raised before (pages.cc).
  std::atomic_signal_fence(std::memory_order_seq_cst);
  remember_writes(ctx);
  char* mine = heap.base(ctx->segment);
  // New objects go out first. A reader reaches one only through an old object of this
  // transaction, and an old object is readable as soon as its own copy is done and its
  // lock is let go (below); the new object's bytes must be in place by then, because
  // some reads need no barrier (an object's type, immutable fields), so nothing would
  // make such a reader wait for them. New objects mostly come one after another out of
  // the same run: neighbours go out in one copy, not one small memcpy each.
  Offset run_start = 0, run_end = 0;
  for (const NewObject& created : ctx->new_objects) {
    reinterpret_cast<ObjectHeader*>(mine + created.object)->flags |= kNeedsWriteBarrier;
    if (created.object != run_end) {
      if (run_end) copy_out(ctx->segment, run_start, run_end - run_start);
      run_start = created.object;
    }
    run_end = created.object + created.size;
  }
  if (run_end) copy_out(ctx->segment, run_start, run_end - run_start);
  for (Offset object : ctx->write_log) {
    auto* header = reinterpret_cast<ObjectHeader*>(mine + object);
    header->flags |= kNeedsWriteBarrier;
    copy_out(ctx->segment, object, header->size);
    heap.lock_of(object).store(0, std::memory_order_release);
  }
  publish_ranges(ctx);
  for (const NewObject& created : ctx->new_objects)
    heap.lock_of(created.object).store(0, std::memory_order_release);
}

// What every end of a transaction shares: the thread leaves its view.
static void leave_transaction(ThreadContext* ctx) {
  ctx->write_log.clear();
  clear_range_log(ctx);
  ctx->new_objects.clear();
  ctx->in_tx.store(false, std::memory_order_relaxed);
  heap.running(ctx->segment).store(0, std::memory_order_release);
  tl.segment_base = nullptr;
  STM_SAVE_STACK(ctx);
  // Not a sequentially consistent store: keep_segment's, next, orders this one too.
  ctx->state.store(ThreadState::Outside, std::memory_order_release);
  keep_segment(ctx);
}

static void give_up_inevitability(ThreadContext* ctx) {
  if (!ctx->inevitable.load(std::memory_order_relaxed)) return;
  ctx->inevitable.store(false, std::memory_order_seq_cst);
  inevitable_owner.store(nullptr, std::memory_order_seq_cst);
}

void abort_running(ThreadContext* ctx, AbortCause cause) {
  if (ctx->inevitable.load(std::memory_order_relaxed))
    fatal("an inevitable transaction cannot abort (cause: %s)", abort_cause_name(cause));
  char* mine = heap.base(ctx->segment);
  const char* committed = heap.base(0);
  for (Offset object : ctx->write_log) {
    std::size_t size = reinterpret_cast<const ObjectHeader*>(committed + object)->size;
    std::memcpy(mine + object, committed + object, size);
    heap.lock_of(object).store(0, std::memory_order_release);
  }
  restore_ranges(ctx);
  for (const NewObject& created : ctx->new_objects)
    heap.lock_of(created.object).store(0, std::memory_order_release);
  if (new_object_dropper)
    for (const NewObject& created : ctx->new_objects)
      new_object_dropper(created.object, created.size);
  std::uint64_t ran = now_ticks() - ctx->tx_start_ticks - ctx->tx_wait_ticks;
  bump(ctx->stats->aborts[int(cause)]);
  ++tl.aborts;
  bump(ctx->stats->aborted_ticks[int(cause)], ran);
  ctx->atomic_depth = ctx->atomic_depth_at_start;
  // Only lost conflicts count towards becoming inevitable: an explicit abort is the
  // program's choice (the interpreter aborts to wait for a lock), not starvation.
  if (cause != AbortCause::Explicit) ++ctx->consecutive_aborts;
  ctx->interrupt.fetch_and(~kMustAbort, std::memory_order_acq_rel);
  leave_transaction(ctx);
  throw TxAbort{cause};
}

// A loser of a write-write conflict lets the winner finish before it tries again.
static void back_off(ThreadContext* ctx) {
  Offset object = ctx->backoff_object;
  if (!object) return;
  ctx->backoff_object = 0;
  std::uint64_t t0 = now_ticks();
  for (unsigned spins = 0;
       heap.lock_of(object).load(std::memory_order_acquire) == ctx->backoff_lock; ++spins) {
    if (spins < 2000)
      _mm_pause();
    else if (ticks_to_ns(now_ticks() - t0) > 2'000'000)
      break; // a long winner: run anyway, the contention manager still decides
    else
      sched_yield();
  }
  add_state_time(ctx, TimeState::WaitLock, now_ticks() - t0);
}

void remember_backoff(ThreadContext* ctx, Offset object, std::uint8_t held_lock) {
  ctx->backoff_object = object;
  ctx->backoff_lock = held_lock;
}

// ---- commit ------------------------------------------------------------------------------
// A commit raises its view's flag to kScanning, looks for readers of what it wrote (the
// conflict scan), raises it to kPublishing, copies its writes out and lowers it.
// Readers are not stopped: the flag and the fence pair with the read barrier's slow path,
// so a reader either left its marker where the scan finds it, or sees the flag and waits
// for the new bytes.
//
// Most commits find no reader and take no lock, so two of them may scan at once. A scan
// skips a view only when that view is at kPublishing, which it reaches only after its own
// scan. So when A skips B, B's scan ran while A was below kPublishing and looked at A's
// markers: it found none on B's writes (else B would not have passed without the lock),
// so A read nothing that B writes, and "B, then A" is a serial order. They cannot skip
// each other: the first to reach kPublishing scanned the other while it was below.
// A committer that wins a conflict takes commit_lock to stop its losers before it copies
// (pause requests come from the lock's holder only). A loser sees the decision when it
// passes to kPublishing, or it passed before, which orders it first: its own scan found
// none of the winner's markers on its writes.

struct Victims {
  ThreadContext* who[kMaxSegments];
  std::uint64_t serial[kMaxSegments];
  Offset object[kMaxSegments];
  unsigned count = 0;
};

enum class Scan { Clear, Won, Lost };

// Up to this many logged writes, the scan looks at a view's markers before its status line.
constexpr std::size_t kMarkersFirstWrites = 8;

// Some marker of the view on what this transaction wrote is set (of any version).
static bool any_marker(const ThreadContext* ctx, const char* markers) {
  for (Offset object : ctx->write_log)
    if (std::atomic_ref<const char>(markers[object >> 4]).load(std::memory_order_relaxed))
      return true;
  for (const RangeEntry& entry : ctx->range_log)
    if (!entry.promoted &&
        std::atomic_ref<const char>(markers[entry.object >> 4]).load(std::memory_order_relaxed))
      return true;
  return false;
}

// Which other running transactions read what this one wrote. On a lost conflict it posts
// the event and answers Lost; readers it beats are listed in `victims`.
static Scan scan_for_readers(ThreadContext* ctx, Victims& victims) {
  if (ctx->write_log.empty() && ctx->range_log.empty()) return Scan::Clear; // new objects only
  // With a few writes, markers first: a view that never marked them (all zero since its
  // last version wrap) cannot conflict, whatever it runs, and its status line, which its
  // thread writes at every start and end, stays out of this core's cache. With many, the
  // status line first: one line per view, not one marker per write and view.
  bool markers_first = ctx->write_log.size() + ctx->range_log.size() <= kMarkersFirstWrites;
  unsigned used = heap.views_used.load(std::memory_order_seq_cst);
  for (unsigned view = 1; view <= used; ++view) {
    if (view == ctx->segment) continue;
    const char* markers = heap.base(view);
    if (markers_first && !any_marker(ctx, markers)) continue;
    if (!heap.running(view).load(std::memory_order_acquire)) continue;
    // Past its own scan: what it read of ours, it read before we publish.
    if (heap.publishing(view).load(std::memory_order_seq_cst) == kPublishing) continue;
    // The serial before the markers are compared: markers of a later transaction than the
    // one named here belong to one that started after our flag went up, and waits for our
    // bytes.
    std::uint64_t serial = heap.running_serial(view).load(std::memory_order_acquire);
    ThreadContext* t = heap.runner(view).load(std::memory_order_acquire);
    char version = heap.read_version(view).load(std::memory_order_acquire);
    Offset conflict = 0;
    for (Offset object : ctx->write_log)
      if (markers[object >> 4] == version) {
        conflict = object;
        break;
      }
    // Read markers are per object: a reader of any part of a range-logged object conflicts.
    for (const RangeEntry& entry : ctx->range_log)
      if (!conflict && !entry.promoted && markers[entry.object >> 4] == version)
        conflict = entry.object;
    if (!conflict) continue;
    if (!wins_conflict(ctx, t)) {
      if (events_enabled())
        events_post({"conflict", AbortCause::ReadWrite,
                     ticks_to_ns(now_ticks() - ctx->tx_start_ticks), conflict, t->thread_number,
                     ctx->thread_number, location_of(t), location_of(ctx)});
      return Scan::Lost;
    }
    victims.who[victims.count] = t;
    victims.serial[victims.count] = serial;
    victims.object[victims.count++] = conflict;
  }
  return victims.count ? Scan::Won : Scan::Clear;
}

// A decision against this very transaction (a stale one about an earlier transaction of
// the thread does not count, nor any against an inevitable one).
static bool killed_now(ThreadContext* ctx) {
  return (ctx->interrupt.load(std::memory_order_seq_cst) & kMustAbort) &&
         !ctx->inevitable.load(std::memory_order_relaxed) &&
         ctx->kill_serial.load(std::memory_order_acquire) ==
             ctx->tx_serial.load(std::memory_order_relaxed);
}

// The common commit: false when the scan beat some reader, which needs the lock.
static bool commit_without_lock(ThreadContext* ctx) {
  std::atomic_ref<char> flag = heap.publishing(ctx->segment);
  // The flag is up before the markers are read (scan_for_readers): the two sides as in a
  // read barrier.
  flag.store(kScanning, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (killed_now(ctx)) {
    flag.store(0, std::memory_order_release);
    abort_running(ctx, ctx->kill_cause);
  }
  Victims victims;
  switch (scan_for_readers(ctx, victims)) {
  case Scan::Lost:
    flag.store(0, std::memory_order_release);
    abort_running(ctx, AbortCause::ReadWrite);
  case Scan::Won:
    flag.store(0, std::memory_order_release);
    return false;
  case Scan::Clear:
    break;
  }
  // Pairs with kill(): a winner under the lock either decided before this point (seen
  // here) or after it, when this transaction comes first anyway (its scan found none of
  // the winner's markers on its writes).
  flag.store(kPublishing, std::memory_order_seq_cst);
  if (killed_now(ctx)) {
    flag.store(0, std::memory_order_release);
    abort_running(ctx, ctx->kill_cause);
  }
  publish(ctx);
  flag.store(0, std::memory_order_release);
  return true;
}

// A commit that beat some readers: they are stopped (at a safe point) before the copy, so
// that none reads an object half copied before it aborts.
static void commit_under_lock(ThreadContext* ctx) {
  for (;;) {
    lock_commit(ctx);
    if (!(ctx->interrupt.load(std::memory_order_acquire) & kMustAbort)) break;
    commit_lock.unlock();
    check_killed(ctx); // throws unless the decision was about an earlier transaction
  }
  std::atomic_ref<char> flag = heap.publishing(ctx->segment);
  flag.store(kScanning, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  Victims victims;
  if (scan_for_readers(ctx, victims) == Scan::Lost) {
    flag.store(0, std::memory_order_release);
    commit_lock.unlock();
    abort_running(ctx, AbortCause::ReadWrite);
  }
  for (unsigned i = 0; i < victims.count; ++i) {
    ThreadContext* t = victims.who[i];
    kill(t, victims.serial[i], AbortCause::ReadWrite);
    if (events_enabled())
      events_post({"conflict", AbortCause::ReadWrite, ticks_to_ns(now_ticks() - t->tx_start_ticks),
                   victims.object[i], ctx->thread_number, t->thread_number, location_of(ctx),
                   location_of(t)});
  }
  flag.store(kPublishing, std::memory_order_seq_cst);
  if (victims.count) {
    // Victims stay paused until the copy is done, which keeps the lock: pause requests
    // come from its holder only.
    pause_threads(victims.who, victims.count);
    publish(ctx);
    flag.store(0, std::memory_order_release);
    resume_threads(victims.who, victims.count);
    commit_lock.unlock();
  } else {
    // Nobody to stop: the next committer may scan while this one copies.
    commit_lock.unlock();
    publish(ctx);
    flag.store(0, std::memory_order_release);
  }
}

} // namespace stm::detail

namespace stm {
using namespace detail;

const char* abort_cause_name(AbortCause cause) {
  switch (cause) {
  case AbortCause::WriteWrite:
    return "write-write";
  case AbortCause::ReadWrite:
    return "read-write";
  case AbortCause::Explicit:
    return "explicit";
  default:
    return "?";
  }
}

void start_transaction() {
  ThreadContext* ctx = current();
  if (ctx->in_tx.load(std::memory_order_relaxed)) fatal("start_transaction inside a transaction");
  back_off(ctx);
  acquire_segment(ctx);
  char* base = heap.base(ctx->segment);
  std::uint64_t serial = ctx->tx_serial.load(std::memory_order_relaxed) + 1;
  ctx->tx_serial.store(serial, std::memory_order_release);
  heap.running_serial(ctx->segment).store(serial, std::memory_order_relaxed);
  heap.runner(ctx->segment).store(ctx, std::memory_order_relaxed);
  std::uint8_t version = std::uint8_t(base[kReadVersionSlot]) + 1;
  if (version == 0) {
    // The versions wrapped: old markers could pass for new ones. Zero those set since the
    // last wrap (a memset of a few marker pages, not a madvise: that one would interrupt
    // every other thread of the process to flush its TLB).
    std::size_t used = heap.pages_high_water.load(std::memory_order_acquire) * kPageSize;
    std::size_t last = (heap.area_begin + used) >> 16;
    for (std::size_t chunk = heap.area_begin >> 16; chunk <= last; ++chunk)
      if (base[kTouchedMarkers + chunk]) {
        base[kTouchedMarkers + chunk] = 0;
        std::memset(base + (chunk << 12), 0, std::size_t(1) << 12);
      }
    version = 1;
  }
  heap.read_version(ctx->segment).store(char(version), std::memory_order_relaxed);
  // One reading of the time stamp counter (a VM may make each one costly).
  std::uint64_t now = now_ticks();
  if (!ctx->birth.load(std::memory_order_relaxed))
    // The time stamp counter, not a shared counter that every start would write: ages
    // compare across cores (constant, synchronized TSC), and the segment number in the low
    // bits keeps two births apart.
    ctx->birth.store(now << 7 | ctx->segment, std::memory_order_relaxed);
  ctx->atomic_depth_at_start = ctx->atomic_depth;
  ctx->tx_wait_ticks = 0;
  ctx->tx_start_ticks = now;
  ctx->in_tx.store(true, std::memory_order_release);
  heap.running(ctx->segment).store(1, std::memory_order_release);
  tl.segment_base = base;
  come_back(ctx);
  if (ctx->consecutive_aborts >= heap.aborts_before_inevitable)
    become_inevitable("aborted too many times in a row");
}

void start_transaction_in_same_view() {
  ThreadContext* ctx = current();
  if (!ctx->segment) fatal("start_transaction_in_same_view: no transaction ran before");
  ctx->same_view_next = true;
  start_transaction();
  ctx->same_view_next = false;
}

void commit_transaction() {
  ThreadContext* ctx = require_transaction("commit_transaction");
  if (ctx->atomic_depth) fatal("commit_transaction inside an atomic block");
  if (!ctx->write_log.empty() || !ctx->range_log.empty() || !ctx->new_objects.empty()) {
    if (!commit_without_lock(ctx)) commit_under_lock(ctx);
    if (ctx->inevitable.load(std::memory_order_relaxed)) bump(ctx->stats->inevitable_commits);
    give_up_inevitability(ctx);
  } else {
    check_killed(ctx);
    if (ctx->inevitable.load(std::memory_order_relaxed)) bump(ctx->stats->inevitable_commits);
    give_up_inevitability(ctx);
  }
  bump(ctx->stats->commits);
  add_state_time(ctx, TimeState::Committed, now_ticks() - ctx->tx_start_ticks - ctx->tx_wait_ticks);
  ctx->birth.store(0, std::memory_order_relaxed);
  ctx->consecutive_aborts = 0;
  leave_transaction(ctx);
}

void abort_transaction() {
  ThreadContext* ctx = require_transaction("abort_transaction");
  if (ctx->inevitable.load(std::memory_order_relaxed))
    fatal("abort_transaction in an inevitable transaction");
  abort_running(ctx, AbortCause::Explicit);
}

void become_inevitable(const char* reason) {
  ThreadContext* ctx = require_transaction("become_inevitable");
  if (ctx->inevitable.load(std::memory_order_relaxed)) return;
  for (;;) {
    ThreadContext* expected = nullptr;
    if (inevitable_owner.compare_exchange_strong(expected, ctx, std::memory_order_seq_cst)) break;
    wait_in_transaction(ctx, TimeState::WaitInevitable,
                        [] { return inevitable_owner.load(std::memory_order_acquire) == nullptr; });
  }
  // Under the commit lock: a committer decides against its readers and then publishes
  // while they run, so a reader must not turn inevitable (unkillable) in between.
  lock_commit(ctx);
  ctx->inevitable.store(true, std::memory_order_seq_cst);
  // A winner may have decided against us just before we became inevitable.
  bool killed = (ctx->interrupt.load(std::memory_order_seq_cst) & kMustAbort) &&
                ctx->kill_serial.load() == ctx->tx_serial.load(std::memory_order_relaxed);
  if (killed) give_up_inevitability(ctx);
  commit_lock.unlock();
  if (killed) check_killed(ctx);
  if (events_enabled())
    events_post({"inevitable", AbortCause::kCount, 0, 0, ctx->thread_number, ctx->thread_number,
                 location_of(ctx), reason});
}

bool in_transaction() {
  ThreadContext* ctx = tl.context;
  return ctx && ctx->in_tx.load(std::memory_order_relaxed);
}

bool is_inevitable() {
  ThreadContext* ctx = tl.context;
  return ctx && ctx->inevitable.load(std::memory_order_relaxed);
}

void atomic_begin() {
  ++require_transaction("atomic_begin")->atomic_depth;
}

void atomic_end() {
  ThreadContext* ctx = require_transaction("atomic_end");
  if (!ctx->atomic_depth) fatal("atomic_end without atomic_begin");
  --ctx->atomic_depth;
}

unsigned atomic_depth() {
  ThreadContext* ctx = tl.context;
  return ctx ? ctx->atomic_depth : 0;
}

bool break_transaction() {
  ThreadContext* ctx = require_transaction("break_transaction");
  if (ctx->atomic_depth) return false;
  commit_transaction();
  start_transaction();
  return true;
}

void note_new_object(Offset object, std::uint32_t size) {
  ThreadContext* ctx = require_transaction("note_new_object");
  if (!heap.contains_object(object) || size == 0 || size % kObjectAlign ||
      object + size > heap.area_begin + heap.area_bytes)
    fatal("note_new_object: %#zx (%u bytes) is not a place in the object area", std::size_t(object),
          size);
  heap.lock_of(object).store(std::uint8_t(ctx->segment | kLockNewObject),
                             std::memory_order_relaxed);
  // Nobody else can publish a new object: its first read needs no slow path.
  const char version = tl.segment_base[kReadVersionSlot];
  tl.segment_base[object >> 4] = version;
  tl.segment_base[kTouchedMarkers + (object >> 16)] = version;
  ctx->new_objects.push_back({object, size});
}

bool is_new_object(Offset object) {
  ThreadContext* ctx = tl.context;
  if (!ctx || !heap.contains_object(object)) return false;
  return heap.lock_of(object).load(std::memory_order_relaxed) ==
         std::uint8_t(ctx->segment | kLockNewObject);
}

void set_new_object_dropper(void (*drop)(Offset, std::uint32_t)) {
  new_object_dropper = drop;
}

void for_each_version(Offset object, void (*fn)(ObjectHeader*, void*), void* arg) {
  std::uint8_t lock = heap.lock_of(object).load(std::memory_order_acquire);
  if (lock & kLockNewObject) {
    fn(reinterpret_cast<ObjectHeader*>(heap.base(lock & 0x7f) + object), arg);
    return;
  }
  fn(reinterpret_cast<ObjectHeader*>(heap.base(0) + object), arg);
  std::size_t page = heap.page_of(object);
  for (unsigned view = 1; view <= heap.views; ++view)
    if (heap.private_row(view)[page])
      fn(reinterpret_cast<ObjectHeader*>(heap.base(view) + object), arg);
}

void for_each_pinned_object(void (*fn)(Offset, void*), void* arg) {
  for (ThreadContext* t : threads) {
    if (!t->in_tx.load(std::memory_order_acquire)) continue;
    for (Offset object : t->write_log)
      fn(object, arg);
    for (const RangeEntry& entry : t->range_log)
      if (!entry.promoted) fn(entry.object, arg);
  }
}

void for_each_remembered_object(void (*fn)(Offset, void*), void* arg) {
  for (ThreadContext* t : threads)
    for (Offset object : t->remembered)
      fn(object, arg);
  for (Offset object : retired_remembered)
    fn(object, arg);
}

bool remembered_objects_overflowed() {
  return remembered_overflow.load(std::memory_order_relaxed);
}

void forget_remembered_objects() {
  for (ThreadContext* t : threads) {
    t->remembered.clear();
    t->remembered_compact_at = ThreadContext::kRememberedCompactFloor;
    std::fill(std::begin(t->recently_remembered), std::end(t->recently_remembered), 0);
  }
  retired_remembered.clear();
  remembered_overflow.store(false, std::memory_order_relaxed);
}

void for_each_running_new_object(void (*fn)(Offset, void*), void* arg) {
  for (ThreadContext* t : threads) {
    if (!t->in_tx.load(std::memory_order_acquire)) continue;
    for (const NewObject& created : t->new_objects)
      fn(created.object, arg);
  }
}

bool ReadMarkers::any_in(unsigned i, Offset first, std::size_t bytes) const {
  const char* base = areas[i];
  const char version = base[kReadVersionSlot];
  bool touched = false;
  for (Offset chunk = first >> 16, last = (first + bytes - 1) >> 16; chunk <= last; ++chunk)
    touched |= base[kTouchedMarkers + chunk] == version;
  if (!touched) return false;
  const auto* words = reinterpret_cast<const std::uint64_t*>(base + (first >> 4));
  std::uint64_t any = 0;
  for (std::size_t w = 0, n = (bytes >> 4) / 8; w < n; ++w)
    any |= words[w];
  return any != 0;
}

ReadMarkers running_read_markers() {
  ReadMarkers markers;
  for (unsigned view = 1; view <= heap.views; ++view)
    if (heap.running(view).load(std::memory_order_acquire))
      markers.areas[markers.count++] = heap.base(view);
  return markers;
}

void forget_new_objects(bool (*dead)(Offset object, void* arg), void* arg) {
  for (ThreadContext* t : threads) {
    if (!t->in_tx.load(std::memory_order_acquire)) continue;
    std::erase_if(t->new_objects, [&](const NewObject& created) {
      if (!dead(created.object, arg)) return false;
      heap.lock_of(created.object).store(0, std::memory_order_relaxed);
      return true;
    });
  }
}

bool is_new_in_running_transaction(Offset object) {
  return heap.lock_of(object).load(std::memory_order_acquire) & kLockNewObject;
}

unsigned owner_segment(Offset object) {
  return heap.lock_of(object).load(std::memory_order_acquire) & 0x7f;
}

} // namespace stm
