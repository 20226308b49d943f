// gc/roots.cc - reference slots outside the heap that the runtime registers as roots.
//
// Registration is rare (runtime tables are set up once) and the collector reads the
// slots once per collection, so a vector under a mutex serves. The mutex is never held
// across a call into stm/: a registering thread cannot be stopped while it holds it.
#include "gc/marker.h"

#include <algorithm>
#include <mutex>

namespace gc::detail {
namespace {

std::mutex roots_lock;
std::vector<const Offset*>& root_slots() {
  static auto* slots = new std::vector<const Offset*>; // outlives every thread-exit hook
  return *slots;
}

} // namespace

void mark_global_roots(Marker& marker) {
  std::lock_guard guard(roots_lock);
  for (const Offset* slot : root_slots())
    marker.mark(*slot);
}

} // namespace gc::detail

namespace gc {
using namespace detail;

void add_root(const Offset* slot) {
  std::lock_guard guard(roots_lock);
  root_slots().push_back(slot);
}

void remove_root(const Offset* slot) {
  std::lock_guard guard(roots_lock);
  std::vector<const Offset*>& slots = root_slots();
  auto found = std::find(slots.rbegin(), slots.rend(), slot);
  if (found == slots.rend())
    fatal("remove_root: slot %p was not added", static_cast<const void*>(slot));
  *found = slots.back();
  slots.pop_back();
}

} // namespace gc
