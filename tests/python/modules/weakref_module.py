# weakref.ref callbacks, WeakValueDictionary and finalize after explicit deletion and collection.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name


o = Obj("x")
log = []
r = weakref.ref(o, lambda ref: log.append("callback"))
d = weakref.WeakValueDictionary()
d["k"] = o
weakref.finalize(o, log.append, "finalized")
print(r() is o, r().name, len(d))
del o
gc.collect()
print(r(), len(d), sorted(log))
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
