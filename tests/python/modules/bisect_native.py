# bisect takes _bisect's functions: search and insertion with lo, hi and key, into lists and
# other sequences, with CPython's errors.
import bisect, _bisect
print(bisect.bisect_right is _bisect.bisect_right)
a = [1, 2, 2, 3, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)], [bisect.bisect_right(a, x) for x in range(10)])
print(bisect.bisect(a, 2, 1, 3), bisect.bisect_left(a, 2, hi=2), bisect.bisect_right(a, 9, lo=2))
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, v)
print(b)
recs = [("a", 1), ("b", 3), ("c", 7)]
bisect.insort(recs, ("x", 4), key=lambda r: r[1]); print(recs, bisect.bisect_left(recs, 3, key=lambda r: r[1]))
class Seq:
    def __init__(self): self.items = [1, 3]
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def insert(self, i, x): self.items.insert(i, x)
s = Seq(); bisect.insort_left(s, 2); print(s.items)
for call in (lambda: bisect.bisect_right([1], 1, -1), lambda: bisect.bisect_right([1], 1, 0, 1, 2),
             lambda: bisect.bisect_right(1, 1), lambda: bisect.bisect_right([1]), lambda: bisect.bisect_right([1], 1, 'a'),
             lambda: bisect.bisect_right([1, 'a'], 2), lambda: bisect.insort([], 1, foo=2)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(bisect.bisect([0.5, 1.5, 2.5], 1.5), bisect.bisect_left(["b", "d"], "c"), bisect.bisect([(1, 2), (1, 3)], (1, 2)))
import sys
n = sys.maxsize
data = range(n - 1)
print(bisect.bisect_left(data, n - 3), bisect.bisect_right(data, n - 3), bisect.bisect_right(data, n - 3, n - 10, n))
