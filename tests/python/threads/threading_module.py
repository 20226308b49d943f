# threading.Thread with join, names, results collected in a list and printed sorted.
import threading

results = []
lock = threading.Lock()


def work(n):
    with lock:
        results.append(n * n)


threads = [threading.Thread(target=work, args=(i,), name=f"w{i}") for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), [t.name for t in threads], any(t.is_alive() for t in threads))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
