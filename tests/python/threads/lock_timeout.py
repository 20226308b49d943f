# acquire with a timeout on a held lock returns False after waiting; invalid timeouts raise ValueError.
import _thread

lock = _thread.allocate_lock()
lock.acquire()
print(lock.acquire(timeout=0.05))
print(lock.acquire(True, 0.01))
for args, kw in (((False, 1), {}), ((), {"timeout": -5})):
    try:
        lock.acquire(*args, **kw)
    except ValueError as e:
        print("ValueError:", e)
lock.release()
print(lock.acquire(timeout=0.05))
