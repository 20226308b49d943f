# X.__new__(S) checks S's solid bases, not its mixins: an enum mixing a plain class with
# IntFlag or str is made by int's or str's __new__, while int.__new__(bool) stays refused.
import enum
class AllMixin:
    @classmethod
    def all(cls):
        return list(cls)
class Color(AllMixin, enum.IntFlag):
    RED = 1
    GREEN = 2
print(Color.all(), Color.RED | Color.GREEN, int(Color.GREEN))
class StrMixin:
    def __str__(self):
        return self.name.lower()
class Dumb(StrMixin, str, enum.Enum):
    A = "x"
print(str(Dumb.A), Dumb.A.value)
for owner, sub in ((int, bool), (object, int), (int, Color), (str, Dumb)):
    try:
        made = owner.__new__(sub, 1) if sub is not Dumb else owner.__new__(sub, "y")
        print(type(made).__name__, int(made) if sub is not Dumb else str.__str__(made))
    except TypeError as e:
        print("TypeError:", e)
class M: pass
class X(M, int): pass
print(int.__new__(X, 5), type(object.__new__(M)).__name__)
try:
    object.__new__(X)
except TypeError as e:
    print("TypeError:", e)
