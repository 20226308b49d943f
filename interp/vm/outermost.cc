// interp/vm/outermost.cc - the outermost loop of a thread: Python code as a chain of
// transactions.
//
// The thread's state object (top frame, handled exception) is written at every break,
// so that an abort, which rolls the heap back to the last commit, finds in it the exact
// point to resume from. Output is buffered by the transaction and written after it
// commits: an aborted transaction printed nothing.
#include "interp/vm/outermost.h"

#include "interp/compile/code_unit.h"
#include "interp/modules/modules.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/frame.h"
#include "interp/vm/vm.h"

#include "gc/gc.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <sched.h>
#include <time.h>
#include <unistd.h>

namespace interp {

double monotonic_seconds() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

} // namespace interp

namespace interp::vm {

// The error that ended the last write of committed output to descriptor 1 or 2 (EPIPE:
// the reader went away), for the program's next write there to raise.
static std::atomic<int> output_errors[3];

int output_error(int fd) {
  return fd == 1 || fd == 2 ? output_errors[fd].load(std::memory_order_relaxed) : 0;
}

int write_fully(int fd, std::int64_t at, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const char* from = bytes.data() + done;
    std::size_t left = bytes.size() - done;
    ssize_t n = at >= 0 ? ::pwrite(fd, from, left, off_t(at + std::int64_t(done)))
                        : ::write(fd, from, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : -1;
    done += std::size_t(n);
  }
  return 0;
}

static void write_output(int fd, const std::string& text) {
  if (int error = write_fully(fd, -1, text); error > 0)
    output_errors[fd].store(error, std::memory_order_relaxed);
}

// The error that ended the last write of committed bytes to a file (ENOSPC, EBADF), by
// descriptor, for that file's next write, flush or close to raise.
static std::mutex file_errors_lock;
static std::vector<std::pair<int, int>> file_errors;

int take_file_error(int fd) {
  std::lock_guard guard(file_errors_lock);
  for (auto it = file_errors.begin(); it != file_errors.end(); ++it)
    if (it->first == fd) {
      int error = it->second;
      file_errors.erase(it);
      return error;
    }
  return 0;
}

static void write_file_output(const Thread::FileWrite& w) {
  if (int error = write_fully(w.fd, w.at, w.bytes)) {
    std::lock_guard guard(file_errors_lock);
    file_errors.emplace_back(w.fd, error > 0 ? error : ENOSPC);
  }
}

void flush_output(Thread& t) {
  if (!t.out.empty()) {
    write_output(1, t.out);
    t.out.clear();
  }
  if (!t.err.empty()) {
    write_output(2, t.err);
    t.err.clear();
  }
  for (const Thread::FileWrite& w : t.file_out)
    write_file_output(w);
  t.file_out.clear();
  t.file_out_bytes = 0;
}

void discard_output(Thread& t) {
  t.out.clear();
  t.err.clear();
  t.file_out.clear();
  t.file_out_bytes = 0;
}

// Past this much, a transaction's file writes go out at once (a writelines() of a large
// list runs in one transaction).
constexpr std::size_t kDeferredWritesMax = std::size_t(1) << 20;

void defer_file_write(Thread& t, int fd, std::int64_t at, std::string_view bytes) {
  Thread::FileWrite* last = t.file_out.empty() ? nullptr : &t.file_out.back();
  bool follows =
      last && last->fd == fd &&
      (at < 0 ? last->at < 0 : last->at >= 0 && last->at + std::int64_t(last->bytes.size()) == at);
  if (follows)
    last->bytes.append(bytes);
  else
    t.file_out.push_back({fd, at, std::string(bytes)});
  t.file_out_bytes += bytes.size();
  if (t.file_out_bytes > kDeferredWritesMax) become_inevitable_with_output(t, "write");
}

bool has_deferred_writes(const Thread& t, int fd) {
  for (const Thread::FileWrite& w : t.file_out)
    if (w.fd == fd) return true;
  return false;
}

void become_inevitable_with_output(Thread& t, const char* reason) {
  stm::become_inevitable(reason);
  flush_output(t);
}

static void save_state(Thread& t, Value frame) {
  ThreadStateObject* s = wr<ThreadStateObject>(t.state);
  s->top_frame = frame;
  s->handled = t.handled;
}

void run_after_commit(Thread& t, bool committed) {
  std::vector<std::function<void(bool)>> work;
  work.swap(t.after_commit);
  for (auto& fn : work)
    fn(committed);
}

// Commits the running transaction and lets the world see it: its stdout/stderr text and
// file writes go out, threads waiting on what it changed look again, and the work it
// deferred to its commit runs.
static void commit_and_publish(Thread& t) {
  stm::commit_transaction();
  flush_output(t);
  wake_waiters();
  run_after_commit(t, true);
}

void transaction_break(Thread& t, Value frame) {
  t.ticks = 0;
  if (stm::atomic_depth()) return;
  save_state(t, frame);
  commit_and_publish(t);
  stm::start_transaction();
  run_finalizations(t);
}

// ---- gc.collect() in the outermost loop ------------------------------------------------------
//
// A collection inside the transaction would find little dead: the transaction's new
// objects are pinned until it commits, and what it dropped is still referenced from the
// committed state. So the loop commits first. It collects only after leaving eval, whose
// large C++ frame holds stale copies of values long dropped, which the conservative stack
// scan would take for live references; the stack area eval used is wiped as well. For the
// same reason the dead part of each frame's value stack (above its saved depth: values
// popped, or arguments moved into a callee) is cleared before the commit.

static void clear_dead_stack_slots(Value frame) {
  for (; frame; frame = rd<FrameObject>(frame)->back) {
    const FrameObject* f = rd<FrameObject>(frame);
    std::int64_t from = f->nlocals + f->ncells + f->sp, to = f->nlocals + f->ncells + f->stacksize;
    bool stale = false;
    for (std::int64_t i = from; i < to && !stale; ++i)
      stale = f->slots[i].bits() != 0;
    if (!stale) continue;
    FrameObject* w = wr<FrameObject>(frame);
    for (std::int64_t i = from; i < to; ++i)
      w->slots[i] = {};
  }
}

void leave_to_collect(Thread& t, Value frame) {
  clear_dead_stack_slots(frame);
  save_state(t, frame);
  t.collect = CollectState::Unwinding;
}

// Below the caller's frame: whatever the returned calls left there.
__attribute__((noinline)) static void wipe_stack_below() {
  volatile unsigned char area[64 * 1024];
  for (std::size_t i = 0; i < sizeof area; ++i)
    area[i] = 0;
  asm volatile("" : : "r"(area) : "memory");
}

// Outside any transaction, after the loop left eval to collect.
static void collect_outside() {
  wipe_stack_below();
  gc::collect();
}

// Waiters sleep on one condition variable that every commit of a thread pokes (when
// someone waits): whatever a waiter waits for (a lock released, a thread ended) becomes
// true in a commit. Polling alone left up to a millisecond between a release and the
// waiter noticing it, on every hand-off between threads.
namespace {
std::mutex wake_lock;
std::condition_variable wake;
std::uint64_t wake_generation = 0; // under wake_lock
std::atomic<int> sleepers{0};
} // namespace

void after_fork_in_child() {
  // Waiters of the parent may have held the lock, and they are counted; none is here.
  new (&wake_lock) std::mutex;
  new (&wake) std::condition_variable;
  sleepers.store(0);
}

void wake_waiters() {
  if (sleepers.load(std::memory_order_seq_cst) == 0) return;
  {
    std::lock_guard guard(wake_lock);
    ++wake_generation;
  }
  wake.notify_all();
}

// A wait that has gone on this long collects once, when the heap grew since the last
// such collection. CPython's reference counts close a file, a socket or a pipe end the
// moment a program drops it; here the collector finds it dead only when allocation
// asks, and a program that waits for the effect of that close (a server thread reading
// until the client's dropped response hangs up, a reader of a pipe whose writer was
// dropped) allocates nothing while it waits. The collection queues the dead objects'
// finalizers (io's close()), and the waiter runs them in transactions of their own
// before it goes on waiting: the waiting instruction does not run again, since some
// natives count a rerun as the end of their wait (signal.pause).
static constexpr double kIdleCollectAfter = 0.5;
static std::atomic<std::uint64_t> idle_collected_at_bytes{0};

static void idle_collection(Thread& t) {
  std::uint64_t allocated = gc::statistics().allocated_bytes;
  std::uint64_t seen = idle_collected_at_bytes.load();
  if (allocated == seen || !idle_collected_at_bytes.compare_exchange_strong(seen, allocated))
    return;
  gc::collect();
  // A finalizer that waits uses the thread's wait fields: this wait keeps its own.
  Value on = t.block_on, retry = t.block_retry;
  auto ready = t.block_ready;
  double deadline = t.block_deadline;
  bool expired = t.block_expired;
  // The same view: a nested wait's C++ frames hold pointers into it.
  for (int attempt = 0; attempt < 3 && gc::finalization_pending(); ++attempt) {
    stm::start_transaction_in_same_view();
    try {
      run_finalizations(t);
      commit_and_publish(t);
    } catch (const stm::TxAbort&) {
      run_after_commit(t, false);
      discard_output(t);
      t.pending = {};
    }
  }
  t.block_on = on;
  t.block_retry = retry;
  t.block_ready = ready;
  t.block_deadline = deadline;
  t.block_expired = expired;
}

// Outside any transaction: waits until t.block_ready says the object is ready or the
// deadline passes; leaves the object in t.block_retry for the instruction run again.
void wait_until_ready(Thread& t) {
  Value on = t.block_on;
  auto ready = t.block_ready;
  double deadline = t.block_deadline;
  t.block_on = {};
  t.block_expired = false;
  t.block_retry = on;
  double idle_collect_at = monotonic_seconds() + kIdleCollectAfter;
  // The committed state is read directly: a stale answer only costs another round.
  for (int spins = 0;; ++spins) {
    if (ready(on)) return;
    // A signal for the main thread ends the wait: the loop runs its handler, then the
    // instruction again (which waits again unless the handler raised).
    if (t.main && signals_tripped.load()) return;
    double now = monotonic_seconds();
    if (deadline >= 0 && now >= deadline) {
      t.block_expired = true;
      return;
    }
    if (now >= idle_collect_at) {
      idle_collect_at = deadline >= 0 ? deadline + 1 : now + 1e18; // once per wait
      if (!stm::in_transaction()) idle_collection(t);
    }
    if (spins < 20) {
      sched_yield();
      continue;
    }
    std::uint64_t seen;
    {
      std::lock_guard guard(wake_lock);
      seen = wake_generation;
    }
    // Announced, then checked again: a commit that makes it ready after this check sees
    // the sleeper and moves the generation on, so the wait below ends at once. The
    // timeout is only a safety net (and the deadline of a timed wait or a sleep).
    sleepers.fetch_add(1, std::memory_order_seq_cst);
    if (!ready(on)) {
      double nap = deadline >= 0 ? std::min(0.01, deadline - now) : 0.01;
      std::unique_lock guard(wake_lock);
      wake.wait_for(guard, std::chrono::duration<double>(nap),
                    [&] { return wake_generation != seen; });
    }
    sleepers.fetch_sub(1, std::memory_order_seq_cst);
  }
}

bool can_wait_outside(Thread&) {
  // Any loop commits and waits outside (a nested one goes on inevitably afterwards).
  return !stm::atomic_depth();
}

void wait_in_call(Thread& t) {
  if (stm::atomic_depth()) {
    // In place, holding the transaction: an atomic block does not break.
    wait_until_ready(t);
    return;
  }
  wait_outside_nested(t, t.frame);
}

void wait_outside(Thread& t, Value frame) {
  t.ticks = 0;
  save_state(t, frame);
  commit_and_publish(t);
  wait_until_ready(t);
  stm::start_transaction();
}

void wait_outside_nested(Thread& t, Value frame) {
  t.ticks = 0;
  commit_and_publish(t);
  wait_until_ready(t);
  stm::start_transaction_in_same_view();
  try {
    // A transaction that has touched nothing yet loses no conflict: this never aborts.
    stm::become_inevitable("a blocking wait inside a call from C++ code");
  } catch (const stm::TxAbort&) {
    std::fprintf(stderr,
                 "pypy-stm: fatal: a fresh transaction aborted before turning inevitable\n");
    std::abort();
  }
  // The loops of the calls under way write their frames (and generators) through
  // pointers taken while the committed transaction had them logged: log them again.
  for (Value f = frame; f; f = rd<FrameObject>(f)->back) {
    wr<FrameObject>(f);
    if (Value g = rd<FrameObject>(f)->generator; g && g.is_object()) wr<Object>(g);
  }
}

// The outermost loop over a committed entry frame; see run_outermost.
static Value run_committed(Thread& t, Value& exception_out) {
  for (;;) {
    stm::start_transaction();
    try {
      t.pending = {};
      t.c_depth = 0;
      t.ticks = 0;
      t.kwnames = {};
      const ThreadStateObject* s = rd<ThreadStateObject>(t.state);
      Value frame = s->top_frame;
      t.handled = s->handled;
      // sys.settrace/setprofile as of the last commit: an aborted attempt may have
      // called them (the functions roll back with the state, these flags do not).
      t.tracing = bool(s->tracer);
      t.profiling = bool(s->profiler);
      t.in_tracer = t.in_profiler = false;
      t.frame = {};
      t.outermost_call_args = nullptr;
      // Work that an aborted attempt handed back, or that a collection queued meanwhile.
      run_finalizations(t);
      // Resume the innermost frame; the frames it returns into are linked by `back`.
      bool yielded;
      Value result = eval(t, frame, true, yielded);
      if (t.collect == CollectState::Unwinding) {
        commit_and_publish(t);
        collect_outside();
        t.collect = CollectState::Done;
        continue;
      }
      Value e = fetch_pending(t);
      wr<ThreadStateObject>(t.state)->result = e;
      wr<ThreadStateObject>(t.state)->top_frame = {};
      commit_and_publish(t);
      exception_out = e;
      return result;
    } catch (const stm::TxAbort& abort) {
      run_after_commit(t, false);
      discard_output(t);
      t.pending = {};
      t.frame = {};
      t.c_depth = 0;
      if (t.collect != CollectState::Done) t.collect = CollectState::None;
      // A transaction that lost a conflict while about to wait (its commit in
      // wait_outside) must not wait: what it waits for may depend on its own writes,
      // which are gone, so it runs again instead.
      t.block_on = {};
    }
  }
}

Value run_outermost(Thread& t, Value code, Value globals, Value& exception_out) {
  exception_out = {};
  // The module frame is made and committed first, so that every later transaction,
  // including a retried first one, resumes from a committed frame.
  stm::run_transaction([&] {
    Value builtins = runtime().builtins;
    Value frame = make_frame(t, code, globals, builtins, globals, {}, {});
    if (!frame) std::abort();
    fresh<FrameObject>(frame)->flags |= kFrameEntry;
    t.handled = {};
    save_state(t, frame);
  });
  return run_committed(t, exception_out);
}

Value run_outermost_call(Thread& t, Value* payload_slot, Value& exception_out) {
  exception_out = {};
  Value frame;
  stm::run_transaction([&] {
    exception_out = {};
    frame = {};
    t.pending = {};
    t.handled = {};
    Value payload = *payload_slot;
    Value callable = tuple_item(payload, 0), args = tuple_item(payload, 1),
          kwargs = tuple_item(payload, 2);
    Value function = callable, self;
    if (is_layout(callable, Layout::Method)) {
      function = rd<MethodObject>(callable)->function;
      self = rd<MethodObject>(callable)->self;
    }
    bool plain = is_layout(function, Layout::Function) &&
                 !(code_unit(rd<FunctionObject>(function)->code).flags &
                   (bytecode::kGenerator | bytecode::kCoroutine | bytecode::kAsyncGenerator));
    if (!plain) {
      // Not Python code: run the call in this transaction.
      Value r = call_ex(t, callable, args, kwargs == none() ? Value() : kwargs);
      if (!r) exception_out = fetch_pending(t);
      return;
    }
    std::vector<Value> all;
    for (std::int64_t i = 0; i < tuple_length(args); ++i)
      all.push_back(tuple_item(args, i));
    Value kwnames;
    if (kwargs != none() && dict_length(kwargs)) {
      kwnames = tuple_new(t, std::size_t(dict_length(kwargs)));
      std::int64_t pos = 0, i = 0;
      Value k, v;
      while (dict_next(kwargs, pos, k, v)) {
        tuple_init(kwnames, i++, k);
        all.push_back(v);
      }
    }
    frame = frame_for_call(t, function, self, all.data(), all.size(), kwnames, {});
    keep_alive(args); // `all` holds copies of their items until the frame has them
    keep_alive(kwargs);
    if (!frame) {
      exception_out = fetch_pending(t);
      return;
    }
    fresh<FrameObject>(frame)->flags |= kFrameEntry;
    save_state(t, frame);
  });
  flush_output(t);
  run_after_commit(t, true);
  if (!frame) return exception_out ? Value() : none();
  return run_committed(t, exception_out);
}

} // namespace interp::vm
