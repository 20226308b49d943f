# __slots__ removes the instance dict, rejects unknown attributes, and exposes member descriptors.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
print(p.x, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)
print(type(P.x).__name__, P.__slots__)


class Q(P):
    pass


q = Q(2)
q.z = 3
print(q.z, q.__dict__)


class R(P):
    __slots__ = ("__dict__",)


r = R(1)
r.w = 5
print(r.__dict__)
