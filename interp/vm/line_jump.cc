// interp/vm/line_jump.cc - frame.f_lineno = n, the jump of debuggers (pdb's `jump`).
//
// A trace function, in the 'line' event of a frame (or the 'return' event of a yield),
// moves the frame to the first line at or after n that holds code. The frame's stack must
// stay valid there: of the instructions that start that line, one is chosen whose value
// stack (compile/stack_kinds.h, the kind of every slot on every path) the frame's present
// stack becomes by dropping values from the top. That rules out, as in CPython 3.11,
// jumps into a for loop (its iterator is missing), into an except or finally block (no
// exception), and out of code the compiler leaves unreachable; jumps out of blocks drop
// the iterator, the with statement's __exit__, and the except block's saved exception,
// which is handled again as POP_EXCEPT would make it. The frame's pc and sp are set here;
// trace_step (vm/trace.cc) sees kFrameJumped and goes on from there.
#include "interp/compile/code_unit.h"
#include "interp/compile/stack_kinds.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/frame.h"
#include "interp/vm/vm.h"

#include <climits>

namespace interp::vm {

namespace {

using compile::SlotKind;
using compile::StackKinds;

// The line each instruction starts, as CPython's line table gives one: the first
// instruction of a run of the same line (instructions the compiler added, with no line,
// continue the run before them); 0 for the others.
std::vector<int> line_starts(const bytecode::CodeUnit& unit) {
  std::vector<int> starts(unit.code.size(), 0);
  int last = -1;
  for (std::size_t i = 0; i < unit.code.size(); ++i) {
    int line = unit.locations[i].line;
    if (line > 0 && line != last) starts[i] = last = line;
  }
  return starts;
}

// Whether `from` becomes `to` by popping values. The two exceptions of a handler count as
// one kind, as in CPython.
bool reachable_by_popping(const StackKinds& from, const StackKinds& to) {
  auto same = [](SlotKind a, SlotKind b) {
    if (a == SlotKind::Raised) a = SlotKind::Except;
    if (b == SlotKind::Raised) b = SlotKind::Except;
    return a == b;
  };
  return to.size() <= from.size() && std::equal(to.begin(), to.end(), from.begin(), same);
}

const char* why_not(const std::optional<StackKinds>& to) {
  if (!to) return "can't jump into an exception handler, or code may be unreachable";
  switch (to->empty() ? SlotKind::Object : to->back()) {
  case SlotKind::Except:
  case SlotKind::Raised:
    return "can't jump into an 'except' block as there's no exception";
  case SlotKind::Lasti:
    return "can't jump into a re-raising block as there's no location";
  case SlotKind::Iterator:
    return "can't jump into the body of a for loop";
  case SlotKind::Object:
  case SlotKind::Null:
    break;
  }
  return "incompatible stacks";
}

} // namespace

bool jump_to_line(Thread& t, Value frame, Value lineno) {
  if (!lineno.is_small_int() && !is_exact(lineno, T_int))
    return raise(t, exc(E_ValueError), "lineno must be an integer"), false;
  // What the trace function was last told decides, as CPython's tracing_what (when no
  // trace function ever ran, that is 'call').
  bool suspended = t.hook_event == HookEvent::Yield;
  if (t.hook_event == HookEvent::Call)
    return raise(t, exc(E_ValueError), "can't jump from the 'call' trace event of a new frame"),
           false;
  if (t.hook_event != HookEvent::Line && !suspended)
    return raise(t, exc(E_ValueError), "can only jump from a 'line' trace event"), false;
  if (!rd<FrameObject>(frame)->trace)
    return raise(t, exc(E_ValueError), "f_lineno can only be set by a trace function"), false;
  std::int64_t wanted;
  if (!int_to_i64(lineno, wanted) || wanted > INT_MAX || wanted < INT_MIN)
    return raise(t, exc(E_ValueError), "lineno out of range"), false;
  // Only the frame whose event it is stands at an instruction boundary (another one is in
  // the middle of a call).
  if (!(rd<FrameObject>(frame)->flags & kFrameAtEvent))
    return raise(t, exc(E_ValueError), "can only jump from a 'line' trace event"), false;
  const bytecode::CodeUnit& unit = code_unit(rd<FrameObject>(frame)->code);
  if (wanted < unit.firstlineno)
    return raisef(t, exc(E_ValueError), "line %lld comes before the current code block",
                  (long long)wanted),
           false;
  std::vector<int> starts = line_starts(unit);
  int line = 0;
  for (int start : starts)
    if (start >= wanted && (!line || start < line)) line = start;
  if (!line)
    return raisef(t, exc(E_ValueError), "line %lld comes after the current code block",
                  (long long)wanted),
           false;

  std::vector<std::optional<StackKinds>> kinds = compile::stack_kinds(unit);
  // The instruction the frame goes on with: during its 'line' event the frame's pc is one
  // past it; a suspended frame's pc is the instruction after the yield, whose stack holds
  // the value the resumption would push.
  std::int64_t pc = rd<FrameObject>(frame)->pc;
  std::int64_t here = suspended ? pc : pc - 1;
  std::optional<StackKinds> from =
      here >= 0 && std::size_t(here) < kinds.size() ? kinds[std::size_t(here)] : std::nullopt;
  if (from && suspended && !from->empty()) from->pop_back();
  std::int64_t best = -1;
  const char* error = "cannot find bytecode for specified line";
  bool explained = false;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    if (starts[i] != line) continue;
    if (from && kinds[i] && reachable_by_popping(*from, *kinds[i])) {
      // The deepest stack loses the fewest values.
      if (best < 0 || kinds[i]->size() > kinds[std::size_t(best)]->size()) best = std::int64_t(i);
    } else if (!explained && best < 0) {
      if (!from) {
        error = "can't jump from unreachable code";
      } else {
        error = why_not(kinds[i]);
        explained = true;
      }
    }
  }
  if (best < 0) return raise(t, exc(E_ValueError), error), false;
  if (std::size_t(rd<FrameObject>(frame)->sp) != from->size())
    return raise(t, exc(E_SystemError), "frame stack out of step with its code"), false;

  // Drop what the target does not hold; a dropped except block's saved exception is the
  // handled one again (its Raised exception just goes).
  FrameObject* f = wr<FrameObject>(frame);
  Value* stack = f->slots + f->nlocals + f->ncells;
  std::size_t keep = kinds[std::size_t(best)]->size();
  for (std::size_t depth = from->size(); depth > keep; --depth) {
    if ((*from)[depth - 1] == SlotKind::Except) end_handler(t, f, stack[depth - 1]);
    f = wr<FrameObject>(frame);
    stack[depth - 1] = Value();
  }
  f->sp = std::int64_t(keep);
  // During a 'line' event the pc is one past the instruction to run (so f_lineno reads
  // the new line); a suspended frame resumes at it.
  f->pc = suspended ? best : best + 1;
  f->flags |= kFrameJumped;
  return true;
}

} // namespace interp::vm
