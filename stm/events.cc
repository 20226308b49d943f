// stm/events.cc - the conflict and event log named by PYPYSTM.
//
// Threads post events to a lock-free queue (libcds, hazard pointers reclaim its nodes)
// and never touch the file: one writer thread drains the queue and appends a line per
// event, so logging costs a transaction an allocation and a push.
//
// Line format (tab-separated), one event a line after a '#' header:
//   time_ms  kind  cause  lost_us  object  winner_thread  winner_location  loser_thread
//   loser_location
// kind "conflict": the loser's transaction aborted (or was asked to) because of the
// winner; lost_us is the work it loses. kind "inevitable": winner and loser are the same
// thread, loser_location holds the reason.
#include "stm/core.h"

#include <cds/container/msqueue.h>
#include <cds/gc/hp.h>
#include <cds/init.h>
#include <cds/threading/model.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdio_ext.h>
#include <thread>

namespace stm::detail {

using EventQueue = cds::container::MSQueue<cds::gc::HP, Event*>;

static std::atomic<bool> logging{false};
static std::unique_ptr<cds::gc::HP> hazard_pointers;
static EventQueue* queue = nullptr;
static std::thread writer;
static std::atomic<bool> stopping{false};
static std::FILE* log_file = nullptr;
static LocationFn location_hook = nullptr;
static std::chrono::steady_clock::time_point log_start;

static void write_event(const Event& e) {
  double at_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - log_start)
          .count();
  const char* cause = e.cause == AbortCause::kCount ? "-" : abort_cause_name(e.cause);
  std::fprintf(log_file, "%.3f\t%s\t%s\t%.1f\t%#llx\t%llu\t%s\t%llu\t%s\n", at_ms, e.kind, cause,
               double(e.lost_ns) / 1e3, (unsigned long long)e.object,
               (unsigned long long)e.winner_thread, e.winner_location.c_str(),
               (unsigned long long)e.loser_thread, e.loser_location.c_str());
}

static void drain_forever() {
  cds::threading::Manager::attachThread();
  for (;;) {
    Event* e = nullptr;
    bool got = false;
    while (queue->pop(e)) {
      write_event(*e);
      delete e;
      got = true;
    }
    if (got) std::fflush(log_file);
    if (stopping.load(std::memory_order_acquire) && queue->empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  // Destroying the queue needs hazard pointers, hence a thread attached to libcds: this one.
  delete queue;
  queue = nullptr;
  cds::threading::Manager::detachThread();
}

void events_open(const std::string& path) {
  if (path.empty()) return;
  log_file = std::fopen(path.c_str(), "w");
  if (!log_file) fatal("cannot open the event log %s", path.c_str());
  std::fprintf(log_file, "# pypy-stm events v1: time_ms\tkind\tcause\tlost_us\tobject\t"
                         "winner_thread\twinner_location\tloser_thread\tloser_location\n");
  cds::Initialize();
  hazard_pointers = std::make_unique<cds::gc::HP>(0, 1024);
  queue = new EventQueue;
  log_start = std::chrono::steady_clock::now();
  stopping = false;
  writer = std::thread(drain_forever);
  logging.store(true, std::memory_order_release);
  // A program may end without stm::shutdown: the log must still be complete.
  static bool exit_hook = false;
  if (!exit_hook) std::atexit([] { events_close(); });
  exit_hook = true;
}

void events_close() {
  if (!logging.load()) return;
  logging.store(false);
  stopping.store(true, std::memory_order_release);
  writer.join();
  std::fclose(log_file);
  log_file = nullptr;
}

void events_shutdown() {
  events_close();
  if (!hazard_pointers) return;
  hazard_pointers.reset();
  cds::Terminate();
}

bool events_enabled() {
  return logging.load(std::memory_order_relaxed);
}

void events_post(Event event) {
  if (!events_enabled()) return;
  queue->push(new Event(std::move(event)));
}

void events_attach_thread() {
  if (events_enabled()) cds::threading::Manager::attachThread();
}

void events_detach_thread() {
  if (events_enabled()) cds::threading::Manager::detachThread();
}

void events_forget_in_child() {
  if (!logging.load()) return;
  logging.store(false);
  // The parent's writer thread is not here, and what its stream still buffers is the
  // parent's to write: dropped, so that exit does not write it a second time.
  __fpurge(log_file);
  new (&writer) std::thread;
  log_file = nullptr;
}

std::string location_of(const ThreadContext* ctx) {
  if (location_hook) return location_hook(ctx->user_data);
  return "thread " + std::to_string(ctx->thread_number);
}

} // namespace stm::detail

namespace stm {
void set_location_hook(LocationFn fn) {
  detail::location_hook = fn;
}
} // namespace stm
