// stm-bench: throughput, contention and fast-path costs of the transactional heap.
//
//   stm-bench disjoint [--threads N]   committed transactions per second, each thread on
//                                      its own objects; RSS sampled through the run
//   stm-bench shared [--threads N]     every thread increments one shared counter; the
//                                      final count must equal the committed increments
//   stm-bench barrier                  ns per read/write barrier fast path, us per commit
//                                      of a small transaction with another thread running
//
// One result line per run: the mode first, then key=value fields. Exit status: 0 on
// success, 1 when a check fails (wrong count, lost writes, RSS growth), 2 on bad usage.
// See bench-concurrency/README.md.

#include "gc/gc.h"
#include "stm/stm.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using stm::Offset;
using stm::Ref;
using Clock = std::chrono::steady_clock;

// ---- options ---------------------------------------------------------------------------

struct Options {
  std::string mode;
  unsigned threads = 1;
  double seconds = 2.0;
  unsigned segments = 0;        // stm::Config.segments; 0: the runtime's default
  int reads = -1;               // item reads per transaction (-1: mode default)
  int writes = -1;              // item writes per transaction
  int allocs = -1;              // short-lived allocations per transaction
  unsigned objects = 0;         // objects owned by each thread (0: mode default)
  unsigned safepoint_every = 4; // reads between safe points
  unsigned alloc_bytes = 32;    // size of each short-lived allocation, header included
  unsigned reps = 9;            // repetitions of the barrier loops (median reported)
  bool stats = false;
  bool check_rss = false;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "stm-bench: %s\n"
               "usage: stm-bench disjoint|shared|barrier [options]\n"
               "  --threads N          worker threads (disjoint, shared; default 1)\n"
               "  --seconds S          measured time (default 2)\n"
               "  --segments K         stm::Config.segments (default: the runtime's)\n"
               "  --reads R            item reads per transaction (disjoint 32, shared 0)\n"
               "  --writes W           item writes per transaction (disjoint 4, shared 0)\n"
               "  --allocs A           short-lived allocations per transaction (disjoint 2, "
               "shared 0)\n"
               "  --objects M          objects per thread (disjoint/shared 256, barrier 1024)\n"
               "  --safepoint-every P  reads between stm::safe_point() calls (default 4)\n"
               "  --alloc-bytes B      bytes per short-lived allocation (default 32)\n"
               "  --reps N             barrier: repetitions, median reported (default 9)\n"
               "  --check-rss          disjoint: fail (exit 1) if RSS keeps growing\n"
               "  --stats              print stm and gc statistics after the result line\n",
               why);
  std::exit(2);
}

long parse_int(const char* text, const char* name, long lo, long hi) {
  char* end = nullptr;
  long v = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || v < lo || v > hi) {
    std::string why = std::string("bad value for ") + name + ": " + text;
    usage(why.c_str());
  }
  return v;
}

Options parse_options(int argc, char** argv) {
  Options o;
  if (argc < 2) usage("missing mode");
  o.mode = argv[1];
  if (o.mode != "disjoint" && o.mode != "shared" && o.mode != "barrier") usage("unknown mode");
  for (int i = 2; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage((std::string("missing value for ") + argv[i]).c_str());
      return argv[++i];
    };
    if (a == "--threads") {
      o.threads = static_cast<unsigned>(parse_int(value(), "--threads", 1, 1024));
    } else if (a == "--seconds") {
      const char* v = value();
      char* end = nullptr;
      o.seconds = std::strtod(v, &end);
      if (end == v || *end != '\0' || !(o.seconds > 0) || o.seconds > 86400)
        usage("bad value for --seconds");
    } else if (a == "--segments") {
      o.segments = static_cast<unsigned>(parse_int(value(), "--segments", 1, 1024));
    } else if (a == "--reads") {
      o.reads = static_cast<int>(parse_int(value(), "--reads", 0, 1 << 20));
    } else if (a == "--writes") {
      o.writes = static_cast<int>(parse_int(value(), "--writes", 0, 1 << 16));
    } else if (a == "--allocs") {
      o.allocs = static_cast<int>(parse_int(value(), "--allocs", 0, 1 << 16));
    } else if (a == "--objects") {
      o.objects = static_cast<unsigned>(parse_int(value(), "--objects", 1, 1 << 22));
    } else if (a == "--safepoint-every") {
      o.safepoint_every =
          static_cast<unsigned>(parse_int(value(), "--safepoint-every", 1, 1 << 20));
    } else if (a == "--alloc-bytes") {
      o.alloc_bytes = static_cast<unsigned>(parse_int(value(), "--alloc-bytes", 16, 1 << 20));
    } else if (a == "--reps") {
      o.reps = static_cast<unsigned>(parse_int(value(), "--reps", 1, 1000));
    } else if (a == "--stats") {
      o.stats = true;
    } else if (a == "--check-rss") {
      o.check_rss = true;
    } else {
      usage((std::string("unknown option ") + argv[i]).c_str());
    }
  }
  bool shared = o.mode == "shared";
  if (o.reads < 0) o.reads = shared ? 0 : 32;
  if (o.writes < 0) o.writes = shared ? 0 : 4;
  if (o.allocs < 0) o.allocs = shared ? 0 : 2;
  if (o.objects == 0) o.objects = o.mode == "barrier" ? 1024 : 256;
  return o;
}

