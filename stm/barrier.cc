// stm/barrier.cc - the barriers' slow paths. The first read of an object in a transaction
// sets its read marker and waits while another thread publishes it (in the view's home
// pages, it only sets the marker: home_pages.cc). The first write takes its write lock
// (write-write conflicts are found here), privatizes its pages in this view and logs it.
#include "stm/core.h"

namespace stm::detail {

// The object is locked by another view: wait while that view publishes it. Out of line,
// so that the common first read saves no registers.
[[gnu::noinline, gnu::cold]] static void wait_for_publisher(Offset object, std::uint8_t held) {
  ThreadContext* ctx = tl.context;
  unsigned owner = held & 0x7f;
  if (owner == ctx->segment || !heap.publishing(owner).load(std::memory_order_seq_cst)) return;
  auto published = [&] {
    return heap.lock_of(object).load(std::memory_order_acquire) != held ||
           !heap.publishing(owner).load(std::memory_order_acquire);
  };
  // The wait also ends on a decision against this thread that turns out to be about an
  // earlier transaction (check_killed ignores it): wait again then.
  while (!published())
    wait_in_transaction(ctx, TimeState::WaitLock, published);
}

void read_barrier_slow(Offset object, char* marker, char version) {
  char& touched = tl.segment_base[kTouchedMarkers + (object >> 16)];
  if (touched != version) touched = version;
  if (!heap.several_threads.load(std::memory_order_relaxed)) {
    *marker = version;
    return;
  }
  if (object - heap.area_begin < heap.area_bytes) {
    // In a home page of this view a plain store is enough (home_pages.cc); the page's
    // state is read after it, which only the compiler could reorder.
    std::atomic_ref<char>(*marker).store(version, std::memory_order_relaxed);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    std::uint8_t home = heap.home_of(object).load(std::memory_order_relaxed);
    if (__builtin_expect(home == tl.context->segment, 1)) return;
    if (home) leave_home(tl.context, object);
  }
  // A locked exchange, store and fence in one: it pairs with the fence a committer makes
  // between raising its publishing flag and reading the markers (commit_transaction), so
  // either it sees this marker and decides about this transaction, or this thread sees
  // the flag below and waits for the object's bytes.
  std::atomic_ref<char>(*marker).exchange(version, std::memory_order_seq_cst);
  if (object - heap.area_begin >= heap.area_bytes) return;
  std::uint8_t held = heap.lock_of(object).load(std::memory_order_acquire);
  if (__builtin_expect(held != 0, 0)) wait_for_publisher(object, held);
}

void acquire_write_lock(ThreadContext* ctx, Offset object) {
  // A lock in another view's home page would let that view's unfenced readers miss it.
  if (std::uint8_t home = heap.home_of(object).load(std::memory_order_relaxed);
      home && home != ctx->segment)
    leave_home(ctx, object);
  std::atomic<std::uint8_t>& lock = heap.lock_of(object);
  const std::uint8_t mine = std::uint8_t(ctx->segment);
  for (;;) {
    std::uint8_t held = 0;
    if (lock.compare_exchange_strong(held, mine, std::memory_order_acq_rel)) return;
    if ((held & 0x7f) == mine)
      fatal("write barrier: object %#zx is locked by this view but still needs a barrier",
            std::size_t(object));
    ThreadContext* other = running_owner(held & 0x7f);
    std::uint64_t other_serial = other ? other->tx_serial.load(std::memory_order_acquire) : 0;
    if (!other || lock.load(std::memory_order_acquire) != held) continue; // it moved: look again
    if (wins_conflict(ctx, other)) {
      kill(other, other_serial, AbortCause::WriteWrite);
      if (events_enabled())
        events_post({"conflict", AbortCause::WriteWrite,
                     ticks_to_ns(now_ticks() - other->tx_start_ticks), object, ctx->thread_number,
                     other->thread_number, location_of(ctx), location_of(other)});
      // The loser may have aborted and taken the same lock again in its next transaction:
      // the lock byte is then unchanged, and the decision, aimed at the old transaction,
      // was ignored. A new transaction of the loser ends the wait too, to decide again.
      // So does another thread in the loser's view: it may hold the lock under the same
      // byte while the loser waits for a view, and this one would wait for it forever
      // (with two views, an inevitable winner and the new holder waiting to become
      // inevitable stopped every thread).
      unsigned view = held & 0x7f;
      wait_in_transaction(ctx, TimeState::WaitLock, [&] {
        return lock.load(std::memory_order_acquire) != held ||
               other->tx_serial.load(std::memory_order_acquire) != other_serial ||
               running_owner(view) != other;
      });
      continue;
    }
    if (events_enabled())
      events_post({"conflict", AbortCause::WriteWrite,
                   ticks_to_ns(now_ticks() - ctx->tx_start_ticks), object, other->thread_number,
                   ctx->thread_number, location_of(other), location_of(ctx)});
    remember_backoff(ctx, object, held);
    abort_running(ctx, AbortCause::WriteWrite);
  }
}

void write_barrier_slow(Offset object) {
  ThreadContext* ctx = tl.context;
  if (!ctx || !ctx->in_tx.load(std::memory_order_relaxed))
    fatal("write barrier outside a transaction (object %#zx)", std::size_t(object));
  if (!heap.contains_object(object))
    fatal("write barrier on %#zx, which is not an object of the heap", std::size_t(object));
  // An object that a range write of this transaction locked is logged whole from now on;
  // any other object locked by this view without a cleared flag is a bug (fatal below).
  std::atomic<std::uint8_t>& lock = heap.lock_of(object);
  if (lock.load(std::memory_order_relaxed) != std::uint8_t(ctx->segment) ||
      !promote_range_entry(ctx, object))
    acquire_write_lock(ctx, object);
  auto* header = reinterpret_cast<ObjectHeader*>(tl.segment_base + object);
  privatize(ctx->segment, object, header->size);
  ctx->write_log.push_back(object);
  header->flags &= ~kNeedsWriteBarrier;
}

} // namespace stm::detail
