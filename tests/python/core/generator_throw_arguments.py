# generator.throw(type, value, tb) normalizes as CPython: a value that is not an instance of the class becomes its argument, a third argument must be a traceback, bad combinations raise CPython's TypeErrors
import sys


def catcher():
    while True:
        try:
            print("got", (yield))
        except ValueError as v:
            print("caught", type(v).__name__, repr(v.args))


g = catcher()
next(g)
g.throw(ValueError)
g.throw(ValueError("xyz"))
g.throw(ValueError, ValueError(1))
g.throw(ValueError, TypeError(1))
g.throw(ValueError, (1, 2))
g.throw(ValueError, ValueError(1), None)


class SubValue(ValueError):
    pass


g.throw(ValueError, SubValue(3))
for args in ((ValueError(1), "foo"), (ValueError, "foo", 23), ("abc",), (0,), (list,)):
    try:
        g.throw(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    raise KeyError("k")
except KeyError:
    tb = sys.exc_info()[2]
try:
    g.throw(KeyError, KeyError("again"), tb)
except KeyError as e:
    print("KeyError", e, e.__traceback__ is not None)
print(g.gi_frame)
