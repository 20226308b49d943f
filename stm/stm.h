// stm/stm.h - the public face of the transactional heap.
//
// One reserved range of virtual memory holds N+1 equal segments. Segment 0 is the
// committed state; segments 1..N are the views of running transactions. Every object
// is named by its Offset inside a segment, the same in every view. A thread reaches an
// object only through its current segment base (a thread-local), and only through the
// barriers below: a read barrier marks the object read in this view, a write barrier
// takes the object's write lock and privatizes its pages before the first write.
//
// Transactions commit at a safe point: the committer pauses every other running
// transaction at a safe point, detects read-write conflicts through their read markers,
// lets the contention manager pick the loser, and copies its objects into the committed
// state and into every view holding a private copy of their pages. Aborting restores
// the committed bytes and unwinds with TxAbort to the transaction's start.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace stm {

using Offset = std::uint64_t;
inline constexpr std::size_t kObjectAlign = 16;
inline constexpr std::size_t kPageSize = 4096;

// Every object of the heap starts with this header (8 bytes; objects are 16-aligned).
struct ObjectHeader {
  std::uint32_t size;    // the whole object in bytes, header included, a multiple of 16
  std::uint16_t type_id; // owned by gc/: the object's type descriptor
  std::uint16_t flags;   // HeaderFlag bits
};

enum HeaderFlag : std::uint16_t {
  // Set on every committed object; cleared in a view by the first write barrier of the
  // running transaction, so later writes cost one flag test.
  kNeedsWriteBarrier = 1u << 0,
  // Bits 8..15 belong to gc/.
  kFirstGcFlag = 1u << 8,
};

struct Config {
  unsigned segments = 0;                 // 0: PYPYSTM_SEGMENTS, else cores (at least 2)
  std::size_t heap_bytes = 0;            // object area; 0: PYPYSTM_HEAP, else 8 GiB
  unsigned aborts_before_inevitable = 0; // 0: 8
  std::string log_path;                  // conflict/event log; empty: PYPYSTM
};

// Process set-up. initialize() maps the segments; shutdown() requires every thread to
// have detached and unmaps them (a later initialize() starts a fresh heap).
void initialize(const Config& config = {});
void shutdown();
bool initialized();
unsigned segment_count(); // N: views of running transactions (segment 0 not counted)
std::size_t heap_bytes();

// Threads. A thread attaches once before running transactions.
void attach_thread();
void detach_thread();
struct ThreadScope {
  ThreadScope() { attach_thread(); }
  ~ThreadScope() { detach_thread(); }
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;
};

// Why a transaction aborted.
enum class AbortCause : std::uint8_t {
  WriteWrite, // lost the write lock of an object to another transaction
  ReadWrite,  // read an object that a committing transaction wrote
  Explicit,   // the transaction asked for it
  kCount,
};
const char* abort_cause_name(AbortCause cause);

// The only C++ exception the runtime throws for control flow: it unwinds from wherever
// the abort was detected to the start of the transaction. By the time it is thrown the
// view already holds the committed bytes again and the new objects are dropped.
struct TxAbort {
  AbortCause cause;
};

void start_transaction();
// Starts the next transaction in the view the last one ran in, waiting for it if another
// thread took it meanwhile: for a caller whose C++ frames still hold pointers into that
// view across a commit (a blocking wait inside a nested call).
void start_transaction_in_same_view();
void commit_transaction();
[[noreturn]] void abort_transaction();
// Never aborted afterwards; at most one inevitable transaction at a time.
void become_inevitable(const char* reason);
bool in_transaction();
bool is_inevitable();

// Atomic nesting: while the depth is above zero the transaction does not break.
void atomic_begin();
void atomic_end();
unsigned atomic_depth();
// Commits and starts a new transaction, unless inside an atomic block. Returns whether
// it broke. The caller must be at a safe point (holding no view pointers it will reuse).
bool break_transaction();

// Runs body in a transaction, again and again until it commits.
template <class Body> void run_transaction(Body&& body) {
  for (;;) {
    start_transaction();
    try {
      body();
      commit_transaction();
      return;
    } catch (const TxAbort&) {
    }
  }
}

// ---- memory of the object area, for gc/ -----------------------------------------------

