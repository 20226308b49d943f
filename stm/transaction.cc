// stm/transaction.cc - start, commit, abort, inevitability and atomic nesting.
#include "stm/core.h"

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
    for (unsigned view = 1; view <= heap.views; ++view)
      if (view != mine && heap.private_row(view)[page])
        std::memcpy(heap.base(view) + chunk, source + chunk, length);
    chunk += length;
  }
}

static void publish(ThreadContext* ctx) {
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
  if (!ctx->birth.load(std::memory_order_relaxed))
    // The time stamp counter, not a shared counter that every start would write: ages
    // compare across cores (constant, synchronized TSC), and the segment number in the low
    // bits keeps two births apart.
    ctx->birth.store(now_ticks() << 7 | ctx->segment, std::memory_order_relaxed);
  ctx->atomic_depth_at_start = ctx->atomic_depth;
  ctx->tx_wait_ticks = 0;
  ctx->tx_start_ticks = now_ticks();
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
    for (;;) {
      lock_commit(ctx);
      if (!(ctx->interrupt.load(std::memory_order_acquire) & kMustAbort)) break;
      commit_lock.unlock();
      check_killed(ctx); // throws unless the decision was about an earlier transaction
    }
    // Readers are not stopped: the flag and the fence pair with the read barrier's slow
    // path, so a reader either left its marker where the scan below finds it, or sees the
    // flag and waits for the new bytes. Only the losers of the scan are stopped, so that
    // none reads an object half copied before it aborts.
    std::atomic_ref<char> publishing = heap.publishing(ctx->segment);
    publishing.store(1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    ThreadContext* victims[kMaxSegments];
    std::uint64_t victim_serials[kMaxSegments];
    unsigned victim_count = 0;
    // Segment by segment: each view's status line says all the scan needs (running, past
    // its own scan, read version), one cache line per view, not the threads' contexts.
    for (unsigned view = 1; view <= heap.views; ++view) {
      if (view == ctx->segment || !heap.running(view).load(std::memory_order_acquire)) continue;
      // One that passed its own scan already comes first in the serial order: what it
      // read of ours, it read before we publish.
      if (heap.publishing(view).load(std::memory_order_acquire)) continue;
      // The serial first: markers of a later transaction than the one named here belong
      // to one that started after our flag went up, and waits for our bytes.
      std::uint64_t serial = heap.running_serial(view).load(std::memory_order_acquire);
      ThreadContext* t = heap.runner(view).load(std::memory_order_acquire);
      const char* markers = heap.base(view);
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
        publishing.store(0, std::memory_order_release);
        commit_lock.unlock();
        abort_running(ctx, AbortCause::ReadWrite);
      }
      victim_serials[victim_count] = serial;
      victims[victim_count++] = t;
      if (events_enabled())
        events_post({"conflict", AbortCause::ReadWrite,
                     ticks_to_ns(now_ticks() - t->tx_start_ticks), conflict, ctx->thread_number,
                     t->thread_number, location_of(ctx), location_of(t)});
    }
    for (unsigned i = 0; i < victim_count; ++i)
      kill(victims[i], victim_serials[i], AbortCause::ReadWrite);
    if (victim_count) {
      // Victims stay paused until the copy is done, which keeps the lock: pause requests
      // come from its holder only.
      pause_threads(victims, victim_count);
      publish(ctx);
      publishing.store(0, std::memory_order_release);
      resume_threads(victims, victim_count);
      commit_lock.unlock();
    } else {
      // Nobody to stop: the next committer may scan while this one copies.
      commit_lock.unlock();
      publish(ctx);
      publishing.store(0, std::memory_order_release);
    }
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
  tl.segment_base[object >> 4] = tl.segment_base[kReadVersionSlot];
  tl.segment_base[kTouchedMarkers + (object >> 16)] = 1;
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
