# CPU-bound work split over threads gives the same sum as the sequential computation.
import _thread


def chunk_sum(lo, hi):
    return sum(i * i % 7 for i in range(lo, hi))


parts = {}
lock = _thread.allocate_lock()
done = []
for k in range(4):
    d = _thread.allocate_lock()
    d.acquire()
    done.append(d)


def worker(k):
    v = chunk_sum(k * 25000, (k + 1) * 25000)
    with lock:
        parts[k] = v
    done[k].release()


for k in range(4):
    _thread.start_new_thread(worker, (k,))
for d in done:
    d.acquire()
print(sorted(parts.items()), sum(parts.values()) == chunk_sum(0, 100000))