// Whole pages of the object area; 0 when the heap is exhausted (the caller reports
// MemoryError). release_pages drops the pages' contents in every view and gives their
// memory back to the OS. No thread may use the pages any more, and no collection may run
// meanwhile: the world is stopped, or the caller runs a transaction (a collection first
// waits for it at a safe point).
Offset allocate_pages(std::size_t count);
void release_pages(Offset first, std::size_t count);
// The calling transaction's view becomes the home of these pages, which must hold no
// object that anyone else can reach (new pages, or a run that a collection emptied): its
// first reads there skip the fence that orders them against other threads' commits. The
// first other view to use an object there takes the page from its home for good, which
// makes every running thread fence once (a few microseconds). Outside a transaction, or
// with homes off, it does nothing.
void make_home_pages(Offset first, std::size_t count);
// The view whose home the object's page is, or 0.
unsigned home_view(Offset object);
// With the world stopped (a collection): views give back their private copies of pages
// that no running transaction wrote, and segment 0 drops its page-table entries, so that
// resident memory counts each page of the heap about once. `allocated_bytes`: all the
// program allocated so far, which paces the other views' dropping of their entries.
void share_unwritten_pages(std::uint64_t allocated_bytes);
// The calling thread's view while it runs a transaction, else 0.
unsigned reading_view();
// With the world stopped: the object's committed copy as `view` maps it, when that view
// maps the page shared, else in segment 0. Reading through a view that has the page
// mapped already adds no page-table entries to segment 0 (resident memory counts each
// mapping of a page).
const char* committed_copy(unsigned view, Offset object);
Offset object_area_begin();
Offset object_area_end();

// Announces an object that the running transaction has just carved out of free memory.
// It needs no barrier; it is copied out at commit and dropped at abort.
void note_new_object(Offset object, std::uint32_t size);
// Whether the running transaction created the object (it needs no barrier: nobody else
// can see it yet). Used to cache derived values, such as a str's hash, in place.
bool is_new_object(Offset object);
// How many transactions of the calling thread have aborted so far. A cache outside the
// heap that names objects created by the running transaction is stale once it changes.
inline std::uint64_t thread_abort_count();
// Called for every new object of an aborted transaction (gc/ frees the memory).
void set_new_object_dropper(void (*drop)(Offset object, std::uint32_t size));

// Runs fn while every other attached thread is paused at a safe point or outside any
// transaction (a global safe point). Nested calls from inside fn are not allowed.
void with_world_stopped(void (*fn)(void* arg), void* arg);

// Forks the process (fork(2)) with every other thread stopped at a safe point, and gives
// the child a heap of its own: a copy of the committed state, the calling thread's view
// as it stands (its transaction, if one runs, goes on there), and no other thread: their
// transactions vanish with them, their locks are free and their segments too. Inside a
// transaction the caller must be inevitable. Returns fork's result (-1 with errno set:
// no child).
int fork_process();
// The descriptor of the heap's memfd, which os.closerange must leave open: closing it
// would break every later mapping of a heap page.
int heap_descriptor();

// With the world stopped: every attached thread's stack (from its last safe point) and
// saved registers, for conservative scanning. The calling thread is included.
struct StackRange {
  const void* low;
  const void* high;
};
void for_each_thread_stack(void (*fn)(StackRange range, void* arg), void* arg);
// With the world stopped: every copy of an object that some view can see. The committed
// copy is visited unless the object is new in a running transaction; then each view
// that holds a private copy of the object's pages (the owner's view, when a running
// transaction has written or created it, always among them). Tracing needs only the
// committed copy and the owner's; clearing a field (weak references) needs them all.
void for_each_version(Offset object, void (*fn)(ObjectHeader* version, void* arg), void* arg);
// With the world stopped: the old objects that running transactions have written. They
// are roots: their commit or abort still needs their memory. (A transaction's new
// objects are not: one that nothing reaches is garbage even before its commit.)
void for_each_pinned_object(void (*fn)(Offset object, void* arg), void* arg);
// For a generational collector, with the world stopped. Remembered objects are the old
// objects that transactions committed writes to since the last forget_remembered_objects
// (their write logs). A list that grew too long was dropped: then overflowed() holds,
// and the collector must trace everything.
void for_each_remembered_object(void (*fn)(Offset object, void* arg), void* arg);
bool remembered_objects_overflowed();
void forget_remembered_objects();
// With the world stopped: the new objects of running transactions.
void for_each_running_new_object(void (*fn)(Offset object, void* arg), void* arg);
// With the world stopped, before the collector frees unreached memory: running
// transactions forget their new objects for which `dead` holds, so that neither their
// commit nor their abort touches memory handed out again.
void forget_new_objects(bool (*dead)(Offset object, void* arg), void* arg);
// With the world stopped, before the collector hands freed memory out again: the read
// markers that running transactions set on objects now dead. A marker is per address,
// so one left behind would make the first read of a new object placed there look like a
// read again, which skips the wait for the thread still publishing that object's bytes.
inline constexpr unsigned kMaxSegments = 126; // lock bytes hold a segment number in 7 bits
struct ReadMarkers {
  char* areas[kMaxSegments];
  unsigned count = 0;
  // Whether view i's running transaction may have marked something in [first, first+bytes)
  // (page-aligned). A view whose transaction never read there is left alone: writing zeros
  // would make its marker pages resident (and fault each one in) for nothing, in every
  // running view, at every sweep. The chunks' touched bytes answer first: only a chunk
  // touched by the running transaction can hold a marker that counts (an older version's
  // never matches again before the wrap clears it), so the markers themselves are read
  // in a few chunks per view, not in every run for every view.
  bool any_in(unsigned i, Offset first, std::size_t bytes) const;
  void forget_in(unsigned i, Offset object) const { areas[i][object >> 4] = 0; }
};
ReadMarkers running_read_markers();
// With the world stopped: whether the object is new in a running transaction (it exists
// only if that transaction commits).
bool is_new_in_running_transaction(Offset object);
// With the world stopped: the segment whose transaction owns the object (it wrote or
// created it), or 0. Tracing reads the owner's view, where the newest references are.
unsigned owner_segment(Offset object);
// Base address of segment 0 (the committed state) and of segment i's view.
char* segment_base(unsigned segment);

