# Virtual subclasses via ABC.register and the collections.abc one-trick-pony checks.
from abc import ABC
from collections.abc import Iterable, Sized, Hashable, Callable, Mapping, Sequence


class MyABC(ABC):
    pass


class Unrelated:
    def __len__(self):
        return 0


MyABC.register(int)
print(isinstance(3, MyABC), issubclass(bool, MyABC), issubclass(str, MyABC))
print(isinstance(Unrelated(), Sized), isinstance(Unrelated(), Iterable))
print(isinstance([], Hashable), isinstance((), Hashable), isinstance(len, Callable))
print(isinstance({}, Mapping), isinstance([], Sequence), isinstance("s", Sequence), isinstance({}, Sequence))
