# Weakref callbacks and __del__ with several threads: objects made and dropped in worker
# threads, collections in the workers and in the main thread (the collector stops every
# thread, queues the work, and some thread runs it in a transaction of its own). After
# the workers are joined and a last gc.collect(), every callback and finalizer has run
# exactly once.
import gc
import threading
import weakref

log = []
refs = []


class Obj:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        log.append(("del", self.n))


def worker(k):
    mine = [Obj((k, i)) for i in range(20)]
    for o in mine:
        refs.append(weakref.ref(o, lambda r, n=o.n: log.append(("callback", n))))
    # Half of them in a cycle with each other.
    for a, b in zip(mine[:10:2], mine[1:10:2]):
        a.other, b.other = b, a
    del mine, o, a, b
    gc.collect()
    junk = [[j] * 10 for j in range(20000)]  # allocation: collections may happen here
    del junk


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
dels = sorted(n for kind, n in log if kind == "del")
callbacks = sorted(n for kind, n in log if kind == "callback")
expected = sorted((k, i) for k in range(4) for i in range(20))
print(len(log), dels == expected, callbacks == expected)
print(all(r() is None for r in refs), len(refs))
