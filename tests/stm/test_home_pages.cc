// tests/stm/test_home_pages.cc - home pages: a view's first reads of objects its thread
// allocated skip the fence; any other view takes the page from its home before using an
// object there, and a conflict through a home page is still found.
#define BOOST_TEST_MODULE stm_home_pages
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <thread>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

std::uint64_t homes_taken() {
  return stm::thread_statistics().homes_taken;
}

// A second attached thread, idle: with one thread alone, first reads take neither path.
struct Company {
  std::atomic<bool> attached{false}, leave{false};
  std::thread thread{[this] {
    stm::ThreadScope scope;
    attached.store(true);
    while (!leave.load())
      std::this_thread::yield();
  }};
  Company() {
    must(spin_until([this] { return attached.load(); }), "the company attached");
  }
  ~Company() {
    leave.store(true);
    thread.join();
  }
};

// Each test runs attached and allocates from a new chunk (fresh pages, made the home of
// the view of the transaction that takes them): the last test's chunk may be the home of
// a view that another thread holds now.
struct AttachedWithNewChunk {
  stm::ThreadScope scope;
  AttachedWithNewChunk() { arena.chunk = Chunk{}; }
};

Ref<Cell> committed_cell(std::int64_t value, unsigned* view = nullptr) {
  Ref<Cell> cell;
  stm::run_transaction([&] {
    cell = make<Cell>();
    cell.fresh()->value = value;
    if (view) *view = stm::reading_view();
  });
  return cell;
}

} // namespace

BOOST_GLOBAL_FIXTURE(HeapSetup);

BOOST_FIXTURE_TEST_CASE(a_threads_new_pages_are_its_views_home, AttachedWithNewChunk) {
  Company company;
  unsigned view = 0;
  Ref<Cell> cell = committed_cell(7, &view);
  BOOST_REQUIRE_NE(view, 0u);
  BOOST_TEST(stm::home_view(cell.offset()) == view);
  std::uint64_t before = homes_taken();
  std::int64_t seen = 0;
  stm::run_transaction([&] {
    BOOST_REQUIRE_EQUAL(stm::reading_view(), view);
    seen = cell.read()->value;
  });
  BOOST_TEST(seen == 7);
  BOOST_TEST(homes_taken() == before);
  BOOST_TEST(stm::home_view(cell.offset()) == view);
}

// Another thread may take a view that its thread left idle between transactions, and
// with it the view's homes. The tests below keep the home view busy in a transaction
// while the other thread works, so that the other thread runs in another view.

BOOST_FIXTURE_TEST_CASE(another_view_takes_the_page_from_its_home_once, AttachedWithNewChunk) {
  unsigned view = 0;
  Ref<Cell> first = committed_cell(1, &view);
  Ref<Cell> second = committed_cell(2);
  BOOST_REQUIRE(first.offset() / stm::kPageSize == second.offset() / stm::kPageSize);
  std::uint64_t taken = 0;
  std::int64_t sum = 0;
  unsigned other_view = 0;
  std::atomic<bool> done{false};
  stm::run_transaction([&] {
    std::thread reader([&] {
      stm::ThreadScope reader_scope;
      std::uint64_t before = homes_taken();
      stm::run_transaction([&] {
        other_view = stm::reading_view();
        sum = first.read()->value + second.read()->value;
      });
      taken = homes_taken() - before;
      done.store(true);
    });
    bool finished = spin_until([&] { return done.load(); });
    reader.join();
    must(finished, "the reader finished in time");
  });
  BOOST_REQUIRE_NE(other_view, view);
  BOOST_TEST(sum == 3);
  BOOST_TEST(taken == 1u);
  BOOST_TEST(stm::home_view(first.offset()) == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_write_from_another_view_takes_the_page_before_the_lock,
                        AttachedWithNewChunk) {
  unsigned view = 0;
  Ref<Cell> cell = committed_cell(10, &view);
  std::atomic<int> step{0};
  unsigned home_while_locked = 99;
  stm::start_transaction();
  std::thread writer([&] {
    stm::ThreadScope writer_scope;
    stm::run_transaction([&] {
      cell.write()->value = 11;
      home_while_locked = stm::home_view(cell.offset());
      step.store(1);
      must(spin_until([&] { return step.load() == 2; }), "the owner read in time");
    });
  });
  BOOST_REQUIRE(spin_until([&] { return step.load() == 1; }));
  // The owner's first read now meets another view's lock on an object of its old home:
  // it reads the committed bytes, as anywhere else.
  BOOST_REQUIRE_EQUAL(stm::reading_view(), view);
  std::int64_t seen = cell.read()->value;
  stm::commit_transaction();
  step.store(2);
  writer.join();
  BOOST_TEST(home_while_locked == 0u);
  BOOST_TEST(seen == 10);
  stm::run_transaction([&] { seen = cell.read()->value; });
  BOOST_TEST(seen == 11);
}

// The home view reads an object of its home page (no fence); an inevitable transaction
// in another view then writes it and commits. Its conflict scan must find the marker:
// the reader aborts, and its retry sees the new value.
BOOST_FIXTURE_TEST_CASE(a_home_readers_marker_is_found_by_a_committer, AttachedWithNewChunk) {
  Company company;
  unsigned view = 0;
  Ref<Cell> cell = committed_cell(20, &view);
  std::atomic<int> step{0};
  std::thread writer;
  stm::Statistics before = stm::thread_statistics();
  int attempts = 0;
  std::int64_t seen = 0;
  stm::run_transaction([&] {
    ++attempts;
    seen = cell.read()->value;
    if (attempts > 1) return;
    BOOST_REQUIRE_EQUAL(stm::reading_view(), view);
    BOOST_REQUIRE_EQUAL(stm::home_view(cell.offset()), view);
    writer = std::thread([&] {
      stm::ThreadScope writer_scope;
      stm::start_transaction();
      stm::become_inevitable("test");
      cell.write()->value = 21;
      stm::commit_transaction();
      step.store(1);
    });
    // Safe points until the writer's commit decides against this transaction.
    must(spin_until([&] { return step.load() == 1; }), "the writer committed in time");
  });
  writer.join();
  stm::Statistics after = stm::thread_statistics();
  BOOST_TEST(attempts == 2);
  BOOST_TEST(seen == 21);
  BOOST_TEST(aborts(difference(after, before), stm::AbortCause::ReadWrite) == 1u);
}
