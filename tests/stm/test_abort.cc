// tests/stm/test_abort.cc - an aborted transaction leaves no trace: every object it modified
// has its exact committed bytes again (header flags included), every object it created is
// handed to the dropper and never reaches the committed state, its write locks are free.
// Covers explicit aborts, read-write conflicts (losing to an inevitable committer) and
// write-write conflicts (a younger writer meeting an older one's lock).
#define BOOST_TEST_MODULE stm_abort
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <algorithm>
#include <random>
#include <set>
#include <thread>
#include <vector>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

constexpr std::uint16_t kBlobType = 7;
constexpr std::uint16_t kHolderType = 8;

// Objects of many sizes, some crossing page boundaries, filled with a pattern.
const std::vector<std::size_t> kSizes = {16, 32, 48, 112, 256, 4096, 6000, 12304, 64, 16, 2048, 80};

struct Holder {
  ObjectHeader header;
  std::uint64_t pad;
  Offset slots[16];
};

using Bytes = std::vector<unsigned char>;

struct World {
  Ref<Holder> holder;
  std::vector<Offset> objects;
  Ref<Holder> x; // the object the conflict tests fight over
};

void fill_pattern(char* object, std::uint32_t size, std::uint32_t seed) {
  std::mt19937 rng(seed);
  for (std::uint32_t i = sizeof(ObjectHeader); i < size; ++i)
    object[i] = static_cast<char>(rng());
}

World make_world() {
  World w;
  stm::run_transaction([&] {
    w.objects.clear();
    w.holder = make<Holder>(kHolderType);
    w.x = make<Holder>(kHolderType);
    for (std::size_t i = 0; i < kSizes.size(); ++i) {
      Offset o = allocate(kBlobType, kSizes[i]);
      BOOST_REQUIRE(o != 0);
      fill_pattern(stm::view_address(o), static_cast<std::uint32_t>(kSizes[i]),
                   static_cast<std::uint32_t>(i + 1));
      w.objects.push_back(o);
      w.holder.fresh()->slots[i] = o;
    }
  });
  return w;
}

Bytes bytes_of(const char* object) {
  auto size = reinterpret_cast<const ObjectHeader*>(object)->size;
  return Bytes(object, object + size);
}

// Every object's bytes in the running transaction's view (read barrier first).
std::vector<Bytes> view_snapshot(const World& w) {
  std::vector<Bytes> out;
  out.push_back(bytes_of(reinterpret_cast<const char*>(w.holder.read())));
  out.push_back(bytes_of(reinterpret_cast<const char*>(w.x.read())));
  for (Offset o : w.objects)
    out.push_back(bytes_of(reinterpret_cast<const char*>(Ref<Holder>(o).read())));
  return out;
}

std::vector<Bytes> snapshot(const World& w) {
  std::vector<Bytes> out;
  stm::run_transaction([&] { out = view_snapshot(w); });
  return out;
}

struct CommittedProbe {
  const World* world;
  std::vector<Bytes> bytes;
};

// The committed state (segment 0), read with the world stopped.
std::vector<Bytes> committed_snapshot(const World& w) {
  CommittedProbe probe{&w, {}};
  stm::with_world_stopped(
      [](void* arg) {
        auto* p = static_cast<CommittedProbe*>(arg);
        char* base = stm::segment_base(0);
        p->bytes.push_back(bytes_of(base + p->world->holder.offset()));
        p->bytes.push_back(bytes_of(base + p->world->x.offset()));
        for (Offset o : p->world->objects)
          p->bytes.push_back(bytes_of(base + o));
      },
      &probe);
  return probe.bytes;
}

std::string first_difference(const std::vector<Bytes>& a, const std::vector<Bytes>& b) {
  if (a.size() != b.size()) return "different object counts";
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size())
      return "object #" + std::to_string(i) + " size " + std::to_string(a[i].size()) + " vs " +
             std::to_string(b[i].size());
    for (std::size_t j = 0; j < a[i].size(); ++j)
      if (a[i][j] != b[i][j])
        return "object #" + std::to_string(i) + " byte " + std::to_string(j) + ": " +
               std::to_string(a[i][j]) + " vs " + std::to_string(b[i][j]);
  }
  return "";
}

