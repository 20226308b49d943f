# A lock released by another thread wakes a waiting acquire (locks are not owned by a thread).
import _thread

gate = _thread.allocate_lock()
gate.acquire()
finished = _thread.allocate_lock()
finished.acquire()
log = []


def opener():
    log.append("opener runs")
    gate.release()


def waiter():
    gate.acquire()
    log.append("waiter passed the gate")
    finished.release()


_thread.start_new_thread(waiter, ())
_thread.start_new_thread(opener, ())
finished.acquire()
print(sorted(log))
