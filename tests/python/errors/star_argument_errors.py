# A call with *args names the function as CPython does when the object cannot be
# iterated, and lets a TypeError raised while iterating go through unchanged.
def g():
    yield 1
    raise TypeError('inside')
def f(*a, **k): return a
class C:
    def m(self, *a): pass
for call in [lambda: f(*g()), lambda: f(*5), lambda: print(*5), lambda: C().m(*None),
             lambda: f(**{'a': 1}, **{'a': 2}), lambda: len(*3), lambda: f(*(x for x in 3))]:
    try:
        call()
    except TypeError as e:
        print(e)
