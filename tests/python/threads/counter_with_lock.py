# Many threads incrementing a shared counter under a lock lose no updates.
import _thread

counter = [0]
lock = _thread.allocate_lock()
N_THREADS, N_INCR = 4, 2000
remaining = [N_THREADS]
all_done = _thread.allocate_lock()
all_done.acquire()


def work():
    for _ in range(N_INCR):
        with lock:
            counter[0] += 1
    with lock:
        remaining[0] -= 1
        if remaining[0] == 0:
            all_done.release()


for _ in range(N_THREADS):
    _thread.start_new_thread(work, ())
all_done.acquire()
print(counter[0], counter[0] == N_THREADS * N_INCR)
