# super() without arguments in methods, classmethods and __init__; super(Type, obj) explicitly.
class A:
    def greet(self):
        return "A"

    @classmethod
    def kind(cls):
        return f"A.kind({cls.__name__})"


class B(A):
    def greet(self):
        return "B>" + super().greet()

    @classmethod
    def kind(cls):
        return "B>" + super().kind()


class C(B):
    def greet(self):
        return "C>" + super(B, self).greet()


print(B().greet(), C().greet(), C.kind())
print(super(C, C()).greet())
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)
