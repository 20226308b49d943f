# _thread.exit / exit_thread end a thread quietly; interrupt_main delivers a signal to the
# main thread's Python handler (KeyboardInterrupt by default), and nothing when the signal
# is left to SIG_DFL or SIG_IGN; start_new_thread's argument-count errors; and
# sys.setswitchinterval / getswitchinterval.
import _thread
import signal
import sys
import threading
import time

def quits(how):
    how()
    print("not reached")

for how in (_thread.exit, _thread.exit_thread, sys.exit):
    t = threading.Thread(target=quits, args=(how,))
    t.start()
    t.join()
print("threads exited quietly")
try:
    _thread.exit_thread(1)
except TypeError as e:
    print("TypeError:", e)

try:
    _thread.interrupt_main()
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt in main")
for bad in (0, 99, -1):
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print(bad, "ValueError:", e)

seen = []
signal.signal(signal.SIGUSR1, lambda signum, frame: seen.append(
    (signum, threading.current_thread() is threading.main_thread())))
t = threading.Thread(target=_thread.interrupt_main, args=(signal.SIGUSR1,))
t.start()
t.join()
for _ in range(1000):
    if seen:
        break
    time.sleep(0.001)
print(seen)

try:
    t = threading.Thread(target=_thread.interrupt_main)
    t.start()
    t.join()
    for _ in range(1000):
        time.sleep(0.001)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt from a thread")

signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
signal.signal(signal.SIGINT, signal.SIG_DFL)
_thread.interrupt_main()
print("SIG_IGN and SIG_DFL: nothing")

for args in ((print,), (print, (), {}, 1)):
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(1)
print(sys.getswitchinterval())
for bad in (0, -1.0, "x"):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setswitchinterval(0.005)