// ---- heap objects ----------------------------------------------------------------------

// A thread's own object: 64 bytes, one reference (the last short-lived allocation).
struct Item {
  stm::ObjectHeader header;
  Offset link;
  std::int64_t value; // incremented by every write: the lost-update check sums it
  std::int64_t data[5];
};
static_assert(sizeof(Item) == 64);

// A reference array: the per-thread table of Items, reached from a gc root slot.
struct Array {
  stm::ObjectHeader header;
  std::uint64_t length;
  // Offset items[length] follow.
};
static_assert(sizeof(Array) == 16);

const Offset* items(const Array* a) {
  return reinterpret_cast<const Offset*>(reinterpret_cast<const char*>(a) + sizeof(Array));
}
Offset* items(Array* a) {
  return reinterpret_cast<Offset*>(reinterpret_cast<char*>(a) + sizeof(Array));
}

// A 16-byte object: the shared counter, and the objects of the barrier loops.
struct Cell {
  stm::ObjectHeader header;
  std::int64_t value;
};
static_assert(sizeof(Cell) == 16);

// A short-lived allocation (no references); its size is --alloc-bytes.
struct Box {
  stm::ObjectHeader header;
  std::uint32_t pad;
  std::int64_t payload; // present when the box is at least 16 bytes
};

std::uint16_t g_item_type, g_array_type, g_cell_type, g_box_type;

void trace_item(const stm::ObjectHeader* object, void (*visit)(Offset, void*), void* ctx) {
  const Item* item = reinterpret_cast<const Item*>(object);
  if (item->link) visit(item->link, ctx);
}

void trace_array(const stm::ObjectHeader* object, void (*visit)(Offset, void*), void* ctx) {
  const Array* a = reinterpret_cast<const Array*>(object);
  const Offset* it = items(a);
  for (std::uint64_t i = 0; i < a->length; ++i)
    if (it[i]) visit(it[i], ctx);
}

void register_types() {
  g_item_type = gc::register_type({"bench.Item", &trace_item, 0});
  g_array_type = gc::register_type({"bench.Array", &trace_array, 0});
  g_cell_type = gc::register_type({"bench.Cell", nullptr, 0});
  g_box_type = gc::register_type({"bench.Box", nullptr, 0});
}

[[noreturn]] void out_of_memory() {
  std::fprintf(stderr, "stm-bench: gc::allocate returned 0 (heap exhausted)\n");
  std::fflush(stdout);
  std::_Exit(1);
}

Offset must_allocate(std::uint16_t type, std::size_t bytes) {
  Offset o = gc::allocate(type, bytes);
  if (o == 0) out_of_memory();
  return o;
}

// Inside a transaction: an Array of `count` new objects of `type` (`bytes` each).
Offset create_table(unsigned count, std::uint16_t type, std::size_t bytes) {
  Offset table = must_allocate(g_array_type, sizeof(Array) + sizeof(Offset) * count);
  Ref<Array>(table).fresh()->length = count;
  for (unsigned i = 0; i < count; ++i) {
    Offset o = must_allocate(type, bytes);
    // Re-derive the table's address after each allocation: a collection may run inside
    // gc::allocate (the address stays valid, but the habit is the safe one).
    items(Ref<Array>(table).fresh())[i] = o;
    if ((i & 63) == 63) stm::safe_point();
  }
  return table;
}

// ---- small helpers -----------------------------------------------------------------------

struct Rng { // xorshift64*
  std::uint64_t s;
  explicit Rng(std::uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 1) {}
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 0x2545F4914F6CDD1Dull;
  }
  unsigned below(unsigned n) { return static_cast<unsigned>((next() >> 32) * n >> 32); }
};

