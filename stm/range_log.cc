// stm/range_log.cc - range writes: the write barrier for large objects that logs pages,
// not whole objects.
//
// The plain write barrier makes commit copy (and abort restore) the whole object. For an
// 8 MB list storage written at one index per transaction that is 8 MB of memmove per
// commit. A range write takes the same write lock (so conflicts, the contention manager
// and events are the same), but records only the chunks of kRangeChunk bytes it touches
// in a bitmap (and makes their pages private); commit copies those chunks (cut to the
// object's bytes: neighbours on the first and last page belong to other objects) and
// abort restores them. Chunks rather than pages: a sieve writing one item per page would
// otherwise copy 4 KiB per 8-byte store at every commit.
//
// The object keeps kNeedsWriteBarrier in the view, so a plain write_barrier later in the
// same transaction still reaches its slow path, which promotes the entry to the write
// log. The header's chunk is always logged, so its page is private: every view holding
// any private page of the object then also holds its header page, which is what
// for_each_version looks at.
#include "stm/core.h"

#include <algorithm>
#include <cstring>

namespace stm::detail {

// Chunks are counted from the start of the object's first page.
static std::size_t chunks_spanned(Offset object, std::size_t size) {
  return ((object & (kPageSize - 1)) + size + kRangeChunk - 1) / kRangeChunk;
}

static RangeEntry* find_entry(ThreadContext* ctx, Offset object) {
  // Newest first: a transaction usually keeps writing the object it range-wrote last.
  for (auto entry = ctx->range_log.rbegin(); entry != ctx->range_log.rend(); ++entry)
    if (entry->object == object && !entry->promoted) return &*entry;
  return nullptr;
}

// Marks chunks [first, last] dirty and their pages private.
static void mark_dirty(ThreadContext* ctx, RangeEntry& entry, std::size_t first, std::size_t last) {
  Offset first_page = entry.object & ~Offset(kPageSize - 1);
  privatize(ctx->segment, first_page + first * kRangeChunk, (last - first + 1) * kRangeChunk);
  for (std::size_t chunk = first; chunk <= last; ++chunk)
    entry.dirty[chunk >> 6] |= std::uint64_t(1) << (chunk & 63);
}

// Calls fn(offset, length) for each run of dirty chunks, cut to the object's bytes.
template <class Fn> static void for_each_dirty_chunk(const RangeEntry& entry, Fn&& fn) {
  std::size_t chunks = chunks_spanned(entry.object, entry.size);
  Offset first_page = entry.object & ~Offset(kPageSize - 1);
  Offset end = entry.object + entry.size;
  std::size_t run_start = 0, run_end = 0; // a run of dirty chunks, [start, end)
  auto flush = [&] {
    if (run_end == run_start) return;
    Offset from = std::max<Offset>(first_page + run_start * kRangeChunk, entry.object);
    Offset to = std::min<Offset>(first_page + run_end * kRangeChunk, end);
    fn(from, std::size_t(to - from));
  };
  for (std::size_t word = 0; word < (chunks + 63) / 64; ++word) {
    for (std::uint64_t bits = entry.dirty[word]; bits; bits &= bits - 1) {
      std::size_t chunk = word * 64 + std::size_t(__builtin_ctzll(bits));
      if (chunk != run_end) {
        flush();
        run_start = chunk;
      }
      run_end = chunk + 1;
    }
  }
  flush();
}

void write_barrier_range_slow(Offset object, std::size_t from, std::size_t length) {
  ThreadContext* ctx = tl.context;
  if (!ctx || !ctx->in_tx.load(std::memory_order_relaxed))
    fatal("range write barrier outside a transaction (object %#zx)", std::size_t(object));
  if (!heap.contains_object(object))
    fatal("range write barrier on %#zx, which is not an object of the heap", std::size_t(object));
  auto* header = reinterpret_cast<ObjectHeader*>(tl.segment_base + object);
  if (!(header->flags & kNeedsWriteBarrier)) return;
  const std::uint32_t size = header->size;
  if (size < kRangeWriteMinBytes) {
    write_barrier_slow(object);
    return;
  }
  if (from > size || length > size - from)
    fatal("range write [%zu, %zu) outside object %#zx of %u bytes", from, from + length,
          std::size_t(object), size);
  if (!length) return;
  RangeEntry* entry = find_entry(ctx, object);
  if (!entry) {
    // A new object of this transaction would have no flag; be safe if it has one.
    if (heap.lock_of(object).load(std::memory_order_relaxed) ==
        std::uint8_t(ctx->segment | kLockNewObject))
      return;
    acquire_write_lock(ctx, object);
    std::size_t words = (chunks_spanned(object, size) + 63) / 64;
    ctx->range_log.push_back({object, size, false, std::make_unique<std::uint64_t[]>(words)});
    entry = &ctx->range_log.back();
    std::size_t header_chunk = (object & (kPageSize - 1)) / kRangeChunk;
    mark_dirty(ctx, *entry, header_chunk, header_chunk);
  }
  std::size_t at = (object & (kPageSize - 1)) + from;
  mark_dirty(ctx, *entry, at / kRangeChunk, (at + length - 1) / kRangeChunk);
  tl.range_object = object;
  tl.range_dirty = entry->dirty.get();
}

bool promote_range_entry(ThreadContext* ctx, Offset object) {
  RangeEntry* entry = find_entry(ctx, object);
  if (!entry) return false;
  entry->promoted = true;
  if (tl.range_object == object) {
    tl.range_object = 0;
    tl.range_dirty = nullptr;
  }
  return true;
}

void publish_ranges(ThreadContext* ctx) {
  for (const RangeEntry& entry : ctx->range_log) {
    if (entry.promoted) continue;
    // The flag was never cleared: nothing to restore in the header.
    for_each_dirty_chunk(
        entry, [&](Offset chunk, std::size_t length) { copy_out(ctx->segment, chunk, length); });
    heap.lock_of(entry.object).store(0, std::memory_order_release);
  }
}

void restore_ranges(ThreadContext* ctx) {
  char* mine = heap.base(ctx->segment);
  const char* committed = heap.base(0);
  for (const RangeEntry& entry : ctx->range_log) {
    if (entry.promoted) continue;
    for_each_dirty_chunk(entry, [&](Offset chunk, std::size_t length) {
      std::memcpy(mine + chunk, committed + chunk, length);
    });
    heap.lock_of(entry.object).store(0, std::memory_order_release);
  }
}

void clear_range_log(ThreadContext* ctx) {
  ctx->range_log.clear();
  tl.range_object = 0;
  tl.range_dirty = nullptr;
}

} // namespace stm::detail
