// interp/vm/generator.cc - generators and coroutines: a suspended frame and the
// send/throw/close protocol, including delegation through `yield from` / `await`.
//
// FOR_ITER and SEND resume a generator's frame in their own loop (generator_resume_inline,
// generator_leave_inline). Everything else - next(), send(), throw(), close(), C++
// iteration - resumes it in a nested loop (eval with the frame as its entry), which
// returns at the next YIELD_VALUE or when the frame ends.
#include "gc/gc.h"
#include "interp/compile/code_unit.h"
#include "interp/modules/module_support.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/frame.h"
#include "interp/vm/vm.h"

namespace interp::vm {

using bytecode::Op;

Value resume_after_delegate(Thread& t, Value gen, bool& finished);

namespace {

const char* kind_name(std::int64_t kind) {
  return kind == kCoroutine        ? "coroutine"
         : kind == kAsyncGenerator ? "async generator"
                                   : "generator";
}

// The iterator this generator delegates to through `yield from`/`await`, or 0: the frame
// is suspended just before the back edge to its SEND.
Value delegate_of(Value frame) {
  const FrameObject* f = rd<FrameObject>(frame);
  if (f->pc < 0) return {};
  const bytecode::CodeUnit& unit = code_unit(f->code);
  if (std::size_t(f->pc) >= unit.code.size()) return {};
  if (bytecode::op_of(unit.code[std::size_t(f->pc)]) != Op::JUMP_NO_INTERRUPT) return {};
  if (f->sp < 1) return {};
  return f->slots[f->nlocals + f->ncells + f->sp - 1];
}

// Bits of GeneratorObject::running: the frame is executing; an async generator is being
// driven by one of its awaitables; an async generator was closed.
constexpr std::int64_t kRunningFrame = 1, kRunningAsync = 2, kAsyncClosed = 4;
// An async generator has called the thread's firstiter hook (sys.set_asyncgen_hooks).
constexpr std::int64_t kHooksCalled = 8;

// Runs the generator's frame to its next yield or its end. Meanwhile sys.exc_info() is
// the exception the generator itself was handling when it last yielded, if any; the
// caller's own is restored afterwards, also when a transaction abort unwinds through.
Value run_frame(Thread& t, Value gen, bool& yielded) {
  GeneratorObject* g = wr<GeneratorObject>(gen);
  Value frame = g->frame;
  Value caller = t.handled;
  Value own = g->exc_state;
  g->running |= kRunningFrame;
  g->caller_exc = caller;
  wr<FrameObject>(frame)->back = t.frame;
  struct Restore {
    Thread& t;
    Value caller;
    ~Restore() { t.handled = caller; }
  } restore{t, caller};
  t.handled = own ? own : caller;
  Value result = eval(t, frame, false, yielded);
  Value now = t.handled;
  g = wr<GeneratorObject>(gen);
  g->running &= ~kRunningFrame;
  g->caller_exc = {};
  g->exc_state = yielded && in_own_handler(g) ? now : Value();
  wr<FrameObject>(frame)->back = {};
  return result;
}

// The generator's frame ended with the pending exception: a StopIteration (or, from an
// async generator, StopAsyncIteration) leaving it becomes RuntimeError, caused by it.
void stop_iteration_escaped(Thread& t, Value gen) {
  bool async = ro<GeneratorObject>(gen)->kind == kAsyncGenerator;
  if (!t.pending ||
      !(matches(t, exc(E_StopIteration)) || (async && matches(t, exc(E_StopAsyncIteration)))))
    return;
  bool stop_async = !matches(t, exc(E_StopIteration));
  Value cause = fetch_pending(t);
  raisef(t, exc(E_RuntimeError), "%s raised %s", kind_name(ro<GeneratorObject>(gen)->kind),
         stop_async ? "StopAsyncIteration" : "StopIteration");
  if (t.pending && exception_check(t.pending)) {
    ExceptionObject* w = wr<ExceptionObject>(t.pending);
    w->cause = cause;
    w->context = cause;
    w->suppress_context = runtime().true_;
  }
}

// Resumes the frame; `value` is pushed as the result of the suspended yield unless the
// frame is just starting. With `throwing`, the pending exception is raised at the yield.
Value resume(Thread& t, Value gen, Value value, bool throwing, bool& finished) {
  finished = false;
  GeneratorObject* g = wr<GeneratorObject>(gen);
  Value frame = g->frame;
  if (!frame || rd<FrameObject>(frame)->pc < 0) {
    g->frame = {};
    if (g->kind == kCoroutine) {
      // What is thrown into a finished coroutine is not raised: the reuse is the error.
      if (throwing) clear_pending(t);
      finished = true;
      return raise(t, exc(E_RuntimeError), "cannot reuse already awaited coroutine");
    }
    if (throwing) return {};
    finished = true;
    return none();
  }
  if (g->running & kRunningFrame) {
    if (throwing) clear_pending(t);
    return raisef(t, exc(E_ValueError), "%s already executing", kind_name(g->kind));
  }
  FrameObject* f = wr<FrameObject>(frame);
  // A frame whose trace function jumped at its yield (f_lineno) takes no sent value.
  bool jumped = f->flags & kFrameJumped;
  if (jumped) [[unlikely]]
    f->flags &= ~std::int64_t(kFrameJumped);
  bool starting = f->pc == 0 && f->sp == 0 && !jumped;
  if (starting && !throwing && value != none()) {
    return raisef(t, exc(E_TypeError), "can't send non-None value to a just-started %s",
                  kind_name(g->kind));
  }
  if (!starting && !throwing && !jumped) {
    f->slots[f->nlocals + f->ncells + f->sp] = value;
    f->sp += 1;
  }
  bool yielded;
  if (throwing) {
    // Raise at the suspended yield: run the frame's exception handling from there.
    f->lasti = f->pc - 1;
    f->flags |= kFrameThrow;
  }
  Value result = run_frame(t, gen, yielded);
  if (yielded) return result;
  wr<GeneratorObject>(gen)->frame = {};
  finished = true;
  if (!result) stop_iteration_escaped(t, gen);
  return result;
}

} // namespace

Value stop_iteration_with(Thread& t, Value value) {
  if (value == none()) return raise_value(t, exc(E_StopIteration));
  Value args = tuple_from(t, &value, 1);
  if (!args) return {};
  Value e = exception_new(t, exc(E_StopIteration), args);
  if (e) t.pending = e;
  return {};
}

} // namespace interp::vm

