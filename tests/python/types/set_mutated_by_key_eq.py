# Set operations survive keys whose __eq__ and __hash__ clear the sets being combined (CPython's bpo-46615 case): no crash, and at most "changed size during iteration"
from random import randrange, seed

class SetSub(set):
    pass

def bad_sets(constructor1, constructor2):
    class Bad:
        def __eq__(self, other):
            if not enabled:
                return False
            if randrange(20) == 0:
                set1.clear()
            if randrange(20) == 0:
                set2.clear()
            return bool(randrange(2))
        def __hash__(self):
            return randrange(2)
    enabled = False
    set1 = constructor1(Bad() for _ in range(randrange(50)))
    set2 = constructor2(Bad() for _ in range(randrange(50)))
    enabled = True
    return set1, set2

def iand(a, b): a &= b
def ior(a, b): a |= b
def isub(a, b): a -= b
def ixor(a, b): a ^= b
operations = [lambda a, b: a == b, lambda a, b: a < b, lambda a, b: a & b, lambda a, b: a | b,
              lambda a, b: a - b, lambda a, b: a ^ b, iand, ior, isub, ixor,
              lambda a, b: a.update(b), lambda a, b: a.symmetric_difference_update(b),
              lambda a, b: a.issubset(b), lambda a, b: a.isdisjoint(b)]
seed(46615)
unexpected = []
for constructors in [(set, set), (SetSub, SetSub), (SetSub, set)]:
    for op in operations:
        for _ in range(60):
            a, b = bad_sets(*constructors)
            try:
                op(a, b)
            except RuntimeError as e:
                if "changed size during iteration" not in str(e):
                    unexpected.append(str(e))
print("no crash; unexpected errors:", unexpected)
