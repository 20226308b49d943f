# callable(), id() stability and uniqueness among live objects, hash() of builtin types.
a, b = [], []
print(callable(len), callable(print), callable(1), callable(int), callable(lambda: 0), callable("s".upper))
print(id(a) == id(a), id(a) != id(b), isinstance(id(a), int))
print(hash(42), hash(-1), hash(0.0), hash(1.5), hash(True), hash(None) == hash(None), hash("") == hash(""))
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for x in ([], {}, set(), bytearray()):
    try:
        hash(x)
    except TypeError as e:
        print(e)
