# A descriptor with __set__ and no __get__ yields to the instance dict; hooks set on a
# base class after its subclasses exist reach them; special methods found as arbitrary
# descriptors are bound through __get__; a bound method of any callable has a repr.
import sys


class Descr:
    def __init__(self, name):
        self.name = name

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value


descr = Descr("a")


class X:
    a = descr


x = X()
print(x.a is descr)
x.a = 42
print(x.a)


class A:
    pass


class B(A):
    pass


b = B()
b.foo = 42


def __getattribute__(self, name):
    if name == "foo":
        return 24
    return object.__getattribute__(self, name)


A.__getattribute__ = __getattribute__
print(b.foo)
del A.__getattribute__
print(b.foo)
A.__getattr__ = lambda self, name: "missing " + name
print(b.bar)


class SpecialDescr:
    def __init__(self, impl):
        self.impl = impl

    def __get__(self, obj, owner):
        print("bound", self.impl.__name__)
        return self.impl.__get__(obj, owner)


def hello(self):
    return b"hello"


def size(self):
    return 0


class S:
    __bytes__ = SpecialDescr(hello)
    __sizeof__ = SpecialDescr(size)


print(bytes(S()), sys.getsizeof(S()) > 0)


class MyCallable:
    def __call__(self, arg):
        pass


class Named:
    def __call__(self, arg):
        pass

    __name__ = "named"


class Holder:
    pass


h = Holder()
print(repr(MyCallable().__get__ if hasattr(MyCallable(), "__get__") else None))
import types

print(repr(types.MethodType(MyCallable(), h)).split(" of ")[0])
print(repr(types.MethodType(Named(), h)).split(" of ")[0])


def booh(self):
    raise AttributeError("booh")


class E:
    __eq__ = property(booh)


e = E()
print(e == e, E() == E())


class I:
    __init__ = property(booh)


try:
    I()
except AttributeError as e:
    print("AttributeError:", e)