namespace interp {

// cr_origin: (filename, line, function) of the innermost `depth` frames that made a
// coroutine.
static Value coroutine_origin(Thread& t, std::int64_t depth) {
  Value entries = list_new(t);
  if (!entries) return {};
  for (Value f = vm::current_frame(t); f && depth > 0; f = rd<FrameObject>(f)->back, --depth) {
    Value code = rd<FrameObject>(f)->code;
    Value items[3] = {ro<CodeObject>(code)->filename,
                      Value::small_int(vm::code_line(code, rd<FrameObject>(f)->instruction())),
                      ro<CodeObject>(code)->name};
    Value entry = tuple_from(t, items, 3);
    if (!entry || !list_append(t, entries, entry)) return {};
  }
  return list_to_tuple(t, entries);
}

Value generator_new(Thread& t, Value frame, Value code) {
  const bytecode::CodeUnit& unit = code_unit(code);
  std::int64_t kind = (unit.flags & bytecode::kCoroutine)        ? kCoroutine
                      : (unit.flags & bytecode::kAsyncGenerator) ? kAsyncGenerator
                                                                 : kGenerator;
  TypeId type = kind == kCoroutine        ? T_coroutine
                : kind == kAsyncGenerator ? T_async_generator
                                          : T_generator;
  // A generator that dies suspended is closed, as CPython closes it when its last
  // reference goes (here at the collection that finds it dead): its finally blocks and
  // with statements run. One with no handler in its code would only end, so it is not.
  // An async generator goes to its finalizer hook instead, when it has one, else it is
  // closed the same way (a finally block that awaits then fails, as in CPython).
  // A coroutine is, for the warning that it was never awaited.
  bool finalizable = kind == kCoroutine || !unit.exception_table.empty();
  Value g = allocate(t, Layout::Generator, type_value(type), sizeof(GeneratorObject), finalizable);
  if (!g) return {};
  GeneratorObject* o = fresh<GeneratorObject>(g);
  o->frame = frame;
  o->code = code;
  o->kind = kind;
  o->handlers = Value::small_int(0);
  // The names are the function's at the call (it may have been renamed since compiling).
  Value function = rd<FrameObject>(frame)->function;
  o->name = function ? rd<FunctionObject>(function)->name : ro<CodeObject>(code)->name;
  o->qualname = function ? rd<FunctionObject>(function)->qualname : ro<CodeObject>(code)->qualname;
  wr<FrameObject>(frame)->flags |= kFrameGenerator;
  wr<FrameObject>(frame)->generator = g;
  if (kind == kCoroutine) {
    Value depth = rd<ThreadStateObject>(t.state)->origin_depth;
    if (depth && depth.small_int_value() > 0) {
      Value origin = coroutine_origin(t, depth.small_int_value());
      if (!origin) return {};
      wr<GeneratorObject>(g)->origin = origin;
    }
  }
  return g;
}

} // namespace interp

