// interp/modules/multiprocessing.cc - _multiprocessing: SemLock, the named POSIX semaphore
// behind multiprocessing's locks, semaphores, conditions, events and queues (and so behind
// its pools, the thread pools included), and sem_unlink.
//
// The semaphore lives outside the heap: taking it or giving it back cannot be undone, so
// both make the running transaction inevitable first. A blocking acquire that finds it
// taken waits outside any transaction (Thread::block_on) until sem_getvalue shows it
// free, then runs again; a release by another thread of this process wakes the wait at
// its commit, one by another process at the wait's next nap (10 ms at most).
#include "interp/interp.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>
#include <fcntl.h>
#include <semaphore.h>

namespace interp {
namespace {

enum Kind : std::int64_t { kRecursiveMutex = 0, kSemaphore = 1 };

struct SemLockObject : Object {
  Value handle;   // small int: the sem_t*; 0 once closed
  Value kind;     // small int: a Kind
  Value maxvalue; // small int
  Value name;     // str, or None once unlinked
  Value count;    // small int: how many times the thread that holds it took it
  Value last_tid; // small int: the ident of the thread that took it last
};

std::int64_t field(Value v) {
  return v.small_int_value();
}
sem_t* handle_of(Value self) {
  return address_in<sem_t>(rd<SemLockObject>(self)->handle);
}
bool is_mine(Thread& t, Value self) {
  const SemLockObject* s = rd<SemLockObject>(self);
  return field(s->count) > 0 && field(s->last_tid) == t.ident;
}

// Outside any transaction: whether the semaphore could be taken now (its committed copy
// names it).
bool committed_free(Value self) {
  auto* s = reinterpret_cast<const SemLockObject*>(stm::segment_base(0) + self.offset());
  sem_t* sem = address_in<sem_t>(s->handle);
  int value = 0;
  return !sem || (sem_getvalue(sem, &value) == 0 && value > 0);
}

Value make_semlock(Thread& t, Value cls, sem_t* sem, std::int64_t kind, std::int64_t maxvalue,
                   Value name) {
  Value self = allocate(t, Layout::Instance, cls, sizeof(SemLockObject)); // finalized: __del__
  if (!self) {
    sem_close(sem);
    return {};
  }
  SemLockObject* s = fresh<SemLockObject>(self);
  s->handle = address_value(sem);
  s->kind = Value::small_int(kind);
  s->maxvalue = Value::small_int(maxvalue);
  s->name = name;
  s->count = Value::small_int(0);
  s->last_tid = Value::small_int(0);
  return self;
}

bool small_arg(Thread& t, Value v, std::int64_t& out) {
  if (!index_to_i64(t, v, out)) return false;
  if (out > INT_MAX || out < INT_MIN) {
    raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
    return false;
  }
  return true;
}

// SemLock(kind, value, maxvalue, name, unlink)
INTERP_NATIVE(semlock_new) {
  static const char* const kNames[] = {"kind", "value", "maxvalue", "name", "unlink"};
  Value a[5];
  for (std::size_t i = 0; i < 5; ++i) {
    a[i] = arg_or_keyword(args, nargs, kwnames, i + 1, kNames[i]);
    if (!a[i])
      return raisef(t, exc(E_TypeError), "SemLock() missing required argument '%s' (pos %zu)",
                    kNames[i], i + 1);
  }
  std::int64_t kind, value, maxvalue;
  if (!small_arg(t, a[0], kind) || !small_arg(t, a[1], value) || !small_arg(t, a[2], maxvalue))
    return {};
  if (kind != kRecursiveMutex && kind != kSemaphore)
    return raise(t, exc(E_ValueError), "unrecognized kind");
  if (!str_check(a[3]))
    return raisef(t, exc(E_TypeError), "SemLock() argument 'name' must be str, not %s",
                  type_name_of(a[3]).c_str());
  int unlink = truthy(t, a[4]);
  if (unlink < 0) return {};
  std::string name = str_utf8(a[3]);
  stm::become_inevitable("SemLock");
  sem_t* sem = sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, unsigned(value));
  if (sem == SEM_FAILED) return raise_os_error(t, errno);
  if (unlink && sem_unlink(name.c_str()) < 0) {
    int err = errno;
    sem_close(sem);
    return raise_os_error(t, err);
  }
  return make_semlock(t, args[0], sem, kind, maxvalue, unlink ? none() : a[3]);
}

// SemLock._rebuild(handle, kind, maxvalue, name): the same semaphore in another process,
// opened again by name, or by the handle a forked child inherited.
INTERP_NATIVE(semlock_rebuild) {
  if (!check_positional(t, "_rebuild", nargs, kwnames, 5, 5, 0)) return {};
  std::int64_t handle, kind, maxvalue;
  if (!index_to_i64(t, args[1], handle) || !small_arg(t, args[2], kind) ||
      !small_arg(t, args[3], maxvalue))
    return {};
  sem_t* sem = reinterpret_cast<sem_t*>(handle);
  if (args[4] != none()) {
    if (!str_check(args[4]))
      return raisef(t, exc(E_TypeError), "_rebuild() argument 4 must be str or None, not %s",
                    type_name_of(args[4]).c_str());
    stm::become_inevitable("SemLock._rebuild");
    sem = sem_open(str_utf8(args[4]).c_str(), 0);
    if (sem == SEM_FAILED) return raise_os_error(t, errno);
  }
  return make_semlock(t, args[0], sem, kind, maxvalue, args[4]);
}

Value took_it(Thread& t, Value self) {
  SemLockObject* w = wr<SemLockObject>(self);
  w->count = Value::small_int(field(w->count) + 1);
  w->last_tid = Value::small_int(t.ident);
  t.block_expired = false;
  return runtime().true_;
}

// acquire(block=True, timeout=None)
INTERP_NATIVE(semlock_acquire) {
  static const char* const kAllowed[] = {"block", "timeout", nullptr};
  if (!check_keywords(t, "acquire", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 3)
    return raisef(t, exc(E_TypeError), "acquire() takes at most 2 arguments (%zu given)", npos - 1);
  Value self = args[0];
  Value block_v = npos > 1 ? args[1] : keyword_arg(kwnames, args, nargs, "block");
  Value timeout_v = npos > 2 ? args[2] : keyword_arg(kwnames, args, nargs, "timeout");
  int block = block_v ? truthy(t, block_v) : 1;
  if (block < 0) return {};
  double timeout = -1;
  if (timeout_v && timeout_v != none()) {
    if (!to_double(t, timeout_v, timeout)) return {};
    timeout = std::max(0.0, timeout);
  }
  bool retry = t.block_retry == self;
  if (retry) t.block_retry = {};
  if (field(rd<SemLockObject>(self)->kind) == kRecursiveMutex && is_mine(t, self))
    return took_it(t, self);
  sem_t* sem = handle_of(self);
  if (!sem) return raise(t, exc(E_ValueError), "semaphore is closed");
  stm::become_inevitable("SemLock.acquire");
  int r;
  do
    r = sem_trywait(sem);
  while (r < 0 && errno == EINTR);
  if (r == 0) return took_it(t, self);
  if (errno != EAGAIN) return raise_os_error(t, errno);
  if (!block || timeout == 0 || (retry && t.block_expired)) {
    t.block_expired = false;
    return runtime().false_;
  }
  wait_outside_for(t, self, committed_free, timeout, retry);
  return {};
}

INTERP_NATIVE(semlock_release) {
  if (!check_positional(t, "release", nargs, kwnames, 0, 0, 1)) return {};
  Value self = args[0];
  sem_t* sem = handle_of(self);
  if (!sem) return raise(t, exc(E_ValueError), "semaphore is closed");
  if (field(rd<SemLockObject>(self)->kind) == kRecursiveMutex) {
    if (!is_mine(t, self))
      return raise(t, exc(E_AssertionError),
                   "attempt to release recursive lock not owned by thread");
    if (field(rd<SemLockObject>(self)->count) > 1) {
      SemLockObject* w = wr<SemLockObject>(self);
      w->count = Value::small_int(field(w->count) - 1);
      return none();
    }
  } else {
    int value = 0;
    if (sem_getvalue(sem, &value) < 0) return raise_os_error(t, errno);
    if (value >= field(rd<SemLockObject>(self)->maxvalue))
      return raise(t, exc(E_ValueError), "semaphore or lock released too many times");
  }
  stm::become_inevitable("SemLock.release");
  if (sem_post(sem) < 0) return raise_os_error(t, errno);
  SemLockObject* w = wr<SemLockObject>(self);
  w->count = Value::small_int(field(w->count) - 1);
  return none();
}

INTERP_NATIVE(semlock_enter) {
  return semlock_acquire(t, args, 1, {});
}
INTERP_NATIVE(semlock_exit) {
  return semlock_release(t, args, 1, {});
}
INTERP_NATIVE(semlock_count) {
  return Value::small_int(field(rd<SemLockObject>(args[0])->count));
}
INTERP_NATIVE(semlock_is_mine) {
  return py_bool(is_mine(t, args[0]));
}
INTERP_NATIVE(semlock_get_value) {
  sem_t* sem = handle_of(args[0]);
  int value = 0;
  if (!sem) return raise(t, exc(E_ValueError), "semaphore is closed");
  if (sem_getvalue(sem, &value) < 0) return raise_os_error(t, errno);
  // A waiter may show as a negative count on some systems; never below zero here.
  return Value::small_int(std::max(value, 0));
}
INTERP_NATIVE(semlock_is_zero) {
  Value v = semlock_get_value(t, args, nargs, kwnames);
  return v ? py_bool(field(v) == 0) : Value();
}
// In a forked child, no thread of the child holds what the parent's threads held.
INTERP_NATIVE(semlock_after_fork) {
  wr<SemLockObject>(args[0])->count = Value::small_int(0);
  return none();
}
INTERP_NATIVE(semlock_del) {
  if (sem_t* sem = handle_of(args[0])) {
    stm::become_inevitable("SemLock close");
    wr<SemLockObject>(args[0])->handle = Value();
    sem_close(sem);
  }
  return none();
}
INTERP_NATIVE(semlock_handle) {
  return int_from_i64(
      t, rd<SemLockObject>(args[0])->handle ? field(rd<SemLockObject>(args[0])->handle) : 0);
}
INTERP_NATIVE(semlock_kind) {
  return rd<SemLockObject>(args[0])->kind;
}
INTERP_NATIVE(semlock_maxvalue) {
  return rd<SemLockObject>(args[0])->maxvalue;
}
INTERP_NATIVE(semlock_name) {
  return rd<SemLockObject>(args[0])->name;
}

INTERP_NATIVE(multiprocessing_sem_unlink) {
  if (!check_positional(t, "sem_unlink", nargs, kwnames, 1, 1, 0)) return {};
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "sem_unlink() argument must be str, not %s",
                  type_name_of(args[0]).c_str());
  stm::become_inevitable("sem_unlink");
  if (sem_unlink(str_utf8(args[0]).c_str()) < 0) return raise_os_error(t, errno);
  return none();
}

} // namespace

