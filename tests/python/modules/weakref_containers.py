# WeakValueDictionary, WeakKeyDictionary, WeakSet and weakref.finalize after the objects
# they refer to die and gc.collect() runs.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Obj({self.name})"


objs = [Obj(i) for i in range(6)]

wvd = weakref.WeakValueDictionary()
for i, o in enumerate(objs):
    wvd[i] = o
wkd = weakref.WeakKeyDictionary()
for i, o in enumerate(objs):
    wkd[o] = i * 10
ws = weakref.WeakSet(objs)
print(len(wvd), len(wkd), len(ws))

del objs[::2]
gc.collect()
print(len(wvd), sorted(wvd.keys()), sorted(wvd[k].name for k in wvd))
print(len(wkd), sorted(wkd.values()))
print(len(ws), sorted(o.name for o in ws))

# Iterating while entries die: the containers defer their removals.
it_keys = []
for k in wvd.keys():
    it_keys.append(k)
    objs.clear()
    gc.collect()
print(len(it_keys) >= 1, len(wvd), len(wkd), len(ws))

# weakref.finalize: runs once, after death; alive/detach/peek; atexit flag.
log = []
o = Obj("f")
f = weakref.finalize(o, log.append, "finalized f")
print(f.alive, f.peek()[2:], f.atexit)
del o
gc.collect()
print(f.alive, log, f())

o = Obj("g")
g = weakref.finalize(o, log.append, "never")
print(g.detach()[2:], g.alive)
del o
gc.collect()
print(log)

# Calling a finalizer early runs it once; it does not run again at death.
o = Obj("h")
h = weakref.finalize(o, lambda *a, **k: log.append(("h", a, k)), 1, 2, key="v")
print(h())
print(h())
del o
gc.collect()
print(log)

# A finalizer that is still alive at exit runs then (atexit=True by default).
survivor = Obj("s")
weakref.finalize(survivor, print, "finalizer of a survivor, at exit")
quiet = Obj("q")
fq = weakref.finalize(quiet, print, "never printed")
fq.atexit = False

# WeakValueDictionary.setdefault / get / pop on dead entries.
d = weakref.WeakValueDictionary()
x = Obj("x")
d["x"] = x
print(d.get("x"), d.get("y", "default"))
del x
gc.collect()
print(d.get("x"), "x" in d, len(d))
print("end")
