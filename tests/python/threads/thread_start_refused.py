# When the system refuses another thread (here: no room for the stack asked for), starting
# one raises RuntimeError and the program goes on, as in CPython; a stack size larger
# than the default is given to new threads.
import _thread
import sys
import threading

print(_thread.stack_size(2**47))  # more than a process's whole address space
try:
    _thread.start_new_thread(print, ("never",))
except RuntimeError as e:
    print("start_new_thread:", type(e).__name__, e)
t = threading.Thread(target=print, args=("never",))
try:
    t.start()
except RuntimeError as e:
    print("Thread.start:", type(e).__name__, e)
print("threads:", threading.active_count())
print(_thread.stack_size(64 * 1024 * 1024) == 2**47)

sys.setrecursionlimit(60000)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


results = []
worker = threading.Thread(target=lambda: results.append(depth(50000)))
worker.start()
worker.join()
print(results)
print(_thread.stack_size(0))
