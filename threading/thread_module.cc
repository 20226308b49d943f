// threading/thread_module.cc - the _thread module: OS threads as interpreter threads, and
// locks.
//
// A new thread runs only once the transaction that asked for it has committed (its
// function and arguments must be visible to the new thread, and an aborted transaction
// must run nothing). The OS thread itself is created at the call, parked until that
// decision, so that a system out of threads is a RuntimeError the caller can catch. Each thread
// attaches to a segment of its own, so CPU-bound threads run in parallel. A lock's state is a heap
// value, taken and released inside transactions; waiting for a held lock happens outside any
// transaction (the VM's blocking protocol, see Thread::block_on).
#include "threading/threading.h"

#include "gc/gc.h"
#include "interp/compile_source.h"
#include "interp/interp.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <atomic>
#include <cmath>
#include <cstddef>
#include <ctime>
#include <pthread.h>
#include <string>
#include <unistd.h>

namespace pypystm::threading {

using namespace interp;

namespace {

std::atomic<std::int64_t> next_ident{2};
std::atomic<std::int64_t> running_threads{0};
// Threads created that have not yet committed (or aborted) a first transaction.
std::atomic<std::int64_t> starting_threads{0};
thread_local bool started_by_start_new_thread = false;
// Sizes above the default stack are given to new threads; smaller ones are only
// remembered and reported back, since the interpreter's native code wants the default
// room (Python calls do not use the native stack, and the recursion limit guards them).
std::atomic<std::int64_t> requested_stack_size{0};
Value lock_type_slot; // rooted; written once at start-up
Value rlock_type_slot;
Value local_type_slot;

struct StartRequest {
  Value payload; // gc root until the new thread has read it
  std::int64_t ident;
  enum Decision : int { Pending, Run, Drop };
  std::atomic<int> decision{Pending};

