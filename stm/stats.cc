// stm/stats.cc - per-thread statistics: counts and time in each state.
//
// Each thread writes only its own counters (plain loads and stores on relaxed atomics);
// readers sum them. The per-thread records outlive their threads, so totals include
// threads that have finished.
#include "stm/core.h"

#include <cstdio>
#include <tbb/enumerable_thread_specific.h>

namespace stm::detail {

static std::mutex stats_lock; // creation of records vs. walking them
static tbb::enumerable_thread_specific<ThreadStatistics> records;

ThreadStatistics* stats_for_this_thread() {
  std::lock_guard guard(stats_lock);
  return &records.local();
}

static Statistics snapshot(const ThreadStatistics& s) {
  Statistics out;
  auto read = [](const std::atomic<std::uint64_t>& a) { return a.load(std::memory_order_relaxed); };
  out.commits = read(s.commits);
  out.inevitable_commits = read(s.inevitable_commits);
  out.pauses = read(s.pauses);
  out.privatizations = read(s.privatizations);
  out.pages_privatized = read(s.pages_privatized);
  out.pages_reshared = read(s.pages_reshared);
  out.homes_taken = read(s.homes_taken);
  for (int i = 0; i < int(AbortCause::kCount); ++i) {
    out.aborts[i] = read(s.aborts[i]);
    out.aborted_ns[i] = ticks_to_ns(read(s.aborted_ticks[i]));
  }
  for (int i = 0; i < int(TimeState::kCount); ++i)
    out.state_ns[i] = ticks_to_ns(read(s.state_ticks[i]));
  return out;
}

} // namespace stm::detail

namespace stm {
using namespace detail;

const char* time_state_name(TimeState state) {
  switch (state) {
  case TimeState::Committed:
    return "committed work";
  case TimeState::WaitSegment:
    return "waiting for a segment";
  case TimeState::WaitInevitable:
    return "waiting for the inevitable transaction";
  case TimeState::WaitLock:
    return "waiting for a write lock";
  case TimeState::Paused:
    return "paused for other commits";
  case TimeState::Stopped:
    return "stopped for other threads' collections";
  case TimeState::Gc:
    return "collecting garbage";
  case TimeState::Remapping:
    return "making pages private";
  case TimeState::TakingHome:
    return "taking pages from other threads' homes";
  default:
    return "?";
  }
}

Statistics& Statistics::operator+=(const Statistics& other) {
  commits += other.commits;
  inevitable_commits += other.inevitable_commits;
  pauses += other.pauses;
  privatizations += other.privatizations;
  pages_privatized += other.pages_privatized;
  pages_reshared += other.pages_reshared;
  homes_taken += other.homes_taken;
  for (int i = 0; i < int(AbortCause::kCount); ++i) {
    aborts[i] += other.aborts[i];
    aborted_ns[i] += other.aborted_ns[i];
  }
  for (int i = 0; i < int(TimeState::kCount); ++i)
    state_ns[i] += other.state_ns[i];
  return *this;
}

std::uint64_t Statistics::total_aborts() const {
  std::uint64_t total = 0;
  for (std::uint64_t n : aborts)
    total += n;
  return total;
}

Statistics thread_statistics() {
  return snapshot(*current()->stats);
}

Statistics total_statistics() {
  std::lock_guard guard(stats_lock);
  Statistics total;
  for (const ThreadStatistics& record : records)
    total += snapshot(record);
  return total;
}

void reset_statistics() {
  std::lock_guard guard(stats_lock);
  for (ThreadStatistics& record : records) {
    record.commits = 0;
    record.inevitable_commits = 0;
    record.pauses = 0;
    record.privatizations = 0;
    record.pages_privatized = 0;
    record.pages_reshared = 0;
    record.homes_taken = 0;
    for (auto& n : record.aborts)
      n = 0;
    for (auto& n : record.aborted_ticks)
      n = 0;
    for (auto& n : record.state_ticks)
      n = 0;
  }
}

std::string format_statistics(const Statistics& s) {
  std::string out;
  char line[160];
  auto ms = [](std::uint64_t ns) { return double(ns) / 1e6; };
  std::snprintf(line, sizeof line, "commits: %llu (inevitable: %llu)\n",
                (unsigned long long)s.commits, (unsigned long long)s.inevitable_commits);
  out += line;
  std::snprintf(line, sizeof line, "aborts: %llu\n", (unsigned long long)s.total_aborts());
  out += line;
  for (int i = 0; i < int(AbortCause::kCount); ++i) {
    std::snprintf(line, sizeof line, "  %-12s %10llu aborts, %10.3f ms of work lost\n",
                  abort_cause_name(AbortCause(i)), (unsigned long long)s.aborts[i],
                  ms(s.aborted_ns[i]));
    out += line;
  }
  std::snprintf(line, sizeof line, "paused for others: %llu times\n", (unsigned long long)s.pauses);
  out += line;
  std::snprintf(line, sizeof line,
                "page remaps: %llu privatizations (%llu pages), %llu pages shared again\n",
                (unsigned long long)s.privatizations, (unsigned long long)s.pages_privatized,
                (unsigned long long)s.pages_reshared);
  out += line;
  std::snprintf(line, sizeof line, "home pages taken from other threads: %llu\n",
                (unsigned long long)s.homes_taken);
  out += line;
  for (int i = 0; i < int(TimeState::kCount); ++i) {
    std::snprintf(line, sizeof line, "  %-40s %10.3f ms\n", time_state_name(TimeState(i)),
                  ms(s.state_ns[i]));
    out += line;
  }
  return out;
}

} // namespace stm