double rss_mb() {
  long pages_total = 0, pages_resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
         (1024.0 * 1024.0);
}

// User plus system CPU time of the whole process, in seconds.
double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6; };
  return sec(u.ru_utime) + sec(u.ru_stime);
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

template <class T> T median(std::vector<T> v) {
  if (v.empty()) return T{};
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class T> T percentile(std::vector<T> v, double p) {
  if (v.empty()) return T{};
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  return v[i];
}

void print_stats() {
  std::printf("%s", stm::format_statistics(stm::total_statistics()).c_str());
  gc::Statistics g = gc::statistics();
  std::printf("gc: collections=%" PRIu64 " live_bytes=%" PRIu64 " allocated_bytes=%" PRIu64
              " freed_bytes=%" PRIu64 " pages_in_use=%" PRIu64 " pages_returned=%" PRIu64 "\n",
              g.collections, g.live_bytes, g.allocated_bytes, g.freed_bytes, g.pages_in_use,
              g.pages_returned);
}

// ---- per-thread state of the throughput modes ----------------------------------------------

struct alignas(64) Worker {
  Offset root = 0;                       // gc root slot: the thread's Array of Items
  std::atomic<std::uint64_t> commits{0}; // published for the sampler (relaxed)
  std::uint64_t attempts = 0;            // bodies entered (commits + aborts)
  std::uint64_t local_commits = 0;       // same as commits, owned by the thread
  bool verified = true;                  // lost-update check of its own objects
  std::int64_t expected_sum = 0, found_sum = 0;
};

// The transaction shape shared by both throughput modes: `reads` item reads (a safe point
// every few), `writes` item increments, `allocs` short-lived boxes linked from written
// items (the previous box of that item becomes garbage).
struct Shape {
  unsigned reads, writes, allocs, objects, safepoint_every, alloc_bytes;
};

void private_work(const Shape& shape, Offset root, Rng& rng, std::vector<Offset>& written) {
  Ref<Array> table(root);
  std::int64_t sum = 0;
  for (unsigned r = 0; r < shape.reads; ++r) {
    Offset o = items(table.read())[rng.below(shape.objects)];
    sum += Ref<Item>(o).read()->value;
    if ((r + 1) % shape.safepoint_every == 0) stm::safe_point();
  }
  written.clear();
  for (unsigned w = 0; w < shape.writes; ++w) {
    Offset o = items(table.read())[rng.below(shape.objects)];
    Ref<Item> item(o);
    std::int64_t v = item.read()->value;
    Item* p = item.write();
    p->value = v + 1;
    p->data[w % 5] = sum;
    written.push_back(o);
    stm::safe_point();
  }
  for (unsigned k = 0; k < shape.allocs; ++k) {
    Offset box = must_allocate(g_box_type, shape.alloc_bytes);
    if (shape.alloc_bytes >= sizeof(Box)) Ref<Box>(box).fresh()->payload = sum + k;
    if (!written.empty()) Ref<Item>(written[k % written.size()]).write()->link = box;
    stm::safe_point();
  }
}

std::int64_t sum_values(Offset root, unsigned objects) {
  std::int64_t sum = 0;
  Ref<Array> table(root);
  for (unsigned i = 0; i < objects; ++i) {
    sum += Ref<Item>(items(table.read())[i]).read()->value;
    if ((i & 15) == 15) stm::safe_point();
  }
  return sum;
}

// Samples RSS and the commit counters until `stop_at`; returns the series.
struct Sample {
  double t, rss;
  std::uint64_t commits;
};

std::vector<Sample> sample_until(const std::vector<std::unique_ptr<Worker>>& workers,
                                 Clock::time_point t0, double seconds) {
  std::vector<Sample> samples;
  auto total = [&] {
    std::uint64_t c = 0;
    for (auto& w : workers)
      c += w->commits.load(std::memory_order_relaxed);
    return c;
  };
  double step = std::clamp(seconds / 40.0, 0.01, 0.25);
  samples.push_back({0.0, rss_mb(), total()});
  for (int i = 1;; ++i) {
    double next = std::min(seconds, step * i);
    std::this_thread::sleep_until(
        t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(next)));
    samples.push_back({seconds_since(t0), rss_mb(), total()});
    if (next >= seconds) break;
  }
  return samples;
}

