# Pickling sequence iterators (at their position, or exhausted), bound methods of Python and builtin objects, and iterator __setstate__ clamping; defaultdict.default_factory is writable and deletable
import pickle, collections
for seq in ([1, 2, 3], (1, 2), "abc", range(2, 9, 3), b"xy"):
    it = iter(seq)
    next(it)
    copy = pickle.loads(pickle.dumps(it))
    print(type(it).__name__, list(copy), list(it))
    print("  exhausted:", list(pickle.loads(pickle.dumps(it))))
it = iter([1, 2, 3]); it.__setstate__(2); print(list(it))
it = iter(range(10)); it.__setstate__(7); print(list(it))
it = iter("abcdef"); it.__setstate__(-3); print(list(it))
it = iter((1, 2)); it.__setstate__(9); print(list(it))
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * i
SEQ_IT = iter(Seq()); next(SEQ_IT)
print("seq iterator", list(pickle.loads(pickle.dumps(SEQ_IT))), list(SEQ_IT))
class A:
    def __init__(self, n): self.n = n
    def m(self, k): return self.n * k
bound = pickle.loads(pickle.dumps(A(6).m))
print(bound(7), pickle.loads(pickle.dumps([5].copy))())
d = collections.defaultdict(list)
d.default_factory = int
d["x"] += 1
del d.default_factory
print(d, d.default_factory)