Value make_multiprocessing_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"sem_unlink", multiprocessing_sem_unlink}};
  Value m = new_module(t, "_multiprocessing", kFunctions, 1);
  if (!m) return {};
  Value cls = new_type(t, "SemLock", "_multiprocessing", Layout::Instance);
  if (!cls) return {};
  static const ModuleFunction kMethods[] = {
      {"acquire", semlock_acquire},        {"release", semlock_release},
      {"__enter__", semlock_enter},        {"__exit__", semlock_exit},
      {"_count", semlock_count},           {"_is_mine", semlock_is_mine},
      {"_get_value", semlock_get_value},   {"_is_zero", semlock_is_zero},
      {"_after_fork", semlock_after_fork}, {"__del__", semlock_del},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, cls, f.name, f.fn);
  add_staticmethod(t, cls, "__new__", semlock_new);
  add_classmethod(t, cls, "_rebuild", semlock_rebuild);
  add_getter(t, cls, "handle", semlock_handle);
  add_getter(t, cls, "kind", semlock_kind);
  add_getter(t, cls, "maxvalue", semlock_maxvalue);
  add_getter(t, cls, "name", semlock_name);
  finish_owning_type(cls); // a SemLock owns its sem_t
  add_attribute(t, cls, "SEM_VALUE_MAX", int_from_i64(t, SEM_VALUE_MAX));
  module_set(t, m, "SemLock", cls);
  Value flags = dict_new(t);
  if (!flags) return {};
  dict_set(t, flags, str_from_ascii(t, "HAVE_SEM_OPEN"), Value::small_int(1));
  dict_set(t, flags, str_from_ascii(t, "HAVE_SEM_TIMEDWAIT"), Value::small_int(1));
  module_set(t, m, "flags", flags);
  return m;
}

} // namespace interp
