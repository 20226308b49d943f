# len() on builtins and user types, and errors for objects without length.
print(len("héllo"), len(b"abc"), len([1, 2]), len({1: 2}), len(range(0, 10, 3)), len(set()), len(frozenset("aab")))
print(len("😀"), len("\U0001f600".encode()), len(memoryview(b"abcd")[1:]), len({}.keys()))
for bad in (5, None, iter([]), len):
    try:
        len(bad)
    except TypeError as e:
        print(e)
