# A class's own __dict__ holds the '__dict__' and '__weakref__' getsets its instances use,
# and builtin types hold getsets for the attributes they serve.
import types


class C:
    pass


class D(C):
    pass


class S:
    __slots__ = ("x",)


class SD(S):
    pass


class E(Exception):
    pass


class L(list):
    pass


class FS(frozenset):
    pass


class Meta(type):
    pass


def own(cls):
    return {k: v for k, v in vars(cls).items() if k not in ("__module__", "__doc__", "__qualname__")}


for cls in (C, D, S, SD, E, L, FS, Meta):
    print(cls.__name__, own(cls))

c = C()
c.a = 1
d = vars(C)["__dict__"]
print(type(d).__name__, d.__name__, d.__objclass__ is C)
print(d.__get__(c), vars(C)["__weakref__"].__get__(c))
print(sorted(dir(c)))
print(sorted(dir(SD())))
c.__dict__ = {"z": 3}
print(c.z)
try:
    del c.__dict__
except TypeError as e:
    print("TypeError", e)
try:
    c.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
try:
    d.__get__(1)
except TypeError as e:
    print("TypeError", e)
print(vars(S)["x"], type(vars(S)["x"]).__name__)

# type's own getsets.
for n in ("__name__", "__qualname__", "__mro__", "__bases__", "__base__", "__dict__", "__module__"):
    descr = type.__dict__[n]
    print(n, descr, type(descr).__name__)
print(type.__dict__["__name__"].__get__(D), type.__dict__["__mro__"].__get__(D))
print(type.__dict__["__module__"].__get__(C), type.__module__, type(len).__module__)
type.__dict__["__qualname__"].__set__(D, "Dee")
print(D.__qualname__, D.__name__)
try:
    type.__dict__["__mro__"].__set__(D, ())
except AttributeError as e:
    print("AttributeError", e)
try:
    type.__dict__["__name__"].__get__(1)
except TypeError as e:
    print("TypeError", e)

# Functions.
def f(a, b=1):
    return a


F = types.FunctionType
for n in ("__name__", "__qualname__", "__defaults__", "__code__", "__globals__", "__closure__",
          "__dict__", "__annotations__", "__kwdefaults__", "__module__", "__builtins__"):
    descr = F.__dict__[n]
    print(n, type(descr).__name__, descr.__get__(f) is getattr(f, n))
F.__dict__["__defaults__"].__set__(f, (5,))
print(f(1), f.__defaults__)
try:
    F.__dict__["__globals__"].__set__(f, {})
except AttributeError as e:
    print("AttributeError", e)
print(F.__module__, F.__dict__["__name__"])

# Builtin functions, exceptions, generators, properties.
print(type(len).__dict__["__name__"].__get__(len), type(len).__dict__["__self__"].__get__(len))
print(BaseException.__dict__["args"], BaseException.__dict__["__dict__"])
print(BaseException.__dict__["__traceback__"], StopIteration.__dict__["value"])
e = KeyError(1)
BaseException.__dict__["args"].__set__(e, [2, 3])
print(e.args, BaseException.__dict__["__cause__"].__get__(e))
s = SyntaxError("bad", ("f.py", 3, 4, "x y", 3, 5))
print(s.lineno, s.filename, s.print_file_and_line)
s.lineno = 7
print(s.lineno, SyntaxError.__dict__["lineno"].__get__(s))
print(type(e).__mro__[-2].__dict__["__setstate__"].__name__)
e.__setstate__({"extra": 1})
print(e.extra)
g = (x for x in ())
print(type(g).__dict__["gi_code"].__get__(g).co_name, type(g).__dict__["gi_running"].__get__(g))
p = property(len)
print(property.__dict__["fget"].__get__(p) is len, property.__dict__["fset"])
print(staticmethod.__dict__["__wrapped__"].__get__(staticmethod(len)) is len)
ns = types.SimpleNamespace(a=1)
print(vars(ns), "__dict__" in dir(ns))
