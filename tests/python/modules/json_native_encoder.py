# json encoding through the _json accelerator (json.dumps with indent=None): every type
# the encoder knows, subclasses, separators, key coercion, and its errors.
import enum
import json
import json.encoder
from collections import OrderedDict


def show(obj, **kw):
    try:
        print(ascii(json.dumps(obj, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


print("wired", json.encoder.c_make_encoder is not None,
      json.encoder.c_encode_basestring_ascii is not None,
      json.encoder.c_encode_basestring is not None)


class MyInt(int):
    def __repr__(self):
        return "MyInt!"

    __str__ = __repr__


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyStr(str):
    def __str__(self):
        return "MyStr!"


class MyList(list):
    def __iter__(self):
        return iter([99])


class MyTuple(tuple):
    pass


class MyDict(dict):
    def items(self):
        return [("overridden", True)]


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


class Flt(float, enum.Enum):
    HALF = 0.5


# scalars
for obj in [None, True, False, 0, 1, -1, 2**62, -2**62 - 1, 2**64, 10**30, -10**30,
            0.0, -0.0, 1.5, -2.25, 1e16, 1e-5, 1e22, 123456789.123, 0.1 + 0.2, 5e-324,
            1.7976931348623157e308, float('inf'), float('-inf'), float('nan'),
            "", "abc", 'q"uote', "back\\slash", "ctl\x00\x01\x1f\x7f", "\b\f\n\r\t",
            "caf\u00e9", "\u4e2d\u6587", "\U0001f600", "\ud800", "\udfff", "a\ud83d\ude00b",
            MyInt(5), MyFloat(2.5), MyStr("s"), Color.GREEN, Flt.HALF, True + 0]:
    show(obj)
    show([obj])
    show(obj, ensure_ascii=False)

# containers and subclasses
show([1, [2, [3, []]], (4, 5), ()])
show({"a": 1, "b": {"c": [1, 2, {}]}, "d": ()})
show(MyList([1, 2]))
show(MyTuple((1, 2)))
show(MyDict(a=1))
show(OrderedDict([("z", 1), ("a", 2)]))
show(OrderedDict([("z", 1), ("a", 2)]), sort_keys=True)
show({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True)
show({"b": 1, 2: 3}, sort_keys=True)
show([1, {"a": [2, 3]}], separators=(",", ":"))
show([1, {"a": [2, 3]}], separators=(" ,  ", " : "))
show({"a": 1, "b": 2}, separators=("\u00b7", "\u2192"), ensure_ascii=False)
show({"\u00e9": "\u00e9"})
show({"\u00e9": "\u00e9"}, ensure_ascii=False)

# keys
show({1: "int", 2.5: "float", True: "t", False: "f", None: "n", "s": "str"})
show({MyInt(3): 1, MyFloat(1.5): 2, MyStr("k"): 3, Color.RED: 4})
show({float("inf"): 1, float("-inf"): 2, float("nan"): 3})
show({float("inf"): 1}, allow_nan=False)
show({(1, 2): 3})
show({(1, 2): 3, "a": 1}, skipkeys=True)
show({"a": 1, (1, 2): 3, "b": 2}, skipkeys=True)
show({frozenset(): 1, object: 2}, skipkeys=True)
show({b"x": 1})
show({"a": 1, 1: 2, "1": 3})

# floats not allowed
for obj in [float("nan"), [float("inf")], {"a": float("-inf")}]:
    show(obj, allow_nan=False)

# default
show({"s": {1, 2}}, default=sorted)
show(complex(1, 2), default=lambda o: [o.real, o.imag])
show(object())
show([1, object()])
show({"a": b"bytes"})


class Node:
    def __init__(self, v):
        self.v = v


show([Node(1), Node(2)], default=lambda n: {"node": n.v})
show(Node(3), default=lambda n: n)  # default returning its argument


def failing(o):
    raise RuntimeError("no " + type(o).__name__)


show([1, Node(0)], default=failing)

# circular references
a = []
a.append(a)
show(a)
d = {}
d["self"] = d
show(d)
show([a], check_circular=True)
b = [1, 2]
show([b, b, {"x": b}])  # shared, not circular
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print("RecursionError", e)

# the encoder object itself
enc = json.encoder.c_make_encoder(None, None, json.encoder.encode_basestring_ascii, None,
                                  ":", ",", True, False, True)
print(type(enc).__name__, enc.sort_keys, enc.key_separator, enc.markers)
print("".join(enc([{"b": 1, "a": ["x"]}, 2], 0)))
enc2 = json.encoder.c_make_encoder({}, str, lambda s: "<" + s + ">", 4, ": ", ", ", False,
                                   False, False)
print("".join(enc2(["a", {"k": "v", 1: 2}, {3}], 0)))
bad = json.encoder.c_make_encoder(None, None, lambda s: 5, None, ":", ",", False, False, True)
for call in [lambda: bad(["a"], 0), lambda: enc(1, "x"),
             lambda: json.encoder.c_make_encoder([], None, None, None, ":", ",", 0, 0, 0),
             lambda: json.encoder.c_make_encoder(None, None, None, None, 1, ",", 0, 0, 0),
             lambda: json.encoder.encode_basestring_ascii(b"x"),
             lambda: json.encoder.encode_basestring(5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(json.encoder.encode_basestring_ascii("a\u00e9\U0001f600\"\\\x00\x7f"))
print(ascii(json.encoder.encode_basestring("a\u00e9\U0001f600\"\\\x00\x7f\ud800")))

# indent goes through the pure-Python encoder, which must still agree
show({"a": [1, 2, {"b": None}], "c": "d"}, indent=2)
show([1, [2]], indent="\t", sort_keys=True)

# a larger document round-trips
data = [{"id": i, "name": "item%d" % i, "tags": ["a", "\u00e9"], "score": i * 1.5,
         "ok": i % 2 == 0, "none": None} for i in range(300)]
text = json.dumps(data)
print(len(text), json.loads(text) == data)
print(json.dumps(data, ensure_ascii=False, sort_keys=True) ==
      json.dumps(json.loads(json.dumps(data, ensure_ascii=False)), ensure_ascii=False,
                 sort_keys=True))

# ints past the digit limit of str(int)
for obj in [10**5000, {10**5000: 1}, [10**4000]]:
    try:
        print(len(json.dumps(obj)))
    except ValueError as e:
        print("ValueError", e)