// ---- safe points -------------------------------------------------------------------------

// Conflict and event locations: the interpreter supplies the Python location of a
// thread (file, line, function) from the user data it attached to the thread.
using LocationFn = std::string (*)(void* thread_user_data);
void set_location_hook(LocationFn fn);
void set_thread_user_data(void* data);

// ---- statistics ----------------------------------------------------------------------------

enum class TimeState : std::uint8_t {
  Committed,      // running transactions that committed
  WaitSegment,    // waiting for a free segment
  WaitInevitable, // waiting for the inevitable transaction to finish
  WaitLock,       // waiting for a write lock that an older transaction gave up
  Paused,         // paused at a safe point for another thread's commit
  Stopped,        // stopped (safe point or commit lock) while another thread collected
  Gc,             // collecting
  Remapping,      // making pages private for a first write, or waiting for that
  TakingHome,     // taking a page from another view's home (a fence on every core)
  kCount,
};
const char* time_state_name(TimeState state);

struct Statistics {
  std::uint64_t commits = 0;
  std::uint64_t inevitable_commits = 0;
  std::uint64_t aborts[static_cast<int>(AbortCause::kCount)] = {};
  std::uint64_t aborted_ns[static_cast<int>(AbortCause::kCount)] = {};
  std::uint64_t state_ns[static_cast<int>(TimeState::kCount)] = {};
  std::uint64_t pauses = 0; // times this thread was paused for someone else
  // Page remaps, which stop commits and interrupt every core that runs a thread of the
  // process: pages made private for a first write, and private pages mapped shared again
  // at collections.
  std::uint64_t privatizations = 0, pages_privatized = 0, pages_reshared = 0;
  // Pages this thread took from another view's home (each one a fence on every core:
  // see make_home_pages).
  std::uint64_t homes_taken = 0;
  Statistics& operator+=(const Statistics& other);
  std::uint64_t total_aborts() const;
};
Statistics thread_statistics(); // the calling thread's
Statistics total_statistics();  // every thread's, attached or finished
std::string format_statistics(const Statistics& stats);
void reset_statistics(); // every thread's (tests and benchmarks)

// ---- the barriers: inline fast paths ---------------------------------------------------

// Objects of at least this size may log only the pages a range write touches
// (write_barrier_range); smaller ones are logged whole. A range-logged object always
// costs its header page plus one page per page written; below four pages that saves at
// most a few 4 KiB copies (well under a microsecond) and pays for a page bitmap and a
// second log, so small objects keep the one-flag-test path.
inline constexpr std::size_t kRangeWriteMinBytes = 4 * kPageSize;
// The unit a range write logs, and commit copies: a few cache lines.
inline constexpr std::size_t kRangeChunk = 128;

