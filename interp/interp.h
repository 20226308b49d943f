// interp/interp.h - the public face of the interpreter layer: start the runtime, attach
// threads, run programs. Used by the pypy-stm command (interp/main.cc) and by the thread
// layer.
#pragma once

#include "interp/value.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace interp {

struct Thread;
using ModuleFactory = Value (*)(Thread& t);

struct Options {
  std::vector<std::string> argv;        // sys.argv
  std::vector<std::string> orig_argv;   // sys.orig_argv: the whole command line
  std::vector<std::string> path_prefix; // put first on sys.path (script folder, PYTHONPATH...)
  bool ignore_environment = false;
  bool unbuffered = false;
  // The rest of the command line's settings, as sys.flags, sys.warnoptions and
  // sys._xoptions show them (filled by the pypy-stm command from options and PYTHON*
  // variables; the sys module may read them through options()).
  int debug = 0, inspect = 0, interactive = 0, optimize = 0, dont_write_bytecode = 0,
      no_user_site = 0, no_site = 0, verbose = 0, bytes_warning = 0, quiet = 0,
      hash_randomization = 1, isolated = 0, utf8_mode = 0, warn_default_encoding = 0,
      int_max_str_digits = -1;
  bool dev_mode = false, safe_path = false;
  std::string pycache_prefix; // sys.pycache_prefix (empty: None)
  std::vector<std::string> warnoptions;
  // -X name[=value]; a name without a value is stored with has_value false (True in Python).
  struct XOption {
    std::string name, value;
    bool has_value = false;
  };
  std::vector<XOption> xoptions;
  std::string executable; // sys.executable: the absolute path of the command
  std::string program;    // argv[0] as given, which usage and file errors name
  // Modules written in C++ by the layers above (the thread layer's _thread...), made on
  // first import: the interpreter reaches those layers only through this table.
  std::vector<std::pair<std::string, ModuleFactory>> builtin_modules;
  // What the layers above forget in a forked child (os.fork), called there in the
  // forking thread before any Python code runs.
  std::vector<void (*)()> after_fork_in_child;
};

// Starts the transactional heap and builds the runtime (once per process); the calling
// thread becomes the main interpreter thread.
void start(const Options& options);
// The current thread's interpreter state (attached by start() or attach_thread()).
Thread& main_thread();
// Attaches/detaches the calling OS thread as an interpreter thread.
Thread* attach_thread();
void detach_thread(Thread* t);
// Calls fn for every attached interpreter thread, holding the lock that attaching and
// detaching take (threads doing either wait, outside their transactions).
void for_each_thread(const std::function<void(Thread&)>& fn);
// In a forked child (gc::fork_process returned 0): `t`, the forking thread, is the only
// interpreter thread and the main one; the others' states are dropped.
void after_fork_in_child(Thread& t);

// Runs Python source as the __main__ module; returns the process exit status (an
// uncaught exception's traceback is printed to stderr, SystemExit handled as CPython).
int run_main_source(const std::string& source, const std::string& filename);
// Runs `python -m module`.
int run_main_module(const std::string& module);
// Runs the __main__ module of the zip archive that is first on sys.path (`python app.pyz`).
int run_main_archive();
// The interactive loop on stdin (prompts on stderr), in the __main__ module that a program
// run before it left (-i) or a fresh one; returns the exit status at end of input or
// SystemExit. `fresh`: no program ran before (the banner and PYTHONSTARTUP are for it).
int run_repl(bool fresh);
// Ends the program as CPython's finalization does: waits for the threading module's
// non-daemon threads, runs the atexit callbacks, writes what remains of the output.
// Returns the exit status, which a SystemExit raised there replaces.
// The key of str and bytes hashes from PYTHONHASHSEED's value (null: unset): "random" or
// unset takes 16 bytes from the system's random source; an integer in [0, 4294967295]
// gives CPython's key for that seed. False for any other text. Called once, before the
// runtime starts.
bool set_hash_seed(const char* seed);
int finalize(int status);
// An exit status below zero asks the command to end by that signal (an uncaught
// KeyboardInterrupt ends the process by SIGINT, as CPython does).
constexpr int kExitBySigint = -2;
// The options given to start().
const Options& options();

} // namespace interp
