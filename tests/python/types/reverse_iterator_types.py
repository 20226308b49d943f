# reversed() of a list or a dict (and its views) gives CPython's reverse iterator types, with their length hints and pickling
import pickle

samples = [[1, 2, 3], {1: "a", 2: "b"}, {1: "a"}.keys(), {1: "a", 2: "b"}.values(),
           {1: "a", 2: "b"}.items(), range(3), (1, 2), "ab", b"ab"]
for obj in samples:
    it = reversed(obj)
    kind = type(it)
    print(type(obj).__name__, kind.__name__, repr(kind), kind.__qualname__, list(it))

it = reversed([1, 2, 3])
next(it)
print(it.__length_hint__(), it.__reduce__()[0].__name__, it.__reduce__()[1:])
it.__setstate__(0)
print(list(it), it.__length_hint__(), it.__reduce__()[1])
print(type(iter([])).__name__, type(reversed([])) is type(iter([])))
print(list(pickle.loads(pickle.dumps(reversed([4, 5, 6])))))

d = {1: 2, 3: 4, 5: 6}
for view in (d, d.keys(), d.values(), d.items()):
    it = reversed(view)
    next(it)
    print(it.__length_hint__(), it.__reduce__()[1], list(it), it.__length_hint__(), it.__reduce__()[1])
    print(list(pickle.loads(pickle.dumps(reversed(view)))))

# A list that shrinks under its reverse iterator stops it early.
items = [1, 2, 3, 4]
it = reversed(items)
print(next(it))
del items[1:]
print(list(it))
