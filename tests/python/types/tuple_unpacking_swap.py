# Tuple packing/unpacking for swaps and multiple return values.
def minmax(xs):
    return min(xs), max(xs)


lo, hi = minmax([3, 9, 1])
print(lo, hi)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
(x, y), z = minmax([5, 6]), "z"
print(x, y, z)
t = tuple(range(3))
first, *_ = t
print(first, _)
