// interp/interp.h - the public face of the interpreter layer: start the runtime, attach
// threads, run programs. Used by the pypy-stm command (interp/main.cc) and by the thread
// layer.
#pragma once

#include "interp/value.h"

#include <string>
#include <utility>
#include <vector>

namespace interp {

struct Thread;
using ModuleFactory = Value (*)(Thread& t);

struct Options {
  std::vector<std::string> argv;        // sys.argv
  std::vector<std::string> path_prefix; // put first on sys.path (script folder, PYTHONPATH...)
  bool ignore_environment = false;
  bool unbuffered = false;
  // Modules written in C++ by the layers above (the thread layer's _thread...), made on
  // first import: the interpreter reaches those layers only through this table.
  std::vector<std::pair<std::string, ModuleFactory>> builtin_modules;
};

// Starts the transactional heap and builds the runtime (once per process); the calling
// thread becomes the main interpreter thread.
void start(const Options& options);
// The current thread's interpreter state (attached by start() or attach_thread()).
Thread& main_thread();
// Attaches/detaches the calling OS thread as an interpreter thread.
Thread* attach_thread();
void detach_thread(Thread* t);

// Runs Python source as the __main__ module; returns the process exit status (an
// uncaught exception's traceback is printed to stderr, SystemExit handled as CPython).
int run_main_source(const std::string& source, const std::string& filename);
// Runs `python -m module`.
int run_main_module(const std::string& module);

} // namespace interp
