// tests/stm/test_serializability.cc - randomized serializability.
//
// K threads run random transactions over a shared graph: M nodes, each with three integer
// fields and a reference slot to a leaf object. A transaction reads fields, writes them
// (often read-modify-write), allocates leaves and links them, reads and writes leaves
// through the links, polls safe points, sometimes aborts itself and sometimes becomes
// inevitable. Every updating transaction finally writes its unique id into a global
// sequencer object and reads the previous id there: the sequencer's write lock is held
// until commit, so the ids chain the committed updating transactions in commit order.
// Read-only transactions read the sequencer first (any later commit then conflicts with
// them), which names the committed state they ran on.
//
// The check: replaying the committed updating transactions in chain order on a sequential
// model reproduces every value each of them read, and every read-only transaction read
// exactly the model state after the transaction it named. Also: an inevitable transaction
// never aborts after become_inevitable, and the statistics count what happened.
//
// Fixed seeds in the suite; PYPYSTM_SOAK_SECONDS=N runs random seeds for N seconds.
#define BOOST_TEST_MODULE stm_serializability
#include <boost/test/unit_test.hpp>

#include "tests/stm/test_heap.h"

#include <array>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace stmtest;

namespace {

using HeapSetup = HeapFixture<4>;

constexpr std::uint16_t kNodeType = 11;
constexpr std::uint16_t kLeafType = 12;
constexpr std::uint16_t kSeqType = 13;
constexpr int kFields = 3;
constexpr std::size_t kNodes = 24;

struct Node {
  ObjectHeader header;
  std::uint32_t index;
  std::uint32_t pad;
  std::int64_t f[kFields];
  Offset ref;
};

struct Leaf {
  ObjectHeader header;
  std::int64_t value;
};

struct Sequencer {
  ObjectHeader header;
  std::uint64_t last;
  std::uint64_t count;
};

enum class OpKind : std::uint8_t { ReadField, WriteField, ReadRef, WriteLeaf, Alloc };

struct Op {
  OpKind kind;
  std::uint8_t field = 0;
  std::uint32_t node = 0;
  std::int64_t value = 0; // field or leaf value read or written
  Offset ref = 0;         // ReadRef: the link read; WriteLeaf: the leaf; Alloc: the new leaf
};

struct TxRecord {
  std::uint64_t id = 0;
  std::uint64_t prev = 0; // updating: the previous id in the sequencer; read-only: the id seen
  bool read_only = false;
  bool inevitable = false;
  std::vector<Op> ops;
};

struct Graph {
  std::vector<Ref<Node>> nodes;
  Ref<Sequencer> seq;
};

Graph& graph() {
  static Graph g;
  return g;
}

// Allocates the graph once per process (fresh objects are zeroed: the model's initial
// state), later resets it to that state.
void reset_graph() {
  Graph& g = graph();
  if (g.nodes.empty()) {
    std::vector<Ref<Node>> nodes;
    Ref<Sequencer> seq;
    stm::run_transaction([&] {
      nodes.clear();
      for (std::size_t i = 0; i < kNodes; ++i) {
        Ref<Node> n = make<Node>(kNodeType);
        must(static_cast<bool>(n), "heap exhausted");
        n.fresh()->index = static_cast<std::uint32_t>(i);
        nodes.push_back(n);
      }
      seq = make<Sequencer>(kSeqType);
      must(static_cast<bool>(seq), "heap exhausted");
    });
    g.nodes = nodes;
    g.seq = seq;
    return;
  }
  stm::run_transaction([&] {
    for (auto& n : g.nodes) {
      Node* p = n.write();
      for (auto& f : p->f)
        f = 0;
      p->ref = 0;
    }
    Sequencer* s = g.seq.write();
    s->last = 0;
    s->count = 0;
  });
}

struct ThreadResult {
  std::vector<TxRecord> committed;
  std::uint64_t attempts = 0, explicit_aborts = 0, conflict_aborts = 0, inevitable_requests = 0;
  std::uint64_t allocations = 0, inevitable_committed = 0;
};

struct RoundConfig {
  int threads;
  std::uint64_t seed;
  int transactions_per_thread;
};

void worker(const RoundConfig& config, int thread_index, ThreadResult& result, Failures& failures,
            StartGate& gate) {
  stm::ThreadScope scope;
  gate.arrive_and_wait();
  Graph& g = graph();
  std::mt19937_64 rng(config.seed * 1000003u + static_cast<std::uint64_t>(thread_index));
  std::uint64_t counter = 0;
  for (int t = 0; t < config.transactions_per_thread; ++t) {
    for (;;) {
      TxRecord rec;
      rec.id = (static_cast<std::uint64_t>(thread_index + 1) << 40) | ++counter;
      rec.read_only = rng() % 6 == 0;
      int n_ops = 1 + static_cast<int>(rng() % 8);
      int abort_at = rng() % 25 == 0 ? static_cast<int>(rng() % n_ops) : -1;
      int inevitable_at = !rec.read_only && rng() % 30 == 0 ? static_cast<int>(rng() % n_ops) : -1;
      bool inevitable_now = false;
      ++result.attempts;
      stm::start_transaction();
      try {
        // After K aborts in a row the transaction starts inevitable.
        inevitable_now = stm::is_inevitable();
        rec.inevitable = inevitable_now;
        if (rec.read_only) rec.prev = g.seq.read()->last;
        for (int i = 0; i < n_ops; ++i) {
          if (i == inevitable_at) {
            ++result.inevitable_requests;
            stm::become_inevitable("test: random inevitable");
            inevitable_now = true;
            rec.inevitable = true;
            if (!stm::is_inevitable())
              failures.add("is_inevitable() false after become_inevitable");
          }
          if (i == abort_at && !stm::is_inevitable()) {
            ++result.explicit_aborts;
            stm::abort_transaction();
          }
          std::uint32_t k = static_cast<std::uint32_t>(rng() % kNodes);
          std::uint8_t field = static_cast<std::uint8_t>(rng() % kFields);
          Ref<Node> node = g.nodes[k];
          unsigned kind = static_cast<unsigned>(rng() % 100);
          if (rec.read_only) kind = kind % 2 ? 0 : 70; // reads only: a field, a link
          if (kind < 35) {                             // read a field
            rec.ops.push_back({OpKind::ReadField, field, k, node.read()->f[field], 0});
          } else if (kind < 65) { // read-modify-write a field
            std::int64_t v = node.read()->f[field];
            rec.ops.push_back({OpKind::ReadField, field, k, v, 0});
            v = rng() % 4 == 0 ? static_cast<std::int64_t>(rng() % 1000) : v + 1;
            node.write()->f[field] = v;
            rec.ops.push_back({OpKind::WriteField, field, k, v, 0});
          } else if (kind < 80) { // read the link and the leaf behind it
            Offset r = node.read()->ref;
            std::int64_t v = r ? Ref<Leaf>(r).read()->value : 0;
            rec.ops.push_back({OpKind::ReadRef, 0, k, v, r});
          } else if (kind < 90) { // write the leaf behind the link
            Offset r = node.read()->ref;
            std::int64_t old = r ? Ref<Leaf>(r).read()->value : 0;
            rec.ops.push_back({OpKind::ReadRef, 0, k, old, r});
            if (r) {
              // Wrapping (unsigned) arithmetic: a leaf written 40 times overflows int64.
              std::int64_t v = static_cast<std::int64_t>(static_cast<std::uint64_t>(old) * 3 + 1);
              Ref<Leaf>(r).write()->value = v;
              rec.ops.push_back({OpKind::WriteLeaf, 0, k, v, r});
            }
          } else { // allocate a leaf and link it
            Ref<Leaf> leaf = make<Leaf>(kLeafType);
            if (leaf) {
              ++result.allocations;
              std::int64_t v = static_cast<std::int64_t>(rng() % 100000);
              leaf.fresh()->value = v;
              node.write()->ref = leaf.offset();
              rec.ops.push_back({OpKind::Alloc, 0, k, v, leaf.offset()});
            }
          }
          stm::safe_point();
        }
        if (!rec.read_only) {
          Sequencer* s = g.seq.write();
          rec.prev = s->last;
          s->last = rec.id;
          s->count += 1;
        }
        stm::commit_transaction();
      } catch (const stm::TxAbort& e) {
        if (inevitable_now)
          failures.add(std::string("an inevitable transaction aborted, cause ") +
                       cause_name(e.cause));
        if (e.cause != stm::AbortCause::Explicit) ++result.conflict_aborts;
        if (stm::in_transaction()) failures.add("still in a transaction after TxAbort");
        continue;
      }
      if (rec.inevitable) ++result.inevitable_committed;
      result.committed.push_back(std::move(rec));
      break;
    }
  }
}

// The sequential model.
struct Model {
  std::vector<std::array<std::int64_t, kFields>> f;
  std::vector<Offset> ref;
  std::unordered_map<Offset, std::int64_t> leaves;
  Model() : f(kNodes, std::array<std::int64_t, kFields>{}), ref(kNodes, 0) {}

