# Fields of the builtin exceptions as 3.11 keeps them: ImportError's keywords (checked, reset by __init__, pickled), OSError's filename2 (pickled), notes on BaseException, __traceback__'s type, __context__ without cycles, f_lineno of a frame left by an exception, class and module __annotations__
import pickle, copy, types

e = ImportError("test", name="n", path="p")
print(e.args, e.msg, e.name, e.path)
e.__init__()
print(e.args, e.msg, e.name, e.path)
for kwargs in [{"invalid": 1}, {"name": "n", "other": 2}]:
    try:
        ImportError("t", **kwargs)
    except TypeError as x:
        print(x)
for orig in [ImportError("t", name="n"), ImportError("t", path="p"), ImportError("t")]:
    for c in (lambda o: pickle.loads(pickle.dumps(o)), copy.copy, copy.deepcopy):
        r = c(orig)
        print(r.args, r.msg, r.name, r.path)
for args in [("foo", "bar", "baz", None, "quux"), (2, "bar", "baz"), (2, "bar")]:
    e = OSError(*args)
    r = pickle.loads(pickle.dumps(e))
    print(type(r).__name__, r.args, r.filename, r.filename2)
print(AttributeError("x", name="n", obj=1).name, NameError("x", name="m").name)
b = BaseException(1)
b.add_note("note")
print(b.__notes__)
try:
    Exception().__traceback__ = 5
except TypeError as x:
    print(x)

class A(Exception): pass
class B(Exception): pass
try:
    try:
        raise A
    except A as a_:
        a = a_
        try:
            raise B
        except B as b_:
            b = b_
            raise a
except A as e:
    print(e is a, a.__context__ is b, b.__context__)

def in_except():
    try:
        1/0
    except:
        1/0
        pass
def in_finally():
    try:
        1/0
    finally:
        1/0
        pass
for f in (in_except, in_finally):
    try:
        f()
    except ZeroDivisionError as e:
        frame = e.__traceback__.tb_next.tb_frame
        print(f.__name__, frame.f_lineno - f.__code__.co_firstlineno)

class Base:
    attr: int
class Derived(Base): pass
print(Base.__annotations__, Derived.__annotations__)
m = types.ModuleType("m")
print(m.__annotations__, "__annotations__" in m.__dict__)
