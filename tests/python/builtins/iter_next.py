# iter() with one argument and with a sentinel; next() with a default.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
data = [3, 2, 1, 0, 5]
pos = iter(data)
print(list(iter(lambda: next(pos), 0)))
try:
    next([1])
except TypeError as e:
    print(e)
try:
    iter(5, 0)
except TypeError as e:
    print(e)
print(type(iter("ab")).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__)