  void decide(Decision d) {
    decision.store(d, std::memory_order_release);
    decision.notify_one();
  }
};

void drop_request(StartRequest* request) {
  gc::remove_root(reinterpret_cast<const stm::Offset*>(&request->payload));
  delete request;
}

// Through sys.unraisablehook, which a program may replace, as in CPython.
void report_thread_exception(Thread& t, Value payload, Value e) {
  stm::run_transaction([&] {
    if (is_subtype(type_of(e), exc(E_SystemExit))) return;
    vm::report_unraisable_with(t, e, "Exception ignored in thread started by",
                               tuple_item(payload, 0));
  });
  vm::flush_output(t);
}

void release_exit_sentinels(Thread& t) {
  if (t.exit_sentinels.empty()) return;
  stm::run_transaction([&] {
    for (Value lock : t.exit_sentinels) {
      LockObject* w = wr<LockObject>(lock);
      w->owner = Value::small_int(0);
      w->count = Value::small_int(0);
    }
  });
  interp::vm::wake_waiters();
  t.exit_sentinels.clear();
}

void thread_main(StartRequest* request) {
  request->decision.wait(StartRequest::Pending, std::memory_order_acquire);
  if (request->decision.load(std::memory_order_acquire) == StartRequest::Drop) {
    drop_request(request);
    starting_threads.fetch_sub(1);
    running_threads.fetch_sub(1);
    return;
  }
  Thread* t = interp::attach_thread();
  started_by_start_new_thread = true;
  t->ident = request->ident;
  t->after_commit.push_back([](bool) { starting_threads.fetch_sub(1); });
  Value exception;
  vm::run_outermost_call(*t, &request->payload, exception);
  if (exception) report_thread_exception(*t, request->payload, exception);
  release_exit_sentinels(*t);
  drop_request(request);
  interp::detach_thread(t);
  running_threads.fetch_sub(1);
}

void* os_thread_entry(void* request) {
  thread_main(static_cast<StartRequest*>(request));
  return nullptr;
}

// False when the system refuses another thread (its limits, or no room for the stack).
bool start_os_thread(StartRequest* request) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  std::size_t default_size = 0;
  pthread_attr_getstacksize(&attr, &default_size);
  auto wanted = std::size_t(requested_stack_size.load());
  bool ok = (wanted <= default_size || pthread_attr_setstacksize(&attr, wanted) == 0) &&
            pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0;
  pthread_t id;
  ok = ok && pthread_create(&id, &attr, os_thread_entry, request) == 0;
  pthread_attr_destroy(&attr);
  return ok;
}

// A program that starts threads faster than the segments take them on would pile up OS
// threads (a stack mapping each) until the system refuses more, where CPython's, started
// one GIL turn at a time, each get going. So the starter waits, outside its transaction,
// while many of the threads it and others started have not run yet: they need a segment
// once, which the first-come queue gives them, so the wait ends whatever they then do.
bool few_starting(Value) {
  return starting_threads.load() <= std::int64_t(8 * stm::segment_count());
}

INTERP_NATIVE(start_new_thread) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "start_new_thread() takes no keyword arguments");
  if (npos < 2 || npos > 3)
    return raisef(t, exc(E_TypeError), "start_new_thread expected at %s, got %zu",
                  npos < 2 ? "least 2 arguments" : "most 3 arguments", npos);
  if (!is_callable(args[0])) return raise(t, exc(E_TypeError), "first arg must be callable");
  if (!(args[1].is_object() && isinstance(args[1], T_tuple)))
    return raise(t, exc(E_TypeError), "2nd arg must be a tuple");
  if (npos == 3 && !dict_check(args[2]))
    return raise(t, exc(E_TypeError), "optional 3rd arg must be a dictionary");
  bool retry = t.block_retry && t.block_retry == args[0];
  if (retry) t.block_retry = {};
  if (!few_starting({}) && vm::can_wait_outside(t)) {
    wait_outside_for(t, args[0], few_starting, -1, retry);
    return {};
  }
  Value items[3] = {args[0], args[1], npos == 3 ? args[2] : none()};
  Value payload = tuple_from(t, items, 3);
  if (!payload) return {};
  auto* request = new StartRequest{payload, next_ident.fetch_add(1)};
  gc::add_root(reinterpret_cast<const stm::Offset*>(&request->payload));
  running_threads.fetch_add(1);
  starting_threads.fetch_add(1);
  if (!start_os_thread(request)) {
    starting_threads.fetch_sub(1);
    running_threads.fetch_sub(1);
    drop_request(request);
    return raise(t, exc(E_RuntimeError), "can't start new thread");
  }
  // In a child forked before the commit the parked thread does not exist: the request is
  // the parent's alone, as the thread would be under CPython, where it started before.
  t.after_commit.push_back([request, parent = getpid()](bool committed) {
    if (getpid() != parent) return;
    request->decide(committed ? StartRequest::Run : StartRequest::Drop);
  });
  // Commit soon, so the thread starts soon.
  t.ticks = t.tx_length;
  return int_from_i64(t, request->ident);
}

INTERP_NATIVE(get_ident) {
  return int_from_i64(t, t.ident);
}
INTERP_NATIVE(get_native_id) {
  return int_from_i64(t, t.ident);
}
INTERP_NATIVE(thread_count) {
  return int_from_i64(t, running_threads.load());
}

// ---- locks ----------------------------------------------------------------------------------
// A lock's `owner` is the ident of the thread holding it, or 0. Taking and giving it back
// are heap writes inside transactions; a thread that finds it held waits outside any
// transaction (Thread::block_on) until the committed state shows it free.

Value free_value() {
  return Value::small_int(0);
}

std::int64_t owner_of(Value lock) {
  Value o = rd<LockObject>(lock)->owner;
  return o.is_small_int() ? o.small_int_value() : 0;
}

bool committed_free(Value lock) {
  auto* l = reinterpret_cast<const LockObject*>(stm::segment_base(0) + lock.offset());
  return !l->owner.is_small_int() || l->owner.small_int_value() == 0;
}

