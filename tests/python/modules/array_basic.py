# array.array: construction, typecode limits and their errors, repr.
import array


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return repr(r)


print(array.typecodes, array.ArrayType is array.array)
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a.typecode, a.itemsize, repr(a), len(a))

values = [0, 1, -1, 127, 128, -128, -129, 255, 256, 2**15 - 1, 2**15, -2**15, -2**15 - 1,
          2**16 - 1, 2**16, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32,
          2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**70, 2**70, True,
          1.5, "a", None]
for tc in "bBhHiIlLqQ":
    for v in values:
        print(tc, repr(v), attempt(array.array, tc, [v]))

for tc in "fd":
    for v in [0, 1, -2.5, 10**10, 1e300, "a", None, 2**2000, float("inf")]:
        print(tc, repr(v)[:20], attempt(array.array, tc, [v]))

for v in ["a", "\u20ac", "\U0001f600", "ab", "", 1, None]:
    print("u", repr(v), attempt(array.array, "u", [v]))

print(attempt(array.array, "x"))
print(attempt(array.array, "bb"))
print(attempt(array.array, 1))
print(attempt(array.array, "i", "abc"))
print(attempt(array.array, "u", [1]))
print(attempt(array.array, "u", b"ab"))
print(attempt(array.array, "i", b"abc"))
print(attempt(array.array, "i", b"abcdefgh"))
print(attempt(array.array, "h", bytearray(b"\x01\x00\x02\x00")))
print(attempt(array.array, "b", array.array("i", [1, 2])))
print(attempt(array.array, "u", array.array("i", [1])))
print(attempt(array.array, "d", array.array("i", [1, 2])))
print(attempt(array.array, "u", "hello"))
print(attempt(array.array, "i", range(5)))
print(attempt(array.array, "i", (x * x for x in range(4))))
print(attempt(array.array))
print(attempt(array.array, "i", [], 3))
print(attempt(lambda: array.array("i", typecode="i")))

print(array.array("f", [1.5, 0.1]))
print(array.array("d", [1.5, 0.1, float("nan")]))
print(array.array("u", "a'b\"c"))
print(array.array("Q", [2**64 - 1]), array.array("L", [2**63]), array.array("q", [-2**63]))


class MyArray(array.array):
    pass


m = MyArray("i", [1, 2])
print(repr(m), type(m[:1]).__name__, isinstance(m, array.array), type(m + m).__name__)
print(type(iter(m)).__name__, list(iter(m)))
