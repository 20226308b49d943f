# sys.exc_info() inside nested handlers reflects the innermost exception being handled.
import sys


def show(tag):
    t, v, _ = sys.exc_info()
    print(tag, t.__name__ if t else None, v)


try:
    raise ValueError("outer")
except ValueError:
    show("1")
    try:
        raise KeyError("inner")
    except KeyError:
        show("2")
    show("3")
show("4")


def gen():
    try:
        raise TypeError("in gen")
    except TypeError:
        yield
        show("gen")


g = gen()
next(g)
show("outside gen")
next(g, None)
