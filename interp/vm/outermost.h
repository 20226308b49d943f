// interp/vm/outermost.h - transaction breaks of the outermost loop (internal to vm/).
#pragma once

#include "interp/runtime.h"

namespace interp::vm {

// At an instruction boundary of the outermost loop, with the frame's registers saved:
// records the running frame in the thread state, commits, flushes the output the
// transaction buffered, and starts the next transaction. The caller reloads its
// registers afterwards (the view's address may differ).
void transaction_break(Thread& t, Value frame);
// At an instruction boundary of the outermost loop whose instruction asked to wait
// (t.block_on): commits, waits outside any transaction, starts the next transaction.
void wait_outside(Thread& t, Value frame);
// The same for an instruction of a nested loop (a call from C++ code is under way), where
// the transaction cannot break and start again from a saved frame: commits what the
// transaction did so far (so that the threads it waits for see it: the work it handed
// them, say), waits outside any transaction, and goes on in an inevitable transaction in
// the same view, which nothing can roll back to before the commit. The caller reloads its
// registers afterwards.
void wait_outside_nested(Thread& t, Value frame);
// For gc.collect() called by the outermost loop, with the frame's registers saved at
// that call: records the state to resume from and marks the thread Unwinding; eval then
// returns to the loop, which commits, collects and resumes (the call runs again).
void leave_to_collect(Thread& t, Value frame);
// Runs (true) or cancels (false) the thread's after-commit work.
void run_after_commit(Thread& t, bool committed);
// Writes and clears the output buffered by the transaction that just committed.
void flush_output(Thread& t);

} // namespace interp::vm
