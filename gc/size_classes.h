// gc/size_classes.h - the sizes small objects are rounded up to (internal).
//
// Small objects live in runs of pages cut into equal cells of one size class. Classes go
// by 16 bytes up to 128 (most objects of an interpreter are that small), then four per
// doubling, so rounding wastes at most a fifth of an object. Each class's run is the
// smallest number of pages (at most kMaxRunPages) whose tail waste stays under a
// sixteenth: a 7 KiB class would waste half of a lone page. Objects above kMaxSmall take
// their own page run (the large-object space).
#pragma once

#include "stm/stm.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace gc::detail {

inline constexpr std::size_t kMaxSmall = 8192;
inline constexpr std::size_t kMaxRunPages = 16;
// Cell bitmaps are four words: the 16-byte class fills one page with 256 cells.
inline constexpr std::size_t kMaxCells = 256;
inline constexpr std::size_t kBitmapWords = kMaxCells / 64;

struct SizeClass {
  std::uint32_t cell_size;
  std::uint32_t pages; // of one run
  std::uint32_t cells; // per run
  // floor(n / cell_size) == (n * reciprocal) >> 32 for every n below a run's size: the
  // collector maps interior addresses to cells without dividing.
  std::uint32_t reciprocal;
};

namespace size_class_table {

constexpr std::size_t count_classes() {
  std::size_t n = 128 / 16;
  for (std::size_t base = 128; base < kMaxSmall; base *= 2)
    n += 4;
  return n;
}

} // namespace size_class_table

inline constexpr std::size_t kSizeClassCount = size_class_table::count_classes();

namespace size_class_table {

constexpr SizeClass make(std::uint32_t cell_size) {
  SizeClass c{cell_size, 0, 0, 0};
  for (std::uint32_t pages = 1; pages <= kMaxRunPages; ++pages) {
    std::uint32_t bytes = pages * std::uint32_t(stm::kPageSize);
    std::uint32_t cells = bytes / cell_size;
    if (cells == 0 || cells > kMaxCells) continue;
    c.pages = pages;
    c.cells = cells;
    if (bytes % cell_size <= bytes / 16) break;
  }
  c.reciprocal = std::uint32_t((std::uint64_t{1} << 32) / cell_size + 1);
  return c;
}

constexpr std::array<SizeClass, kSizeClassCount> make_all() {
  std::array<SizeClass, kSizeClassCount> all{};
  std::size_t i = 0;
  for (std::uint32_t size = 16; size <= 128; size += 16)
    all[i++] = make(size);
  for (std::uint32_t base = 128; base < kMaxSmall; base *= 2)
    for (std::uint32_t step = 1; step <= 4; ++step)
      all[i++] = make(base + step * base / 4);
  return all;
}

// Index of the class of every size that is a multiple of 16, by size / 16.
constexpr std::array<std::uint8_t, kMaxSmall / 16 + 1>
make_lookup(const std::array<SizeClass, kSizeClassCount>& all) {
  std::array<std::uint8_t, kMaxSmall / 16 + 1> lookup{};
  std::size_t cls = 0;
  for (std::size_t granule = 0; granule <= kMaxSmall / 16; ++granule) {
    while (all[cls].cell_size < granule * 16)
      ++cls;
    lookup[granule] = std::uint8_t(cls);
  }
  return lookup;
}

} // namespace size_class_table

inline constexpr std::array<SizeClass, kSizeClassCount> kSizeClasses = size_class_table::make_all();
inline constexpr std::array<std::uint8_t, kMaxSmall / 16 + 1> kSizeClassOf =
    size_class_table::make_lookup(kSizeClasses);

// `size` is a multiple of 16 in [16, kMaxSmall].
inline unsigned size_class_of(std::size_t size) {
  return kSizeClassOf[size >> 4];
}

namespace size_class_table {

constexpr bool reciprocals_exact() {
  for (const SizeClass& c : kSizeClasses) {
    if (c.pages == 0 || c.cells == 0 || c.cells > kMaxCells) return false;
    std::uint64_t bytes = std::uint64_t(c.pages) * stm::kPageSize;
    // Cell starts and the bytes around them are where errors would show first.
    for (std::uint64_t k = 0; k <= c.cells; ++k)
      for (std::uint64_t n : {k * c.cell_size, k * c.cell_size + c.cell_size - 1})
        if (n < bytes && ((n * c.reciprocal) >> 32) != n / c.cell_size) return false;
  }
  return true;
}
static_assert(reciprocals_exact(), "a size class's reciprocal does not divide exactly");
static_assert(kSizeClasses[kSizeClassCount - 1].cell_size == kMaxSmall);

} // namespace size_class_table

} // namespace gc::detail
