# CPython's test_descr corners: reflected operators of subclasses that override them, class-method __new__, object.__setattr__ on classes, module __class__ assignment, __getattr__ deleted by __getattribute__, type's __doc__/__qualname__ guards, special methods looked up once, descriptor __qualname__
import copyreg
import gc
import types


class C:
    def __floordiv__(self, other): return "C.__floordiv__"
    def __rfloordiv__(self, other): return "C.__rfloordiv__"
class D(C):
    def __floordiv__(self, other): return "D.__floordiv__"
    def __rfloordiv__(self, other): return "D.__rfloordiv__"
class E(C):
    pass
class B(int):
    def __rfloordiv__(self, other): return "B.__rfloordiv__"
class Plain(int):
    pass
print(C() // D(), C() // E(), E() // C(), 1 // E(), 1 // B(3), type(1 + Plain(2)).__name__)


class N:
    @classmethod
    def __new__(*args):
        return args
class S:
    @staticmethod
    def __new__(*args):
        return args
print(N(1, 2) == (N, N, 1, 2), S(1, 2) == (S, 1, 2))

for target, what in ((str, "__setattr__"), (str, "__delattr__"), (C, "__setattr__")):
    try:
        getattr(object, what)(target, "lower", *([42] if what == "__setattr__" else []))
    except TypeError as e:
        print(e)
try:
    type.__getattribute__(list, type)
except TypeError as e:
    print(e)


class SubModule(types.ModuleType):
    a = 1


m = types.ModuleType("m")
m.__class__ = SubModule
print(type(m).__name__, m.a, "__class__" in vars(m))
m.__class__ = types.ModuleType
print(type(m).__name__, hasattr(m, "a"))


class Evil:
    def __getattr__(self, name):
        return "from __getattr__"
    def __getattribute__(self, name):
        try:
            del Evil.__getattr__
        except AttributeError:
            pass
        gc.collect()
        raise AttributeError(name)


print(getattr(Evil(), "x"))
try:
    Evil().y
except AttributeError as e:
    print("AttributeError", e)


class X:
    "doc"
for attempt in (lambda: type.__dict__["__doc__"].__set__(list, "x"),
                lambda: type.__dict__["__doc__"].__delete__(X),
                lambda: delattr(X, "__qualname__"),
                lambda: delattr(X, "__name__"),
                lambda: type.__dict__["__qualname__"].__set__(str, "Oink")):
    try:
        attempt()
    except TypeError as e:
        print(e)
type.__dict__["__doc__"].__set__(X, "new doc")
print(X.__doc__)

record = []


class Spy:
    def __init__(self, impl):
        self.impl = impl
    def __get__(self, obj, owner):
        record.append(1)
        return self.impl.__get__(obj, owner)


class Num:
    __complex__ = Spy(lambda self: 2j)
    __index__ = Spy(lambda self: 5)


for f in (complex, hex, oct, bin):
    record.clear()
    print(f.__name__, f(Num()), len(record))


class Picky:
    def __getstate__(self):
        return {}
    def __getattr__(self, attr):
        if attr in ("__getnewargs__", "__getnewargs_ex__"):
            raise AssertionError(attr)
        return None


for proto in (2, 4):
    reduced = Picky().__reduce_ex__(proto)
    print(reduced[0] is copyreg.__newobj__, reduced[1][0] is Picky, reduced[2])
print(complex.real.__qualname__, type(complex.real).__name__, float.real.__qualname__,
      int.__add__.__qualname__, type.__dict__["__dict__"].__qualname__)


class Base:
    pass
class Meta(type, Base):
    pass
class K(metaclass=Meta):
    pass
dict_descr = Base.__dict__["__dict__"]
print(type(dict_descr.__get__(K)).__name__)
try:
    dict_descr.__set__(K, {})
except AttributeError as e:
    print(e)


class M2(types.ModuleType):
    __dict__ = property(lambda self: "Not a dict!")


try:
    dir(M2("m2"))
except TypeError as e:
    print(e)
