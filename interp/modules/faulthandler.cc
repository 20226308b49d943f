// interp/modules/faulthandler.cc - the faulthandler module: a thread's Python stack written
// to a file descriptor when the process dies of a fatal signal (enable), on demand
// (dump_traceback), when a timer runs out (dump_traceback_later) or when a chosen signal
// arrives (register).
//
// The stack is written by the thread it belongs to, from a signal handler where needed,
// with raw reads and no allocation: a fault may come from anywhere, the heap's barriers
// included. A thread in a transaction reads its own view; one outside any (waiting, or
// between transactions) has its frames committed, so it reads the committed state. Every
// reference is checked against the object area before it is followed, which bounds the
// damage of a frame chain caught half written.
//
// Unlike CPython, "all threads" means the thread that the signal or the call reached: the
// other threads' newest frames exist only in their own views. The timer's dump reaches the
// main thread by a signal, so it shows where the main thread is, waiting or running.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"
#include "stm/stm.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <mutex>
#include <pthread.h>
#include <semaphore.h>
#include <thread>
#include <unistd.h>

namespace interp {

namespace {

// ---- writing a stack, async-signal-safe ----------------------------------------------------

constexpr int kMaxFrames = 100;         // then "  ..."
constexpr std::int64_t kMaxChars = 500; // of a file or function name, then "..."

void put(int fd, const char* text, std::size_t n) {
  while (n > 0) {
    ssize_t done = ::write(fd, text, n);
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return;
    text += done;
    n -= std::size_t(done);
  }
}
void put(int fd, const char* text) {
  put(fd, text, std::strlen(text));
}

void put_unsigned(int fd, unsigned long value, int base, int min_digits) {
  char digits[32];
  int n = 0;
  do {
    digits[n++] = "0123456789abcdef"[value % unsigned(base)];
    value /= unsigned(base);
  } while (value || n < min_digits);
  char out[32];
  for (int i = 0; i < n; ++i)
    out[i] = digits[n - 1 - i];
  put(fd, out, std::size_t(n));
}

// The heap as this thread can read it now, and the bounds a reference must lie in.
struct RawHeap {
  const char* base;
  stm::Offset begin, end;

