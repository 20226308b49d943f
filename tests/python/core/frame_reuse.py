# Frames of returned calls are reused by later calls; frames that Python code can still
# see (sys._getframe, tracebacks, f_back, generators) must keep their contents.
import gc
import sys
import threading


def capture(depth):
    marker = f"level-{depth}"
    if depth == 0:
        return sys._getframe()
    return capture(depth - 1)


def churn(n):
    return 0 if n == 0 else 1 + churn(n - 1)


frames = [capture(3) for _ in range(3)]
churn(200)
for f in frames:
    chain = []
    while f is not None and f.f_code.co_name == "capture":
        chain.append((f.f_locals["depth"], f.f_locals["marker"]))
        f = f.f_back
    print(chain)


def fail(n):
    token = n * 7
    if n == 0:
        raise ValueError("bottom")
    fail(n - 1)


saved = []
for i in range(3):
    try:
        fail(4)
    except ValueError as e:
        saved.append(e)
    churn(100)
gc.collect()
for e in saved:
    tb = e.__traceback__
    seen = []
    while tb is not None:
        seen.append((tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals.get("token")))
        tb = tb.tb_next
    print(seen)


def outer():
    inner_frame = sys._getframe(0)

    def inner():
        return sys._getframe(1)

    return inner() is inner_frame, inner_frame.f_locals["inner_frame"] is inner_frame


print(outer())


def gen(n):
    for i in range(n):
        yield churn(i)


g = gen(30)
print(sum(g), [churn(k) for k in range(5)])


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Node:
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right

    def total(self):
        return self.value + (self.left.total() if self.left else 0) + (
            self.right.total() if self.right else 0)


def build(depth):
    if depth == 0:
        return Node(1)
    return Node(depth, build(depth - 1), build(depth - 1))


results = {}
lock = threading.Lock()
counter = [0]


def worker(k):
    local = []
    for i in range(40):
        local.append(fib(12 + (i % 3)))
        with lock:
            counter[0] += 1
        if i % 10 == 0:
            gc.collect()
    tree = build(8)
    results[k] = (sum(local), tree.total())


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()), counter[0])
