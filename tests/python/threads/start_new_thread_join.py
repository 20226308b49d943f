# _thread.start_new_thread runs functions concurrently; the main thread waits through locks and prints sorted results.
import _thread

results = []
results_lock = _thread.allocate_lock()
done = [_thread.allocate_lock() for _ in range(4)]
for d in done:
    d.acquire()


def worker(n, finished):
    value = sum(i * n for i in range(1000))
    with results_lock:
        results.append((n, value))
    finished.release()


for n, d in enumerate(done):
    _thread.start_new_thread(worker, (n, d))
for d in done:
    d.acquire()
print(sorted(results))
