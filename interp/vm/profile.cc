// interp/vm/profile.cc - sys.setprofile's events: 'call' when a Python frame starts or a
// generator resumes, 'return' when it returns, yields, or ends with an exception (with
// None). The loop (vm/eval.cc) reports them at its instruction boundary and at its
// returns; calls of builtin functions ('c_call', 'c_return', 'c_exception') are not
// reported yet.
//
// The function lives in the thread's state object, so a transaction that aborts undoes
// sys.setprofile with everything else; Thread::profiling only tells the loop to look.
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <cstring>

namespace interp::vm {

Value profiler(Thread& t) {
  if (!t.profiling) return {};
  return rd<ThreadStateObject>(t.state)->profiler;
}

void set_profiler(Thread& t, Value fn) {
  wr<ThreadStateObject>(t.state)->profiler = fn;
  t.profiling = bool(fn);
  // The frames running now started before the function was set: they get no 'call',
  // but their 'return' (CPython's order).
  if (fn)
    for (Value f = t.frame; f; f = rd<FrameObject>(f)->back)
      wr<FrameObject>(f)->flags |= kFrameProfiled;
}

namespace {

HookEvent kind_of_profile_event(const char* event) {
  if (!std::strcmp(event, "call")) return HookEvent::Call;
  if (!std::strcmp(event, "return")) return HookEvent::Return;
  return HookEvent::Other;
}

} // namespace

bool profile_event(Thread& t, Value frame, const char* event, Value arg) {
  Value fn = profiler(t);
  if (!fn || t.in_profiler) return true;
  Value result;
  if (call_hook(t, fn, frame, kind_of_profile_event(event), event, arg, t.in_profiler, result))
    return true;
  // As in CPython: a function that raised is removed, and its exception goes on.
  set_profiler(t, {});
  return false;
}

} // namespace interp::vm
