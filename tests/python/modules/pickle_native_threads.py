# The _pickle accelerator from several threads at once: each thread pickles and
# unpickles its own data, and all of them share one class, one copyreg registration and
# one module-level object, whose memo entries and globals must not leak across threads.
import copyreg
import io
import pickle
import threading


class Item:
    def __init__(self, n):
        self.n = n
        self.tags = ["t%d" % (n % 3)]


class Special:
    def __init__(self, v):
        self.v = v


copyreg.pickle(Special, lambda s: (Special, (s.v,)))
SHARED = {"shared": list(range(10))}
results = {}


def work(k):
    out = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        data = [Item(i + k) for i in range(200)] + [SHARED, SHARED, Special(k), (k, "x" * k)]
        s = pickle.dumps(data, proto)
        back = pickle.loads(s)
        f = io.BytesIO()
        p = pickle.Pickler(f, proto)
        p.dump(data)
        p.dump(SHARED)
        f.seek(0)
        u = pickle.Unpickler(f)
        first = u.load()
        second = u.load()
        out.append((sum(x.n for x in back[:200]), back[200] is back[201], back[202].v,
                    back[203], first[200] == second, s == f.getvalue()[:len(s)]))
    results[k] = out


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    for row in results[k]:
        print(k, row)
