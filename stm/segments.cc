// stm/segments.cc - reserving the segments, mapping the views, and process set-up.
#include "stm/core.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace stm::detail {

Heap heap;
static bool heap_ready = false;
static double ns_per_tick = 1.0;
static struct sigaction previous_segv_action;

void fatal(const char* format, ...) {
  char message[512];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  std::fprintf(stderr, "pypy-stm: fatal error: %s\n", message);
  std::fflush(stderr);
  std::abort();
}

// The TSC's rate is measured between initialize() and the first conversion, which a
// program that reports no statistics never asks for: no start-up time spent spinning on
// the clock (a 5 ms calibration loop was 3% of a short program's run).
static std::chrono::steady_clock::time_point calibration_start;
static std::uint64_t calibration_start_ticks = 0;
static std::atomic<bool> calibrated{false};
static std::mutex calibration_lock;

void calibrate_clock() {
  calibrated.store(false, std::memory_order_relaxed);
  calibration_start = std::chrono::steady_clock::now();
  calibration_start_ticks = now_ticks();
}

static void finish_calibration() {
  std::lock_guard guard(calibration_lock);
  if (calibrated.load(std::memory_order_relaxed)) return;
  for (;;) {
    auto t1 = std::chrono::steady_clock::now();
    std::uint64_t c1 = now_ticks();
    double ns = std::chrono::duration<double, std::nano>(t1 - calibration_start).count();
    if (ns >= 1e6 && c1 > calibration_start_ticks) {
      ns_per_tick = ns / double(c1 - calibration_start_ticks);
      calibrated.store(true, std::memory_order_release);
      return;
    }
  }
}

std::uint64_t ticks_to_ns(std::uint64_t ticks) {
  if (!calibrated.load(std::memory_order_acquire)) finish_calibration();
  return std::uint64_t(double(ticks) * ns_per_tick);
}

// A barrier or dereference outside a transaction goes through a null segment base and
// faults at a small address: say so instead of crashing without a word. A SIGSEGV sent by
// kill() (si_code <= 0) has no fault address.
static void on_segv(int signal, siginfo_t* info, void* context) {
  auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  if (heap_ready && info->si_code > 0 && address < heap.segment_bytes) {
    static const char message[] =
        "pypy-stm: fatal error: heap access outside a transaction (a barrier or an "
        "object dereference ran with no view)\n";
    ssize_t ignored = write(2, message, sizeof message - 1);
    (void)ignored;
    std::signal(SIGABRT, SIG_DFL);
    std::abort();
  }
  // Not ours: hand it to whoever was installed before, or let the default action kill
  // the process when the faulting access runs again.
  const struct sigaction& previous = previous_segv_action;
  if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction) {
    previous.sa_sigaction(signal, info, context);
  } else if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler != SIG_DFL &&
             previous.sa_handler != SIG_IGN) {
    previous.sa_handler(signal);
  } else {
    std::signal(SIGSEGV, SIG_DFL);
  }
}

static std::size_t env_size(const char* name, std::size_t fallback) {
  const char* text = std::getenv(name);
  if (!text || !*text) return fallback;
  char* end = nullptr;
  double value = std::strtod(text, &end);
  std::size_t scale = 1;
  switch (end && *end ? *end : ' ') {
  case 'k':
  case 'K':
    scale = 1ull << 10;
    break;
  case 'm':
  case 'M':
    scale = 1ull << 20;
    break;
  case 'g':
  case 'G':
    scale = 1ull << 30;
    break;
  default:
    break;
  }
  if (value <= 0) fatal("%s=%s is not a size", name, text);
  return std::size_t(value * double(scale));
}

static char* map_or_die(void* at, std::size_t bytes, int prot, int flags, int fd,
                        const char* what) {
  void* p = mmap(at, bytes, prot, flags, fd, 0);
  if (p == MAP_FAILED) fatal("cannot map %s (%zu bytes): %s", what, bytes, std::strerror(errno));
  return static_cast<char*>(p);
}

} // namespace stm::detail

