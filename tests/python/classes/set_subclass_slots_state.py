# set and frozenset subclasses pickle and copy their __dict__ and __slots__ through
# __getstate__, as CPython's set.__reduce__ does.
import copy
import pickle


class S(set):
    __slots__ = ('x', 'y', '__dict__')


class F(frozenset):
    __slots__ = ('x', 'y', '__dict__')


class P(set):
    __slots__ = ('a',)


class D(set):
    pass


for cls in (S, F):
    s = cls([1, 2])
    s.x = ['x']
    s.z = ['z']
    r = s.__reduce__()
    print(r[0].__name__, r[1], r[2])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        d = pickle.loads(pickle.dumps(s, proto))
        print(type(d).__name__, sorted(d), d.x, d.z, hasattr(d, 'y'))
p = P([3])
p.a = 5
print(p.__reduce__()[2])
c = copy.copy(p)
print(c.a, sorted(c))
print(set([1]).__reduce__())
print(frozenset().__reduce__())
d = D([1])
d.q = 1
print(d.__reduce__())


class Custom(set):
    def __getstate__(self):
        return {'custom': True}


print(Custom([7]).__reduce__())
