// stm/contention.cc - who loses a conflict.
//
// An inevitable transaction always wins (it cannot be undone); otherwise the older
// transaction wins. Age is the birth ticket a transaction takes at its first start and
// keeps across retries, so a transaction that keeps losing grows older than every newcomer
// and wins in the end; after aborts_before_inevitable aborts in a row it starts
// inevitable (transaction.cc), which bounds the tries even against older rivals.
#include "stm/core.h"

namespace stm::detail {

bool wins_conflict(const ThreadContext* self, const ThreadContext* other) {
  if (self->inevitable.load(std::memory_order_acquire)) return true;
  if (other->inevitable.load(std::memory_order_acquire)) return false;
  std::uint64_t mine = self->birth.load(std::memory_order_relaxed);
  std::uint64_t theirs = other->birth.load(std::memory_order_relaxed);
  if (!theirs) return true; // the other one already finished
  return mine < theirs;
}

} // namespace stm::detail
