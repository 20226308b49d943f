// gc/types.cc - the registry of type descriptors.
//
// A type id is an index into one table that never moves: the collector looks an
// object's trace function up by the id in its header, for every object it marks.
#include "gc/heap.h"
#include "gc/type_table.h"

#include <cstdlib>
#include <mutex>

namespace gc::detail {

TypeInfo* type_table = nullptr;
std::atomic<std::uint32_t> type_count{1}; // id 0 is never a type

namespace {
std::mutex registry_lock;
const TypeInfo unregistered{"<unregistered>", nullptr, 0};
} // namespace

} // namespace gc::detail

namespace gc {
using namespace detail;

std::uint16_t register_type(const TypeInfo& info) {
  std::lock_guard guard(registry_lock);
  if (!type_table) {
    // TypeInfo is an aggregate: zeroed memory is a table of empty entries, and only the
    // pages of registered entries are ever touched.
    type_table = static_cast<TypeInfo*>(std::calloc(kMaxTypes, sizeof(TypeInfo)));
    if (!type_table) fatal("cannot allocate the type table");
  }
  std::uint32_t id = type_count.load(std::memory_order_relaxed);
  if (id >= kMaxTypes) fatal("more than %zu types registered", kMaxTypes - 1);
  type_table[id] = info;
  if (!type_table[id].name) type_table[id].name = "";
  type_count.store(id + 1, std::memory_order_release);
  return static_cast<std::uint16_t>(id);
}

const TypeInfo& type_info(std::uint16_t type_id) {
  return valid_type(type_id) ? type_table[type_id] : unregistered;
}

} // namespace gc
