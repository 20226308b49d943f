# Subclasses of int, str and tuple customize construction in __new__ and keep the base behaviour.
class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, round(v, 1))

    def __repr__(self):
        return f"{float(self)}C"


class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]


c = Celsius(21.456)
print(repr(c), c + 1, type(c + 1).__name__)
u = Upper("abc")
print(u, u.lower(), type(u).__name__, type(u + "x").__name__)
p = Pair(1, 2)
print(p, p.first, len(p), isinstance(p, tuple))


class MyInt(int):
    pass


print(MyInt(5) + 1, type(MyInt(5) + 1).__name__, repr(MyInt(7)), True + MyInt(1))
