# Unary dunders: __neg__, __pos__, __invert__, __abs__, and the missing-method TypeError.
class U:
    def __neg__(self):
        return "neg"

    def __pos__(self):
        return "pos"

    def __invert__(self):
        return "invert"

    def __abs__(self):
        return "abs"


u = U()
print(-u, +u, ~u, abs(u))
try:
    -object()
except TypeError as e:
    print(e)
try:
    ~1.5
except TypeError as e:
    print(e)
print(-(-5), +True, ~True, abs(-2.5))
