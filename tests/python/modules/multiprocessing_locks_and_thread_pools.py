# multiprocessing's locks (over _multiprocessing.SemLock) and its pools of threads (where the system has named POSIX semaphores: a sandbox without /dev/shm says so instead)
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import need_named_semaphores
import multiprocessing.dummy as dummy
from multiprocessing.pool import ThreadPool
import multiprocessing, threading, _multiprocessing
def square(x):
    return x * x
with dummy.Pool(3) as pool:
    print(pool.map(square, range(8)))
    print(sorted(pool.imap_unordered(square, range(5))))
    print(pool.apply_async(pow, (2, 10)).get(timeout=10))
with ThreadPool(2) as pool:
    r = pool.map_async(len, ["a", "bb", "ccc"])
    print(r.get(timeout=10), r.successful())
    f = pool.apply_async(square, ("x",))
    try:
        f.get(timeout=10)
    except TypeError as e:
        print("TypeError", e)
lock = multiprocessing.Lock()
print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.05))
lock.release()
try:
    lock.release()
except ValueError as e:
    print("ValueError", e)
rl = multiprocessing.RLock()
with rl:
    with rl:
        print("rlock nested")
try:
    rl.release()
except AssertionError as e:
    print("AssertionError", e)
sem = multiprocessing.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01), sem.get_value())
sem.release(); sem.release(); print(sem.get_value())
bs = multiprocessing.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)
ev = multiprocessing.Event()
threading.Timer(0.02, ev.set).start()
print(ev.wait(5), ev.is_set())
cond = multiprocessing.Condition()
got = []
def waiter():
    with cond:
        cond.wait_for(lambda: got, timeout=5)
        got.append("woken")
t = threading.Thread(target=waiter); t.start()
with cond:
    got.append("set"); cond.notify_all()
t.join(); print(got)
q = dummy.Queue(); q.put(5); print(q.get())
print(_multiprocessing.SemLock.SEM_VALUE_MAX, sorted(_multiprocessing.flags))
