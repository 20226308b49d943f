// gc/marker.cc - the mark phase: roots, conservative stack scanning, precise tracing.
#include "gc/marker.h"

#include "gc/type_table.h"

#include <algorithm>
#include <thread>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for_each.h>

namespace gc::detail {

namespace {

// Objects traced on the calling thread before marking spreads over the TBB workers:
// small heaps are marked faster than the workers wake up.
constexpr std::size_t kSequentialBudget = 20000;
// Work is handed between workers in chunks of this many objects.
constexpr std::size_t kChunk = 256;

void visit_pinned(stm::Offset object, void* marker) {
  static_cast<Marker*>(marker)->mark_and_trace(object);
}

// Reads other threads' stacks, redzones included: outside AddressSanitizer's view.
__attribute__((no_sanitize_address)) void scan_stack(stm::StackRange range, void* arg) {
  auto* marker = static_cast<Marker*>(arg);
  auto low = (reinterpret_cast<std::uintptr_t>(range.low) + 7) & ~std::uintptr_t{7};
  auto high = reinterpret_cast<std::uintptr_t>(range.high);
  for (std::uintptr_t at = low; at + sizeof(std::uintptr_t) <= high; at += sizeof(std::uintptr_t))
    marker->mark_candidate(*reinterpret_cast<const std::uintptr_t*>(at));
}

struct CommittedProbe {
  const char* committed;
  bool found = false;
};

} // namespace

void mark_global_roots(Marker& marker); // roots.cc

void mark_roots(Marker& marker, bool minor) {
  if (minor) {
    // Before anything is marked in this collection: is_live then means "old" (a cell
    // given back by an abort since lost its mark).
    for (stm::Offset object : marker.heap().marked_in_flight)
      if (marker.is_live(object)) marker.mark_and_trace(object);
    // Each once: a thread that writes one object in every transaction lists it as often.
    std::vector<stm::Offset> remembered;
    stm::for_each_remembered_object(&append_offset, &remembered);
    std::sort(remembered.begin(), remembered.end());
    remembered.erase(std::unique(remembered.begin(), remembered.end()), remembered.end());
    for (stm::Offset object : remembered)
      marker.mark_and_trace(object);
  }
  mark_global_roots(marker);
  mark_finalization_roots(marker);
  stm::for_each_pinned_object(&visit_pinned, &marker);
  stm::for_each_thread_stack(&scan_stack, &marker);
}

Marker::Marker(GcHeap& heap) : heap_(heap), reading_view_(stm::reading_view()) {
  for (unsigned segment = 0; segment <= stm::segment_count(); ++segment)
    bases_.push_back(stm::segment_base(segment));
  auto [low, high] = std::minmax_element(bases_.begin(), bases_.end());
  address_low_ = reinterpret_cast<std::uintptr_t>(*low) + heap.area_begin;
  address_high_ = reinterpret_cast<std::uintptr_t>(*high) + heap.area_end;
}

void Marker::mark(stm::Offset ref, bool trace_if_marked) {
  PageRun* run = run_at(heap_, ref);
  if (!run) return;
  unsigned cell = run->cell_of(ref);
  if (cell >= run->cells || !run->is_taken(cell)) return;
  if ((run->mark(cell) || trace_if_marked) && !run->is_leaf(cell))
    stack_.push_back(run->cell_start(cell));
}

void Marker::mark_candidate(std::uintptr_t word) {
  const std::uintptr_t area = heap_.area_end - heap_.area_begin;
  if (word - heap_.area_begin < area) {
    mark(word);
    return;
  }
  if (word - address_low_ >= address_high_ - address_low_) return;
  for (char* base : bases_) {
    std::uintptr_t offset = word - reinterpret_cast<std::uintptr_t>(base);
    if (offset - heap_.area_begin < area) {
      mark(offset);
      return;
    }
  }
}

bool Marker::is_live(stm::Offset object) const {
  PageRun* run = run_at(heap_, object);
  if (!run) return false;
  unsigned cell = run->cell_of(object);
  return cell < run->cells && run->is_taken(cell) && run->is_marked(cell);
}

void Marker::visit(stm::Offset ref, void* marker) {
  if (ref) static_cast<Marker*>(marker)->mark(ref);
}

void Marker::trace_copy(const stm::ObjectHeader* copy) {
  if (!valid_type(copy->type_id)) {
    ++bad_headers_;
    return;
  }
  if (TraceFn trace = type_table[copy->type_id].trace) trace(copy, &Marker::visit, this);
}

void Marker::trace(stm::Offset object) {
  char* committed = bases_[0] + object;
  unsigned owner = stm::owner_segment(object);
  bool has_committed_copy = owner == 0;
  if (!has_committed_copy) {
    // for_each_version skips segment 0 exactly when the object is new.
    CommittedProbe probe{committed};
    stm::for_each_version(
        object,
        [](stm::ObjectHeader* version, void* arg) {
          auto* p = static_cast<CommittedProbe*>(arg);
          if (reinterpret_cast<char*>(version) == p->committed) p->found = true;
        },
        &probe);
    has_committed_copy = probe.found;
  }
  const char* first =
      has_committed_copy ? stm::committed_copy(reading_view_, object) : bases_[owner] + object;
  auto* header = reinterpret_cast<const stm::ObjectHeader*>(first);
  if (valid_type(header->type_id) && (type_table[header->type_id].flags & kWeakReference)) {
    const TypeInfo& type = type_table[header->type_id];
    if (has_committed_copy) {
      weak_.push_back(object);
    } else if (header->size >= type.weak_offset + sizeof(stm::Offset)) {
      // New in a running transaction: its target stays alive until the reference is
      // committed, since a callback for a reference that may never exist could not be
      // queued. The first collection after the commit clears it as usual.
      mark(*reinterpret_cast<const stm::Offset*>(first + type.weak_offset));
    }
  }
  if (has_committed_copy) trace_copy(header);
  if (owner && owner < bases_.size())
    trace_copy(reinterpret_cast<const stm::ObjectHeader*>(bases_[owner] + object));
}

void Marker::drain_here(std::size_t budget) {
  while (!stack_.empty() && budget--) {
    stm::Offset object = stack_.back();
    stack_.pop_back();
    trace(object);
  }
}

void Marker::drain() {
  drain_here(kSequentialBudget);
  if (stack_.empty()) return;
  if (heap_.parallel && std::thread::hardware_concurrency() > 1 && stack_.size() >= 2 * kChunk)
    drain_in_parallel();
  else
    drain_here(~std::size_t{0});
}

// Each TBB worker marks with a Marker of its own (mark bits are set atomically, so two
// workers never trace one object twice) and hands chunks of its stack to idle workers
// through the feeder whenever the stack grows long.
void Marker::drain_in_parallel() {
  using Chunk = std::vector<stm::Offset>;
  std::vector<Chunk> chunks;
  for (std::size_t i = 0; i < stack_.size(); i += kChunk)
    chunks.emplace_back(stack_.begin() + std::ptrdiff_t(i),
                        stack_.begin() + std::ptrdiff_t(std::min(stack_.size(), i + kChunk)));
  stack_.clear();
  tbb::enumerable_thread_specific<Marker> workers([this] {
    Marker worker(heap_);
    worker.reading_view_ = reading_view_; // workers run no transaction: read as we do
    return worker;
  });
  tbb::parallel_for_each(chunks.begin(), chunks.end(),
                         [&workers](const Chunk& chunk, tbb::feeder<Chunk>& feeder) {
                           Marker& worker = workers.local();
                           worker.stack_.insert(worker.stack_.end(), chunk.begin(), chunk.end());
                           while (!worker.stack_.empty()) {
                             if (worker.stack_.size() >= 2 * kChunk) {
                               auto split = worker.stack_.end() - std::ptrdiff_t(kChunk);
                               feeder.add(Chunk(split, worker.stack_.end()));
                               worker.stack_.erase(split, worker.stack_.end());
                             }
                             stm::Offset object = worker.stack_.back();
                             worker.stack_.pop_back();
                             worker.trace(object);
                           }
                         });
  for (Marker& worker : workers) {
    weak_.insert(weak_.end(), worker.weak_.begin(), worker.weak_.end());
    bad_headers_ += worker.bad_headers_;
  }
}

} // namespace gc::detail
