// gc/fork.cc - the collector's side of a forked child.
//
// stm gives the child a heap of its own with one thread in it. The allocation state of
// the threads that did not follow is retired as if they had exited, and the child's
// first collection is full: cells that the vanished transactions allocated are garbage
// there, and some may still carry marks from the last collection.
#include "gc/heap.h"

namespace gc {
using namespace detail;

int fork_process() {
  int pid = stm::fork_process();
  if (pid != 0) return pid;
  GcHeap& heap = gc_heap();
  if (!heap.ready) return pid;
  ThreadHeap* mine = calling_thread_heap();
  std::vector<ThreadHeap*> others;
  for (ThreadHeap* thread : heap.threads)
    if (thread != mine) others.push_back(thread);
  for (ThreadHeap* thread : others)
    retire_thread_heap(heap, thread);
  heap.marked_in_flight.clear();
  heap.full_requested = true;
  heap.parallel = false;
  return pid;
}

} // namespace gc
