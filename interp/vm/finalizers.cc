// interp/vm/finalizers.cc - running what the collector found dead: __del__ methods and
// weakref callbacks, as Python code in ordinary transactions.
//
// The collector only queues the work (gc::take_finalization); nothing runs with the
// world stopped. A thread takes the work inside a transaction and runs each item in a
// nested loop: at a transaction break of its outermost loop, at the start of each of its
// transactions there, and in gc.collect() before it returns. Taken items stay roots until
// the transaction that ran them ends: committed, they are done; aborted, they go back to
// the queue, and whichever thread breaks a transaction next runs them again.
#include "interp/modules/modules.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/outermost.h"
#include "interp/vm/vm.h"

#include "gc/gc.h"

namespace interp::vm {

namespace {

void print_unraisable(Thread& t, const std::string& message, Value where, Value e) {
  std::string text = message;
  if (where != none()) text += ": " + repr_utf8(t, where);
  text += "\n";
  format_exception(t, e, text);
  t.err += text;
}

// A program may install sys.unraisablehook (test.support does, to see these errors). It
// gets the fields of CPython's UnraisableHookArgs, in a SimpleNamespace (the class of
// sys.implementation). Returns false when the hook is the default one (or missing).
bool call_unraisablehook(Thread& t, Value e, Value where, Value err_msg = {}) {
  Value sys = runtime().sys_module;
  Value hook = getattr_opt(t, sys, intern_literal(t, "unraisablehook"));
  Value standard = getattr_opt(t, sys, intern_literal(t, "__unraisablehook__"));
  Value impl = getattr_opt(t, sys, intern_literal(t, "implementation"));
  if (t.pending) clear_pending(t);
  if (!hook || hook == none() || hook == standard || !impl) return false;
  Value args = allocate(t, Layout::Instance, type_of(impl), sizeof(Object));
  Value d = args ? dict_new(t) : Value();
  if (!d) return false;
  fresh<Object>(args)->dict = d;
  Value tb = exception_check(e) ? rd<ExceptionObject>(e)->traceback : Value();
  const std::pair<const char*, Value> fields[] = {{"exc_type", type_of(e)},
                                                  {"exc_value", e},
                                                  {"exc_traceback", tb ? tb : none()},
                                                  {"err_msg", err_msg ? err_msg : none()},
                                                  {"object", where}};
  for (const auto& [field, value] : fields)
    if (!dict_set(t, d, intern_literal(t, field), value)) return false;
  if (!call1(t, hook, args)) {
    // CPython reports the hook's own failure instead, through the default hook.
    Value failure = fetch_pending(t);
    if (failure) print_unraisable(t, "Exception ignored in sys.unraisablehook", hook, failure);
  }
  return true;
}

// CPython's report of an exception nobody can catch: a finalizer's or a callback's.
void report_unraisable(Thread& t, Value where) {
  Value e = fetch_pending(t);
  if (!e) return;
  if (!call_unraisablehook(t, e, where)) {
    clear_pending(t);
    print_unraisable(t, "Exception ignored in", where, e);
  }
}

} // namespace

void report_unraisable_with(Thread& t, Value e, const char* message, Value where) {
  Value text = str_from_utf8(t, message);
  if (!text) {
    clear_pending(t);
    return;
  }
  if (!call_unraisablehook(t, e, where, text)) print_unraisable(t, message, where, e);
}

namespace {

// The text of the warning, as warnings._warn_unawaited_coroutine words it: the coroutine's
// name, and where it was made when sys.set_coroutine_origin_tracking_depth asked for it.
Value unawaited_text(Thread& t, Value coro) {
  const GeneratorObject* g = rd<GeneratorObject>(coro);
  Value origin = g->origin;
  std::string text = "coroutine '" + str_utf8(g->qualname) + "' was never awaited\n";
  if (origin && isinstance(origin, T_tuple) && tuple_length(origin) > 0) {
    Value linecache = import_module(t, "linecache");
    Value traceback = linecache ? import_module(t, "traceback") : Value();
    Value getline = traceback ? getattr(t, linecache, intern_literal(t, "getline")) : Value();
    Value format_list = getline ? getattr(t, traceback, intern_literal(t, "format_list")) : Value();
    Value entries = format_list ? list_new(t) : Value();
    if (!entries) return {};
    // Innermost first in cr_origin; the report lists the outermost first.
    for (std::int64_t i = tuple_length(origin) - 1; i >= 0; --i) {
      Value where = tuple_item(origin, i);
      if (!isinstance(where, T_tuple) || tuple_length(where) != 3) continue;
      Value line = call2(t, getline, tuple_item(where, 0), tuple_item(where, 1));
      Value fields[4] = {tuple_item(where, 0), tuple_item(where, 1), tuple_item(where, 2), line};
      Value entry = line ? tuple_from(t, fields, 4) : Value();
      if (!entry || !list_append(t, entries, entry)) return {};
    }
    Value lines = call1(t, format_list, entries);
    Value all = lines ? list_of(t, lines) : Value();
    if (!all) return {};
    text += "Coroutine created at (most recent call last)\n";
    for (std::int64_t i = 0; i < list_length(all); ++i)
      if (str_check(list_item(all, i))) text += str_utf8(list_item(all, i));
  }
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  return str_from_utf8(t, text);
}

// Whether `hook` is warnings' own _warn_unawaited_coroutine, not one a program put there.
bool is_standard_unawaited_hook(Thread& t, Value warnings, Value hook) {
  if (!is_layout(hook, Layout::Function)) return false;
  const FunctionObject* f = rd<FunctionObject>(hook);
  return f->globals == rd<Object>(warnings)->dict &&
         str_equal_ascii(f->name, "_warn_unawaited_coroutine");
}

// A coroutine that died before it started: a RuntimeWarning about it, as CPython gives it
// through warnings._warn_unawaited_coroutine. That hook's warning would lose the
// coroutine (see warn_source.cc), so the standard one's work is done here; one a program
// installed is called. A warning made an error, or a hook that failed, is reported as
// unraisable; unless the failure was the warning itself, the plain warning follows.
void warn_unawaited(Thread& t, Value coro) {
  Value warnings = import_module(t, "warnings");
  Value hook =
      warnings ? getattr_opt(t, warnings, intern_literal(t, "_warn_unawaited_coroutine")) : Value();
  bool warned = false;
  if (hook && is_standard_unawaited_hook(t, warnings, hook)) {
    Value text = unawaited_text(t, coro);
    warned = text && warn_with_source(t, exc(E_RuntimeWarning), text, coro);
  } else if (hook) {
    warned = bool(call1(t, hook, coro));
  }
  warned = warned || matches(t, exc(E_RuntimeWarning));
  if (t.pending) report_unraisable(t, coro);
  if (warned) return;
  std::string plain =
      "coroutine '" + str_utf8(rd<GeneratorObject>(coro)->qualname) + "' was never awaited";
  if (!warn(t, exc(E_RuntimeWarning), plain)) report_unraisable(t, coro);
}

} // namespace

// A suspended generator that died: close() runs its finally blocks. An async one goes to
// the finalizer hook it saw first, if any (asyncio schedules aclose()), and is closed in
// place when it saw none. A coroutine that never started only warns.
void finalize_generator(Thread& t, Value gen) {
  const GeneratorObject* g = rd<GeneratorObject>(gen);
  if (!g->frame) return;
  if (g->kind == kCoroutine && rd<FrameObject>(g->frame)->pc == 0 &&
      rd<FrameObject>(g->frame)->sp == 0) {
    warn_unawaited(t, gen);
    wr<GeneratorObject>(gen)->frame = {};
    return;
  }
  if (Value finalizer = g->finalizer) {
    if (!call1(t, finalizer, gen)) report_unraisable(t, finalizer);
    return;
  }
  if (!generator_close(t, gen)) report_unraisable(t, gen);
}

namespace {

void run_one(Thread& t, const gc::Finalization& item) {
  Value object = Value::object(item.object);
  if (item.kind == gc::FinalizationKind::WeakCallback) {
    Value callback = rd<WeakRefObject>(object)->callback;
    if (!callback) return;
    // Runs once; the reference lets go of it, as CPython's does.
    wr<WeakRefObject>(object)->callback = {};
    if (!call1(t, callback, object)) report_unraisable(t, callback);
    return;
  }
  if (is_layout(object, Layout::Generator)) {
    finalize_generator(t, object);
    return;
  }
  Value del = type_lookup(type_of(object), name(N___del__));
  if (!del) return; // the class lost its __del__ since the object was made
  Value bound = lookup_special(t, object, N___del__);
  if (!bound || !call0(t, bound)) report_unraisable(t, del);
}

// A collection queued work: the collecting thread's outermost loop breaks its
// transaction at the next instruction boundary, and runs the work there.
void on_work_queued() {
  if (Thread* t = current_thread_if_any()) t->ticks = t->tx_length;
}

} // namespace

void run_finalizations(Thread& t) {
  if (t.running_finalizers || !gc::finalization_pending()) return;
  // The interrupted code's exception state and call set-up are not the callbacks' to see
  // or to change. Restored on the way out, an abort's unwinding included (the thread
  // must not stay marked as running them).
  struct Saved {
    Thread& t;
    Value pending, handled, kwnames, frame;
    const Value* call_args;
    ~Saved() {
      t.running_finalizers = false;
      t.pending = pending;
      t.handled = handled;
      t.kwnames = kwnames;
      t.frame = frame;
      t.outermost_call_args = call_args;
    }
  } saved{t, fetch_pending(t), t.handled, t.kwnames, t.frame, t.outermost_call_args};
  t.running_finalizers = true;
  t.kwnames = {};
  // Between two transactions of the outermost loop no frame is running: the finalizers
  // see the one about to resume as the current one, as under CPython they see the code
  // that dropped the object (sys._getframe, and the place the warnings point at).
  if (!t.frame && t.state) t.frame = rd<ThreadStateObject>(t.state)->top_frame;
  // Before each take: a finalizer that waited inside committed the transaction, which
  // let go of what was taken so far and of this hook.
  auto hold = [&t] {
    if (t.holds_finalizations) return;
    t.holds_finalizations = true;
    t.after_commit.push_back([&t](bool committed) {
      t.holds_finalizations = false;
      gc::finish_finalizations(committed);
    });
  };
  gc::Finalization item;
  for (hold(); gc::take_finalization(item); hold()) {
    run_one(t, item);
    clear_pending(t);
  }
}

void write_unraisable(Thread& t, Value hook_args) {
  Value fields[3];
  const char* names[3] = {"exc_value", "err_msg", "object"};
  for (int i = 0; i < 3; ++i) {
    fields[i] = getattr_opt(t, hook_args, intern_literal(t, names[i]));
    if (t.pending) clear_pending(t);
  }
  Value e = fields[0], message = fields[1], where = fields[2] ? fields[2] : none();
  if (!e || !exception_check(e)) return;
  print_unraisable(t, message && str_check(message) ? str_utf8(message) : "Exception ignored in",
                   where, e);
}

void install_finalization_hook() {
  gc::set_finalization_hook(&on_work_queued);
}

} // namespace interp::vm
