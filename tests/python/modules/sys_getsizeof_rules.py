# type.__basicsize__/__itemsize__/__dictoffset__/__weakrefoffset__ as CPython 3.11 gives them; sys.getsizeof adds 16 for types tracked for cycles (and 16 for a class's managed dict) to __sizeof__, honours an override, and raises CPython's errors
import sys

attrs = ("__basicsize__", "__itemsize__", "__dictoffset__", "__weakrefoffset__")
for t in (object, int, float, str, bytes, tuple, list, dict, set, type):
    print(t.__name__, [getattr(t, a) for a in attrs], bool(t.__flags__ & (1 << 14)))


class Plain: pass
class Slots: __slots__ = ("a", "b")
class SlotsWeak: __slots__ = ("a", "__weakref__")
class SlotsDict: __slots__ = ("a", "__dict__")
class IntSub(int): pass
class TupleSub(tuple): pass
class ListSub(list): pass


for t in (Plain, Slots, SlotsWeak, SlotsDict, IntSub, TupleSub, ListSub):
    print(t.__name__, [getattr(t, a) for a in attrs])
print([hasattr(object, "__weaklistoffset__")])
try:
    Plain.__basicsize__ = 8
except AttributeError as e:
    print("AttributeError", e)

# getsizeof = __sizeof__ + the GC header where CPython has one.
for x in (object(), 0, 1, 2**64, 1.5, "", "abc", b"abc", (), (1, 2), Plain(), Slots(), IntSub(5)):
    print(type(x).__name__, sys.getsizeof(x) - x.__sizeof__())
print([sys.getsizeof(x) for x in (0, 2**30, 2**60, 2**90, "", "ab", "\u00e9", "\u20ac", b"", b"xy", (), (1,), (1, 2, 3))])
sizes = [sys.getsizeof(list(range(n))) for n in (0, 10, 100, 1000)]
print(sizes == sorted(sizes), len(set(sizes)) == 4)
sizes = [sys.getsizeof(dict.fromkeys(range(n))) for n in (0, 10, 100, 1000)]
print(sizes == sorted(sizes), len(set(sizes)) == 4)


# An override of __sizeof__ is what getsizeof reports, checked as CPython checks it.
class Idx:
    def __index__(self):
        return 5


for value in (5, True, IntSub(7), 0, -1, 1.5, "a", Idx(), None, 2**70):
    class Z:
        def __sizeof__(self, value=value):
            return value
    class ZS:
        __slots__ = ()
        def __sizeof__(self, value=value):
            return value
    for cls in (Z, ZS):
        try:
            print(cls.__name__, repr(value)[:12], sys.getsizeof(cls()))
        except (TypeError, ValueError, OverflowError) as e:
            print(cls.__name__, repr(value)[:12], type(e).__name__, e)


class Raises:
    def __init__(self, exc):
        self.exc = exc
    def __sizeof__(self):
        raise self.exc("no size")


for exc in (TypeError, ValueError):
    for args in ((), (42,)):
        try:
            print(exc.__name__, args, sys.getsizeof(Raises(exc), *args))
        except Exception as e:
            print(exc.__name__, args, type(e).__name__, e)
print(sys.getsizeof(object=1.5), sys.getsizeof(1.5, default=3))
for args in ((), (1, 2, 3)):
    try:
        sys.getsizeof(*args)
    except TypeError as e:
        print(e)
