class A: pass
class B: pass
class S:
    __slots__ = ("x",)
a = A()
for bad in [1, int]:
    try:
        a.__class__ = bad
    except TypeError as e:
        print(e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)
try:
    a.__class__ = S
except TypeError as e:
    print(e)
try:
    del a.__class__
except TypeError as e:
    print(e)
a.__class__ = B
print(type(a).__name__, isinstance(a, B))
