# __get__ receives (None, owner) on class access; functions are descriptors producing bound methods.
class Show:
    def __get__(self, obj, owner):
        return (obj is None, owner.__name__)


class A:
    s = Show()

    def f(self):
        return "f"


class B(A):
    pass


print(A.s, A().s, B.s, B().s)
a = A()
bound = A.__dict__["f"].__get__(a, A)
print(bound(), bound.__self__ is a, A.__dict__["f"].__get__(None, A) is A.__dict__["f"])
print(type(A.f).__name__, type(a.f).__name__)
