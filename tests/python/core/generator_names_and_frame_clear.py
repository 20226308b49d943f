# Generators take their names from the function at the call and may be renamed (to a
# str only); an exception class whose construction fails throws the failure in;
# frame.clear() closes a suspended generator, refuses a running frame, drops locals.
import sys


def func():
    yield 1


func.__name__ = "renamed"
func.__qualname__ = "Renamed.func"
g = func()
print(g.__name__, g.__qualname__)
g.__name__ = "name"
g.__qualname__ = "qual"
print(g.__name__, g.__qualname__)
for attr, value in (("__name__", 1), ("__qualname__", None)):
    try:
        setattr(g, attr, value)
    except TypeError as e:
        print("TypeError:", e)
try:
    del g.__name__
except TypeError as e:
    print("TypeError:", e)


class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


def boring():
    yield


gen = boring()
try:
    gen.throw(E)
except TypeError as e:
    print("TypeError:", str(e).split(" at ")[0])
try:
    next(gen)
except StopIteration:
    print("finished")


def catching():
    try:
        yield
    except TypeError as e:
        print("caught inside:", type(e).__name__)
        yield "after"


gen = catching()
next(gen)
print(gen.throw(E))

done = []


def with_finally():
    try:
        yield 1
    finally:
        done.append("finally")


gen = with_finally()
next(gen)
gen.gi_frame.clear()
print(done, gen.gi_frame)


def clears_itself():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
    yield


next(clears_itself())


def running():
    f = sys._getframe()
    try:
        f.clear()
    except RuntimeError as e:
        print("RuntimeError:", e)


running()


def make_frame():
    x = 5
    y = 6
    return sys._getframe()


frame = make_frame()
print(sorted(frame.f_locals))
frame.clear()
print(frame.f_locals)
