# weakref.ref(x) and weakref.proxy(x) without callback hand out the same reference while it lives; getweakrefcount/getweakrefs and __weakref__ list an object's references in CPython's order
import gc
import sys
import weakref


class C:
    def m(self):
        pass


def cb(ref):
    pass


o = C()
r1, r2 = weakref.ref(o), weakref.ref(o)
p1, p2 = weakref.proxy(o), weakref.proxy(o)
print(r1 is r2, p1 is p2, weakref.getweakrefcount(o), o.__weakref__ is r1)
r3, r4 = weakref.ref(o, cb), weakref.ref(o, cb)
p3 = weakref.proxy(o, cb)
print(r3 is r4, r3 is r1, p3 is p1, weakref.getweakrefcount(o))
print(weakref.getweakrefs(o) == [r1, p1, p3, r4, r3])
print([type(r).__name__ for r in weakref.getweakrefs(o)])


class MyRef(weakref.ref):
    pass


m1, m2 = MyRef(o), MyRef(o)
print(m1 is m2, m1 is r1, [r is m2 for r in weakref.getweakrefs(o)], weakref.ref(o, None) is r1)

# A dropped reference is gone from the listing after a collection.
del r1, r2, p1, p2, r3, r4, p3, m1, m2
gc.collect()
print(weakref.getweakrefcount(o), weakref.getweakrefs(o), o.__weakref__)
r = weakref.ref(o)
print(o.__weakref__ is r, weakref.ref(o) is r)

# Before there is a basic reference, a reference with a callback comes first.
o2 = C()
rc = weakref.ref(o2, cb)
rb = weakref.ref(o2)
print(weakref.getweakrefs(o2) == [rb, rc])

# Kinds of objects that take weak references, and the ones that do not.
def f():
    yield 1


for obj in (len, [].append, C, int, sys, f, f(), f.__code__, {1}, frozenset(), C().m, list[int]):
    a, b = weakref.ref(obj), weakref.ref(obj)
    print(type(obj).__name__, a is b, weakref.getweakrefcount(obj))
for obj in (1, "s", (), [], {}, None, object(), list.append, 1.5):
    print(type(obj).__name__, weakref.getweakrefcount(obj), weakref.getweakrefs(obj), end="; ")
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)

# Many references to one object, most dropped along the way.
o3 = C()
keep = []
for i in range(100):
    ref = weakref.ref(o3, cb)
    if i % 10 == 0:
        keep.append(ref)
    if i % 25 == 0:
        gc.collect()
del ref
gc.collect()
print(weakref.getweakrefcount(o3), weakref.getweakrefs(o3) == keep[::-1])
print(repr(type(weakref.ref(o3))), weakref.ReferenceType.__module__, weakref.ProxyType.__name__,
      weakref.CallableProxyType.__qualname__, type(weakref.proxy(len)).__name__)