// RSS keeps growing when the peak of each third of the run exceeds the peak of the third
// before it by more than max(8 MiB, 10%): a leak grows steadily, a collector's sawtooth
// does not.
bool rss_keeps_growing(const std::vector<Sample>& s, double* peaks) {
  std::size_t n = s.size();
  for (int k = 0; k < 3; ++k) {
    std::size_t lo = n * k / 3, hi = std::max(lo + 1, n * (k + 1) / 3);
    double peak = 0;
    for (std::size_t i = lo; i < hi && i < n; ++i)
      peak = std::max(peak, s[i].rss);
    peaks[k] = peak;
  }
  auto grew = [](double before, double after) {
    return after > before + std::max(8.0, 0.10 * before);
  };
  return grew(peaks[0], peaks[1]) && grew(peaks[1], peaks[2]);
}

stm::Config make_config(const Options& o) {
  stm::Config c;
  c.segments = o.segments;
  return c;
}

// ---- disjoint and shared ---------------------------------------------------------------------

Offset g_counter = 0; // gc root slot: the shared counter (shared mode)

int run_throughput(const Options& o) {
  const bool shared = o.mode == "shared";
  const Shape shape{static_cast<unsigned>(o.reads),
                    static_cast<unsigned>(o.writes),
                    static_cast<unsigned>(o.allocs),
                    o.objects,
                    o.safepoint_every,
                    o.alloc_bytes};
  const unsigned n = o.threads;

  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned i = 0; i < n; ++i) {
    workers.push_back(std::make_unique<Worker>());
    gc::add_root(&workers.back()->root);
  }
  if (shared) gc::add_root(&g_counter);

  std::atomic<unsigned> ready{0};
  std::atomic<bool> go{false}, stop{false};
  std::barrier finished(static_cast<std::ptrdiff_t>(n));
  std::int64_t final_count = -1;

  auto thread_main = [&](unsigned index) {
    Worker& me = *workers[index];
    stm::ThreadScope scope;
    Rng rng(index + 1);
    std::vector<Offset> written;
    written.reserve(shape.writes);

    // Set-up: this thread's objects, and (thread 0, shared mode) the counter.
    if (shape.reads + shape.writes + shape.allocs > 0 || !shared) {
      Offset table = 0;
      stm::run_transaction([&] { table = create_table(shape.objects, g_item_type, sizeof(Item)); });
      me.root = table;
    }
    if (shared && index == 0) {
      Offset counter = 0;
      stm::run_transaction([&] { counter = must_allocate(g_cell_type, sizeof(Cell)); });
      g_counter = counter;
    }
    ready.fetch_add(1);
    ready.notify_all();
    go.wait(false);

    if (!shared) {
      while (!stop.load(std::memory_order_relaxed)) {
        stm::run_transaction([&] {
          ++me.attempts;
          private_work(shape, me.root, rng, written);
        });
        me.commits.store(++me.local_commits, std::memory_order_relaxed);
      }
    } else {
      const Offset counter = g_counter;
      while (!stop.load(std::memory_order_relaxed)) {
        stm::run_transaction([&] {
          ++me.attempts;
          if (me.root) private_work(shape, me.root, rng, written);
          Ref<Cell> c(counter);
          std::int64_t v = c.read()->value;
          c.write()->value = v + 1;
        });
        me.commits.store(++me.local_commits, std::memory_order_relaxed);
      }
    }

    // Checks, after every thread has stopped: nobody's committed write may be lost.
    finished.arrive_and_wait();
    if (me.root) {
      std::int64_t sum = 0;
      stm::run_transaction([&] { sum = sum_values(me.root, shape.objects); });
      me.expected_sum = static_cast<std::int64_t>(me.local_commits * shape.writes);
      me.found_sum = sum;
      me.verified = sum == me.expected_sum;
    }
    if (shared && index == 0) {
      std::int64_t v = 0;
      stm::run_transaction([&] { v = Ref<Cell>(g_counter).read()->value; });
      final_count = v;
    }
  };

  std::vector<std::thread> threads;
  for (unsigned i = 0; i < n; ++i)
    threads.emplace_back(thread_main, i);
  for (unsigned r = ready.load(); r < n; r = ready.load())
    ready.wait(r);

  stm::reset_statistics();
  double cpu0 = process_cpu_seconds();
  Clock::time_point t0 = Clock::now();
  go.store(true);
  go.notify_all();
  std::vector<Sample> samples = sample_until(workers, t0, o.seconds);
  stop.store(true);
  double elapsed = seconds_since(t0);
  for (auto& t : threads)
    t.join();
  // CPU seconds per wall second of the measured phase (the threads' checks included).
  double cpu_util = (process_cpu_seconds() - cpu0) / elapsed;

  std::uint64_t commits = 0, attempts = 0;
  bool ok = true;
  for (auto& w : workers) {
    commits += w->local_commits;
    attempts += w->attempts;
    if (!w->verified) {
      std::fprintf(
          stderr, "stm-bench: lost updates: item values sum to %" PRId64 ", expected %" PRId64 "\n",
          w->found_sum, w->expected_sum);
      ok = false;
    }
  }
  // Commits of the last transaction of each thread may land after the stop; they are
  // counted, and so is the time until the threads noticed.
  double rate = static_cast<double>(commits) / elapsed;
  std::uint64_t aborts = attempts - commits;
  double abort_ratio = attempts ? static_cast<double>(aborts) / static_cast<double>(attempts) : 0;
  const Sample& mid = samples[samples.size() / 2];

  if (!shared) {
    double peaks[3];
    bool growing = rss_keeps_growing(samples, peaks);
    std::printf(
        "disjoint threads=%u tx_per_s=%.0f commits=%" PRIu64 " aborts=%" PRIu64
        " seconds=%.2f cpu_util=%.2f rss_start_mb=%.1f rss_mid_mb=%.1f rss_end_mb=%.1f"
        " rss_max_mb=%.1f\n",
        n, rate, commits, aborts, elapsed, cpu_util, samples.front().rss, mid.rss,
        samples.back().rss,
        std::max_element(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) {
          return a.rss < b.rss;
        })->rss);
    if (o.check_rss) {
      std::printf("rss: peaks by thirds %.1f %.1f %.1f MiB; samples (s:MiB):", peaks[0], peaks[1],
                  peaks[2]);
      for (const Sample& s : samples)
        std::printf(" %.2f:%.1f", s.t, s.rss);
      std::printf("\n");
      if (growing) {
        std::fprintf(stderr, "stm-bench: RSS keeps growing with the transactions run\n");
        ok = false;
      }
    }
  } else {
    bool count_ok = final_count == static_cast<std::int64_t>(commits);
    std::printf("shared threads=%u count=%" PRId64 " commits=%" PRIu64 " tx_per_s=%.0f"
                " aborts=%" PRIu64 " abort_ratio=%.4f seconds=%.2f cpu_util=%.2f rss_mb=%.1f%s\n",
                n, final_count, commits, rate, aborts, abort_ratio, elapsed, cpu_util,
                samples.back().rss, count_ok ? "" : " COUNT_MISMATCH");
    if (!count_ok) {
      std::fprintf(stderr,
                   "stm-bench: final count %" PRId64 " != %" PRIu64 " committed increments\n",
                   final_count, commits);
      ok = false;
    }
  }
  if (o.stats) print_stats();
  std::fflush(stdout);

  for (auto& w : workers)
    gc::remove_root(&w->root);
  if (shared) gc::remove_root(&g_counter);
  return ok ? 0 : 1;
}

