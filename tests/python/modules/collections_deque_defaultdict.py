# collections.deque (maxlen, both ends, rotation) and defaultdict, with the Python-level
# Counter, OrderedDict and namedtuple built on them.
import collections as c

d = c.deque([1, 2, 3], maxlen=3)
d.append(4)
print(d, d.maxlen, len(d), d[0], d[-1])
d.appendleft(0)
print(d, d.popleft(), d.pop(), d)
e = c.deque("abcde")
e.rotate(2)
print(e, list(reversed(e)), "c" in e, e.index("c"), e.count("a"))
e.rotate(-3)
e.extendleft("xy")
print(e, e == c.deque(e), c.deque() == c.deque([]))
try:
    c.deque().pop()
except IndexError as exc:
    print(exc)
dd = c.defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd.default_factory, sorted(dd), isinstance(dd, dict))
try:
    c.defaultdict()["missing"]
except KeyError as exc:
    print("KeyError", exc)
print(c.Counter("aabbbc").most_common(2), c.OrderedDict(a=1, b=2), c.namedtuple("P", "x y")(1, 2))
o = c.OrderedDict(a=1, b=2, c=3)
o.move_to_end("a")
print(list(o), o.popitem(last=False))
