# __del__ methods run once the collector finds their object dead (gc.collect() forces
# it), at most once per object; objects they resurrect stay alive; exceptions in them are
# reported and ignored. Weak references to the object are cleared first.
import gc
import weakref

log = []


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(("del", self.name))


n = Noisy("a")
del n
gc.collect()
print(log)

# Cycles with finalizers are collected too (PEP 442), each finalizer run once.
log.clear()
a, b = Noisy("x"), Noisy("y")
a.other, b.other = b, a
del a, b
gc.collect()
print(sorted(log))
gc.collect()
print(len(log))

# Resurrection: the object stays alive and its __del__ does not run a second time.
saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(("phoenix", self.name))
        saved.append(self)


log.clear()
p = Phoenix("p")
r = weakref.ref(p)
del p
gc.collect()
print(log, saved[0].name, gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print(log)


# An exception in __del__ is printed to stderr and ignored. (A callable object with a
# repr of its own stands in for the function, whose repr would show an address.)
class DelRaiser:
    def __call__(self):
        log.append("broken del")
        raise RuntimeError("in __del__")

    def __repr__(self):
        return "<DelRaiser>"


class Broken:
    __del__ = DelRaiser()


log.clear()
x = Broken()
del x
gc.collect()
print(log)


# A subclass inherits __del__.
class Child(Noisy):
    pass


log.clear()
c = Child("child")
del c
gc.collect()
print(log)

# What the finalized object references is still intact while __del__ runs.
class Holder:
    def __init__(self):
        self.items = [Noisy("held%d" % i) for i in range(3)]

    def __del__(self):
        log.append(("holder", [i.name for i in self.items]))


log.clear()
h = Holder()
del h
gc.collect()
gc.collect()
print(sorted(log, key=str))

# Many finalizable objects, collected without an explicit gc.collect() while allocating.
count = 0


class Counted:
    def __del__(self):
        global count
        count += 1


for i in range(300000):
    Counted()
    if count:
        break
print("finalized while allocating:", count > 0)
print(gc.is_finalized(Noisy("z")), gc.is_finalized(1))
