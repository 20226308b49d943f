// tests/stm/test_contention.cc - the contention manager: inevitable transactions never abort;
// the older transaction wins a write-write conflict; a transaction that keeps losing becomes
// inevitable after K consecutive aborts and then commits, so nothing starves; symmetric
// contention does not livelock.
#define BOOST_TEST_MODULE stm_contention
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <random>
#include <thread>
#include <vector>

using namespace stmtest;

namespace {

constexpr unsigned kAbortsBeforeInevitable = 5;
using HeapSetup = HeapFixture<4, kAbortsBeforeInevitable>;

constexpr std::uint16_t kCounterType = 31;

struct Counter {
  ObjectHeader header;
  std::int64_t value;
};

std::vector<Ref<Counter>> make_counters(std::size_t n, std::size_t bytes = sizeof(Counter)) {
  std::vector<Ref<Counter>> out;
  stm::run_transaction([&] {
    out.clear();
    for (std::size_t i = 0; i < n; ++i) {
      Ref<Counter> c = make<Counter>(kCounterType, bytes);
      must(static_cast<bool>(c), "heap exhausted");
      out.push_back(c);
    }
  });
  return out;
}

std::vector<std::int64_t> values(const std::vector<Ref<Counter>>& counters) {
  std::vector<std::int64_t> out;
  stm::run_transaction([&] {
    out.clear();
    for (auto& c : counters)
      out.push_back(c.read()->value);
  });
  return out;
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

// An inevitable thread writes every hot object in each of its transactions while three
// threads hammer the same objects: it commits every attempt, never sees TxAbort.
BOOST_AUTO_TEST_CASE(inevitable_transactions_never_abort) {
  constexpr int kInevitableTransactions = 150;
  constexpr int kHammers = 3;
  constexpr std::size_t kHot = 8;
  Watchdog watchdog(120, "inevitable_transactions_never_abort");
  stm::ThreadScope scope;
  auto hot = make_counters(kHot);
  std::vector<std::vector<std::int64_t>> increments(kHammers + 1,
                                                    std::vector<std::int64_t>(kHot, 0));
  std::atomic<bool> done{false};
  int attempts = 0, commits = 0, aborts_seen = 0;
  stm::Statistics inevitable_stats;
  Failures failures;

  std::thread inevitable([&] {
    stm::ThreadScope scope;
    const stm::Statistics before = stm::thread_statistics();
    for (int n = 0; n < kInevitableTransactions; ++n) {
      ++attempts;
      stm::start_transaction();
      try {
        stm::become_inevitable("test: inevitable writer");
        if (!stm::is_inevitable()) failures.add("is_inevitable() false");
        for (std::size_t k = 0; k < kHot; ++k) {
          Counter* c = hot[k].write();
          c->value += 1;
          stm::safe_point();
          std::this_thread::yield();
        }
        stm::commit_transaction();
        ++commits;
        for (std::size_t k = 0; k < kHot; ++k)
          increments[0][k] += 1;
      } catch (const stm::TxAbort& e) {
        ++aborts_seen;
        failures.add(std::string("inevitable transaction aborted: ") + cause_name(e.cause));
      }
      if (stm::is_inevitable()) failures.add("still inevitable outside a transaction");
    }
    inevitable_stats = difference(stm::thread_statistics(), before);
    done.store(true);
  });
  std::vector<std::thread> hammers;
  for (int h = 1; h <= kHammers; ++h) {
    hammers.emplace_back([&, h] {
      stm::ThreadScope scope;
      std::mt19937 rng(static_cast<unsigned>(h));
      while (!done.load()) {
        std::size_t a = rng() % kHot, b = rng() % kHot;
        stm::run_transaction([&] {
          hot[a].write()->value += 1;
          stm::safe_point();
          hot[b].write()->value += 1;
        });
        increments[static_cast<std::size_t>(h)][a] += 1;
        increments[static_cast<std::size_t>(h)][b] += 1;
      }
    });
  }
  inevitable.join();
  for (auto& t : hammers)
    t.join();
  BOOST_TEST(failures.count() == 0, failures.summary());
  BOOST_TEST(aborts_seen == 0);
  BOOST_TEST(commits == attempts);
  BOOST_TEST(inevitable_stats.commits == static_cast<std::uint64_t>(attempts));
  BOOST_TEST(inevitable_stats.inevitable_commits == static_cast<std::uint64_t>(attempts));
  BOOST_TEST(inevitable_stats.total_aborts() == 0u, brief(inevitable_stats));
  auto final_values = values(hot);
  for (std::size_t k = 0; k < kHot; ++k) {
    std::int64_t expected = 0;
    for (auto& inc : increments)
      expected += inc[k];
    BOOST_TEST(final_values[k] == expected, "hot object " << k << ": lost update");
  }
  BOOST_TEST_MESSAGE("inevitable thread: " << brief(inevitable_stats));
  BOOST_TEST_MESSAGE("all threads: " << brief(stm::total_statistics()));
}

// A long transaction reads everything (and writes a result) while short writers, half of
// them inevitable, keep committing to what it read: it loses, but after K consecutive
// aborts it starts inevitable and commits. Every long transaction commits within K + 1
// attempts.
BOOST_AUTO_TEST_CASE(a_loser_commits_within_bounded_attempts) {
  constexpr std::size_t kObjects = 64;
  constexpr int kLongTransactions = 12;
  constexpr int kWriters = 3;
  Watchdog watchdog(180, "a_loser_commits_within_bounded_attempts");
  stm::ThreadScope scope;
  auto objects = make_counters(kObjects);
  auto result = make_counters(1);
  std::atomic<bool> done{false};
  std::atomic<bool> long_running{false};
  std::vector<int> attempts_per_transaction;
  std::vector<bool> last_attempt_inevitable;
  std::uint64_t writer_commits[kWriters] = {};
  Failures failures;
  stm::Statistics long_stats;

  std::thread long_thread([&] {
    stm::ThreadScope scope;
    const stm::Statistics before = stm::thread_statistics();
    for (int n = 0; n < kLongTransactions; ++n) {
      int attempts = 0;
      bool inevitable_at_start = false;
      stm::run_transaction([&] {
        ++attempts;
        inevitable_at_start = stm::is_inevitable();
        long_running.store(true);
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < kObjects; ++i) {
          sum += objects[i].read()->value;
          // Long enough that the writers commit in between.
          for (int spin = 0; spin < 20; ++spin) {
            stm::safe_point();
            std::this_thread::yield();
          }
        }
        result[0].write()->value = sum;
      });
      long_running.store(false);
      attempts_per_transaction.push_back(attempts);
      last_attempt_inevitable.push_back(inevitable_at_start);
    }
    long_stats = difference(stm::thread_statistics(), before);
    done.store(true);
  });
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      stm::ThreadScope scope;
      std::mt19937 rng(static_cast<unsigned>(100 + w));
      while (!done.load()) {
        if (!long_running.load()) {
          std::this_thread::yield();
          continue;
        }
        std::size_t k = rng() % kObjects;
        bool inevitable = rng() % 2 == 0;
        stm::run_transaction([&] {
          if (inevitable) stm::become_inevitable("test: short inevitable writer");
          objects[k].write()->value += 1;
        });
        ++writer_commits[w];
      }
    });
  }
  long_thread.join();
  for (auto& t : writers)
    t.join();
  BOOST_TEST(failures.count() == 0, failures.summary());
  int max_attempts = 0, total_attempts = 0;
  for (std::size_t n = 0; n < attempts_per_transaction.size(); ++n) {
    max_attempts = std::max(max_attempts, attempts_per_transaction[n]);
    total_attempts += attempts_per_transaction[n];
    BOOST_TEST(attempts_per_transaction[n] <= static_cast<int>(kAbortsBeforeInevitable) + 1,
               "long transaction " << n << " needed " << attempts_per_transaction[n]
                                   << " attempts (K=" << kAbortsBeforeInevitable << ")");
    if (attempts_per_transaction[n] == static_cast<int>(kAbortsBeforeInevitable) + 1)
      BOOST_TEST(last_attempt_inevitable[n],
                 "attempt K+1 of long transaction " << n << " did not start inevitable");
  }
  std::uint64_t writes = 0;
  for (auto c : writer_commits)
    writes += c;
  BOOST_TEST_MESSAGE("long transactions: " << kLongTransactions << " in " << total_attempts
                                           << " attempts (max " << max_attempts
                                           << "); writers committed " << writes
                                           << "; long: " << brief(long_stats));
  // The test must actually make the long transaction lose, or it proves nothing.
  BOOST_TEST(long_stats.total_aborts() > 0u, "the long transaction never lost: no contention");
  auto final_values = values(objects);
  std::int64_t sum = 0;
  for (auto v : final_values)
    sum += v;
  BOOST_TEST(sum == static_cast<std::int64_t>(writes), "lost update");
}

