# enum.Enum members: identity, value lookup, iteration order, auto() and Flag combinations.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED.name, Color.RED.value)
print(Perm.R | Perm.W, (Perm.R | Perm.X).value, Perm.W in (Perm.R | Perm.W), Perm(0))
try:
    Color(9)
except ValueError as e:
    print(e)


class Status(enum.IntEnum):
    OK = 200
    MISSING = 404


print(Status.OK == 200, Status(404).name, sorted([Status.MISSING, Status.OK]), int(Status.OK))
