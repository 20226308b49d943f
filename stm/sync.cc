// stm/sync.cc - threads, safe points, pausing threads, and segment hand-off.
//
// A thread's state says whether others may decide against it while it stands still:
// Running means no; Paused (at a safe point inside a transaction) and Outside mean yes.
// The holder of commit_lock may set kPauseRequest on some threads (a commit's losers, or
// all of them for a collection), then wait until none of those is Running. A thread
// leaving a wait sets Running first and then looks at its interrupt word, so the two
// sides cannot miss each other (both use sequentially consistent accesses).
#include "stm/core.h"

#include <deque>
#include <new>
#include <pthread.h>

namespace stm::detail {

constinit thread_local ThreadLocal tl;
std::vector<ThreadContext*> threads;
alignas(64) std::mutex commit_lock; // a line of its own: conflicts and collections take it
std::atomic<bool> remembered_overflow{false};
// Up while a thread stops the world (a collection, or a fork): the time others then spend
// paused is the collection's, and the statistics say so apart from commits' pauses.
static std::atomic<bool> world_stopping{false};

static TimeState pause_state() {
  return world_stopping.load(std::memory_order_relaxed) ? TimeState::Stopped : TimeState::Paused;
}
std::vector<Offset> retired_remembered;
SegmentOwner segment_owner[kMaxSegments + 1];
static std::atomic<std::uint64_t> next_thread_number{1};
// Contexts of detached threads are reused, never freed: a contention decision racing with
// a thread's exit may still read the context it found in a segment's owner slot.
static std::vector<ThreadContext*> retired_contexts;

ThreadContext* current() {
  ThreadContext* ctx = tl.context;
  if (!ctx)
    fatal("this thread is not attached to the transactional heap (call stm::attach_thread)");
  return ctx;
}

void outside_transaction(const char* what) {
  fatal("%s outside a transaction", what);
}

void add_state_time(ThreadContext* ctx, TimeState state, std::uint64_t ticks) {
  bump(ctx->stats->state_ticks[int(state)], ticks);
  if (ctx->in_tx.load(std::memory_order_relaxed)) ctx->tx_wait_ticks += ticks;
}

void go_quiet(ThreadContext* ctx, ThreadState quiet_state) {
  ctx->state.store(quiet_state, std::memory_order_seq_cst);
}

static void wait_while_paused(ThreadContext* ctx) {
  for (unsigned spins = 0;; ++spins) {
    std::uint32_t bits = ctx->interrupt.load(std::memory_order_acquire);
    if (!(bits & kPauseRequest)) return;
    if (spins < 2000)
      _mm_pause();
    else
      ctx->interrupt.wait(bits, std::memory_order_acquire);
  }
}

void come_back(ThreadContext* ctx) {
  for (;;) {
    ctx->state.store(ThreadState::Running, std::memory_order_seq_cst);
    if (!(ctx->interrupt.load(std::memory_order_seq_cst) & kPauseRequest)) return;
    ctx->state.store(ctx->in_tx.load(std::memory_order_relaxed) ? ThreadState::Paused
                                                                : ThreadState::Outside,
                     std::memory_order_seq_cst);
    TimeState state = pause_state();
    std::uint64_t t0 = now_ticks();
    wait_while_paused(ctx);
    add_state_time(ctx, state, now_ticks() - t0);
    bump(ctx->stats->pauses);
  }
}

void pause_threads(ThreadContext* const* which, unsigned count) {
  for (unsigned i = 0; i < count; ++i)
    which[i]->interrupt.fetch_or(kPauseRequest, std::memory_order_seq_cst);
  for (unsigned i = 0; i < count; ++i) {
    ThreadContext* t = which[i];
    wait_until([t] { return t->state.load(std::memory_order_seq_cst) != ThreadState::Running; });
  }
}

void resume_threads(ThreadContext* const* which, unsigned count) {
  for (unsigned i = 0; i < count; ++i) {
    which[i]->interrupt.fetch_and(~kPauseRequest, std::memory_order_release);
    which[i]->interrupt.notify_all();
  }
}

// Every attached thread but `self` (collections and attaching threads: rare).
static std::vector<ThreadContext*> others_than(ThreadContext* self) {
  std::vector<ThreadContext*> others;
  for (ThreadContext* t : threads)
    if (t != self) others.push_back(t);
  return others;
}

void pause_others(ThreadContext* self) {
  std::vector<ThreadContext*> others = others_than(self);
  pause_threads(others.data(), unsigned(others.size()));
}

void resume_others(ThreadContext* self) {
  std::vector<ThreadContext*> others = others_than(self);
  resume_threads(others.data(), unsigned(others.size()));
}

void lock_commit(ThreadContext* ctx) {
  // Commits hold the lock for a microsecond or so: spin a little before sleeping on it,
  // unless someone wants this thread paused meanwhile.
  for (unsigned spins = 0; spins < 2000; ++spins) {
    if (commit_lock.try_lock()) return;
    if (ctx->interrupt.load(std::memory_order_relaxed) & kPauseRequest) break;
    _mm_pause();
  }
  STM_SAVE_STACK(ctx);
  bool in_tx = ctx->in_tx.load(std::memory_order_relaxed);
  go_quiet(ctx, in_tx ? ThreadState::Paused : ThreadState::Outside);
  TimeState state = pause_state();
  std::uint64_t t0 = now_ticks();
  commit_lock.lock();
  add_state_time(ctx, state, now_ticks() - t0);
  come_back(ctx); // nobody else can ask for a pause now: requests come from the lock holder
}

void check_killed(ThreadContext* ctx) {
  if (!(ctx->interrupt.load(std::memory_order_acquire) & kMustAbort)) return;
  ctx->interrupt.fetch_and(~kMustAbort, std::memory_order_acq_rel);
  if (ctx->in_tx.load(std::memory_order_relaxed) &&
      !ctx->inevitable.load(std::memory_order_relaxed) &&
      ctx->kill_serial.load(std::memory_order_acquire) ==
          ctx->tx_serial.load(std::memory_order_relaxed))
    abort_running(ctx, ctx->kill_cause);
}

void safe_point_slow() {
  ThreadContext* ctx = tl.context;
  if (ctx->interrupt.load(std::memory_order_acquire) & kPauseRequest) {
    STM_SAVE_STACK(ctx);
    go_quiet(ctx, ctx->in_tx.load(std::memory_order_relaxed) ? ThreadState::Paused
                                                             : ThreadState::Outside);
    come_back(ctx);
  }
  check_killed(ctx);
}

// ---- segments ---------------------------------------------------------------------------
// A thread keeps its segment between transactions, marked idle in the owner slot (the
// context pointer with its low bit set): it takes it back with one compare-and-swap
// unless a thread with none took it meanwhile. Threads that find no segment queue up and
// are handed the next one that frees up, in arrival order.

static std::mutex segment_queue_lock;
static std::deque<ThreadContext*> segment_queue;
static std::atomic<unsigned> segment_waiters{0};

static ThreadContext* idle_mark(ThreadContext* ctx) {
  return reinterpret_cast<ThreadContext*>(reinterpret_cast<std::uintptr_t>(ctx) | 1);
}
static bool is_idle(ThreadContext* owner) {
  return !owner || (reinterpret_cast<std::uintptr_t>(owner) & 1);
}

ThreadContext* running_owner(unsigned segment) {
  ThreadContext* owner = segment_owner[segment].owner.load(std::memory_order_acquire);
  return is_idle(owner) ? nullptr : owner;
}

bool segment_wanted() {
  return segment_waiters.load(std::memory_order_seq_cst) != 0;
}

// Claims segment s for ctx if it is free or idle.
static bool claim(unsigned s, ThreadContext* ctx) {
  ThreadContext* owner = segment_owner[s].owner.load(std::memory_order_acquire);
  if (!is_idle(owner) || !segment_owner[s].owner.compare_exchange_strong(owner, ctx)) return false;
  // Before any marker of this view: a committer either counts the view, or raised its flag
  // early enough for this thread's first read barrier to see it (the same pairing as a
  // marker's).
  unsigned used = heap.views_used.load(std::memory_order_relaxed);
  while (used < s && !heap.views_used.compare_exchange_weak(used, s, std::memory_order_seq_cst)) {
  }
  return true;
}

static bool claim_any(ThreadContext* ctx, unsigned preferred) {
  if (preferred && claim(preferred, ctx)) {
    ctx->segment = preferred;
    return true;
  }
  for (unsigned s = 1; s <= heap.views; ++s)
    if (claim(s, ctx)) {
      ctx->segment = s;
      return true;
    }
  return false;
}

// Under segment_queue_lock: gives free or idle segments to queued threads, first come first.
static void hand_out_free_segments() {
  while (!segment_queue.empty()) {
    ThreadContext* waiter = segment_queue.front();
    unsigned granted = 0;
    for (unsigned s = 1; s <= heap.views && !granted; ++s)
      if (claim(s, waiter)) granted = s;
    if (!granted) return;
    segment_queue.pop_front();
    segment_waiters.fetch_sub(1, std::memory_order_seq_cst);
    waiter->granted_segment.store(granted, std::memory_order_release);
    waiter->granted_segment.notify_all();
  }
}

void acquire_segment(ThreadContext* ctx) {
  if (ctx->segment) {
    ThreadContext* kept = idle_mark(ctx);
    if (segment_owner[ctx->segment].owner.compare_exchange_strong(kept, ctx)) return;
    if (ctx->same_view_next) {
      // Taken by a thread that had none: it gives it back at the end of its transaction.
      std::uint64_t t0 = now_ticks();
      unsigned s = ctx->segment;
      for (unsigned spins = 0; !claim(s, ctx); ++spins) {
        if (spins < 2000)
          _mm_pause();
        else
          sched_yield();
      }
      add_state_time(ctx, TimeState::WaitSegment, now_ticks() - t0);
      return;
    }
    ctx->segment = 0; // taken by a thread that had none
  }
  static thread_local unsigned last_segment = 0;
  if (!segment_wanted() && claim_any(ctx, last_segment)) {
    last_segment = ctx->segment;
    return;
  }
  std::uint64_t t0 = now_ticks();
  {
    std::lock_guard guard(segment_queue_lock);
    ctx->granted_segment.store(0, std::memory_order_relaxed);
    segment_queue.push_back(ctx);
    segment_waiters.fetch_add(1, std::memory_order_seq_cst);
    hand_out_free_segments();
  }
  for (unsigned spins = 0;; ++spins) {
    std::uint32_t granted = ctx->granted_segment.load(std::memory_order_acquire);
    if (granted) {
      ctx->segment = granted;
      break;
    }
    if (spins < 2000)
      _mm_pause();
    else
      ctx->granted_segment.wait(0, std::memory_order_acquire);
  }
  last_segment = ctx->segment;
  add_state_time(ctx, TimeState::WaitSegment, now_ticks() - t0);
}

void keep_segment(ThreadContext* ctx) {
  segment_owner[ctx->segment].owner.store(idle_mark(ctx), std::memory_order_seq_cst);
  if (segment_wanted()) {
    std::lock_guard guard(segment_queue_lock);
    hand_out_free_segments();
  }
}

void release_segment(ThreadContext* ctx) {
  unsigned s = ctx->segment;
  if (!s) return;
  ctx->segment = 0;
  ThreadContext* expected = ctx;
  if (!segment_owner[s].owner.compare_exchange_strong(expected, nullptr)) {
    expected = idle_mark(ctx);
    segment_owner[s].owner.compare_exchange_strong(expected, nullptr);
  }
  if (segment_wanted()) {
    std::lock_guard guard(segment_queue_lock);
    hand_out_free_segments();
  }
}

void keep_only_thread(ThreadContext* self) {
  for (ThreadContext* t : threads) {
    if (t == self) continue;
    retired_remembered.insert(retired_remembered.end(), t->remembered.begin(), t->remembered.end());
    t->remembered.clear();
    t->in_tx.store(false, std::memory_order_relaxed);
    t->state.store(ThreadState::Outside, std::memory_order_relaxed);
    t->segment = 0;
    retired_contexts.push_back(t);
  }
  threads.assign(1, self);
  for (unsigned s = 1; s <= heap.views; ++s)
    if (s != self->segment) segment_owner[s].owner.store(nullptr, std::memory_order_relaxed);
  // A thread of the parent may have held the queue's lock at the fork.
  new (&segment_queue_lock) std::mutex;
  segment_queue.clear();
  segment_waiters.store(0, std::memory_order_relaxed);
  heap.several_threads.store(false, std::memory_order_relaxed);
  if (inevitable_owner.load(std::memory_order_relaxed) != self)
    inevitable_owner.store(nullptr, std::memory_order_relaxed);
}

} // namespace stm::detail

