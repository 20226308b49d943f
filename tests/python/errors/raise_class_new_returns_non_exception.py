# Raising an exception class whose __new__ returns a non-exception is a TypeError, also through generator.throw (it was raised as is, and the traceback written into it corrupted the heap: CPython's test_raise crashed in a later test)
class MyException(Exception):
    def __new__(cls, *args):
        return object()
for make in (lambda: MyException, lambda: MyException("x")):
    try:
        raise make()
    except TypeError as e:
        print(e)
def gen():
    yield 1
g = gen()
next(g)
try:
    g.throw(MyException)
except TypeError as e:
    print(e)
print("still alive", [1, 2, 3])
