// The conflict log named by PYPYSTM: every conflict is a line naming both sides with the
// locations the interpreter supplies, and inevitable transactions say why.
#define BOOST_TEST_MODULE stm_events
#include "tests/stm/test_heap.h"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

using namespace stmtest;

namespace {

struct Counter {
  ObjectHeader header;
  std::int64_t value;
};

// The "interpreter": each thread's user data is its current source location.
std::string location_from_user_data(void* data) {
  return data ? static_cast<const char*>(data) : "<no location>";
}

std::vector<std::vector<std::string>> read_events(const std::string& path, std::string& header) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) {
      header = line;
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream split(line);
    std::string field;
    while (std::getline(split, field, '\t'))
      fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

} // namespace

BOOST_AUTO_TEST_CASE(conflicts_name_both_sides_with_their_locations) {
  std::string path = "stm_events_test.log";
  std::remove(path.c_str());
  stm::Config config;
  config.segments = 2;
  config.heap_bytes = kTestHeapBytes;
  config.log_path = path;
  stm::initialize(config);
  stm::set_location_hook(&location_from_user_data);

  Ref<Counter> counter;
  {
    stm::ThreadScope scope;
    stm::run_transaction([&] { counter = make<Counter>(); });
  }
  // Both threads start hammering together, and keep going (in rounds) until at least one
  // conflict happened: on a loaded machine one thread may otherwise run all its
  // transactions inside one time slice of the OS, and nothing would conflict.
  constexpr int kRound = 2000, kMinIncrements = 20000;
  std::atomic<int> ready{0};
  std::atomic<std::int64_t> increments{0};
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  auto hammer = [&](const char* where) {
    stm::ThreadScope scope;
    stm::set_thread_user_data(const_cast<char*>(where));
    ready.fetch_add(1);
    while (ready.load() < 2)
      std::this_thread::yield();
    for (int done = 0;; done += kRound) {
      if (done >= kMinIncrements && (stm::total_statistics().total_aborts() > 0 ||
                                     std::chrono::steady_clock::now() > deadline))
        break;
      for (int i = 0; i < kRound; ++i)
        stm::run_transaction([&] {
          std::int64_t seen = counter.read()->value;
          for (int spin = 0; spin < 50; ++spin)
            stm::safe_point(); // widen the window
          counter.write()->value = seen + 1;
        });
      increments.fetch_add(kRound);
    }
  };
  std::thread a(hammer, "worker.py:10 in left");
  std::thread b(hammer, "worker.py:20 in right");
  a.join();
  b.join();
  {
    stm::ThreadScope scope;
    stm::set_thread_user_data(const_cast<char*>("main.py:5 in <module>"));
    stm::run_transaction([&] {
      stm::become_inevitable("reading a file");
      BOOST_TEST(counter.read()->value == increments.load());
    });
  }
  stm::Statistics stats = stm::total_statistics();
  arena.chunk = Chunk{};
  stm::shutdown(); // closes the log

  std::string header;
  auto rows = read_events(path, header);
  BOOST_TEST(header.find("winner_location") != std::string::npos);
  BOOST_TEST_MESSAGE(rows.size() << " events; " << stats.total_aborts() << " aborts");
  BOOST_REQUIRE(stats.total_aborts() > 0);
  std::size_t conflicts = 0, inevitable = 0;
  for (const auto& row : rows) {
    BOOST_REQUIRE_EQUAL(row.size(), 9u);
    if (row[1] == "conflict") {
      ++conflicts;
      BOOST_TEST((row[2] == "read-write" || row[2] == "write-write"));
      BOOST_TEST(row[5] != row[7]); // two different threads
      bool left_right = row[6] == "worker.py:10 in left" && row[8] == "worker.py:20 in right";
      bool right_left = row[6] == "worker.py:20 in right" && row[8] == "worker.py:10 in left";
      BOOST_TEST((left_right || right_left), "locations: " << row[6] << " / " << row[8]);
    } else if (row[1] == "inevitable") {
      ++inevitable;
      if (row[6] == "main.py:5 in <module>") BOOST_TEST(row[8] == "reading a file");
    }
  }
  // Every abort of the counter's transactions is a conflict the log reports.
  BOOST_TEST(conflicts >= stats.total_aborts());
  BOOST_TEST(inevitable >= 1u);
  std::remove(path.c_str());
}
