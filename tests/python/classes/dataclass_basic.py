# dataclasses: generated __init__, __repr__, __eq__, ordering, frozen instances and field defaults.
from dataclasses import dataclass, field, asdict, replace, FrozenInstanceError


@dataclass(order=True)
class Item:
    price: float
    name: str = "unnamed"
    tags: list = field(default_factory=list, compare=False)


a = Item(2.5, "pen")
b = Item(1.0)
print(a, b, a == Item(2.5, "pen", ["x"]), sorted([a, b])[0].name)
print(asdict(a), replace(a, price=3))


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


p = Point(1)
try:
    p.x = 5
except FrozenInstanceError as e:
    print("frozen:", e)
print(hash(p) == hash(Point(1, 0)), p)
try:
    Item()
except TypeError as e:
    print(e)
