// tests/stm/test_fork.cc - a forked child has a heap of its own: the committed state as of
// the fork, the forking thread's running transaction, and nothing of the other threads'
// transactions; parent and child never see each other's commits.
#define BOOST_TEST_MODULE stm_fork
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

// In the child, where Boost.Test's checks would report into the parent's log: a failed
// check exits with its own status, which the parent names.
void child_check(bool ok, int status, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "child: %s\n", what);
  std::fflush(stderr);
  _exit(status);
}

int wait_for_child(int pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  if (WIFSIGNALED(status)) return 1000 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

std::int64_t committed_value(Ref<Cell> cell) {
  std::int64_t value = 0;
  stm::run_transaction([&] { value = cell.read()->value; });
  return value;
}

// The committed state itself (segment 0), not the copy in a view: a view that holds a
// private copy of the page sees the commits of its own process only.
std::int64_t segment0_value(Ref<Cell> cell) {
  return reinterpret_cast<const Cell*>(stm::segment_base(0) + cell.offset())->value;
}

} // namespace

BOOST_GLOBAL_FIXTURE(HeapSetup);

// A second thread holds the write lock of `shared` (its transaction wrote it and waits at
// a safe point) when the main thread forks from an inevitable transaction that wrote
// `mine`. The child finds `shared` as committed and free to write, keeps `mine`'s
// uncommitted value in its own transaction, and a thread it starts gets a segment.
BOOST_AUTO_TEST_CASE(a_child_has_a_heap_of_its_own) {
  Watchdog watchdog(120, "a_child_has_a_heap_of_its_own");
  stm::ThreadScope scope;
  Ref<Cell> shared, mine;
  stm::run_transaction([&] {
    shared = make<Cell>();
    mine = make<Cell>();
    shared.fresh()->value = 1;
    mine.fresh()->value = 2;
  });

  std::atomic<int> step{0};
  std::thread writer([&] {
    stm::ThreadScope scope;
    stm::run_transaction([&] {
      shared.write()->value = 99;
      step.store(1);
      spin_until([&] { return step.load() == 2; }, 60);
    });
  });
  BOOST_REQUIRE(spin_until([&] { return step.load() == 1; }, 60));

  stm::start_transaction();
  stm::become_inevitable("test: fork");
  mine.write()->value = 7;
  int pid = stm::fork_process();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    alarm(60); // a hang in the child fails the test instead of the run
    child_check(mine.read()->value == 7, 10, "the forking transaction lost its own write");
    child_check(shared.read()->value == 1, 11, "the other thread's uncommitted write is visible");
    shared.write()->value = 5; // the other thread's write lock is free here
    stm::commit_transaction();
    child_check(committed_value(mine) == 7, 12, "the forking transaction did not commit");
    child_check(committed_value(shared) == 5, 13, "the child's commit is lost");
    std::int64_t seen = 0;
    std::thread reader([&] {
      stm::ThreadScope scope;
      stm::run_transaction([&] {
        Ref<Cell> made = make<Cell>();
        made.fresh()->value = 40;
        mine.write()->ref = made.offset();
        seen = shared.read()->value;
      });
    });
    reader.join();
    child_check(seen == 5, 14, "a thread of the child does not see the child's commit");
    std::int64_t linked = 0;
    stm::run_transaction([&] { linked = Ref<Cell>(mine.read()->ref).read()->value; });
    child_check(linked == 40, 15, "a new object of the child's thread is lost");
    _exit(0);
  }
  stm::commit_transaction();
  step.store(2);
  writer.join();
  int child = wait_for_child(pid);
  BOOST_TEST(child == 0, "the child failed with status " << child);
  // The child's commits stayed in the child.
  BOOST_TEST(committed_value(shared) == 99);
  BOOST_TEST(committed_value(mine) == 7);
  std::int64_t ref = -1;
  stm::run_transaction([&] { ref = std::int64_t(mine.read()->ref); });
  BOOST_TEST(ref == 0);
}

// The parent's commits after the fork do not reach the child, which forked outside any
// transaction (the copy is taken before the parent's threads run again), and the child's
// commits do not reach the parent.
BOOST_AUTO_TEST_CASE(the_parents_later_commits_stay_in_the_parent) {
  Watchdog watchdog(120, "the_parents_later_commits_stay_in_the_parent");
  stm::ThreadScope scope;
  Ref<Cell> cell;
  stm::run_transaction([&] {
    // On pages of its own, which no view of this thread holds privately: the child reads
    // the committed state, not a private copy that the fork duplicated.
    cell = make<Cell>(1, 2 * stm::kPageSize);
    cell.fresh()->value = 1;
  });
  std::atomic<bool> stop{false};
  std::atomic<std::int64_t> written{0};
  std::thread busy([&] {
    stm::ThreadScope scope;
    for (std::int64_t n = 2; !stop.load(); ++n) {
      stm::run_transaction([&] { cell.write()->value = n; });
      written.store(n);
    }
  });
  BOOST_REQUIRE(spin_until([&] { return written.load() > 100; }, 60));
  int pipe_fds[2];
  BOOST_REQUIRE(pipe(pipe_fds) == 0);
  int pid = stm::fork_process();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    alarm(60);
    close(pipe_fds[1]);
    std::int64_t at_fork = segment0_value(cell);
    char byte;
    child_check(read(pipe_fds[0], &byte, 1) == 1, 20, "no word from the parent");
    // The parent has committed many more values by now.
    child_check(segment0_value(cell) == at_fork, 21, "the parent's commit reached the child");
    stm::run_transaction([&] { cell.write()->value = -1; });
    child_check(segment0_value(cell) == -1, 22, "the child's commit is lost");
    _exit(0);
  }
  close(pipe_fds[0]);
  std::int64_t after = written.load();
  BOOST_REQUIRE(spin_until([&] { return written.load() > after + 100; }, 60));
  stop.store(true);
  busy.join();
  std::int64_t last = segment0_value(cell);
  BOOST_REQUIRE(write(pipe_fds[1], "x", 1) == 1);
  close(pipe_fds[1]);
  int child = wait_for_child(pid);
  BOOST_TEST(child == 0, "the child failed with status " << child);
  BOOST_TEST(segment0_value(cell) == last, "the child's commit reached the parent");
}
