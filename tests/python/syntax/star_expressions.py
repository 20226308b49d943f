# Starred expressions in return, yield, subscripts, and for targets.
def f():
    return *range(2), 9


def g():
    yield *"ab", "c"


print(f(), next(g()))
d = {(1, 2, 3): "tuple key"}
rest = (2, 3)
print(d[1, *rest])
for a, *b in ["xyz"]:
    print(a, b)
print(*[1], *(2, 3), sep=",")