namespace stm {
using namespace detail;

void initialize(const Config& config) {
  if (heap_ready) fatal("stm::initialize called twice");
  calibrate_clock();
  unsigned views = config.segments;
  if (!views) views = unsigned(env_size("PYPYSTM_SEGMENTS", 0));
  if (!views) views = unsigned(sysconf(_SC_NPROCESSORS_ONLN));
  if (views < 2) views = 2;
  if (views > kMaxSegments) fatal("at most %u segments (asked for %u)", kMaxSegments, views);
  std::size_t area = config.heap_bytes ? config.heap_bytes : env_size("PYPYSTM_HEAP", 8ull << 30);
  area = (area + (1u << 21) - 1) & ~std::size_t((1u << 21) - 1);
  // The markers cover the whole segment: markers + area <= 16 * markers.
  std::size_t markers = ((area + 14) / 15 + (1u << 21) - 1) & ~std::size_t((1u << 21) - 1);

  heap.views = views;
  heap.area_begin = markers;
  heap.area_bytes = area;
  heap.area_pages = area / kPageSize;
  heap.segment_bytes = markers + area;
  heap.reserve_bytes = heap.segment_bytes * (views + 1);
  heap.aborts_before_inevitable = config.aborts_before_inevitable
                                      ? config.aborts_before_inevitable
                                      : unsigned(env_size("PYPYSTM_ABORTS_BEFORE_INEVITABLE", 8));

  heap.memfd = memfd_create("pypy-stm-heap", MFD_CLOEXEC);
  if (heap.memfd < 0) fatal("memfd_create failed: %s", std::strerror(errno));
  if (ftruncate(heap.memfd, off_t(area)) != 0)
    fatal("cannot size the heap to %zu bytes: %s", area, std::strerror(errno));

  heap.reserve = map_or_die(nullptr, heap.reserve_bytes, PROT_NONE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, "the segments");
  for (unsigned i = 0; i <= views; ++i) {
    char* base = heap.base(i);
    map_or_die(base, markers, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, "read markers");
    // Views start with every page shared; writes to old objects make pages private.
    map_or_die(base + markers, area, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, heap.memfd,
               "an object area");
  }
  heap.write_locks = reinterpret_cast<std::atomic<std::uint8_t>*>(
      map_or_die(nullptr, area / 16, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, "the write locks"));
  heap.private_pages = reinterpret_cast<std::uint8_t*>(
      map_or_die(nullptr, heap.area_pages * (views + 1), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, "the page table"));
  heap.page_home = reinterpret_cast<std::atomic<std::uint8_t>*>(
      map_or_die(nullptr, heap.area_pages, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, "the home pages"));
  set_up_home_pages();

  struct sigaction action = {};
  action.sa_sigaction = on_segv;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  sigaction(SIGSEGV, &action, &previous_segv_action);

  std::string log = config.log_path;
  if (log.empty()) {
    if (const char* env = std::getenv("PYPYSTM")) log = env;
  }
  heap_ready = true;
  events_open(log);
}

void shutdown() {
  if (!heap_ready) return;
  {
    std::lock_guard guard(commit_lock);
    if (!threads.empty()) fatal("stm::shutdown with %zu threads still attached", threads.size());
  }
  events_shutdown();
  sigaction(SIGSEGV, &previous_segv_action, nullptr);
  munmap(heap.private_pages, heap.area_pages * (heap.views + 1));
  munmap(heap.write_locks, heap.area_bytes / 16);
  munmap(heap.page_home, heap.area_pages);
  munmap(heap.reserve, heap.reserve_bytes);
  close(heap.memfd);
  reset_page_allocator();
  heap.reserve = nullptr;
  heap.write_locks = nullptr;
  heap.private_pages = nullptr;
  heap.page_home = nullptr;
  heap.memfd = -1;
  heap.pages_high_water.store(0);
  heap_ready = false;
}

bool initialized() {
  return heap_ready;
}
unsigned segment_count() {
  return heap.views;
}
std::size_t heap_bytes() {
  return heap.area_bytes;
}
Offset object_area_begin() {
  return heap.area_begin;
}
Offset object_area_end() {
  return heap.area_begin + heap.area_bytes;
}
char* segment_base(unsigned segment) {
  return heap.base(segment);
}

} // namespace stm
