# slice() builtin with one, two and three arguments; non-integer slice bounds through __index__.
print(slice(3), slice(1, 3), slice(1, 9, 2), slice(None), slice("a", "b"))
print([0, 1, 2, 3, 4][slice(1, None)], "python"[slice(None, None, -2)])
try:
    [1, 2][slice("a", None)]
except TypeError as e:
    print(e)
try:
    slice()
except TypeError as e:
    print(e)
