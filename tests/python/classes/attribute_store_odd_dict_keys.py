# Storing an attribute goes through the instance dict as dict.__setitem__ would: a key
# that compares equal to the name (a str subclass with its own __eq__) is replaced in
# place, and new names are added after the ones already there.
class Name(str):
    def __eq__(self, other):
        return str.__eq__(self, other)
    def __hash__(self):
        return str.__hash__(self)

class C:
    def set(self, v):
        self.a = v
        self.b = v + 1

c = C()
c.__dict__[Name("a")] = "old"
c.set(1)
print(sorted((type(k).__name__, k, v) for k, v in c.__dict__.items()))
c.set(2)
print(list(c.__dict__.items()))

d = C()
d.set(5)
del d.a
d.set(6)
print(list(d.__dict__.items()))
for i in range(12):
    setattr(d, "n%d" % i, i)
d.set(7)
print(len(d.__dict__), d.a, d.b, d.n11)
