# _functools: reduce and cmp_to_key are builtin functions (no binding as methods in a
# class), and cmp_to_key makes functools.KeyWrapper objects, as CPython's C module.
import functools, _functools, sys
print(functools.reduce is _functools.reduce, functools.cmp_to_key is _functools.cmp_to_key)
from operator import add
print(functools.reduce(add, [1, 2, 3]), functools.reduce(add, [], 5), functools.reduce(add, 'abc', ''))
for bad in [lambda: functools.reduce(add, []), lambda: functools.reduce(add, 5), lambda: functools.reduce(add), lambda: functools.reduce(add, [], 1, 2)]:
    try: bad()
    except TypeError as e: print(e)
K = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(type(K).__name__, type(K).__module__, sorted([3, 1, 2], key=K), K(5).obj, K(obj=4) < K(5), K(3) == K(3))
try: K(3) > 1
except TypeError as e: print(e)
try: hash(K(1))
except TypeError as e: print(e)
try: functools.cmp_to_key()
except TypeError as e: print(e)
class C:
    f = functools.reduce
    k = functools.cmp_to_key
print(C().f(add, [1, 2]), sorted('bca', key=C().k(lambda a, b: (a > b) - (a < b))))
def bad(a, b): raise ZeroDivisionError
try: sorted([1, 2], key=functools.cmp_to_key(bad))
except ZeroDivisionError: print("ZeroDivisionError")
k = K(1); k.obj = 9; print(k.obj)
