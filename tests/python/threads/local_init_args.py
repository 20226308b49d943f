# A threading.local subclass made with arguments runs __init__ again, with the same
# arguments, on each thread's first use; plain local refuses arguments; methods,
# classmethods, staticmethods and properties of a subclass work in every thread.
import threading

class Local(threading.local):
    made = 0

    def __init__(self, a, b=2):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b

    @classmethod
    def kind(cls):
        return cls.__name__

    @staticmethod
    def double(x):
        return 2 * x

    @property
    def doubled_a(self):
        return 2 * self.a

loc = Local(1, b=3)
plain = threading.local()
plain.x = "main"
results = []
results_lock = threading.Lock()

def work(i):
    seen = (loc.a, loc.b, loc.total(), loc.kind(), loc.double(i), loc.doubled_a,
            hasattr(plain, "x"))
    loc.a = i
    plain.x = i
    with results_lock:
        results.append((i, seen, loc.a, plain.x))

threads = [threading.Thread(target=work, args=(i,)) for i in range(10, 14)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in sorted(results):
    print(r)
print(loc.a, loc.b, plain.x)

try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    threading.local(key=1)
except TypeError as e:
    print("TypeError:", e)

class Failing(threading.local):
    def __init__(self, fail):
        if threading.current_thread() is not threading.main_thread():
            raise ValueError("not in this thread")
        self.ok = True

f = Failing(True)
out = []

def use_failing():
    for _ in range(2):
        try:
            out.append(f.ok)
        except ValueError as e:
            out.append(str(e))

t = threading.Thread(target=use_failing)
t.start()
t.join()
print(out, f.ok)
