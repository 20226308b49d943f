# filter with a predicate or None, map with several iterables, laziness of both.
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x % 2, range(7))))
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2, 9])), list(map(lambda *a: sum(a), [1], [2], [3])))
seen = []
m = map(lambda x: seen.append(x) or x * 2, [1, 2, 3])
print(seen, next(m), seen)
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print(e)
print(type(filter(None, [])).__name__, type(m).__name__)
