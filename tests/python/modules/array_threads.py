# array.array shared by threads: appends under a lock and per-thread items updated in place.
import array, threading
a = array.array('i')
lock = threading.Lock()
def work():
    for i in range(2000):
        with lock:
            a.append(i)
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(a), sum(a))
b = array.array('d', [1.0]*10)
def w2(k):
    for i in range(500):
        b[k] += 1
ts = [threading.Thread(target=w2, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(b.tolist()[:5])
