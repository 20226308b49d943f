# sys.setrecursionlimit sets one limit for the interpreter, as in CPython: threads started
# after it, and threads running when another thread changes it, recurse that deep; its
# argument errors and the "limit too low" check.
import sys, threading
sys.setrecursionlimit(5000)

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)

out = []
def worker():
    out.append((sys.getrecursionlimit(), deep(3000)))
t = threading.Thread(target=worker)
t.start(); t.join()
print(out)

def setter():
    sys.setrecursionlimit(1234)
t = threading.Thread(target=setter)
t.start(); t.join()
print(sys.getrecursionlimit())
try:
    deep(2000)
except RecursionError as e:
    print("RecursionError", e)

def at_depth(n):
    if n:
        return at_depth(n - 1)
    for bad in (3, 0, -5, 2**31, 1.5, "10"):
        try:
            sys.setrecursionlimit(bad)
        except Exception as e:
            print(type(e).__name__, e)
at_depth(5)
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
