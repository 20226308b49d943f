# Cells: types.CellType(), cell_contents assignment and deletion, comparison by
# contents. Functions: deleting __doc__/__module__ leaves None, __dict__ cannot be
# deleted, __code__ must be a code object with as many free variables as the closure.
# dir() of a bound method shows its function's attributes.
import types


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def make_cell(v):
    def g():
        return v

    return g.__closure__[0]


t(lambda: types.CellType(1).cell_contents)
t(lambda: types.CellType().cell_contents)
t(lambda: types.CellType(1, 2))
t(lambda: (make_cell(2) < make_cell(3), make_cell(2) == make_cell(2)))
t(lambda: (types.CellType() < make_cell(3), types.CellType() == types.CellType()))
t(lambda: hash(make_cell(1)))
c = make_cell(1)


def set_contents():
    c.cell_contents = 9
    return c.cell_contents


def del_contents():
    del c.cell_contents
    return c.cell_contents


t(set_contents)
t(del_contents)


def f():
    "doc"


def g(x=1):
    return x


for attr in ("__doc__", "__module__", "__defaults__", "__code__", "__name__", "__dict__"):
    t(lambda: (delattr(g, attr), getattr(g, attr, "missing"))[1])
t(lambda: setattr(f, "__dict__", None))
t(lambda: setattr(f, "__code__", 1))


def outer():
    v = 1

    def inner():
        return v

    return inner


t(lambda: setattr(f, "__code__", outer().__code__))


class K:
    def m(self):
        pass


K.m.known = 1
print("known" in dir(K().m))
