# The errors of the _pickle accelerator, with CPython 3.11's C pickler's types and
# messages: bad and truncated data, stack and mark misuse, unpicklable objects, bad
# reduce values, and bad arguments.
import io
import pickle
import re


def clean(text):
    return re.sub(r" at 0x[0-9a-f]+", "", str(text))


def loads(data, **kw):
    try:
        print(data, "->", clean(repr(pickle.loads(data, **kw))))
    except Exception as e:
        print(data, "!!", type(e).__name__, clean(e))


def dumps(obj, proto=None, **kw):
    try:
        print(clean(repr(obj))[:60], proto, "->", pickle.dumps(obj, proto, **kw))
    except Exception as e:
        print(clean(repr(obj))[:60], proto, "!!", type(e).__name__, clean(e))


# bad and truncated data
for data in [b"", b"x", b"\x00", b"'", b"\\", b"\xff", b"\x80", b"\x80\x06", b"\x80\x04\x95",
             b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N.", b"N", b"K", b"J\x00\x00",
             b"M\x00", b"G\x00\x00\x00", b"X\x05\x00\x00\x00abc", b"\x8c\x05ab", b"C\x02a",
             b"B\x03\x00\x00\x00ab", b"I12", b"I12\n", b"Iabc\n.", b"I0x10\n.", b"I010\n.",
             b"I00\n.", b"I01\n.", b"I99999999999999999999\n.", b"L12L\n.", b"L12\n.",
             b"Labc\n.", b"F1.5\n.", b"Fabc\n.", b"Finf\n.", b"F1e999\n.", b"V\\u20ac\n.",
             b"S'abc'\n.", b"S\"a\\nb\"\n.", b"Sabc\n.", b"S'abc\n.", b"T\x03\x00\x00\x00abc.",
             b"T\xff\xff\xff\xff.", b"U\x02ab.", b"\x8a\x02\xff\x7f.", b"\x8a\x00.",
             b"\x8b\xff\xff\xff\xff.", b"\x8a\x09\x01\x00\x00\x00\x00\x00\x00\x00\x80.",
             b"\x8d\x02\x00\x00\x00\x00\x00\x00\x00\xc3\xa9.", b"X\x02\x00\x00\x00\xc3\x28.",
             b"X\x03\x00\x00\x00\xed\xa0\x80.", b"\x8e\x01\x00\x00\x00\x00\x00\x00\x00z.",
             b"\x96\x01\x00\x00\x00\x00\x00\x00\x00z.", b"]\x94h\x00.", b"Ng0\n.", b"h\x05.",
             b"j\x00\x01\x00\x00.", b"Np-1\n.", b"Np0\ng0\n.", b"Nq\x00h\x00.",
             b"Nr\x00\x00\x01\x00j\x00\x00\x01\x00.", b"N\x94h\x00.", b"\x94.", b"q\x00.",
             b"0.", b"1.", b"2.", b"(.", b"(N.", b"(0N.", b"(N0.", b"N(1.", b"(t.", b"(l.",
             b"(d.", b"(N.", b"(Nd.", b"(NNd.", b"a.", b"]Na.", b"N]a.", b"](Ne.", b"](e.",
             b"}s.", b"}Ns.", b"}NNs.", b"}(Nu.", b"}(NNu.", b"\x8f(N\x90.", b"(\x90.",
             b"(N\x91.", b"\x85.", b"N\x86.", b"NN\x87.", b"(NN\x86.", b"N)R.", b"NNR.",
             b"c__builtin__\nlen\n)R.", b"cbuiltins\nlen\n.", b"cbuiltins\nnope\n.",
             b"cnosuchmodule\nx\n.", b"cbuiltins\n.", b"c\n.", b"\x8c\x08builtins\x8c\x03len\x93.",
             b"\x8c\x08builtinsK\x01\x93.", b"\x80\x04\x8c\x08builtins\x8c\x0fstr.maketrans\x93.",
             b"\x80\x03\x8c\x08builtins\x8c\x0fstr.maketrans\x93.", b"\x80\x04\x8c\x08builtins\x8c\x0ba.<locals>.b\x93.",
             b"N)\x81.", b"cbuiltins\nobject\nN\x81.", b"cbuiltins\nobject\n)}\x92.",
             b"cbuiltins\nobject\n)N\x92.", b"cbuiltins\nobject\n)\x81}b.",
             b"cbuiltins\nobject\n)\x81N}\x86b.", b"cbuiltins\nobject\n)\x81NN\x86b.",
             b"cbuiltins\nobject\n)\x81}N\x86b.", b"Nb.", b"(cbuiltins\nlist\no.",
             b"(cbuiltins\nlist\n)o.", b"(o.", b"(ibuiltins\nlist\n.", b"(ibuiltins\nnope\n.",
             b"\x82\x00.", b"\x82\x01.", b"\x83\x00\x00.", b"\x84\xff\xff\xff\xff.", b"Pabc\n.",
             b"NQ.", b"\x97.", b"N\x98.", b"\x98.", b"\x80\x05\x95\x02\x00\x00\x00\x00\x00\x00\x00N..",
             b"N\x80\x02.", b"Vabc", b"V\\xzz\n.", b"Nr\xff\xff\xff\x7f.",
             b"Nr\xff\xff\xff\xff.", b"Np99999999999\n."]:
    loads(data)

