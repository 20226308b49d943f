# In-place operators use __iXXX__ when present, else fall back to the binary method and rebind.
class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, o):
        self.items.append(o)
        return self


class Plain:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Plain(self.v + o)


a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
p = Plain(1)
q = p
p += 5
print(p is q, p.v, q.v)


class NoneReturn:
    def __imul__(self, o):
        return None


n = NoneReturn()
n *= 3
print(n)
