// tests/gc/test_stress.cc - many threads allocating through many collections.
//
// Four threads each build short-lived graphs of random-size nodes (some of them large
// objects), check them and drop them; each keeps long-lived graphs in a table of its own
// and replaces one now and then; all of them trade graphs through a shared table, which
// brings write-write and read-write conflicts, so aborted transactions drop new objects
// too. The heap is small (64 MiB) and the threads allocate many times its size, so
// memory is reused across dozens of collections. Every node's payload is a function of
// its seed: an object freed while reachable, or a cell handed out twice, shows up as a
// bad checksum. Resident memory is sampled throughout and must stay bounded.
#define BOOST_TEST_MODULE gc_stress
#include <boost/test/unit_test.hpp>

#include "tests/gc/gc_test.h"

#include <chrono>
#include <random>
#include <thread>

using namespace gctest;

namespace {

constexpr std::size_t kHeapMiB = 64;
using HeapSetup = GcFixture<4, kHeapMiB>;

constexpr int kThreads = 4;
constexpr std::uint32_t kLongLived = 16; // graphs per thread table
constexpr std::uint32_t kShared = 8;     // graphs in the shared table
// Bytes each thread allocates (committed), in MiB; the sanitizer build does less.
constexpr double kMiBPerThread = kSanitized ? 64 : 192;

std::uint32_t pick_payload(std::mt19937& rng) {
  std::uint32_t roll = rng() % 1000;
  if (roll < 4) return 64 * 1024 + rng() % (128 * 1024); // large objects
  if (roll < 60) return 512 + rng() % 7000;              // the bigger size classes
  return rng() % 480;
}

// A chain of `count` nodes; every 4th node also references a random earlier one, so
// the graph has shared substructure. Returns the head, or 0 if the heap ran out.
Offset build_graph(std::mt19937& rng, std::uint32_t count, double& bytes) {
  Offset head = 0;
  std::vector<Offset> made;
  made.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t payload = pick_payload(rng);
    Offset o = new_node(rng(), payload, head);
    if (!o) return 0;
    if (i % 4 == 3) Ref<Node>(o).fresh()->child = made[rng() % made.size()];
    made.push_back(o);
    bytes += double(sizeof(Node) + payload);
    head = o;
    if (i % 16 == 15) stm::safe_point();
  }
  return head;
}

// Checks every node reachable from `head` (each `next` chain and one level of `child`).
bool graph_intact(Offset head, std::uint32_t* nodes = nullptr) {
  std::uint32_t n = 0;
  for (Offset o = head; o; o = Ref<Node>(o).read()->next) {
    const Node* node = Ref<Node>(o).read();
    if (!payload_intact(node)) return false;
    if (node->child && !payload_intact(Ref<Node>(node->child).read())) return false;
    if (++n % 16 == 0) stm::safe_point();
  }
  if (nodes) *nodes = n;
  return true;
}

struct Shared {
  Offset shared_table = 0;
  Offset thread_tables[kThreads] = {};
  std::atomic<bool> stop{false};
  std::atomic<std::size_t> max_rss{0};
  Failures failures;
};

struct ThreadReport {
  double bytes = 0; // committed allocations
  std::uint64_t transactions = 0;
  std::uint64_t graphs_checked = 0;
  std::uint64_t out_of_memory = 0;
};

