# next(gen), next(gen, default), gen.send(v) and gen.__next__() called from Python code
# resume the generator in the calling loop (as a for loop does): values, StopIteration
# with the return value, defaults, errors leaving the generator, and misuse.
def g():
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)
    return "done"

it = g()
print(next(it))
print(it.send("a"))
try:
    it.send("b")
except StopIteration as e:
    print("stop", repr(e.value))
print(next(it, "default"))
it = g()
print(next(it, "d"), next(it, "d"), next(it, "d"), next(it, "d"))
it = g()
print(it.__next__())
try:
    it.send(1, 2)
except TypeError as e:
    print(e)
try:
    g().send(5)
except TypeError as e:
    print(e)
def bad():
    yield 1
    raise StopIteration
b = bad()
next(b)
try:
    next(b)
except RuntimeError as e:
    print("RuntimeError", e)
def err():
    yield 1
    1/0
e = err()
print(next(e))
try:
    next(e, 7)
except ZeroDivisionError as x:
    print("ZeroDivisionError", x)
def selfnext():
    yield next(me)
me = selfnext()
try:
    next(me)
except ValueError as x:
    print(x)
print(sum(len(str(i)) for i in range(1000)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "stop":
            return n
        n += 1
c = counter()
next(c)
for _ in range(5):
    c.send("go")
try:
    c.send("stop")
except StopIteration as s:
    print("final", s.value)
import traceback
def tb():
    yield 1
