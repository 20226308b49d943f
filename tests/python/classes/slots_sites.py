# Attribute reads and writes of __slots__ members from the same instruction over many
# objects and classes: emptied slots, replaced descriptors, foreign descriptors.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Q(P):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

class R(P):
    pass  # has a dict too

def read_x(o):
    return o.x

def write_x(o, v):
    o.x = v

objs = [P(1, 2), Q(3, 4, 5), R(6, 7)]
for round in range(3):
    print([read_x(o) for o in objs])
    for o in objs:
        write_x(o, read_x(o) * 10)

r = objs[2]
r.w = 99
print(r.w, r.__dict__)

# An empty slot raises AttributeError from the same site that read it before.
p = P(1, 2)
del p.x
for o in (objs[0], p):
    try:
        print(read_x(o))
    except AttributeError as e:
        print("AttributeError:", e)

# __getattr__ on a subclass answers for an empty slot.
class G(P):
    __slots__ = ()
    def __getattr__(self, name):
        return "fallback " + name
g = G(1, 2)
print(read_x(g))
del g.x
print(read_x(g))

# Replacing the class attribute with a property changes what the same site does.
class S:
    __slots__ = ("x",)
s = S()
write_x(s, 5)
print(read_x(s))
saved = S.x
S.x = property(lambda self: "property", lambda self, v: print("set via property", v))
print(read_x(s))
write_x(s, 7)
S.x = saved
print(read_x(s))

# A slot descriptor put on an unrelated class does not apply to its instances.
class Foreign:
    x = P.__dict__["x"]
f = Foreign()
for action in (lambda: read_x(f), lambda: write_x(f, 1)):
    try:
        action()
    except TypeError as e:
        print("TypeError:", e)

# A data descriptor on a subclass takes over from the inherited slot.
class T(P):
    @property
    def x(self):
        return "T.x"
t = T.__new__(T)
print(read_x(t))
try:
    write_x(t, 3)
except AttributeError as e:
    print("AttributeError:", e)

# __setattr__ hook on a subclass sees the write.
class H(P):
    __slots__ = ()
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
h = H(1, 2)
write_x(h, 8)
print(read_x(h))
