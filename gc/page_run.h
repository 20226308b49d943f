// gc/page_run.h - the side-table record of one run of object-area pages (internal).
//
// A run holds either cells of one size class or a single large object. Everything the
// allocator and the collector know about it lives here, in raw memory outside the heap:
// heap bytes roll back when a transaction aborts and differ from view to view, so the
// record of which cells are taken cannot live in them.
#pragma once

#include "gc/size_classes.h"

#include <atomic>
#include <bit>
#include <cstdint>

namespace gc::detail {

struct ThreadHeap;

inline constexpr std::uint8_t kLargeClass = 0xff;

struct PageRun {
  stm::Offset start = 0;
  std::uint32_t pages = 0;
  std::uint32_t cell_size = 0; // a large run: its pages' bytes
  std::uint32_t reciprocal = 0;
  std::uint16_t cells = 0;
  std::uint16_t used = 0; // cells taken
  std::uint8_t size_class = kLargeClass;
  std::uint8_t search_word = 0; // no free cell below this bitmap word
  bool in_partial_list = false;

  // The thread allocating from this run, or null. Only that thread takes cells; it and
  // the collector (with the world stopped) are the only writers of the bitmaps.
  std::atomic<ThreadHeap*> owner{nullptr};
  // The thread that owned it last: the sweep offers a partial run to that thread first,
  // so that a thread's objects stay on its own pages. Two threads allocating into one run
  // write the same cache lines of objects, write locks and, through copies on commit,
  // each other's private pages. Only a hint: it may name a thread that has exited.
  ThreadHeap* last_owner = nullptr;

  std::uint64_t taken[kBitmapWords] = {};
  std::atomic<std::uint64_t> marked[kBitmapWords] = {};
  std::uint64_t finalizable[kBitmapWords] = {}; // its type has a finalizer
  std::uint64_t finalized[kBitmapWords] = {};   // handed to the finalizer hook already
  std::uint64_t leaf[kBitmapWords] = {};        // allocated as a leaf: never traced

  bool large() const { return size_class == kLargeClass; }
  stm::Offset end() const { return start + stm::Offset(pages) * stm::kPageSize; }
  std::uint32_t bytes() const { return pages * std::uint32_t(stm::kPageSize); }
  unsigned words() const { return (cells + 63) / 64; }
  // Bits of bitmap word `w` that stand for cells of this run.
  std::uint64_t valid_bits(unsigned w) const {
    unsigned left = cells - w * 64;
    return left >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << left) - 1;
  }
  stm::Offset cell_start(unsigned cell) const { return start + stm::Offset(cell) * cell_size; }
  // The cell holding byte `offset` of the run, or cells if it falls in the tail waste.
  unsigned cell_of(stm::Offset offset) const {
    if (large()) return 0;
    return unsigned(((offset - start) * reciprocal) >> 32);
  }
  bool is_taken(unsigned cell) const { return taken[cell / 64] >> (cell % 64) & 1; }
  bool is_leaf(unsigned cell) const { return leaf[cell / 64] >> (cell % 64) & 1; }

  // The owner's allocation step: the lowest free cell, or 0 if the run is full.
  stm::Offset take_cell() {
    for (unsigned w = search_word, n = words(); w < n; ++w) {
      std::uint64_t free = ~taken[w] & valid_bits(w);
      if (!free) continue;
      unsigned bit = unsigned(std::countr_zero(free));
      taken[w] |= std::uint64_t{1} << bit;
      ++used;
      search_word = std::uint8_t(w);
      return cell_start(w * 64 + bit);
    }
    search_word = std::uint8_t(words());
    return 0;
  }

  void give_back_cell(unsigned cell) {
    std::uint64_t bit = std::uint64_t{1} << (cell % 64);
    taken[cell / 64] &= ~bit;
    finalizable[cell / 64] &= ~bit;
    finalized[cell / 64] &= ~bit;
    leaf[cell / 64] &= ~bit;
    // A collection during the transaction that made the object may have marked it, and
    // marks outlive minor collections: a new object here must not pass for an old one.
    marked[cell / 64].fetch_and(~bit, std::memory_order_relaxed);
    --used;
    if (cell / 64 < search_word) search_word = std::uint8_t(cell / 64);
  }

  // Marks a cell; false if it was marked already. Atomic: marking may run in parallel.
  bool mark(unsigned cell) {
    std::uint64_t bit = std::uint64_t{1} << (cell % 64);
    std::atomic<std::uint64_t>& word = marked[cell / 64];
    if (word.load(std::memory_order_relaxed) & bit) return false;
    return !(word.fetch_or(bit, std::memory_order_relaxed) & bit);
  }
  bool is_marked(unsigned cell) const {
    return marked[cell / 64].load(std::memory_order_relaxed) >> (cell % 64) & 1;
  }
};

} // namespace gc::detail