// ---- barrier ---------------------------------------------------------------------------------

// Keeps the compiler from merging, hoisting or sinking barriers across loop iterations.
inline void compiler_fence() {
  asm volatile("" ::: "memory");
}

struct CommitTimes {
  double median_ns, p99_ns, mean_ns, commit_only_median_ns;
  std::uint64_t count, aborts;
};

// Small transactions (one read, one write) for `seconds`, each timed on its own.
CommitTimes time_small_commits(Offset read_obj, Offset write_obj, double seconds) {
  std::vector<double> whole, commit_only;
  whole.reserve(1 << 20);
  commit_only.reserve(1 << 20);
  std::uint64_t aborts = 0;
  Clock::time_point end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(seconds));
  double total_ns = 0;
  for (;;) {
    Clock::time_point t0 = Clock::now();
    if (t0 >= end && whole.size() >= 100) break;
    Clock::time_point tc;
    for (;;) {
      stm::start_transaction();
      try {
        std::int64_t v = Ref<Cell>(read_obj).read()->value;
        Ref<Cell>(write_obj).write()->value += v + 1;
        tc = Clock::now();
        stm::commit_transaction();
        break;
      } catch (const stm::TxAbort&) {
        ++aborts;
      }
    }
    Clock::time_point t1 = Clock::now();
    double ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
    whole.push_back(ns);
    commit_only.push_back(std::chrono::duration<double, std::nano>(t1 - tc).count());
    total_ns += ns;
  }
  return {median(whole),
          percentile(whole, 0.99),
          total_ns / static_cast<double>(whole.size()),
          median(commit_only),
          whole.size(),
          aborts};
}

