// tests/stm/test_isolation.cc - a transaction's writes are invisible to every other thread
// until it commits, then visible to all; a view changes only at safe points, and only
// consistently.
#define BOOST_TEST_MODULE stm_isolation
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <array>
#include <thread>
#include <vector>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

// Cells (test_heap.h) of several sizes: `value` right after the header, `tail` in the last
// 8 bytes (on another page than `value` for the big ones), `ref` a reference slot.

std::int64_t& tail_of(char* object) {
  auto* header = reinterpret_cast<ObjectHeader*>(object);
  return *reinterpret_cast<std::int64_t*>(object + header->size - 8);
}
std::int64_t tail_of(const char* object) {
  return tail_of(const_cast<char*>(object));
}

constexpr std::size_t kCells = 8;
constexpr std::size_t kCellSizes[kCells] = {32, 32, 48, 6000, 32, 64, 9000, 32};

struct Snapshot {
  std::int64_t value = 0;
  std::int64_t tail = 0;
  Offset ref = 0;
  std::int64_t ref_value = 0;
};

std::array<Snapshot, kCells> read_cells(const std::vector<Ref<Cell>>& cells) {
  std::array<Snapshot, kCells> seen;
  for (std::size_t i = 0; i < kCells; ++i) {
    const Cell* c = cells[i].read();
    seen[i].value = c->value;
    seen[i].tail = tail_of(reinterpret_cast<const char*>(c));
    seen[i].ref = c->ref;
    if (c->ref) seen[i].ref_value = Ref<Cell>(c->ref).read()->value;
  }
  return seen;
}

std::vector<Ref<Cell>> make_cells(std::int64_t base) {
  std::vector<Ref<Cell>> cells;
  stm::run_transaction([&] {
    cells.clear();
    for (std::size_t i = 0; i < kCells; ++i) {
      Ref<Cell> c = make<Cell>(1, kCellSizes[i]);
      BOOST_REQUIRE(c);
      c.fresh()->value = base + static_cast<std::int64_t>(i);
      tail_of(reinterpret_cast<char*>(c.fresh())) = -(base + static_cast<std::int64_t>(i));
      cells.push_back(c);
    }
  });
  return cells;
}

