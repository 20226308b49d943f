# enumerate with start, zip stopping at the shortest, zip(strict=True) errors.
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
print(list(zip("abc", range(5))), list(zip()), list(zip([1, 2])), dict(zip("xy", (1, 2))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
print(list(zip(*[(1, "a"), (2, "b")])), type(enumerate([])).__name__, type(zip()).__name__)
e = enumerate("xy")
print(next(e), next(e), next(e, "done"))
