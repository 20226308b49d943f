# sorted() returns a new list from any iterable; key and reverse are keyword-only.
d = {"b": 2, "a": 3, "c": 1}
print(sorted(d), sorted(d.values()), sorted(d, key=d.get), sorted("hello", reverse=True))
print(sorted((3, 1, 2)), sorted(range(5), key=lambda x: -x), sorted([1, 0, -1], key=abs))
try:
    sorted([3, 1], lambda x: x)
except TypeError as e:
    print(e)
try:
    sorted([None, 1])
except TypeError as e:
    print(e)
