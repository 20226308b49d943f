# Sixteen threads allocate garbage while collections run; the resident size stays near
# the live heap rather than growing with each view that once touched the pages (run by
# cli/rss_many_views.cli with sixteen views).
import _thread
import resource


def churn(n):
    total = 0
    for i in range(n):
        row = [(i, j) for j in range(8)]
        index = {pair: pair[1] * i for pair in row}
        total += len(index)
    return total


THREADS = 16
results = []
done = _thread.allocate_lock()
done.acquire()


def worker():
    results.append(churn(6000))
    if len(results) == THREADS:
        done.release()


for _ in range(THREADS):
    _thread.start_new_thread(worker, ())
done.acquire()
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(sum(results), "peak below 160 MiB:", peak_mib < 160)
