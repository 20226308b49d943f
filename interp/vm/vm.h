// interp/vm/vm.h - the bytecode VM: frames, calls, the evaluation loop, generators, and
// the outermost loop that runs a thread's Python code as a chain of transactions.
//
// Python-to-Python calls made by bytecode, instantiation of plain classes (__init__ a
// Python function) and generator resumption by `for` and `yield from`/`await` do not
// recurse on the C++ stack: the new or resumed frame is linked to the running one and the
// same loop goes on. Calls from C++ (a sort key, a __eq__ called by a dict, next(gen))
// start a nested loop, which returns when its entry frame returns. Transactions break only in the
// outermost loop, at instruction boundaries.
#pragma once

#include "interp/runtime.h"

namespace interp::vm {

// Calls a Python function (Layout::Function); `self`, when set, is the first argument.
Value call_function(Thread& t, Value function, Value self, const Value* args, std::size_t nargs,
                    Value kwnames);
// Calls `callable`, found on the type of `self` (a special method), bound as attribute
// lookup would bind it: a function or a builtin method descriptor gets `self` first, a
// descriptor (staticmethod, classmethod, an object with __get__) goes through __get__, and
// anything else (a class, a builtin function) is called as is. No `self`: a plain call.
Value call_function_or_other(Thread& t, Value callable, Value self, const Value* args,
                             std::size_t nargs, Value kwnames);
// call() with `self` prepended whatever `callable` is (a bound method's call).
Value call_with_self(Thread& t, Value callable, Value self, const Value* args, std::size_t nargs,
                     Value kwnames);

// Runs a module's (or exec'd string's) code in the given namespaces in a nested loop.
// `closure`: a tuple of cells for the code's free variables (exec's closure=), or 0.
Value run_code(Thread& t, Value code, Value globals, Value locals, Value closure = {});

// Runs the code as the thread's outermost loop: starts and commits transactions, breaks
// them every so many instructions, restarts from the last committed state on abort.
// Called outside any transaction; returns with none running. On an uncaught exception
// returns 0 and leaves the exception in `exception_out` (committed, readable in a new
// transaction).
Value run_outermost(Thread& t, Value code, Value globals, Value& exception_out);

// Runs a class body (the function made by the class statement) with `ns` as its locals;
// returns what the body returns (the __class__ cell, or None).
Value run_class_body(Thread& t, Value body, Value ns);

// A new thread's outermost loop: calls payload = (callable, args tuple, kwargs dict or
// None), read from a gc-rooted slot in the first transaction. As run_outermost.
Value run_outermost_call(Thread& t, Value* payload_slot, Value& exception_out);

// super()'s implicit arguments from the calling Python frame.
bool super_arguments(Thread& t, Value& type, Value& obj);

// The innermost Python frame of this thread (0 if none), for tracebacks and sys._getframe.
Value current_frame(Thread& t);
// Python code is about to see `frame`: it and the frames below it are never reused for
// other calls (frame.cc).
void mark_escaped(Value frame);

// sys.setprofile (vm/profile.cc): the thread's function, or 0; setting it (0 to stop)
// marks the running frames as already called; an event for `frame` (false with the
// function's exception, the function then removed).
Value profiler(Thread& t);
void set_profiler(Thread& t, Value fn);
bool profile_event(Thread& t, Value frame, const char* event, Value arg);
// sys.settrace (vm/trace.cc): the thread's function, or 0; setting it; before the
// instruction `next` of `frame` ('call' first if the frame just started, then 'line');
// a return or yield; an exception raised in the frame. False with the trace function's
// exception (it is then removed).
Value tracer(Thread& t);
void set_tracer(Thread& t, Value fn);
bool trace_step(Thread& t, Value frame, std::int64_t next);
bool trace_return(Thread& t, Value frame, Value value, bool yielding);
bool trace_exception(Thread& t, Value frame);
// A `yield from`, `await` or for loop in `frame` whose receiver ended with `result` after
// being sent `sent`: under tracing CPython 3.11 ends it by StopIteration, an 'exception'
// event (none for next() of a generator or an iterator that ends with None).
bool trace_iteration_end(Thread& t, Value frame, Value receiver, Value sent, Value result);
// Both, as the loop gives them: at an instruction boundary before `next` (a 'call' to the
// profile function if the frame just started, then trace_step); and as a frame returns,
// yields, or ends with an exception (value 0). False with a function's exception.
bool hooks_before(Thread& t, Value frame, std::int64_t next);
bool hooks_leaving(Thread& t, Value frame, Value value, bool yielding);
// Calls a profile or trace function fn(frame, event, arg) with `busy` set meanwhile and
// an exception in flight kept aside; false with fn's exception. `kind` says what the event
// is to frame.f_lineno's setter (Thread::hook_event).
bool call_hook(Thread& t, Value fn, Value frame, HookEvent kind, const char* event, Value arg,
               bool& busy, Value& result);
// While alive, whether the thread's trace and profile functions are busy (then they see
// nothing), restored after: busy for the interpreter's own Python helpers (the import
// system's spec maker, standing in for what CPython's importlib does under names that
// debuggers skip); not busy for sys.call_tracing, through which a debugger debugs code
// from inside its trace function (pdb's `debug`).
struct HooksBusy {
  Thread& t;
  bool tracer = t.in_tracer, profiler = t.in_profiler;
  HooksBusy(Thread& thread, bool busy) : t(thread) { t.in_tracer = t.in_profiler = busy; }
  ~HooksBusy() {
    t.in_tracer = tracer;
    t.in_profiler = profiler;
  }
  HooksBusy(const HooksBusy&) = delete;
  HooksBusy& operator=(const HooksBusy&) = delete;
};
// frame.f_lineno = lineno (vm/line_jump.cc): from a trace function's 'line' event (or the
// 'return' of a yield), the frame goes on at the first line at or after `lineno` whose
// value stack it can reach by dropping values, as CPython 3.11's jump; ValueError with
// 3.11's messages otherwise.
bool jump_to_line(Thread& t, Value frame, Value lineno);

// Generators.
Value generator_send(Thread& t, Value generator, Value value, bool& finished);
Value generator_throw(Thread& t, Value generator, Value exception);
// close(): GeneratorExit thrown in at the suspension point; None once it got through.
// Also for async generators, as CPython's finalizer closes one with no finalizer hook.
Value generator_close(Thread& t, Value generator);
// What happens to a generator that dies (or whose frame is cleared): closed, handed to
// its async finalizer hook, or a warning for a coroutine that never ran; errors go to
// sys.unraisablehook.
void finalize_generator(Thread& t, Value generator);
void init_generator_types(Thread& t);
// The iterator that `await v` drives: a coroutine (or a generator types.coroutine
// marked) itself, else what v.__await__() returns, which must be an iterator and no
// coroutine. `context` is GET_AWAITABLE's argument: 0 for await, 1 for the result of
// __aenter__, 2 for that of __aexit__, which the error messages name.
Value awaitable_iter(Thread& t, Value v, int context);

// The source line of a code location, for tracebacks ("" when unknown).
int frame_line(Value frame);
int code_line(Value code, std::int64_t instruction);
// The same from the compiled unit, with no heap access (faulthandler's signal handlers).
int unit_line(const bytecode::CodeUnit& unit, std::int64_t instruction);

// Writes all of `bytes` to descriptor `fd` at file offset `at` (-1: where the descriptor
// stands), again after EINTR and short writes: 0, the errno that stopped it, or -1 for a
// write that took nothing.
int write_fully(int fd, std::int64_t at, std::string_view bytes);
// Writes and clears the output buffered by the transaction that just committed.
void flush_output(Thread& t);
// Makes the running transaction inevitable and writes the output it buffered so far: for
// an effect seen outside the transaction at once (a signal, exec, fork, a direct write),
// which must come after what the program printed before it.
void become_inevitable_with_output(Thread& t, const char* reason);
// The errno that a write of committed output to descriptor 1 or 2 failed with (EPIPE once
// the reader has gone), 0 if none: sys.stdout and sys.stderr raise it at their next write,
// as CPython's do, so that a program printing into a closed pipe stops.
int output_error(int fd);
// Regular files that only write (io.cc) hand their bytes to the transaction, which writes
// them when it commits (an aborted one drops them), so a write() neither makes the
// transaction inevitable nor costs a system call; `at` is the file offset or -1. Past
// 1 MiB in one transaction they go out at once (the transaction turns inevitable).
void defer_file_write(Thread& t, int fd, std::int64_t at, std::string_view bytes);
bool has_deferred_writes(const Thread& t, int fd);
// Drops what the transaction buffered for stdout, stderr and files (it aborted).
void discard_output(Thread& t);
// The errno that writing committed bytes to descriptor `fd` failed with, once, or 0.
int take_file_error(int fd);

// Writes the traceback of an exception as CPython prints it, to `out`.
void format_exception(Thread& t, Value exception, std::string& out);
// A SyntaxError's located report without the traceback, as 3.11's C printer writes it.
void format_syntax_error(Thread& t, Value exception, std::string& out);
// Whether the exception, or one in its chain of causes and contexts, gets a "Did you
// mean" suggestion when printed (the traceback module of 3.11 gives none).
bool chain_has_suggestion(Thread& t, Value exception);
// What 3.11 appends to this exception's message line when it prints it (". Did you mean:
// 'name'?"), or "".
std::string suggestion_suffix(Thread& t, Value exception);

// Inside a transaction: runs the __del__ methods and weakref callbacks that collections
// queued, in nested loops; an exception in one is reported as CPython reports it
// ("Exception ignored in: ...") and the others still run. Does nothing while the thread
// runs them already.
void run_finalizations(Thread& t);
// sys.__unraisablehook__: prints an UnraisableHookArgs-like object's error as CPython
// does ("Exception ignored in: <object>" and the traceback).
void write_unraisable(Thread& t, Value hook_args);
// Reports `e` through sys.unraisablehook with `message` as err_msg (the default hook
// prints "<message>: <where>" and the traceback to the thread's stderr).
void report_unraisable_with(Thread& t, Value e, const char* message, Value where);
// Makes collections ask the collecting thread's outermost loop to run the work they
// queued at its next instruction boundary.
void install_finalization_hook();

// Whether a native call that must wait may hand the wait to its loop (set t.block_on and
// return): the loop commits and waits outside the transaction, then runs the instruction
// again (a nested loop goes on inevitably). Not inside an atomic block, which does not
// break: there the call must block in place, holding its transaction.
bool can_wait_outside(Thread& t);
// For C++ code that called a native which asked to wait (t.block_on, no exception) and
// cannot run it again from scratch (it has consumed part of an iterator): commits, waits
// outside and goes on inevitably (in place inside an atomic block); then the caller calls
// again (t.block_retry is set as after a wait of the outermost loop).
void wait_in_call(Thread& t);

// Wakes the threads waiting outside their transactions (a lock, a thread's end) to look
// at the committed state again: called after every commit that may have changed it.
void wake_waiters();
// In a forked child: no thread waits (they stayed in the parent).
void after_fork_in_child();

// The builtin next() (modules/builtins.cc): CALL runs it inline on a generator.
NativeFn builtin_next_function();

} // namespace interp::vm
