# tuples: packing, single-element syntax, immutability, count/index, comparison and concatenation.
t = 1, 2, 3
single = (5,)
print(t, single, (), type(()).__name__, len(single), tuple("ab"), tuple(range(3)))
print(t.count(2), t.index(3), t + (4,), t * 2, t[::-1], (1, 2) < (1, 2, 0), (1, "a") == (1, "a"))
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t.index(9)
except ValueError as e:
    print(e)
nested = ([1], 2)
nested[0].append(2)
print(nested, hash((1, 2)) == hash((1, 2)))
try:
    hash(nested)
except TypeError as e:
    print(e)
print(repr((1,)), repr(((),)), str(("a", 'b"')))
