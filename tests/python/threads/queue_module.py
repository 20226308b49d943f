# queue.Queue between worker threads; results printed in sorted order.
import queue
import threading

tasks, results = queue.Queue(), queue.Queue()


def worker():
    while True:
        item = tasks.get()
        if item is None:
            break
        results.put((item, item ** 3))


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(10):
    tasks.put(i)
for _ in workers:
    tasks.put(None)
for w in workers:
    w.join()
print(sorted(results.get() for _ in range(results.qsize())))
