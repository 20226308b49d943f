# An exhausted array iterator lets go of its array, as CPython's does; it stays
# exhausted, and pickles as an empty iterator.
import array
import gc
import pickle
import weakref


class A(array.array):
    pass


a = A('i', [1, 2])
r = weakref.ref(a)
it = iter(a)
print(list(it), next(it, 'done'))
del a
gc.collect()
print(r() is None)
print(list(it), it.__reduce__()[1])
print(list(pickle.loads(pickle.dumps(it))))
b = array.array('b', [5, 6, 7])
it2 = iter(b)
next(it2)
print(list(pickle.loads(pickle.dumps(it2))))
