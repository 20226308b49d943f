# A binary operator tries the right operand's reflected method first only when its class is
# a subclass of the left's that overrides that method, not one that just inherits it (so
# ChainMap() | Subclass() is a ChainMap, as in CPython).
from collections import ChainMap


class Sub(ChainMap):
    pass


class SubR(ChainMap):
    def __ror__(self, other):
        return "SubR.__ror__"


print(type(ChainMap() | Sub()).__name__, type(Sub() | ChainMap()).__name__, ChainMap() | SubR())


class A:
    def __add__(self, o):
        return "A.__add__"

    def __radd__(self, o):
        return "A.__radd__"


class B(A):
    pass


class C(A):
    def __radd__(self, o):
        return "C.__radd__"


print(A() + B(), A() + C(), B() + A(), C() + A())


class I(int):
    pass


class J(int):
    def __radd__(self, o):
        return "J.__radd__"

    def __rmul__(self, o):
        return "J.__rmul__"


print(1 + I(2), type(1 + I(2)).__name__, 1 + J(2), 3 * J(2), [1] * J(2))


class L(list):
    def __rmul__(self, o):
        return "L.__rmul__"


print(2 * L([1]), [0] * 2)
