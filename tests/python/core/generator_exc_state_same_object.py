# A generator thrown the very exception its caller is handling keeps it as its own across
# a yield: sys.exc_info() and a bare raise inside the generator still see it.
import sys
def g():
    try:
        yield 1
    except Exception as exc:
        print('A', sys.exc_info()[0])
        yield 2
        print('B', sys.exc_info()[0])
        yield 3
m = g(); next(m)
try:
    raise KeyError
except KeyError as e:
    m.throw(ValueError())
print('outside2', sys.exc_info()[0])
m.send(None)
m = g(); next(m)
try:
    raise KeyError
except KeyError as e:
    m.throw(e)
    print('in caller', sys.exc_info()[0])
m.send(None)

def store_raise_exc_generator():
    try:
        yield
    except Exception as exc:
        print(sys.exc_info()[0], exc.__context__)
        yield
        print(sys.exc_info()[0])
        yield
        raise
make = store_raise_exc_generator()
next(make)
try:
    raise ValueError()
except Exception as exc:
    try:
        make.throw(exc)
    except Exception:
        pass
next(make)
try:
    next(make)
except ValueError as e:
    print('reraised', e.__context__)
print(sys.exc_info())