// Write-write conflicts: the older transaction wins. A younger one that finds the lock held
// by an older one aborts (WriteWrite); an older one that finds the lock held by a younger
// one makes the younger abort (WriteWrite, at its next safe point) and gets the lock.
BOOST_AUTO_TEST_CASE(older_wins_write_write) {
  Watchdog watchdog(60, "older_wins_write_write");
  stm::ThreadScope scope;
  auto x = make_counters(1);
  std::atomic<bool> old_started{false}, young_locked{false}, old_done{false};
  bool young_aborted = false, old_aborted = false, young_committed_first = false;
  stm::AbortCause young_cause = stm::AbortCause::kCount;
  std::atomic<bool> young_committed{false};

  std::thread old_thread([&] {
    stm::ThreadScope scope;
    stm::start_transaction();
    try {
      old_started.store(true);
      spin_until([&] { return young_locked.load(); }, 30);
      x[0].write()->value = 1; // waits until the younger one gives the lock up
      young_committed_first = young_committed.load();
      stm::commit_transaction();
    } catch (const stm::TxAbort&) {
      old_aborted = true;
    }
    old_done.store(true);
  });
  std::thread young_thread([&] {
    stm::ThreadScope scope;
    spin_until([&] { return old_started.load(); }, 30);
    stm::start_transaction();
    try {
      x[0].write()->value = 2;
      young_locked.store(true);
      // Stays here until aborted (or, wrongly, until the older one is done).
      spin_until([&] { return old_done.load(); }, 10);
      stm::commit_transaction();
      young_committed.store(true);
    } catch (const stm::TxAbort& e) {
      young_aborted = true;
      young_cause = e.cause;
    }
  });
  old_thread.join();
  young_thread.join();
  BOOST_TEST(!old_aborted, "the older transaction lost a write-write conflict");
  BOOST_TEST(!young_committed_first, "the older transaction waited for the younger to commit");
  BOOST_TEST(young_aborted, "the younger lock holder was not aborted");
  BOOST_TEST((young_cause == stm::AbortCause::WriteWrite),
             "cause " << static_cast<int>(young_cause));
  BOOST_TEST(values(x)[0] == 1);
}

