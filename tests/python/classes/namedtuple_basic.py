# collections.namedtuple: field access, _replace, _asdict, defaults and tuple behaviour.
from collections import namedtuple
from typing import NamedTuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._replace(x=9), p._asdict(), Point._fields)
x, y = p
print(x + y, p == (1, 2), len(p))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 5])
print(P3(1), P3._field_defaults)


class Emp(NamedTuple):
    name: str
    level: int = 1


print(Emp("ann"), Emp("bob", 3).level, Emp._fields)
try:
    Point(1)
except TypeError as e:
    print(e)