namespace interp::vm {

Value generator_send(Thread& t, Value gen, Value value, bool& finished) {
  return resume(t, gen, value, false, finished);
}

Value generator_throw(Thread& t, Value gen, Value exception) {
  // Raises the pending exception at the generator's yield. A generator that catches it
  // and returns gives its value as StopIteration, never as a yielded value.
  auto raise_here = [&]() -> Value {
    bool finished;
    Value r = resume(t, gen, {}, true, finished);
    if (finished && r) return stop_iteration_with(t, r);
    return r;
  };
  Value frame = rd<GeneratorObject>(gen)->frame;
  if (frame) {
    if (Value inner = delegate_of(frame)) {
      bool is_exit = is_subtype(type_of(exception), exc(E_GeneratorExit));
      Value r;
      bool inner_finished = false;
      if (is_exit) {
        // Close the delegate first, then raise GeneratorExit here.
        Value close = getattr_opt(t, inner, name(N_close));
        if (close && !call0(t, close)) return raise_here();
        if (t.pending) clear_pending(t);
      } else {
        if (inner.is_object() && is_layout(inner, Layout::Generator)) {
          // The delegating frame is on the stack meanwhile, as it is for a send: the inner
          // frames see their whole chain of callers.
          struct Linked {
            Thread& t;
            Value frame, saved;
            ~Linked() {
              wr<FrameObject>(frame)->back = {};
              t.frame = saved;
            }
          } linked{t, frame, t.frame};
          wr<FrameObject>(frame)->back = t.frame;
          t.frame = frame;
          r = generator_throw(t, inner, exception);
          if (!r && !t.pending) inner_finished = true;
        } else {
          Value throw_fn = getattr_opt(t, inner, name(N_throw));
          if (throw_fn) {
            r = call1(t, throw_fn, exception);
          } else if (!t.pending) {
            t.pending = exception;
            return raise_here();
          }
        }
        if (r) return r; // the delegate yielded
        if (inner_finished || matches(t, exc(E_StopIteration))) {
          // The delegate finished: its value is the result of the yield from.
          Value e = fetch_pending(t);
          Value v = e ? rd<ExceptionObject>(e)->extra[0] : ro<GeneratorObject>(inner)->yield_from;
          FrameObject* f = wr<FrameObject>(frame);
          const bytecode::CodeUnit& unit = code_unit(f->code);
          std::uint32_t send_at = bytecode::arg_of(unit.code[std::size_t(f->pc)]);
          f->slots[f->nlocals + f->ncells + f->sp - 1] = v ? v : none();
          f->pc = bytecode::arg_of(unit.code[send_at]);
          bool finished;
          Value res = resume_after_delegate(t, gen, finished);
          if (finished && res) return stop_iteration_with(t, res);
          return res;
        }
        return raise_here();
      }
    }
  }
  t.pending = exception;
  return raise_here();
}

namespace {

bool is_awaitable_generator(Value v) {
  if (!v.is_object() || !is_layout(v, Layout::Generator)) return false;
  const GeneratorObject* g = rd<GeneratorObject>(v);
  return g->kind == kCoroutine ||
         (g->kind == kGenerator && (code_unit(g->code).flags & bytecode::kIterableCoroutine));
}

} // namespace

Value awaitable_iter(Thread& t, Value v, int context) {
  Value it = v;
  if (!is_awaitable_generator(v)) {
    Value await = lookup_special(t, v, N___await__);
    if (!await) {
      if (t.pending) return {};
      if (context == 0)
        return raisef(t, exc(E_TypeError), "object %s can't be used in 'await' expression",
                      type_name_of(v).c_str());
      return raisef(t, exc(E_TypeError),
                    "'async with' received an object from %s that does not implement "
                    "__await__: %s",
                    context == 1 ? "__aenter__" : "__aexit__", type_name_of(v).c_str());
    }
    it = call0(t, await);
    if (!it) return {};
    if (is_awaitable_generator(it))
      return raise(t, exc(E_TypeError), "__await__() returned a coroutine");
    if (!type_lookup(type_of(it), name(N___next__)))
      return raisef(t, exc(E_TypeError), "__await__() returned non-iterator of type '%s'",
                    type_name_of(it).c_str());
    return it;
  }
  const GeneratorObject* g = rd<GeneratorObject>(v);
  if (g->kind == kCoroutine && g->frame && delegate_of(g->frame))
    return raise(t, exc(E_RuntimeError), "coroutine is being awaited already");
  return it;
}

Value generator_resume_inline(Thread& t, Value gen, Value value, Value back) {
  const GeneratorObject* g = rd<GeneratorObject>(gen);
  if (g->kind != kGenerator && g->kind != kCoroutine) return {};
  if (g->running & kRunningFrame) return {};
  Value frame = g->frame;
  if (!frame) return {};
  const FrameObject* f = rd<FrameObject>(frame);
  if (f->pc < 0) return {};
  bool jumped = f->flags & kFrameJumped;
  bool starting = f->pc == 0 && f->sp == 0 && !jumped;
  if (starting && value != none()) return {};
  // The frame runs one level below its resumer, whoever made it: a chain of `yield from`
  // counts towards the recursion limit as a chain of calls does.
  std::int64_t depth = back ? rd<FrameObject>(back)->depth + 1 : 1;
  if (depth > recursion_limit()) {
    raise(t, exc(E_RecursionError), "maximum recursion depth exceeded");
    return {};
  }
  GeneratorObject* gw = wr<GeneratorObject>(gen);
  gw->running |= kRunningFrame;
  gw->caller_exc = t.handled;
  if (gw->exc_state) t.handled = gw->exc_state;
  FrameObject* fw = wr<FrameObject>(frame);
  if (!starting && !jumped) fw->slots[fw->nlocals + fw->ncells + fw->sp++] = value;
  if (jumped) [[unlikely]]
    fw->flags &= ~std::int64_t(kFrameJumped);
  fw->back = back;
  fw->depth = depth;
  fw->flags |= kFrameResumed;
  return frame;
}

void generator_leave_inline(Thread& t, Value frame, bool finished) {
  FrameObject* f = wr<FrameObject>(frame);
  Value gen = f->generator;
  f->back = {};
  f->flags &= ~std::int64_t(kFrameResumed);
  if (finished) f->pc = -1;
  GeneratorObject* g = wr<GeneratorObject>(gen);
  Value caller = g->caller_exc;
  Value now = t.handled;
  g->running &= ~kRunningFrame;
  g->caller_exc = {};
  g->exc_state = !finished && in_own_handler(g) ? now : Value();
  t.handled = caller;
  if (finished) {
    g->frame = {};
    stop_iteration_escaped(t, gen);
  }
}

Value generator_close(Thread& t, Value generator) {
  Value frame = rd<GeneratorObject>(generator)->frame;
  if (!frame) return none();
  if (rd<FrameObject>(frame)->pc == 0 && rd<FrameObject>(frame)->sp == 0) {
    wr<GeneratorObject>(generator)->frame = {};
    return none();
  }
  Value e = call0(t, exc(E_GeneratorExit));
  if (!e) return {};
  Value r = generator_throw(t, generator, e);
  if (r) {
    return raisef(t, exc(E_RuntimeError), "%s ignored GeneratorExit",
                  kind_name(ro<GeneratorObject>(generator)->kind));
  }
  if (matches(t, exc(E_GeneratorExit)) || matches(t, exc(E_StopIteration))) {
    clear_pending(t);
    return none();
  }
  return {};
}

namespace {
INTERP_NATIVE(gen_next);
INTERP_NATIVE(gen_send);
} // namespace

bool is_generator_call(Value callable, Value self, const Value* args, std::size_t nargs, Value& gen,
                       Value& sent, bool& with_default) {
  if (!callable.is_object() || !is_layout(callable, Layout::Native)) return false;
  const NativeObject* n = ro<NativeObject>(callable);
  NativeFn fn = runtime().natives[n->index].fn;
  sent = none();
  with_default = false;
  if (fn == builtin_next_function()) {
    if (self || n->self || nargs < 1 || nargs > 2) return false;
    gen = args[0];
    with_default = nargs == 2;
  } else if (fn == gen_next || fn == gen_send) {
    gen = self ? self : n->self;
    if (!gen || (self && n->self) || nargs != (fn == gen_send ? 1u : 0u)) return false;
    if (fn == gen_send) sent = args[0];
  } else {
    return false;
  }
  return gen.is_object() && is_layout(gen, Layout::Generator);
}

Value resume_after_delegate(Thread& t, Value gen, bool& finished) {
  // The frame's pc was moved past its SEND; run it without pushing a sent value.
  bool yielded;
  Value result = run_frame(t, gen, yielded);
  finished = !yielded;
  if (!yielded) wr<GeneratorObject>(gen)->frame = {};
  return result;
}

namespace {

// The exception that throw() raises in the generator. Making it from a class may fail:
// the failure is then what is thrown in (`made_failed`), as in CPython.
Value to_exception(Thread& t, const Value* args, std::size_t nargs, bool& made_failed) {
  made_failed = false;
  Value type = args[1];
  Value value = nargs > 2 ? args[2] : Value();
  if (type.is_object() && is_layout(type, Layout::Type) && is_subtype(type, exc(E_BaseException))) {
    // An instance of the class itself; anything else (another exception included) is
    // the argument of a new one, as CPython's PyErr_NormalizeException makes it.
    if (value && exception_check(value) && is_subtype(type_of(value), type)) return value;
    Value argv = value && value != none()
                     ? (isinstance(value, T_tuple) ? value : tuple_from(t, &value, 1))
                     : runtime().empty_tuple;
    if (!argv) return {};
    Value made = call(t, type, ro<TupleObject>(argv)->items, std::size_t(tuple_length(argv)));
    made_failed = true;
    // A __new__ may return anything: only an exception can be thrown in.
    if (made && !exception_check(made))
      return raisef(t, exc(E_TypeError),
                    "calling %s should have returned an instance of BaseException, not %s",
                    repr_utf8(t, type).c_str(), type_name_of(made).c_str());
    made_failed = !made;
    return made;
  }
  if (exception_check(type)) {
    if (value && value != none())
      return raise(t, exc(E_TypeError), "instance exception may not have a separate value");
    return type;
  }
  return raisef(t, exc(E_TypeError),
                "exceptions must be classes or instances deriving from BaseException, not %s",
                type_name_of(type).c_str());
}

INTERP_NATIVE(gen_iter) {
  return args[0];
}

INTERP_NATIVE(gen_next) {
  bool finished;
  Value r = generator_send(t, args[0], none(), finished);
  if (finished && r) return stop_iteration_with(t, r);
  return r;
}

INTERP_NATIVE(gen_send) {
  bool coroutine = rd<GeneratorObject>(args[0])->kind == kCoroutine;
  if (!check_positional(t, coroutine ? "coroutine.send" : "generator.send", nargs, kwnames, 1, 1))
    return {};
  bool finished;
  Value r = generator_send(t, args[0], args[1], finished);
  if (finished && r) return stop_iteration_with(t, r);
  return r;
}

INTERP_NATIVE(gen_throw) {
  if (!check_positional(t, "throw", nargs, kwnames, 1, 3)) return {};
  if (nargs > 3 && args[3] != none() && !isinstance(args[3], T_traceback))
    return raise(t, exc(E_TypeError), "throw() third argument must be a traceback object");
  bool made_failed;
  Value e = to_exception(t, args, nargs, made_failed);
  if (!e && made_failed) return generator_throw(t, args[0], fetch_pending(t));
  if (!e) return {};
  if (nargs > 3 && args[3] != none()) wr<ExceptionObject>(e)->traceback = args[3];
  return generator_throw(t, args[0], e);
}

INTERP_NATIVE(gen_close) {
  return generator_close(t, args[0]);
}

INTERP_NATIVE(gen_repr) {
  const GeneratorObject* g = ro<GeneratorObject>(args[0]);
  const char* what = g->kind == kAsyncGenerator ? "async_generator" : kind_name(g->kind);
  return str_from_utf8(t, std::string("<") + what + " object " + str_utf8(g->qualname) + " at 0x" +
                              std::to_string(args[0].offset()) + ">");
}

// __name__ and __qualname__ take a str; nothing else is set here.
INTERP_NATIVE(gen_setattr) {
  bool is_name = str_equal_ascii(args[1], "__name__");
  if (is_name || str_equal_ascii(args[1], "__qualname__")) {
    if (nargs < 3 || !str_check(args[2]))
      return raisef(t, exc(E_TypeError), "%s must be set to a string object",
                    is_name ? "__name__" : "__qualname__");
    GeneratorObject* g = wr<GeneratorObject>(args[0]);
    (is_name ? g->name : g->qualname) = args[2];
    return none();
  }
  return generic_setattr(t, args[0], args[1], nargs > 2 ? args[2] : Value()) ? none() : Value();
}

INTERP_NATIVE(gen_getattribute) {
  const GeneratorObject* g = rd<GeneratorObject>(args[0]);
  if (str_equal_ascii(args[1], "__name__")) return g->name;
  if (str_equal_ascii(args[1], "__qualname__")) return g->qualname;
  if (str_equal_ascii(args[1], "gi_running") || str_equal_ascii(args[1], "cr_running"))
    return py_bool(g->running & kRunningFrame);
  if (str_equal_ascii(args[1], "ag_running")) return py_bool(g->running & kRunningAsync);
  // inspect.getgeneratorstate/getcoroutinestate tell GEN_SUSPENDED from GEN_CREATED by it.
  if (str_equal_ascii(args[1], "gi_suspended") || str_equal_ascii(args[1], "cr_suspended")) {
    if (g->kind == kAsyncGenerator) return generic_getattr(t, args[0], args[1], false);
    if (!g->frame || (g->running & kRunningFrame)) return runtime().false_;
    const FrameObject* f = rd<FrameObject>(g->frame);
    // Neither about to start (resume's test) nor finished (pc < 0).
    return py_bool(f->pc >= 0 && !(f->pc == 0 && f->sp == 0));
  }
  if (str_equal_ascii(args[1], "ag_frame")) return g->frame ? g->frame : none();
  if (str_equal_ascii(args[1], "ag_code")) return g->code;
  if (str_equal_ascii(args[1], "ag_await")) {
    Value d = g->frame ? delegate_of(g->frame) : Value();
    return d ? d : none();
  }
  if (str_equal_ascii(args[1], "gi_frame") || str_equal_ascii(args[1], "cr_frame"))
    return g->frame ? g->frame : none();
  if (str_equal_ascii(args[1], "gi_code") || str_equal_ascii(args[1], "cr_code")) return g->code;
  if (str_equal_ascii(args[1], "cr_origin") && g->kind == kCoroutine)
    return g->origin ? g->origin : none();
  if (str_equal_ascii(args[1], "gi_yieldfrom") || str_equal_ascii(args[1], "cr_await")) {
    Value d = g->frame ? delegate_of(g->frame) : Value();
    return d ? d : none();
  }
  return generic_getattr(t, args[0], args[1], false);
}

// Async generators (PEP 525). A `yield` in an async generator wraps its value, so that
// the awaitables below tell it (the result of the __anext__/asend being awaited) from a
// value yielded by an `await` inside the generator, which goes on to the event loop.
// The awaitables are iterator-shaped objects: `seq` the async generator, `index` the
// state, `extra` the value to send (asend) or the exception to throw (athrow; 0 for
// aclose).
enum AwaitableState : std::int64_t { kAwaitInit = 0, kAwaitIter = 1, kAwaitClosed = 2 };

Value wrapped_value_type, asend_type, athrow_type;

bool is_wrapped(Value v) {
  return v.is_object() && type_of(v) == wrapped_value_type;
}

Value new_awaitable(Thread& t, Value type, Value agen, Value extra) {
  Value a = allocate(t, Layout::Instance, type, sizeof(IteratorObject));
  if (!a) return {};
  IteratorObject* o = fresh<IteratorObject>(a);
  o->seq = agen;
  o->extra = extra;
  o->index = kAwaitInit;
  return a;
}

void set_async_flag(Value agen, std::int64_t flag, bool on) {
  GeneratorObject* g = wr<GeneratorObject>(agen);
  g->running = on ? g->running | flag : g->running & ~flag;
}

// What an awaitable's step gives its awaiter: a yielded value becomes StopIteration(value),
// the generator's end StopAsyncIteration, a value from an inner `await` passes through.
Value unwrap(Thread& t, Value agen, Value result, bool finished) {
  if (result && !finished) {
    if (!is_wrapped(result)) return result;
    set_async_flag(agen, kRunningAsync, false);
    return stop_iteration_with(t, ro<IteratorObject>(result)->seq);
  }
  // A throw that ended the generator reports it as StopIteration.
  if (result || !t.pending || matches(t, exc(E_StopIteration))) {
    if (t.pending) clear_pending(t);
    raise_value(t, exc(E_StopAsyncIteration));
  }
  if (matches(t, exc(E_StopAsyncIteration)) || matches(t, exc(E_GeneratorExit)))
    set_async_flag(agen, kAsyncClosed, true);
  set_async_flag(agen, kRunningAsync, false);
  return {};
}

void set_state(Value awaitable, std::int64_t state) {
  wr<IteratorObject>(awaitable)->index = state;
}

Value asend_step(Thread& t, Value self, Value value) {
  const IteratorObject* o = rd<IteratorObject>(self);
  if (o->index == kAwaitClosed)
    return raise(t, exc(E_RuntimeError), "cannot reuse already awaited __anext__()/asend()");
  Value agen = o->seq;
  if (o->index == kAwaitInit) {
    if (ro<GeneratorObject>(agen)->running & kRunningAsync)
      return raise(t, exc(E_RuntimeError), "anext(): asynchronous generator is already running");
    if (value == none()) value = o->extra;
    set_state(self, kAwaitIter);
  }
  set_async_flag(agen, kRunningAsync, true);
  bool finished;
  Value r = generator_send(t, agen, value, finished);
  r = unwrap(t, agen, r, finished);
  if (!r) set_state(self, kAwaitClosed);
  return r;
}

INTERP_NATIVE(asend_send) {
  if (!check_positional(t, "send", nargs, kwnames, 1, 1)) return {};
  return asend_step(t, args[0], args[1]);
}

INTERP_NATIVE(asend_next) {
  return asend_step(t, args[0], none());
}

INTERP_NATIVE(asend_throw) {
  if (!check_positional(t, "throw", nargs, kwnames, 1, 3)) return {};
  const IteratorObject* o = rd<IteratorObject>(args[0]);
  if (o->index == kAwaitClosed)
    return raise(t, exc(E_RuntimeError), "cannot reuse already awaited __anext__()/asend()");
  Value agen = o->seq;
  bool made_failed;
  Value e = to_exception(t, args, nargs, made_failed);
  if (!e) return {};
  Value r = unwrap(t, agen, generator_throw(t, agen, e), false);
  if (!r) set_state(args[0], kAwaitClosed);
  return r;
}

INTERP_NATIVE(awaitable_close) {
  set_state(args[0], kAwaitClosed);
  return none();
}

// aclose() ends once the generator has let GeneratorExit (or its end) through: the
// awaiter then sees StopIteration, i.e. `await aclose()` gives None.
Value aclose_outcome(Thread& t, Value self, Value agen, Value r) {
  if (r && !is_wrapped(r)) return r;
  set_async_flag(agen, kRunningAsync, false);
  set_state(self, kAwaitClosed);
  if (r) return raise(t, exc(E_RuntimeError), "async generator ignored GeneratorExit");
  if (!t.pending || matches(t, exc(E_StopAsyncIteration)) || matches(t, exc(E_GeneratorExit)) ||
      matches(t, exc(E_StopIteration))) {
    if (t.pending) clear_pending(t);
    raise_value(t, exc(E_StopIteration));
  }
  return {};
}

Value athrow_step(Thread& t, Value self, Value value) {
  const IteratorObject* o = rd<IteratorObject>(self);
  if (o->index == kAwaitClosed)
    return raise(t, exc(E_RuntimeError), "cannot reuse already awaited aclose()/athrow()");
  Value agen = o->seq, e = o->extra;
  bool aclose = !e;
  if (o->index == kAwaitInit) {
    const GeneratorObject* g = ro<GeneratorObject>(agen);
    if (g->running & kRunningAsync) {
      set_state(self, kAwaitClosed);
      return raisef(t, exc(E_RuntimeError), "%s(): asynchronous generator is already running",
                    aclose ? "aclose" : "athrow");
    }
    if ((g->running & kAsyncClosed) || !g->frame) {
      set_state(self, kAwaitClosed);
      return raise_value(t, exc(E_StopIteration));
    }
    if (value != none())
      return raise(t, exc(E_RuntimeError), "can't send non-None value to a just-started coroutine");
    set_state(self, kAwaitIter);
    set_async_flag(agen, kRunningAsync, true);
    const FrameObject* f = rd<FrameObject>(g->frame);
    bool unstarted = f->pc == 0 && f->sp == 0;
    if (aclose) {
      set_async_flag(agen, kAsyncClosed, true);
      if (unstarted) {
        wr<GeneratorObject>(agen)->frame = {};
        return aclose_outcome(t, self, agen, {});
      }
      e = call0(t, exc(E_GeneratorExit));
      if (!e) return {};
      return aclose_outcome(t, self, agen, generator_throw(t, agen, e));
    }
    if (unstarted) {
      // Thrown into a generator that never ran: it ends, raising the exception.
      wr<GeneratorObject>(agen)->frame = {};
      t.pending = e;
      Value r = unwrap(t, agen, {}, false);
      set_state(self, kAwaitClosed);
      return r;
    }
    Value r = unwrap(t, agen, generator_throw(t, agen, e), false);
    if (!r) set_state(self, kAwaitClosed);
    return r;
  }
  bool finished;
  Value r = generator_send(t, agen, value, finished);
  if (aclose) {
    if (finished && r) r = {};
    return aclose_outcome(t, self, agen, r);
  }
  r = unwrap(t, agen, r, finished);
  if (!r) set_state(self, kAwaitClosed);
  return r;
}

INTERP_NATIVE(athrow_send) {
  if (!check_positional(t, "send", nargs, kwnames, 1, 1)) return {};
  return athrow_step(t, args[0], args[1]);
}

INTERP_NATIVE(athrow_next) {
  return athrow_step(t, args[0], none());
}

INTERP_NATIVE(athrow_throw) {
  if (!check_positional(t, "throw", nargs, kwnames, 1, 3)) return {};
  const IteratorObject* o = rd<IteratorObject>(args[0]);
  if (o->index == kAwaitClosed)
    return raise(t, exc(E_RuntimeError), "cannot reuse already awaited aclose()/athrow()");
  Value agen = o->seq;
  bool aclose = !o->extra;
  bool made_failed;
  Value e = to_exception(t, args, nargs, made_failed);
  if (!e) return {};
  Value r = generator_throw(t, agen, e);
  if (aclose) return aclose_outcome(t, args[0], agen, r);
  r = unwrap(t, agen, r, false);
  if (!r) set_state(args[0], kAwaitClosed);
  return r;
}

// The first __anext__, asend, athrow or aclose of an async generator calls the thread's
// firstiter hook with it, as CPython does: asyncio's loop keeps the generators it is told
// of and closes those still suspended when it shuts down (shutdown_asyncgens), which
// runs their finally blocks. The finalizer hook of that moment is kept: a generator that
// dies suspended is handed to it (vm/finalizers.cc), and asyncio then closes it on the loop.
bool call_firstiter(Thread& t, Value agen) {
  if (ro<GeneratorObject>(agen)->running & kHooksCalled) return true;
  set_async_flag(agen, kHooksCalled, true);
  Value hooks = rd<ThreadStateObject>(t.state)->asyncgen_hooks;
  Value finalizer = hooks ? tuple_item(hooks, 1) : Value();
  if (finalizer && finalizer != none()) wr<GeneratorObject>(agen)->finalizer = finalizer;
  Value firstiter = hooks ? tuple_item(hooks, 0) : Value();
  if (!firstiter || firstiter == none()) return true;
  return bool(call(t, firstiter, &agen, 1));
}

INTERP_NATIVE(agen_anext) {
  if (!call_firstiter(t, args[0])) return {};
  return new_awaitable(t, asend_type, args[0], none());
}

INTERP_NATIVE(agen_asend) {
  if (!check_positional(t, "asend", nargs, kwnames, 1, 1)) return {};
  if (!call_firstiter(t, args[0])) return {};
  return new_awaitable(t, asend_type, args[0], args[1]);
}

INTERP_NATIVE(agen_athrow) {
  if (!check_positional(t, "athrow", nargs, kwnames, 1, 3)) return {};
  if (!call_firstiter(t, args[0])) return {};
  bool made_failed;
  Value e = to_exception(t, args, nargs, made_failed);
  if (!e) return {};
  if (nargs > 3 && args[3] != none()) wr<ExceptionObject>(e)->traceback = args[3];
  return new_awaitable(t, athrow_type, args[0], e);
}

INTERP_NATIVE(agen_aclose) {
  if (!check_positional(t, "aclose", nargs, kwnames, 0, 0)) return {};
  if (!call_firstiter(t, args[0])) return {};
  return new_awaitable(t, athrow_type, args[0], {});
}

Value make_type(Thread& t, Value& slot, const char* type_name) {
  slot = new_type(t, type_name, "builtins", Layout::Instance);
  gc::add_root(reinterpret_cast<const stm::Offset*>(&slot));
  return slot;
}

} // namespace

Value async_gen_wrap(Thread& t, Value value) {
  Value w = allocate(t, Layout::Instance, wrapped_value_type, sizeof(IteratorObject));
  if (w) fresh<IteratorObject>(w)->seq = value;
  return w;
}

namespace {

// coro.__await__(): an iterator over the coroutine, which is not one itself.
Value coroutine_wrapper_type;

INTERP_NATIVE(coro_await) {
  Value w = allocate(t, Layout::Instance, coroutine_wrapper_type, sizeof(IteratorObject));
  if (w) fresh<IteratorObject>(w)->seq = args[0];
  return w;
}

// The wrapper's methods are the coroutine's, called on the coroutine.
template <NativeFn method>
Value on_coroutine(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  Value argv[4];
  std::size_t n = std::min<std::size_t>(nargs, 4);
  std::copy(args, args + n, argv);
  argv[0] = rd<IteratorObject>(args[0])->seq;
  return method(t, argv, n, kwnames);
}

const char* const kSendDoc[] = {
    "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.",
    "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."};
const char* const kThrowDoc[] = {
    "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded "
    "value or raise\nStopIteration.",
    "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next "
    "iterated value or raise\nStopIteration."};
const char* const kCloseDoc[] = {"close() -> raise GeneratorExit inside generator.",
                                 "close() -> raise GeneratorExit inside coroutine."};

} // namespace

void init_generator_types(Thread& t) {
  for (TypeId id : {T_generator, T_coroutine}) {
    Value type = type_value(id);
    int coro = id == T_coroutine;
    add_method(t, type, "send", gen_send, kSendDoc[coro]);
    add_method(t, type, "throw", gen_throw, kThrowDoc[coro]);
    add_method(t, type, "close", gen_close, kCloseDoc[coro]);
    add_method(t, type, "__repr__", gen_repr);
    add_method(t, type, "__getattribute__", gen_getattribute);
    add_method(t, type, "__setattr__", gen_setattr);
    add_method(t, type, "__delattr__", gen_setattr);
  }
  add_named_getters(
      t, type_value(T_generator),
      {"__name__", "__qualname__", "gi_running", "gi_suspended", "gi_frame", "gi_yieldfrom"},
      gen_getattribute);
  add_named_members(t, type_value(T_generator), {"gi_code"}, gen_getattribute);
  add_named_getters(t, type_value(T_coroutine),
                    {"__name__", "__qualname__", "cr_running", "cr_suspended", "cr_frame",
                     "cr_await", "cr_origin"},
                    gen_getattribute);
  add_named_members(t, type_value(T_coroutine), {"cr_code"}, gen_getattribute);
  for (const char* what : {"generator", "coroutine"}) {
    Value dict = rd<TypeObject>(type_value(what[0] == 'g' ? T_generator : T_coroutine))->dict;
    for (const char* attr : {"__name__", "__qualname__"}) {
      Value descr = dict_get_str(dict, intern_literal(t, attr));
      Value doc = str_from_utf8(t, std::string(attr[2] == 'n' ? "name" : "qualified name") +
                                       " of the " + what);
      if (descr && doc) wr<PropertyObject>(descr)->doc = doc;
    }
  }
  add_method(t, type_value(T_generator), "__iter__", gen_iter);
  add_method(t, type_value(T_generator), "__next__", gen_next);
  add_method(t, type_value(T_coroutine), "__await__", coro_await);
  if (Value w = make_type(t, coroutine_wrapper_type, "coroutine_wrapper")) {
    add_method(t, w, "__iter__", gen_iter);
    add_method(t, w, "__next__", on_coroutine<gen_next>);
    add_method(t, w, "send", on_coroutine<gen_send>, kSendDoc[1]);
    add_method(t, w, "throw", on_coroutine<gen_throw>, kThrowDoc[1]);
    add_method(t, w, "close", on_coroutine<gen_close>, kCloseDoc[1]);
  }
  Value agen = type_value(T_async_generator);
  add_method(t, agen, "__repr__", gen_repr);
  add_method(t, agen, "__getattribute__", gen_getattribute);
  add_method(t, agen, "__setattr__", gen_setattr);
  add_method(t, agen, "__delattr__", gen_setattr);
  add_named_getters(t, agen, {"__name__", "__qualname__", "ag_frame", "ag_await"},
                    gen_getattribute);
  add_named_members(t, agen, {"ag_running", "ag_code"}, gen_getattribute);
  add_method(t, agen, "__aiter__", gen_iter);
  add_method(t, agen, "__anext__", agen_anext);
  add_method(t, agen, "asend", agen_asend);
  add_method(t, agen, "athrow", agen_athrow);
  add_method(t, agen, "aclose", agen_aclose);
  make_type(t, wrapped_value_type, "async_generator_wrapped_value");
  for (Value type : {make_type(t, asend_type, "async_generator_asend"),
                     make_type(t, athrow_type, "async_generator_athrow")}) {
    if (!type) return;
    bool asend = type == asend_type;
    add_method(t, type, "__await__", gen_iter);
    add_method(t, type, "__iter__", gen_iter);
    add_method(t, type, "__next__", asend ? asend_next : athrow_next);
    add_method(t, type, "send", asend ? asend_send : athrow_send);
    add_method(t, type, "throw", asend ? asend_throw : athrow_throw);
    add_method(t, type, "close", awaitable_close);
  }
}

bool in_own_handler(const GeneratorObject* g) {
  return g->handlers && g->handlers.small_int_value() > 0;
}

void end_generator_handler(Thread& t, const FrameObject* f) {
  GeneratorObject* g = wr<GeneratorObject>(f->generator);
  if (in_own_handler(g)) g->handlers = Value::small_int(g->handlers.small_int_value() - 1);
  if (!t.handled) t.handled = g->caller_exc;
}

} // namespace interp::vm