// Symmetric contention: every thread writes two random hot objects in random order (the
// lock-order inversion that deadlocks naive lock-based schemes) with safe points between.
// Everything finishes, and no increment is lost.
BOOST_AUTO_TEST_CASE(no_livelock_under_symmetric_contention) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 600;
  constexpr std::size_t kHot = 3;
  Watchdog watchdog(120, "no_livelock_under_symmetric_contention");
  stm::ThreadScope scope;
  auto hot = make_counters(kHot);
  std::vector<std::vector<std::int64_t>> increments(kThreads, std::vector<std::int64_t>(kHot, 0));
  stm::reset_statistics();
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      stm::ThreadScope scope;
      std::mt19937 rng(static_cast<unsigned>(7 + t));
      for (int n = 0; n < kPerThread; ++n) {
        std::size_t a = rng() % kHot, b = (a + 1 + rng() % (kHot - 1)) % kHot;
        stm::run_transaction([&] {
          std::int64_t va = hot[a].read()->value;
          hot[a].write()->value = va + 1;
          for (int i = 0; i < 3; ++i)
            stm::safe_point();
          std::int64_t vb = hot[b].read()->value;
          hot[b].write()->value = vb + 1;
        });
        increments[static_cast<std::size_t>(t)][a] += 1;
        increments[static_cast<std::size_t>(t)][b] += 1;
      }
    });
  }
  for (auto& t : threads)
    t.join();
  auto final_values = values(hot);
  for (std::size_t k = 0; k < kHot; ++k) {
    std::int64_t expected = 0;
    for (auto& inc : increments)
      expected += inc[k];
    BOOST_TEST(final_values[k] == expected, "hot object " << k << ": lost update");
  }
  BOOST_TEST_MESSAGE("symmetric contention: " << brief(stm::total_statistics()));
}