int run_barrier(const Options& o) {
  const unsigned n = o.objects;
  Offset root = 0;
  gc::add_root(&root);
  Worker other;
  gc::add_root(&other.root);

  double read_ns = 0, write_ns = 0;
  CommitTimes alone{}, busy{};
  std::uint64_t other_commits = 0;
  {
    stm::ThreadScope scope;
    Offset table = 0;
    stm::run_transaction([&] { table = create_table(n, g_cell_type, sizeof(Cell)); });
    root = table;
    // The loops walk offsets held outside the heap (the Array keeps the objects alive).
    std::vector<Offset> objs(n);
    stm::run_transaction([&] {
      const Array* a = Ref<Array>(root).read();
      std::copy(items(a), items(a) + n, objs.begin());
    });
    const std::uint64_t passes = std::max<std::uint64_t>(1, 4'000'000 / n);
    const double count = static_cast<double>(passes) * n;

    // Read barrier fast path: objects already read in this transaction.
    std::vector<double> reps;
    for (unsigned rep = 0; rep < o.reps; ++rep) {
      double ns = 0;
      stm::run_transaction([&] {
        for (Offset x : objs)
          stm::read_barrier(x);
        Clock::time_point t0 = Clock::now();
        for (std::uint64_t p = 0; p < passes; ++p) {
          for (unsigned i = 0; i < n; ++i) {
            stm::read_barrier(objs[i]);
            compiler_fence();
          }
        }
        ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count();
      });
      reps.push_back(ns / count);
    }
    read_ns = median(reps);

    // Write barrier fast path: objects already written in this transaction.
    reps.clear();
    for (unsigned rep = 0; rep < o.reps; ++rep) {
      double ns = 0;
      stm::run_transaction([&] {
        for (Offset x : objs)
          stm::write_barrier(x);
        Clock::time_point t0 = Clock::now();
        for (std::uint64_t p = 0; p < passes; ++p) {
          for (unsigned i = 0; i < n; ++i) {
            stm::write_barrier(objs[i]);
            compiler_fence();
          }
        }
        ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count();
      });
      reps.push_back(ns / count);
    }
    write_ns = median(reps);

    // Small commits: alone, then with one other thread running disjoint transactions.
    const double phase = std::max(0.05, o.seconds / 2);
    alone = time_small_commits(objs[0], objs[1], phase / 2);

    std::atomic<bool> running{false}, stop{false};
    std::thread t([&] {
      stm::ThreadScope other_scope;
      const Shape shape{32, 4, 2, 256, o.safepoint_every, o.alloc_bytes};
      Rng rng(99);
      std::vector<Offset> written;
      Offset table2 = 0;
      stm::run_transaction(
          [&] { table2 = create_table(shape.objects, g_item_type, sizeof(Item)); });
      other.root = table2;
      while (!stop.load(std::memory_order_relaxed)) {
        stm::run_transaction([&] { private_work(shape, other.root, rng, written); });
        ++other.local_commits;
        if (other.local_commits == 100) running.store(true);
      }
    });
    while (!running.load())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    stm::reset_statistics();
    busy = time_small_commits(objs[0], objs[1], phase);
    stop.store(true);
    t.join();
    other_commits = other.local_commits;
  }

  std::printf("barrier threads=2 read_barrier_ns=%.3f write_barrier_ns=%.3f commit_us=%.3f"
              " commit_p99_us=%.3f commit_mean_us=%.3f commit_call_us=%.3f commits=%" PRIu64
              " aborts=%" PRIu64 " commit_alone_us=%.3f other_commits=%" PRIu64 "\n",
              read_ns, write_ns, busy.median_ns / 1000, busy.p99_ns / 1000, busy.mean_ns / 1000,
              busy.commit_only_median_ns / 1000, busy.count, busy.aborts, alone.median_ns / 1000,
              other_commits);
  if (o.stats) print_stats();
  std::fflush(stdout);
  gc::remove_root(&root);
  gc::remove_root(&other.root);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  Options o = parse_options(argc, argv);
  stm::initialize(make_config(o));
  register_types();
  int rc = o.mode == "barrier" ? run_barrier(o) : run_throughput(o);
  stm::shutdown();
  return rc;
}
