// stm/fork.cc - a forked child with a heap of its own.
//
// fork(2) copies private memory, but every view and segment 0 map the memfd shared: a
// child as fork leaves it would commit into its parent's heap and see the parent's
// commits. So the parent, with the world stopped, copies the committed state into a new
// memfd and forks; the child maps the copy everywhere. The copy is taken before fork
// because the parent's threads commit again as soon as the world restarts.
//
// The child has one thread, the caller. The others' transactions never happened there:
// their new objects lie unreachable in the copy (the next collection frees them), their
// views go back to the committed state, and their write locks are let go.
#include "stm/core.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace stm::detail {
namespace {

bool write_all(int fd, const char* from, std::size_t bytes, off_t at) {
  while (bytes) {
    ssize_t n = pwrite(fd, from, bytes, at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    from += n;
    at += n;
    bytes -= std::size_t(n);
  }
  return true;
}

// A new memfd holding the committed state: only the extents that hold data are written,
// so pages given back stay holes in the copy too.
int copy_committed_state() {
  int fd = memfd_create("pypy-stm-heap", MFD_CLOEXEC);
  if (fd < 0) return -1;
  off_t end = off_t(heap.pages_high_water.load(std::memory_order_acquire) * kPageSize);
  const char* committed = heap.base(0) + heap.area_begin;
  bool ok = ftruncate(fd, off_t(heap.area_bytes)) == 0;
  for (off_t at = 0; ok && at < end;) {
    off_t data = lseek(heap.memfd, at, SEEK_DATA);
    if (data < 0 || data >= end) break; // ENXIO: no data past `at`
    off_t hole = lseek(heap.memfd, data, SEEK_HOLE);
    if (hole < 0 || hole > end) hole = end;
    ok = write_all(fd, committed + data, std::size_t(hole - data), data);
    at = hole;
  }
  if (!ok) {
    int error = errno;
    close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

// The write locks that the other threads' transactions held, new objects' included.
void release_others_locks(unsigned kept_view) {
  std::size_t cells = heap.pages_high_water.load(std::memory_order_relaxed) * kPageSize / 16;
  for (std::size_t i = 0; i < cells; ++i) {
    std::uint8_t lock = heap.write_locks[i].load(std::memory_order_relaxed);
    if (lock && unsigned(lock & ~kLockNewObject) != kept_view)
      heap.write_locks[i].store(0, std::memory_order_relaxed);
  }
}

struct ForkRequest {
  int pid = -1;
  int error = 0;
};

void fork_with_world_stopped(void* arg) {
  auto& request = *static_cast<ForkRequest*>(arg);
  int copy = copy_committed_state();
  if (copy < 0) {
    request.error = errno;
    return;
  }
  request.pid = fork();
  if (request.pid != 0) {
    request.error = errno;
    close(copy);
    return;
  }
  ThreadContext* self = tl.context;
  // A thread outside any transaction keeps no bytes of its own in its idle view.
  unsigned kept_view = self->in_tx.load(std::memory_order_relaxed) ? self->segment : 0;
  adopt_heap_copy(copy, kept_view);
  release_others_locks(kept_view);
  keep_only_thread(self);
  events_forget_in_child();
}

} // namespace
} // namespace stm::detail

namespace stm {
using namespace detail;

int fork_process() {
  ThreadContext* ctx = current();
  if (ctx->in_tx.load(std::memory_order_relaxed) &&
      !ctx->inevitable.load(std::memory_order_relaxed))
    fatal("stm::fork_process in a transaction that is not inevitable");
  ForkRequest request;
  with_world_stopped(&fork_with_world_stopped, &request);
  if (request.pid < 0) errno = request.error;
  return request.pid;
}

int heap_descriptor() {
  return heap.memfd;
}

} // namespace stm
