# ExceptionGroup.split and subgroup on groups nested past the recursion limit raise RecursionError (CPython's message) instead of overflowing the native stack; except* still handles a deeply nested group, and shallow splits are unchanged
def deep(n, leaf):
    e = leaf
    for i in range(n):
        e = ExceptionGroup('eg', [e])
    return e

for n in (3000, 300_000):
    e = deep(n, TypeError(1))
    for name, call in (("split", lambda: e.split(TypeError)), ("subgroup", lambda: e.subgroup(ValueError))):
        try:
            call()
            print(n, name, "returned")
        except RecursionError as x:
            print(n, name, "RecursionError:", x)

eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(TypeError)))

try:
    raise deep(900, KeyError("k"))
except* KeyError as caught:
    print("except* caught", type(caught).__name__, len(caught.exceptions))
