# A lock's timeout is checked as CPython checks it: NaN, values too large for 64-bit
# nanoseconds (float or int), and non-numbers are refused with CPython's errors; and
# _thread.stack_size remembers what it was given and refuses sizes too small.
import _thread
import threading

lock = _thread.allocate_lock()
for value in (float("nan"), float("inf"), float("-inf"), 1e10, -1e20, 10**10, 10**30, -(10**30),
              9223372036.9, "x", None, -0.5, -2):
    try:
        print(repr(value), lock.acquire(timeout=value))
    except Exception as e:
        print(repr(value), type(e).__name__, e)
    if lock.locked():
        lock.release()
for value in (-1, -1.0, True, 0, 0.0, 1e-12, threading.TIMEOUT_MAX):
    print(repr(value), lock.acquire(timeout=value))
    lock.release()
lock.acquire()
print(lock.acquire(timeout=1e-12), lock.acquire(timeout=0))
lock.release()
rlock = threading.RLock()
try:
    rlock.acquire(timeout=float("nan"))
except ValueError as e:
    print("RLock", e)

print(_thread.stack_size())
for size in (1000, -1, 1.5):
    try:
        _thread.stack_size(size)
    except Exception as e:
        print(size, type(e).__name__, e)
print(_thread.stack_size(65536 * 4), _thread.stack_size(), threading.stack_size(0), threading.stack_size())
done = []
t = threading.Thread(target=lambda: done.append(sum(range(100))))
t.start()
t.join()
print(done)
