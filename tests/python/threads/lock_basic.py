# allocate_lock: acquire/release, locked(), non-blocking acquire on a held lock, release of an unheld lock.
import _thread

lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked())
print(lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("inside with", lock.locked())
print("after with", lock.locked())