  template <class T> const T* at(Value v) const {
    if (!v.is_object() || v.offset() < begin || v.offset() + sizeof(T) > end) return nullptr;
    return reinterpret_cast<const T*>(base + v.offset());
  }
};

RawHeap raw_heap() {
  const char* base =
      stm::in_transaction() ? stm::view_address(0) : stm::segment_base(0); // committed state
  return {base, stm::object_area_begin(), stm::object_area_end()};
}

// A str as CPython's faulthandler writes it: ASCII as is, other code points escaped.
void put_str(int fd, const RawHeap& heap, Value v) {
  const StrObject* s = heap.at<StrObject>(v);
  if (!s || (s->kind != 1 && s->kind != 4) || s->length < 0 ||
      v.offset() + sizeof(StrObject) + std::uint64_t(s->length) * std::uint64_t(s->kind) >
          heap.end) {
    put(fd, "???");
    return;
  }
  std::int64_t n = std::min(s->length, kMaxChars);
  for (std::int64_t i = 0; i < n; ++i) {
    std::uint32_t c =
        s->kind == 1 ? s->data[i] : reinterpret_cast<const std::uint32_t*>(s->data)[i];
    if (c < 128) {
      char ch = char(c);
      put(fd, &ch, 1);
    } else if (c < 0x100) {
      put(fd, "\\x");
      put_unsigned(fd, c, 16, 2);
    } else if (c < 0x10000) {
      put(fd, "\\u");
      put_unsigned(fd, c, 16, 4);
    } else {
      put(fd, "\\U");
      put_unsigned(fd, c, 16, 8);
    }
  }
  if (s->length > kMaxChars) put(fd, "...");
}

void put_thread_header(int fd, const char* what) {
  put(fd, what);
  put(fd, " 0x");
  put_unsigned(fd, static_cast<unsigned long>(pthread_self()), 16, 16);
  put(fd, " (most recent call first):\n");
}

// The calling thread's frames, innermost first.
void put_frames(int fd) {
  Thread* t = current_thread_if_any();
  RawHeap heap = raw_heap();
  Value frame = t ? t->frame : Value();
  if (!heap.at<FrameObject>(frame)) {
    put(fd, "  <no Python frame>\n");
    return;
  }
  for (int depth = 0; frame; ++depth) {
    const FrameObject* f = heap.at<FrameObject>(frame);
    if (!f) break;
    if (depth == kMaxFrames) {
      put(fd, "  ...\n");
      break;
    }
    const CodeObject* code = heap.at<CodeObject>(f->code);
    put(fd, "  File \"");
    if (code) put_str(fd, heap, code->filename);
    put(fd, "\", line ");
    auto* unit =
        code ? reinterpret_cast<const bytecode::CodeUnit*>(code->unit_address & ~1ull) : nullptr;
    int line = unit ? vm::unit_line(*unit, f->instruction()) : 0;
    if (line > 0)
      put_unsigned(fd, unsigned(line), 10, 1);
    else
      put(fd, "???");
    put(fd, " in ");
    if (code) put_str(fd, heap, code->name);
    put(fd, "\n");
    frame = f->back;
  }
}

void put_stack(int fd, bool all_threads, bool current) {
  if (all_threads)
    put_thread_header(fd, current ? "Current thread" : "Thread");
  else
    put(fd, "Stack (most recent call first):\n");
  put_frames(fd);
}

// ---- the file argument ---------------------------------------------------------------------

// The descriptor of `file` (an int, or an object with fileno(); None or absent: sys.stderr),
// flushed first as CPython does; -1 with the exception set.
int file_descriptor_of(Thread& t, Value file) {
  if (file && int_check(file)) {
    std::int64_t fd = -1;
    if (!index_to_i64(t, file, fd)) return -1;
    if (fd < 0 || fd > INT_MAX) {
      raise(t, exc(E_ValueError), "file is not a valid file descripter");
      return -1;
    }
    return int(fd);
  }
  if (!file || file == none()) {
    file = module_attr(t, "sys", "stderr");
    if (!file) return -1;
    if (file == none()) {
      raise(t, exc(E_RuntimeError), "sys.stderr is None");
      return -1;
    }
  }
  Value fileno = getattr(t, file, intern_literal(t, "fileno"));
  Value n = fileno ? call0(t, fileno) : Value();
  if (!n) return -1;
  std::int64_t fd = -1;
  if (!int_check(n) || !index_to_i64(t, n, fd) || fd < 0 || fd > INT_MAX) {
    clear_pending(t);
    raise(t, exc(E_RuntimeError), "file.fileno() is not a valid file descriptor");
    return -1;
  }
  if (Value flush = getattr(t, file, intern_literal(t, "flush")); !flush || !call0(t, flush))
    clear_pending(t); // as CPython: a file that cannot flush is still written to
  return int(fd);
}

bool bool_arg(Thread& t, Value v, bool fallback, bool& out) {
  if (!v) {
    out = fallback;
    return true;
  }
  int truth = truthy(t, v);
  if (truth < 0) return false;
  out = truth != 0;
  return true;
}

// Output the transaction buffered comes first: the stack goes straight to the descriptor.
void prepare_direct_write(Thread& t) {
  vm::become_inevitable_with_output(t, "faulthandler");
}

// ---- fatal signals -------------------------------------------------------------------------

struct FatalSignal {
  int number;
  const char* name;
  struct sigaction previous;
};

FatalSignal fatal_signals[] = {{SIGSEGV, "Segmentation fault", {}},
                               {SIGFPE, "Floating point exception", {}},
                               {SIGABRT, "Aborted", {}},
                               {SIGBUS, "Bus error", {}},
                               {SIGILL, "Illegal instruction", {}}};

// Process-wide, as in CPython: one fault handler for every thread.
std::mutex settings_lock;
std::atomic<int> fatal_fd{-1};
std::atomic<bool> fatal_all_threads{true};
std::atomic<bool> fatal_enabled{false};

void restore_fatal_handlers() {
  for (FatalSignal& s : fatal_signals)
    sigaction(s.number, &s.previous, nullptr);
}

void on_fatal_signal(int signal, siginfo_t* info, void*) {
  int fd = fatal_fd.load(std::memory_order_relaxed);
  if (fatal_enabled.exchange(false)) {
    restore_fatal_handlers();
    const char* name = "Unknown signal";
    for (const FatalSignal& s : fatal_signals)
      if (s.number == signal) name = s.name;
    put(fd, "Fatal Python error: ");
    put(fd, name);
    put(fd, "\n\n");
    put_stack(fd, fatal_all_threads.load(std::memory_order_relaxed), true);
  }
  // The previous handler (stm's, or the default action) takes it from here.
  ::raise(signal);
  // A fault comes back when its instruction runs again; a signal sent by kill() does not,
  // and a previous handler that returned (stm's, for faults not its own) expected that.
  if (info && info->si_code <= 0) {
    std::signal(signal, SIG_DFL);
    ::raise(signal);
  }
}

// An alternate stack, so that a stack overflow can still be reported.
void ensure_alternate_stack() {
  thread_local bool installed = false;
  if (installed) return;
  stack_t current{};
  if (sigaltstack(nullptr, &current) == 0 && !(current.ss_flags & SS_DISABLE)) {
    installed = true;
    return;
  }
  static constexpr std::size_t kSize = 64 * 1024;
  stack_t stack{};
  stack.ss_sp = new char[kSize]; // for the thread's lifetime: the kernel keeps the address
  stack.ss_size = kSize;
  if (sigaltstack(&stack, nullptr) == 0) installed = true;
}

INTERP_NATIVE(fh_enable) {
  Value a[2] = {};
  if (!parse_arguments(t, "enable", args, nargs, kwnames, {"file", "all_threads"}, 0, 0, a))
    return {};
  int fd = file_descriptor_of(t, a[0]);
  bool all_threads = true;
  if (fd < 0 || !bool_arg(t, a[1], true, all_threads)) return {};
  std::lock_guard guard(settings_lock);
  fatal_fd.store(fd);
  fatal_all_threads.store(all_threads);
  if (!fatal_enabled.load()) {
    ensure_alternate_stack();
    struct sigaction action {};
    action.sa_sigaction = on_fatal_signal;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (FatalSignal& s : fatal_signals)
      sigaction(s.number, &action, &s.previous);
    fatal_enabled.store(true);
  }
  return none();
}

INTERP_NATIVE(fh_disable) {
  if (!check_positional(t, "disable", nargs, kwnames, 0, 0, 0)) return {};
  std::lock_guard guard(settings_lock);
  if (!fatal_enabled.exchange(false)) return py_bool(false);
  restore_fatal_handlers();
  return py_bool(true);
}

INTERP_NATIVE(fh_is_enabled) {
  if (!check_positional(t, "is_enabled", nargs, kwnames, 0, 0, 0)) return {};
  return py_bool(fatal_enabled.load());
}

INTERP_NATIVE(fh_dump_traceback) {
  Value a[2] = {};
  if (!parse_arguments(t, "dump_traceback", args, nargs, kwnames, {"file", "all_threads"}, 0, 0, a))
    return {};
  int fd = file_descriptor_of(t, a[0]);
  bool all_threads = true;
  if (fd < 0 || !bool_arg(t, a[1], true, all_threads)) return {};
  prepare_direct_write(t);
  put_stack(fd, all_threads, true);
  return none();
}

// ---- user signals --------------------------------------------------------------------------

struct UserSignal {
  std::atomic<bool> registered{false};
  std::atomic<int> fd{-1};
  std::atomic<bool> all_threads{true};
  std::atomic<bool> chain{false};
  struct sigaction previous {};
};
UserSignal user_signals[NSIG];

void on_user_signal(int signal, siginfo_t* info, void* context) {
  UserSignal& u = user_signals[signal];
  if (!u.registered.load()) return;
  int saved = errno;
  put_stack(u.fd.load(), u.all_threads.load(), true);
  if (u.chain.load()) {
    if (u.previous.sa_flags & SA_SIGINFO) {
      if (u.previous.sa_sigaction) u.previous.sa_sigaction(signal, info, context);
    } else if (u.previous.sa_handler != SIG_DFL && u.previous.sa_handler != SIG_IGN) {
      u.previous.sa_handler(signal);
    }
  }
  errno = saved;
}

bool signal_number(Thread& t, Value v, int& signal) {
  std::int64_t n = 0;
  if (!index_to_i64(t, v, n)) return false;
  if (n < 1 || n >= NSIG) {
    raise(t, exc(E_ValueError), "signal number out of range");
    return false;
  }
  signal = int(n);
  return true;
}

INTERP_NATIVE(fh_register) {
  Value a[4] = {};
  if (!parse_arguments(t, "register", args, nargs, kwnames,
                       {"signum", "file", "all_threads", "chain"}, 0, 1, a))
    return {};
  int signal = 0;
  if (!signal_number(t, a[0], signal)) return {};
  for (const FatalSignal& s : fatal_signals)
    if (s.number == signal)
      return raisef(t, exc(E_RuntimeError), "signal %d cannot be registered, use enable() instead",
                    signal);
  int fd = file_descriptor_of(t, a[1]);
  bool all_threads = true, chain = false;
  if (fd < 0 || !bool_arg(t, a[2], true, all_threads) || !bool_arg(t, a[3], false, chain))
    return {};
  std::lock_guard guard(settings_lock);
  UserSignal& u = user_signals[signal];
  u.fd.store(fd);
  u.all_threads.store(all_threads);
  u.chain.store(chain);
  if (!u.registered.load()) {
    struct sigaction action {};
    action.sa_sigaction = on_user_signal;
    action.sa_flags = SA_SIGINFO | SA_RESTART | (chain ? SA_NODEFER : 0);
    sigemptyset(&action.sa_mask);
    if (sigaction(signal, &action, &u.previous) != 0) return raise_os_error(t, errno);
    u.registered.store(true);
  }
  return none();
}

INTERP_NATIVE(fh_unregister) {
  if (!check_positional(t, "unregister", nargs, kwnames, 1, 1, 0)) return {};
  int signal = 0;
  if (!signal_number(t, args[0], signal)) return {};
  std::lock_guard guard(settings_lock);
  UserSignal& u = user_signals[signal];
  if (!u.registered.exchange(false)) return py_bool(false);
  sigaction(signal, &u.previous, nullptr);
  return py_bool(true);
}

// ---- the timer -----------------------------------------------------------------------------

// The signal by which the timer asks the main thread to write its own stack.
int timer_signal() {
  return SIGRTMIN + 3;
}

const pthread_t main_thread = pthread_self(); // static initialization runs in the main thread

// Never destroyed: a timer thread may still wait on it while the process exits.
struct Timer {
  std::mutex lock;
  std::condition_variable wake;
  std::uint64_t generation = 0; // a new arming or a cancel ends the wait of the last one
  sem_t dumped;                 // posted by the main thread's handler
  std::atomic<int> fd{-1};
};
Timer& timer() {
  static Timer* instance = [] {
    auto* t = new Timer;
    sem_init(&t->dumped, 0, 0);
    return t;
  }();
  return *instance;
}

void on_timer_signal(int, siginfo_t*, void*) {
  int saved = errno;
  put_stack(timer().fd.load(), true, false);
  sem_post(&timer().dumped);
  errno = saved;
}

void put_timeout(int fd, std::int64_t micros) {
  std::int64_t seconds = micros / 1000000, fraction = micros % 1000000;
  put(fd, "Timeout (");
  put_unsigned(fd, unsigned(seconds / 3600), 10, 1);
  put(fd, ":");
  put_unsigned(fd, unsigned(seconds / 60 % 60), 10, 2);
  put(fd, ":");
  put_unsigned(fd, unsigned(seconds % 60), 10, 2);
  if (fraction) {
    put(fd, ".");
    put_unsigned(fd, unsigned(fraction), 10, 6);
  }
  put(fd, ")!\n");
}

void run_timer(std::uint64_t generation, std::int64_t micros, bool repeat, bool exit) {
  Timer& tm = timer();
  for (;;) {
    {
      std::unique_lock guard(tm.lock);
      if (tm.wake.wait_for(guard, std::chrono::microseconds(micros),
                           [&] { return tm.generation != generation; }))
        return;
    }
    int fd = tm.fd.load();
    put_timeout(fd, micros);
    if (pthread_kill(main_thread, timer_signal()) == 0) {
      timespec until{};
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_sec += 2;
      while (sem_timedwait(&tm.dumped, &until) != 0 && errno == EINTR) {
      }
    }
    if (exit) ::_exit(1);
    if (!repeat) return;
  }
}

void cancel_timer() {
  Timer& tm = timer();
  std::lock_guard guard(tm.lock);
  ++tm.generation;
  tm.wake.notify_all();
}

INTERP_NATIVE(fh_dump_traceback_later) {
  Value a[4] = {};
  if (!parse_arguments(t, "dump_traceback_later", args, nargs, kwnames,
                       {"timeout", "repeat", "file", "exit"}, 0, 1, a))
    return {};
  double seconds = 0;
  if (!to_double(t, a[0], seconds)) return {};
  if (!(seconds * 1e9 < 9.2e18)) // nanoseconds in an int64, as CPython's _PyTime_t
    return raise(t, exc(E_OverflowError), "timestamp too large to convert to C _PyTime_t");
  auto micros = std::int64_t(seconds * 1e6);
  if (micros <= 0) return raise(t, exc(E_ValueError), "timeout must be greater than 0");
  bool repeat = false, exit = false;
  if (!bool_arg(t, a[1], false, repeat)) return {};
  int fd = file_descriptor_of(t, a[2]);
  if (fd < 0 || !bool_arg(t, a[3], false, exit)) return {};
  // The timer thread outlives a transaction that aborts: start it only once committed.
  stm::become_inevitable("faulthandler.dump_traceback_later");
  static std::once_flag handler_installed;
  std::call_once(handler_installed, [] {
    struct sigaction action {};
    action.sa_sigaction = on_timer_signal;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(timer_signal(), &action, nullptr);
  });
  cancel_timer();
  Timer& tm = timer();
  std::uint64_t generation;
  {
    std::lock_guard guard(tm.lock);
    generation = tm.generation;
    tm.fd.store(fd);
  }
  std::thread(run_timer, generation, micros, repeat, exit).detach();
  return none();
}

INTERP_NATIVE(fh_cancel_dump_traceback_later) {
  if (!check_positional(t, "cancel_dump_traceback_later", nargs, kwnames, 0, 0, 0)) return {};
  cancel_timer();
  return none();
}

} // namespace

Value make_faulthandler_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"enable", fh_enable},
      {"disable", fh_disable},
      {"is_enabled", fh_is_enabled},
      {"dump_traceback", fh_dump_traceback},
      {"dump_traceback_later", fh_dump_traceback_later},
      {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later},
      {"register", fh_register},
      {"unregister", fh_unregister},
  };
  return new_module(t, "faulthandler", kFunctions, std::size(kFunctions));
}

} // namespace interp
