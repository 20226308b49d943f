# Attribute loads and stores at one place in the code see a change to any class on the
# MRO: a property, __getattribute__ or __setattr__ added to a base after instances exist.
# settle() runs enough instructions to end the running transaction: lookups of classes
# that a transaction made itself are never cached, so the classes must be older.


def settle():
    for _ in range(30000):
        pass


class A:
    pass


class B(A):
    pass


class C(B):
    def __init__(self):
        self.x = 1


def get(o):
    return o.x


def put(o, v):
    o.x = v


c = C()
settle()
print([get(c) for _ in range(3)])
A.x = property(lambda self: 42)
print([get(c) for _ in range(3)])
try:
    put(c, 5)
except AttributeError as e:
    print("AttributeError:", e)
del A.x
print(get(c))
put(c, 7)
print(get(c))
B.x = property(lambda self: "B", lambda self, v: print("setter got", v))
put(c, 9)
print(get(c))
del B.x
print(get(c))


class Meta(type):
    pass


class E(metaclass=Meta):
    def __init__(self):
        self.x = "e"


e = E()
settle()
print(get(e))
E.__getattribute__ = lambda self, n: "getattribute:" + n
print(get(e))
del E.__getattribute__
print(get(e))
E.__setattr__ = lambda self, n, v: print("setattr", n, v)
put(e, 1)
print(get(e))
del E.__setattr__
put(e, 2)
print(get(e))
# A base's change after many loads, in a loop that a cached lookup would have served.
total = 0
settle()
for i in range(200):
    if i == 100:
        A.x = property(lambda self: 1000)
    total += get(c)
print(total)
