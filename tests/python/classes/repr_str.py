# repr() and str() use __repr__ and __str__; str falls back to __repr__; containers use repr of items.
class R:
    def __repr__(self):
        return "R()"


class S:
    def __str__(self):
        return "S as str"

    def __repr__(self):
        return "S()"


print(str(R()), repr(R()), str(S()), repr(S()))
print([R(), S()], (S(),), {"k": S()})
print(f"{S()} {S()!r} {R()!s}")


class BadRepr:
    def __repr__(self):
        return 5


try:
    repr(BadRepr())
except TypeError as e:
    print(e)
