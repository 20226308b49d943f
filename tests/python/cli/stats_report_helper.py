# Helper of stats_report.cli: two threads that allocate, then one line of output.
import _thread

done = [_thread.allocate_lock() for _ in range(2)]
results = [0, 0]


def work(i):
    results[i] = sum(len([n, n + 1]) for n in range(20000))
    done[i].release()


for i in range(2):
    done[i].acquire()
    _thread.start_new_thread(work, (i,))
for lock in done:
    lock.acquire()
print(results)
