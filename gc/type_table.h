// gc/type_table.h - the registered types, for the allocation and tracing paths (internal).
#pragma once

#include "gc/gc.h"

#include <atomic>
#include <cstdint>

namespace gc::detail {

inline constexpr std::size_t kMaxTypes = std::size_t{1} << 16;

// kMaxTypes entries, filled up to type_count; null until the first registration. Types
// are registered before threads allocate, so readers need no lock.
extern TypeInfo* type_table;
extern std::atomic<std::uint32_t> type_count;

inline bool valid_type(std::uint16_t type_id) {
  return type_id != 0 && type_id < type_count.load(std::memory_order_acquire);
}

} // namespace gc::detail
