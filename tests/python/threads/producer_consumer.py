# A producer/consumer pair handing items over through two locks used as semaphores.
import _thread

slot = []
empty = _thread.allocate_lock()
full = _thread.allocate_lock()
full.acquire()
finished = _thread.allocate_lock()
finished.acquire()
consumed = []


def producer():
    for i in range(5):
        empty.acquire()
        slot.append(i * i)
        full.release()


def consumer():
    for _ in range(5):
        full.acquire()
        consumed.append(slot.pop())
        empty.release()
    finished.release()


_thread.start_new_thread(consumer, ())
_thread.start_new_thread(producer, ())
finished.acquire()
print(consumed)
