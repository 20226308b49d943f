// tests/gc/test_collect.cc - what a collection keeps and what it frees.
//
// Objects reachable only from a C++ local (of the collecting thread or of a thread
// paused in a transaction) survive; so does an object reachable only through a running
// transaction's uncommitted write. Weak references are cleared when their target dies,
// in every view, and kept while it lives. Each dead finalizable object is queued for
// finalization exactly once, with everything it references still intact, and the next
// collection after it was taken frees it. The new objects of aborted transactions are
// freed, so aborting in a loop does not grow the heap. An object allocated as a leaf is
// kept while referenced but never traced. A finalizable object that dies while still
// new in a running transaction is not handed over until that transaction commits, and
// never if it aborts.
#define BOOST_TEST_MODULE gc_collect
#include <boost/test/unit_test.hpp>

#include "tests/gc/gc_test.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

using namespace gctest;

namespace {

using HeapSetup = GcFixture<4, 64>;

constexpr std::uint32_t kSmallPayload = 40;      // a 80-byte size class
constexpr std::uint32_t kLargePayload = 100'000; // 25 pages

std::uint64_t pages_for(std::uint32_t payload) {
  return (sizeof(Node) + payload + stm::kPageSize - 1) / stm::kPageSize;
}

// Dead twins of the objects the tests keep: created in a callee, their offsets hidden.
Offset hidden_small_twin = 0, hidden_large_twin = 0;

__attribute__((noinline)) void make_dead_twins(std::uint32_t seed) {
  stm::run_transaction([&] {
    hidden_small_twin = hide(new_node(seed, kSmallPayload));
    hidden_large_twin = hide(new_node(seed + 1, kLargePayload));
  });
}

// Allocates nodes of `payload` until the allocator has to take new pages, so that every
// free cell of that size class has been handed out (by this thread: the others are
// idle). Returns whether `expected_free` came back, and fails if `kept` did.
bool every_free_cell_handed_out(std::uint32_t payload, Offset kept, Offset expected_free) {
  bool kept_reused = false, free_reused = false;
  gc::set_enabled(false);
  stm::run_transaction([&] {
    kept_reused = free_reused = false;
    std::uint64_t pages = gc::statistics().pages_in_use;
    for (int n = 0; n < 1'000'000 && gc::statistics().pages_in_use == pages; ++n) {
      Offset o = gc::allocate(types.blob, sizeof(Node) + payload);
      kept_reused |= o == kept;
      free_reused |= o == expected_free;
    }
  });
  gc::set_enabled(true);
  BOOST_CHECK_MESSAGE(!kept_reused, "a live object's cell was handed out again");
  return free_reused;
}

bool node_intact(Offset o) {
  bool ok = false;
  stm::run_transaction([&] { ok = payload_intact(Ref<Node>(o).read()); });
  return ok;
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(objects_held_by_the_collecting_threads_locals_survive) {
  Offset small = 0, large = 0;
  stm::run_transaction([&] {
    small = new_node(11, kSmallPayload);
    large = new_node(12, kLargePayload);
  });
  make_dead_twins(13);
  scrub_stack();

  gc::Statistics before = gc::statistics();
  gc::collect();
  gc::Statistics after = gc::statistics();
  BOOST_TEST(after.collections == before.collections + 1);
  // The dead large twin's pages went back; the live large object's did not.
  BOOST_TEST(after.pages_returned - before.pages_returned >= pages_for(kLargePayload));
  BOOST_TEST(node_intact(large));
  BOOST_TEST(node_intact(small));
  BOOST_TEST(every_free_cell_handed_out(kSmallPayload, small, unhide(hidden_small_twin)));
  BOOST_TEST(node_intact(small));
}

BOOST_AUTO_TEST_CASE(objects_held_by_a_paused_threads_locals_survive) {
  std::atomic<int> phase{0}; // 1: worker ready, 2: collection done
  std::atomic<Offset> published_small{0};
  bool small_ok = false, large_ok = false;
  std::thread worker([&] {
    stm::ThreadScope scope;
    Offset small = 0, large = 0;
    stm::run_transaction([&] {
      small = new_node(21, kSmallPayload);
      large = new_node(22, kLargePayload);
    });
    make_dead_twins(23);
    scrub_stack();
    published_small.store(hide(small));
    phase.store(1);
    // Paused at a safe point inside a transaction while the main thread collects: its
    // stack is the only root of `small` and `large`.
    stm::run_transaction([&] {
      while (phase.load() != 2) {
        stm::safe_point();
        std::this_thread::yield();
      }
      small_ok = payload_intact(Ref<Node>(small).read());
      large_ok = payload_intact(Ref<Node>(large).read());
    });
  });
  while (phase.load() != 1)
    std::this_thread::yield();
  gc::Statistics before = gc::statistics();
  gc::collect();
  gc::Statistics after = gc::statistics();
  BOOST_TEST(after.pages_returned - before.pages_returned >= pages_for(kLargePayload));
  BOOST_TEST(every_free_cell_handed_out(kSmallPayload, unhide(published_small.load()),
                                        unhide(hidden_small_twin)));
  phase.store(2);
  worker.join();
  BOOST_TEST(small_ok);
  BOOST_TEST(large_ok);
}

namespace {

Offset hidden_orphan = 0;

__attribute__((noinline)) void make_orphan(std::uint32_t seed) {
  stm::run_transaction([&] { hidden_orphan = hide(new_node(seed, kLargePayload)); });
}

// In the running transaction: `holder.next = orphan`, the orphan's only reference.
__attribute__((noinline)) void adopt_orphan(Offset holder) {
  Ref<Node>(holder).write()->next = unhide(hidden_orphan);
}

} // namespace

BOOST_AUTO_TEST_CASE(an_object_reachable_only_through_an_uncommitted_write_survives) {
  Offset root = 0;
  gc::add_root(&root);
  stm::run_transaction([&] { root = new_node(31, 16); });
  make_orphan(32);
  scrub_stack();
  bool intact = false;
  stm::run_transaction([&] {
    adopt_orphan(root);
    scrub_stack();
    gc::collect(); // inside the transaction: the write exists only in this view
    // Freed pages would read as zeros here.
    intact = payload_intact(Ref<Node>(Ref<Node>(root).read()->next).read());
  });
  BOOST_TEST(intact);
  gc::collect(); // committed now: reachable from the root
  BOOST_TEST(node_intact(unhide(hidden_orphan)));
  gc::remove_root(&root);
}

namespace {

// Tests that expect an object to die handle its offset only in the noinline helpers
// below, or hidden; the test bodies see booleans.
Offset hidden_dead_target = 0, hidden_strong_target = 0;

struct WeakReferences {
  Offset live;   // to a target that a root keeps
  Offset dead;   // to a new node that nothing else references
  Offset strong; // to a node that the same object also references strongly
};

__attribute__((noinline)) WeakReferences make_weak_references(Offset table, Offset live_target) {
  WeakReferences w;
  stm::run_transaction([&] {
    Table* t = Ref<Table>(table).write();
    t->slots[0] = live_target;
    w.live = gc::allocate(types.weak, sizeof(Weak));
    Ref<Weak>(w.live).fresh()->target = live_target;
    t->slots[1] = w.live;
    Offset orphan = new_node(42, kSmallPayload);
    w.dead = gc::allocate(types.weak, sizeof(Weak));
    Ref<Weak>(w.dead).fresh()->target = orphan;
    hidden_dead_target = hide(orphan);
    t->slots[2] = w.dead;
    Offset strong_target = new_node(43, kSmallPayload);
    w.strong = gc::allocate(types.weak, sizeof(Weak));
    Ref<Weak>(w.strong).fresh()->target = strong_target;
    Ref<Weak>(w.strong).fresh()->strong = strong_target;
    hidden_strong_target = hide(strong_target);
    t->slots[3] = w.strong;
  });
  return w;
}

__attribute__((noinline)) void point_weak_at_hidden(Offset weak, Offset hidden) {
  Ref<Weak>(weak).write()->target = unhide(hidden);
}

__attribute__((noinline)) bool weak_points_at_hidden(Offset weak, Offset hidden) {
  Offset t = 0;
  stm::run_transaction([&] { t = Ref<Weak>(weak).read()->target; });
  return hide(t) == hidden;
}

__attribute__((noinline)) bool weak_points_at_hidden_far(Offset weak, Offset hidden) {
  Offset t = 0;
  stm::run_transaction([&] { t = Ref<FarWeak>(weak).read()->target; });
  return hide(t) == hidden;
}

__attribute__((noinline)) bool weak_is_clear(Offset weak) {
  Offset t = 1;
  stm::run_transaction([&] { t = Ref<Weak>(weak).read()->target; });
  return t == 0;
}

} // namespace

BOOST_AUTO_TEST_CASE(weak_references_are_cleared_exactly_when_their_target_dies) {
  Offset table = 0, live_target = 0;
  gc::add_root(&table);
  stm::run_transaction([&] {
    table = new_table(4);
    live_target = new_node(41, kSmallPayload);
  });
  WeakReferences weak = make_weak_references(table, live_target);
  scrub_stack();
  BOOST_TEST(weak_points_at_hidden(weak.dead, hidden_dead_target));
  scrub_stack();
  gc::collect();
  BOOST_TEST(weak_points_at_hidden(weak.live, hide(live_target)));
  BOOST_TEST(weak_is_clear(weak.dead));
  BOOST_TEST(weak_points_at_hidden(weak.strong, hidden_strong_target));
  BOOST_TEST(node_intact(live_target));

  // A weak reference rewritten by a running transaction to point at a dead object: the
  // copy in that transaction's view is cleared too, and the commit keeps it cleared.
  Offset orphan = 0;
  stm::run_transaction([&] { orphan = hide(new_node(44, kSmallPayload)); });
  scrub_stack();
  bool clear_in_view = false;
  stm::run_transaction([&] {
    point_weak_at_hidden(weak.live, orphan);
    scrub_stack();
    gc::collect();
    clear_in_view = Ref<Weak>(weak.live).read()->target == 0;
  });
  BOOST_TEST(clear_in_view);
  BOOST_TEST(weak_is_clear(weak.live));

  // The target dies once its last strong reference goes.
  stm::run_transaction([&] { Ref<Weak>(weak.strong).write()->strong = 0; });
  scrub_stack();
  gc::collect();
  BOOST_TEST(weak_is_clear(weak.strong));
  gc::remove_root(&table);
}

namespace {

struct FarWeakPair {
  Offset weak;
  Offset kept;
};

__attribute__((noinline)) FarWeakPair make_far_weak(Offset table) {
  FarWeakPair p{};
  stm::run_transaction([&] {
    p.kept = new_node(45, kSmallPayload);
    Offset orphan = new_node(46, kSmallPayload);
    p.weak = gc::allocate(types.far_weak, sizeof(FarWeak));
    FarWeak* w = Ref<FarWeak>(p.weak).fresh();
    w->kept = p.kept;
    w->target = orphan;
    hidden_dead_target = hide(orphan);
    Ref<Table>(table).write()->slots[0] = p.weak;
  });
  return p;
}

__attribute__((noinline)) bool far_weak_state(Offset weak, Offset kept) {
  bool cleared = false, kept_same = false;
  stm::run_transaction([&] {
    const FarWeak* w = Ref<FarWeak>(weak).read();
    cleared = w->target == 0;
    kept_same = w->kept == kept;
  });
  return cleared && kept_same && node_intact(kept);
}

} // namespace

// The weak field is where the type says it is; the words before it are left alone.
BOOST_AUTO_TEST_CASE(weak_field_offset_is_per_type) {
  Offset table = 0;
  gc::add_root(&table);
  stm::run_transaction([&] { table = new_table(1); });
  FarWeakPair p = make_far_weak(table);
  scrub_stack();
  BOOST_TEST(weak_points_at_hidden_far(p.weak, hidden_dead_target));
  scrub_stack();
  gc::collect();
  BOOST_TEST(far_weak_state(p.weak, p.kept));
  gc::remove_root(&table);
}

namespace {

// Runs `body` in a transaction that then aborts. An empty committed transaction after it
// keeps stm from making the next attempt inevitable (it does after 8 aborts in a row).
template <class Body> void run_and_abort(Body&& body) {
  stm::start_transaction();
  try {
    body();
    stm::abort_transaction();
  } catch (const stm::TxAbort&) {
  }
  stm::run_transaction([] {});
}

// Takes every queued finalization in a transaction that commits; hidden, in order.
std::vector<Offset> take_finalized() {
  std::vector<Offset> taken;
  for_each_finalization([&](const gc::Finalization& item) { taken.push_back(hide(item.object)); },
                        [&] { taken.clear(); });
  return taken;
}

constexpr int kFinalizables = 40;
Offset hidden_dropped[kFinalizables / 2];

// Finalizable nodes, each with a child node; the even ones go into `table`, the odd ones
// are dropped (their offsets hidden).
__attribute__((noinline)) void make_finalizables(Offset table) {
  stm::run_transaction([&] {
    Table* t = Ref<Table>(table).write();
    for (int i = 0; i < kFinalizables; ++i) {
      Offset child = new_node(1000 + i, 24 + i * 8);
      Offset f = new_node(2000 + i, 8 + i * 16, 0, types.finalizable);
      Ref<Node>(f).fresh()->child = child;
      if (i % 2 == 0)
        t->slots[i / 2] = f;
      else
        hidden_dropped[i / 2] = hide(f);
    }
  });
}

// Whether the finalizable objects (hidden) and their children still hold their contents.
__attribute__((noinline)) bool finalizables_intact(const std::vector<Offset>& hidden) {
  bool intact = true;
  stm::run_transaction([&] {
    intact = true;
    for (Offset h : hidden) {
      const Node* node = Ref<Node>(unhide(h)).read();
      intact &= payload_intact(node) && payload_intact(Ref<Node>(node->child).read());
    }
  });
  return intact;
}

} // namespace

BOOST_AUTO_TEST_CASE(each_dead_finalizable_object_is_queued_once) {
  take_finalized();
  Offset table = 0;
  gc::add_root(&table);
  stm::run_transaction([&] { table = new_table(kFinalizables / 2); });
  make_finalizables(table);
  scrub_stack();

  gc::collect();
  std::vector<Offset> first = take_finalized();
  std::set<Offset> expected(std::begin(hidden_dropped), std::end(hidden_dropped));
  BOOST_TEST(first.size() == expected.size());
  BOOST_TEST((std::set<Offset>(first.begin(), first.end()) == expected));
  // Kept alive for their finalizers, with what they reference.
  BOOST_TEST(finalizables_intact(first));
  scrub_stack();

  // Dead again: freed now, and not handed over a second time.
  gc::Statistics before = gc::statistics();
  gc::collect();
  gc::Statistics after = gc::statistics();
  BOOST_TEST(take_finalized().empty());
  std::uint64_t dropped_bytes = 0;
  for (int i = 1; i < kFinalizables; i += 2)
    dropped_bytes += (sizeof(Node) + 24 + i * 8) + (sizeof(Node) + 8 + i * 16);
  BOOST_TEST(after.freed_bytes - before.freed_bytes >= dropped_bytes);

  // The kept half dies when the table lets go of it.
  std::set<Offset> kept;
  stm::run_transaction([&] {
    kept.clear();
    Table* t = Ref<Table>(table).write();
    for (std::uint32_t i = 0; i < t->count; ++i) {
      kept.insert(hide(t->slots[i]));
      t->slots[i] = 0;
    }
  });
  scrub_stack();
  gc::collect();
  gc::collect();
  std::vector<Offset> second = take_finalized();
  std::set<Offset> seen(second.begin(), second.end());
  BOOST_TEST(seen.size() == second.size()); // never handed over twice
  if (kSanitized) {
    // Known issue: under AddressSanitizer, after the weak-reference test has run in the
    // same process, one of these objects stays conservatively reachable (a stale word
    // the stack scan still finds). Each object handed over must still be a kept one.
    BOOST_TEST(second.size() + 1 >= kept.size());
    BOOST_TEST(std::includes(kept.begin(), kept.end(), seen.begin(), seen.end()));
  } else {
    BOOST_TEST(second.size() == kept.size());
    BOOST_TEST((seen == kept));
  }
  gc::remove_root(&table);
}

BOOST_AUTO_TEST_CASE(new_objects_of_aborted_transactions_are_freed) {
  gc::collect();
  gc::set_enabled(false); // only the dropper (and exhaustion) may give memory back
  std::uint64_t pages_at_start = gc::statistics().pages_in_use;
  // 1000 aborted transactions of ~100 KiB of small objects: far more than the 64 MiB
  // heap if the memory were not given back.
  int exhausted = 0;
  for (int round = 0; round < 1000; ++round) {
    run_and_abort([&] {
      for (std::uint32_t i = 0; i < 400; ++i)
        if (!new_node(round * 1000 + i, 16 + (i % 32) * 16)) ++exhausted;
    });
  }
  std::uint64_t pages_after_small = gc::statistics().pages_in_use;
  BOOST_TEST(exhausted == 0);
  BOOST_TEST_MESSAGE("pages in use: " << pages_at_start << " -> " << pages_after_small);
  BOOST_TEST(pages_after_small - pages_at_start <= 256u); // one run per size class at most

  // Large objects of aborted transactions go back at the next collection (here forced by
  // exhaustion: 600 x 256 KiB is more than twice the heap).
  for (int round = 0; round < 600; ++round)
    run_and_abort([&] {
      if (!new_node(round, 256 * 1024)) ++exhausted;
    });
  BOOST_TEST(exhausted == 0);
  gc::set_enabled(true);
  gc::collect();
  BOOST_TEST(gc::statistics().pages_in_use <= pages_after_small);
}

namespace {

Offset hidden_behind_leaf = 0;

// A leaf node whose `next` names a node that nothing else references.
__attribute__((noinline)) Offset make_leaf_with_orphan(std::uint32_t payload) {
  Offset leaf = 0;
  stm::run_transaction([&] {
    Offset orphan = new_node(71, payload);
    leaf = gc::allocate(types.node, sizeof(Node) + payload, false, /*leaf=*/true);
    Node* n = Ref<Node>(leaf).fresh();
    n->seed = 72;
    n->payload_bytes = payload;
    fill_payload(n);
    n->next = orphan;
    hidden_behind_leaf = hide(orphan);
  });
  return leaf;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_leaf_is_kept_but_what_it_names_is_not) {
  Offset root = 0;
  gc::add_root(&root);
  root = make_leaf_with_orphan(kSmallPayload);
  scrub_stack();
  gc::collect();
  BOOST_TEST(node_intact(root));
  // The leaf's cell stays taken; the node it names was freed, as a collector that does
  // not read the leaf must leave it.
  BOOST_TEST(every_free_cell_handed_out(kSmallPayload, root, unhide(hidden_behind_leaf)));
  gc::remove_root(&root);
}

namespace {

Offset hidden_new_finalizable = 0;

__attribute__((noinline)) void drop_new_finalizable() {
  hidden_new_finalizable = hide(new_node(81, 24, 0, types.finalizable));
}

} // namespace

BOOST_AUTO_TEST_CASE(a_finalizable_object_new_in_a_running_transaction_waits_for_its_commit) {
  take_finalized();
  bool queued_while_new = true;
  // Aborted: it never existed, so its finalizer never runs.
  run_and_abort([&] {
    drop_new_finalizable();
    scrub_stack();
    gc::collect();
    queued_while_new = gc::finalization_pending();
  });
  BOOST_TEST(!queued_while_new);
  gc::collect();
  BOOST_TEST(take_finalized().empty());
  // Committed: the first collection after the commit hands it over.
  stm::run_transaction([&] {
    drop_new_finalizable();
    scrub_stack();
    gc::collect();
    queued_while_new = gc::finalization_pending();
  });
  BOOST_TEST(!queued_while_new);
  scrub_stack();
  gc::collect();
  std::vector<Offset> taken = take_finalized();
  BOOST_TEST(taken.size() == 1u);
  BOOST_TEST((taken.size() == 1 && taken[0] == hidden_new_finalizable));
}

namespace {

// One thread's side of the test below: the tables that keep its nodes, and the pages
// those nodes lie on.
struct AllocatingSide {
  Offset table = 0;
  std::set<Offset> pages;
};

// Allocates `count` nodes of the test's size class and keeps `keep_of_4` in every 4.
void fill_runs(AllocatingSide& side, int count, int keep_of_4) {
  stm::run_transaction([&] { side.table = new_table(std::uint32_t(count)); });
  gc::add_root(&side.table);
  for (int i = 0; i < count; i += 32)
    stm::run_transaction([&] {
      Table* table = Ref<Table>(side.table).write();
      for (int j = i; j < i + 32 && j < count; ++j) {
        Offset node = new_node(std::uint32_t(j), kSmallPayload);
        if (j % 4 < keep_of_4) {
          table->slots[j] = node;
          side.pages.insert(node / stm::kPageSize);
        }
      }
    });
}

// The pages of `count` new nodes of the test's size class.
std::set<Offset> pages_of_new_nodes(int count) {
  std::set<Offset> pages;
  stm::run_transaction([&] {
    pages.clear();
    for (int i = 0; i < count; ++i)
      pages.insert(new_node(std::uint32_t(i), kSmallPayload) / stm::kPageSize);
  });
  return pages;
}

} // namespace

// A collection takes every thread's runs away. The partial ones go back to the thread that
// owned them, not to whichever asks first: two threads allocating on one page share cache
// lines of objects and of write locks, and every commit of one copies into the other's
// private copy of the page. The main thread's runs are fuller, so that a shared list
// (fullest first) would hand them to the worker.
BOOST_AUTO_TEST_CASE(a_thread_allocates_on_its_own_pages_again_after_a_collection) {
  gc::collect();
  AllocatingSide main_side, worker_side;
  std::set<Offset> worker_new_pages;
  std::atomic<int> phase{0}; // 1: worker filled, 2: collected, 3: worker allocated
  std::thread worker([&] {
    stm::ThreadScope scope;
    fill_runs(worker_side, 600, 1);
    phase.store(1);
    while (phase.load() != 2)
      std::this_thread::yield();
    worker_new_pages = pages_of_new_nodes(100);
    phase.store(3);
    while (phase.load() != 4)
      std::this_thread::yield();
    gc::remove_root(&worker_side.table);
  });
  while (phase.load() != 1)
    std::this_thread::yield();
  fill_runs(main_side, 600, 3);
  gc::collect();
  phase.store(2);
  while (phase.load() != 3)
    std::this_thread::yield();
  std::set<Offset> main_new_pages = pages_of_new_nodes(100);
  phase.store(4);
  worker.join();
  gc::remove_root(&main_side.table);
  auto shared_with = [](const std::set<Offset>& a, const std::set<Offset>& b) {
    return std::any_of(a.begin(), a.end(), [&](Offset page) { return b.count(page) > 0; });
  };
  BOOST_TEST(!shared_with(worker_new_pages, main_side.pages));
  BOOST_TEST(!shared_with(main_new_pages, worker_side.pages));
  // And on pages they had before: runs with free cells are reused, not left aside.
  BOOST_TEST(shared_with(worker_new_pages, worker_side.pages));
  BOOST_TEST(shared_with(main_new_pages, main_side.pages));
}

namespace {

// Collections that allocating `bytes` of garbage in small nodes triggers in this thread.
std::uint64_t collections_for_garbage(std::size_t bytes) {
  gc::collect();
  std::uint64_t before = gc::statistics().collections;
  constexpr std::uint32_t kPayload = 96;
  for (std::size_t made = 0; made < bytes; made += 32 * (sizeof(Node) + kPayload))
    stm::run_transaction([&] {
      for (int i = 0; i < 32; ++i)
        new_node(std::uint32_t(i), kPayload);
    });
  return gc::statistics().collections - before;
}

} // namespace

// The growth threshold is per allocating thread: with three threads that allocate, one
// thread's garbage triggers about a third as many collections as when it allocates alone
// (else each added thread would make every thread stop the world more often).
// Collections for kGarbage bytes while `idle` more threads have allocated (and wait).
static std::uint64_t collections_beside_allocating_threads(std::size_t garbage, int idle) {
  std::atomic<int> ready{0};
  std::atomic<bool> done{false};
  std::vector<std::thread> others;
  for (int i = 0; i < idle; ++i)
    others.emplace_back([&] {
      stm::ThreadScope scope;
      stm::run_transaction([&] { new_node(1, 16); }); // now an allocating thread
      ready.fetch_add(1);
      while (!done.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
  while (ready.load() != idle)
    std::this_thread::yield();
  std::uint64_t collections = collections_for_garbage(garbage);
  done.store(true);
  for (std::thread& t : others)
    t.join();
  return collections;
}

BOOST_AUTO_TEST_CASE(the_growth_threshold_grows_with_the_allocating_threads) {
  constexpr std::size_t kGarbage = std::size_t{24} << 20;
  std::uint64_t alone = collections_for_garbage(kGarbage);
  std::uint64_t with_three = collections_beside_allocating_threads(kGarbage, 2);
  BOOST_TEST_MESSAGE("collections alone " << alone << ", with three threads " << with_three);
  BOOST_TEST(alone >= 12u);
  BOOST_TEST(with_three * 2 <= alone);
}

namespace {

// Privatizations of this thread while it writes `node` in one transaction after a
// collection (the node was written once before it, so its page was private then).
std::uint64_t privatizations_to_write_again_after_a_collection(Offset node) {
  stm::run_transaction([&] { Ref<Node>(node).write()->next = 0; });
  gc::collect();
  std::uint64_t before = stm::thread_statistics().privatizations;
  stm::run_transaction([&] { Ref<Node>(node).write()->next = 0; });
  return stm::thread_statistics().privatizations - before;
}

} // namespace

// A collection maps a lone thread's private pages shared again (no other core to
// interrupt, and their memory goes back); beside other threads a view keeps them, so the
// next write to an object there needs no remap (one that every core running a thread
// would have to take an interrupt for).
BOOST_AUTO_TEST_CASE(beside_other_threads_a_view_keeps_its_private_pages_across_a_collection) {
  Offset root = 0;
  gc::add_root(&root);
  stm::run_transaction([&] { root = new_node(1, kSmallPayload); });
  BOOST_TEST(privatizations_to_write_again_after_a_collection(root) == 1u);
  std::atomic<bool> attached{false}, done{false};
  std::thread other([&] {
    stm::ThreadScope scope;
    attached.store(true);
    while (!done.load())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  while (!attached.load())
    std::this_thread::yield();
  BOOST_TEST(privatizations_to_write_again_after_a_collection(root) == 0u);
  done.store(true);
  other.join();
  BOOST_TEST(node_intact(root));
  gc::remove_root(&root);
}

namespace {

// Resident kilobytes of the mapping that holds `address` (/proc/self/smaps "Rss:"; the
// shared zero page that reads of untouched memory map is not counted).
std::size_t resident_kib_of_mapping(const void* address) {
  std::FILE* f = std::fopen("/proc/self/smaps", "r");
  if (!f) return 0;
  auto at = reinterpret_cast<std::uintptr_t>(address);
  char line[512];
  bool inside = false;
  std::size_t kib = 0;
  while (std::fgets(line, sizeof line, f)) {
    unsigned long begin, end;
    if (std::sscanf(line, "%lx-%lx ", &begin, &end) == 2) {
      inside = at >= begin && at < end;
    } else if (inside && std::sscanf(line, "Rss: %zu kB", &kib) == 1) {
      break;
    }
  }
  std::fclose(f);
  return inside ? kib : 0;
}

} // namespace

// A dead cell's read marker is cleared only in the running views that marked something
// on its run. The view of a transaction that never read there keeps its marker pages
// untouched: clearing them anyway made them resident in every running view, at every
// collection (with 16 threads, most of a collection's time and of the process's memory).
BOOST_AUTO_TEST_CASE(the_sweep_leaves_alone_the_markers_of_views_that_never_read_there) {
  std::atomic<int> phase{0};
  std::atomic<unsigned> view{0};
  std::thread worker([&] {
    stm::ThreadScope scope;
    stm::run_transaction([&] {
      view.store(stm::reading_view());
      phase.store(1);
      while (phase.load() != 2) {
        stm::safe_point();
        std::this_thread::yield();
      }
    });
  });
  while (phase.load() != 1)
    std::this_thread::yield();
  const char* markers = stm::segment_base(view.load()) + stm::object_area_begin() / 16;
  std::size_t before = resident_kib_of_mapping(markers);
  // 8 MiB of garbage, half a megabyte of markers in each view, over several collections.
  for (int round = 0; round < 64; ++round)
    stm::run_transaction([&] {
      for (int i = 0; i < 1024; ++i)
        new_node(std::uint32_t(i), 96);
    });
  gc::collect();
  std::size_t after = resident_kib_of_mapping(markers);
  phase.store(2);
  worker.join();
  BOOST_TEST_MESSAGE("the worker's markers: " << before << " KiB resident, " << after
                                              << " KiB after the collections");
  BOOST_TEST(after <= before + 32);
}

// ---- minor collections -----------------------------------------------------------------

namespace {

Offset hidden_young = 0;

// Allocates small garbage in the running transaction until a growth collection ran.
void allocate_until_a_collection() {
  std::uint64_t before = gc::statistics().collections;
  for (std::uint32_t i = 0; gc::statistics().collections == before; ++i)
    for (int k = 0; k < 64; ++k)
      new_node(i, kSmallPayload);
}

// Growth collections until a minor one ran, then every free cell of the heap handed out
// (every_free_cell_handed_out checks that `young`'s is not among them).
void run_a_minor_collection_and_reuse_its_memory() {
  std::uint64_t minors = gc::statistics().minor_collections;
  while (gc::statistics().minor_collections == minors)
    stm::run_transaction([] { allocate_until_a_collection(); });
  scrub_stack();
  every_free_cell_handed_out(kSmallPayload, unhide(hidden_young), 0);
}

__attribute__((noinline)) void link_young_node_into(Offset table) {
  stm::run_transaction([&] {
    Offset young = new_node(77, kSmallPayload);
    Ref<Table>(table).write()->slots[0] = young;
    hidden_young = hide(young);
  });
}

__attribute__((noinline)) void link_across_a_collection(Offset table) {
  stm::run_transaction([&] {
    Offset first = new_node(78, kSmallPayload);
    Ref<Table>(table).write()->slots[0] = first;
    allocate_until_a_collection(); // `first` is reached, so that collection marks it
    // Still new in this transaction: written with no barrier after the collection.
    Offset second = new_node(79, kSmallPayload);
    Ref<Node>(first).fresh()->next = second;
    hidden_young = hide(second);
  });
}

} // namespace

// A transaction's new object that a collection during the transaction found live counts
// as old afterwards, while the transaction still writes it with no barrier: what it links
// to after that collection survives the next minor one.
BOOST_AUTO_TEST_CASE(a_minor_collection_keeps_what_a_new_object_linked_after_a_collection) {
  Offset table = 0;
  gc::add_root(&table);
  stm::run_transaction([&] { table = new_table(1); });
  gc::collect();
  link_across_a_collection(table);
  scrub_stack();
  run_a_minor_collection_and_reuse_its_memory();
  Offset first = 0, second = 0;
  stm::run_transaction([&] {
    first = Ref<Table>(table).read()->slots[0];
    second = Ref<Node>(first).read()->next;
  });
  BOOST_TEST(second == unhide(hidden_young));
  BOOST_TEST(node_intact(first));
  BOOST_TEST(node_intact(second));
  gc::remove_root(&table);
}

// A minor collection traces only what the last collection did not find live, and what
// old objects written since reach: a young node linked into an old table by a committed
// write survives it.
BOOST_AUTO_TEST_CASE(a_minor_collection_keeps_what_an_old_object_written_since_reaches) {
  Offset table = 0;
  gc::add_root(&table);
  stm::run_transaction([&] { table = new_table(1); });
  gc::collect(); // the table is old now
  link_young_node_into(table);
  scrub_stack();
  run_a_minor_collection_and_reuse_its_memory();
  Offset slot = 0;
  stm::run_transaction([&] { slot = Ref<Table>(table).read()->slots[0]; });
  BOOST_TEST(slot == unhide(hidden_young));
  BOOST_TEST(node_intact(slot));
  gc::remove_root(&table);
}

// Growth collections are mostly minor, and garbage that was old when it died goes at the
// next full one: an explicit collection is full.
BOOST_AUTO_TEST_CASE(old_garbage_waits_for_a_full_collection) {
  Offset table = 0;
  gc::add_root(&table);
  stm::run_transaction([&] {
    table = new_table(2);
    Ref<Table>(table).fresh()->slots[0] = new_node(80, kSmallPayload);
    // A live neighbour keeps the run in use, so its free cells are handed out again.
    Ref<Table>(table).fresh()->slots[1] = new_node(81, kSmallPayload);
  });
  gc::collect(); // the nodes are old
  stm::run_transaction([&] {
    hidden_young = hide(Ref<Table>(table).read()->slots[0]);
    Ref<Table>(table).write()->slots[0] = 0;
  });
  std::uint64_t minors = gc::statistics().minor_collections;
  std::uint64_t collections = gc::statistics().collections;
  scrub_stack();
  stm::run_transaction([] { allocate_until_a_collection(); });
  BOOST_TEST(gc::statistics().minor_collections == minors + 1);
  BOOST_TEST(gc::statistics().collections == collections + 1);
  scrub_stack();
  gc::collect();
  BOOST_TEST(every_free_cell_handed_out(kSmallPayload, table, unhide(hidden_young)));
  gc::remove_root(&table);
}
