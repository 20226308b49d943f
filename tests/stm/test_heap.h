// tests/stm/test_heap.h - shared helpers of the stm/ unit tests.
//
// A tiny allocator over stm::allocate_pages (per-thread bump allocation in home pages,
// never frees), a dropper that counts the new objects of aborted transactions, the
// Boost.Test global fixture that initializes the heap, a watchdog that turns a hang into
// a loud failure, and a thread-safe failure list (Boost.Test assertions are only safe on
// the main thread: worker threads record, the main thread checks after joining them).
#pragma once

#include "stm/stm.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace stmtest {

using stm::ObjectHeader;
using stm::Offset;
using stm::Ref;

// ---- allocation ---------------------------------------------------------------------------

inline constexpr std::size_t kChunkPages = 4;

struct Chunk {
  Offset cur = 0;
  Offset end = 0;
};

// Partly used chunks of threads that exited, reused by the next threads.
inline std::mutex chunk_pool_mutex;
inline std::vector<Chunk> chunk_pool;

struct ThreadArena {
  Chunk chunk;
  ~ThreadArena() {
    if (chunk.cur < chunk.end && stm::initialized()) {
      std::lock_guard<std::mutex> lock(chunk_pool_mutex);
      chunk_pool.push_back(chunk);
    }
  }
};
inline thread_local ThreadArena arena;

inline std::atomic<std::uint64_t> allocated_objects{0};

// A new object of `bytes` (header included, rounded up to 16) in the running
// transaction: header {size, type_id, flags=0}, the rest zeroed, announced to stm.
// Returns 0 when the heap is exhausted.
inline Offset allocate(std::uint16_t type_id, std::size_t bytes) {
  std::size_t size = (std::max<std::size_t>(bytes, sizeof(ObjectHeader)) + stm::kObjectAlign - 1) &
                     ~(stm::kObjectAlign - 1);
  Chunk& c = arena.chunk;
  if (c.end - c.cur < size) {
    Chunk fresh;
    {
      std::lock_guard<std::mutex> lock(chunk_pool_mutex);
      for (std::size_t i = 0; i < chunk_pool.size(); ++i) {
        if (chunk_pool[i].end - chunk_pool[i].cur >= size) {
          fresh = chunk_pool[i];
          chunk_pool.erase(chunk_pool.begin() + static_cast<std::ptrdiff_t>(i));
          break;
        }
      }
    }
    if (fresh.cur == 0) {
      std::size_t pages = std::max(kChunkPages, (size + stm::kPageSize - 1) / stm::kPageSize);
      Offset first = stm::allocate_pages(pages);
      if (first == 0) return 0;
      // As gc/ does: fresh pages are the home of the allocating view (a pooled chunk
      // holds objects others may read, so it stays as it is).
      stm::make_home_pages(first, pages);
      fresh = Chunk{first, first + pages * stm::kPageSize};
    }
    if (c.cur < c.end) {
      std::lock_guard<std::mutex> lock(chunk_pool_mutex);
      chunk_pool.push_back(c);
    }
    c = fresh;
  }
  Offset object = c.cur;
  c.cur += size;
  char* address = stm::view_address(object);
  std::memset(address, 0, size);
  auto* header = reinterpret_cast<ObjectHeader*>(address);
  header->size = static_cast<std::uint32_t>(size);
  header->type_id = type_id;
  header->flags = 0;
  stm::note_new_object(object, static_cast<std::uint32_t>(size));
  allocated_objects.fetch_add(1, std::memory_order_relaxed);
  return object;
}

// The object most tests use: a value and one reference slot after the header (allocated
// larger, it also has a tail that some tests write in its last 8 bytes).
struct Cell {
  ObjectHeader header;
  std::int64_t value;
  Offset ref;
};

template <class T> Ref<T> make(std::uint16_t type_id = 1, std::size_t bytes = sizeof(T)) {
  return Ref<T>(allocate(type_id, bytes));
}

// A check that is safe on any thread (Boost.Test's are not): prints and aborts.
inline void must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fatal test failure: %s\n", what);
    std::fflush(stderr);
    std::abort();
  }
}

// ---- the dropper --------------------------------------------------------------------------

inline std::atomic<std::uint64_t> dropped_objects{0};
inline std::atomic<bool> record_drops{false};
inline std::mutex drops_mutex;
inline std::vector<std::pair<Offset, std::uint32_t>> drops; // when record_drops

inline void drop_object(Offset object, std::uint32_t size) {
  dropped_objects.fetch_add(1, std::memory_order_relaxed);
  if (record_drops.load(std::memory_order_relaxed)) {
    std::lock_guard<std::mutex> lock(drops_mutex);
    drops.emplace_back(object, size);
  }
}

