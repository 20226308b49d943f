# type() of values, type identity, and the type of types.
for v in (1, 1.0, 1j, "s", b"b", [], (), {}, set(), None, True, len, type, object(), range(1), ...):
    print(type(v).__name__, end=" ")
print()
print(type(1) is int, type(type(1)) is type, type(None)(), type(3)("7"), type([]) == list)
try:
    type()
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
