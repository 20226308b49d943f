# type.__subclasses__, abstract classes, __subclasshook__ and __call__ of builtin callables:
# what abc and collections.abc lean on.
import abc
from collections.abc import Callable, Sequence, Hashable


class Base:
    pass


class A(Base):
    pass


class B(Base):
    pass


class C(A, B):
    pass


print([k.__name__ for k in Base.__subclasses__()])
print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in C.__subclasses__()])
Dyn = type("Dyn", (Base,), {})
print([k.__name__ for k in Base.__subclasses__()])


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Square(Shape):
    def area(self):
        return 4


for cls in (Shape, Square):
    try:
        print(cls().area())
    except TypeError as e:
        print("TypeError:", e)


class Two(abc.ABC):
    @abc.abstractmethod
    def b(self): ...
    @abc.abstractmethod
    def a(self): ...


try:
    Two()
except TypeError as e:
    print("TypeError:", e)
print(sorted(Two.__abstractmethods__), Square.__abstractmethods__)

print(object.__subclasshook__(int), Base.__subclasshook__(A))
print(isinstance(len, Callable), isinstance([].append, Callable), isinstance(str.upper, Callable))
print(len.__call__("abc"), [].append.__call__(1), str.upper.__call__("x"))
print(isinstance([], Sequence), issubclass(tuple, Sequence), isinstance({}, Sequence))
print(isinstance((), Hashable), isinstance([], Hashable))


class MySeq(Sequence):
    def __getitem__(self, i):
        return i

    def __len__(self):
        return 3


print(issubclass(MySeq, Sequence), list(reversed(MySeq())), MySeq().index(2))
print(MySeq in Sequence.__subclasses__())