loads(b"\x97.", buffers=())
loads(b"\x97.", buffers=[b"abc"])
loads(b"\x97\x98.", buffers=[bytearray(b"abc")])
loads(b"U\x02\xc3\xa9.", encoding="utf-8")
loads(b"U\x02\xc3\xa9.", encoding="nosuchcodec")
loads(b"U\x02\xff\xfe.", encoding="utf-8", errors="replace")
loads("N.")
loads(123)
loads(b"K\x05.")
loads(bytearray(b"K\x06."))


# unpicklable objects and bad reduce values
def outer():
    def inner():
        pass
    return inner


class NoReduce:
    def __reduce_ex__(self, proto):
        raise TypeError("no way")


class BadReduce:
    def __init__(self, rv):
        self.rv = rv

    def __reduce__(self):
        return self.rv

    __reduce_ex__ = None


class BadReduce2:
    def __init__(self, rv):
        self.rv = rv

    def __reduce_ex__(self, proto):
        return self.rv


class Liar:
    pass


Liar.__qualname__ = "Other"
Liar.__module__ = "nosuchmodule"


class Liar2:
    pass


Liar2.__qualname__ = "pickle"

class NewObj:
    pass


for obj in [lambda: 1, outer(), NoReduce(), Liar, Liar2, BadReduce2(42), BadReduce2(()),
            BadReduce2((1,)), BadReduce2((len, ())), BadReduce2((1, ())), BadReduce2((len, 1)),
            BadReduce2((len, (), None, 5)), BadReduce2((len, (), None, None, 5)),
            BadReduce2((len, (), None, None, None, 5)), BadReduce2((len, (), 1, 2, 3, 4, 5)),
            BadReduce2("nosuchname"), BadReduce2("pickle"),
            BadReduce2((copyreg_newobj := __import__("copyreg").__newobj__, ())),
            BadReduce2((copyreg_newobj, (1,))), BadReduce2((copyreg_newobj, (int,))),
            BadReduce2((__import__("copyreg").__newobj_ex__, ())),
            BadReduce2((__import__("copyreg").__newobj_ex__, (1, (), {}))),
            BadReduce2((__import__("copyreg").__newobj_ex__, (NewObj, 1, {}))),
            BadReduce2((__import__("copyreg").__newobj_ex__, (NewObj, (), 1))),
            iter([1]), (x for x in [])]:
    for proto in (0, 2, 4):
        dumps(obj, proto)

dumps(1, 6)
dumps(1, -1)
dumps(1, "4")
dumps(1, 2, buffer_callback=print)
dumps(1, 5, buffer_callback=None)
dumps("\udcff", 0)
dumps("\udcff", 3)


class Deep:
    pass


x = []
for i in range(2000):
    x = [x]
try:
    pickle.dumps(x)
except RecursionError as e:
    print("RecursionError", e)

pk = pickle.Pickler(io.BytesIO(), 2)
pk.fast = 1
cyc = []
cyc.append(cyc)
for i in range(60):
    cyc = [cyc]
try:
    pk.dump(cyc)
except ValueError as e:
    print("ValueError", clean(e).split(" at ")[0])

# arguments and uninitialized objects
for make in (lambda: pickle.Pickler(), lambda: pickle.Pickler(42),
             lambda: pickle.Pickler(io.BytesIO(), 9), lambda: pickle.Unpickler(),
             lambda: pickle.Unpickler(42), lambda: pickle.Unpickler(io.BytesIO(), encoding=1),
             lambda: pickle.dumps(), lambda: pickle.dumps(1, 2, 3), lambda: pickle.loads(),
             lambda: pickle.loads(b"N.", 1), lambda: pickle.loads(data=b"N."),
             lambda: pickle.dump(1), lambda: pickle.load(io.BytesIO(b"")),
             lambda: pickle.Unpickler(io.BytesIO(b"")).load()):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)


class NoInit(pickle.Pickler):
    def __init__(self):
        pass


class NoInitU(pickle.Unpickler):
    def __init__(self):
        pass


for cls in (NoInit, NoInitU):
    try:
        o = cls()
        o.dump(1) if cls is NoInit else o.load()
    except Exception as e:
        print(type(e).__name__, e)

pk = pickle.Pickler(io.BytesIO())
for attr, value in (("persistent_id", 5), ("memo", 5), ("memo", {1: 2}), ("fast", "x")):
    try:
        setattr(pk, attr, value)
        print(attr, "set")
    except Exception as e:
        print(attr, type(e).__name__, e)
try:
    pk.persistent_id
except AttributeError as e:
    print("AttributeError", e)
try:
    del pk.memo
except Exception as e:
    print(type(e).__name__, e)
up = pickle.Unpickler(io.BytesIO())
for attr, value in (("persistent_load", 5), ("memo", 5), ("memo", {-1: 2})):
    try:
        setattr(up, attr, value)
        print(attr, "set")
    except Exception as e:
        print(attr, type(e).__name__, e)
