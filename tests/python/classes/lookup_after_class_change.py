# Attribute lookups must see every change to a class or its bases, however often the
# same lookup ran before (pypy-stm caches lookups along the MRO per thread).
import _thread


class Base:
    kind = "base"

    def greet(self):
        return "hello from Base"


class Mid(Base):
    pass


class Leaf(Mid):
    pass


obj = Leaf()
for _ in range(3):
    print(obj.kind, obj.greet())

Base.kind = "changed"
print(obj.kind)
Base.greet = lambda self: "patched Base"
print(obj.greet())
Mid.greet = lambda self: "Mid now"
print(obj.greet())
del Mid.greet
print(obj.greet())
del Base.kind
try:
    obj.kind
except AttributeError as e:
    print("AttributeError", e)
obj.kind = "instance"
print(obj.kind)
Leaf.kind = property(lambda self: "data descriptor wins")
print(obj.kind)
del Leaf.kind
print(obj.kind)

# A missing attribute found missing many times, then added to a base.
for _ in range(5):
    print(hasattr(obj, "late"), end=" ")
print()
Base.late = 42
print(obj.late)
setattr(Mid, "late", 43)
print(obj.late)
type.__setattr__(Leaf, "late", 44)
print(obj.late)

# __class__ assignment switches the lookups to the new class.
class Other:
    def greet(self):
        return "Other"

class Plain:
    def greet(self):
        return "Plain"

p = Plain()
print(p.greet())
p.__class__ = Other
print(p.greet())

# A change made by another thread is seen after it finishes.
class Shared:
    value = 1

def reader():
    return Shared.value

print(sum(reader() for _ in range(100)))
done = _thread.allocate_lock()
done.acquire()

def changer():
    Shared.value = 2
    done.release()

_thread.start_new_thread(changer, ())
done.acquire()
print(sum(reader() for _ in range(100)))

# Many classes with the same attribute names (cache slots shared).
classes = [type("C%d" % i, (Base,), {"n": i}) for i in range(3000)]
print(sum(c().n for c in classes))
for c in classes[::7]:
    c.n = -1
print(sum(c().n for c in classes))
