# gc: enable/disable state, collect returns an int, objects in reference cycles get collected.
import gc
import weakref

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), isinstance(gc.collect(), int))


class Node:
    pass


a, b = Node(), Node()
a.other, b.other = b, a
ref = weakref.ref(a)
del a, b
gc.collect()
print(ref() is None)
print(callable(gc.get_threshold), isinstance(gc.get_count(), tuple))
