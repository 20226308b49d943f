# frozenset is hashable and immutable; operations between set and frozenset keep the left operand's type.
f = frozenset([3, 1, 2])
s = {2, 3, 4}
print(f, type(f | s).__name__, type(s | f).__name__, f & s, s - f)
print(hash(f) == hash(frozenset({1, 2, 3})), {f: "key"}[frozenset([1, 2, 3])])
print(frozenset() == set(), frozenset([1]) in {frozenset([1])}, {1} in {frozenset([1])})
try:
    f.add(4)
except AttributeError as e:
    print(e)
print(repr(frozenset()), repr(set()), len(f), sorted(f.union("a")[0] if False else f))