// Two committed cells with the given values, on the same page.
std::pair<Ref<Cell>, Ref<Cell>> two_cells_on_one_page(std::int64_t a_value, std::int64_t b_value) {
  Ref<Cell> a, b;
  for (int tries = 0; tries < 16; ++tries) {
    stm::run_transaction([&] {
      a = make<Cell>();
      b = make<Cell>();
      a.fresh()->value = a_value;
      b.fresh()->value = b_value;
    });
    if (a.offset() / stm::kPageSize == b.offset() / stm::kPageSize) break;
  }
  BOOST_REQUIRE(a.offset() / stm::kPageSize == b.offset() / stm::kPageSize);
  return {a, b};
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(committed_objects_need_the_write_barrier) {
  stm::ThreadScope scope;
  auto cells = make_cells(10);
  std::vector<std::uint16_t> flags;
  stm::run_transaction([&] {
    flags.clear();
    for (auto& c : cells)
      flags.push_back(c.read()->header.flags);
  });
  for (std::size_t i = 0; i < kCells; ++i)
    BOOST_TEST((flags[i] & stm::kNeedsWriteBarrier) != 0, "cell " << i << " flags " << flags[i]);
  // The first write barrier clears it in the writer's view; commit sets it again.
  std::uint16_t after_write = 0;
  stm::run_transaction([&] { after_write = cells[0].write()->header.flags; });
  BOOST_TEST((after_write & stm::kNeedsWriteBarrier) == 0);
  std::uint16_t after_commit = 0;
  stm::run_transaction([&] { after_commit = cells[0].read()->header.flags; });
  BOOST_TEST((after_commit & stm::kNeedsWriteBarrier) != 0);
}

// One writer, three readers. The writer writes every cell (big ones on two pages) and links
// a new object, then waits inside its transaction until each reader has run a whole
// transaction that reads everything: they must all see the old state. Then the writer
// commits and each reader's next transaction must see the whole new state.
BOOST_AUTO_TEST_CASE(writes_invisible_until_commit_then_visible_to_all) {
  constexpr int kReaders = 3;
  constexpr int kRounds = 20;
  Watchdog watchdog(120, "writes_invisible_until_commit");
  stm::ThreadScope scope;
  std::vector<Ref<Cell>> cells = make_cells(0);
  Failures failures;
  std::atomic<int> written{0};      // round whose writes are done (uncommitted)
  std::atomic<int> committed{0};    // round whose writes are committed
  std::atomic<int> readers_done{0}; // readers that read the old state of the current round

  auto expected_old = [](int round, std::size_t i) { return 1000 * round + static_cast<int>(i); };

  std::thread writer([&] {
    stm::ThreadScope scope;
    for (int round = 1; round <= kRounds; ++round) {
      int attempts = 0;
      stm::run_transaction([&] {
        ++attempts;
        Ref<Cell> fresh = make<Cell>();
        fresh.fresh()->value = 777 + round;
        for (std::size_t i = 0; i < kCells; ++i) {
          Cell* c = cells[i].write();
          c->value = 1000 * round + static_cast<std::int64_t>(i);
          tail_of(reinterpret_cast<char*>(c)) = -(1000 * round + static_cast<std::int64_t>(i));
          c->ref = i == 0 ? fresh.offset() : 0;
        }
        // Read-your-writes.
        auto mine = read_cells(cells);
        for (std::size_t i = 0; i < kCells; ++i)
          if (mine[i].value != 1000 * round + static_cast<std::int64_t>(i))
            failures.add("writer does not see its own write");
        if (mine[0].ref_value != 777 + round) failures.add("writer does not see its new object");
        written.store(round);
        if (!spin_until([&] { return readers_done.load() == kReaders; }, 30))
          failures.add("round " + std::to_string(round) + ": readers did not finish");
      });
      readers_done.store(0);
      committed.store(round);
      if (attempts != 1)
        failures.add("writer aborted without contention, attempts " + std::to_string(attempts));
      // Everyone must have seen this round before the next one starts.
      spin_until([&] { return readers_done.load() == kReaders; }, 30);
      readers_done.store(0);
    }
  });

  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      stm::ThreadScope scope;
      for (int round = 1; round <= kRounds; ++round) {
        spin_until([&] { return written.load() >= round; }, 30);
        std::array<Snapshot, kCells> seen{};
        stm::run_transaction([&] { seen = read_cells(cells); });
        for (std::size_t i = 0; i < kCells; ++i) {
          if (seen[i].value != expected_old(round - 1, i) ||
              seen[i].tail != -expected_old(round - 1, i))
            failures.add("reader " + std::to_string(r) + " round " + std::to_string(round) +
                         ": saw uncommitted value " + std::to_string(seen[i].value) + "/" +
                         std::to_string(seen[i].tail) + " in cell " + std::to_string(i));
        }
        if (round > 1 && seen[0].ref_value != 777 + round - 1)
          failures.add("reader saw the wrong new object before commit");
        readers_done.fetch_add(1);
        spin_until([&] { return committed.load() >= round; }, 30);
        stm::run_transaction([&] { seen = read_cells(cells); });
        for (std::size_t i = 0; i < kCells; ++i) {
          if (seen[i].value != expected_old(round, i) || seen[i].tail != -expected_old(round, i))
            failures.add("reader " + std::to_string(r) + " round " + std::to_string(round) +
                         ": committed value not visible in cell " + std::to_string(i) + " (saw " +
                         std::to_string(seen[i].value) + ")");
        }
        if (seen[0].ref == 0 || seen[0].ref_value != 777 + round)
          failures.add("reader does not see the committed new object");
        readers_done.fetch_add(1);
      }
    });
  }
  writer.join();
  for (auto& t : readers)
    t.join();
  BOOST_TEST(failures.count() == 0, failures.summary());

  // And the main thread sees the last round.
  std::array<Snapshot, kCells> seen{};
  stm::run_transaction([&] { seen = read_cells(cells); });
  for (std::size_t i = 0; i < kCells; ++i)
    BOOST_TEST(seen[i].value == expected_old(kRounds, i));
}

// A running transaction that has not read an object sees another thread's commit to it
// once it passes a safe point, even when it holds a private copy of the object's page (it
// wrote a neighbour on that page); its own write survives, and its later commit does not
// write the stale neighbour back.
BOOST_AUTO_TEST_CASE(commit_reaches_running_views_holding_a_private_page) {
  Watchdog watchdog(60, "commit_reaches_running_views");
  stm::ThreadScope scope;
  auto [a, b] = two_cells_on_one_page(1, 2);

  Failures failures;
  std::atomic<bool> b_written{false}, a_committed{false};
  std::int64_t a_before = -1, a_after = -1, b_after = -1;
  int attempts = 0;
  std::thread other([&] {
    stm::ThreadScope scope;
    stm::run_transaction([&] {
      ++attempts;
      b.write()->value = 20;
      b_written.store(true);
      if (!spin_until([&] { return a_committed.load(); }, 30))
        failures.add("writer of a did not commit");
      stm::safe_point();
      a_after = a.read()->value;
      b_after = b.read()->value;
    });
  });
  spin_until([&] { return b_written.load(); }, 30);
  stm::run_transaction([&] {
    a_before = a.read()->value;
    a.write()->value = 10;
  });
  a_committed.store(true);
  other.join();
  BOOST_TEST(failures.count() == 0, failures.summary());
  BOOST_TEST(attempts == 1);
  BOOST_TEST(a_before == 1);
  BOOST_TEST(a_after == 10, "the running view did not receive the commit to its private page");
  BOOST_TEST(b_after == 20, "the running view lost its own write");
  std::int64_t a_final = -1, b_final = -1;
  stm::run_transaction([&] {
    a_final = a.read()->value;
    b_final = b.read()->value;
  });
  BOOST_TEST(a_final == 10, "a later commit of the same page wrote a stale neighbour back");
  BOOST_TEST(b_final == 20);
}

