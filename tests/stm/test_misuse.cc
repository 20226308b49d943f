// tests/stm/test_misuse.cc - misuse of the stm API fails loudly: the process dies with a
// non-zero status and a clear message on stderr, instead of corrupting the heap silently.
//
// Each case runs in a forked child (this executable starts no other thread and never
// initializes stm in the parent): the child resets the fatal signals to their defaults
// (Boost.Test's handlers would otherwise catch them and go on running tests in the child),
// sends its stderr into a pipe, initializes a small heap, commits one object, then commits
// the misuse. The parent checks how the child ended and what it wrote.
#define BOOST_TEST_MODULE stm_misuse
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace stmtest;

namespace {

struct ChildOutcome {
  bool exited = false;
  int exit_code = 0;
  int signal = 0;
  std::string err;

  bool failed() const { return exited ? exit_code != 0 : signal != 0; }
  std::string describe() const {
    std::string how = exited ? "exited with " + std::to_string(exit_code)
                             : std::string("killed by signal ") + std::to_string(signal) + " (" +
                                   strsignal(signal) + ")";
    return how + ", stderr: \"" + err + "\"";
  }
};

// Runs misuse(cell) in a forked child after setting up a heap with one committed cell.
template <class Misuse> ChildOutcome run_child(Misuse misuse, bool attach = true) {
  int fds[2];
  BOOST_REQUIRE(pipe(fds) == 0);
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], STDERR_FILENO);
    close(fds[1]);
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTRAP, SIGALRM})
      std::signal(sig, SIG_DFL);
    alarm(20); // a hang is a failure too (reported as SIGALRM)
    stm::Config config;
    config.segments = 2;
    config.heap_bytes = std::size_t{16} << 20;
    stm::initialize(config);
    Ref<Cell> cell;
    if (attach) {
      stm::attach_thread();
      stm::run_transaction([&] {
        cell = make<Cell>();
        must(static_cast<bool>(cell), "heap exhausted");
        cell.fresh()->value = 1;
      });
    } else {
      // A cell made by a helper thread, so that this thread stays unattached.
      std::thread helper([&] {
        stm::ThreadScope scope;
        stm::run_transaction([&] {
          cell = make<Cell>();
          must(static_cast<bool>(cell), "heap exhausted");
        });
      });
      helper.join();
    }
    misuse(cell);
    std::fprintf(stderr, "<misuse not detected>");
    std::fflush(stderr);
    _exit(0);
  }
  close(fds[1]);
  ChildOutcome out;
  char buf[4096];
  for (;;) {
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.err.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    out.exited = true;
    out.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    out.signal = WTERMSIG(status);
  }
  while (!out.err.empty() && (out.err.back() == '\n' || out.err.back() == '\r'))
    out.err.pop_back();
  return out;
}

bool mentions(const std::string& text, const std::string& word) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find(word) != std::string::npos;
}

// Died (non-zero exit or a signal other than the hang alarm) with a message that says what
// went wrong: it names the transaction.
void expect_loud_failure(const ChildOutcome& out, const char* what) {
  BOOST_TEST_MESSAGE(what << ": " << out.describe());
  BOOST_TEST(out.failed(), what << ": the child did not fail: " << out.describe());
  BOOST_TEST(!(out.signal == SIGALRM), what << ": the child hung: " << out.describe());
  BOOST_TEST(!mentions(out.err, "<misuse not detected>"), what << ": " << out.describe());
  BOOST_TEST(mentions(out.err, "transaction"),
             what << ": no clear message on stderr: " << out.describe());
}

} // namespace

// The harness itself: correct use exits 0 with nothing alarming on stderr.
BOOST_AUTO_TEST_CASE(correct_use_exits_cleanly) {
  ChildOutcome out = run_child([](Ref<Cell> cell) {
    stm::run_transaction([&] { cell.write()->value = cell.read()->value + 1; });
    stm::detach_thread();
    stm::shutdown();
    _exit(0);
  });
  BOOST_TEST(out.exited);
  BOOST_TEST(out.exit_code == 0, out.describe());
}

BOOST_AUTO_TEST_CASE(commit_without_start) {
  expect_loud_failure(run_child([](Ref<Cell>) { stm::commit_transaction(); }),
                      "commit_transaction without start_transaction");
}

BOOST_AUTO_TEST_CASE(commit_twice) {
  expect_loud_failure(run_child([](Ref<Cell>) {
                        stm::start_transaction();
                        stm::commit_transaction();
                        stm::commit_transaction();
                      }),
                      "a second commit_transaction");
}

BOOST_AUTO_TEST_CASE(read_barrier_outside_a_transaction) {
  expect_loud_failure(run_child([](Ref<Cell> cell) {
                        volatile std::int64_t v = cell.read()->value;
                        (void)v;
                      }),
                      "read barrier outside a transaction");
}

BOOST_AUTO_TEST_CASE(write_barrier_outside_a_transaction) {
  expect_loud_failure(run_child([](Ref<Cell> cell) { cell.write()->value = 5; }),
                      "write barrier outside a transaction");
}

BOOST_AUTO_TEST_CASE(write_barrier_after_commit) {
  expect_loud_failure(run_child([](Ref<Cell> cell) {
                        stm::start_transaction();
                        cell.write()->value = 5;
                        stm::commit_transaction();
                        cell.write()->value = 6;
                      }),
                      "write barrier after commit");
}

BOOST_AUTO_TEST_CASE(abort_outside_a_transaction) {
  expect_loud_failure(run_child([](Ref<Cell>) {
                        try {
                          stm::abort_transaction();
                        } catch (const stm::TxAbort&) {
                        }
                      }),
                      "abort_transaction outside a transaction");
}

BOOST_AUTO_TEST_CASE(start_inside_a_transaction) {
  expect_loud_failure(run_child([](Ref<Cell>) {
                        stm::start_transaction();
                        stm::start_transaction();
                      }),
                      "start_transaction inside a transaction");
}

BOOST_AUTO_TEST_CASE(start_on_an_unattached_thread) {
  expect_loud_failure(run_child([](Ref<Cell>) { stm::start_transaction(); }, false),
                      "start_transaction on a thread that never attached");
}
