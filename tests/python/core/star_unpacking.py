# Extended unpacking: starred targets in assignment and for loops; starred expressions in displays and calls.
first, *middle, last = range(6)
print(first, middle, last)
*head, tail = "abc"
print(head, tail)
a, *b = [1]
print(a, b)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
print([*range(3), *"ab"], (*[1, 2],), {*(1, 1, 2)})
print({**{"a": 1}, "b": 2, **{"a": 3}})


def f(*args, **kw):
    return args, sorted(kw.items())


print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}))
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    p, q, *r = [1]
except ValueError as e:
    print(e)
