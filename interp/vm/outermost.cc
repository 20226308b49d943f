// interp/vm/outermost.cc - the outermost loop of a thread: Python code as a chain of
// transactions.
//
// The thread's state object (top frame, handled exception) is written at every break,
// so that an abort, which rolls the heap back to the last commit, finds in it the exact
// point to resume from. Output is buffered by the transaction and written after it
// commits: an aborted transaction printed nothing.
#include "interp/vm/outermost.h"

#include "interp/objects/objects.h"
#include "interp/vm/frame.h"
#include "interp/vm/vm.h"

#include <unistd.h>

namespace interp::vm {

static void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += std::size_t(n);
  }
}

void flush_output(Thread& t) {
  if (!t.out.empty()) {
    write_all(1, t.out);
    t.out.clear();
  }
  if (!t.err.empty()) {
    write_all(2, t.err);
    t.err.clear();
  }
}

static void save_state(Thread& t, Value frame) {
  ThreadStateObject* s = wr<ThreadStateObject>(t.state);
  s->top_frame = frame;
  s->handled = t.handled;
}

void transaction_break(Thread& t, Value frame) {
  t.ticks = 0;
  if (stm::atomic_depth()) return;
  save_state(t, frame);
  stm::commit_transaction();
  flush_output(t);
  stm::start_transaction();
}

Value run_outermost(Thread& t, Value code, Value globals, Value& exception_out) {
  exception_out = {};
  // The module frame is made and committed first, so that every later transaction,
  // including a retried first one, resumes from a committed frame.
  stm::run_transaction([&] {
    Value builtins = runtime().builtins;
    Value frame = make_frame(t, code, globals, builtins, globals, {}, {});
    if (!frame) std::abort();
    fresh<FrameObject>(frame)->flags |= kFrameEntry;
    t.handled = {};
    save_state(t, frame);
  });
  for (;;) {
    stm::start_transaction();
    try {
      t.pending = {};
      t.c_depth = 0;
      t.ticks = 0;
      t.kwnames = {};
      const ThreadStateObject* s = rd<ThreadStateObject>(t.state);
      Value frame = s->top_frame;
      t.handled = s->handled;
      t.frame = {};
      // Resume the innermost frame; the frames it returns into are linked by `back`.
      bool yielded;
      Value result = eval(t, frame, true, yielded);
      Value e = fetch_pending(t);
      wr<ThreadStateObject>(t.state)->result = e;
      stm::commit_transaction();
      flush_output(t);
      exception_out = e;
      return result;
    } catch (const stm::TxAbort&) {
      t.out.clear();
      t.err.clear();
      t.pending = {};
      t.frame = {};
      t.c_depth = 0;
    }
  }
}

} // namespace interp::vm
