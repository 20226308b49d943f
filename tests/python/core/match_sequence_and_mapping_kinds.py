# What `match` takes for a sequence or a mapping: the builtin containers, deque, array,
# memoryview, the collections.abc classes and those registered with them, the classes
# below them (the first such class of the MRO decides), never str, bytes or sets
import array
import collections
import collections.abc
import types


class MySeq(collections.abc.Sequence):
    def __getitem__(self, i):
        return [1, 2][i]

    def __len__(self):
        return 2


class Registered:
    def __getitem__(self, i):
        return [1, 2][i]

    def __len__(self):
        return 2


collections.abc.Sequence.register(Registered)


class BelowRegistered(Registered):
    pass


class MyMap(collections.abc.Mapping):
    def __getitem__(self, k):
        return 1

    def __iter__(self):
        return iter(["a"])

    def __len__(self):
        return 1


class Plain:
    pass


class MapFirst(Plain, collections.UserDict, collections.abc.Sequence):
    pass


class SeqFirst(collections.UserList, dict):
    pass


def kind(v):
    match v:
        case {"a": z}:
            return f"map {z}"
        case [x, y]:
            return f"seq {x} {y}"
        case {}:
            return "map"
        case [*_]:
            return "seq"
        case _:
            return "neither"


values = [
    MySeq(), Registered(), BelowRegistered(), MyMap(), collections.deque([1, 2]),
    array.array("i", [1, 2]), memoryview(b"ab"), collections.UserList([1, 2]),
    collections.OrderedDict(a=1), collections.defaultdict(int, a=2), collections.Counter(a=3),
    collections.ChainMap({"a": 4}), collections.UserDict(a=5), types.MappingProxyType({"a": 6}),
    range(2), (1, 2), [1, 2], {"a": 7}, "ab", b"ab", bytearray(b"ab"), {1, 2},
    frozenset(), {}.keys(), Plain(), MapFirst(), SeqFirst(),
]
for v in values:
    print(type(v).__name__, kind(v))

# The same kinds as CPython's type flags, which collections.abc reads.
print([c.__flags__ & (1 << 5 | 1 << 6) for c in (list, dict, str, MySeq, MyMap, Registered)])
try:
    class Both(collections.abc.Collection):
        __abc_tpflags__ = collections.abc.Sequence.__flags__ | collections.abc.Mapping.__flags__
except TypeError as e:
    print("TypeError", e)
