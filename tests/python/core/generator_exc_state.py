# A generator's own handled exception while suspended in an except block, and the
# caller's exception seen from a generator that handles none.
import sys


def gen():
    yield sys.exc_info()[1]
    try:
        raise KeyError("g")
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]


g = gen()
print(next(g))
try:
    raise ValueError("caller")
except ValueError:
    print(next(g))
    print(sys.exc_info()[1])
print(next(g))
print(sys.exc_info()[1])
try:
    raise TypeError("caller2")
except TypeError:
    print(next(g))


def raiser():
    yield
    raise IndexError("in gen")


r = raiser()
next(r)
try:
    raise ValueError("handling")
except ValueError:
    try:
        next(r)
    except IndexError as e:
        print(repr(e.__context__))
