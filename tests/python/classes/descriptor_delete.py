# __delete__ on a descriptor handles del on instances.
class Guarded:
    def __set_name__(self, owner, name):
        self.key = name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.key, "missing")

    def __set__(self, obj, v):
        obj.__dict__[self.key] = v

    def __delete__(self, obj):
        print("deleting", self.key)
        obj.__dict__.pop(self.key, None)


class C:
    g = Guarded()


c = C()
c.g = 3
print(c.g)
del c.g
print(c.g)


class NoDelete:
    def __get__(self, o, t):
        return 1

    def __set__(self, o, v):
        pass


class D:
    x = NoDelete()


try:
    del D().x
except AttributeError as e:
    print("AttributeError:", e)
