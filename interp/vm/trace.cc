// interp/vm/trace.cc - sys.settrace's events, which debuggers (pdb) and coverage tools
// build on: 'call' to the thread's trace function when a Python frame starts or a
// generator resumes (what it returns becomes the frame's f_trace); then, to f_trace,
// 'line' before an instruction that starts a line (or is reached by a backward jump),
// 'opcode' before every instruction where f_trace_opcodes is on, 'return' when the frame
// returns or yields (None when an exception ends it), and 'exception' when an exception
// is raised in it. The loop (vm/eval.cc) gives them; while a trace function runs, nothing
// is reported to it. A 'line' function may set f_lineno: the frame then goes on where
// vm/line_jump.cc put it.
//
// As with sys.setprofile (vm/profile.cc) the function lives in the thread's state object,
// so an aborted transaction undoes settrace; Thread::tracing tells the loop to look. A
// trace function that raises is removed (for the thread and the frame), and its
// exception goes on in the traced code.
#include "interp/compile/code_unit.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/frame.h"
#include "interp/vm/vm.h"

namespace interp::vm {

// FrameObject::traced of a frame that was running when tracing began: the instruction
// before the one it goes on with is the call it was in.
constexpr std::int64_t kInsideCall = -2;

Value tracer(Thread& t) {
  if (!t.tracing) return {};
  return rd<ThreadStateObject>(t.state)->tracer;
}

void set_tracer(Thread& t, Value fn) {
  wr<ThreadStateObject>(t.state)->tracer = fn;
  t.tracing = bool(fn);
  // Frames already running get no 'call' (a debugger sets their f_trace itself).
  if (fn)
    for (Value f = t.frame; f; f = rd<FrameObject>(f)->back) {
      FrameObject* o = wr<FrameObject>(f);
      // They are inside a call (their saved pc may be older, and what they ran while
      // tracing was off is not recorded): their next line event is for another line than
      // the call's, found when they go on (kInsideCall).
      o->traced = kInsideCall;
      o->flags |= kFrameTraced;
    }
}

bool call_hook(Thread& t, Value fn, Value frame, HookEvent kind, const char* event, Value arg,
               bool& busy, Value& result) {
  // An exception on its way out of the frame waits while the function runs.
  Value in_flight = t.pending ? fetch_pending(t) : Value();
  mark_escaped(frame);
  // Undone on the way out, by a return or by the TxAbort of a transaction that aborts
  // inside the function (a flag left set would silence every later event).
  struct Busy {
    Thread& t;
    bool& busy;
    Value saved_frame;
    ~Busy() {
      busy = false;
      t.frame = saved_frame;
    }
  } guard{t, busy, t.frame};
  t.frame = frame;
  busy = true;
  t.hook_event = kind;
  Value a[3] = {frame, intern_literal(t, event), arg ? arg : none()};
  result = a[1] ? call(t, fn, a, 3) : Value();
  if (!result) return false;
  if (in_flight) t.pending = in_flight;
  return true;
}

namespace {

// The line an instruction carries in the line table: 0 or less for the ones the compiler
// adds (a loop's jump back), which, as in CPython, start no line event.
int own_line(Value code, std::int64_t instruction) {
  const bytecode::CodeUnit& unit = code_unit(code);
  if (instruction < 0 || std::size_t(instruction) >= unit.locations.size()) return -1;
  return unit.locations[std::size_t(instruction)].line;
}

// Whether the instruction is a SEND, which the loop of a `yield from` or `await` jumps
// back to.
bool resends(Value code, std::int64_t instruction) {
  return bytecode::op_of(code_unit(code).code[std::size_t(instruction)]) == bytecode::Op::SEND;
}

// A local trace function's event: its answer replaces f_trace unless it is None.
bool local_event(Thread& t, Value frame, HookEvent kind, const char* event, Value arg) {
  Value fn = rd<FrameObject>(frame)->trace;
  if (!fn || t.in_tracer) return true;
  Value result;
  // Only these events leave the frame where a jump can take it (vm/line_jump.cc).
  if (kind == HookEvent::Line || kind == HookEvent::Yield)
    wr<FrameObject>(frame)->flags |= kFrameAtEvent;
  bool ok = call_hook(t, fn, frame, kind, event, arg, t.in_tracer, result);
  wr<FrameObject>(frame)->flags &= ~std::int64_t(kFrameAtEvent);
  if (!ok) {
    wr<FrameObject>(frame)->trace = {};
    set_tracer(t, {});
    return false;
  }
  if (result != none()) wr<FrameObject>(frame)->trace = result;
  return true;
}

} // namespace

bool trace_step(Thread& t, Value frame, std::int64_t next) {
  if (t.in_tracer || !tracer(t)) return true;
  FrameObject* f = wr<FrameObject>(frame);
  if (!(f->flags & kFrameTraced)) {
    f->flags |= kFrameTraced;
    // A resumed generator goes on from its yield: the rest of that line is no new line.
    f->traced = f->pc > 0 ? f->pc - 1 : -1;
    // f_lineno is the def line before the first instruction, as CPython's RESUME is.
    std::int64_t saved_lasti = f->lasti;
    if (f->pc == 0) f->lasti = -1;
    Value result;
    bool ok = call_hook(t, tracer(t), frame, HookEvent::Call, "call", {}, t.in_tracer, result);
    wr<FrameObject>(frame)->lasti = saved_lasti;
    if (!ok) {
      set_tracer(t, {});
      return false;
    }
    if (result != none()) wr<FrameObject>(frame)->trace = result;
  }
  f = wr<FrameObject>(frame);
  std::int64_t previous = f->traced == kInsideCall ? next - 1 : f->traced;
  f->traced = next;
  if (!f->trace) return true;
  if (!(f->flags & kFrameNoTraceLines)) {
    int line = own_line(f->code, next);
    // The same line goes on, but for a jump back, except the one of a `yield from` or
    // `await` to its SEND (as in 3.11).
    bool same_line = previous >= 0 && line == own_line(f->code, previous);
    bool goes_on = next > previous ? same_line : resends(f->code, next);
    if (line > 0 && !(previous >= 0 && goes_on)) {
      // f_lineno says the line about to run.
      f->pc = next + 1;
      bool ok = local_event(t, frame, HookEvent::Line, "line", {});
      f = wr<FrameObject>(frame);
      if (f->flags & kFrameJumped) {
        // f_lineno was set: the frame goes on at the instruction chosen (with the values
        // the jump left), which gives no 'line' of its own. Should the function then
        // raise, it raises there: the stack is the jump's already.
        f->flags &= ~std::int64_t(kFrameJumped);
        f->traced = --f->pc;
        return ok;
      }
      f->pc = next;
      if (!ok) return false;
    }
  }
  if (!(f->flags & kFrameTraceOpcodes) || !f->trace) return true;
  f->pc = next + 1;
  bool ok = local_event(t, frame, HookEvent::Opcode, "opcode", {});
  wr<FrameObject>(frame)->pc = next;
  return ok;
}

bool trace_return(Thread& t, Value frame, Value value, bool yielding) {
  if (yielding) wr<FrameObject>(frame)->flags &= ~std::int64_t(kFrameTraced);
  return local_event(t, frame, yielding ? HookEvent::Yield : HookEvent::Return, "return", value);
}

bool trace_exception(Thread& t, Value frame) {
  Value e = t.pending;
  if (!e || !exception_check(e) || !rd<FrameObject>(frame)->trace || t.in_tracer) return true;
  Value tb = rd<ExceptionObject>(e)->traceback;
  Value items[3] = {type_of(e), e, tb ? tb : none()};
  Value info = tuple_from(t, items, 3);
  return info && local_event(t, frame, HookEvent::Exception, "exception", info);
}

bool trace_iteration_end(Thread& t, Value frame, Value receiver, Value sent, Value result) {
  if (!rd<FrameObject>(frame)->trace || t.in_tracer) return true;
  if (sent == none() && result == none() && receiver.is_object() &&
      (is_layout(receiver, Layout::Iterator) ||
       (is_layout(receiver, Layout::Generator) &&
        rd<GeneratorObject>(receiver)->kind == kGenerator)))
    return true;
  Value e = (stop_iteration_with(t, result), t.pending);
  if (!trace_exception(t, frame)) return false;
  if (t.pending == e) clear_pending(t);
  return !t.pending;
}

bool hooks_before(Thread& t, Value frame, std::int64_t next) {
  FrameObject* f = wr<FrameObject>(frame);
  if (t.profiling && !(f->flags & kFrameProfiled)) {
    f->flags |= kFrameProfiled;
    if (!profile_event(t, frame, "call", {})) return false;
  }
  return !t.tracing || trace_step(t, frame, next);
}

bool hooks_leaving(Thread& t, Value frame, Value value, bool yielding) {
  FrameObject* f = wr<FrameObject>(frame);
  if (t.profiling && (f->flags & kFrameProfiled)) {
    // A generator's resumption is a 'call' again.
    if (yielding) f->flags &= ~std::int64_t(kFrameProfiled);
    if (!profile_event(t, frame, "return", value)) return false;
  }
  return !t.tracing || trace_return(t, frame, value, yielding);
}

} // namespace interp::vm
