# super() with explicit arguments, unbound super objects and attribute errors through super.
class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B"


b = B()
print(super(B, b).who(), super(B, B).who(b), type(super(B, b)).__name__)
try:
    super(B, b).missing
except AttributeError as e:
    print(e)
try:
    super(B, 5)
except TypeError as e:
    print(e)
