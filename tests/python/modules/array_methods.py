# array.array: the sequence protocol, slicing, methods, operators and comparisons.
import array
import copy
import pickle


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return repr(r)


def kind(f, *args):
    # Only the exception's class: the messages name the class 'array.array'.
    try:
        return repr(f(*args))
    except Exception as e:
        return type(e).__name__


a = array.array("i", range(10))
print(a[0], a[-1], a[3:7], a[::2], a[::-3], a[7:2:-1], a[100:], a[-100:2])
print(attempt(lambda: a[10]), attempt(lambda: a[-11]), attempt(lambda: a["x"]))
a[0] = 100
a[-1] = -100
print(a)
a[2:4] = array.array("i", [7, 7, 7, 7])
print(a)
a[::3] = array.array("i", [0] * len(a[::3]))
print(a)
print(attempt(a.__setitem__, slice(None, None, 2), array.array("i", [1])))
print(attempt(a.__setitem__, slice(0, 2), [1, 2]))
print(attempt(a.__setitem__, slice(0, 2), array.array("h", [1, 2])))
print(attempt(a.__setitem__, 100, 1))
print(attempt(a.__setitem__, 0, 2**40))
print(attempt(a.__setitem__, 0, "x"))
del a[0]
del a[-1]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
del a[::-1]
print(a, attempt(a.__delitem__, 0))

b = array.array("h", [3, 1, 4, 1, 5, 9, 2, 6])
b.append(5)
b.extend([3, 5])
b.extend(array.array("h", [8, 9]))
print(b, attempt(b.extend, array.array("i", [1])), attempt(b.extend, 5))
b.insert(0, -1)
b.insert(-2, 42)
b.insert(1000, 7)
b.insert(-1000, 8)
print(b)
print(b.pop(), b.pop(0), b.pop(-3), attempt(b.pop, 100), b)
print(attempt(array.array("i").pop))
b.remove(1)
print(b, attempt(b.remove, 1000))
print(b.index(5), b.index(5, 6), attempt(b.index, 5, 0, 3), attempt(b.index, 77))
print(b.count(5), b.count(1000), 9 in b, 1000 in b, 9.0 in b)
b.reverse()
print(b, b.tolist())
print(b.tobytes())
b.byteswap()
print(b)
b.byteswap()
c = array.array("h")
c.frombytes(b"\x01\x00\x02\x00")
c.frombytes(bytearray(b"\x03\x00"))
print(c, attempt(c.frombytes, b"\x01"), attempt(c.frombytes, "ab"))
c.fromlist([4, 5])
print(c, attempt(c.fromlist, (1, 2)), attempt(c.fromlist, [1, 2**20]), c)

u = array.array("u", "hello")
u.fromunicode(" world")
print(u, u.tounicode(), u[1], u[::-1])
print(attempt(c.tounicode), attempt(c.fromunicode, "x"), attempt(u.fromunicode, b"x"))
print(attempt(u.append, 1), attempt(u.append, "ab"))

d = array.array("d", [1.0, 2.5])
d.append(3)
print(d, d * 2, 2 * d, d + d, d * 0, d * -1)
d += array.array("d", [4.0])
d *= 2
print(d, attempt(lambda: d + [1]), attempt(lambda: d + array.array("f")))
print(attempt(d.__iadd__, [1]), attempt(d.__iadd__, array.array("i")))
print(attempt(lambda: d * "x"), attempt(lambda: d * 1.5))

x = array.array("i", [1, 2, 3])
for y in [array.array("i", [1, 2, 3]), array.array("i", [1, 2]), array.array("i", [1, 2, 4]),
          array.array("d", [1.0, 2.0, 3.0]), array.array("b", [1, 2, 3, 0]), [1, 2, 3]]:
    print(x == y, x != y, kind(lambda: x < y), kind(lambda: x <= y),
          kind(lambda: x > y), kind(lambda: x >= y))
n = array.array("d", [float("nan")])
print(n == n, n != n, n < n)
print(kind(hash, x))

e = array.array("q", [1, -2, 3])
print(bytes(e), bytearray(array.array("B", [65, 66])), b"".join([array.array("B", [67])]))
print(copy.copy(e), copy.deepcopy(e), copy.copy(e) is e)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(e, proto)), pickle.loads(pickle.dumps(u, proto)))
info = e.buffer_info()
print(type(info), len(info), info[1])

it = iter(array.array("b", [1, 2]))
print(next(it), next(it), attempt(next, it))
grow = array.array("i")
for i in range(1000):
    grow.append(i)
print(len(grow), sum(grow), grow[999], grow[500:503])
