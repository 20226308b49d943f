# C.__bases__ = (...): the MRO of C and of its subclasses follows, errors as CPython words them
class A:
    def f(self): return "A"
class B:
    def f(self): return "B"
class C(A): pass
class D(C): pass
c = C(); d = D()
print(c.f(), d.f())
C.__bases__ = (B,)
print(C.__bases__, C.__mro__, D.__mro__)
print(c.f(), d.f(), A.__subclasses__(), B.__subclasses__())
for bad in [None, (), [B], (1,), (D,), (int,)]:
    try:
        if bad is None: del C.__bases__
        else: C.__bases__ = bad
    except TypeError as e: print(type(e).__name__, e)
try: int.__bases__ = (object,)
except TypeError as e: print(e)
class S: __slots__ = ('x',)
try: C.__bases__ = (S,)
except TypeError as e: print(e)
class M(type): pass
class P(metaclass=M): pass
class Q(metaclass=M): pass
class R(P): pass
R.__bases__ = (Q,); print(R.__mro__)
print(issubclass(C, B), isinstance(c, A))
