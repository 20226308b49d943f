# The operator module's functions (native _operator ones where CPython has them): results,
# in-place forms, and CPython's argument errors.
import operator, functools
class V:
    def __init__(self, x): self.x = x
    def __iadd__(self, o): self.x += o; return self
    def __repr__(self): return "V(%r)" % self.x
print(operator.add(1, 2), operator.iadd([1], [2]), operator.iadd(V(1), 5), operator.sub(5, 3),
      operator.mul("a", 3), operator.truediv(1, 4), operator.floordiv(7, 2), operator.mod(7, 3),
      operator.pow(2, 10), operator.lshift(1, 5), operator.rshift(64, 2), operator.and_(6, 3),
      operator.or_(6, 3), operator.xor(6, 3), operator.ior({1}, {2}), operator.imul([0], 2))
print(operator.lt(1, 2), operator.ge(1, 2), operator.eq("a", "a"), operator.ne(1, 1.0),
      operator.is_(None, None), operator.is_not(1, None), operator.not_([]), operator.truth([0]))
print(operator.neg(3), operator.pos(-3), operator.invert(5), operator.inv(5), operator.index(7))
d = {1: 2}
operator.setitem(d, 3, 4); operator.delitem(d, 1)
print(d, operator.getitem(d, 3), operator.contains(d, 3), operator.getitem("abc", slice(1, None)))
print(functools.reduce(operator.add, range(10)), sorted([3, 1, 2], key=operator.neg))
print(operator.__add__ is operator.add, operator.add.__name__, operator.add.__module__)
for f, a in [(operator.add, (1,)), (operator.neg, ()), (operator.index, (1.5,)), (operator.not_, (1, 2)),
             (operator.lt, (1,)), (operator.getitem, (1,)), (operator.is_, ()), (operator.truth, ()),
             (operator.setitem, (1, 2)), (operator.add, (1, "a")), (operator.iand, ([], 1)),
             (operator.getitem, (1, 2)), (operator.contains, (1, 2)), (operator.neg, ("a",))]:
    try:
        f(*a)
    except TypeError as e:
        print(e)
try:
    operator.add(a=1, b=2)
except TypeError as e:
    print(e)
class I:
    def __index__(self): return "x"
try:
    operator.index(I())
except TypeError as e:
    print(e)
