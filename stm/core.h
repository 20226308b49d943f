// stm/core.h - state shared by the parts of the transactional heap (internal).
//
// The reserved range holds N+1 segments of equal size. Each segment starts with its read
// markers (anonymous memory, private to the segment) followed by the object area
// (backed by one memfd: shared in segment 0, MAP_PRIVATE in the views, so a page that a
// view writes is copied by the kernel and stays private to that view):
//
//   segment i:  [ read markers: one byte per 16 bytes of the segment | object area ]
//
// Because the markers come first and cover the whole segment, an object's marker is
// base[offset >> 4], and the read barrier compares it with base[0] (never a marker:
// offsets below the object area hold no object), the view's read version; only the first
// read in a transaction stores it (barrier.cc).
#pragma once

#include "stm/stm.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <sched.h>
#include <time.h>
#include <vector>
#include <x86intrin.h>

namespace stm::detail {

[[noreturn]] void fatal(const char* format, ...) __attribute__((format(printf, 1, 2)));

// ---- time ------------------------------------------------------------------------------
inline std::uint64_t now_ticks() {
  return __rdtsc();
}
std::uint64_t ticks_to_ns(std::uint64_t ticks);
void calibrate_clock();

// ---- the heap's layout -------------------------------------------------------------------
inline constexpr std::uint8_t kLockNewObject = 0x80; // lock byte of a transaction's new object
// A segment's status line, beside the read version (kReadVersionSlot): the running and
// publishing flags (bytes), the running transaction's serial number and its thread.
inline constexpr std::size_t kRunningSlot = 1;
inline constexpr std::size_t kPublishingSlot = 2;
inline constexpr std::size_t kSerialSlot = 8;
inline constexpr std::size_t kRunnerSlot = 16;
// The publishing flag's values (0: not committing): in the commit's conflict scan, and
// past it, copying the writes out (transaction.cc).
inline constexpr char kScanning = 1;
inline constexpr char kPublishing = 2;

struct Heap {
  char* reserve = nullptr;
  std::size_t reserve_bytes = 0;
  std::size_t segment_bytes = 0; // stride between segments
  std::size_t area_begin = 0;    // offset of the object area in every segment
  std::size_t area_bytes = 0;
  std::size_t area_pages = 0;
  unsigned views = 0; // N
  // Views 1..views_used are the only ones a thread ever claimed: the others hold no
  // marker and no private page, and the commit path does not look at them. It only grows
  // (claim() in sync.cc raises it before the claiming thread runs a transaction there).
  std::atomic<unsigned> views_used{0};
  int memfd = -1;
  unsigned aborts_before_inevitable = 8;
  // Pages above this were never handed out: no object, no marker, no lock in use there.
  std::atomic<std::size_t> pages_high_water{0};
  // One byte per 16 bytes of object area: 0, or the segment holding the object's write
  // lock (| kLockNewObject for an object created by that segment's transaction).
  std::atomic<std::uint8_t>* write_locks = nullptr;
  // (N+1) rows of area_pages bytes: 1 where view i maps the page privately (copy on
  // write), 0 where it maps the committed page itself (see pages.cc).
  std::uint8_t* private_pages = nullptr;
  // More than one thread is attached: a lone thread's first reads skip the fence that
  // orders them against other committers (sync.cc sets it, stopping everyone).
  std::atomic<bool> several_threads{false};
  // One byte per page of the object area: the view whose home the page is (its first
  // reads there skip the fence), 0 for none, 0xff while it leaves its home. Off when the
  // kernel lacks membarrier(2) or PYPYSTM_HOME_PAGES=0 (home_pages.cc).
  std::atomic<std::uint8_t>* page_home = nullptr;
  bool home_pages = false;