  // Applies (writes) or checks (reads) the ops in order; returns the first mismatch.
  std::string apply(const TxRecord& tx, bool writes) {
    for (std::size_t i = 0; i < tx.ops.size(); ++i) {
      const Op& op = tx.ops[i];
      auto where = [&] {
        return "tx " + std::to_string(tx.id >> 40) + ":" + std::to_string(tx.id & 0xffffffffff) +
               " op " + std::to_string(i) + " node " + std::to_string(op.node) + ": ";
      };
      switch (op.kind) {
      case OpKind::ReadField:
        if (f[op.node][op.field] != op.value)
          return where() + "read field " + std::to_string(op.field) + " = " +
                 std::to_string(op.value) + ", model has " + std::to_string(f[op.node][op.field]);
        break;
      case OpKind::WriteField:
        if (!writes) return where() + "a write in a read-only transaction";
        f[op.node][op.field] = op.value;
        break;
      case OpKind::ReadRef: {
        if (ref[op.node] != op.ref)
          return where() + "read link " + std::to_string(op.ref) + ", model has " +
                 std::to_string(ref[op.node]);
        if (op.ref) {
          auto it = leaves.find(op.ref);
          if (it == leaves.end()) return where() + "read a leaf that was never committed";
          if (it->second != op.value)
            return where() + "read leaf value " + std::to_string(op.value) + ", model has " +
                   std::to_string(it->second);
        }
        break;
      }
      case OpKind::WriteLeaf:
        if (!writes) return where() + "a write in a read-only transaction";
        leaves[op.ref] = op.value;
        break;
      case OpKind::Alloc:
        if (!writes) return where() + "a write in a read-only transaction";
        if (leaves.count(op.ref)) return where() + "a new leaf reuses a live offset";
        leaves[op.ref] = op.value;
        ref[op.node] = op.ref;
        break;
      }
    }
    return "";
  }
};

// Replays the history; read-only transactions are checked (writes=false) after the commit they saw.
std::string check_history(const std::vector<TxRecord>& all, std::size_t* updating_count) {
  std::unordered_map<std::uint64_t, const TxRecord*> by_prev;
  std::unordered_map<std::uint64_t, std::vector<const TxRecord*>> readers_of;
  std::size_t updating = 0;
  for (const TxRecord& tx : all) {
    if (tx.read_only) {
      readers_of[tx.prev].push_back(&tx);
      continue;
    }
    ++updating;
    auto [it, inserted] = by_prev.emplace(tx.prev, &tx);
    if (!inserted)
      return "two committed transactions followed the same predecessor " + std::to_string(tx.prev) +
             " (lost update on the sequencer)";
  }
  *updating_count = updating;
  Model model;
  auto check_readers = [&](std::uint64_t id) -> std::string {
    auto it = readers_of.find(id);
    if (it == readers_of.end()) return "";
    for (const TxRecord* r : it->second) {
      std::string e = model.apply(*r, false);
      if (!e.empty()) return "read-only " + e + " (snapshot after " + std::to_string(id) + ")";
    }
    readers_of.erase(it);
    return "";
  };
  std::uint64_t last = 0;
  std::string e = check_readers(0);
  if (!e.empty()) return e;
  for (std::size_t n = 0; n < updating; ++n) {
    auto it = by_prev.find(last);
    if (it == by_prev.end())
      return "the commit chain breaks after " + std::to_string(n) + " of " +
             std::to_string(updating) + " transactions";
    const TxRecord& tx = *it->second;
    e = model.apply(tx, true);
    if (!e.empty()) return "in serial position " + std::to_string(n) + ": " + e;
    last = tx.id;
    e = check_readers(last);
    if (!e.empty()) return e;
  }
  if (!readers_of.empty()) return "a read-only transaction saw an id that no commit wrote";
  return "";
}

struct RoundOutcome {
  std::string error;
  std::size_t committed = 0, updating = 0;
  ThreadResult totals;
  stm::Statistics stats;
};

RoundOutcome run_round(const RoundConfig& config) {
  reset_graph();
  Failures failures;
  std::vector<ThreadResult> results(static_cast<std::size_t>(config.threads));
  const stm::Statistics before = stm::total_statistics();
  {
    Watchdog watchdog(240, "serializability round (seed " + std::to_string(config.seed) + ")");
    std::vector<std::thread> threads;
    StartGate gate(config.threads);
    for (int i = 0; i < config.threads; ++i)
      threads.emplace_back(
          [&, i] { worker(config, i, results[static_cast<std::size_t>(i)], failures, gate); });
    for (auto& t : threads)
      t.join();
  }
  RoundOutcome out;
  out.stats = difference(stm::total_statistics(), before);
  std::vector<TxRecord> all;
  for (auto& r : results) {
    out.totals.attempts += r.attempts;
    out.totals.explicit_aborts += r.explicit_aborts;
    out.totals.conflict_aborts += r.conflict_aborts;
    out.totals.inevitable_requests += r.inevitable_requests;
    out.totals.allocations += r.allocations;
    out.totals.inevitable_committed += r.inevitable_committed;
    for (auto& tx : r.committed)
      all.push_back(std::move(tx));
  }
  out.committed = all.size();
  if (failures.count())
    out.error = failures.summary();
  else
    out.error = check_history(all, &out.updating);
  if (out.error.empty()) {
    // The final state of the heap is the model's final state too: one read-only
    // transaction appended at the end of the history.
    TxRecord last;
    last.read_only = true;
    Graph& g = graph();
    stm::run_transaction([&] {
      last.ops.clear();
      last.prev = g.seq.read()->last;
      for (std::uint32_t k = 0; k < kNodes; ++k) {
        const Node* n = g.nodes[k].read();
        for (int f = 0; f < kFields; ++f)
          last.ops.push_back({OpKind::ReadField, static_cast<std::uint8_t>(f), k, n->f[f], 0});
        std::int64_t v = n->ref ? Ref<Leaf>(n->ref).read()->value : 0;
        last.ops.push_back({OpKind::ReadRef, 0, k, v, n->ref});
      }
      std::uint64_t count = g.seq.read()->count;
      if (count != out.updating)
        out.error = "sequencer count " + std::to_string(count) + " != committed updating " +
                    std::to_string(out.updating);
    });
    if (out.error.empty()) {
      all.push_back(last);
      std::size_t ignored = 0;
      out.error = check_history(all, &ignored);
      if (!out.error.empty()) out.error = "final state: " + out.error;
    }
  }
  if (out.error.empty()) {
    // The statistics count exactly what the threads did.
    const std::uint64_t inevitable_committed = out.totals.inevitable_committed;
    if (out.stats.commits != out.committed)
      out.error = "statistics: " + std::to_string(out.stats.commits) +
                  " commits, threads counted " + std::to_string(out.committed);
    else if (aborts(out.stats, stm::AbortCause::Explicit) != out.totals.explicit_aborts)
      out.error = "statistics: explicit aborts differ";
    else if (out.stats.total_aborts() - aborts(out.stats, stm::AbortCause::Explicit) !=
             out.totals.conflict_aborts)
      out.error = "statistics: conflict aborts differ";
    else if (out.stats.inevitable_commits < inevitable_committed)
      out.error = "statistics: fewer inevitable commits than inevitable transactions committed";
  }
  return out;
}

void round_test(int threads, std::uint64_t seed, int per_thread) {
  stm::ThreadScope scope;
  RoundOutcome out = run_round({threads, seed, per_thread});
  BOOST_TEST_MESSAGE("K=" << threads << " seed=" << seed << ": " << out.committed << " committed ("
                          << out.updating << " updating) in " << out.totals.attempts
                          << " attempts; explicit aborts " << out.totals.explicit_aborts
                          << ", conflict aborts " << out.totals.conflict_aborts
                          << ", inevitable requests " << out.totals.inevitable_requests
                          << "; stm: " << brief(out.stats));
  BOOST_TEST(out.error == "", "K=" << threads << " seed=" << seed << ": " << out.error);
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(HeapSetup);

BOOST_AUTO_TEST_CASE(two_threads_seed_1) {
  round_test(2, 1, 10000);
}
BOOST_AUTO_TEST_CASE(two_threads_seed_2) {
  round_test(2, 2, 10000);
}
BOOST_AUTO_TEST_CASE(four_threads_seed_3) {
  round_test(4, 3, 5000);
}
BOOST_AUTO_TEST_CASE(four_threads_seed_4) {
  round_test(4, 4, 5000);
}
// More threads than segments: some wait for a free one.
BOOST_AUTO_TEST_CASE(six_threads_seed_5) {
  round_test(6, 5, 3000);
}

BOOST_AUTO_TEST_CASE(soak) {
  const double seconds = soak_seconds();
  if (seconds <= 0) {
    BOOST_TEST_MESSAGE("soak mode off (PYPYSTM_SOAK_SECONDS is 0)");
    return;
  }
  stm::ThreadScope scope;
  std::random_device device;
  const auto start = Clock::now();
  int rounds = 0;
  while (seconds_since(start) < seconds) {
    const std::uint64_t seed = (static_cast<std::uint64_t>(device()) << 32) | device();
    const int threads = (rounds % 2) ? 4 : 2;
    RoundOutcome out = run_round({threads, seed, threads == 2 ? 1500 : 800});
    ++rounds;
    BOOST_TEST_REQUIRE(out.error == "", "soak round " << rounds << " K=" << threads
                                                      << " seed=" << seed << ": " << out.error);
  }
  BOOST_TEST_MESSAGE("soak: " << rounds << " rounds in " << seconds_since(start) << " s");
}
