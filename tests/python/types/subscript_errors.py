# The errors a bad subscript gives, type by type: non-integer keys, integers too large
# for an index, deleting from immutable sequences, and memoryview's tuple keys.
import array
import collections


class C:
    pass


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


seqs = [
    "ab", b"ab", bytearray(b"ab"), [1, 2], (1, 2), range(3), memoryview(b"ab"),
    array.array("i", [1, 2]), collections.deque([1, 2]),
]
for o in seqs:
    name = type(o).__name__
    for k in ["x", 1.5, None, C(), [1], 10**30, -10**30]:
        show(f"{name}[{type(k).__name__}]", lambda: o[k])
    for k in ["x", 5]:
        try:
            del o[k]
        except Exception as e:
            print(f"del {name}[{type(k).__name__}] ->", type(e).__name__, e)

# "doesn't" where CPython tried the sequence protocol (an integer key on a sequence-like
# type), "does not" otherwise.
for o in [frozenset(), {}.keys(), C(), 5, None, iter([])]:
    for k in [0, "x"]:
        try:
            del o[k]
        except TypeError as e:
            print("del:", e)

m = memoryview(bytearray(b"abcd"))
for k in [(1,), (1, 2), (), ("a",), 1.5]:
    show(f"mv[{k!r}]", lambda: m[k])

    def assign():
        m[k] = 7
        return m.tobytes()

    show(f"mv[{k!r}] = 7", assign)
for o in [m, memoryview(b"ab")]:
    try:
        del o[0]
    except TypeError as e:
        print("del memoryview:", e)
