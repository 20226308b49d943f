// tests/gc/test_exhaustion.cc - a full heap is a 0 from gc::allocate (the interpreter's
// MemoryError), never a crash, and the memory is usable again once references go.
#define BOOST_TEST_MODULE gc_exhaustion
#include <boost/test/unit_test.hpp>

#include "tests/gc/gc_test.h"

using namespace gctest;

namespace {

constexpr std::size_t kHeapMiB = 4;
using HeapSetup = GcFixture<2, kHeapMiB>;

// Counts are doubles: an integer byte count of this heap's size falls inside the offset
// range of its object area, and on the stack it would look like a reference to the
// conservative scanner.
struct Fill {
  double bytes = 0;
  double nodes = 0;
  bool exhausted = false;
};

constexpr std::uint32_t kBatches = 1024, kBatchNodes = 64;

// Fills the heap until it is exhausted with nodes of mixed sizes (a few large), 64 per
// transaction in a batch table, the batches in one root table at `root`; `root`
// changes only after a commit. Shallow on purpose: a stale word on some stack that
// happens to equal an offset (likely in a heap this small, whose offsets are small
// integers) retains one node or one batch, not everything allocated before it.
Fill fill_until_exhausted(Offset& root, std::uint32_t seed) {
  Fill total;
  stm::run_transaction([&] {
    if (!root) root = new_table(kBatches);
  });
  for (std::uint32_t b = 0; b < kBatches && !total.exhausted; ++b) {
    Fill round;
    stm::run_transaction([&] {
      round = Fill{};
      Offset batch = new_table(kBatchNodes);
      if (!batch) {
        round.exhausted = true;
        return;
      }
      Ref<Table>(root).write()->slots[b] = batch;
      for (std::uint32_t i = 0; i < kBatchNodes; ++i) {
        std::uint32_t n = seed + std::uint32_t(total.nodes + round.nodes);
        std::uint32_t payload = (n % 37 == 0) ? 64 * 1024 + (n % 7) * 4096 : 16 + (mix(n) % 900);
        Offset o = new_node(n, payload);
        if (!o) {
          round.exhausted = true;
          break;
        }
        Ref<Table>(batch).fresh()->slots[i] = o;
        round.bytes += sizeof(Node) + payload;
        ++round.nodes;
      }
    });
    total.bytes += round.bytes;
    total.nodes += round.nodes;
    total.exhausted = round.exhausted;
  }
  return total;
}

double intact_nodes(Offset root) {
  double intact = 0;
  stm::run_transaction([&] {
    intact = 0;
    const Table* batches = Ref<Table>(root).read();
    for (std::uint32_t b = 0; b < batches->count; ++b) {
      if (!batches->slots[b]) continue;
      const Table* batch = Ref<Table>(batches->slots[b]).read();
      for (std::uint32_t i = 0; i < batch->count; ++i)
        if (batch->slots[i]) intact += payload_intact(Ref<Node>(batch->slots[i]).read());
    }
  });
  return intact;
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

// The first fill, in a frame of its own that scrub_stack() then overwrites: no copy of
// the chain's offsets may stay on the stack once the root lets go of it.
__attribute__((noinline)) Fill first_fill(Offset& head) {
  // Where the small requests below keep what they get: unreached new objects would be
  // collected to make room. A rooted table, not the stack: what a stack keeps depends on
  // the compiler (under AddressSanitizer, on its own stack frames).
  Offset kept = 0;
  gc::add_root(&kept);
  stm::run_transaction([&] { kept = new_table(1000); });
  Fill first = fill_until_exhausted(head, 1);
  BOOST_TEST_MESSAGE("first fill: " << first.nodes << " nodes, " << first.bytes << " bytes");
  BOOST_TEST(first.exhausted);
  BOOST_TEST(first.bytes > double(kHeapMiB << 20) / 2); // most of the heap was usable
  BOOST_TEST(intact_nodes(head) == first.nodes);
  // Still full: more attempts fail the same way.
  stm::run_transaction([&] {
    BOOST_TEST(gc::allocate(types.blob, 200 * 1024) == 0u);
    // Small requests may still find a free cell or two in a partly used run.
    int small = 0;
    while (small < 1000) {
      Offset blob = gc::allocate(types.blob, 2000);
      if (!blob) break;
      Ref<Table>(kept).write()->slots[small++] = blob;
    }
    BOOST_TEST(small < 1000);
  });
  gc::remove_root(&kept);
  kept = 0;
  head = 0; // everything becomes garbage
  return first;
}

BOOST_AUTO_TEST_CASE(a_full_heap_returns_0_and_recovers_when_references_go) {
  Offset head = 0;
  gc::add_root(&head);
  Fill first = first_fill(head);
  scrub_stack();
  Fill second = fill_until_exhausted(head, 7);
  BOOST_TEST_MESSAGE("second fill: " << second.nodes << " nodes, " << second.bytes << " bytes");
  BOOST_TEST(second.exhausted);
  BOOST_TEST(second.bytes >= first.bytes * 0.85);
  BOOST_TEST(intact_nodes(head) == second.nodes);
  gc::remove_root(&head);
}

BOOST_AUTO_TEST_CASE(requests_larger_than_the_heap_return_0) {
  stm::run_transaction([&] {
    BOOST_TEST(gc::allocate(types.blob, (kHeapMiB + 1) << 20) == 0u);
    BOOST_TEST(gc::allocate(types.blob, std::size_t{1} << 40) == 0u);
    BOOST_TEST(gc::allocate(types.blob, 100) != 0u); // and the heap still works
  });
}

BOOST_AUTO_TEST_CASE(exhaustion_collects_even_with_automatic_collection_off) {
  gc::set_enabled(false);
  Offset head = 0;
  gc::add_root(&head);
  double total = 0;
  // Garbage worth several heaps: each fill's chain dies when the next fill starts.
  for (int round = 0; round < 4; ++round) {
    head = 0;
    scrub_stack();
    Fill fill = fill_until_exhausted(head, 100 + round);
    BOOST_TEST(fill.bytes > double(kHeapMiB << 20) / 2);
    total += fill.bytes;
  }
  BOOST_TEST(total > 2.0 * double(kHeapMiB << 20));
  gc::remove_root(&head);
  gc::set_enabled(true);
}
