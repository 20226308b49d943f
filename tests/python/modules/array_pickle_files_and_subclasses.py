# array.array: pickling by machine format (protocol 3 on), files, weak references, iterator
# state, registration as a MutableSequence, subclasses with __slots__, and range checks on
# objects with __index__.
import array, collections.abc, copy, io, pickle, struct, weakref

a = array.array('i', [1, -2, 3])
print(a.__reduce_ex__(2))
print(a.__reduce_ex__(3)[0].__name__, a.__reduce_ex__(3)[1])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for code in "bBuhHiIlLqQfd":
        x = array.array(code, "héllo" if code == "u" else [1, 2, 3])
        y = pickle.loads(pickle.dumps(x, proto))
        assert x == y and y.typecode == code, (proto, code)
print("round trips", copy.deepcopy(a), copy.copy(a))

rebuild = array._array_reconstructor
print(rebuild(array.array, 'l', 13, struct.pack('>qqq', -1, 2**40, 0)))
print(rebuild(array.array, 'L', 3, struct.pack('>HH', 1, 65535)))
print(rebuild(array.array, 'd', 17, struct.pack('>dd', 1.5, -0.0)))
print(rebuild(array.array, "u", 19, "abcd\U0001F600".encode("utf-16-be")))
for bad in [("", "b", 0, b""), (str, "b", 0, b""), (array.array, "b", "", b""),
            (array.array, "b", 0, ""), (array.array, "?", 0, b""), (array.array, "b", -1, b""),
            (array.array, "b", 22, b""), (array.array, "d", 16, b"a")]:
    try:
        rebuild(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

f = io.BytesIO()
a.tofile(f)
print(f.getvalue())
f.seek(0)
b = array.array('i')
b.fromfile(f, 2)
print(b)
try:
    b.fromfile(f, 5)
except EOFError as e:
    print("EOFError", e, b)
for args in [(f, -1), (f, "x")]:
    try:
        b.fromfile(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

r = weakref.ref(a)
print(r() is a, isinstance(a, collections.abc.MutableSequence))

it = iter(a)
next(it)
print(it.__reduce__()[1:], list(pickle.loads(pickle.dumps(it))))
list(it)
print(it.__reduce__()[1:])
it2 = iter(a)
it2.__setstate__(2)
print(list(it2))

class Offset(array.array):
    __slots__ = ['offset']
    def __new__(cls, code, data, offset):
        return array.array.__new__(cls, code, data)
    def __init__(self, code, data, offset):
        self.offset = offset
    def __getitem__(self, i):
        return array.array.__getitem__(self, i) + self.offset

o = Offset('i', [3, 6, 7], 4)
print(o[0], o[2], len(o), o.typecode, list(array.array.__iter__(o)))
try:
    o.color = "blue"
except AttributeError as e:
    print("AttributeError", e)

class Index:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
for code, value in [('l', -2**63 - 1), ('L', 2**64), ('b', 128), ('B', -1), ('i', 5)]:
    try:
        print(array.array(code, [Index(value)]))
    except OverflowError as e:
        print(code, "OverflowError", e)
for init in ["abc", array.array('u', 'x')]:
    try:
        array.array('b', init)
    except TypeError as e:
        print("TypeError", e)
