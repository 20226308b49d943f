# Collecting an iterable (list(), tuple(), sorted(), extend, *args, dict()) goes through a
# subclass's own __iter__, and asks a class's instance for len()/__length_hint__ first,
# as CPython does; unittest.mock records those calls.
from unittest import mock


class R(list):
    def __iter__(self):
        return iter([9])


class T(tuple):
    def __iter__(self):
        return iter([8])


class D(dict):
    def __iter__(self):
        return iter(["z"])

    def keys(self):
        return ["z"]

    def __getitem__(self, k):
        return 5


class Plain(list):
    pass


def f(*a, **k):
    return a, k


print(list(R([1])), tuple(R([1])), sorted(R([1])), [*R([1])], list(T((1,))), tuple(T((1,))))
print(list(Plain([1, 2])), tuple(Plain([3])), set(R([1])), f(*R([1])))
print(dict(D(a=1)), {**D(a=1)}, f(**D(a=1)))
x = []
x.extend(R([1]))
x += T((2,))
print(x)
d = {}
d.update(D(a=1))
print(d)


class L:
    def __init__(self):
        self.calls = []

    def __iter__(self):
        self.calls.append("iter")
        return iter([1, 2])

    def __len__(self):
        self.calls.append("len")
        return 2


o = L()
list(o)
tuple(o)
sorted(o)
[*o]
[].extend(o)
f(*o)
print(o.calls)
# Consumers that only iterate leave len() alone.
o = L()
"".join(map(str, o))
min(o)
{*o}
a, b = o
import collections
collections.deque(o)
print(o.calls)


class BadLen:
    def __iter__(self):
        return iter([1])

    def __len__(self):
        raise ValueError("bad len")


class TypeErrLen:
    def __iter__(self):
        return iter([1])

    def __len__(self):
        raise TypeError("ignored")


class Hint:
    def __init__(self, h):
        self.h = h

    def __iter__(self):
        return iter([1])

    def __length_hint__(self):
        return self.h


for obj in (BadLen(), TypeErrLen(), Hint("x"), Hint(-1), Hint(NotImplemented), Hint(3)):
    try:
        print(list(obj))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

m = mock.MagicMock()
m.__iter__.return_value = iter([1])
print(list(m), m.mock_calls)
