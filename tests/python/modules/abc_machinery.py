# abc.ABCMeta's machinery (the _abc module): abstract method sets, register() with its
# cycle check and cache token, the caches of isinstance/issubclass answers and their
# reset, __subclasshook__'s three answers, and _dump_registry
import abc
import io
from collections.abc import Iterable, Sized


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...

    @property
    @abc.abstractmethod
    def size(self): ...


class Half(Base):
    def run(self):
        return 1


class Whole(Half):
    size = 3


print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__), Whole.__abstractmethods__)
for cls in (Base, Half, Whole):
    try:
        print(cls.__name__, type(cls()).__name__)
    except TypeError as e:
        print(cls.__name__, "TypeError", e)


class Virtual:
    pass


token = abc.get_cache_token()
print(issubclass(Virtual, Base), isinstance(Virtual(), Base))
print(Base.register(Virtual) is Virtual, abc.get_cache_token() == token + 1)
print(issubclass(Virtual, Base), isinstance(Virtual(), Base), issubclass(Virtual, Half))
print(Base.register(Whole) is Whole, abc.get_cache_token() == token + 1)
try:
    Whole.register(Base)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    Base.register(1)
except TypeError as e:
    print("TypeError", e)


class Hooked(abc.ABC):
    answer = NotImplemented

    @classmethod
    def __subclasshook__(cls, other):
        return cls.answer


class Other:
    pass


print(issubclass(Other, Hooked))
Hooked.answer = True
print(issubclass(Other, Hooked))  # the earlier "no" is cached
Hooked._abc_caches_clear()
print(issubclass(Other, Hooked))
Hooked._abc_caches_clear()
Hooked.answer = 1
try:
    issubclass(Other, Hooked)
except AssertionError as e:
    print("AssertionError", e)

print(issubclass(list, Iterable), issubclass(int, Sized), isinstance([], Sized))
registry, cache, negative, version = abc._get_dump(Base)
print(sorted(c().__class__.__name__ for c in registry), type(version).__name__)
out = io.StringIO()
Base._dump_registry(file=out)
print(out.getvalue().splitlines()[0])
Base._abc_registry_clear()
print(issubclass(Virtual, Base))
print(type(Base._abc_impl).__name__)
try:
    abc._abc_instancecheck(Other, 1)
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
