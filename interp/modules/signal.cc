// interp/modules/signal.cc - the _signal module (what signal.py wraps): the signal numbers,
// handlers set from Python, signal masks, alarms and interval timers.
//
// The C handler only records the signal: a flag per signal number and one for "some signal
// arrived" (runtime state outside the heap, like the other runtime tables), and a byte written
// to the wakeup fd. Python handlers run later, in the main thread, as Python code:
// run_signal_handlers is called by the outermost VM loop at an instruction boundary, and by
// the functions of this module that CPython follows with PyErr_CheckSignals (raise_signal,
// pthread_kill, signal, pause). If the transaction that ran a handler aborts, the signals it
// took are recorded again, so that the transaction run again runs the handler again.
//
// The handlers themselves are heap state: a list of NSIG entries (`_handlers` in the module's
// namespace; None where Python set none), so that setting one rolls back with its transaction.
#include "interp/compile_source.h"
#include "interp/interp.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"
#include "stm/stm.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <vector>

namespace interp {

std::atomic<bool> signals_tripped{false};

namespace {

constexpr int kNsig = 65; // signal.NSIG on Linux: the highest real-time signal is 64

std::atomic<bool> tripped[kNsig];
std::atomic<int> wakeup_fd{-1};
// The main thread's pthread (pthread_kill with the main thread's ident), set when the module
// is made in the main thread.
std::atomic<bool> have_main_pthread{false};
pthread_t main_pthread;

void on_signal(int signum) {
  int saved = errno;
  if (signum > 0 && signum < kNsig) tripped[signum].store(true);
  signals_tripped.store(true);
  int fd = wakeup_fd.load();
  if (fd >= 0) {
    unsigned char byte = static_cast<unsigned char>(signum);
    [[maybe_unused]] ssize_t n = ::write(fd, &byte, 1);
  }
  errno = saved;
}

// Installs `action` (SIG_DFL, SIG_IGN or on_signal) for `signum`; -1 and errno on failure.
// Python handlers restart interrupted system calls (siginterrupt(signum, True) undoes that):
// the C++ natives do not all retry after EINTR.
int set_c_handler(int signum, void (*action)(int)) {
  struct sigaction sa = {};
  sa.sa_handler = action;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_ONSTACK | (action == on_signal ? SA_RESTART : 0);
  return sigaction(signum, &sa, nullptr);
}

Value signal_module(Thread& t) {
  Value modules = getattr(t, runtime().sys_module, intern_literal(t, "modules"));
  if (!modules || !dict_check(modules)) {
    clear_pending(t);
    return {};
  }
  return dict_get_str(modules, intern_literal(t, "_signal"));
}

// The list of Python-level handlers, or 0 (no exception) when _signal was not imported.
Value handler_list(Thread& t) {
  Value m = signal_module(t);
  if (!m) return {};
  Value list = dict_get_str(rd<Object>(m)->dict, intern_literal(t, "_handlers"));
  return list && is_layout(list, Layout::List) && list_length(list) == kNsig ? list : Value();
}

// A signal number argument: an int in [1, NSIG), else TypeError or ValueError.
bool signal_number(Thread& t, Value v, int& out) {
  std::int64_t n;
  if (!index_to_i64(t, v, n)) return false;
  if (n < 1 || n >= kNsig) {
    raise(t, exc(E_ValueError), "signal number out of range");
    return false;
  }
  out = int(n);
  return true;
}

bool in_main_thread(Thread& t, const char* what) {
  if (t.main) return true;
  raisef(t, exc(E_ValueError), "%s only works in main thread of the main interpreter", what);
  return false;
}

// A Python set of the signals in `mask`.
Value set_of(Thread& t, const sigset_t& mask) {
  Value s = set_new(t, false);
  if (!s) return {};
  for (int i = 1; i < kNsig; ++i)
    if (sigismember(&mask, i) == 1 && !set_add(t, s, Value::small_int(i))) return {};
  return s;
}

// A sigset from an iterable of signal numbers.
bool mask_of(Thread& t, Value iterable, sigset_t& mask) {
  sigemptyset(&mask);
  Value items = list_of(t, iterable);
  if (!items) return false;
  for (std::int64_t i = 0; i < list_length(items); ++i) {
    std::int64_t n;
    if (!index_to_i64(t, list_item(items, i), n)) return false;
    if (n < 1 || n >= kNsig) {
      raisef(t, exc(E_ValueError), "signal number %lld out of range [1; %d]", (long long)n,
             kNsig - 1);
      return false;
    }
    sigaddset(&mask, int(n));
  }
  return true;
}

bool is_int_handler(Value handler, std::int64_t which) {
  std::int64_t v;
  return type_of(handler) == type_value(T_int) && int_to_i64(handler, v) && v == which;
}

INTERP_NATIVE(signal_signal) {
  if (!check_positional(t, "signal", nargs, kwnames, 2, 2, 0)) return {};
  if (!in_main_thread(t, "signal")) return {};
  int signum;
  if (!signal_number(t, args[0], signum)) return {};
  Value handler = args[1];
  void (*action)(int);
  if (is_callable(handler))
    action = on_signal;
  else if (is_int_handler(handler, 1))
    action = SIG_IGN;
  else if (is_int_handler(handler, 0))
    action = SIG_DFL;
  else
    return raise(t, exc(E_TypeError),
                 "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  if (!run_signal_handlers(t, vm::current_frame(t))) return {};
  Value list = handler_list(t);
  if (!list) return raise(t, exc(E_RuntimeError), "_signal's handler table is missing");
  if (set_c_handler(signum, action) != 0) return raise_os_error(t, errno);
  Value old = list_item(list, signum);
  list_set_item(list, signum, handler);
  return old;
}

INTERP_NATIVE(signal_getsignal) {
  if (!check_positional(t, "getsignal", nargs, kwnames, 1, 1, 0)) return {};
  int signum;
  if (!signal_number(t, args[0], signum)) return {};
  Value list = handler_list(t);
  return list ? list_item(list, signum) : none();
}

INTERP_NATIVE(signal_default_int_handler) {
  if (nargs != 2 || keyword_count(kwnames))
    return raisef(t, exc(E_TypeError), "default_int_handler expected 2 arguments, got %zu", nargs);
  std::int64_t n;
  if (!index_to_i64(t, args[0], n)) return {};
  return raise_value(t, exc(E_KeyboardInterrupt));
}

INTERP_NATIVE(signal_raise_signal) {
  if (!check_positional(t, "raise_signal", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t signum;
  if (!index_to_i64(t, args[0], signum)) return {};
  // No range check of its own (raise(0) succeeds), as in CPython.
  if (signum < INT32_MIN || signum > INT32_MAX) return raise_os_error(t, EINVAL);
  // What cannot be taken back runs once: the transaction around it never aborts after.
  // What was printed before the signal goes out before its handler prints.
  vm::become_inevitable_with_output(t, "raise_signal");
  if (::raise(int(signum)) != 0) return raise_os_error(t, errno);
  if (!run_signal_handlers(t, vm::current_frame(t))) return {};
  return none();
}

INTERP_NATIVE(signal_strsignal) {
  if (!check_positional(t, "strsignal", nargs, kwnames, 1, 1, 0)) return {};
  int signum;
  if (!signal_number(t, args[0], signum)) return {};
  errno = 0;
  const char* text = ::strsignal(signum);
  if (errno || !text || std::strstr(text, "Unknown signal")) return none();
  return str_from_utf8(t, text);
}

INTERP_NATIVE(signal_valid_signals) {
  if (!check_positional(t, "valid_signals", nargs, kwnames, 0, 0, 0)) return {};
  sigset_t mask;
  if (sigfillset(&mask) != 0) return raise_os_error(t, errno);
  return set_of(t, mask);
}

INTERP_NATIVE(signal_set_wakeup_fd) {
  std::size_t npos = nargs - keyword_count(kwnames);
  static const char* const kAllowed[] = {"warn_on_full_buffer", nullptr};
  if (!check_keywords(t, "set_wakeup_fd", kwnames, kAllowed)) return {};
  if (npos != 1)
    return raisef(t, exc(E_TypeError),
                  "set_wakeup_fd() takes exactly 1 positional argument (%zu given)", npos);
  std::int64_t fd;
  if (!index_to_i64(t, args[0], fd)) return {};
  if (!in_main_thread(t, "set_wakeup_fd")) return {};
  if (fd != -1) {
    struct stat st;
    if (fd < 0 || fd > INT32_MAX || ::fstat(int(fd), &st) != 0) return raise_os_error(t, EBADF);
    int flags = ::fcntl(int(fd), F_GETFL);
    if (flags < 0) return raise_os_error(t, errno);
    if (!(flags & O_NONBLOCK))
      return raisef(t, exc(E_ValueError), "the fd %d must be in non-blocking mode", int(fd));
  }
  return Value::small_int(wakeup_fd.exchange(int(fd)));
}

INTERP_NATIVE(signal_alarm) {
  if (!check_positional(t, "alarm", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t seconds;
  if (!index_to_i64(t, args[0], seconds)) return {};
  stm::become_inevitable("alarm");
  return int_from_i64(t, ::alarm(unsigned(seconds)));
}

bool signal_arrived(Value) {
  return signals_tripped.load();
}

// Sleeps until a signal with a Python handler arrives, outside the transaction (inside
// one, the thread would hold up every commit that must stop it, and every collection),
// then runs the handler: the call ends when it runs again after the wait.
INTERP_NATIVE(signal_pause) {
  if (!check_positional(t, "pause", nargs, kwnames, 0, 0, 0)) return {};
  bool waited = t.block_retry == none();
  if (waited) t.block_retry = {};
  if (!waited && vm::can_wait_outside(t)) {
    t.block_on = none();
    t.block_ready = signal_arrived;
    t.block_deadline = -1;
    return {};
  }
  if (!waited) ::pause();
  if (!run_signal_handlers(t, vm::current_frame(t))) return {};
  return none();
}

bool pthread_of(Thread& t, std::int64_t ident, pthread_t& out) {
  if (ident == t.ident) {
    out = pthread_self();
    return true;
  }
  if (ident == main_thread().ident && have_main_pthread.load()) {
    out = main_pthread;
    return true;
  }
  return false;
}

INTERP_NATIVE(signal_pthread_kill) {
  if (!check_positional(t, "pthread_kill", nargs, kwnames, 2, 2, 0)) return {};
  std::int64_t ident, signum;
  if (!index_to_i64(t, args[0], ident) || !index_to_i64(t, args[1], signum)) return {};
  pthread_t target;
  // Only the running thread and the main thread are known by their pthread here.
  if (!pthread_of(t, ident, target)) return raise_os_error(t, ESRCH);
  // What was printed before the signal goes out before its handler prints.
  vm::become_inevitable_with_output(t, "pthread_kill");
  int err = ::pthread_kill(target, int(signum));
  if (err != 0) return raise_os_error(t, err);
  if (!run_signal_handlers(t, vm::current_frame(t))) return {};
  return none();
}

INTERP_NATIVE(signal_pthread_sigmask) {
  if (!check_positional(t, "pthread_sigmask", nargs, kwnames, 2, 2, 0)) return {};
  std::int64_t how;
  if (!index_to_i64(t, args[0], how)) return {};
  sigset_t mask, previous;
  if (!mask_of(t, args[1], mask)) return {};
  int err = ::pthread_sigmask(int(how), &mask, &previous);
  if (err != 0) return raise_os_error(t, err);
  if (!run_signal_handlers(t, vm::current_frame(t))) return {};
  return set_of(t, previous);
}

INTERP_NATIVE(signal_sigpending) {
  if (!check_positional(t, "sigpending", nargs, kwnames, 0, 0, 0)) return {};
  sigset_t mask;
  if (::sigpending(&mask) != 0) return raise_os_error(t, errno);
  return set_of(t, mask);
}

// The signals a thread's sigwait() waits for, while it waits outside its transaction.
thread_local sigset_t waited_signals;

bool waited_signal_pending(Value) {
  sigset_t pending;
  if (::sigpending(&pending) != 0) return true; // let sigwait() itself report it
  for (int s = 1; s < NSIG; ++s)
    if (sigismember(&waited_signals, s) == 1 && sigismember(&pending, s) == 1) return true;
  return false;
}

// Waits outside the transaction until one of the signals is pending (other threads run
// meanwhile, their commits too), then takes it in an inevitable transaction: a signal
// taken is gone, and a retried transaction would wait for another one.
INTERP_NATIVE(signal_sigwait) {
  if (!check_positional(t, "sigwait", nargs, kwnames, 1, 1, 0)) return {};
  sigset_t mask;
  if (!mask_of(t, args[0], mask)) return {};
  if (t.block_retry == none()) t.block_retry = {};
  waited_signals = mask;
  if (vm::can_wait_outside(t) && !waited_signal_pending(none())) {
    t.block_on = none();
    t.block_ready = waited_signal_pending;
    t.block_deadline = -1;
    return {};
  }
  int signum = 0;
  stm::become_inevitable("sigwait");
  int err = ::sigwait(&mask, &signum);
  if (err != 0) return raise_os_error(t, err);
  return Value::small_int(signum);
}

INTERP_NATIVE(signal_siginterrupt) {
  if (!check_positional(t, "siginterrupt", nargs, kwnames, 2, 2, 0)) return {};
  int signum;
  if (!signal_number(t, args[0], signum)) return {};
  int flag = truthy(t, args[1]);
  if (flag < 0) return {};
  struct sigaction sa;
  if (sigaction(signum, nullptr, &sa) != 0) return raise_os_error(t, errno);
  if (flag)
    sa.sa_flags &= ~SA_RESTART;
  else
    sa.sa_flags |= SA_RESTART;
  if (sigaction(signum, &sa, nullptr) != 0) return raise_os_error(t, errno);
  return none();
}

double seconds_of(const timeval& tv) {
  return double(tv.tv_sec) + double(tv.tv_usec) * 1e-6;
}

Value itimer_tuple(Thread& t, const itimerval& v) {
  Value items[2] = {float_new(t, seconds_of(v.it_value)), float_new(t, seconds_of(v.it_interval))};
  if (!items[0] || !items[1]) return {};
  return tuple_from(t, items, 2);
}

Value raise_itimer_error(Thread& t, int err) {
  Value m = signal_module(t);
  Value type = m ? getattr(t, m, intern_literal(t, "ItimerError")) : Value();
  if (!type) return raise_os_error(t, err);
  Value items[2] = {Value::small_int(err), str_from_utf8(t, std::strerror(err))};
  if (!items[1]) return {};
  Value e = call(t, type, items, 2);
  return e ? raise_value(t, e) : Value();
}

timeval timeval_of(double seconds) {
  timeval tv;
  tv.tv_sec = time_t(seconds);
  tv.tv_usec = suseconds_t((seconds - double(tv.tv_sec)) * 1e6);
  if (tv.tv_sec == 0 && tv.tv_usec == 0 && seconds > 0) tv.tv_usec = 1;
  return tv;
}

INTERP_NATIVE(signal_setitimer) {
  if (!check_positional(t, "setitimer", nargs, kwnames, 2, 3, 0)) return {};
  std::int64_t which;
  double seconds, interval = 0;
  if (!index_to_i64(t, args[0], which) || !to_double(t, args[1], seconds)) return {};
  if (nargs > 2 && !to_double(t, args[2], interval)) return {};
  itimerval value = {timeval_of(interval), timeval_of(seconds)}, old;
  stm::become_inevitable("setitimer");
  if (::setitimer(int(which), &value, &old) != 0) return raise_itimer_error(t, errno);
  return itimer_tuple(t, old);
}

INTERP_NATIVE(signal_getitimer) {
  if (!check_positional(t, "getitimer", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t which;
  if (!index_to_i64(t, args[0], which)) return {};
  itimerval old;
  if (::getitimer(int(which), &old) != 0) return raise_itimer_error(t, errno);
  return itimer_tuple(t, old);
}

const char* const kPythonPart = R"(
class itimer_error(OSError):
    __module__ = 'signal'
ItimerError = itimer_error
del itimer_error
)";

} // namespace

Value interrupt_main(Thread& t, Value signum_arg) {
  int signum = SIGINT;
  if (signum_arg && !signal_number(t, signum_arg, signum)) return {};
  Value list = handler_list(t);
  if (!list) {
    // Made now, so that SIGINT has default_int_handler as it has from start-up in CPython.
    if (!import_module(t, "_signal")) return {};
    list = handler_list(t);
    if (!list) return raise(t, exc(E_RuntimeError), "_signal's handler table is missing");
  }
  // A signal left to SIG_DFL or SIG_IGN is not Python's to handle: nothing happens.
  if (!is_callable(list_item(list, signum))) return none();
  if (t.main) {
    // Handled at once, inside the call, as CPython handles it before the caller's next
    // instruction. Running this again after an abort only sets the same flag again.
    on_signal(signum);
    if (!run_signal_handlers(t, vm::current_frame(t))) return {};
    return none();
  }
  // Recorded only once committed: an aborted transaction interrupts nothing.
  t.after_commit.push_back([signum](bool committed) {
    if (committed) on_signal(signum);
  });
  return none();
}

bool run_signal_handlers(Thread& t, Value frame) {
  if (!t.main || !signals_tripped.exchange(false)) return true;
  int taken[kNsig];
  int n = 0;
  for (int i = 1; i < kNsig; ++i)
    if (tripped[i].exchange(false)) taken[n++] = i;
  if (n == 0) return true;
  // An abort rolls back what the handlers did: they run again in the transaction run again.
  std::vector<int> again(taken, taken + n);
  t.after_commit.push_back([again](bool committed) {
    if (committed) return;
    for (int i : again)
      tripped[i].store(true);
    signals_tripped.store(true);
  });
  Value list = handler_list(t);
  if (!list) return true;
  for (int k = 0; k < n; ++k) {
    Value handler = list_item(list, taken[k]);
    if (!is_callable(handler)) continue;
    Value f = frame ? frame : none();
    if (frame) vm::mark_escaped(frame);
    if (!call2(t, handler, Value::small_int(taken[k]), f)) {
      // The other signals stay recorded for the next safe point.
      for (int j = k + 1; j < n; ++j)
        tripped[taken[j]].store(true);
      if (k + 1 < n) signals_tripped.store(true);
      return false;
    }
  }
  return true;
}

Value make_signal_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"signal", signal_signal},
      {"getsignal", signal_getsignal},
      {"default_int_handler", signal_default_int_handler},
      {"raise_signal", signal_raise_signal},
      {"strsignal", signal_strsignal},
      {"valid_signals", signal_valid_signals},
      {"set_wakeup_fd", signal_set_wakeup_fd},
      {"alarm", signal_alarm},
      {"pause", signal_pause},
      {"pthread_kill", signal_pthread_kill},
      {"pthread_sigmask", signal_pthread_sigmask},
      {"sigpending", signal_sigpending},
      {"sigwait", signal_sigwait},
      {"siginterrupt", signal_siginterrupt},
      {"setitimer", signal_setitimer},
      {"getitimer", signal_getitimer},
  };
  Value m = new_module(t, "_signal", kFunctions, std::size(kFunctions));
  if (!m) return {};
  static const std::pair<const char*, int> kConstants[] = {
      {"SIGHUP", SIGHUP},
      {"SIGINT", SIGINT},
      {"SIGQUIT", SIGQUIT},
      {"SIGILL", SIGILL},
      {"SIGTRAP", SIGTRAP},
      {"SIGABRT", SIGABRT},
      {"SIGIOT", SIGIOT},
      {"SIGBUS", SIGBUS},
      {"SIGFPE", SIGFPE},
      {"SIGKILL", SIGKILL},
      {"SIGUSR1", SIGUSR1},
      {"SIGSEGV", SIGSEGV},
      {"SIGUSR2", SIGUSR2},
      {"SIGPIPE", SIGPIPE},
      {"SIGALRM", SIGALRM},
      {"SIGTERM", SIGTERM},
      {"SIGSTKFLT", SIGSTKFLT},
      {"SIGCHLD", SIGCHLD},
      {"SIGCLD", SIGCHLD},
      {"SIGCONT", SIGCONT},
      {"SIGSTOP", SIGSTOP},
      {"SIGTSTP", SIGTSTP},
      {"SIGTTIN", SIGTTIN},
      {"SIGTTOU", SIGTTOU},
      {"SIGURG", SIGURG},
      {"SIGXCPU", SIGXCPU},
      {"SIGXFSZ", SIGXFSZ},
      {"SIGVTALRM", SIGVTALRM},
      {"SIGPROF", SIGPROF},
      {"SIGWINCH", SIGWINCH},
      {"SIGIO", SIGIO},
      {"SIGPOLL", SIGPOLL},
      {"SIGPWR", SIGPWR},
      {"SIGSYS", SIGSYS},
      {"NSIG", kNsig},
      {"SIG_DFL", 0},
      {"SIG_IGN", 1},
      {"SIG_BLOCK", SIG_BLOCK},
      {"SIG_UNBLOCK", SIG_UNBLOCK},
      {"SIG_SETMASK", SIG_SETMASK},
      {"ITIMER_REAL", ITIMER_REAL},
      {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
      {"ITIMER_PROF", ITIMER_PROF},
  };
  for (auto& [n, v] : kConstants)
    module_set(t, m, n, Value::small_int(v));
  module_set(t, m, "SIGRTMIN", Value::small_int(SIGRTMIN));
  module_set(t, m, "SIGRTMAX", Value::small_int(SIGRTMAX));

  // The handlers as found at start: SIG_DFL, SIG_IGN, or None for one set outside Python.
  // SIGINT left at its default gets default_int_handler, as CPython does at start-up.
  Value list = list_new(t);
  if (!list) return {};
  Value int_handler = getattr(t, m, intern_literal(t, "default_int_handler"));
  if (!int_handler) return {};
  for (int i = 0; i < kNsig; ++i) {
    Value entry = none();
    struct sigaction sa;
    if (i > 0 && sigaction(i, nullptr, &sa) == 0 && !(sa.sa_flags & SA_SIGINFO)) {
      if (sa.sa_handler == SIG_DFL)
        entry = Value::small_int(0);
      else if (sa.sa_handler == SIG_IGN)
        entry = Value::small_int(1);
      else if (sa.sa_handler == on_signal && i == SIGINT)
        entry = int_handler; // made again after an abort
    }
    // Whichever thread imports the module first: in CPython the handler is there from
    // start-up, before any thread could ask for it.
    if (i == SIGINT && entry == Value::small_int(0)) {
      if (set_c_handler(SIGINT, on_signal) == 0) entry = int_handler;
    }
    if (!list_append(t, list, entry)) return {};
  }
  module_set(t, m, "_handlers", list);
  if (t.main) {
    main_pthread = pthread_self();
    have_main_pthread.store(true);
  }

  Value d = rd<Object>(m)->dict;
  Value code = compile_source(t, kPythonPart, "<_signal>", ast::Mode::Exec);
  if (!code) return {};
  if (!dict_set(t, d, name(N___builtins__), runtime().builtins_module)) return {};
  if (!vm::run_code(t, code, d, d)) return {};
  dict_del(t, d, name(N___builtins__));
  return m;
}

} // namespace interp
