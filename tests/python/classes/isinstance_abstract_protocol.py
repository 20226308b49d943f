# isinstance/issubclass beyond classes: objects with a __bases__ tuple count as classes,
# a non-class second argument's __subclasscheck__ runs before the first is checked,
# AttributeError from __bases__ means "not a class", other errors pass through
import typing


class AbstractClass:
    def __init__(self, bases):
        self.bases = bases

    @property
    def __bases__(self):
        return self.bases


class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass

    @property
    def __class__(self):
        return self.klass


Root = AbstractClass(())
Child = AbstractClass((Root,))
Other = AbstractClass((AbstractClass(()), AbstractClass((Root,))))
print(issubclass(Child, Root), issubclass(Root, Child), issubclass(Other, Root))
print(isinstance(AbstractInstance(Child), Root), isinstance(AbstractInstance(Root), Child))
print(issubclass(Child, (int, Root)), isinstance(AbstractInstance(Child), (str, Root)))


class NotAClass:
    @property
    def __bases__(self):
        raise AttributeError


class Broken:
    @property
    def __bases__(self):
        raise RuntimeError("bases broke")


for call in [
    lambda: issubclass(NotAClass(), Root),
    lambda: issubclass(Child, NotAClass()),
    lambda: isinstance(1, NotAClass()),
    lambda: issubclass(1, int),
    lambda: issubclass(int, 1),
    lambda: isinstance(1, "x"),
    lambda: issubclass(Broken(), Root),
]:
    try:
        print(call())
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)


class Checker:
    def __subclasscheck__(self, sub):
        return sub == "anything"

    def __instancecheck__(self, obj):
        return obj == 42


print(issubclass("anything", Checker()), isinstance(42, Checker()), isinstance(41, Checker()))
print(issubclass(typing.Tuple, typing.Tuple), issubclass(typing.List, typing.Sequence))
print(issubclass(typing.Callable, typing.Callable), isinstance((), typing.Tuple))
print(issubclass(bool, int | str), isinstance(None, int | None), isinstance("", (int, (bytes, str))))
print(hasattr(complex, "__complex__"), complex(1, 2).__complex__(), type(type("C", (complex,), {})(1).__complex__()))
