# A thread told to stop (a queue item, a flag) and then joined, from places the VM used
# to run in a nested loop, where the wait had to abort and lost the "stop": a with
# statement's __exit__, a functools.partial, an object with a Python __call__, and
# ThreadPoolExecutor (with shutdown, as a context manager, and at interpreter exit).
import concurrent.futures
import functools
import queue
import threading


class Worker:
    def __init__(self):
        self.q = queue.SimpleQueue()
        self.done = []
        self.t = threading.Thread(target=self.run)
        self.t.start()

    def run(self):
        while (item := self.q.get()) is not None:
            self.done.append(item)

    def stop(self):
        self.q.put(None)
        self.t.join()
        return len(self.done)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.q.put("last")
        print("exit stopped after", self.stop())

    def __call__(self, extra):
        self.q.put(extra)
        return self.stop()


with Worker() as w:
    w.q.put(1)
print("after with")

w = Worker()
print("partial:", functools.partial(Worker.stop, w)())
print("__call__:", Worker()(5))


class Meta(type):
    def __call__(cls, *args):
        return "made by Meta.__call__ with " + repr(args)


class Made(metaclass=Meta):
    pass


print(Made(1, 2))

with concurrent.futures.ThreadPoolExecutor(2) as ex:
    print([r for r in ex.map(pow, [2, 3], [5, 2])])
ex = concurrent.futures.ThreadPoolExecutor(2)
print(ex.submit(pow, 2, 10).result())
ex.shutdown()
# Left running: the interpreter's exit stops and joins its workers.
left = concurrent.futures.ThreadPoolExecutor(3)
total = 0
for r in left.map(abs, range(-5, 5)):
    total += r
print(total)
