// tests/stm/test_range_write.cc - write_barrier_range: a large object logs only the pages
// a transaction wrote.
//
// Commit copies exactly the written pages (cut to the object's bytes) into the committed
// state and into every view holding private copies of them; abort restores exactly the
// committed bytes; a plain write_barrier after range writes logs the object whole; range
// and plain writers of one object meet the same write lock (write-write conflicts) and
// readers of it conflict with a range writer's commit; small and new objects take the
// old paths. A randomized round checks serializability of range writes as
// test_serializability does for plain ones.
#define BOOST_TEST_MODULE stm_range_write
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

constexpr std::uint16_t kBlobType = 21;
constexpr std::size_t kCellsAt = 16; // first cell of a big object: after the header and a pad

// A page run holding [before | big | after]: `big` starts `lead` bytes into its first page,
// so its first and last pages are shared with the small neighbours.
struct Trio {
  Offset before = 0, big = 0, after = 0;
  std::size_t big_size = 0;
};

Offset place(Offset at, std::size_t size) {
  char* p = stm::view_address(at);
  std::memset(p, 0, size);
  auto* header = reinterpret_cast<ObjectHeader*>(p);
  header->size = static_cast<std::uint32_t>(size);
  header->type_id = kBlobType;
  stm::note_new_object(at, static_cast<std::uint32_t>(size));
  return at;
}

std::int64_t pattern(std::size_t cell) {
  return static_cast<std::int64_t>(cell * 2654435761u + 17);
}

std::int64_t* cells(Offset big) {
  return reinterpret_cast<std::int64_t*>(stm::view_address(big) + kCellsAt);
}
std::size_t cell_count(const Trio& t) {
  return (t.big_size - kCellsAt) / 8;
}

// Commits a trio whose big object holds pattern(i) in cell i.
Trio make_trio(std::size_t big_size, std::size_t lead = 1024) {
  Trio t;
  t.big_size = big_size;
  std::size_t pages = (lead + big_size + 1024 + stm::kPageSize - 1) / stm::kPageSize;
  stm::run_transaction([&] {
    Offset first = stm::allocate_pages(pages);
    must(first != 0, "heap exhausted");
    t.before = place(first, lead);
    t.big = place(first + lead, big_size);
    t.after = place(first + lead + big_size, 1024);
    for (std::size_t i = 0; i < cell_count(t); ++i)
      cells(t.big)[i] = pattern(i);
  });
  return t;
}

void range_write(Offset big, std::size_t cell, std::int64_t value) {
  stm::write_barrier_range(big, kCellsAt + cell * 8, 8);
  cells(big)[cell] = value;
}

std::int64_t read_cell(Offset big, std::size_t cell) {
  stm::read_barrier(big);
  return cells(big)[cell];
}

std::int64_t committed_cell(Offset big, std::size_t cell) {
  return reinterpret_cast<const std::int64_t*>(stm::segment_base(0) + big + kCellsAt)[cell];
}

// Every view's bytes of [object, object+size) equal the committed ones (nobody is
// writing it; pages a view never wrote follow the committed state by construction).
struct ViewsProbe {
  Offset object;
  std::size_t size;
  std::string error;
};
std::string views_agree(Offset object, std::size_t size) {
  ViewsProbe probe{object, size, ""};
  stm::with_world_stopped(
      [](void* arg) {
        auto* p = static_cast<ViewsProbe*>(arg);
        const char* committed = stm::segment_base(0) + p->object;
        for (unsigned view = 1; view <= stm::segment_count(); ++view) {
          const char* mine = stm::segment_base(view) + p->object;
          for (std::size_t i = 0; i < p->size; ++i)
            if (mine[i] != committed[i]) {
              p->error = "view " + std::to_string(view) + " byte " + std::to_string(i);
              return;
            }
        }
      },
      &probe);
  return probe.error;
}

