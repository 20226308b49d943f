// tests/gc/gc_test.h - shared helpers of the gc/ unit tests.
//
// The heap set-up (a Boost.Test global fixture that also attaches the main thread), the
// object types the tests allocate (checksummed nodes, tables of references, weak
// references with and without callbacks, finalizable objects), taking finalization work
// as a runtime does, stack scrubbing for the tests that need a dead object to be really
// unreachable, and small utilities (RSS, failure lists).
#pragma once

#include "gc/gc.h"
#include "stm/stm.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace gctest {

using stm::ObjectHeader;
using stm::Offset;
using stm::Ref;

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

// ---- object types ------------------------------------------------------------------------

// A node of a test graph: two references and a payload derived from `seed`, so that any
// byte overwritten by a wrong reuse of its memory shows.
struct Node {
  ObjectHeader header;
  std::uint32_t seed;
  std::uint32_t payload_bytes;
  Offset next;
  Offset child;
  // payload follows
  unsigned char* payload() { return reinterpret_cast<unsigned char*>(this + 1); }
  const unsigned char* payload() const { return reinterpret_cast<const unsigned char*>(this + 1); }
};
static_assert(sizeof(Node) == 32);

// A fixed array of references.
struct Table {
  ObjectHeader header;
  std::uint32_t count;
  std::uint32_t pad;
  Offset slots[1]; // `count` of them
};

// The weak reference layout gc/ expects: the target at byte 8.
struct Weak {
  ObjectHeader header;
  Offset target;
  Offset strong; // an ordinary (traced) reference beside it
};

// A weak reference whose target is not at byte 8 (as an interpreter object, whose first
// fields are its class and dict): `kept` is an ordinary reference that must survive.
struct FarWeak {
  ObjectHeader header;
  Offset kept;
  Offset other;
  Offset target;
};

// A weak reference with a callback word (as an interpreter's weakref with a callback):
// queued as a WeakCallback once its target dies, if `callback` is non-zero.
struct NotifyWeak {
  ObjectHeader header;
  Offset target;
  Offset callback; // traced
};

inline void trace_notify_weak(const ObjectHeader* object, void (*visit)(Offset, void*), void* ctx) {
  visit(reinterpret_cast<const NotifyWeak*>(object)->callback, ctx);
}

inline void trace_far_weak(const ObjectHeader* object, void (*visit)(Offset, void*), void* ctx) {
  visit(reinterpret_cast<const FarWeak*>(object)->kept, ctx);
}

inline void trace_node(const ObjectHeader* object, void (*visit)(Offset, void*), void* ctx) {
  auto* node = reinterpret_cast<const Node*>(object);
  visit(node->next, ctx);
  visit(node->child, ctx);
}

inline void trace_table(const ObjectHeader* object, void (*visit)(Offset, void*), void* ctx) {
  auto* table = reinterpret_cast<const Table*>(object);
  for (std::uint32_t i = 0; i < table->count; ++i)
    visit(table->slots[i], ctx);
}

inline void trace_weak(const ObjectHeader* object, void (*visit)(Offset, void*), void* ctx) {
  visit(reinterpret_cast<const Weak*>(object)->strong, ctx); // never `target`
}

struct Types {
  std::uint16_t node = 0;
  std::uint16_t table = 0;
  std::uint16_t weak = 0;
  std::uint16_t finalizable = 0; // a Node with a finalizer
  std::uint16_t blob = 0;        // no references
  std::uint16_t far_weak = 0;    // FarWeak: weak field at byte 24
  std::uint16_t notify_weak = 0; // NotifyWeak
};
inline Types types;

inline void register_types() {
  types.node = gc::register_type({"Node", &trace_node, 0});
  types.table = gc::register_type({"Table", &trace_table, 0});
  types.weak = gc::register_type({"Weak", &trace_weak, gc::kWeakReference});
  types.finalizable = gc::register_type({"Finalizable", &trace_node, gc::kHasFinalizer});
  types.blob = gc::register_type({"Blob", nullptr, 0});
  gc::TypeInfo far{"FarWeak", &trace_far_weak, gc::kWeakReference};
  far.weak_offset = offsetof(FarWeak, target);
  types.far_weak = gc::register_type(far);
  gc::TypeInfo notify{"NotifyWeak", &trace_notify_weak, gc::kWeakReference};
  notify.weak_offset = offsetof(NotifyWeak, target);
  notify.weak_callback_offset = offsetof(NotifyWeak, callback);
  types.notify_weak = gc::register_type(notify);
}

