# Containers: list/tuple/set/frozenset/float subclasses take keywords exactly where
# CPython's do; X.__new__(S) refuses an S whose builtin base makes instances otherwise
# (int.__new__(bool)); dict.fromkeys uses a subclass's __setitem__; setdefault hashes
# once; update() notices a source dict mutated under it; set and bytes iterators know
# their length; dict/set iterators pickle as the items to come; a reversed list iterator
# counts down from the end the list had and pickles with the list it shares.
import pickle


class L(list):
    def __init__(self, seq, newarg=None):
        super().__init__(seq)
        self.newarg = newarg
class L2(list):
    def __new__(cls, seq, newarg=None):
        return super().__new__(cls, seq)
class T(tuple):
    def __init__(self, seq, newarg=None):
        self.newarg = newarg
class T2(tuple):
    def __new__(cls, seq, newarg=None):
        return super().__new__(cls, seq)
class S(set):
    def __init__(self, seq, newarg=None):
        super().__init__(seq)
class S2(set):
    def __new__(cls, seq, newarg=None):
        return super().__new__(cls, seq)
class F(frozenset):
    def __init__(self, seq, newarg=None):
        pass
class F2(frozenset):
    def __new__(cls, seq, newarg=None):
        return super().__new__(cls, seq)
class B(bool if False else int):
    pass
for f in [lambda: L([1], newarg=3), lambda: L2([1], newarg=3), lambda: T([1], newarg=3), lambda: T2([1], newarg=3),
          lambda: S([1], newarg=3), lambda: S2([1], newarg=3), lambda: F([1], newarg=3), lambda: F2([1], newarg=3),
          lambda: list(x=1), lambda: tuple(x=1), lambda: set(x=1), lambda: frozenset(x=1), lambda: list.__new__(list, x=1),
          lambda: type(True).__new__(int), lambda: bool.__new__(int), lambda: bool(x=1)]:
    try: r = f(); print(type(r).__name__, r, getattr(r, 'newarg', '-'))
    except TypeError as e: print('TypeError', e)

class J(int):
    pass
class A:
    pass
class M(A, int):
    pass
for f in [lambda: int.__new__(bool, 0), lambda: object.__new__(J), lambda: object.__new__(int),
          lambda: int.__new__(M, 3), lambda: type(object.__new__(A)).__name__,
          lambda: int.__new__(J, 5), lambda: object.__new__(M), lambda: tuple.__new__(J)]:
    try:
        print(f())
    except TypeError as e:
        print(e)
class Exc(Exception):
    pass
class baddict2(dict):
    def __setitem__(self, key, value):
        raise Exc()
try:
    baddict2.fromkeys([1])
except Exc:
    print('Exc from __setitem__')
class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)
hashed1 = Hashed()
y = {hashed1: 5}
hashed2 = Hashed()
y.setdefault(hashed2, [])
print(hashed1.hash_count, hashed2.hash_count, hashed1.eq_count + hashed2.eq_count)
class X:
    def __hash__(self):
        return 0
    def __eq__(self, o):
        other.clear()
        return False
other = dict([(i, 0) for i in range(1, 100)])
other[X()] = 0
d = {X(): 0, 1: 1}
try:
    d.update(other)
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
it = iter(s); print(it.__length_hint__()); next(it); print(it.__length_hint__())
print(iter(b'abc').__length_hint__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for obj in [{1: 'a', 2: 'b', 3: 'c'}, {10, 20, 30}]:
        for mk in [iter, lambda d: iter(d.values()) if isinstance(d, dict) else iter(d), lambda d: iter(d.items()) if isinstance(d, dict) else iter(d)]:
            it = mk(obj)
            next(it)
            it2 = pickle.loads(pickle.dumps(it, proto))
            print(proto, sorted(map(str, it2)), sorted(map(str, it)))
    for seq in [[10, 11, 12, 13], {1: 2, 3: 4, 5: 6}]:
        it = reversed(seq); next(it)
        print(proto, list(pickle.loads(pickle.dumps(it, proto))), list(it))
        print(list(pickle.loads(pickle.dumps(it, proto))))
s = {1,2}; it = iter(s); s.add(3); print(it.__length_hint__())
l = [4,5,6,7]; it = reversed(l); l[:] = [10,11,12,13,14,15]; print(list(it))
l = [4,5,6,7]; it = reversed(l); next(it); print(it.__length_hint__()); del l[1:]; print(it.__length_hint__(), list(it))
orig = [4, 5, 6, 7]
data = [10, 11, 12, 13, 14, 15]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    itorig = reversed(orig)
    it, a = pickle.loads(pickle.dumps((itorig, orig), proto)); a[:] = data; print(list(it))
    next(itorig)
    it, a = pickle.loads(pickle.dumps((itorig, orig), proto)); a[:] = data; print(list(it))
    for i in range(1, len(orig)): next(itorig)
    it, a = pickle.loads(pickle.dumps((itorig, orig), proto)); a[:] = data; print(list(it))
    it, a = pickle.loads(pickle.dumps((itorig, orig), proto)); print(list(it), itorig.__reduce__()[0].__name__)
it = reversed([1,2,3]); it.__setstate__(10); print(list(it))
it = reversed([1,2,3]); it.__setstate__(-5); print(list(it))
