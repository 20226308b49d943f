# A name repeated in __slots__ is accepted (datetime's classes rely on it); a slot that
# clashes with a class attribute is not.
class A:
    __slots__ = ("a", "a", "b")


x = A()
x.a, x.b = 1, 2
print(x.a, x.b, A.__slots__)


class Base:
    __slots__ = ("_hash",)


class Other:
    __slots__ = ("_day", "_hash")


class Both(Base):
    __slots__ = Base.__slots__ + Other.__slots__


print(Both.__slots__)
try:

    class Clash:
        a = 1
        __slots__ = ("a",)

except ValueError as e:
    print(e)