// Commits take no lock unless they decide against a reader, so a commit may copy into a
// page at the moment another view makes that page private. The copy must reach the new
// private copy: each round, the pages go back to shared (as at a collection), one thread
// writes cell 0 (privatizing the page in its view) while another keeps committing new
// values to cell 1 on the same page. A value of cell 1 that the writer's view reads after
// a commit has finished must be at least that commit's. (With commits that skip views'
// private copies, about 500 of 3000 rounds read stale values. The window that the
// `privatizing` flag closes, between a copy's look at the page's row and its memcpy, is a
// few nanoseconds: this test did not hit it in 30000 rounds without the flag.)
BOOST_AUTO_TEST_CASE(commits_reach_a_page_made_private_meanwhile) {
  Watchdog watchdog(60, "commits_reach_a_page_made_private_meanwhile");
  stm::ThreadScope scope;
  auto [a, b] = two_cells_on_one_page(0, 0);

  std::atomic<std::int64_t> committed{0}; // the last value of b whose commit returned
  std::atomic<bool> stop{false};
  std::thread committer([&] {
    stm::ThreadScope scope;
    for (std::int64_t n = 1; !stop.load(); ++n) {
      stm::run_transaction([&] { b.write()->value = n; });
      committed.store(n);
    }
  });
  int stale = 0, rounds = 0;
  std::int64_t worst_gap = 0;
  for (; rounds < 3000; ++rounds) {
    // As much allocated each round as any heap spans: the views also drop their
    // page-table entries every time, which must not make a read stale either.
    stm::with_world_stopped(
        [](void* round) {
          stm::share_unwritten_pages(std::uint64_t(*static_cast<int*>(round) + 1) << 40);
        },
        &rounds);
    std::int64_t seen = 0, floor = 0;
    stm::run_transaction([&] {
      a.write()->value = rounds;
      floor = committed.load();
      seen = b.read()->value;
    });
    if (seen < floor) {
      ++stale;
      worst_gap = std::max(worst_gap, floor - seen);
    }
  }
  stop.store(true);
  committer.join();
  BOOST_TEST(stale == 0, stale << " of " << rounds
                               << " rounds read a value of b older than a finished commit "
                                  "(by up to "
                               << worst_gap << ")");
  std::int64_t final_b = -1;
  stm::run_transaction([&] { final_b = b.read()->value; });
  BOOST_TEST(final_b == committed.load());
}

// Repeatable and consistent reads: two cells are always written together with equal
// values by committing writers; a reader re-reads both around many safe points. Within
// one attempt (aborted or not) it must never see them differ, nor see a value change.
BOOST_AUTO_TEST_CASE(reads_are_repeatable_and_consistent) {
  constexpr int kWriters = 2;
  constexpr int kReaderTransactions = 200;
  Watchdog watchdog(120, "reads_are_repeatable_and_consistent");
  stm::ThreadScope scope;
  std::vector<Ref<Cell>> cells = make_cells(0);
  stm::run_transaction([&] {
    cells[1].write()->value = 0;
    cells[3].write()->value = 0; // the big one: another page
  });
  Failures failures;
  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> writer_commits{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&] {
      stm::ThreadScope scope;
      while (!stop.load()) {
        stm::run_transaction([&] {
          std::int64_t v = cells[1].read()->value + 1;
          cells[1].write()->value = v;
          stm::safe_point();
          cells[3].write()->value = v;
        });
        writer_commits.fetch_add(1);
      }
    });
  }
  std::uint64_t reader_attempts = 0, reader_commits = 0;
  threads.emplace_back([&] {
    stm::ThreadScope scope;
    for (int t = 0; t < kReaderTransactions; ++t) {
      stm::run_transaction([&] {
        ++reader_attempts;
        std::int64_t first = cells[1].read()->value;
        for (int i = 0; i < 50; ++i) {
          stm::safe_point();
          std::int64_t x = cells[1].read()->value;
          stm::safe_point();
          std::int64_t y = cells[3].read()->value;
          if (x != y || x != first) {
            failures.add("inconsistent view: first " + std::to_string(first) + " then " +
                         std::to_string(x) + "/" + std::to_string(y));
            break;
          }
          std::this_thread::yield();
        }
      });
      ++reader_commits;
    }
    stop.store(true);
  });
  for (auto& t : threads)
    t.join();
  BOOST_TEST(failures.count() == 0, failures.summary());
  BOOST_TEST_MESSAGE("reader: " << reader_commits << " commits in " << reader_attempts
                                << " attempts; writers: " << writer_commits.load() << " commits");
  BOOST_TEST_MESSAGE("statistics: " << brief(stm::total_statistics()));
  std::int64_t x = -1, y = -2;
  stm::run_transaction([&] {
    x = cells[1].read()->value;
    y = cells[3].read()->value;
  });
  BOOST_TEST(x == y);
  BOOST_TEST(x == static_cast<std::int64_t>(writer_commits.load()), "lost update");
}
