# Round trips through the _pickle accelerator for what the reduce protocol offers:
# __reduce__ / __reduce_ex__, __getstate__ / __setstate__, slots, __getnewargs(_ex)__,
# recursion through the memo, persistent ids, dispatch_table, reducer_override,
# find_class, the memo attributes, fast mode, and Pickler / Unpickler on files.
import collections
import copyreg
import io
import pickle


class Plain:
    def __init__(self, a):
        self.a = a

    def __eq__(self, other):
        return type(other) is type(self) and other.__dict__ == self.__dict__


class WithState:
    def __init__(self):
        self.x = 1
        self.cache = "drop me"

    def __getstate__(self):
        d = dict(self.__dict__)
        del d["cache"]
        return d

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = "rebuilt"


class Slots:
    __slots__ = ("p", "q")

    def __init__(self):
        self.p = 1
        self.q = [2]


class Mixed(Plain):
    __slots__ = ("s",)


class Reduced:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Reduced, (self.v * 2,))


class ReducedEx:
    def __reduce_ex__(self, proto):
        return (str, ("proto %d" % proto,))


class NewArgs(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __getnewargs__(self):
        return tuple(self)


class NewArgsEx:
    def __new__(cls, a, *, b):
        o = object.__new__(cls)
        o.ab = (a, b)
        return o

    def __getnewargs_ex__(self):
        return (self.ab[0],), {"b": self.ab[1]}


class ListSub(list):
    pass


class DictSub(dict):
    pass


class Setter:
    def __init__(self):
        self.v = 0

    def __reduce__(self):
        return (Setter, (), {"v": 42}, None, None, Setter.apply)

    @staticmethod
    def apply(obj, state):
        obj.v = state["v"] + 1


def show(label, obj):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        try:
            r = pickle.loads(pickle.dumps(obj, proto))
        except Exception as e:
            print(label, proto, "!!", type(e).__name__, e)
            continue
        print(label, proto, describe(r))


def describe(r):
    if isinstance(r, (Plain, WithState, Setter, Reduced)):
        return "%s %r" % (type(r).__name__, sorted(r.__dict__.items()))
    if isinstance(r, Slots):
        return "Slots %r %r" % (r.p, r.q)
    if isinstance(r, NewArgsEx):
        return "NewArgsEx %r" % (r.ab,)
    return "%s %r" % (type(r).__name__, r)


show("plain", Plain([1, "two", 3.0]))
show("state", WithState())
show("slots", Slots())
m = Mixed(5)
m.s = "slot"
for proto in range(2, 6):
    r = pickle.loads(pickle.dumps(m, proto))
    print("mixed", proto, r.a, r.s)
show("reduce", Reduced(21))
show("reduce_ex", ReducedEx())
show("newargs", NewArgs(1, 2))
show("newargs_ex", NewArgsEx(1, b=2))
show("listsub", ListSub([1, 2, 3]))
show("dictsub", DictSub(a=1))
show("setter", Setter())
show("odict", collections.OrderedDict([("b", 1), ("a", 2)]))
show("deque", collections.deque([1, 2]))
show("defaultdict", collections.defaultdict(list, {"k": [1]}))
show("big", [2**100, -2**100, 2**63 - 1, -2**63, 1 << 2000])
show("text", ["", "\x00", "\u20ac\U0001f600", "a\\u0041", "\ud800"])
show("bytes", [b"", bytes(range(256)), bytearray(b"xyz")])
show("sets", [set(), {1}, frozenset({"a"}), frozenset()])
show("classes", [int, Plain, collections.OrderedDict, len, pickle.dumps, type(None), ...])

# recursion
lst = [1]
lst.append(lst)
for proto in range(6):
    r = pickle.loads(pickle.dumps(lst, proto))
    print("reclist", proto, r[1] is r, r[0])
d = {}
d[1] = d
tup = (d, [d])
for proto in range(6):
    r = pickle.loads(pickle.dumps(tup, proto))
    print("rectuple", proto, r[0][1] is r[0], r[1][0] is r[0])
p = Plain(None)
p.a = p
for proto in range(6):
    r = pickle.loads(pickle.dumps([p, p], proto))
    print("recobj", proto, r[0] is r[1], r[0].a is r[0])
s = Plain(None)
s.a = frozenset([1])
for proto in range(6):
    t = (s, s.a)
    r = pickle.loads(pickle.dumps(t, proto))
    print("shared", proto, r[0].a is r[1])


# persistent ids, as methods and as attributes
class DB:
    def __init__(self, key):
        self.key = key


class PPickler(pickle.Pickler):
    def persistent_id(self, obj):
        return ("db", obj.key) if isinstance(obj, DB) else None


class PUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return "loaded %r" % (pid,)


for proto in range(6):
    f = io.BytesIO()
    PPickler(f, proto).dump([DB(1), "x", DB(2)])
    print("persid", proto, f.getvalue()[:60], PUnpickler(io.BytesIO(f.getvalue())).load())

f = io.BytesIO()
pk = pickle.Pickler(f, 0)
pk.persistent_id = lambda obj: "key%d" % obj.key if isinstance(obj, DB) else None
pk.dump([DB(7)])
up = pickle.Unpickler(io.BytesIO(f.getvalue()))
up.persistent_load = lambda pid: "attr " + pid
print("persid attr", f.getvalue(), up.load())
try:
    pickle.loads(f.getvalue())
except pickle.UnpicklingError as e:
    print("no persistent_load:", e)

# dispatch_table and reducer_override
class Tabled:
    def __init__(self, v):
        self.v = v


def reduce_tabled(obj):
    return (str, ("tabled %d" % obj.v,))


f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.dispatch_table = {Tabled: reduce_tabled}
pk.dump([Tabled(3)])
print("dispatch_table", pickle.loads(f.getvalue()))


class TablePickler(pickle.Pickler):
    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[Tabled] = reduce_tabled


f = io.BytesIO()
TablePickler(f).dump(Tabled(4))
print("class dispatch_table", pickle.loads(f.getvalue()))


class Overrider(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is len:
            return (str, ("not len",))
        if isinstance(obj, Tabled):
            return (int, (obj.v,))
        return NotImplemented


f = io.BytesIO()
Overrider(f, 4).dump([len, Tabled(9), Plain(1), max])
print("reducer_override", [describe(x) for x in pickle.loads(f.getvalue())])


# find_class
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in ("set", "frozenset"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


for proto in range(6):
    for obj in ({1, 2}, Plain(1)):
        try:
            print("restricted", proto, Restricted(io.BytesIO(pickle.dumps(obj, proto))).load())
        except pickle.UnpicklingError as e:
            print("restricted", proto, "!!", e)

up = pickle.Unpickler(io.BytesIO(b""))
print(up.find_class("collections", "OrderedDict"), up.find_class("builtins", "len"))
for args in (("__builtin__", "unicode"), ("copy_reg", "_reconstructor"), ("pickle", "nope"),
             ("collections", "OrderedDict.fromkeys"), ("nosuchmodule", "x")):
    try:
        print(args, up.find_class(*args).__qualname__)
    except Exception as e:
        print(args, "!!", type(e).__name__, e)

# the memo, kept across dumps and loads of one Pickler / Unpickler
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
obj = ["shared"]
pk.dump(obj)
pk.dump(obj)
print("memo", sorted((v[0], v[1]) for v in pk.memo.copy().values()), len(f.getvalue()))
up = pickle.Unpickler(io.BytesIO(f.getvalue()))
a = up.load()
b = up.load()
print("memo load", a is b, sorted(up.memo.copy().items()))
pk.clear_memo()
pk.dump(obj)
print("cleared", len(pk.memo.copy()), f.getvalue()[-12:])
pk2 = pickle.Pickler(io.BytesIO(), 2)
pk2.memo = pk.memo
print("primed", len(pk2.memo.copy()))
up2 = pickle.Unpickler(io.BytesIO(b"\x80\x02h\x01."))
up2.memo = up.memo
print("primed load", up2.load())
up.memo.clear()
print("cleared load memo", up.memo.copy())

# fast mode: no memo
pk = pickle.Pickler(io.BytesIO(), 2)
pk.fast = 1
print("fast", pk.fast, pk.bin)
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.fast = True
pk.dump([obj, obj])
print("fast bytes", f.getvalue())

# several pickles in one file, loaded one at a time
f = io.BytesIO()
for proto in range(6):
    pickle.dump({"proto": proto, "data": list(range(proto))}, f, proto)
f.seek(0)
up = pickle.Unpickler(f)
for proto in range(6):
    print("sequential", pickle.load(f))
print("at end", f.read())

# load from files that are not BytesIO
class Reader:
    def __init__(self, data):
        self.data = data
        self.calls = 0

    def read(self, n):
        self.calls += 1
        chunk, self.data = self.data[:n], self.data[n:]
        return chunk

    def readline(self):
        self.calls += 1
        i = self.data.find(b"\n") + 1 or len(self.data)
        line, self.data = self.data[:i], self.data[i:]
        return line


for proto in range(6):
    r = Reader(pickle.dumps([1, "two", {3: 4.0}, (5,)], proto))
    print("reader", proto, pickle.load(r), r.data)

# encodings of Python 2 strings
py2 = b"(lp0\nS'caf\\xc3\\xa9'\np1\naS'\\xff'\np2\na."
print(pickle.loads(py2, encoding="latin1"), pickle.loads(py2, encoding="bytes"))
print(pickle.loads(b"U\x03abcq\x00.", encoding="utf-8"))
try:
    pickle.loads(py2)
except Exception as e:
    print(type(e).__name__, e)

# copyreg registrations
class Registered:
    def __init__(self, v):
        self.v = v


copyreg.pickle(Registered, lambda o: (Registered, (o.v + 1,)))
print("copyreg", pickle.loads(pickle.dumps(Registered(1))).v)

# several pickles in a real file (read through peek()), then what follows them
import os
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "several.pkl")
    with open(path, "wb") as f:
        for proto in range(6):
            pickle.dump([proto, "x" * (proto * 1000), list(range(proto * 3000))], f, proto)
        f.write(b"trailer")
    with open(path, "rb") as f:
        for proto in range(6):
            got = pickle.load(f)
            print("file", proto, got[0], len(got[1]), len(got[2]), f.tell())
        u = pickle.Unpickler(f)
        print("after", f.read())

# find_class raises the audit event pickle.find_class (last: hooks cannot be removed)
import sys

audited = []
sys.addaudithook(lambda e, a: audited.append((e, a)) if e.startswith("pickle") else None)
pickle.loads(pickle.dumps([collections.OrderedDict(), len], 2))
print(audited)