// Writes random bytes over parts of the bodies of the chosen objects (never the header),
// allocates new objects and links them from the holder. Returns the new objects.
std::vector<std::pair<Offset, std::uint32_t>> scribble(const World& w, std::mt19937& rng,
                                                       const std::vector<bool>& chosen) {
  for (std::size_t i = 0; i < w.objects.size(); ++i) {
    if (!chosen[i]) continue;
    char* p = reinterpret_cast<char*>(Ref<Holder>(w.objects[i]).write());
    std::uint32_t size = reinterpret_cast<ObjectHeader*>(p)->size;
    std::uint32_t body = size - sizeof(ObjectHeader);
    std::uint32_t from = sizeof(ObjectHeader) + static_cast<std::uint32_t>(rng() % body);
    std::uint32_t to = from + 1 + static_cast<std::uint32_t>(rng() % (size - from));
    if (rng() % 2) { // the last bytes: the last page of a big object
      to = size;
      from = std::max<std::uint32_t>(sizeof(ObjectHeader), size - 24);
    }
    for (std::uint32_t j = from; j < to; ++j)
      p[j] = static_cast<char>(p[j] ^ (1 + rng() % 255));
  }
  std::vector<std::pair<Offset, std::uint32_t>> fresh;
  int n = 1 + static_cast<int>(rng() % 6);
  Holder* h = w.holder.write();
  for (int k = 0; k < n; ++k) {
    std::size_t size = k == 0 ? 5000 : 16 + 16 * (rng() % 20);
    Offset o = allocate(kBlobType, size);
    must(o != 0, "heap exhausted");
    fill_pattern(stm::view_address(o), reinterpret_cast<ObjectHeader*>(stm::view_address(o))->size,
                 static_cast<std::uint32_t>(rng()));
    fresh.emplace_back(o, reinterpret_cast<ObjectHeader*>(stm::view_address(o))->size);
    h->slots[k] = o;
  }
  return fresh;
}