namespace stm {
using namespace detail;

void attach_thread() {
  if (!initialized()) fatal("stm::attach_thread before stm::initialize");
  if (tl.context) fatal("stm::attach_thread: this thread is already attached");
  ThreadContext* ctx = nullptr;
  {
    std::lock_guard guard(commit_lock);
    if (!retired_contexts.empty()) {
      ctx = retired_contexts.back();
      retired_contexts.pop_back();
    }
  }
  if (ctx) {
    ctx->~ThreadContext();
    new (ctx) ThreadContext;
  } else {
    ctx = new ThreadContext;
  }
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
    void* low = nullptr;
    std::size_t size = 0;
    pthread_attr_getstack(&attributes, &low, &size);
    ctx->stack_high = static_cast<char*>(low) + size;
    pthread_attr_destroy(&attributes);
  } else {
    fatal("cannot find the stack of this thread");
  }
  STM_SAVE_STACK(ctx);
  ctx->thread_number = next_thread_number.fetch_add(1);
  ctx->stats = stats_for_this_thread();
  tl.context = ctx;
  tl.interrupt = &ctx->interrupt;
  tl.segment_base = nullptr;
  events_attach_thread();
  std::lock_guard guard(commit_lock);
  threads.push_back(ctx);
  if (threads.size() == 2) {
    // The thread that ran alone skipped the read barrier's fence: it must see the flag
    // before this one commits anything, which a pause at a safe point guarantees.
    heap.several_threads.store(true, std::memory_order_seq_cst);
    pause_others(ctx);
    resume_others(ctx);
  }
}