namespace detail {
struct ThreadContext;
struct ThreadLocal {
  char* segment_base = nullptr; // null outside a transaction
  ThreadContext* context = nullptr;
  std::atomic<std::uint32_t>* interrupt = nullptr; // non-zero: go to the safe-point slow path
  // The object of the last range write and its dirty-page bits (page 0: the object's
  // first page), so that repeated range writes to one large object stay inline.
  Offset range_object = 0;
  std::uint64_t* range_dirty = nullptr;
  std::uint64_t aborts = 0; // transactions of this thread that aborted, ever
};
// constinit: without it every use outside sync.cc calls a TLS wrapper function to check
// for a dynamic initializer.
extern constinit thread_local ThreadLocal tl __attribute__((tls_model("initial-exec")));
inline constexpr std::size_t kReadVersionSlot = 0; // byte of the segment holding the version
// From here on, one byte per 64 KiB of segment (4 KiB of its markers): the version of the
// last transaction that set a marker there (0: none since the versions last wrapped), so
// that the wrap clears only those chunks and a collection's sweep looks only at the chunks
// the running transaction read. Like the version, these sit among the markers of the
// marker area itself, which no object uses.
inline constexpr std::size_t kTouchedMarkers = 64;
void read_barrier_slow(Offset object, char* marker, char version);
void write_barrier_slow(Offset object);
void write_barrier_range_slow(Offset object, std::size_t from, std::size_t length);
void safe_point_slow();
} // namespace detail

inline std::uint64_t thread_abort_count() {
  return detail::tl.aborts;
}

// Marks the object read by the running transaction in this view. No validation.
// The marker is stored only when it changes: an object read again (the common case) costs
// a load and a predictable branch, and its marker's cache line stays clean. The first read
// of an object in a transaction takes the slow path, which waits if another thread is
// publishing the object at that moment (commits do not stop readers; see commit in
// transaction.cc).
inline void read_barrier(Offset object) {
  char* base = detail::tl.segment_base;
  char version = base[detail::kReadVersionSlot];
  char* marker = base + (object >> 4);
  if (__builtin_expect(*marker != version, 0)) detail::read_barrier_slow(object, marker, version);
}

inline void write_barrier(Offset object) {
  char* base = detail::tl.segment_base;
  if (reinterpret_cast<ObjectHeader*>(base + object)->flags & kNeedsWriteBarrier)
    detail::write_barrier_slow(object);
}

// About to write bytes [from, from + length) of `object` (from counted from the object's
// start). A large object logs only the pages covering the range: commit copies, and abort
// restores, just those pages of it (and the header's). Smaller objects take write_barrier.
// The object keeps kNeedsWriteBarrier, so a later write_barrier still logs it whole.
inline void write_barrier_range(Offset object, std::size_t from, std::size_t length) {
  char* base = detail::tl.segment_base;
  const auto* header = reinterpret_cast<const ObjectHeader*>(base + object);
  if (!(header->flags & kNeedsWriteBarrier)) return;
  if (header->size < kRangeWriteMinBytes) {
    detail::write_barrier_slow(object);
    return;
  }
  if (detail::tl.range_object == object && length) {
    // Segments and the object area are page-aligned: the offset's low bits place the
    // object in its first page.
    std::size_t at = (object & (kPageSize - 1)) + from;
    std::size_t last = (at + length - 1) / kRangeChunk;
    const std::uint64_t* dirty = detail::tl.range_dirty;
    std::size_t chunk = at / kRangeChunk;
    while (chunk <= last && (dirty[chunk >> 6] >> (chunk & 63) & 1))
      ++chunk;
    if (chunk > last) return;
  }
  detail::write_barrier_range_slow(object, from, length);
}

// A bytecode boundary, or any point where no view pointer is held across the call:
// another thread's commit may change this view or abort this transaction here.
inline void safe_point() {
  if (detail::tl.interrupt->load(std::memory_order_relaxed)) detail::safe_point_slow();
}

// Address of an object in the running transaction's view. Prefer Ref<T>.
inline char* view_address(Offset object) {
  return detail::tl.segment_base + object;
}

// The typed reference: the one way C++ code reaches a heap object.
template <class T> class Ref {
public:
  Ref() = default;
  explicit Ref(Offset offset) : offset_(offset) {}
  Offset offset() const { return offset_; }
  explicit operator bool() const { return offset_ != 0; }
  bool operator==(const Ref&) const = default;

  const T* read() const {
    read_barrier(offset_);
    return address();
  }
  T* write() const {
    write_barrier(offset_);
    return address();
  }
  // About to write only bytes [from, from + length) of the object.
  T* write_range(std::size_t from, std::size_t length) const {
    write_barrier_range(offset_, from, length);
    return address();
  }
  // No barrier: only for objects the running transaction created itself.
  T* fresh() const { return address(); }

private:
  T* address() const { return reinterpret_cast<T*>(view_address(offset_)); }
  Offset offset_ = 0;
};

} // namespace stm
