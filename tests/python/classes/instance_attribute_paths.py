# Instance attribute reads and writes through every path: the plain instance dict, a
# replaced __dict__, __class__ changes, data and non-data descriptors on the class,
# __slots__, __setattr__/__getattr__ hooks, and class attributes shadowed per instance.
class A:
    shared = "class"

    def method(self):
        return "method"


a = A()
a.x = 1
a.__dict__ = {"y": 2}
print(a.__dict__, hasattr(a, "x"), a.y, a.shared)
a.shared = "instance"
print(a.shared, A.shared)
a.method = lambda: "shadowed"
print(a.method(), A().method())
del a.shared
print(a.shared)


class WithProperty:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, value):
        self._v = value


p = WithProperty()
p.v = 4
print(p.v, p.__dict__)


class NonData:
    def __get__(self, obj, owner):
        return "from descriptor"


class HasNonData:
    d = NonData()


h = HasNonData()
print(h.d)
h.__dict__["d"] = "from dict"
print(h.d)


class Slotted:
    __slots__ = ("a", "b")


s = Slotted()
s.a = 1
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError", e)
print(s.a, hasattr(s, "b"))


class Hooked:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

    def __getattr__(self, name):
        return "missing " + name


k = Hooked()
k.n = 21
print(k.n, k.other)


class Later:
    pass


obj = Later()
for i in range(3):
    obj.count = getattr(obj, "count", 0) + 1
print(obj.count)
Later.count = property(lambda self: "property wins")
print(obj.count)
