# sum() with start values, floats, mixed types and the errors for strings.
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([]))
print(sum([1, 2.5, True]), sum((1j, 2)), sum([10 ** 20, 1]), sum([], start=5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
try:
    sum(["a"])
except TypeError as e:
    print(e)
