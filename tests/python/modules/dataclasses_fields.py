# dataclasses (which imports inspect and ast): fields, defaults, ordering, frozen
# instances, asdict/astuple/replace and __post_init__.
import dataclasses
from dataclasses import dataclass, field


@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class Frozen:
    name: str
    size: float = 1.0

    def __post_init__(self):
        if self.size < 0:
            raise ValueError("negative size")


p = Point(1, 2)
print(p, p == Point(1, 2, ["x"]), p < Point(1, 3), sorted([Point(3), Point(1, 5), Point(1)]))
print([f.name for f in dataclasses.fields(Point)], dataclasses.asdict(p), dataclasses.astuple(p))
print(dataclasses.replace(p, y=9), dataclasses.is_dataclass(p), Point.__match_args__)
f = Frozen("a")
try:
    f.name = "b"
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
try:
    Frozen("b", -1)
except ValueError as e:
    print("ValueError", e)
print(hash(f) == hash(Frozen("a")), repr(f))
try:
    Point()
except TypeError as e:
    print("TypeError", e)