Value make_lock_of(Thread& t, Value type) {
  Value lock = allocate(t, Layout::Lock, type, sizeof(LockObject));
  if (!lock) return {};
  fresh<LockObject>(lock)->owner = free_value();
  fresh<LockObject>(lock)->count = Value::small_int(0);
  return lock;
}

INTERP_NATIVE(allocate_lock) {
  return make_lock_of(t, lock_type_slot);
}

// Timeouts are checked as CPython checks them, on a whole number of nanoseconds that must
// fit 64 bits, so that the same timeouts are refused with the same errors.
constexpr std::int64_t kUnsetTimeoutNs = -1'000'000'000;
constexpr std::int64_t kTimeoutMaxUs = INT64_MAX / 1000;

bool timeout_to_ns(Thread& t, Value v, std::int64_t& out) {
  if (float_check(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(t, exc(E_ValueError), "Invalid value NaN (not a number)");
      return false;
    }
    // Rounded away from zero, so that a tiny positive timeout still waits.
    d = d * 1e9;
    d = d >= 0 ? std::ceil(d) : std::floor(d);
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      raise(t, exc(E_OverflowError), "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    out = static_cast<std::int64_t>(d);
    return true;
  }
  std::int64_t seconds;
  if (!index_to_i64(t, v, seconds, /*clamp=*/true)) return false;
  if (seconds > INT64_MAX / 1'000'000'000 || seconds < INT64_MIN / 1'000'000'000) {
    raise(t, exc(E_OverflowError), "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  out = seconds * 1'000'000'000;
  return true;
}

// acquire(blocking=True, timeout=-1) for both kinds; `reentrant` lets the owner take it again.
Value acquire(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool reentrant) {
  static const char* const kAllowed[] = {"blocking", "timeout", nullptr};
  if (!check_keywords(t, "acquire", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  Value blocking_v = npos > 1 ? args[1] : keyword_arg(kwnames, args, nargs, "blocking");
  Value timeout_v = npos > 2 ? args[2] : keyword_arg(kwnames, args, nargs, "timeout");
  int blocking = blocking_v ? truthy(t, blocking_v) : 1;
  if (blocking < 0) return {};
  std::int64_t timeout_ns = kUnsetTimeoutNs;
  if (timeout_v && !timeout_to_ns(t, timeout_v, timeout_ns)) return {};
  if (!blocking && timeout_ns != kUnsetTimeoutNs)
    return raise(t, exc(E_ValueError), "can't specify a timeout for a non-blocking call");
  if (timeout_ns < 0 && timeout_ns != kUnsetTimeoutNs)
    return raise(t, exc(E_ValueError), "timeout value must be positive");
  if (timeout_ns / 1000 + (timeout_ns % 1000 != 0) > kTimeoutMaxUs)
    return raise(t, exc(E_OverflowError), "timeout value is too large");
  double timeout = timeout_ns == kUnsetTimeoutNs ? -1 : double(timeout_ns) * 1e-9;
  Value lock = args[0];
  bool retry = t.block_retry == lock;
  if (retry) t.block_retry = {};
  std::int64_t owner = owner_of(lock);
  if (owner == 0 || (reentrant && owner == t.ident)) {
    LockObject* w = wr<LockObject>(lock);
    w->owner = Value::small_int(t.ident);
    w->count = Value::small_int(w->count.small_int_value() + 1);
    t.block_expired = false;
    return runtime().true_;
  }
  if (!blocking || timeout == 0) return runtime().false_;
  if (retry && t.block_expired) {
    t.block_expired = false;
    return runtime().false_;
  }
  wait_outside_for(t, lock, committed_free, timeout, retry);
  return {};
}

INTERP_NATIVE(lock_acquire) {
  return acquire(t, args, nargs, kwnames, false);
}

INTERP_NATIVE(lock_release) {
  if (owner_of(args[0]) == 0) return raise(t, exc(E_RuntimeError), "release unlocked lock");
  LockObject* w = wr<LockObject>(args[0]);
  w->owner = free_value();
  w->count = Value::small_int(0);
  return none();
}

INTERP_NATIVE(lock_exit) {
  return lock_release(t, args, 1, {});
}

INTERP_NATIVE(lock_locked) {
  return py_bool(owner_of(args[0]) != 0);
}

// In a forked child, a lock that a thread of the parent held is free again: threading
// calls this for the locks of the threads that did not follow.
INTERP_NATIVE(lock_at_fork_reinit) {
  if (!check_positional(t, "_at_fork_reinit", nargs, kwnames, 1, 1, 0)) return {};
  LockObject* w = wr<LockObject>(args[0]);
  w->owner = free_value();
  w->count = Value::small_int(0);
  return none();
}

INTERP_NATIVE(lock_repr) {
  return str_from_utf8(t, std::string("<") + (owner_of(args[0]) ? "locked" : "unlocked") +
                              " _thread.lock object at 0x" + std::to_string(args[0].offset()) +
                              ">");
}

INTERP_NATIVE(rlock_new) {
  return make_lock_of(t, args[0]);
}
INTERP_NATIVE(rlock_acquire) {
  return acquire(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(rlock_release) {
  if (owner_of(args[0]) != t.ident)
    return raise(t, exc(E_RuntimeError), "cannot release un-acquired lock");
  LockObject* w = wr<LockObject>(args[0]);
  std::int64_t count = w->count.small_int_value() - 1;
  w->count = Value::small_int(count);
  if (count == 0) w->owner = free_value();
  return none();
}

INTERP_NATIVE(rlock_exit) {
  return rlock_release(t, args, 1, {});
}

INTERP_NATIVE(rlock_is_owned) {
  return py_bool(owner_of(args[0]) == t.ident);
}

INTERP_NATIVE(rlock_repr) {
  std::int64_t owner = owner_of(args[0]);
  return str_from_utf8(t, std::string("<") + (owner ? "locked" : "unlocked") +
                              " _thread.RLock object owner=" + std::to_string(owner) + " count=" +
                              std::to_string(rd<LockObject>(args[0])->count.small_int_value()) +
                              " at 0x" + std::to_string(args[0].offset()) + ">");
}

// Condition's helpers: give the lock away completely and take it back with its count.
INTERP_NATIVE(rlock_release_save) {
  if (owner_of(args[0]) == 0)
    return raise(t, exc(E_RuntimeError), "cannot release un-acquired lock");
  LockObject* w = wr<LockObject>(args[0]);
  Value state[2] = {w->count, w->owner};
  w->owner = free_value();
  w->count = Value::small_int(0);
  return tuple_from(t, state, 2);
}

INTERP_NATIVE(rlock_acquire_restore) {
  Value state = args[1];
  Value call_args[1] = {args[0]};
  Value r = acquire(t, call_args, 1, {}, false);
  if (!r) return {};
  LockObject* w = wr<LockObject>(args[0]);
  w->count = tuple_item(state, 0);
  w->owner = tuple_item(state, 1);
  return none();
}

// ---- thread-local data ----------------------------------------------------------------------
// A _local object keeps one attribute dict per thread, in a dict keyed by thread ident.
// Under the key None it keeps the (args, kwargs) it was made with: each other thread's first
// use runs __init__ again with them, so that every thread sees an initialized object.

Value local_dict(Thread& t, Value self) {
  Value per_thread = rd<Object>(self)->dict;
  if (!per_thread) {
    per_thread = dict_new(t);
    if (!per_thread) return {};
    wr<Object>(self)->dict = per_thread;
  }
  Value key = Value::small_int(t.ident);
  bool error;
  Value mine = dict_get(t, per_thread, key, error);
  if (error) return {};
  if (mine) return mine;
  mine = dict_new(t);
  if (!mine || !dict_set(t, per_thread, key, mine)) return {};
  Value init_args = dict_get(t, per_thread, none(), error);
  if (error) return {};
  Value init = type_lookup(type_of(self), name(N___init__));
  if (init_args && init && !is_object_slot(init)) {
    Value bound = descriptor_get(t, init, self, type_of(self));
    if (!bound || !call_ex(t, bound, tuple_item(init_args, 0), tuple_item(init_args, 1))) {
      // Not left half-made: the next use in this thread tries __init__ again.
      if (dict_del(t, per_thread, key) < 0) return {};
      return {};
    }
  }
  return mine;
}

INTERP_NATIVE(local_new) {
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - nkw;
  Value cls = args[0];
  Value init = type_lookup(cls, name(N___init__));
  if (nargs > 1 && (!init || is_object_slot(init)))
    return raise(t, exc(E_TypeError), "Initialization arguments are not supported");
  Value self = allocate(t, Layout::Instance, cls, sizeof(Object));
  if (!self) return {};
  Value per_thread = dict_new(t);
  if (!per_thread) return {};
  fresh<Object>(self)->dict = per_thread;
  // This thread's dict is made here: the call that made the object runs __init__ in it.
  Value mine = dict_new(t);
  if (!mine || !dict_set(t, per_thread, Value::small_int(t.ident), mine)) return {};
  Value pos = tuple_from(t, args + 1, npos - 1);
  if (!pos) return {};
  Value kw = dict_new(t);
  if (!kw) return {};
  for (std::size_t i = 0; i < nkw; ++i)
    if (!dict_set(t, kw, tuple_item(kwnames, std::int64_t(i)), args[npos + i])) return {};
  Value pair[2] = {pos, kw};
  Value init_args = tuple_from(t, pair, 2);
  if (!init_args || !dict_set(t, per_thread, none(), init_args)) return {};
  return self;
}

INTERP_NATIVE(local_getattribute) {
  Value self = args[0], attr = args[1];
  if (str_equal_ascii(attr, "__dict__")) return local_dict(t, self);
  Value type = type_of(self);
  Value descr = type_lookup(type, attr);
  if (descr && descr.is_object() && is_layout(descr, Layout::Property))
    return generic_getattr(t, self, attr, false);
  Value mine = local_dict(t, self);
  if (!mine) return {};
  if (Value v = dict_get_str(mine, attr)) return v;
  // Bound as anywhere else: methods, classmethods, staticmethods, other descriptors.
  if (descr) return descriptor_get(t, descr, self, type);
  if (str_equal_ascii(attr, "__class__")) return type;
  return raisef(t, exc(E_AttributeError), "'%s' object has no attribute '%s'",
                type_name(type).c_str(), str_utf8(attr).c_str());
}

INTERP_NATIVE(local_setattr) {
  Value mine = local_dict(t, args[0]);
  if (!mine) return {};
  if (nargs > 2) return dict_set(t, mine, args[1], args[2]) ? none() : Value();
  int r = dict_del(t, mine, args[1]);
  if (r < 0) return {};
  if (r == 0)
    return raisef(t, exc(E_AttributeError), "'%s' object has no attribute '%s'",
                  type_name_of(args[0]).c_str(), str_utf8(args[1]).c_str());
  return none();
}

// threading.Thread.join waits on this lock, which the thread holds until it ends.
INTERP_NATIVE(set_sentinel) {
  // Returned free: threading acquires it at once, and it is released when this thread
  // ends, which is what Thread.join waits for.
  Value lock = make_lock_of(t, lock_type_slot);
  if (!lock) return {};
  // Remembered only once committed: an aborted transaction's lock does not exist.
  Thread* self = &t;
  t.after_commit.push_back([self, lock](bool committed) {
    if (committed) self->exit_sentinels.push_back(lock);
  });
  return lock;
}

INTERP_NATIVE(stack_size) {
  if (!check_positional(t, "stack_size", nargs, kwnames, 0, 1, 0)) return {};
  // No argument means 0, as in CPython: asking also resets it to the default.
  std::int64_t size = 0;
  if (nargs && !index_to_i64(t, args[0], size)) return {};
  if (size < 0) return raise(t, exc(E_ValueError), "size must be 0 or a positive value");
  // The smallest size CPython accepts on Linux; below it a thread could not run Python.
  if (size != 0 && size < 32768)
    return raisef(t, exc(E_ValueError), "size not valid: %lld bytes", (long long)size);
  return int_from_i64(t, requested_stack_size.exchange(size));
}

INTERP_NATIVE(interrupt_main_native) {
  if (!check_positional(t, "interrupt_main", nargs, kwnames, 0, 1, 0)) return {};
  return interp::interrupt_main(t, nargs ? args[0] : Value());
}

INTERP_NATIVE(exit_thread) {
  if (!check_positional(t, "_thread.exit_thread", nargs, kwnames, 0, 0, 0)) return {};
  return raise_value(t, exc(E_SystemExit));
}

INTERP_NATIVE(daemon_threads_allowed) {
  return runtime().true_;
}

} // namespace

// Writes an exception with its traceback to `file` (threading's excepthook).
INTERP_NATIVE(print_exception) {
  if (!check_positional(t, "_print_exception", nargs, kwnames, 2, 2, 0)) return {};
  return write_exception_report(t, args[0], args[1]) ? none() : Value();
}

// threading.excepthook and its argument type, in Python over the native printer, so that
// threading does not fall back to importing traceback (and with it most of the stdlib).
constexpr const char* kExceptHookSource = R"(
class _ExceptHookArgs(tuple):
    def __new__(cls, args):
        if len(args) != 4:
            raise TypeError(f"_ExceptHookArgs expected a 4-item sequence, got {len(args)}")
        return tuple.__new__(cls, args)
    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

def _excepthook(args, /):
    if args.exc_type is SystemExit:
        return
    import sys
    stderr = sys.stderr
    if stderr is None:
        # The stderr of the thread's start, as CPython falls back to; else nothing.
        stderr = getattr(args.thread, "_stderr", None)
        if stderr is None:
            return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    _print_exception(args.exc_value, stderr)
)";

Value make_thread_module(Thread& t) {
  Value m = module_new(t, intern_literal(t, "_thread"));
  if (!m) return {};
  Value d = rd<Object>(m)->dict;
  if (!lock_type_slot) {
    Value ns = dict_new(t);
    dict_set(t, ns, name(N___module__), intern_literal(t, "_thread"));
    Value object_type = type_value(T_object);
    Value lock_type = type_new(t, type_value(T_type), intern_literal(t, "lock"),
                               tuple_from(t, &object_type, 1), ns, {});
    if (!lock_type) return {};
    wr<TypeObject>(lock_type)->flags =
        rd<TypeObject>(lock_type)->flags & ~std::uint64_t(kHeapType | kBaseType);
    wr<TypeObject>(lock_type)->layout = std::uint64_t(Layout::Lock);
    struct Entry {
      const char* name;
      NativeFn fn;
    };
    const Entry methods[] = {
        {"acquire", lock_acquire},      {"acquire_lock", lock_acquire},
        {"__enter__", lock_acquire},    {"release", lock_release},
        {"release_lock", lock_release}, {"__exit__", lock_exit},
        {"locked", lock_locked},        {"locked_lock", lock_locked},
        {"__repr__", lock_repr},        {"_at_fork_reinit", lock_at_fork_reinit},
    };
    Value ld = rd<TypeObject>(lock_type)->dict;
    for (const Entry& e : methods)
      dict_set(t, ld, intern_literal(t, e.name),
               native_new(t, register_native(e.name, e.fn), {}, lock_type, T_method_descriptor));
    update_type_flags(lock_type);
    lock_type_slot = lock_type;
    gc::add_root(reinterpret_cast<const stm::Offset*>(&lock_type_slot));
  }
  if (!rlock_type_slot) {
    auto make_class = [&](const char* class_name, Layout layout, std::uint64_t drop_flags) {
      Value ns = dict_new(t);
      dict_set(t, ns, name(N___module__), intern_literal(t, "_thread"));
      Value object_type = type_value(T_object);
      Value type = type_new(t, type_value(T_type), intern_literal(t, class_name),
                            tuple_from(t, &object_type, 1), ns, {});
      wr<TypeObject>(type)->flags = rd<TypeObject>(type)->flags & ~drop_flags;
      wr<TypeObject>(type)->layout = std::uint64_t(layout);
      return type;
    };
    auto add = [&](Value type, const char* method, NativeFn fn, bool is_static = false) {
      Value n = native_new(t, register_native(method, fn), {}, type,
                           is_static ? T_builtin_function : T_method_descriptor);
      if (is_static) {
        Value w = allocate(t, Layout::Wrapper, type_value(T_staticmethod), sizeof(WrapperObject));
        fresh<WrapperObject>(w)->wrapped = n;
        n = w;
      }
      dict_set(t, rd<TypeObject>(type)->dict, intern_literal(t, method), n);
    };
    Value rlock = make_class("RLock", Layout::Lock, kHeapType);
    add(rlock, "__new__", rlock_new, true);
    add(rlock, "acquire", rlock_acquire);
    add(rlock, "__enter__", rlock_acquire);
    add(rlock, "release", rlock_release);
    add(rlock, "__exit__", rlock_exit);
    add(rlock, "_is_owned", rlock_is_owned);
    add(rlock, "_release_save", rlock_release_save);
    add(rlock, "_acquire_restore", rlock_acquire_restore);
    add(rlock, "__repr__", rlock_repr);
    add(rlock, "_at_fork_reinit", lock_at_fork_reinit);
    update_type_flags(rlock);
    rlock_type_slot = rlock;
    gc::add_root(reinterpret_cast<const stm::Offset*>(&rlock_type_slot));
    Value local = make_class("_local", Layout::Instance, 0);
    add(local, "__new__", local_new, true);
    add(local, "__getattribute__", local_getattribute);
    add(local, "__setattr__", local_setattr);
    add(local, "__delattr__", local_setattr);
    update_type_flags(local);
    local_type_slot = local;
    gc::add_root(reinterpret_cast<const stm::Offset*>(&local_type_slot));
  }
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry functions[] = {
      {"_set_sentinel", set_sentinel},
      {"start_new_thread", start_new_thread},
      {"start_new", start_new_thread},
      {"get_ident", get_ident},
      {"get_native_id", get_native_id},
      {"_count", thread_count},
      {"allocate_lock", allocate_lock},
      {"allocate", allocate_lock},
      {"stack_size", stack_size},
      {"daemon_threads_allowed", daemon_threads_allowed},
      {"interrupt_main", interrupt_main_native},
      {"exit", exit_thread},
      {"exit_thread", exit_thread},
  };
  for (const Entry& e : functions)
    dict_set(t, d, intern_literal(t, e.name),
             make_native_function(t, e.name, e.fn, intern_literal(t, "_thread")));
  dict_set(t, d, intern_literal(t, "LockType"), lock_type_slot);
  dict_set(t, d, intern_literal(t, "RLock"), rlock_type_slot);
  dict_set(t, d, intern_literal(t, "_local"), local_type_slot);
  dict_set(t, d, intern_literal(t, "error"), exc(E_RuntimeError));
  dict_set(t, d, intern_literal(t, "TIMEOUT_MAX"), float_new(t, 9223372036.0));
  dict_set(
      t, d, intern_literal(t, "_print_exception"),
      make_native_function(t, "_print_exception", print_exception, intern_literal(t, "_thread")));
  dict_set(t, d, name(N___builtins__), runtime().builtins_module);
  Value code = compile_source(t, kExceptHookSource, "<_thread>", ast::Mode::Exec);
  if (!code || !vm::run_code(t, code, d, d)) return {};
  return m;
}

// In a forked child, the forking thread is the only one (and counts if it was started).
void forget_other_threads() {
  running_threads.store(started_by_start_new_thread ? 1 : 0);
}

void install(interp::Options& options) {
  options.builtin_modules.push_back({"_thread", &make_thread_module});
  options.after_fork_in_child.push_back(&forget_other_threads);
}

} // namespace pypystm::threading
