# Binary operators fall back to the reflected method of the right operand, and a subclass's reflected
# method is tried first.
class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        if isinstance(o, (int, V)):
            return V(self.v + (o.v if isinstance(o, V) else o))
        return NotImplemented

    def __radd__(self, o):
        print("radd", type(self).__name__)
        return V(o + self.v)

    def __repr__(self):
        return f"{type(self).__name__}({self.v})"


class W(V):
    def __radd__(self, o):
        print("W.radd first")
        return W(-1)


print(V(1) + 2, 3 + V(4), V(1) + V(2))
print(V(1) + W(2))
print(sum([V(1), V(2)], 0))
try:
    V(1) + "s"
except TypeError as e:
    print(e)
