# A call site that made instances of a class keeps doing the right thing when the class,
# a base, or the __init__ function changes between calls.
class Base:
    pass

class P(Base):
    def __init__(self, x):
        self.x = x

def make(cls, v):
    return cls(v)

objs = [make(P, i) for i in range(3)]
print([o.x for o in objs])

def init2(self, x):
    self.x = x * 10
P.__init__ = init2
print(make(P, 4).x)

def base_new(cls, *args):
    print("Base.__new__", cls.__name__, args)
    return object.__new__(cls)
Base.__new__ = base_new
print(make(P, 5).x)

class R(Base):
    def __init__(self, x):
        self.x = x
print(make(R, 6).x)

def gen_init(self, x):
    yield x
P.__init__.__code__ = gen_init.__code__
try:
    make(P, 7)
except TypeError as e:
    print("TypeError:", e)

class Q:
    def __init__(self, x):
        self.x = x
for cls in (P, Q, Q, P):
    try:
        print(cls.__name__, make(cls, 8).x)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)

import abc
class A(abc.ABC):
    def __init__(self, x):
        self.x = x
print(make(A, 9).x)
A.run = abc.abstractmethod(lambda self: None)
A.__abstractmethods__ = frozenset({"run"})
try:
    make(A, 10)
except TypeError as e:
    print("TypeError:", e)