std::set<std::pair<Offset, std::uint32_t>>
as_set(const std::vector<std::pair<Offset, std::uint32_t>>& v) {
  return {v.begin(), v.end()};
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(explicit_abort_restores_bytes_and_drops_new_objects) {
  stm::ThreadScope scope;
  World w = make_world();
  const std::vector<Bytes> before = snapshot(w);
  for (std::size_t i = 0; i < before.size(); ++i) {
    auto flags = reinterpret_cast<const ObjectHeader*>(before[i].data())->flags;
    BOOST_TEST((flags & stm::kNeedsWriteBarrier) != 0, "committed object #" << i);
  }
  BOOST_TEST(first_difference(committed_snapshot(w), before) == "",
             "the view differs from the committed state");

  std::mt19937 rng(42);
  take_drops();
  record_drops.store(true);
  const stm::Statistics stats_before = stm::thread_statistics();
  std::vector<std::pair<Offset, std::uint32_t>> fresh;
  bool threw = false;
  stm::AbortCause cause = stm::AbortCause::kCount;
  std::string own_view_problem;
  stm::start_transaction();
  try {
    fresh = scribble(w, rng, std::vector<bool>(w.objects.size(), true));
    // The transaction sees its own writes.
    if (first_difference(view_snapshot(w), before) == "") own_view_problem = "writes not visible";
    stm::abort_transaction();
  } catch (const stm::TxAbort& e) {
    threw = true;
    cause = e.cause;
  }
  record_drops.store(false);
  BOOST_TEST(threw);
  BOOST_TEST(own_view_problem == "");
  BOOST_TEST((cause == stm::AbortCause::Explicit));
  BOOST_TEST(!stm::in_transaction(), "still in a transaction after TxAbort");

  // Every new object was dropped, exactly once, with its size.
  auto dropped = take_drops();
  BOOST_TEST(dropped.size() == fresh.size());
  BOOST_TEST((as_set(dropped) == as_set(fresh)), "dropped objects differ from the new ones");

  // Exact bytes back, in a new transaction's view and in the committed state. (New objects
  // are written in place on shared pages: a dropped one leaves bytes only in memory that
  // is free again, which no committed object references, as the snapshots show.)
  BOOST_TEST(first_difference(snapshot(w), before) == "");
  BOOST_TEST(first_difference(committed_snapshot(w), before) == "");

  const stm::Statistics d = difference(stm::thread_statistics(), stats_before);
  BOOST_TEST(aborts(d, stm::AbortCause::Explicit) == 1u, brief(d));
  BOOST_TEST(d.commits == 1u, brief(d)); // the snapshot transaction

  // The write locks were released: another thread writes every object at once.
  std::atomic<int> other_attempts{0};
  {
    Watchdog watchdog(60, "writing after an abort (leaked write lock?)");
    std::thread other([&] {
      stm::ThreadScope scope;
      stm::run_transaction([&] {
        other_attempts.fetch_add(1);
        for (Offset o : w.objects)
          Ref<Holder>(o).write()->pad = 99;
      });
    });
    other.join();
  }
  BOOST_TEST(other_attempts.load() == 1);
}

// Many rounds over the same objects: each round modifies a random subset and creates new
// objects, then either aborts (everything must come back) or commits (the new bytes become
// the reference).
BOOST_AUTO_TEST_CASE(abort_and_commit_rounds) {
  stm::ThreadScope scope;
  World w = make_world();
  std::vector<Bytes> reference = snapshot(w);
  std::mt19937 rng(7);
  std::uint64_t drops_expected = 0;
  const std::uint64_t drops_before = dropped_objects.load();
  for (int round = 0; round < 300; ++round) {
    std::vector<bool> chosen(w.objects.size());
    for (std::size_t i = 0; i < chosen.size(); ++i)
      chosen[i] = rng() % 3 == 0;
    bool abort = rng() % 3 != 0;
    std::vector<Bytes> written;
    std::vector<std::pair<Offset, std::uint32_t>> fresh;
    stm::start_transaction();
    try {
      fresh = scribble(w, rng, chosen);
      if (round % 5 == 0) stm::safe_point();
      written = view_snapshot(w);
      // Once committed, every object carries kNeedsWriteBarrier again.
      for (Bytes& b : written)
        reinterpret_cast<ObjectHeader*>(b.data())->flags |= stm::kNeedsWriteBarrier;
      if (abort) stm::abort_transaction();
      stm::commit_transaction();
    } catch (const stm::TxAbort& e) {
      BOOST_REQUIRE((e.cause == stm::AbortCause::Explicit));
      BOOST_REQUIRE(abort);
    }
    if (abort)
      drops_expected += fresh.size();
    else
      reference = written;
    std::string diff = first_difference(snapshot(w), reference);
    BOOST_REQUIRE_MESSAGE(diff == "",
                          "round " << round << (abort ? " (abort)" : " (commit)") << ": " << diff);
  }
  BOOST_TEST(dropped_objects.load() - drops_before == drops_expected);
}

// A transaction that modified objects, created some and read x loses to an inevitable
// transaction that writes x: it is aborted with cause ReadWrite, at the latest when it
// tries to commit, and rolled back like an explicit abort.
BOOST_AUTO_TEST_CASE(read_write_conflict_abort_restores) {
  Watchdog watchdog(60, "read_write_conflict_abort_restores");
  stm::ThreadScope scope;
  World w = make_world();
  const std::vector<Bytes> before = snapshot(w);
  std::atomic<bool> victim_ready{false}, winner_committed{false};
  std::vector<std::pair<Offset, std::uint32_t>> fresh;
  bool aborted = false, aborted_before_commit_call = false;
  stm::AbortCause cause = stm::AbortCause::kCount;
  take_drops();
  record_drops.store(true);

  std::thread victim([&] {
    stm::ThreadScope scope;
    std::mt19937 rng(3);
    stm::start_transaction();
    bool calling_commit = false;
    try {
      fresh = scribble(w, rng, std::vector<bool>(w.objects.size(), true));
      volatile Offset seen = w.x.read()->slots[0];
      (void)seen;
      victim_ready.store(true);
      spin_until([&] { return winner_committed.load(); }, 30);
      stm::safe_point();
      calling_commit = true;
      stm::commit_transaction();
    } catch (const stm::TxAbort& e) {
      aborted = true;
      aborted_before_commit_call = !calling_commit;
      cause = e.cause;
    }
  });
  std::thread winner([&] {
    stm::ThreadScope scope;
    spin_until([&] { return victim_ready.load(); }, 30);
    stm::run_transaction([&] {
      stm::become_inevitable("test: the winner");
      w.x.write()->slots[0] = 12345;
    });
    winner_committed.store(true);
  });
  victim.join();
  winner.join();
  record_drops.store(false);
  BOOST_TEST(aborted, "the reader of x committed after x was overwritten");
  BOOST_TEST((cause == stm::AbortCause::ReadWrite), "cause " << static_cast<int>(cause));
  if (!aborted_before_commit_call)
    BOOST_TEST_MESSAGE("note: the victim learnt of its abort only in commit_transaction");
  auto dropped = take_drops();
  BOOST_TEST((as_set(dropped) == as_set(fresh)), dropped.size()
                                                     << " dropped, " << fresh.size() << " created");
  std::vector<Bytes> after = snapshot(w);
  // x carries the winner's write; everything else has its old bytes.
  BOOST_TEST(reinterpret_cast<const Holder*>(after[1].data())->slots[0] == 12345u);
  after[1] = before[1];
  BOOST_TEST(first_difference(after, before) == "");
}

// A younger transaction that wants the write lock of an object an older running
// transaction has written loses (WriteWrite) and is rolled back; the older one commits.
BOOST_AUTO_TEST_CASE(write_write_conflict_abort_restores) {
  Watchdog watchdog(60, "write_write_conflict_abort_restores");
  stm::ThreadScope scope;
  World w = make_world();
  const std::vector<Bytes> before = snapshot(w);
  std::atomic<bool> old_started{false}, young_started{false}, x_locked{false}, young_done{false};
  std::atomic<bool> old_committed{false};
  std::vector<std::pair<Offset, std::uint32_t>> fresh;
  bool young_aborted = false, old_had_committed = false, old_aborted = false;
  stm::AbortCause cause = stm::AbortCause::kCount;
  take_drops();
  record_drops.store(true);

  std::thread old_thread([&] {
    stm::ThreadScope scope;
    stm::start_transaction();
    try {
      old_started.store(true);
      spin_until([&] { return young_started.load(); }, 30);
      w.x.write()->slots[1] = 777;
      x_locked.store(true);
      spin_until([&] { return young_done.load(); }, 10);
      stm::commit_transaction();
      old_committed.store(true);
    } catch (const stm::TxAbort&) {
      old_aborted = true;
    }
  });
  std::thread young_thread([&] {
    stm::ThreadScope scope;
    spin_until([&] { return old_started.load(); }, 30);
    stm::start_transaction();
    try {
      young_started.store(true);
      spin_until([&] { return x_locked.load(); }, 30);
      std::mt19937 rng(5);
      fresh = scribble(w, rng, std::vector<bool>(w.objects.size(), true));
      w.x.write()->slots[2] = 888;
      // Not aborted: either it waited for the older one's commit, or two transactions
      // hold the same write lock.
      old_had_committed = old_committed.load();
      stm::abort_transaction();
    } catch (const stm::TxAbort& e) {
      young_aborted = true;
      cause = e.cause;
    }
    young_done.store(true);
  });
  old_thread.join();
  young_thread.join();
  record_drops.store(false);
  BOOST_TEST(!old_aborted, "the older writer was aborted");
  BOOST_TEST((cause == stm::AbortCause::WriteWrite),
             "the younger writer was not aborted by the write barrier (cause "
                 << static_cast<int>(cause) << ", older had committed: " << old_had_committed
                 << ")");
  BOOST_TEST(young_aborted);
  auto dropped = take_drops();
  BOOST_TEST((as_set(dropped) == as_set(fresh)));
  std::vector<Bytes> after = snapshot(w);
  const Holder* x = reinterpret_cast<const Holder*>(after[1].data());
  BOOST_TEST(x->slots[1] == 777u);
  BOOST_TEST(x->slots[2] == 0u, "the younger writer's write to x survived");
  after[1] = before[1];
  BOOST_TEST(first_difference(after, before) == "");
}
