// interp/vm/frame.h - making frames and binding arguments to their parameters (internal
// to vm/).
#pragma once

#include "interp/runtime.h"

namespace interp::vm {

// A frame for `code` (nlocals + ncells + stacksize slots), cells of cellvars made empty.
Value make_frame(Thread& t, Value code, Value globals, Value builtins, Value locals, Value function,
                 Value back);
// Binds a call's arguments into a new function frame: positional, *args, keyword-only,
// **kwargs, defaults; fills the cells of arguments that are cells and the free variables
// from the closure. TypeError with CPython 3.11's messages.
bool bind_arguments(Thread& t, Value frame, Value function, Value self, const Value* args,
                    std::size_t nargs, Value kwnames);
// The frame of a call that returned: nothing refers to it any more (it is not escaped,
// not a generator's), so the next call may reuse its memory.
void release_frame(Thread& t, Value frame);
// A frame ready to run a call of `function`, or 0 with the exception set.
Value frame_for_call(Thread& t, Value function, Value self, const Value* args, std::size_t nargs,
                     Value kwnames, Value back);

// The traceback object layout (Layout::Instance objects of type `traceback`).
struct TracebackObject : Object {
  Value next;
  Value frame;
  Value lineno;
  Value lasti;
};
// Prepends an entry for `frame` at instruction `lasti` to the pending exception's traceback.
void add_traceback(Thread& t, Value frame, std::int64_t lasti);

// Eval entry: runs frames from `frame` until it returns (or yields, for a generator frame).
// `yielded` tells which.
Value eval(Thread& t, Value frame, bool outermost, bool& yielded);

// Stackless generator resumption (generator.cc). When `gen` (a generator or coroutine) can
// be resumed in the loop of the frame `back` - suspended, not running, and `value` a valid
// first send - marks it running, pushes `value` as the result of its suspended yield, links
// its frame to `back` with kFrameResumed and returns that frame; else returns 0 and changes
// nothing (generator_send then gives the result or the error), or, one level past the
// recursion limit, raises RecursionError and returns 0.
Value generator_resume_inline(Thread& t, Value gen, Value value, Value back);
// The kFrameResumed generator frame `frame` yields (`finished` false) or ends, with its
// return value or the pending exception (`finished` true): undoes what
// generator_resume_inline did; an ending frame is the generator's no longer, and a
// StopIteration leaving it becomes RuntimeError as in CPython.
void generator_leave_inline(Thread& t, Value frame, bool finished);
// Whether the generator's frame is inside one of its own except blocks (generator.cc).
bool in_own_handler(const GeneratorObject* g);
// POP_EXCEPT, or a jump out of an except block: the exception handled before the block
// began (`prev`, None for none) is the one handled again; a generator's frame counts
// down its handlers (end_generator_handler, generator.cc).
void end_generator_handler(Thread& t, const FrameObject* f);
inline void end_handler(Thread& t, const FrameObject* f, Value prev) {
  t.handled = prev == none() ? Value() : prev;
  if (f->flags & kFrameGenerator) [[unlikely]]
    end_generator_handler(t, f);
}
// Whether a CALL of `callable` (with LOAD_METHOD's `self`, or 0) is next(gen),
// next(gen, default), gen.send(value) or gen.__next__() of a generator or coroutine, which
// CALL then resumes in its own loop: the generator, the value it is sent, and whether a
// default follows (next with two arguments).
bool is_generator_call(Value callable, Value self, const Value* args, std::size_t nargs, Value& gen,
                       Value& sent, bool& with_default);
// Sets StopIteration(value) pending (no argument when value is None); returns 0.
Value stop_iteration_with(Thread& t, Value value);

} // namespace interp::vm
