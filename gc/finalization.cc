// gc/finalization.cc - the queue of work that collections leave for the runtime.
//
// Collections append to it with the world stopped; program threads take from it inside
// their transactions. A taken item is only *held* until the taker says how its
// transaction ended: the queue lives in plain memory, which an abort does not roll back,
// so an item removed for good by a transaction that then aborted would be lost (a
// callback never run) or, worse, no longer a root while nothing in the heap refers to
// it. Held items stay roots; an abort puts them back.
//
// One mutex guards the queue. It is never held across a call into stm/: a thread that
// waits for it cannot keep a collector waiting for a safe point for long, since the
// holder only moves a few words.
#include "gc/heap.h"
#include "gc/marker.h"

#include <algorithm>
#include <deque>
#include <mutex>

namespace gc::detail {
namespace {

struct Held {
  const void* holder; // the taking thread
  Finalization item;
};

struct FinalizationQueue {
  std::mutex lock;
  std::deque<Finalization> queued;
  std::vector<Held> held;
  std::atomic<bool> pending{false}; // queued is not empty
};

FinalizationQueue& finalization_queue() {
  static auto* queue = new FinalizationQueue; // outlives every thread-exit hook
  return *queue;
}

// Its address names the calling thread among the holders.
thread_local char holder_token;

} // namespace

void mark_finalization_roots(Marker& marker) {
  FinalizationQueue& queue = finalization_queue();
  std::lock_guard guard(queue.lock);
  for (const Finalization& item : queue.queued)
    marker.mark(item.object);
  for (const Held& held : queue.held)
    marker.mark(held.item.object);
}

void queue_finalizations(std::vector<Finalization>& finalize,
                         std::vector<Finalization>& callbacks) {
  if (finalize.empty() && callbacks.empty()) return;
  // Marking order depends on how the parallel markers split the work; a fixed order
  // keeps a program's output the same from run to run. Ascending addresses follow
  // allocation order closely; CPython calls the callbacks of the newest reference first.
  auto by_address = [](const Finalization& a, const Finalization& b) {
    return a.object < b.object;
  };
  std::sort(finalize.begin(), finalize.end(), by_address);
  std::sort(callbacks.rbegin(), callbacks.rend(), by_address);
  FinalizationQueue& queue = finalization_queue();
  std::lock_guard guard(queue.lock);
  queue.queued.insert(queue.queued.end(), finalize.begin(), finalize.end());
  queue.queued.insert(queue.queued.end(), callbacks.begin(), callbacks.end());
  queue.pending.store(true, std::memory_order_release);
  finalize.clear();
  callbacks.clear();
}

} // namespace gc::detail

namespace gc {
using namespace detail;

void set_finalization_hook(void (*hook)()) {
  gc_heap().finalization_hook.store(hook, std::memory_order_release);
}

bool finalization_pending() {
  return finalization_queue().pending.load(std::memory_order_acquire);
}

bool take_finalization(Finalization& out) {
  // Outside a transaction a collection could run between the take and the caller's
  // use of the item; inside one, the caller is Running and no collection can.
  if (!stm::in_transaction()) fatal("take_finalization outside a transaction");
  FinalizationQueue& queue = finalization_queue();
  if (!queue.pending.load(std::memory_order_acquire)) return false;
  std::lock_guard guard(queue.lock);
  if (queue.queued.empty()) return false;
  out = queue.queued.front();
  queue.queued.pop_front();
  queue.held.push_back({&holder_token, out});
  if (queue.queued.empty()) queue.pending.store(false, std::memory_order_release);
  return true;
}

void finish_finalizations(bool committed) {
  FinalizationQueue& queue = finalization_queue();
  std::lock_guard guard(queue.lock);
  auto mine = std::stable_partition(queue.held.begin(), queue.held.end(),
                                    [](const Held& h) { return h.holder != &holder_token; });
  if (!committed && mine != queue.held.end()) {
    for (auto it = queue.held.end(); it != mine;)
      queue.queued.push_front((--it)->item);
    queue.pending.store(true, std::memory_order_release);
  }
  queue.held.erase(mine, queue.held.end());
}

bool is_finalized(Offset object) {
  PageRun* run = run_at(gc_heap(), object);
  if (!run) return false;
  unsigned cell = run->cell_of(object);
  return cell < run->cells && run->is_taken(cell) && (run->finalized[cell / 64] >> (cell % 64) & 1);
}

} // namespace gc
