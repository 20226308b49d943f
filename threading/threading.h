// threading/threading.h - the thread layer: Python threads on interpreter threads, and the
// modules that expose them (_thread now; pypystm and transaction later).
#pragma once

#include "interp/interp.h"
#include "interp/runtime.h"

#include <cstdio>

namespace pypystm::threading {

// Registers the thread layer's builtin modules with the interpreter.
void install(interp::Options& options);
interp::Value make_thread_module(interp::Thread& t);

// PYPYSTM_STATS set (not 0): at exit, the run's statistics go to stderr (run_report.cc).
bool run_report_wanted();
void print_run_report(std::FILE* out);

} // namespace pypystm::threading
