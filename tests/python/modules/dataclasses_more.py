# dataclasses: nested asdict/astuple, default_factory, field options, inheritance,
# kw_only, InitVar, ClassVar, make_dataclass, unsafe_hash and errors for bad definitions.
import dataclasses
from dataclasses import dataclass, field, InitVar, KW_ONLY
from typing import ClassVar


@dataclass
class Inner:
    values: list = field(default_factory=list)
    label: str = field(default="in", repr=False)


@dataclass(order=True)
class Outer:
    rank: int
    inner: Inner = field(default_factory=Inner, compare=False)
    count: ClassVar[int] = 0


o = Outer(2, Inner([1, 2]))
print(o, dataclasses.asdict(o), dataclasses.astuple(o))
print(Outer(1) < Outer(2), Outer(3) >= Outer(3), Outer(1) == Outer(1, Inner([9])))
print(Outer(1).inner is not Outer(1).inner, [f.name for f in dataclasses.fields(Outer)])


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2
    _: KW_ONLY
    flag: bool = False


d = Derived(5, flag=True)
print(d, Derived.__init__.__name__, Derived.__match_args__)


@dataclass
class WithInit:
    total: int = 0
    start: InitVar[int] = 10

    def __post_init__(self, start):
        self.total += start


print(WithInit(), WithInit(1, 2), [f.name for f in dataclasses.fields(WithInit)])

P = dataclasses.make_dataclass("P", [("a", int), ("b", str, field(default="b"))], frozen=True)
p = P(1)
print(p, p == P(1, "b"), hash(p) == hash(P(1)), dataclasses.is_dataclass(P))


@dataclass(unsafe_hash=True)
class H:
    k: int


print(hash(H(3)) == hash(H(3)), len({H(1), H(1), H(2)}))


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), repr(NoEq(4)))
try:

    @dataclass
    class Bad:
        a: int = 1
        b: int

except TypeError as e:
    print("TypeError", e)
try:

    @dataclass
    class Mutable:
        items: list = []

except ValueError as e:
    print("ValueError", e)
try:
    dataclasses.fields(5)
except TypeError as e:
    print("TypeError", e)
print(dataclasses.replace(d, z=7), Derived(1, 2, flag=False) == Derived(1, 2))