std::uint16_t committed_flags(Offset object) {
  return reinterpret_cast<const ObjectHeader*>(stm::segment_base(0) + object)->flags;
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

// Two distant writes commit; every other committed byte is left alone, in particular a
// clean chunk of a dirty page that this view scribbled on behind the barrier's back (so
// commit copied chunks, not the page), and a neighbour on a shared page that another
// running transaction writes.
BOOST_AUTO_TEST_CASE(distant_writes_commit_only_their_pages) {
  Watchdog watchdog(60, "distant_writes_commit_only_their_pages");
  stm::ThreadScope scope;
  Trio t = make_trio(200000); // 49 pages, starting 1 KiB into its first
  const std::size_t n = cell_count(t);
  // On the first page, which the write of cell 0 makes private, 2 KiB past that cell's
  // chunk (a page the range writes do not touch is shared: a write there would land in
  // the committed state directly).
  const std::size_t middle = 256;
  std::atomic<int> step{0};
  Failures failures;

  std::thread neighbour([&] {
    stm::ThreadScope scope;
    stm::start_transaction();
    try {
      // The neighbours share the big object's first and last page: both pages are private
      // in this view while the main thread commits.
      stm::write_barrier(t.before);
      reinterpret_cast<std::int64_t*>(stm::view_address(t.before) + 16)[0] = 111;
      stm::write_barrier(t.after);
      reinterpret_cast<std::int64_t*>(stm::view_address(t.after) + 16)[0] = 222;
      step.store(1);
      spin_until([&] { return step.load() == 2; }, 30);
      stm::safe_point();
      if (reinterpret_cast<std::int64_t*>(stm::view_address(t.before) + 16)[0] != 111 ||
          reinterpret_cast<std::int64_t*>(stm::view_address(t.after) + 16)[0] != 222)
        failures.add("the commit overwrote a neighbour written by a running transaction");
      if (read_cell(t.big, 0) != -1 || read_cell(t.big, n - 1) != -2)
        failures.add("the running transaction does not see the committed range writes");
      stm::commit_transaction();
    } catch (const stm::TxAbort& e) {
      failures.add(std::string("the neighbour aborted: ") + cause_name(e.cause));
    }
  });
  spin_until([&] { return step.load() == 1; }, 30);
  stm::run_transaction([&] {
    range_write(t.big, 0, -1);
    range_write(t.big, n - 1, -2);
    // Behind the barrier's back: if commit copied this page, the committed state shows it.
    cells(t.big)[middle] = -3;
  });
  step.store(2);
  neighbour.join();
  BOOST_TEST(failures.count() == 0u, failures.summary());
  BOOST_TEST(committed_cell(t.big, 0) == -1);
  BOOST_TEST(committed_cell(t.big, n - 1) == -2);
  BOOST_TEST(committed_cell(t.big, middle) == pattern(middle), "a clean chunk was copied");
  std::size_t wrong = 0;
  for (std::size_t i = 1; i + 1 < n; ++i)
    if (i != middle && committed_cell(t.big, i) != pattern(i)) ++wrong;
  BOOST_TEST(wrong == 0u);
  BOOST_TEST((committed_flags(t.big) & stm::kNeedsWriteBarrier) != 0);
  // Undo the scribble (this view kept it: the page is private to the kernel only).
  stm::run_transaction([&] { range_write(t.big, middle, pattern(middle)); });
  BOOST_TEST(views_agree(t.big, t.big_size) == "");
  stm::run_transaction([&] {
    stm::read_barrier(t.before);
    stm::read_barrier(t.after);
    BOOST_TEST(reinterpret_cast<std::int64_t*>(stm::view_address(t.before) + 16)[0] == 111);
    BOOST_TEST(reinterpret_cast<std::int64_t*>(stm::view_address(t.after) + 16)[0] == 222);
  });
}

// Views that hold private copies of some pages (from their own earlier range writes)
// receive every later commit of those pages; the others follow the committed state.
BOOST_AUTO_TEST_CASE(views_with_private_pages_receive_dirty_pages) {
  Watchdog watchdog(60, "views_with_private_pages_receive_dirty_pages");
  stm::ThreadScope scope;
  Trio t = make_trio(100000, 512);
  const std::size_t n = cell_count(t);
  std::vector<std::thread> threads;
  for (int k = 0; k < 3; ++k)
    threads.emplace_back([&, k] {
      stm::ThreadScope scope;
      for (int round = 0; round < 50; ++round)
        stm::run_transaction([&] {
          std::size_t cell = (static_cast<std::size_t>(k) * 1000 + round * 37) % n;
          range_write(t.big, cell, read_cell(t.big, cell) + 1);
        });
    });
  for (auto& th : threads)
    th.join();
  BOOST_TEST(views_agree(t.big, t.big_size) == "");
  for (std::size_t cell : {std::size_t{0}, std::size_t{1000}, std::size_t{2000}, n - 1})
    stm::run_transaction([&] { range_write(t.big, cell, -7); });
  BOOST_TEST(views_agree(t.big, t.big_size) == "");
  std::thread reader([&] {
    stm::ThreadScope scope;
    stm::run_transaction([&] {
      for (std::size_t cell : {std::size_t{0}, std::size_t{1000}, std::size_t{2000}, n - 1})
        must(read_cell(t.big, cell) == -7, "a view missed a committed range write");
    });
  });
  reader.join();
}

// An aborted range write gives back exactly the committed bytes, frees the lock and
// leaves the flag set.
BOOST_AUTO_TEST_CASE(abort_restores_committed_bytes) {
  stm::ThreadScope scope;
  Trio t = make_trio(64 * 1024 + 48, 2048);
  const std::size_t n = cell_count(t);
  stm::start_transaction();
  try {
    range_write(t.big, 3, 1);
    range_write(t.big, n / 3, 2);
    range_write(t.big, n - 1, 3);
    stm::write_barrier_range(t.big, kCellsAt + 8 * (n / 3 - 600), 8 * 1200); // several pages
    std::memset(stm::view_address(t.big) + kCellsAt + 8 * (n / 3 - 600), 0x5a, 8 * 1200);
    stm::abort_transaction();
  } catch (const stm::TxAbort& e) {
    BOOST_TEST((e.cause == stm::AbortCause::Explicit));
  }
  stm::run_transaction([&] {
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (read_cell(t.big, i) != pattern(i)) ++wrong;
    BOOST_TEST(wrong == 0u);
    auto* h = reinterpret_cast<const ObjectHeader*>(stm::view_address(t.big));
    BOOST_TEST((h->flags & stm::kNeedsWriteBarrier) != 0);
    BOOST_TEST(!stm::is_new_object(t.big));
  });
  BOOST_TEST(views_agree(t.big, t.big_size) == "");
  // The lock is free: another thread writes it without a conflict.
  const stm::Statistics before = stm::total_statistics();
  std::thread other([&] {
    stm::ThreadScope scope;
    stm::run_transaction([&] { range_write(t.big, 5, 55); });
  });
  other.join();
  BOOST_TEST(difference(stm::total_statistics(), before).total_aborts() == 0u);
  BOOST_TEST(committed_cell(t.big, 5) == 55);
}

// A range write and then a plain write_barrier in one transaction: the whole object is
// logged, so writes on pages no range write covered commit too, and abort restores all.
BOOST_AUTO_TEST_CASE(range_then_full_barrier_logs_whole_object) {
  stm::ThreadScope scope;
  Trio t = make_trio(80000);
  const std::size_t n = cell_count(t);
  stm::run_transaction([&] {
    range_write(t.big, 1, 10);
    stm::write_barrier(t.big);
    cells(t.big)[n / 2] = 20;
    range_write(t.big, n - 2, 30); // no-op barrier now: the object is logged whole
  });
  BOOST_TEST(committed_cell(t.big, 1) == 10);
  BOOST_TEST(committed_cell(t.big, n / 2) == 20);
  BOOST_TEST(committed_cell(t.big, n - 2) == 30);
  BOOST_TEST((committed_flags(t.big) & stm::kNeedsWriteBarrier) != 0);
  BOOST_TEST(views_agree(t.big, t.big_size) == "");
  stm::start_transaction();
  try {
    range_write(t.big, 1, 11);
    stm::write_barrier(t.big);
    cells(t.big)[n / 2] = 21;
    stm::abort_transaction();
  } catch (const stm::TxAbort&) {
  }
  BOOST_TEST(committed_cell(t.big, 1) == 10);
  BOOST_TEST(committed_cell(t.big, n / 2) == 20);
  BOOST_TEST(views_agree(t.big, t.big_size) == "");
}

// Small objects take the plain barrier (the flag is cleared); objects the transaction
// created take none (no lock, no log).
BOOST_AUTO_TEST_CASE(small_and_new_objects) {
  stm::ThreadScope scope;
  Offset small = 0;
  stm::run_transaction([&] { small = allocate(kBlobType, 4096); });
  stm::run_transaction([&] {
    stm::write_barrier_range(small, 104, 8);
    auto* h = reinterpret_cast<ObjectHeader*>(stm::view_address(small));
    BOOST_TEST((h->flags & stm::kNeedsWriteBarrier) == 0);
    reinterpret_cast<std::int64_t*>(stm::view_address(small) + 96)[1] = 99;
  });
  BOOST_TEST(reinterpret_cast<const std::int64_t*>(stm::segment_base(0) + small + 96)[1] == 99);
  Offset big = 0;
  stm::run_transaction([&] {
    big = allocate(kBlobType, 50000);
    range_write(big, 3, 4);
    BOOST_TEST(stm::is_new_object(big));
    cells(big)[5000] = 6; // a new object is copied out whole
  });
  BOOST_TEST(committed_cell(big, 3) == 4);
  BOOST_TEST(committed_cell(big, 5000) == 6);
  BOOST_TEST(!stm::is_new_object(big));
}

// A range writer and a plain writer of one object meet the same lock: the younger one
// loses (WriteWrite), is rolled back, and its retry commits after the older one.
// Both orders of who uses which barrier.
BOOST_AUTO_TEST_CASE(write_write_conflict_between_range_and_plain_writes) {
  Watchdog watchdog(120, "write_write_conflict_between_range_and_plain_writes");
  stm::ThreadScope scope;
  for (int older_uses_range = 0; older_uses_range < 2; ++older_uses_range) {
    Trio t = make_trio(40000);
    const std::size_t n = cell_count(t);
    std::atomic<bool> old_started{false}, young_started{false}, locked{false};
    std::atomic<bool> old_may_commit{false};
    int young_attempts = 0;
    stm::AbortCause first_cause = stm::AbortCause::kCount;
    auto write = [&](bool range, std::size_t cell, std::int64_t value) {
      if (range) {
        range_write(t.big, cell, value);
      } else {
        stm::write_barrier(t.big);
        cells(t.big)[cell] = value;
      }
    };
    std::thread old_thread([&] {
      stm::ThreadScope scope;
      stm::run_transaction([&] {
        old_started.store(true);
        spin_until([&] { return young_started.load(); }, 30);
        write(older_uses_range, 1, 100);
        locked.store(true);
        spin_until([&] { return old_may_commit.load(); }, 30);
      });
    });
    std::thread young_thread([&] {
      stm::ThreadScope scope;
      spin_until([&] { return old_started.load(); }, 30);
      for (;;) {
        stm::start_transaction();
        try {
          ++young_attempts;
          young_started.store(true);
          spin_until([&] { return locked.load(); }, 30);
          write(!older_uses_range, n - 1, 200);
          stm::commit_transaction();
          break;
        } catch (const stm::TxAbort& e) {
          if (first_cause == stm::AbortCause::kCount) first_cause = e.cause;
          old_may_commit.store(true);
        }
      }
      old_may_commit.store(true);
    });
    old_thread.join();
    young_thread.join();
    BOOST_TEST(young_attempts >= 2, "older uses range: " << older_uses_range);
    BOOST_TEST((first_cause == stm::AbortCause::WriteWrite), "cause " << int(first_cause));
    BOOST_TEST(committed_cell(t.big, 1) == 100);
    BOOST_TEST(committed_cell(t.big, n - 1) == 200);
    BOOST_TEST(views_agree(t.big, t.big_size) == "");
  }
}

// A transaction that read a large object loses to an inevitable range writer's commit:
// read markers are per object, so reading any part of it conflicts.
BOOST_AUTO_TEST_CASE(reader_conflicts_with_range_commit) {
  Watchdog watchdog(60, "reader_conflicts_with_range_commit");
  stm::ThreadScope scope;
  Trio t = make_trio(40000);
  const std::size_t n = cell_count(t);
  std::atomic<bool> read_done{false}, committed{false};
  stm::AbortCause cause = stm::AbortCause::kCount;
  std::thread reader([&] {
    stm::ThreadScope scope;
    stm::start_transaction();
    try {
      volatile std::int64_t seen = read_cell(t.big, n - 1);
      (void)seen;
      read_done.store(true);
      spin_until([&] { return committed.load(); }, 30);
      stm::safe_point();
      stm::commit_transaction();
    } catch (const stm::TxAbort& e) {
      cause = e.cause;
    }
  });
  spin_until([&] { return read_done.load(); }, 30);
  stm::run_transaction([&] {
    stm::become_inevitable("test: range writer");
    range_write(t.big, 0, 1); // another page than the one read
  });
  committed.store(true);
  reader.join();
  BOOST_TEST((cause == stm::AbortCause::ReadWrite), "cause " << int(cause));
}

// Randomized: K threads range-write random cells of one large object (near each other,
// so pages overlap, or far apart), sometimes with a plain barrier, sometimes aborting;
// each updating transaction chains through a sequencer as in test_serializability. The
// committed history replayed on a model reproduces every value read.
namespace {

struct Sequencer {
  ObjectHeader header;
  std::uint64_t last;
  std::uint64_t count;
};

struct Op {
  bool write;
  std::uint32_t cell;
  std::int64_t value;
};

struct TxRecord {
  std::uint64_t id = 0, prev = 0;
  std::vector<Op> ops;
};

void stress_round(int threads, std::uint64_t seed, int per_thread) {
  Trio t = make_trio(30 * stm::kPageSize + 208, 400);
  const std::size_t n = cell_count(t);
  Ref<Sequencer> seq;
  stm::run_transaction([&] { seq = make<Sequencer>(kBlobType); });
  std::vector<std::vector<TxRecord>> committed(static_cast<std::size_t>(threads));
  Failures failures;
  {
    Watchdog watchdog(240, "range stress seed " + std::to_string(seed));
    StartGate gate(threads);
    std::vector<std::thread> workers;
    for (int k = 0; k < threads; ++k)
      workers.emplace_back([&, k] {
        stm::ThreadScope scope;
        gate.arrive_and_wait();
        std::mt19937_64 rng(seed * 7919 + static_cast<std::uint64_t>(k));
        std::uint64_t counter = 0;
        for (int i = 0; i < per_thread; ++i) {
          for (;;) {
            TxRecord rec;
            rec.id = (static_cast<std::uint64_t>(k + 1) << 40) | ++counter;
            int ops = 1 + static_cast<int>(rng() % 6);
            bool abort_it = rng() % 20 == 0;
            std::size_t home = rng() % n;
            stm::start_transaction();
            try {
              for (int o = 0; o < ops; ++o) {
                std::size_t cell = rng() % 3 ? (home + rng() % 700) % n : rng() % n;
                std::int64_t v = read_cell(t.big, cell);
                rec.ops.push_back({false, static_cast<std::uint32_t>(cell), v});
                if (rng() % 4) {
                  v = (v * 3 + static_cast<std::int64_t>(rng() % 1000)) % 1000003;
                  if (rng() % 10 == 0) {
                    stm::write_barrier(t.big);
                    cells(t.big)[cell] = v;
                  } else {
                    range_write(t.big, cell, v);
                  }
                  rec.ops.push_back({true, static_cast<std::uint32_t>(cell), v});
                }
                stm::safe_point();
              }
              if (abort_it && !stm::is_inevitable()) stm::abort_transaction();
              Sequencer* s = seq.write();
              rec.prev = s->last;
              s->last = rec.id;
              s->count += 1;
              stm::commit_transaction();
            } catch (const stm::TxAbort&) {
              if (stm::in_transaction()) failures.add("in a transaction after TxAbort");
              continue;
            }
            committed[static_cast<std::size_t>(k)].push_back(std::move(rec));
            break;
          }
        }
      });
    for (auto& w : workers)
      w.join();
  }
  BOOST_REQUIRE_MESSAGE(failures.count() == 0, failures.summary());
  std::unordered_map<std::uint64_t, const TxRecord*> by_prev;
  std::size_t total = 0;
  for (auto& list : committed)
    for (auto& rec : list) {
      ++total;
      BOOST_REQUIRE_MESSAGE(by_prev.emplace(rec.prev, &rec).second, "two successors of a commit");
    }
  std::vector<std::int64_t> model(n);
  for (std::size_t i = 0; i < n; ++i)
    model[i] = pattern(i);
  std::uint64_t last = 0;
  for (std::size_t pos = 0; pos < total; ++pos) {
    auto it = by_prev.find(last);
    BOOST_REQUIRE_MESSAGE(it != by_prev.end(), "the chain breaks at " << pos);
    for (const Op& op : it->second->ops) {
      if (op.write) {
        model[op.cell] = op.value;
      } else if (model[op.cell] != op.value) {
        BOOST_REQUIRE_MESSAGE(false, "position " << pos << " read cell " << op.cell << " = "
                                                 << op.value << ", model " << model[op.cell]);
      }
    }
    last = it->second->id;
  }
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (committed_cell(t.big, i) != model[i]) ++wrong;
  BOOST_TEST(wrong == 0u, "seed " << seed);
  BOOST_TEST(views_agree(t.big, t.big_size) == "");
  BOOST_TEST_MESSAGE("seed " << seed << ": " << total << " committed");
}

} // namespace

BOOST_AUTO_TEST_CASE(stress_two_threads) {
  stm::ThreadScope scope;
  stress_round(2, 1, 3000);
}
BOOST_AUTO_TEST_CASE(stress_four_threads) {
  stm::ThreadScope scope;
  stress_round(4, 2, 1500);
}
BOOST_AUTO_TEST_CASE(stress_six_threads) { // more threads than segments
  stm::ThreadScope scope;
  stress_round(6, 3, 800);
}
