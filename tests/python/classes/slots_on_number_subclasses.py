# float and complex subclasses may have __slots__ (fixed-size instances, as in CPython); int, bytes and tuple ones may not
import copy
import gc
import pickle

for base in (float, complex, int, bytes, tuple, list, dict, object, frozenset):
    try:
        type("C", (base,), {"__slots__": ("a",)})
        print(base.__name__, "accepts __slots__")
    except TypeError as e:
        print(base.__name__, e)


class Price(float):
    __slots__ = ("currency", "note")


class Point(complex):
    __slots__ = ("label",)


class Tagged(Price):
    pass


p = Price(2.5)
p.currency = "EUR"
print(p, p.currency, p + 1, repr(p), hash(p) == hash(2.5), p == 2.5, p.is_integer())
for name in ("note", "other"):
    try:
        getattr(p, name)
    except AttributeError as e:
        print(e)
try:
    p.other = 1
except AttributeError as e:
    print(e)
del p.currency
try:
    p.currency
except AttributeError as e:
    print(e)
print(hasattr(p, "__dict__"))

z = Point(1, 2)
z.label = ["origin", "shifted"]
print(z, z.label, z.real, z.imag, z * 2, abs(Point(3, 4)))

g = Tagged(3.0)
g.currency = "USD"
g.extra = 6
print(g, g.currency, g.extra, g.__dict__)

# Slot values stay alive through collections while only the instance refers to them.
many = []
for i in range(2000):
    q = Price(i)
    q.currency = "c%d" % i
    q.note = [i] * 3
    many.append(q)
gc.collect()
print(sum(many), many[1234].currency, many[1999].note)

c = copy.copy(p)
p.currency = "JPY"
d = copy.deepcopy(p)
print(c, hasattr(c, "currency"), d, d.currency)
r = pickle.loads(pickle.dumps(z))
print(r, type(r).__name__, r.label)
