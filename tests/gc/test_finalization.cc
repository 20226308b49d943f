// tests/gc/test_finalization.cc - the work a collection leaves for the runtime.
//
// A live weak reference with a callback word whose target dies is queued once, with its
// target already cleared; one without a callback word, one that dies with its target and
// one whose target lives are not. Queued items are roots until taken and finished; an
// aborted transaction hands its taken items back in their order. The hook runs after the
// world has restarted (another thread can commit while it runs), and only after
// collections that queued something. Threads that allocate, collect and take work at
// the same time get every item exactly once.
#define BOOST_TEST_MODULE gc_finalization
#include <boost/test/unit_test.hpp>

#include "tests/gc/gc_test.h"

#include <chrono>
#include <map>
#include <thread>

using namespace gctest;

namespace {

using HeapSetup = GcFixture<4, 64>;

// A node used as a callback word: its seed names the reference that carries it.
Offset new_tag(std::uint32_t id) {
  return new_node(id, 8);
}

std::uint32_t tag_of(Offset weak) {
  return Ref<Node>(Ref<NotifyWeak>(weak).read()->callback).read()->seed;
}

Offset new_notify_weak(Offset target, Offset callback) {
  Offset w = gc::allocate(types.notify_weak, sizeof(NotifyWeak));
  if (!w) return 0;
  NotifyWeak* fresh = Ref<NotifyWeak>(w).fresh();
  fresh->target = target;
  fresh->callback = callback;
  return w;
}

struct Taken {
  std::uint32_t tag;
  gc::FinalizationKind kind;
  bool target_clear;
};

// Takes every queued item in one committed transaction.
std::vector<Taken> take_all() {
  std::vector<Taken> taken;
  for_each_finalization(
      [&](const gc::Finalization& item) {
        bool weak = item.kind == gc::FinalizationKind::WeakCallback;
        taken.push_back({weak ? tag_of(item.object) : 0, item.kind,
                         weak && Ref<NotifyWeak>(item.object).read()->target == 0});
      },
      [&] { taken.clear(); });
  return taken;
}

Offset hidden_dying_weak = 0;

// Slots of `table`: 0 a reference with a callback to a dead node (tag 1); 1 one without a
// callback to a dead node; 2 one with a callback (tag 3) to the live node in slot 3.
// Besides, a reference with a callback (tag 4) that dies with its dead target.
__attribute__((noinline)) void make_references(Offset table) {
  stm::run_transaction([&] {
    Table* t = Ref<Table>(table).write();
    t->slots[0] = new_notify_weak(new_node(101, 40), new_tag(1));
    t->slots[1] = new_notify_weak(new_node(102, 40), 0);
    t->slots[3] = new_node(103, 40);
    t->slots[2] = new_notify_weak(t->slots[3], new_tag(3));
    hidden_dying_weak = hide(new_notify_weak(new_node(104, 40), new_tag(4)));
  });
}

__attribute__((noinline)) Offset target_of(Offset weak) {
  Offset target = 1;
  stm::run_transaction([&] { target = Ref<NotifyWeak>(weak).read()->target; });
  return target;
}

__attribute__((noinline)) Offset slot(Offset table, unsigned i) {
  Offset value = 0;
  stm::run_transaction([&] { value = Ref<Table>(table).read()->slots[i]; });
  return value;
}

// Three references with callbacks to dead nodes, tags 11, 12, 13 in allocation order.
__attribute__((noinline)) void make_three(Offset table) {
  stm::run_transaction([&] {
    Table* t = Ref<Table>(table).write();
    for (unsigned i = 0; i < 3; ++i)
      t->slots[i] = new_notify_weak(new_node(200 + i, 40), new_tag(11 + i));
  });
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(only_live_references_with_callbacks_to_dead_targets_are_queued) {
  Offset table = 0;
  gc::add_root(&table);
  stm::run_transaction([&] { table = new_table(4); });
  take_all();
  make_references(table);
  scrub_stack();
  gc::collect();
  BOOST_TEST(gc::finalization_pending());
  std::vector<Taken> taken = take_all();
  BOOST_TEST_REQUIRE(taken.size() == 1u);
  BOOST_TEST(taken[0].tag == 1u);
  BOOST_TEST((taken[0].kind == gc::FinalizationKind::WeakCallback));
  BOOST_TEST(taken[0].target_clear);
  BOOST_TEST(!gc::finalization_pending());
  BOOST_TEST(target_of(slot(table, 1)) == 0u);
  BOOST_TEST(target_of(slot(table, 2)) == slot(table, 3));

  // Queued once in its life: its target is gone, so no later collection queues it.
  scrub_stack();
  gc::collect();
  BOOST_TEST(take_all().empty());
  gc::remove_root(&table);
}

BOOST_AUTO_TEST_CASE(taken_items_are_roots_and_an_abort_hands_them_back_in_order) {
  Offset table = 0;
  gc::add_root(&table);
  stm::run_transaction([&] { table = new_table(3); });
  take_all();
  make_three(table);
  scrub_stack();
  gc::collect();
  // The table lets go of the references: the queue alone keeps them now.
  stm::run_transaction([&] {
    Table* t = Ref<Table>(table).write();
    for (unsigned i = 0; i < 3; ++i)
      t->slots[i] = 0;
  });
  scrub_stack();
  gc::collect();

  // Take two and collect while they are held (they must survive), then abort.
  std::vector<std::uint32_t> first;
  stm::start_transaction();
  try {
    gc::Finalization item;
    for (int i = 0; i < 2 && gc::take_finalization(item); ++i)
      first.push_back(tag_of(item.object));
    item = {};
    gc::collect();
    stm::abort_transaction();
  } catch (const stm::TxAbort&) {
    gc::finish_finalizations(false);
  }
  stm::run_transaction([] {}); // keeps stm from starting the next one inevitable
  // Newest reference first, as CPython calls weakref callbacks.
  BOOST_TEST((first == std::vector<std::uint32_t>{13, 12}));
  std::vector<Taken> again = take_all();
  BOOST_TEST_REQUIRE(again.size() == 3u);
  BOOST_TEST(again[0].tag == 13u);
  BOOST_TEST(again[1].tag == 12u);
  BOOST_TEST(again[2].tag == 11u);
  for (const Taken& t : again)
    BOOST_TEST(t.target_clear);

  // Finished: nothing holds them any more, and the next collection frees them.
  gc::Statistics before = gc::statistics();
  scrub_stack();
  gc::collect();
  BOOST_TEST(gc::statistics().freed_bytes - before.freed_bytes >= 3 * sizeof(NotifyWeak));
  gc::remove_root(&table);
}

namespace {

std::atomic<int> hook_calls{0};
std::atomic<bool> other_thread_committed{false};

// Another thread commits a transaction with a new object (a commit that needs the
// commit lock, which the collector holds while the world is stopped).
void hook_checking_the_world_runs() {
  hook_calls.fetch_add(1);
  std::atomic<bool> done{false};
  std::thread other([&] {
    stm::ThreadScope scope;
    stm::run_transaction([] { new_node(7, 8); });
    done.store(true);
  });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done.load() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  other_thread_committed.store(done.load());
  if (done.load())
    other.join();
  else
    other.detach(); // stuck behind the stopped world: the check fails below
}

__attribute__((noinline)) void make_one(Offset table) {
  stm::run_transaction([&] {
    Ref<Table>(table).write()->slots[0] = new_notify_weak(new_node(300, 40), new_tag(21));
  });
}

} // namespace

BOOST_AUTO_TEST_CASE(the_hook_runs_after_the_world_has_restarted) {
  Offset table = 0;
  gc::add_root(&table);
  stm::run_transaction([&] { table = new_table(1); });
  take_all();
  gc::set_finalization_hook(&hook_checking_the_world_runs);
  hook_calls.store(0);
  gc::collect();
  BOOST_TEST(hook_calls.load() == 0); // nothing queued, no call

  make_one(table);
  scrub_stack();
  gc::collect();
  BOOST_TEST(hook_calls.load() == 1);
  BOOST_TEST(other_thread_committed.load());
  gc::set_finalization_hook(nullptr);
  std::vector<Taken> taken = take_all();
  BOOST_TEST_REQUIRE(taken.size() == 1u);
  BOOST_TEST(taken[0].tag == 21u);
  gc::remove_root(&table);
}

namespace {

constexpr unsigned kWorkers = 3;
constexpr unsigned kRounds = 150;
constexpr unsigned kPerRound = 20;

struct WorkerResult {
  std::vector<std::uint32_t> delivered; // tags taken in committed transactions
  Offset table = 0;                     // every reference the worker made (rooted)
};

// Makes references to nodes that die at once, in a rooted table of its own; collects
// now and then (so do the others, at the same time); takes whatever work is queued.
void worker_loop(unsigned index, WorkerResult& result) {
  stm::ThreadScope scope;
  gc::add_root(&result.table);
  stm::run_transaction([&] { result.table = new_table(kRounds * kPerRound); });
  for (unsigned round = 0; round < kRounds; ++round) {
    stm::run_transaction([&] {
      Table* t = Ref<Table>(result.table).write();
      for (unsigned i = 0; i < kPerRound; ++i) {
        std::uint32_t id = (index + 1) * 1'000'000 + round * kPerRound + i;
        t->slots[round * kPerRound + i] = new_notify_weak(new_node(id, 24), new_tag(id));
      }
    });
    if (round % 10 == index) gc::collect();
    std::size_t before = result.delivered.size();
    for_each_finalization(
        [&](const gc::Finalization& item) { result.delivered.push_back(tag_of(item.object)); },
        [&] { result.delivered.resize(before); });
  }
  scrub_stack();
}

} // namespace

BOOST_AUTO_TEST_CASE(threads_take_each_item_exactly_once) {
  take_all();
  WorkerResult results[kWorkers];
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < kWorkers; ++i)
    threads.emplace_back(worker_loop, i, std::ref(results[i]));
  for (std::thread& t : threads)
    t.join();
  scrub_stack();
  gc::collect();
  std::map<std::uint32_t, int> seen;
  for (const WorkerResult& r : results)
    for (std::uint32_t tag : r.delivered)
      ++seen[tag];
  for (const Taken& t : take_all())
    ++seen[t.tag];

  // A reference is delivered exactly when its target was cleared, and only once. (Stack
  // scanning is conservative, so a few targets may still be alive.)
  std::size_t cleared = 0, mismatched = 0, twice = 0;
  stm::run_transaction([&] {
    cleared = mismatched = twice = 0;
    for (const WorkerResult& r : results) {
      const Table* t = Ref<Table>(r.table).read();
      for (std::uint32_t i = 0; i < t->count; ++i) {
        Offset weak = t->slots[i];
        bool clear = Ref<NotifyWeak>(weak).read()->target == 0;
        auto found = seen.find(tag_of(weak));
        int count = found == seen.end() ? 0 : found->second;
        cleared += clear;
        mismatched += clear != (count > 0);
        twice += count > 1;
      }
    }
  });
  BOOST_TEST(mismatched == 0u);
  BOOST_TEST(twice == 0u);
  BOOST_TEST(cleared >= kWorkers * kRounds * kPerRound * 9 / 10);
  for (WorkerResult& r : results)
    gc::remove_root(&r.table);
}

// A collection asked for outside any transaction whose thread had to wait for the
// commit lock once left the thread marked Running: a committer then waited for it
// forever while it, outside, waited for the segment that committer held. More threads
// than segments, all collecting outside their transactions, find that quickly.
BOOST_AUTO_TEST_CASE(collecting_outside_a_transaction_leaves_the_thread_outside) {
  constexpr unsigned kThreads = 8, kIterations = 300;
  std::atomic<unsigned> finished{0};
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < kThreads; ++i)
    threads.emplace_back([&finished, i] {
      stm::ThreadScope scope;
      for (unsigned n = 0; n < kIterations; ++n) {
        stm::run_transaction([&] { new_node(i * kIterations + n, 40); });
        gc::collect();
      }
      finished.fetch_add(1);
    });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (finished.load() < kThreads && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  BOOST_TEST_REQUIRE(finished.load() == kThreads); // else deadlocked: give up the process
  for (std::thread& t : threads)
    t.join();
}
