# The _signal module through signal.py: constants, handlers set and read back, Python
# handlers run in the main thread after raise_signal/pthread_kill, default_int_handler,
# and the errors of bad arguments.
import _signal
import signal
import threading

print(signal.SIGINT, signal.SIGUSR1, signal.SIGUSR2, signal.SIGTERM, signal.SIGKILL)
print(signal.NSIG, signal.SIG_DFL, signal.SIG_IGN)
print(signal.SIG_BLOCK, signal.SIG_UNBLOCK, signal.SIG_SETMASK)
print(signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
print(signal.SIGRTMIN, signal.SIGRTMAX, signal.SIGCLD == signal.SIGCHLD)
print(repr(signal.Signals.SIGTERM), repr(signal.Handlers.SIG_IGN))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGUSR1)))

calls = []


def handler(signum, frame):
    calls.append(signum)
    print("handler", signum, type(frame).__name__)


old = signal.signal(signal.SIGUSR1, handler)
print("old", repr(old))
print(signal.getsignal(signal.SIGUSR1) is handler)
print("before")
signal.raise_signal(signal.SIGUSR1)
print("after", calls)

signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("after pthread_kill", calls)

# The handler runs before the next statement, also in a loop.
for i in range(3):
    signal.raise_signal(signal.SIGUSR1)
print(len(calls))

previous = signal.signal(signal.SIGUSR1, signal.SIG_IGN)
print(previous is handler, repr(signal.getsignal(signal.SIGUSR1)))
signal.raise_signal(signal.SIGUSR1)  # ignored
print(len(calls))


def failing(signum, frame):
    raise RuntimeError("handler failed for %d" % signum)


signal.signal(signal.SIGUSR2, failing)
try:
    signal.raise_signal(signal.SIGUSR2)
    print("not reached")
except RuntimeError as e:
    print("caught", e)

# A handler for SIGINT replaces KeyboardInterrupt.
signal.signal(signal.SIGINT, handler)
signal.raise_signal(signal.SIGINT)
print(calls[-1])
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e), e.args)

print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGUSR1))
print(signal.strsignal(signal.SIGRTMIN + 2))
valid = signal.valid_signals()
print(type(valid).__name__, len(valid), signal.SIGKILL in valid, 0 in valid)
print(signal.set_wakeup_fd(-1), signal.set_wakeup_fd(-1))
print(signal.alarm(0))
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 0))
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]) == set())
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])))
print(signal.sigpending())
signal.siginterrupt(signal.SIGUSR1, False)
print(issubclass(signal.ItimerError, OSError))

for args in [(0, handler), (signal.NSIG, handler), (-1, handler), ("2", handler),
             (2.0, handler), (signal.SIGUSR1, "x"), (signal.SIGUSR1, 3),
             (signal.SIGUSR1, None), (signal.SIGUSR1, True), (signal.SIGKILL, handler),
             (signal.SIGSTOP, signal.SIG_IGN)]:
    try:
        _signal.signal(*args)
        print("no error", args[0])
    except Exception as e:
        print(type(e).__name__, e)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
for f, args in [(signal.getsignal, (0,)), (signal.getsignal, (100,)),
                (signal.strsignal, (0,)), (signal.raise_signal, (0,)),
                (signal.raise_signal, (-5,)), (_signal.default_int_handler, ()),
                (signal.pthread_sigmask, (signal.SIG_BLOCK, [0])),
                (signal.pthread_sigmask, (signal.SIG_BLOCK, [70]))]:
    try:
        f(*args)
        print("no error", f.__name__, args)
    except Exception as e:
        print(type(e).__name__, e)


def in_thread():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        signal.set_wakeup_fd(-1)
    except ValueError as e:
        print(type(e).__name__, e)
    print(signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)


t = threading.Thread(target=in_thread)
t.start()
t.join()
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
print(repr(signal.getsignal(signal.SIGUSR1)))
