// interp/objects/thread_cache.h - a per-thread array of cache entries, for lookups that
// remember what they found at a site or for a key.
#pragma once

#include <cstddef>

namespace interp {

// N entries per thread on the C++ heap, made at the thread's first use and freed when it
// exits. Not a thread_local array: glibc keeps a thread's static TLS at the top of its
// stack, which the collector scans conservatively at every collection, in every thread.
// Nothing in an entry is kept alive that way: a cache checks an entry (against the
// collection count, say) before it trusts it. The hot path reads a plain thread-local
// pointer; the owner whose destructor frees the array is touched only when it is made.
template <class Entry, std::size_t N> class ThreadCache {
public:
  static Entry& at(std::size_t i) {
    Entry* entries = entries_;
    if (__builtin_expect(!entries, 0)) entries = make();
    return entries[i % N];
  }

private:
  struct Owner {
    ~Owner() {
      delete[] entries_;
      entries_ = nullptr;
    }
  };
  static constinit inline thread_local Entry* entries_ = nullptr;
  static inline thread_local Owner owner_;

  [[gnu::noinline]] static Entry* make() {
    (void)&owner_; // constructs it: its destructor runs at thread exit
    entries_ = new Entry[N];
    return entries_;
  }
};

} // namespace interp
