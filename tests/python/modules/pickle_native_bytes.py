# The bytes the _pickle accelerator writes, for every protocol: they must be CPython
# 3.11's C pickler's, byte for byte (framing, MEMOIZE, STACK_GLOBAL, batches, bytes and
# bytearray below their protocols, big ints, text escapes).
import pickle
import _pickle
import copyreg
import hashlib
import io
import re

print("wired", pickle.Pickler is _pickle.Pickler, pickle.Unpickler is _pickle.Unpickler,
      pickle.dumps is _pickle.dumps, pickle.loads is _pickle.loads)
print(pickle.PickleError is _pickle.PickleError, pickle.PicklingError.__module__,
      issubclass(_pickle.UnpicklingError, _pickle.PickleError), _pickle.Pickler.__module__)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = "two"


class WithNewArgs(int):
    def __getnewargs__(self):
        return (int(self),)


class KwOnly:
    def __new__(cls, *, v):
        o = object.__new__(cls)
        o.v = v
        return o

    def __getnewargs_ex__(self):
        return (), {"v": self.v}


class Outer:
    class Inner:
        pass


def func():
    pass


shared = ["shared"]
objs = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31,
        -2**31 - 1, 2**63, -2**63, 2**64, -(2**64), 128, -128, -129, 2**1000, -(2**1000),
        12345678901234567890123, 1.5, -0.0, 1e100, 1e-300, float("inf"), float("-inf"),
        "", "abc", "h\xe9llo", "\u20ac", "\U0001f600", "a\\b\nc\r\x00\x1a", "x" * 300,
        b"", b"abc", b"\x00\xff\x80", b"y" * 300, bytearray(b"xy"), bytearray(),
        (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], {}, {"a": 1},
        {"a": 1, "b": [1, 2]}, {1}, frozenset(), frozenset({1}), set(), [shared, shared],
        (shared, [shared]), list(range(1001)), list(range(2000)), {i: i for i in range(1000)},
        {i: str(i) for i in range(1001)}, len, func, pickle.Pickler, Point, Outer.Inner,
        type(None), type(NotImplemented), NotImplemented, ..., complex(1, 2), Point(1, "y"),
        Slotted(), WithNewArgs(7), KwOnly(v=3), [Point(1, 2), Point(1, 2)], io.BytesIO,
        range(3), slice(1, 2)]


def describe(s):
    if len(s) <= 160:
        return repr(s)
    return "%d bytes md5 %s head %r tail %r" % (len(s), hashlib.md5(s).hexdigest(), s[:24],
                                                 s[-12:])


for o in objs:
    for proto in range(6):
        try:
            s = pickle.dumps(o, proto)
        except Exception as e:
            print(proto, re.sub(" at 0x[0-9a-f]+", "", ascii(o))[:50], "!!", type(e).__name__, e)
            continue
        print(proto, re.sub(" at 0x[0-9a-f]+", "", ascii(o))[:50], describe(s))

# recursive structures
a = []
a.append(a)
d = {}
d["self"] = d
t = ([],)
t[0].append(t)
for o in (a, d, t):
    for proto in range(6):
        print(proto, describe(pickle.dumps(o, proto)))

# frames: big payloads go outside frames, many small objects make several frames
big = [b"z" * 70000, "w" * 70000, bytearray(b"v" * 70000), list(range(30000)),
       ["s%d" % i for i in range(20000)]]
for o in big:
    for proto in (3, 4, 5):
        print(proto, type(o).__name__, describe(pickle.dumps(o, proto)))

# a Pickler writing to a file writes each closed frame
class Recorder:
    def __init__(self):
        self.chunks = []

    def write(self, b):
        self.chunks.append(len(b))


r = Recorder()
pickle.Pickler(r, 4).dump(["s%d" % i for i in range(20000)])
print("chunks", r.chunks)
r = Recorder()
pickle.Pickler(r, 5).dump([b"q" * 70000, b"small"])
print("chunks", r.chunks)
r = Recorder()
pickle.dump({"k": 1}, r, 2)
print("chunks", r.chunks)

# fix_imports maps names for protocols below 3
for proto in range(6):
    for fix in (True, False):
        print(proto, fix, pickle.dumps([ValueError, OSError, range], proto, fix_imports=fix))

# the extension registry
copyreg.add_extension("__main__", "Point", 200)
copyreg.add_extension("__main__", "func", 0x1234)
copyreg.add_extension("__main__", "Outer", 0x123456)
for proto in range(6):
    print(proto, pickle.dumps([Point, func, Outer], proto))
print(pickle.loads(pickle.dumps([Point, func, Outer], 2)) == [Point, func, Outer])
copyreg.remove_extension("__main__", "Point", 200)
copyreg.remove_extension("__main__", "func", 0x1234)
copyreg.remove_extension("__main__", "Outer", 0x123456)
