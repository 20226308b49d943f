# classmethod receives the class (also when called on an instance or a subclass); staticmethod receives nothing.
class Shape:
    sides = 0

    @classmethod
    def create(cls, *a):
        return f"{cls.__name__} with {cls.sides} sides {a}"

    @staticmethod
    def helper(x):
        return x * 2


class Square(Shape):
    sides = 4


print(Shape.create(), Square.create(1), Square().create())
print(Shape.helper(3), Square().helper(4))
print(type(Shape.__dict__["create"]).__name__, type(Shape.__dict__["helper"]).__name__)
print(Shape.__dict__["helper"].__func__(5), callable(Shape.__dict__["helper"]))
cm = classmethod(lambda cls: cls.__name__)
print(cm.__get__(None, Square)())
