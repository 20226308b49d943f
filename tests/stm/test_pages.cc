// tests/stm/test_pages.cc - making pages private while other views commit into them.
//
// Each page holds a counter and a pad object. A transaction writes the pad first (its view
// makes the page private, often at the very moment another view commits the counter on
// that page), then increments the counter. A private copy taken without a commit that was
// copying into the page would hold a stale counter, and the increment made on it would
// lose the other's: every counter must end as the number of committed increments. A
// thread stops the world now and then to map the pages back as shared
// (share_unwritten_pages, as a collection does), so that every view privatizes each page
// again and again.
#define BOOST_TEST_MODULE stm_pages
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <algorithm>
#include <random>
#include <thread>
#include <vector>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

constexpr std::uint16_t kHalfPageType = 31;
constexpr std::size_t kHalfPage = stm::kPageSize / 2;
// More than a view keeps private across a collection with several threads (512).
constexpr std::size_t kPages = 1024;

struct HalfPage {
  ObjectHeader header;
  std::int64_t value;
};

struct PagePair {
  Ref<HalfPage> counter, pad;
};

std::vector<PagePair> make_pages() {
  std::vector<PagePair> pages;
  stm::run_transaction([&] {
    pages.clear();
    while (pages.size() < kPages) {
      Ref<HalfPage> a = make<HalfPage>(kHalfPageType, kHalfPage);
      Ref<HalfPage> b = make<HalfPage>(kHalfPageType, kHalfPage);
      must(a && b, "heap exhausted");
      // Only a pair that shares a page tests anything (the allocator packs them so).
      if (a.offset() / stm::kPageSize == b.offset() / stm::kPageSize) pages.push_back({a, b});
    }
  });
  return pages;
}

void race(std::size_t threads, int passes) {
  Watchdog watchdog(240, "privatization race");
  stm::ThreadScope scope;
  std::vector<PagePair> pages = make_pages();
  std::vector<std::vector<std::int64_t>> committed(threads, std::vector<std::int64_t>(kPages));
  std::atomic<std::size_t> running{threads};
  std::atomic<std::uint64_t> reshares{0};
  stm::reset_statistics();
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      stm::ThreadScope scope;
      std::mt19937 rng(static_cast<unsigned>(77 + 13 * t));
      std::vector<std::size_t> order(kPages);
      for (std::size_t i = 0; i < kPages; ++i)
        order[i] = i;
      for (int pass = 0; pass < passes; ++pass) {
        std::shuffle(order.begin(), order.end(), rng);
        for (std::size_t i : order) {
          stm::run_transaction([&] {
            pages[i].pad.write()->value = pass;
            stm::safe_point();
            std::int64_t seen = pages[i].counter.read()->value;
            pages[i].counter.write()->value = seen + 1;
          });
          ++committed[t][i];
        }
      }
      running.fetch_sub(1);
    });
  }
  std::thread resharer([&] {
    stm::ThreadScope scope;
    while (running.load() != 0) {
      // Every other time as if a heap's worth had been allocated since the last: the
      // views then also drop their page-table entries, which must lose no increment.
      std::uint64_t round = reshares.load();
      stm::with_world_stopped(
          [](void* r) {
            stm::share_unwritten_pages((*static_cast<std::uint64_t*>(r) / 2 + 1) << 40);
          },
          &round);
      reshares.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
  });
  for (auto& th : pool)
    th.join();
  resharer.join();

  std::vector<std::int64_t> final_values(kPages);
  stm::run_transaction([&] {
    for (std::size_t i = 0; i < kPages; ++i)
      final_values[i] = pages[i].counter.read()->value;
  });
  std::size_t lost = 0;
  for (std::size_t i = 0; i < kPages; ++i) {
    std::int64_t expected = 0;
    for (std::size_t t = 0; t < threads; ++t)
      expected += committed[t][i];
    if (final_values[i] != expected) ++lost;
    BOOST_TEST(final_values[i] == expected, "page " << i << ": lost update");
  }
  BOOST_TEST(lost == 0u);
  const stm::Statistics stats = stm::total_statistics();
  BOOST_TEST_MESSAGE("T=" << threads << ": " << stats.privatizations << " privatizations, "
                          << reshares.load()
                          << " stops to share pages again; stm: " << brief(stats));
  // The race ran many times: each view privatized pages again after they were shared.
  BOOST_TEST(stats.privatizations > kPages * threads);
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(two_threads) {
  race(2, 12);
}
BOOST_AUTO_TEST_CASE(four_threads) {
  race(4, 6);
}
