# A slot name that is also a class attribute is an error; slots with __weakref__ allow weak references.
import weakref

try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(e)


class NoWeak:
    __slots__ = ()


class Weak:
    __slots__ = ("__weakref__",)


try:
    weakref.ref(NoWeak())
except TypeError as e:
    print(e)
w = Weak()
print(weakref.ref(w)() is w)
