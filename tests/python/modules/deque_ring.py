# collections.deque as CPython's: O(1) at both ends, iterators that notice mutation,
# maxlen, rotation, indexing, search with start/stop, recursive repr, comparisons,
# copying and pickling, and subclasses with __slots__ or a __dict__.
import copy
import pickle
from collections import deque

d = deque(range(5))
d.append(5)
d.appendleft(-1)
print(d, len(d), d[0], d[-1], d[3])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-2, -3])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 5 + 1)
print(d)
d.reverse()
print(d, d.count(1), d.index(3), d.index(7, 0, 3))
for args in ((99,), (3, 5), (3, 0, 2)):
    try:
        d.index(*args)
    except ValueError as e:
        print("ValueError:", e)
d.remove(3)
d.insert(2, "x")
d.insert(-1, "y")
d.insert(100, "z")
print(d)
del d[1]
d[0] = "first"
print(d, "x" in d, "w" in d)
for bad in (100, -100):
    for op in ("get", "set", "del"):
        try:
            if op == "get":
                d[bad]
            elif op == "set":
                d[bad] = 0
            else:
                del d[bad]
        except IndexError as e:
            print(op, "IndexError:", e)
try:
    d["a"]
except TypeError as e:
    print("TypeError:", e)
for empty_op in ("pop", "popleft"):
    try:
        getattr(deque(), empty_op)()
    except IndexError as e:
        print("IndexError:", e)
try:
    deque().remove(1)
except ValueError as e:
    print("ValueError:", e)

m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
m.appendleft(6)
print(m)
m.extend(range(20, 25))
print(m)
m.extendleft("ab")
print(m)
try:
    m.insert(0, "no room")
except IndexError as e:
    print("IndexError:", e)
z = deque(maxlen=0)
z.append(1)
z.extend([1, 2])
print(z, len(z))
for bad in (-1, "3"):
    try:
        deque([], bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

it = iter(d)
next(it)
d.append("late")
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
r = reversed(deque("abc"))
print(list(r), list(reversed(deque())))
it = iter(deque([1, 2, 3]))
print(it.__length_hint__(), next(it), it.__length_hint__())
big = deque(range(100000))
total = 0
while big:
    total += big.popleft()
    if total % 11 == 0:
        big.append(1)
print(total)

rec = deque([1])
rec.append(rec)
print(rec, [rec])
print(deque("abc") == deque("abc"), deque("abc") < deque("abd"), deque([1]) == [1])
print(deque("ab") + deque("cd"), deque("ab") * 3, 2 * deque("ab"), deque("ab", maxlen=3) * 3)
a = deque([1, 2])
a += [3]
a *= 2
print(a)
try:
    deque("ab") + [1]
except TypeError as e:
    print("TypeError:", e)
c = copy.copy(m)
dc = copy.deepcopy(deque([[1], [2]], maxlen=5))
print(c, c.maxlen, dc, dc.maxlen)
p = pickle.loads(pickle.dumps(deque([1, (2, 3)], maxlen=4)))
print(p, p.maxlen)
it = iter(deque("abcd"))
next(it)
print(list(pickle.loads(pickle.dumps(it))))
print(hash is not None, deque.__hash__)


class Slotted(deque):
    __slots__ = ("x", "y")


s = Slotted([1, 2, 3], maxlen=5)
s.x, s.y = "ex", "why"
s.append(4)
print(s, s.x, s.y, s.maxlen, type(s.copy()).__name__)


class WithDict(deque):
    pass


w = WithDict("ab")
w.attr = 1
w2 = pickle.loads(pickle.dumps(w))
print(w2, type(w2).__name__, w2.attr, hasattr(copy.copy(w), "attr"))


class Fussy:
    def __eq__(self, other):
        victim.clear()
        return False


victim = deque([Fussy(), 1, 2])
for op in ("count", "index", "remove", "contains"):
    victim = deque([Fussy(), 1, 2])
    try:
        if op == "contains":
            print(op, 5 in victim)
        else:
            print(op, getattr(victim, op)(5))
    except (RuntimeError, IndexError, ValueError) as e:
        print(op, type(e).__name__, e)
d = deque([1, 2])
d.__init__([3])
print(d, bool(deque()), bool(d))
