# Bases with unrelated metaclasses cause a metaclass conflict; the most derived metaclass wins otherwise.
class M1(type):
    pass


class M2(type):
    pass


class M3(M1):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


class C(metaclass=M3):
    pass


try:
    class D(A, B):
        pass
except TypeError as e:
    print(e)


class E(A, C):
    pass


print(type(E).__name__)
print(type("Dyn", (A,), {"v": 1}).__name__, type(type("Dyn", (A,), {})).__name__)
