# weakref.WeakMethod works (a ref subclass with __weakref__ in its __slots__), and a ref subclass's __init__ may take keywords (ref() itself takes none)
import weakref, gc
class O:
    def method(self):
        return "called"
o = O()
try:
    weakref.ref(o, callback=None)
except TypeError as e:
    print(e)
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)
r = MyRef(o, value=24)
print(r.value, r() is o)
class R2(weakref.ref):
    pass
print(weakref.ref(R2(o)) is not None)
wm = weakref.WeakMethod(o.method)
print(wm()(), wm == weakref.WeakMethod(o.method), hash(wm) == hash(weakref.WeakMethod(o.method)))
dead = []
wm2 = weakref.WeakMethod(o.method, dead.append)
del o
gc.collect()
print(wm(), wm2(), len(dead))