void worker(Shared& shared, int index, double soak_s, ThreadReport& report) {
  stm::ThreadScope scope;
  std::mt19937 rng(1234 + index);
  const Offset table = shared.thread_tables[index];
  const double target = kMiBPerThread * double(1 << 20);
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  for (std::uint64_t iteration = 0;; ++iteration) {
    if (soak_s > 0 ? elapsed() > soak_s : report.bytes >= target) break;
    double bytes = 0;
    bool ok = true, oom = false;
    std::uint32_t checked = 0;
    stm::run_transaction([&] {
      bytes = 0;
      ok = true;
      oom = false;
      checked = 0;
      // A short-lived graph: built, checked, dropped (or kept, below).
      Offset graph = build_graph(rng, 10 + rng() % 60, bytes);
      if (!graph) {
        oom = true;
        return;
      }
      ok &= graph_intact(graph);
      ++checked;
      if (iteration % 8 == 0) {
        // Replaces one long-lived graph: the old one becomes garbage.
        Ref<Table>(table).write()->slots[rng() % kLongLived] = graph;
      }
      if (iteration % 16 == 5) {
        ok &= graph_intact(Ref<Table>(table).read()->slots[rng() % kLongLived]);
        ++checked;
      }
      if (iteration % 24 == 7) {
        // The shared table: a conflict-prone write and a read of another thread's graph.
        Ref<Table> shared_table(shared.shared_table);
        std::uint32_t slot = rng() % kShared;
        ok &= graph_intact(shared_table.read()->slots[slot]);
        shared_table.write()->slots[slot] = graph;
        ok &= graph_intact(shared_table.read()->slots[rng() % kShared]);
        checked += 2;
      }
    });
    report.bytes += bytes;
    ++report.transactions;
    report.graphs_checked += checked;
    if (oom) ++report.out_of_memory;
    if (!ok)
      shared.failures.add("thread " + std::to_string(index) + ", iteration " +
                          std::to_string(iteration) + ": a graph lost its contents");
  }
  // The long-lived graphs, all of them, at the end.
  bool ok = true;
  stm::run_transaction([&] {
    ok = true;
    for (std::uint32_t i = 0; i < kLongLived; ++i)
      ok &= graph_intact(Ref<Table>(table).read()->slots[i]);
  });
  if (!ok) shared.failures.add("thread " + std::to_string(index) + ": a long-lived graph broke");
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(threads_allocating_many_heaps_worth_keep_their_graphs_intact) {
  Shared shared;
  gc::add_root(&shared.shared_table);
  for (Offset& t : shared.thread_tables) gc::add_root(&t);
  stm::run_transaction([&] {
    double ignored = 0;
    std::mt19937 rng(99);
    shared.shared_table = new_table(kShared);
    for (std::uint32_t i = 0; i < kShared; ++i)
      Ref<Table>(shared.shared_table).fresh()->slots[i] = build_graph(rng, 20, ignored);
    for (Offset& t : shared.thread_tables) {
      t = new_table(kLongLived);
      for (std::uint32_t i = 0; i < kLongLived; ++i)
        Ref<Table>(t).fresh()->slots[i] = build_graph(rng, 40, ignored);
    }
  });

  gc::Statistics before = gc::statistics();
  std::size_t rss_at_start = resident_bytes();
  std::thread sampler([&] {
    while (!shared.stop.load()) {
      std::size_t rss = resident_bytes();
      if (rss > shared.max_rss.load()) shared.max_rss.store(rss);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  double soak_s = soak_seconds();
  ThreadReport reports[kThreads];
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back(worker, std::ref(shared), i, soak_s, std::ref(reports[i]));
  for (std::thread& t : threads) t.join();
  shared.stop.store(true);
  sampler.join();
  gc::Statistics after = gc::statistics();

  double bytes = 0;
  std::uint64_t transactions = 0, checked = 0, oom = 0;
  for (const ThreadReport& r : reports) {
    bytes += r.bytes;
    transactions += r.transactions;
    checked += r.graphs_checked;
    oom += r.out_of_memory;
  }
  std::uint64_t collections = after.collections - before.collections;
  BOOST_TEST_MESSAGE("allocated (committed) " << bytes / double(1 << 20) << " MiB in "
                     << transactions << " transactions, " << checked << " graphs checked, "
                     << collections << " collections, live after the last "
                     << after.live_bytes / 1024 << " KiB, pages returned "
                     << after.pages_returned - before.pages_returned << ", out of memory "
                     << oom << " times");
  BOOST_TEST_MESSAGE("resident memory: " << rss_at_start / (1 << 20) << " MiB at start, max "
                     << shared.max_rss.load() / (1 << 20) << " MiB; heap " << kHeapMiB
                     << " MiB; " << stm::format_statistics(stm::total_statistics()));

  BOOST_CHECK_MESSAGE(shared.failures.count() == 0, shared.failures.summary());
  // Far more than the heap went through it: dead memory was reused.
  BOOST_TEST(bytes > 8.0 * double(kHeapMiB << 20) * (kSanitized ? 0.5 : 1.0));
  BOOST_TEST(collections >= 10u);
  BOOST_TEST(oom == 0u); // the live data is a fraction of the heap
  BOOST_TEST(after.pages_returned > before.pages_returned);
  BOOST_TEST(after.freed_bytes - before.freed_bytes >= std::uint64_t(bytes / 2));
  // Resident memory follows the live heap (a few MiB here, plus the garbage allowed
  // between collections and per-view copies of pages), not what was allocated.
  BOOST_TEST(shared.max_rss.load() < rss_at_start + (kHeapMiB << 20));

  gc::remove_root(&shared.shared_table);
  for (Offset& t : shared.thread_tables) gc::remove_root(&t);
}
