// interp/modules/modules.h - the modules written in C++: made at start-up, found by the
// import system by name before sys.path is searched.
#pragma once

#include "interp/runtime.h"

#include <atomic>
#include <string>
#include <vector>

struct rusage; // <sys/resource.h>

namespace interp {

void init_builtins_module(Thread& t, Value module);
// sys: argv and path are filled by the caller (interp.cc) from the command line.
Value make_sys_module(Thread& t);
// The builtin modules other than builtins and sys, made on first import; 0 (no
// exception) when there is no such builtin module.
Value make_builtin_module(Thread& t, const std::string& name);
// The names make_builtin_module knows (sys.builtin_module_names), sorted.
std::vector<std::string> builtin_module_names();
// The dict of the locals of a frame (locals(), vars(), exec()).
// __import__ and the import machinery.
void init_import(Thread& t, Value builtins_dict);
// Imports a module by absolute dotted name (as `import name`), returning the leaf module.
Value import_module(Thread& t, const std::string& name);
// The __spec__ of the module `python -m` runs as __main__ (full: its real name): importlib's
// ModuleSpec once importlib is imported, else the start-up machinery's stand-in, which has
// `loader` as its loader.
Value main_module_spec(Thread& t, const std::string& full, const std::string& path, Value loader);

// The standard streams (interp/modules/io.cc): an _io.TextIOWrapper over an
// _io.BufferedWriter (descriptors 1 and 2, writing into the running transaction's
// output) or an _io.BufferedReader (descriptor 0, read on demand), named as CPython names
// them ("<stdout>"), with the given error handler. Closing one leaves the descriptor open.
Value make_standard_stream(Thread& t, int fd, const char* errors);
// Puts them in sys (interp/modules/sys.cc); false with the exception.
bool install_standard_streams(Thread& t);
// Sets a standard stream's line_buffering and write_through (what -u and a terminal
// decide; output still reaches the descriptor at each commit).
void set_stream_buffering(Value stream, bool line_buffering, bool write_through);

// Signals (interp/modules/signal.cc): set by the C signal handler when a signal arrived whose
// Python handler has not run yet.
extern std::atomic<bool> signals_tripped;
// Runs the Python handlers of the signals that arrived, in the main thread (elsewhere, and when
// none arrived, does nothing); `frame` is the handlers' second argument (0: None). False with
// the exception a handler raised.
bool run_signal_handlers(Thread& t, Value frame);
// Writes `bytes` to a pipe, socket or terminal (interp/modules/io.cc) without blocking
// inside the transaction: while the descriptor cannot take more, commits and waits
// outside. Signal handlers run between writes; one that raises ends the write (-1, with
// its exception), and with `partial_on_signal` a signal after some bytes ends it with
// their count, as an interrupted write(2) does. Otherwise returns bytes.size().
std::int64_t write_to_stream(Thread& t, int fd, std::string_view bytes, bool partial_on_signal);
// Whether `fd` is a pipe, socket or terminal, which a write may wait on for ever.
bool descriptor_is_stream(int fd);
// _thread.interrupt_main: signal `signum` (0: SIGINT) arrives for the main thread as if sent,
// once the calling transaction commits, when Python has a handler for it. None, or 0 with
// the exception.
Value interrupt_main(Thread& t, Value signum);

// A resource.struct_rusage of `usage` (interp/modules/resource.cc; os.wait3 and os.wait4
// return one too); 0 with the exception.
Value rusage_result(Thread& t, const rusage& usage);

// The readline module (interp/modules/readline.cc): whether it was imported, which makes
// input() and the REPL on a terminal read through it; and reading one line with `prompt`
// (1: the line, without its newline; 0: end of input; -1: abandoned, with the exception
// pending when `in_call`). `in_call`: from a native call, inside a transaction; otherwise
// between transactions (the REPL).
bool readline_imported();
int read_line_with_readline(Thread& t, const std::string& prompt, std::string& line, bool in_call);

} // namespace interp
