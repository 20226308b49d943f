# range: lazy sequence with len, indexing, slicing, containment, negative steps and equality.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 8 in r, 9 in r, r.index(11), r.count(5))
print(range(5) == range(0, 5, 1), range(0) == range(3, 3), range(0, 3, 2) == range(0, 4, 2))
print(list(range(10, 0, -4)), range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20), list(range(-3)))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    r.index(4)
except ValueError as e:
    print(e)
print(r.start, r.stop, r.step, bool(range(0)), reversed(range(3)).__class__.__name__)
