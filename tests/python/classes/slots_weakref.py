# Which classes with __slots__ take weak references (a __weakref__ slot, here or in a base).
import weakref
class A:
    __slots__ = ()
class B(A):
    __slots__ = ("x",)
class C(B):
    pass
class D:
    __slots__ = ("__weakref__",)
class E(D):
    __slots__ = ()
class F(Exception):
    __slots__ = ()
class G(list):
    pass
for cls in (A, B, C, D, E, F, G):
    obj = cls()
    try:
        print(cls.__name__, weakref.ref(obj)() is obj)
    except TypeError as e:
        print(cls.__name__, e)
