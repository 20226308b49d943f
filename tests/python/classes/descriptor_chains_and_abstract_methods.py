# classmethod wrapping another descriptor, abstract properties and class methods, an
# AttributeError from a property falling back to __getattr__, classmethod/staticmethod
# repr, and the __doc__ every class gets.
import abc


class Registry:
    @classmethod
    @property
    def label(cls):
        return "label of " + cls.__name__


class SubRegistry(Registry):
    pass


print(Registry.label, SubRegistry.label, SubRegistry().label)


class Shape(abc.ABC):
    @property
    @abc.abstractmethod
    def area(self): ...

    @classmethod
    @abc.abstractmethod
    def unit(cls): ...

    @staticmethod
    @abc.abstractmethod
    def kind(): ...


print(sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Square(Shape):
    area = 4

    @classmethod
    def unit(cls):
        return "m2"

    @staticmethod
    def kind():
        return "square"


print(Square().area, Square.unit(), Square.kind(), Square.__abstractmethods__)
print(Shape.__dict__["area"].__isabstractmethod__, property(lambda s: 1).__isabstractmethod__)
print(Shape.__dict__["unit"].__isabstractmethod__, classmethod(len).__isabstractmethod__)


class Lazy:
    def __getattr__(self, name):
        return "fallback for " + name

    @property
    def broken(self):
        raise AttributeError("getter failed")

    @property
    def fails_hard(self):
        raise KeyError("not an AttributeError")


print(Lazy().broken, Lazy().other, getattr(Lazy(), "broken", "unused"))
try:
    Lazy().fails_hard
except KeyError as e:
    print("KeyError:", e)


def plain():
    pass


print(repr(classmethod(plain)).split(" at ")[0], repr(staticmethod(plain)).split(" at ")[0])
print(repr(staticmethod(len)), repr(classmethod(print)))


class NoDoc:
    pass


class WithDoc:
    "documented"


class Child(WithDoc):
    pass


print("__doc__" in NoDoc.__dict__, NoDoc.__doc__, WithDoc.__doc__, Child.__doc__)
print([k for k in vars(NoDoc) if k in ("__module__", "__doc__")])