void detach_thread() {
  ThreadContext* ctx = current();
  if (ctx->in_tx) fatal("stm::detach_thread inside a transaction");
  release_segment(ctx);
  {
    std::lock_guard guard(commit_lock);
    std::erase(threads, ctx);
    if (threads.size() <= 1) heap.several_threads.store(false, std::memory_order_seq_cst);
    retired_remembered.insert(retired_remembered.end(), ctx->remembered.begin(),
                              ctx->remembered.end());
    ctx->remembered.clear();
    retired_contexts.push_back(ctx);
  }
  events_detach_thread();
  tl = ThreadLocal{};
}

void with_world_stopped(void (*fn)(void*), void* arg) {
  ThreadContext* ctx = current();
  lock_commit(ctx);
  if (ctx->in_tx && (ctx->interrupt.load() & kMustAbort)) {
    commit_lock.unlock();
    check_killed(ctx);
  }
  world_stopping.store(true, std::memory_order_relaxed);
  pause_others(ctx);
  STM_SAVE_STACK(ctx);
  std::uint64_t t0 = now_ticks();
  fn(arg);
  add_state_time(ctx, TimeState::Gc, now_ticks() - t0);
  world_stopping.store(false, std::memory_order_relaxed);
  resume_others(ctx);
  commit_lock.unlock();
  // A thread outside any transaction must not stay Running after lock_commit waited:
  // a committer would wait for it to reach a safe point that it never polls for.
  if (!ctx->in_tx.load(std::memory_order_relaxed)) go_quiet(ctx, ThreadState::Outside);
}

void for_each_thread_stack(void (*fn)(StackRange, void*), void* arg) {
  for (ThreadContext* t : threads) {
    fn(StackRange{t->stack_low, t->stack_high}, arg);
    fn(StackRange{t->saved_registers, t->saved_registers + 7}, arg);
  }
}

void set_thread_user_data(void* data) {
  current()->user_data = data;
}

} // namespace stm
