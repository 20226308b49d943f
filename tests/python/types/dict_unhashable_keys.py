# dict keys must be hashable; the error names the unhashable type.
for key in ([1], {1: 2}, {1}, bytearray(b"x")):
    try:
        {key: 1}
    except TypeError as e:
        print(e)
d = {(1, 2): "tuple", frozenset([1]): "frozenset", None: "none", 1.5: "float"}
print(d[(1, 2)], d[frozenset({1})], d[None], d[1.5])
try:
    d[[1, 2]]
except TypeError as e:
    print(e)
print([1] in d if False else "skip", (1, 2) in d)
