# Which builtin objects take weak references, as in CPython: aliases such as list[int]
# (and collections.abc's Callable aliases, a GenericAlias subclass) and memoryviews do;
# unions, iterators, ranges, slices, properties and classmethods do not
import collections.abc
import weakref

for o in [list[int], collections.abc.Callable[[int, str], float], int | str,
          memoryview(b"a"), iter([]), range(3), slice(1), property(), classmethod(len)]:
    try:
        r = weakref.ref(o)
        print(type(o).__name__, "yes", r() is o)
    except TypeError as e:
        print(type(o).__name__, "TypeError", e)
