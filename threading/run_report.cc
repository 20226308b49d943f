// threading/run_report.cc - PYPYSTM_STATS=1: what the run's threads spent their time on.
//
// A program that does not scale should say why without a profiler: how much of the
// threads' time went to committed work, to work lost in aborts, to waiting for others'
// commits and collections, and to remapping pages, with the counts behind each.
#include "threading/threading.h"

#include "gc/gc.h"
#include "stm/stm.h"

#include <cstdlib>

namespace pypystm::threading {

bool run_report_wanted() {
  const char* value = std::getenv("PYPYSTM_STATS");
  return value && *value && *value != '0';
}

void print_run_report(std::FILE* out) {
  gc::Statistics heap = gc::statistics();
  std::fprintf(out, "-- pypy-stm statistics (all threads) --\n%s",
               stm::format_statistics(stm::total_statistics()).c_str());
  auto mib = [](std::uint64_t bytes) { return double(bytes) / (1024.0 * 1024.0); };
  std::fprintf(out,
               "collections: %llu (%llu minor); allocated %.1f MiB, freed %.1f MiB, live %.1f "
               "MiB after the last; %llu pages in use, %llu returned to the system\n",
               (unsigned long long)heap.collections, (unsigned long long)heap.minor_collections,
               mib(heap.allocated_bytes), mib(heap.freed_bytes), mib(heap.live_bytes),
               (unsigned long long)heap.pages_in_use, (unsigned long long)heap.pages_returned);
  auto ms = [](std::uint64_t ns) { return double(ns) / 1e6; };
  std::fprintf(out,
               "  collection phases: marking %.3f ms, sweeping %.3f ms, views' page remaps %.3f "
               "ms; giving pages back %.3f ms\n",
               ms(heap.mark_ns), ms(heap.sweep_ns), ms(heap.remap_ns), ms(heap.return_ns));
}

} // namespace pypystm::threading
