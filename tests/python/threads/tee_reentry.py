# itertools.tee refuses to advance its source while another copy is advancing it: from the source's own __next__, and from a second thread while the first waits inside __next__ ("cannot re-enter the tee iterator")
import itertools, threading

def source():
    yield next(second)
first, second = itertools.tee(source())
try:
    next(first)
except RuntimeError as e:
    print("RuntimeError:", e)

start, finish = threading.Event(), threading.Event()
class Slow:
    def __iter__(self):
        return self
    def __next__(self):
        start.set()
        finish.wait()
        return "value"
a, b = itertools.tee(Slow())
got = []
thread = threading.Thread(target=lambda: got.append(next(a)))
thread.start()
start.wait()
try:
    next(b)
except RuntimeError as e:
    print("RuntimeError:", e)
finally:
    finish.set()
    thread.join()
print(got, next(b))
