# Rich comparisons: reflection (a < b falls back to b > a), NotImplemented, and default == identity.
class N:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        print(f"lt({self.v},{getattr(o, 'v', o)})")
        return self.v < o.v if isinstance(o, N) else NotImplemented

    def __eq__(self, o):
        return isinstance(o, N) and self.v == o.v


print(N(1) < N(2))
print(N(3) > N(2))
print(N(1) == N(1), N(1) != N(1), N(1) == 1)
try:
    N(1) < 5
except TypeError as e:
    print(e)
try:
    N(1) <= N(2)
except TypeError as e:
    print(e)


class Plain:
    pass


a = Plain()
print(a == a, a == Plain(), a != Plain())
print(sorted([N(3), N(1), N(2)], key=lambda n: n.v)[0].v)
