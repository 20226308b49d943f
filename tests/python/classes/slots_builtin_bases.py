# Which builtin bases take nonempty __slots__, a __dict__ slot and a __weakref__ slot (CPython's rules: none below int, bytes, tuple, type; no __dict__ where the base has one; no __weakref__ where the base takes weak references); str subclasses keep slot values
import array
import collections
import gc
import weakref

bases = [object, int, float, complex, str, bytes, bytearray, tuple, list, dict, set, frozenset,
         type, Exception, property, staticmethod, super, enumerate, zip, collections.deque,
         collections.defaultdict, array.array]
for base in bases:
    results = []
    for slots in (("a",), ("__dict__",), ("__weakref__",), ()):
        try:
            cls = type("S", (base,), {"__slots__": slots})
            results.append("ok")
        except TypeError as e:
            results.append(str(e).split(":")[0])
    print(base.__name__, results)


# A str subclass's slots sit after its characters, and survive collections.
class Name(str):
    __slots__ = ("kind", "parts")


names = []
for i in range(300):
    n = Name("name-%d" % i + "\u20ac" * (i % 3))
    n.kind = ["k", i]
    n.parts = n.split("-")
    names.append(n)
gc.collect()
print(names[7], names[7].kind, names[7].parts, names[299].kind, len(names[299]))
print(hasattr(names[0], "__dict__"), names[0].upper(), names[0] == "name-0", hash(names[0]) == hash("name-0"))
try:
    names[0].other = 1
except AttributeError as e:
    print(e)
del names[1].kind
try:
    names[1].kind
except AttributeError as e:
    print(e)

# Slots of subclasses of builtins with fields of their own leave those fields alone.
class Queue(collections.deque):
    __slots__ = ("label", "size")


q = Queue([1, 2, 3])
q.label, q.size = "q", 3
q.append(4)
print(list(q), q.label, q.size)


class Counts(collections.defaultdict):
    __slots__ = ("note",)


c = Counts(int)
c.note = "n"
c["x"] += 2
print(dict(c), c.default_factory, c.note)


# Which instances take weak references.
def takes(obj):
    try:
        weakref.ref(obj)
        return True
    except TypeError:
        return False


class F(float): __slots__ = ()
class FW(float): __slots__ = ("__weakref__",)
class St(str): __slots__ = ()
class StW(str): __slots__ = ("__weakref__",)
class I(int): pass
class T(tuple): pass
class L(list): pass
class Ls(list): __slots__ = ()
class Plain: pass
class NoWeak: __slots__ = ()
class Both(NoWeak, Plain): __slots__ = ()  # a secondary base gives the weak reference

print([takes(x) for x in (F(1), FW(1), St("a"), StW("a"), I(1), T(), L(), Ls(), Plain(), NoWeak(), Both())])
print([("__weakref__" in vars(c), "__dict__" in vars(c)) for c in (F, FW, StW, L, Ls, Plain, NoWeak)])


# Classes that only add a __dict__ and weak references do not conflict in layout.
class A: pass
class B: pass
class AB(A, B): pass
class X: __slots__ = ("x",)
class AX(A, X): pass
ax = AX()
ax.x, ax.y = 1, 2
print(AB.__mro__[1].__name__, ax.x, ax.y, takes(ax))
try:
    class Bad(X, type("Y", (), {"__slots__": ("y",)})): pass
except TypeError as e:
    print(e)
