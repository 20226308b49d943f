// threading/thread_module.cc - the _thread module: OS threads as interpreter threads, and
// locks.
//
// A new thread is started only once the transaction that asked for it has committed (its
// function and arguments must be visible to the new thread, and an aborted transaction
// must start nothing). Each thread attaches to a segment of its own, so CPU-bound
// threads run in parallel. A lock's state is a heap value, taken and released inside
// transactions; waiting for a held lock happens outside any transaction (the VM's
// blocking protocol, see Thread::block_on).
#include "threading/threading.h"

#include "gc/gc.h"
#include "interp/interp.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <atomic>
#include <cmath>
#include <cstddef>
#include <ctime>
#include <string>
#include <thread>
#include <unistd.h>

namespace pypystm::threading {

using namespace interp;

namespace {

std::atomic<std::int64_t> next_ident{2};
std::atomic<std::int64_t> running_threads{0};
Value lock_type_slot; // rooted; written once at start-up

double monotonic_seconds() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

struct StartRequest {
  Value payload; // gc root until the new thread has read it
  std::int64_t ident;
};

void report_thread_exception(Thread& t, Value payload, Value e) {
  std::string text;
  stm::run_transaction([&] {
    text.clear();
    if (is_subtype(type_of(e), exc(E_SystemExit))) return;
    text = "Exception ignored in thread started by: " + repr_utf8(t, tuple_item(payload, 0)) + "\n";
    vm::format_exception(t, e, text);
  });
  vm::flush_output(t);
  if (!text.empty()) {
    ssize_t ignored = ::write(2, text.data(), text.size());
    (void)ignored;
  }
}

void thread_main(StartRequest* request) {
  Thread* t = interp::attach_thread();
  t->ident = request->ident;
  Value exception;
  vm::run_outermost_call(*t, &request->payload, exception);
  if (exception) report_thread_exception(*t, request->payload, exception);
  gc::remove_root(reinterpret_cast<const stm::Offset*>(&request->payload));
  delete request;
  interp::detach_thread(t);
  running_threads.fetch_sub(1);
}

INTERP_NATIVE(start_new_thread) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (keyword_count(kwnames)) return raise(t, exc(E_TypeError), "start_new_thread() takes no keyword arguments");
  if (npos < 2 || npos > 3)
    return raisef(t, exc(E_TypeError), "start_new_thread expected at least 2 arguments, got %zu", npos);
  if (!is_callable(args[0])) return raise(t, exc(E_TypeError), "first arg must be callable");
  if (!(args[1].is_object() && isinstance(args[1], T_tuple)))
    return raise(t, exc(E_TypeError), "2nd arg must be a tuple");
  if (npos == 3 && !dict_check(args[2])) return raise(t, exc(E_TypeError), "optional 3rd arg must be a dictionary");
  Value items[3] = {args[0], args[1], npos == 3 ? args[2] : none()};
  Value payload = tuple_from(t, items, 3);
  if (!payload) return {};
  auto* request = new StartRequest{payload, next_ident.fetch_add(1)};
  gc::add_root(reinterpret_cast<const stm::Offset*>(&request->payload));
  t.after_commit.push_back([request](bool committed) {
    if (!committed) {
      gc::remove_root(reinterpret_cast<const stm::Offset*>(&request->payload));
      delete request;
      return;
    }
    running_threads.fetch_add(1);
    std::thread(thread_main, request).detach();
  });
  // Commit soon, so the thread starts soon.
  t.ticks = t.tx_length;
  return int_from_i64(t, request->ident);
}

INTERP_NATIVE(get_ident) { return int_from_i64(t, t.ident); }
INTERP_NATIVE(get_native_id) { return int_from_i64(t, t.ident); }
INTERP_NATIVE(thread_count) { return int_from_i64(t, running_threads.load()); }

// ---- locks ----------------------------------------------------------------------------------
// A lock is a cell-layout object of class `lock`: ref is True while held.

bool held(Value lock) { return rd<CellObject>(lock)->ref == runtime().true_; }

bool committed_free(Value lock) {
  auto* cell = reinterpret_cast<const CellObject*>(stm::segment_base(0) + lock.offset());
  return cell->ref != runtime().true_;
}

Value make_lock(Thread& t) {
  Value lock = allocate(t, Layout::Cell, lock_type_slot, sizeof(CellObject));
  if (lock) fresh<CellObject>(lock)->ref = runtime().false_;
  return lock;
}

INTERP_NATIVE(allocate_lock) { return make_lock(t); }

INTERP_NATIVE(lock_acquire) {
  static const char* const kAllowed[] = {"blocking", "timeout", nullptr};
  if (!check_keywords(t, "acquire", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  Value blocking_v = npos > 1 ? args[1] : keyword_arg(kwnames, args, nargs, "blocking");
  Value timeout_v = npos > 2 ? args[2] : keyword_arg(kwnames, args, nargs, "timeout");
  int blocking = blocking_v ? truthy(t, blocking_v) : 1;
  if (blocking < 0) return {};
  double timeout = -1;
  if (timeout_v && !to_double(t, timeout_v, timeout)) return {};
  if (!blocking && timeout != -1) return raise(t, exc(E_ValueError), "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout != -1) return raise(t, exc(E_ValueError), "timeout value must be a non-negative number");
  if (timeout > 9223372036.0) return raise(t, exc(E_OverflowError), "timeout value is too large");
  Value lock = args[0];
  bool retry = t.block_retry == lock;
  if (retry) t.block_retry = {};
  if (!held(lock)) {
    wr<CellObject>(lock)->ref = runtime().true_;
    t.block_expired = false;
    return runtime().true_;
  }
  if (!blocking || timeout == 0) return runtime().false_;
  if (retry && t.block_expired) {
    t.block_expired = false;
    return runtime().false_;
  }
  t.block_on = lock;
  t.block_ready = committed_free;
  if (!retry) t.block_deadline = timeout < 0 ? -1 : monotonic_seconds() + timeout;
  return {};
}

INTERP_NATIVE(lock_release) {
  if (!held(args[0])) return raise(t, exc(E_RuntimeError), "release unlocked lock");
  wr<CellObject>(args[0])->ref = runtime().false_;
  return none();
}

INTERP_NATIVE(lock_exit) { return lock_release(t, args, 1, {}); }

INTERP_NATIVE(lock_locked) { return py_bool(held(args[0])); }

INTERP_NATIVE(lock_repr) {
  return str_from_utf8(t, std::string("<") + (held(args[0]) ? "locked" : "unlocked") +
                              " _thread.lock object at 0x" + std::to_string(args[0].offset()) + ">");
}

INTERP_NATIVE(stack_size) { return Value::small_int(0); }

INTERP_NATIVE(daemon_threads_allowed) { return runtime().true_; }

} // namespace

Value make_thread_module(Thread& t) {
  Value m = module_new(t, intern_literal(t, "_thread"));
  if (!m) return {};
  Value d = rd<Object>(m)->dict;
  if (!lock_type_slot) {
    Value ns = dict_new(t);
    dict_set(t, ns, name(N___module__), intern_literal(t, "_thread"));
    Value object_type = type_value(T_object);
    Value lock_type = type_new(t, type_value(T_type), intern_literal(t, "lock"), tuple_from(t, &object_type, 1), ns, {});
    if (!lock_type) return {};
    wr<TypeObject>(lock_type)->flags = rd<TypeObject>(lock_type)->flags & ~std::uint64_t(kHeapType | kBaseType);
    wr<TypeObject>(lock_type)->layout = std::uint64_t(Layout::Cell);
    struct Entry {
      const char* name;
      NativeFn fn;
    };
    const Entry methods[] = {
        {"acquire", lock_acquire},       {"acquire_lock", lock_acquire}, {"__enter__", lock_acquire},
        {"release", lock_release},       {"release_lock", lock_release}, {"__exit__", lock_exit},
        {"locked", lock_locked},         {"locked_lock", lock_locked},   {"__repr__", lock_repr},
    };
    Value ld = rd<TypeObject>(lock_type)->dict;
    for (const Entry& e : methods)
      dict_set(t, ld, intern_literal(t, e.name),
               native_new(t, register_native(e.name, e.fn), {}, lock_type, T_method_descriptor));
    update_type_flags(lock_type);
    lock_type_slot = lock_type;
    gc::add_root(reinterpret_cast<const stm::Offset*>(&lock_type_slot));
  }
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry functions[] = {
      {"start_new_thread", start_new_thread}, {"start_new", start_new_thread},
      {"get_ident", get_ident},               {"get_native_id", get_native_id},
      {"_count", thread_count},               {"allocate_lock", allocate_lock},
      {"allocate", allocate_lock},            {"stack_size", stack_size},
      {"daemon_threads_allowed", daemon_threads_allowed},
  };
  for (const Entry& e : functions)
    dict_set(t, d, intern_literal(t, e.name), make_native_function(t, e.name, e.fn, intern_literal(t, "_thread")));
  dict_set(t, d, intern_literal(t, "LockType"), lock_type_slot);
  dict_set(t, d, intern_literal(t, "error"), exc(E_RuntimeError));
  dict_set(t, d, intern_literal(t, "TIMEOUT_MAX"), float_new(t, 9223372036.0));
  return m;
}

void install(interp::Options& options) {
  options.builtin_modules.push_back({"_thread", &make_thread_module});
}

} // namespace pypystm::threading
