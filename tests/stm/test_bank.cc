// tests/stm/test_bank.cc - bank stress: random transfers between M accounts by T threads.
// The total never changes, as seen by read-only audit transactions (every attempt, aborted
// or not, must see the invariant: no transaction runs on an inconsistent view), and no
// update is lost: each account ends with its initial balance plus the committed transfers
// recorded after each commit.
#define BOOST_TEST_MODULE stm_bank
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <random>
#include <thread>
#include <vector>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

constexpr std::uint16_t kAccountType = 21;
constexpr std::size_t kAccounts = 64;
constexpr std::int64_t kInitial = 1000;

struct Account {
  ObjectHeader header;
  std::int64_t balance;
};

struct Bank {
  std::vector<Ref<Account>> accounts;
};

// account_bytes: 16 packs all 64 accounts on one page (page sharing between views);
// larger spreads them over pages.
Bank open_bank(std::size_t account_bytes) {
  Bank bank;
  stm::run_transaction([&] {
    bank.accounts.clear();
    for (std::size_t i = 0; i < kAccounts; ++i) {
      Ref<Account> a = make<Account>(kAccountType, account_bytes);
      must(static_cast<bool>(a), "heap exhausted");
      a.fresh()->balance = kInitial;
      bank.accounts.push_back(a);
    }
  });
  return bank;
}

struct Tally {
  std::vector<std::int64_t> delta = std::vector<std::int64_t>(kAccounts, 0);
  std::uint64_t transfers = 0, audits = 0, audit_attempts = 0, attempts = 0;
};

void stress(std::size_t threads, std::size_t account_bytes, int transactions_per_thread) {
  Watchdog watchdog(240, "bank stress");
  stm::ThreadScope scope;
  Bank bank = open_bank(account_bytes);
  const std::int64_t total = kInitial * static_cast<std::int64_t>(kAccounts);
  std::vector<Tally> tallies(threads);
  Failures failures;
  std::atomic<std::uint64_t> bad_audits{0};
  stm::reset_statistics();
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      stm::ThreadScope scope;
      Tally& tally = tallies[t];
      std::mt19937 rng(static_cast<unsigned>(1234 + 17 * t + threads));
      for (int n = 0; n < transactions_per_thread; ++n) {
        if (rng() % 16 == 0) {
          // Audit: a read-only transaction summing every account.
          stm::run_transaction([&] {
            ++tally.audit_attempts;
            std::int64_t sum = 0;
            for (std::size_t i = 0; i < kAccounts; ++i) {
              sum += bank.accounts[i].read()->balance;
              if (i % 8 == 7) stm::safe_point();
            }
            if (sum != total) {
              bad_audits.fetch_add(1);
              failures.add("audit saw total " + std::to_string(sum) + " instead of " +
                           std::to_string(total));
            }
          });
          ++tally.audits;
          continue;
        }
        std::size_t from = rng() % kAccounts;
        std::size_t to = (from + 1 + rng() % (kAccounts - 1)) % kAccounts;
        std::int64_t amount = 1 + static_cast<std::int64_t>(rng() % 50);
        stm::run_transaction([&] {
          ++tally.attempts;
          std::int64_t a = bank.accounts[from].read()->balance;
          stm::safe_point();
          std::int64_t b = bank.accounts[to].read()->balance;
          bank.accounts[from].write()->balance = a - amount;
          stm::safe_point();
          bank.accounts[to].write()->balance = b + amount;
        });
        // Recorded only once committed.
        tally.delta[from] -= amount;
        tally.delta[to] += amount;
        ++tally.transfers;
      }
    });
  }
  for (auto& th : pool)
    th.join();
  const double elapsed = seconds_since(start);

  BOOST_TEST(failures.count() == 0, failures.summary());
  std::vector<std::int64_t> expected(kAccounts, kInitial);
  Tally sum;
  for (const Tally& t : tallies) {
    for (std::size_t i = 0; i < kAccounts; ++i)
      expected[i] += t.delta[i];
    sum.transfers += t.transfers;
    sum.audits += t.audits;
    sum.audit_attempts += t.audit_attempts;
    sum.attempts += t.attempts;
  }
  std::vector<std::int64_t> final_balances(kAccounts);
  stm::run_transaction([&] {
    for (std::size_t i = 0; i < kAccounts; ++i)
      final_balances[i] = bank.accounts[i].read()->balance;
  });
  std::int64_t final_total = 0;
  std::size_t lost = 0;
  for (std::size_t i = 0; i < kAccounts; ++i) {
    final_total += final_balances[i];
    if (final_balances[i] != expected[i]) {
      ++lost;
      BOOST_TEST(final_balances[i] == expected[i], "account " << i << ": lost update");
    }
  }
  BOOST_TEST(final_total == total);
  BOOST_TEST(lost == 0u);

  const stm::Statistics stats = stm::total_statistics();
  BOOST_TEST_MESSAGE("T=" << threads << " account bytes=" << account_bytes << ": " << sum.transfers
                          << " transfers in " << sum.attempts << " attempts, " << sum.audits
                          << " audits in " << sum.audit_attempts << " attempts, " << elapsed
                          << " s; stm: " << brief(stats));
  BOOST_TEST_MESSAGE(stm::format_statistics(stats));
  // The statistics saw every commit: transfers, audits and the final read.
  BOOST_TEST(stats.commits == sum.transfers + sum.audits + 1);
  BOOST_TEST(stats.total_aborts() ==
             (sum.attempts - sum.transfers) + (sum.audit_attempts - sum.audits));
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(two_threads) {
  stress(2, 16, 3000);
}
BOOST_AUTO_TEST_CASE(four_threads) {
  stress(4, 16, 1500);
}
// More threads than segments.
BOOST_AUTO_TEST_CASE(eight_threads) {
  stress(8, 16, 750);
}
// Accounts spread over pages: four per page.
BOOST_AUTO_TEST_CASE(four_threads_spread) {
  stress(4, 1024, 1500);
}
