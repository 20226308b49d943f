# types.SimpleNamespace built from keywords, compared, printed and pickled; what dir()
# lists for instances of builtin types; generator states from inspect; bytearray repr.
import copy
import inspect
import pickle
import types

ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x"), ns == types.SimpleNamespace(a=1))
ns.c = [1]
del ns.a
print(ns, vars(ns))
ns.me = ns
print(ns)


class Point(types.SimpleNamespace):
    pass


p = Point(x=1, y=2)
print(p, p == types.SimpleNamespace(x=1, y=2), isinstance(p, types.SimpleNamespace))
print(pickle.loads(pickle.dumps(types.SimpleNamespace(q=[1, 2]))), copy.deepcopy(p))
for bad in (lambda: types.SimpleNamespace(1), lambda: hash(types.SimpleNamespace())):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(types.SimpleNamespace.__module__, types.SimpleNamespace.__name__)

for obj in (1, 1.5, "s", [], {}, object(), ValueError()):
    print(type(obj).__name__, "__module__" in dir(obj), dir(obj) == sorted(dir(obj)))
print(int.__module__, ValueError.__module__, hasattr(1, "__module__"))
print(divmod(7, 2), (7).__rdivmod__(2), (2.5).__getnewargs__(), float.__getformat__("double")[:6])


def gen():
    yield 1
    yield 2


g = gen()
print(inspect.getgeneratorstate(g), g.gi_suspended)
next(g)
print(inspect.getgeneratorstate(g), g.gi_suspended)
list(g)
print(inspect.getgeneratorstate(g), g.gi_suspended)


async def coro():
    pass


c = coro()
print(inspect.getcoroutinestate(c), c.cr_suspended)
c.close()
print(inspect.getcoroutinestate(c))

print(repr(bytearray(b"'")), repr(bytearray(b"'\"")), repr(b"'"), repr(bytearray(b"a'b")))

import math

print(len.__self__, math.floor.__self__.__name__, [].append.__self__, dict.fromkeys.__self__)
