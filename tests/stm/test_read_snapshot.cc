// tests/stm/test_read_snapshot.cc - commits do not stop other threads, yet a transaction
// never sees half of another one: a reader of two objects that every writer changes
// together finds them equal, whether it reads them before, during or after the writer
// copies its writes out.
#define BOOST_TEST_MODULE stm_read_snapshot
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <thread>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

struct Counter {
  ObjectHeader header;
  std::int64_t value;
  std::int64_t pad;
};

struct Outcome {
  std::int64_t reads = 0, torn = 0, first_a = 0, first_b = 0;
};

// `writers` threads add 1 to both counters in each transaction (with a safe point
// between the two writes); `readers` threads read both, a safe point between.
Outcome run_pairs(int writers, int readers, int increments) {
  std::vector<Ref<Counter>> pair;
  stm::attach_thread();
  stm::run_transaction([&] {
    pair.clear();
    for (int i = 0; i < 2; ++i) {
      Ref<Counter> c(allocate(1, sizeof(Counter)));
      c.fresh()->value = 0;
      pair.push_back(c);
    }
  });
  stm::detach_thread();
  std::atomic<int> writers_left{writers};
  std::vector<Outcome> outcomes(static_cast<std::size_t>(readers));
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w)
    threads.emplace_back([&] {
      stm::attach_thread();
      for (int n = 0; n < increments; ++n)
        stm::run_transaction([&] {
          pair[0].write()->value = pair[0].read()->value + 1;
          stm::safe_point();
          pair[1].write()->value = pair[1].read()->value + 1;
        });
      --writers_left;
      stm::detach_thread();
    });
  for (int r = 0; r < readers; ++r)
    threads.emplace_back([&, r] {
      stm::attach_thread();
      Outcome& out = outcomes[std::size_t(r)];
      while (writers_left.load() > 0) {
        std::int64_t a = 0, b = 0;
        stm::run_transaction([&] {
          a = pair[0].read()->value;
          stm::safe_point();
          b = pair[1].read()->value;
        });
        ++out.reads;
        if (a != b && !out.torn++) {
          out.first_a = a;
          out.first_b = b;
        }
      }
      stm::detach_thread();
    });
  for (std::thread& t : threads)
    t.join();
  Outcome total;
  for (const Outcome& o : outcomes) {
    total.reads += o.reads;
    if (o.torn && !total.torn) {
      total.first_a = o.first_a;
      total.first_b = o.first_b;
    }
    total.torn += o.torn;
  }
  stm::attach_thread();
  stm::run_transaction([&] {
    BOOST_TEST(pair[0].read()->value == std::int64_t(writers) * increments);
    BOOST_TEST(pair[1].read()->value == std::int64_t(writers) * increments);
  });
  stm::detach_thread();
  return total;
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(one_writer_one_reader) {
  Outcome o = run_pairs(1, 1, 500000);
  BOOST_TEST_MESSAGE(o.reads << " reads");
  BOOST_TEST(o.torn == 0, o.torn << " torn reads, first " << o.first_a << " / " << o.first_b);
}

BOOST_AUTO_TEST_CASE(two_writers_two_readers) {
  Outcome o = run_pairs(2, 2, 100000);
  BOOST_TEST(o.torn == 0, o.torn << " torn reads, first " << o.first_a << " / " << o.first_b);
}
