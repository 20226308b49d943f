// interp/objects/repr_guard.h - containers that contain themselves print "[...]" ("{...}",
// "set(...)"): the containers whose repr this thread is building, one list for all of
// them. A scoped guard, so that an abort unwinding through a repr leaves nothing behind.
#pragma once

#include "interp/value.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace interp {

class ReprGuard {
public:
  explicit ReprGuard(Value container) : bits_(container.bits()) {
    auto& active = in_progress();
    recursive_ = std::find(active.begin(), active.end(), bits_) != active.end();
    if (!recursive_) active.push_back(bits_);
  }
  ~ReprGuard() {
    if (!recursive_) {
      auto& active = in_progress();
      active.erase(std::find(active.begin(), active.end(), bits_));
    }
  }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  // The container is already being printed further up: print the placeholder instead.
  bool recursive() const { return recursive_; }

private:
  static std::vector<std::uint64_t>& in_progress() {
    thread_local std::vector<std::uint64_t> active;
    return active;
  }
  std::uint64_t bits_;
  bool recursive_;
};

} // namespace interp
