# sorted() and list.sort() over the kinds of keys that order without calls (ints, floats,
# strs, tuples of them) and the ones that need the full comparison, mixed in: the order,
# stability and errors must be CPython's.
import random

rng = random.Random(7)
nan = float("nan")


def show(label, keys, **kw):
    try:
        print(label, sorted(keys, **kw))
    except TypeError as e:
        print(label, "TypeError:", e)


show("ints", [rng.randrange(-50, 50) for _ in range(20)])
show("big ints", [3, 2**70, -2**65, 5, 2**53 + 1, 2**53, 1.0 * 2**53])
show("floats", [rng.uniform(-5, 5).__round__(2) for _ in range(12)] + [0.0, -0.0, 1e308, -1e308])
show("ints and floats", [1, 1.0, 0.5, True, False, 2, 1.5, -1, -1.0])
show("floats with nan", [3.0, nan, 1.0, 2.0])
show("strs", ["b", "a", "", "ab", "aa", "abc", "B", "é", "e", "z", "ä"])
show("wide strs", ["日本", "日", "本", "a", "\U0001F600", "\uffff", "ab\u0100", "ab\xff"])
show("str prefixes", ["abc", "ab", "abcd", "a", "abd"])
show("tuples", [(rng.randrange(3), rng.randrange(3), i) for i in range(12)])
show("tuples of strs", [("b", 1), ("a", 2), ("b", 0), ("a", 1), ("", 5)])
show("tuples of different lengths", [(1, 2), (1,), (1, 2, 3), (), (0, 9)])
show("tuples with floats", [(1.5, "x"), (1, "y"), (1.0, "a"), (0.5, "z")])
show("tuples with lists", [(1, [2, 1]), (1, [1, 5]), (0, [9])])
x = (nan, 2)
y = (nan, 1)
print("same nan object", sorted([x, y]) == [y, x], "distinct nans", sorted([(float("nan"), 2), (float("nan"), 1)]))
show("int and str", [1, "a"])
show("tuple int and str", [(1, 2), (1, "a")])
show("tuple none", [(1, None), (1, None), (0, 3)])
show("tuple none clash", [(1, None), (1, 2)])
show("reverse stable", [(1, "a"), (0, "b"), (1, "c"), (0, "d")], key=lambda p: p[0], reverse=True)
show("key tuples", list(range(15)), key=lambda v: (v % 4, -v))
show("key strs", ["Banana", "apple", "cherry", "Apple"], key=str.lower)


class Odd:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v % 5 < other.v % 5

    def __repr__(self):
        return f"Odd({self.v})"


show("objects", [Odd(v) for v in (7, 3, 10, 4, 12)])
show("tuples of objects", [(1, Odd(7)), (1, Odd(3)), (0, Odd(9))])
data = [rng.randrange(1000) for _ in range(2000)]
print("large", sorted(data) == sorted(data, key=lambda v: (v,)), sorted(data)[::250])
print("large tuples", sorted((v % 7, v) for v in data)[:5], sorted(((v % 7, v) for v in data), reverse=True)[:3])