  char* base(unsigned segment) const { return reserve + segment * segment_bytes; }
  std::atomic<std::uint8_t>& lock_of(Offset object) const {
    return write_locks[(object - area_begin) >> 4];
  }
  std::size_t page_of(Offset offset) const { return (offset - area_begin) / kPageSize; }
  std::atomic<std::uint8_t>& home_of(Offset object) const { return page_home[page_of(object)]; }
  // The first cache line of a segment is its status, written by the thread running in it
  // and read by every committer's conflict scan: one line per view to look at, not three.
  std::atomic_ref<char> read_version(unsigned segment) const {
    return std::atomic_ref<char>(base(segment)[kReadVersionSlot]);
  }
  // A transaction runs in the view (its markers of the current version count).
  std::atomic_ref<char> running(unsigned segment) const {
    return std::atomic_ref<char>(base(segment)[kRunningSlot]);
  }
  // The view's transaction is in its commit's conflict scan or copying its writes out.
  // Readers that find the view's lock on an object wait for it.
  std::atomic_ref<char> publishing(unsigned segment) const {
    return std::atomic_ref<char>(base(segment)[kPublishingSlot]);
  }
  // Which transaction runs there: the serial number that a decision against it names, and
  // its thread. Written before the running flag, so a scan that sees the flag (acquire) and
  // then reads these finds this transaction's or a later one's.
  std::atomic_ref<std::uint64_t> running_serial(unsigned segment) const {
    return std::atomic_ref<std::uint64_t>(
        *reinterpret_cast<std::uint64_t*>(base(segment) + kSerialSlot));
  }
  std::atomic_ref<struct ThreadContext*> runner(unsigned segment) const {
    return std::atomic_ref<struct ThreadContext*>(
        *reinterpret_cast<struct ThreadContext**>(base(segment) + kRunnerSlot));
  }
  std::uint8_t* private_row(unsigned segment) const {
    return private_pages + std::size_t(segment) * area_pages;
  }
  bool contains_object(Offset object) const {
    return object >= area_begin && object < area_begin + area_bytes && (object & 15) == 0;
  }
};
extern Heap heap;

// Forgets every page handed out (shutdown).
void reset_page_allocator();

// Makes the pages of [object, object+size) private in a view: the caller is about to
// write an object that others may see (pages.cc).
void privatize(unsigned segment, Offset object, std::size_t size);

// ---- home pages (home_pages.cc) -----------------------------------------------------------
void set_up_home_pages(); // at initialize
// Before this view's first read or write of an object in another view's home page: the
// page becomes homeless, and every thread has fenced since its home view last skipped one.
void leave_home(struct ThreadContext* ctx, Offset object);
// The pages go back to the page allocator: they are nobody's home.
void forget_homes(std::size_t first_page, std::size_t count);

// ---- threads ----------------------------------------------------------------------------
enum class ThreadState : std::uint8_t {
  Outside, // not in a transaction, or waiting inside stm with nothing of the view in use
  Running, // running a transaction: its view must not change under it
  Paused,  // in a transaction, stopped at a safe point: others may change its view
};

enum InterruptBit : std::uint32_t {
  kPauseRequest = 1u << 0, // someone holds the commit lock and wants this thread still
  kMustAbort = 1u << 1,    // a contention decision went against this transaction
};

// Cache-line aligned: the records sit side by side (tbb::enumerable_thread_specific), and
// each transaction writes its own.
struct alignas(64) ThreadStatistics {
  std::atomic<std::uint64_t> commits{0}, inevitable_commits{0}, pauses{0};
  std::atomic<std::uint64_t> privatizations{0}, pages_privatized{0}, pages_reshared{0};
  std::atomic<std::uint64_t> homes_taken{0};
  std::atomic<std::uint64_t> aborts[int(AbortCause::kCount)] = {};
  std::atomic<std::uint64_t> aborted_ticks[int(AbortCause::kCount)] = {};
  std::atomic<std::uint64_t> state_ticks[int(TimeState::kCount)] = {};
};
// Owner-only increments: a plain load and store, no locked instruction.
inline void bump(std::atomic<std::uint64_t>& counter, std::uint64_t by = 1) {
  counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

struct NewObject {
  Offset object;
  std::uint32_t size;
};

// A large object that the running transaction wrote through write_barrier_range: it holds
// the object's write lock, and commit and abort touch only the pages marked dirty here.
struct RangeEntry {
  Offset object;
  std::uint32_t size;
  // A later write_barrier logged the object whole: the write log owns it from then on.
  bool promoted = false;
  // One bit per kRangeChunk bytes, counted from the start of the object's first page
  // (raw memory: the log must not roll back with the heap).
  std::unique_ptr<std::uint64_t[]> dirty;
};

struct alignas(64) ThreadContext {
  // Written by others (under the commit lock), polled by the owner at safe points.
  std::atomic<std::uint32_t> interrupt{0};
  std::atomic<ThreadState> state{ThreadState::Outside};
  std::atomic<std::uint64_t> kill_serial{0}; // the transaction that kMustAbort is meant for
  AbortCause kill_cause = AbortCause::ReadWrite;

  // The running transaction. Serial numbers tell one transaction of a thread from the next.
  std::atomic<std::uint64_t> tx_serial{0};
  std::atomic<bool> in_tx{false};
  std::atomic<bool> inevitable{false};
  std::atomic<std::uint64_t> birth{0}; // age for the contention manager; kept across retries
  unsigned segment = 0;                // current view; kept between transactions if no one waits
  unsigned consecutive_aborts = 0;
  bool same_view_next = false; // start_transaction_in_same_view: insist on `segment`
  unsigned atomic_depth = 0, atomic_depth_at_start = 0;
  std::uint64_t tx_start_ticks = 0, tx_wait_ticks = 0;
  std::vector<Offset> write_log;
  std::vector<RangeEntry> range_log;
  std::vector<NewObject> new_objects;
  // Objects this thread's commits wrote since the last collection (see
  // for_each_remembered_object), and a direct-mapped filter of the last ones added: a
  // thread writes much the same objects in every transaction, and a list with each of
  // them once per commit cost its sort at the next collection a fifth of stm-bench's time.
  std::vector<Offset> remembered;
  static constexpr std::size_t kRememberedCompactFloor = 4096;
  std::size_t remembered_compact_at = kRememberedCompactFloor; // deduplicated at this length
  Offset recently_remembered[1024] = {};

  // A transaction that lost a write-write conflict waits, before retrying, until the
  // winner lets go of the object's lock, instead of running into the same lock again.
  Offset backoff_object = 0; // 0: no back-off pending
  std::uint8_t backoff_lock = 0;

  // Stack and callee-saved registers as of the last time the thread stopped using its
  // view: what the collector scans conservatively.
  std::uintptr_t saved_registers[8] = {};
  const void* stack_low = nullptr;
  const void* stack_high = nullptr;

  // Segment hand-off: a thread waiting for a segment is granted one here.
  std::atomic<std::uint32_t> granted_segment{0};

  std::uint64_t thread_number = 0;
  void* user_data = nullptr;
  ThreadStatistics* stats = nullptr;
};

ThreadContext* current(); // the calling thread's context, or fatal if not attached
[[noreturn]] void outside_transaction(const char* what);
// The calling thread's context; fatal if it runs no transaction. Inline: every allocation
// and write-log entry asks.
inline ThreadContext* require_transaction(const char* what) {
  ThreadContext* ctx = tl.context;
  if (!ctx || !ctx->in_tx.load(std::memory_order_relaxed)) [[unlikely]]
    outside_transaction(what);
  return ctx;
}

// Every attached thread. Changed and walked only under the commit lock.
extern std::vector<ThreadContext*> threads;
extern std::mutex commit_lock;
// Remembered lists grew past their bound since the last forget_remembered_objects; and
// what detached threads left.
extern std::atomic<bool> remembered_overflow;
extern std::vector<Offset> retired_remembered; // under commit_lock
// A privatization is remapping pages (under commit_lock): commits wait before they scan.
extern std::atomic<ThreadContext*> inevitable_owner;
// The thread holding each segment (index 0 unused); see sync.cc for idle marks.
// A cache line each: every transaction start and end writes its own slot.
struct alignas(64) SegmentOwner {
  std::atomic<ThreadContext*> owner{nullptr};
};
extern SegmentOwner segment_owner[kMaxSegments + 1];

// Records the callee-saved registers and the stack pointer of the calling frame.
#define STM_SAVE_STACK(ctx)                                                                        \
  asm volatile("movq %%rbx, 0(%0)\n\tmovq %%rbp, 8(%0)\n\tmovq %%r12, 16(%0)\n\t"                  \
               "movq %%r13, 24(%0)\n\tmovq %%r14, 32(%0)\n\tmovq %%r15, 40(%0)\n\t"                \
               "movq %%rsp, 48(%0)"                                                                \
               :                                                                                   \
               : "r"((ctx)->saved_registers)                                                       \
               : "memory");                                                                        \
  (ctx)->stack_low = reinterpret_cast<const void*>((ctx)->saved_registers[6])

// ---- sync (sync.cc) -------------------------------------------------------------------------
// Leaves Running for a wait inside a transaction (Paused) or outside one (Outside); the
// stack must have been saved by the caller. come_back() returns to Running and honours a
// pause request that arrived meanwhile.
void go_quiet(ThreadContext* ctx, ThreadState quiet_state);
void come_back(ThreadContext* ctx);
// Stops/restarts every other thread at a safe point. Caller holds commit_lock.
void pause_others(ThreadContext* self);
void resume_others(ThreadContext* self);
// The same for a few threads only: a committer's victims.
void pause_threads(ThreadContext* const* which, unsigned count);
void resume_threads(ThreadContext* const* which, unsigned count);
// Acquires commit_lock as a safe point (the caller may be paused and killed meanwhile).
void lock_commit(ThreadContext* ctx);
// Throws if a contention decision against this transaction arrived.
void check_killed(ThreadContext* ctx);
// Segments: the calling thread gets one (waiting if none is free) / gives its own back.
void acquire_segment(ThreadContext* ctx);
void release_segment(ThreadContext* ctx);
// Marks the segment idle but still the thread's: a thread that has none may take it.
void keep_segment(ThreadContext* ctx);
bool segment_wanted(); // a thread is waiting for a segment
// The thread running a transaction in a segment, or null.
ThreadContext* running_owner(unsigned segment);
// Spins briefly, then yields, until done() holds.
template <class Done> void wait_until(Done&& done) {
  for (unsigned spins = 0; !done(); ++spins) {
    if (spins < 4000)
      _mm_pause();
    else
      sched_yield();
  }
}
void add_state_time(ThreadContext* ctx, TimeState state, std::uint64_t ticks);

// Waits inside a transaction, as a safe point: others may commit into this view or
// decide against this transaction meanwhile, so the wait ends on either event and a
// decision against it is honoured before the caller touches the heap again.
template <class Ready> void wait_in_transaction(ThreadContext* ctx, TimeState state, Ready ready) {
  STM_SAVE_STACK(ctx);
  go_quiet(ctx, ThreadState::Paused);
  std::uint64_t t0 = now_ticks();
  for (unsigned spins = 0; !ready(); ++spins) {
    if (ctx->interrupt.load(std::memory_order_acquire) & kMustAbort) break;
    if (spins < 2000) {
      _mm_pause();
    } else if (spins < 20000) {
      sched_yield();
    } else {
      timespec nap{0, 20000};
      nanosleep(&nap, nullptr);
    }
  }
  add_state_time(ctx, state, now_ticks() - t0);
  come_back(ctx);
  check_killed(ctx);
}

// ---- a forked child (fork.cc and its helpers) ------------------------------------------------
// In the child, the only thread left: the others' contexts are retired, their segments
// free, nobody waits for one (sync.cc).
void keep_only_thread(ThreadContext* self);
// In the child: segment 0 and every view map `memfd` (a copy of the committed state)
// instead of the parent's. `kept_view` (0: none) keeps its private pages' bytes; every
// other view maps everything shared and loses its markers (pages.cc).
void adopt_heap_copy(int memfd, unsigned kept_view);
// In the child: the event log is the parent's; the child writes none (events.cc).
void events_forget_in_child();

// ---- transactions (transaction.cc) -----------------------------------------------------------
// Rolls the running transaction back and throws TxAbort.
[[noreturn]] void abort_running(ThreadContext* ctx, AbortCause cause);
// After losing the lock of `object` (held as `held_lock`): wait for it before the retry.
void remember_backoff(ThreadContext* ctx, Offset object, std::uint8_t held_lock);
// Asks another thread's transaction `serial` to abort at its next safe point.
void kill(ThreadContext* victim, std::uint64_t serial, AbortCause cause);

// Copies [object, object+size) of view `mine` into the committed state (where `mine` maps
// it privately) and into every other view holding a private copy of the pages it covers.
void copy_out(unsigned mine, Offset object, std::size_t size);

// ---- barriers (barrier.cc, range_log.cc) -------------------------------------------------------
// Takes the object's write lock for the running transaction, settling a write-write
// conflict on the way (this may wait, or abort the caller).
void acquire_write_lock(ThreadContext* ctx, Offset object);
// If the range log holds `object`, hands it to the write log (the caller logs it whole)
// and returns true.
bool promote_range_entry(ThreadContext* ctx, Offset object);
// Commit and abort of the range log: copy out / restore the dirty pages, free the locks.
void publish_ranges(ThreadContext* ctx);
void restore_ranges(ThreadContext* ctx);
// Forgets the range log (the end of a transaction).
void clear_range_log(ThreadContext* ctx);

// ---- contention manager (contention.cc) ------------------------------------------------------
// Whether `self` wins a conflict against `other` (both in transactions).
bool wins_conflict(const ThreadContext* self, const ThreadContext* other);

// ---- events (events.cc) ------------------------------------------------------------------------
struct Event {
  const char* kind; // "conflict", "inevitable"
  AbortCause cause;
  std::uint64_t lost_ns;
  Offset object;
  std::uint64_t winner_thread, loser_thread;
  std::string winner_location, loser_location; // for "inevitable": the reason in loser_location
};
void events_open(const std::string& path);
void events_close();    // stops the writer; the log is complete (also at exit)
void events_shutdown(); // and tears libcds down (stm::shutdown)
bool events_enabled();
void events_post(Event event);
void events_attach_thread();
void events_detach_thread();
std::string location_of(const ThreadContext* ctx);

// ---- statistics (stats.cc) ---------------------------------------------------------------------
ThreadStatistics* stats_for_this_thread();

} // namespace stm::detail