// ---- nodes with checksummed payloads -------------------------------------------------------

inline std::uint32_t mix(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

inline void fill_payload(Node* node) {
  std::uint32_t state = mix(node->seed) | 1;
  unsigned char* p = node->payload();
  for (std::uint32_t i = 0; i < node->payload_bytes; ++i) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    p[i] = static_cast<unsigned char>(state);
  }
}

// Whether a node (in the running transaction's view) still holds what it was given.
inline bool payload_intact(const Node* node) {
  if (node->header.size != ((sizeof(Node) + node->payload_bytes + 15) & ~std::size_t{15}))
    return false;
  std::uint32_t state = mix(node->seed) | 1;
  const unsigned char* p = node->payload();
  for (std::uint32_t i = 0; i < node->payload_bytes; ++i) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    if (p[i] != static_cast<unsigned char>(state)) return false;
  }
  return true;
}

// A new node in the running transaction; 0 if the heap is exhausted.
inline Offset new_node(std::uint32_t seed, std::uint32_t payload_bytes, Offset next = 0,
                       std::uint16_t type = 0) {
  Offset o = gc::allocate(type ? type : types.node, sizeof(Node) + payload_bytes);
  if (!o) return 0;
  Node* node = Ref<Node>(o).fresh();
  node->seed = seed;
  node->payload_bytes = payload_bytes;
  node->next = next;
  fill_payload(node);
  return o;
}

inline Offset new_table(std::uint32_t count) {
  Offset o = gc::allocate(types.table, sizeof(Table) + (count - 1) * sizeof(Offset));
  if (o) Ref<Table>(o).fresh()->count = count;
  return o;
}

// ---- the heap ------------------------------------------------------------------------------

template <unsigned Segments, std::size_t HeapMiB> struct GcFixture {
  GcFixture() {
    stm::Config config;
    config.segments = Segments;
    config.heap_bytes = HeapMiB << 20;
    stm::initialize(config);
    register_types();
    stm::attach_thread();
  }
  ~GcFixture() {
    stm::detach_thread();
    stm::shutdown();
  }
};

// ---- making dead objects really unreachable -----------------------------------------------

// Stack scanning is conservative: a dead object's offset left in a stack slot below the
// current frame, by a call that returned, would keep it alive. Tests that expect an
// object to die create it in a callee and then overwrite the stack area that callee used.
__attribute__((noinline)) inline void scrub_stack() {
  volatile unsigned char area[32 * 1024];
  for (std::size_t i = 0; i < sizeof area; ++i)
    area[i] = 0;
  asm volatile("" : : "r"(area) : "memory");
}

// Hides an offset from the conservative scanner while a test keeps it for checking.
inline constexpr Offset kHideMask = 0x5a5a'0000'0000'0000ull;
inline Offset hide(Offset o) {
  return o ^ kHideMask;
}
inline Offset unhide(Offset o) {
  return o ^ kHideMask;
}

// ---- finalization ----------------------------------------------------------------------------

// Takes every queued finalization item in one transaction and passes each to `each`,
// as the runtime does: an abort hands the taken items back (and calls `restart` before
// the next attempt), a commit lets them go.
template <class Each, class Restart> void for_each_finalization(Each&& each, Restart&& restart) {
  for (;;) {
    stm::start_transaction();
    try {
      gc::Finalization item;
      while (gc::take_finalization(item))
        each(item);
      stm::commit_transaction();
      gc::finish_finalizations(true);
      return;
    } catch (const stm::TxAbort&) {
      gc::finish_finalizations(false);
      restart();
    }
  }
}

// ---- measuring -------------------------------------------------------------------------------

inline std::size_t resident_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long size = 0, resident = 0;
  int n = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  return n == 2 ? resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

inline double soak_seconds() {
  const char* value = std::getenv("PYPYSTM_SOAK_SECONDS");
  return value ? std::atof(value) : 0.0;
}

// Failures found on worker threads (Boost.Test assertions are for the main thread).
class Failures {
public:
  void add(const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
    if (messages_.size() < 20) messages_.push_back(message);
  }
  std::size_t count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_;
  }
  std::string summary() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::ostringstream out;
    out << count_ << " failure(s)";
    for (const auto& m : messages_)
      out << "\n  " << m;
    return out.str();
  }

private:
  mutable std::mutex mutex_;
  std::size_t count_ = 0;
  std::vector<std::string> messages_;
};

} // namespace gctest
