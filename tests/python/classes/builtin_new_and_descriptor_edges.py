# Edge cases that crashed the interpreter, found by CPython's own tests: X.__new__ with no or a wrong first argument, a classmethod subclass (abc.abstractclassmethod) reached through super(), and comparing containers that hold themselves
import abc

for tp in (object, int, str, list, dict, tuple, float, type, set, bytes):
    try:
        tp.__new__()
    except TypeError as e:
        print(e)
for tp, arg in [(int, 5), (int, str), (list, 5), (object, int)]:
    try:
        tp.__new__(arg)
    except TypeError as e:
        print(e)
class I(int):
    pass
print(int.__new__(I, 5), type(int.__new__(I, 5)).__name__)

class Base(metaclass=abc.ABCMeta):
    @abc.abstractclassmethod
    def name(cls):
        return cls.__name__
class Derived(Base):
    @classmethod
    def name(cls):
        return "derived of " + super().name()
print(Derived.name(), Derived().name())
try:
    Base()
except TypeError as e:
    print(e)

d, e = {}, {}
d["self"], e["self"] = d, e
l, m = [], []
l.append(l)
m.append(m)
for a, b in [(d, e), (l, m)]:
    try:
        print(a == b)
    except RecursionError as exc:
        print("RecursionError:", exc)
print(d == d, l == l)
