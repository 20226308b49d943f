# Long loops inside a generator body and inside __init__, run by two threads that wait for
# each other: each must commit its progress while still inside the generator or __init__
# (transactions break at instruction boundaries of those frames too), else they would
# never see each other's flag.
import _thread

flags = [0, 0, 0, 0]
results = []
results_lock = _thread.allocate_lock()
done = [_thread.allocate_lock() for _ in range(2)]
for d in done:
    d.acquire()


def spin_then_sum(me, other, n):
    flags[me] = 1
    while not flags[other]:
        pass
    total = 0
    for i in range(n):
        total += i
        if i % 50000 == 0:
            yield total
    yield total


class Spinner:
    def __init__(self, me, other, n):
        flags[me] = 1
        while not flags[other]:
            pass
        self.total = 0
        for i in range(n):
            self.total += i


def worker(k, finished):
    last = None
    for last in spin_then_sum(k, 1 - k, 300000 + k):
        pass
    s = Spinner(2 + k, 3 - k, 200000 + k)
    with results_lock:
        results.append((k, last, s.total))
    finished.release()


for k, d in enumerate(done):
    _thread.start_new_thread(worker, (k, d))
for d in done:
    d.acquire()
print(sorted(results))
