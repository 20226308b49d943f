# Subclasses can extend an inherited property by building a new one from the parent's.
class Base:
    @property
    def name(self):
        return "base"


class Child(Base):
    @Base.name.getter
    def name(self):
        return "child of " + super().name


class Settable(Base):
    name = Base.name.setter(lambda self, v: setattr(self, "_n", v))


print(Child().name)
s = Settable()
s.name = "x"
print(s.name, s._n)
p = property(lambda self: 1, doc="explicit doc")
print(p.__doc__, p.fget(None), p.fset, p.fdel)