inline std::vector<std::pair<Offset, std::uint32_t>> take_drops() {
  std::lock_guard<std::mutex> lock(drops_mutex);
  return std::exchange(drops, {});
}

// ---- the global fixture -------------------------------------------------------------------

inline constexpr std::size_t kTestHeapBytes = std::size_t{256} << 20;

template <unsigned Segments, unsigned AbortsBeforeInevitable = 0> struct HeapFixture {
  HeapFixture() {
    stm::Config config;
    config.segments = Segments;
    config.heap_bytes = kTestHeapBytes;
    config.aborts_before_inevitable = AbortsBeforeInevitable;
    stm::initialize(config);
    stm::set_new_object_dropper(&drop_object);
  }
  ~HeapFixture() {
    {
      std::lock_guard<std::mutex> lock(chunk_pool_mutex);
      chunk_pool.clear();
    }
    arena.chunk = Chunk{};
    stm::shutdown();
  }
};

// ---- threads and time ---------------------------------------------------------------------

inline double soak_seconds() {
  const char* value = std::getenv("PYPYSTM_SOAK_SECONDS");
  return value ? std::atof(value) : 0.0;
}

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Waits for pred(). Inside a transaction it polls the safe point (so committers are not
// kept waiting; this may throw TxAbort). Returns false if `timeout_s` passed first.
template <class Pred> bool spin_until(Pred&& pred, double timeout_s = 60.0) {
  auto start = Clock::now();
  for (unsigned n = 0;; ++n) {
    if (pred()) return true;
    if (stm::in_transaction()) stm::safe_point();
    if ((n & 63) == 63) {
      if (seconds_since(start) > timeout_s) return false;
    }
    std::this_thread::yield();
  }
}

// Lets n threads start their work together (outside any transaction), so that they
// overlap even when thread creation is slow next to a transaction.
class StartGate {
public:
  explicit StartGate(int n) : n_(n) {}
  void arrive_and_wait() {
    arrived_.fetch_add(1);
    while (arrived_.load() < n_)
      std::this_thread::yield();
  }

private:
  int n_;
  std::atomic<int> arrived_{0};
};

// Aborts the process with a message unless disarmed (destroyed) within `seconds`: a hang
// (livelock, deadlock, lost wake-up) becomes a failure that names itself.
class Watchdog {
public:
  Watchdog(double seconds, std::string what)
      : what_(std::move(what)), thread_([this, seconds] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!cv_.wait_for(lock, std::chrono::duration<double>(seconds),
                            [this] { return done_; })) {
            std::fprintf(stderr,
                         "watchdog: %s did not finish within %.0f s (livelock or deadlock)\n",
                         what_.c_str(), seconds);
            std::fflush(stderr);
            std::abort();
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

private:
  std::string what_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

// Failures found on worker threads; the main thread checks them after joining.
class Failures {
public:
  void add(const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
    if (messages_.size() < 20) messages_.push_back(message);
  }
  std::size_t count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_;
  }
  std::string summary() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::ostringstream out;
    out << count_ << " failure(s)";
    for (const auto& m : messages_)
      out << "\n  " << m;
    if (count_ > messages_.size()) out << "\n  ...";
    return out.str();
  }

private:
  mutable std::mutex mutex_;
  std::size_t count_ = 0;
  std::vector<std::string> messages_;
};

// ---- statistics -----------------------------------------------------------------------------

inline std::uint64_t aborts(const stm::Statistics& s, stm::AbortCause cause) {
  return s.aborts[static_cast<int>(cause)];
}

inline stm::Statistics difference(const stm::Statistics& after, const stm::Statistics& before) {
  stm::Statistics d;
  d.commits = after.commits - before.commits;
  d.inevitable_commits = after.inevitable_commits - before.inevitable_commits;
  for (int i = 0; i < static_cast<int>(stm::AbortCause::kCount); ++i) {
    d.aborts[i] = after.aborts[i] - before.aborts[i];
    d.aborted_ns[i] = after.aborted_ns[i] - before.aborted_ns[i];
  }
  for (int i = 0; i < static_cast<int>(stm::TimeState::kCount); ++i)
    d.state_ns[i] = after.state_ns[i] - before.state_ns[i];
  d.pauses = after.pauses - before.pauses;
  return d;
}

inline std::string brief(const stm::Statistics& s) {
  std::ostringstream out;
  out << "commits=" << s.commits << " (inevitable " << s.inevitable_commits << ") aborts:";
  for (int i = 0; i < static_cast<int>(stm::AbortCause::kCount); ++i)
    out << ' ' << stm::abort_cause_name(static_cast<stm::AbortCause>(i)) << '=' << s.aborts[i];
  out << " pauses=" << s.pauses;
  return out.str();
}

inline const char* cause_name(stm::AbortCause cause) {
  return stm::abort_cause_name(cause);
}

} // namespace stmtest
