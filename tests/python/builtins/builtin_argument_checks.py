# Argument checks of round, sum, __import__, len and open; the singletons' types make
# the singletons; bool(NotImplemented) warns; type names, qualnames and __slots__ are
# checked; type() keeps the order of an OrderedDict namespace.
import collections
import warnings


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: round(1, 2, 3))
t(lambda: round(number=2.5))
t(lambda: sum([], bytearray(b"")))
t(lambda: __import__("sys", name="sys"))
t(lambda: __import__())


class HugeNegative:
    def __len__(self):
        return -(2**100)


class Huge:
    def __len__(self):
        return 2**100


t(lambda: len(HugeNegative()))
t(lambda: len(Huge()))
t(lambda: open("a\x00b"))
t(lambda: type(Ellipsis)() is Ellipsis)
t(lambda: type(NotImplemented)() is NotImplemented)
t(lambda: type(Ellipsis)(1))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(bool(NotImplemented))
print([(w.category.__name__, str(w.message)) for w in caught])

t(lambda: type("A\x00B", (), {}))


def rename(attr, value):
    A = type("A", (), {})
    setattr(A, attr, value)
    return A.__name__, A.__qualname__


t(lambda: rename("__name__", "B\x00"))
t(lambda: rename("__qualname__", 1))
t(lambda: rename("__qualname__", "Q"))


class B:
    pass


for bases, slots in [
    ((), b"x"),
    ((), ""),
    ((), "42"),
    ((), "\x80"),
    ((), "x\x00y"),
    ((), ("__dict__", "__dict__")),
    ((), ("__weakref__", "__weakref__")),
    ((B,), "__dict__"),
    ((B,), "__weakref__"),
]:
    t(lambda: type("A", bases, {"__slots__": slots}).__name__)

od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print(list(type("C", (), od).__dict__.items())[:2])
