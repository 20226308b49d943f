# A weakref.proxy forwards the number protocol (forward, reflected, in place),
# comparisons, unary operators, conversions, iteration and item deletion to its target.
import operator
import weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Num(%r)" % self.v


def binary(name):
    def forward(self, other):
        other = other.v if isinstance(other, Num) else other
        return "%s(%r, %r)" % (name, self.v, other)

    def reflected(self, other):
        return "r%s(%r, %r)" % (name, other, self.v)

    return forward, reflected


for name in ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift",
             "rshift", "and", "or", "xor", "lt", "le", "gt", "ge"):
    f, r = binary(name)
    setattr(Num, "__%s__" % name, f)
    if name not in ("lt", "le", "gt", "ge"):
        setattr(Num, "__r%s__" % name, r)
Num.__neg__ = lambda self: Num(-self.v)
Num.__pos__ = lambda self: "pos"
Num.__invert__ = lambda self: "invert"
Num.__abs__ = lambda self: "abs"
Num.__int__ = lambda self: 7
Num.__float__ = lambda self: 7.5
Num.__index__ = lambda self: 3

n = Num(10)
four = Num(4)
p = weakref.proxy(n)
for op in ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
           "and_", "or_", "xor", "lt", "le", "gt", "ge"):
    f = getattr(operator, op)
    print(op, f(p, 2), f(2, p) if op not in ("lt", "le", "gt", "ge") else "", f(p, weakref.proxy(four)))
print(-p, +p, ~p, abs(p), int(p), float(p), operator.index(p), [10, 20, 30, 40][p])

class L(list):
    pass


class B:
    def __bytes__(self):
        return b"own bytes"


class It:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        self.n -= 1
        if self.n < 0:
            raise StopIteration
        return self.n


counter = L([1, 2])
q = weakref.proxy(counter)
q += [3]
print(counter, q is counter)
values = L(range(5))
r = weakref.proxy(values)
del r[0]
print(values, list(reversed(r)), 3 in r, len(r))
it = It(2)
pit = weakref.proxy(it)
print(next(pit), next(pit), next(pit, "done"))
try:
    next(weakref.proxy(values))
except TypeError as e:
    print("TypeError:", e)
b = B()
print(bytes(weakref.proxy(b)), 5 + weakref.proxy(four))
