# Default values are evaluated once at definition time; mutable defaults persist between calls.
def append(x, acc=[]):
    acc.append(x)
    return acc


print(append(1), append(2), append(3, []))
k = 10


def uses_k(v=k):
    return v


k = 20
print(uses_k(), append.__defaults__)
f = lambda a, b=2, *c, d, e=5, **g: (a, b, c, d, e, g)
print(f(1, d=4), f(1, 2, 3, d=4, z=0))
print(f.__defaults__, f.__kwdefaults__, f.__name__)
