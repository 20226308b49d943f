# obj.__class__ = C between classes whose instances are laid out alike: the same slot names in any order, the same __dict__ and weak references (CPython's compatible_for_assignment)
class C: pass
class D: pass
class E: pass
class F(D, E): pass


class G: __slots__ = ["a", "b"]
class H: __slots__ = ["b", "a"]
class I: __slots__ = ["a", "b"]
class J: __slots__ = ["c", "b"]
class K: __slots__ = ["a", "b", "d"]
class L(H): __slots__ = ["e"]
class M(I): __slots__ = ["e"]
class N(J): __slots__ = ["__weakref__"]
class P(J): __slots__ = ["__dict__"]
class Q(J): pass
class R(J): __slots__ = ["__dict__", "__weakref__"]
class Int(int): __slots__ = []


def can(x, cls):
    try:
        x.__class__ = cls
        return True
    except TypeError:
        return False


print([can(a(), b) for a in (C, D, E, F) for b in (C, D, E, F)])
for cls, cls2 in ((G, H), (G, I), (I, H), (Q, R), (R, Q)):
    x = cls()
    x.a = 1
    x.b = 2
    x.__class__ = cls2
    print(cls.__name__, cls2.__name__, type(x).__name__, x.a, x.b)
    x.__class__ = cls
    print(type(x).__name__, x.a, x.b)
group = (G, J, K, L, M, N, P, R, list, Int)
print([(a.__name__, b.__name__) for a in group for b in group if a is not b and can(a(), b)])
print(can(C(), list), can([], C), can(C(), object), can(object(), C), can(True, int), can(2, bool))
try:
    G().__class__ = J
except TypeError as e:
    print(e)
print(list(vars(type("S", (), {"__slots__": ("y", "x", "__weakref__")}))))
