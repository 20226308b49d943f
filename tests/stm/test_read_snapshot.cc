// tests/stm/test_read_snapshot.cc - commits do not stop other threads, yet a transaction
// never sees half of another one: a reader of two objects that every writer changes
// together finds them equal, whether it reads them before, during or after the writer
// copies its writes out; and a new object is in place, in every view, before anything
// that links it can be read.
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

struct Link {
  ObjectHeader header;
  Offset target;
  std::int64_t pad;
};

// Round i of the test below uses page i: the reader's scratch object at its start, the
// writer's new object of the round after it.
constexpr std::size_t kScratchBytes = 64, kStampedBytes = 3072;

Offset place_object(Offset at, std::size_t size) {
  char* p = stm::view_address(at);
  std::memset(p, 0, size);
  auto* header = reinterpret_cast<ObjectHeader*>(p);
  header->size = static_cast<std::uint32_t>(size);
  header->type_id = 2;
  stm::note_new_object(at, static_cast<std::uint32_t>(size));
  return at;
}

// The reader's view holds page i private (it writes its scratch object there), so the
// writer's new object reaches that view only by the copy at commit. The reader follows
// the link, then reads the new object with no barrier, as an interpreter reads an
// object's type. Returns the rounds in which it saw bytes other than the writer's.
int run_new_object_rounds(int rounds) {
  Offset pages = 0;
  Ref<Link> link;
  stm::attach_thread();
  stm::run_transaction([&] {
    pages = stm::allocate_pages(std::size_t(rounds));
    must(pages != 0, "heap exhausted");
    for (int i = 0; i < rounds; ++i)
      place_object(pages + Offset(i) * stm::kPageSize, kScratchBytes);
    link = Ref<Link>(allocate(1, sizeof(Link)));
    link.fresh()->target = 0;
  });
  stm::detach_thread();
  std::atomic<int> reader_round{-1};
  std::atomic<int> stale_rounds{0};
  std::thread writer([&] {
    stm::attach_thread();
    for (int i = 0; i < rounds; ++i) {
      while (reader_round.load() < i)
        std::this_thread::yield();
      stm::run_transaction([&] {
        Offset page = pages + Offset(i) * stm::kPageSize;
        Offset stamped = place_object(page + kScratchBytes, kStampedBytes);
        auto* words =
            reinterpret_cast<std::int64_t*>(stm::view_address(stamped) + sizeof(ObjectHeader));
        for (std::size_t w = 0; w < (kStampedBytes - sizeof(ObjectHeader)) / 8; ++w)
          words[w] = i + 1;
        link.write()->target = stamped;
      });
    }
    stm::detach_thread();
  });
  std::thread reader([&] {
    stm::attach_thread();
    for (int i = 0; i < rounds; ++i) {
      Offset page = pages + Offset(i) * stm::kPageSize;
      Ref<Link> scratch(page);
      stm::run_transaction([&] { scratch.write()->pad = i; });
      reader_round.store(i);
      for (bool seen = false; !seen;) {
        stm::run_transaction([&] {
          seen = false;
          scratch.write()->pad = i;
          Offset target = link.read()->target;
          if (target != page + kScratchBytes) return;
          seen = true;
          // The last word: the one a copy in progress writes last.
          const char* bytes = stm::view_address(target);
          std::int64_t last;
          std::memcpy(&last, bytes + kStampedBytes - 8, 8);
          if (last != i + 1) ++stale_rounds;
        });
      }
    }
    stm::detach_thread();
  });
  writer.join();
  reader.join();
  return stale_rounds.load();
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(new_objects_are_in_place_before_their_links) {
  int stale = run_new_object_rounds(3000);
  BOOST_TEST(stale == 0, stale << " of 3000 rounds read a linked new object before its bytes");
}

BOOST_AUTO_TEST_CASE(one_writer_one_reader) {
  Outcome o = run_pairs(1, 1, 500000);
  BOOST_TEST_MESSAGE(o.reads << " reads");
  BOOST_TEST(o.torn == 0, o.torn << " torn reads, first " << o.first_a << " / " << o.first_b);
}

BOOST_AUTO_TEST_CASE(two_writers_two_readers) {
  Outcome o = run_pairs(2, 2, 100000);
  BOOST_TEST(o.torn == 0, o.torn << " torn reads, first " << o.first_a << " / " << o.first_b);
}
