# weakref.ref callbacks: run after the referent dies (gc.collect() makes the collection
# happen here), receive the weakref, run once, and not at all when the weakref dies with
# its referent; exceptions in them are reported and ignored.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Obj({self.name})"


log = []


def callback(ref):
    log.append(("callback", ref() is None, ref is saved))


o = Obj("a")
saved = weakref.ref(o, callback)
print(saved() is o, saved.__callback__ is callback)
del o
gc.collect()
print(log, saved(), saved.__callback__)
gc.collect()
print(len(log))

# Several references to one object: each callback runs once; a plain ref is cleared too.
log.clear()
o = Obj("b")
refs = [weakref.ref(o, lambda r, i=i: log.append(i)) for i in range(3)]
plain = weakref.ref(o)
print(plain() is o, len(refs))
del o
gc.collect()
print(sorted(log), plain(), [r() for r in refs])

# A weakref that dies together with its referent (all three are unreachable garbage of
# one collection): its callback does not run. (Without the cycle, CPython's reference
# counting would free the referent first and run the callback.)
log.clear()
o, other = Obj("c"), Obj("c2")
o.other, other.other = other, o
o.ref = weakref.ref(other, lambda r: log.append("dead-with-referent"))
del o, other
gc.collect()
print(log)

# A cycle: the weakref to one member is cleared when the cycle is collected.
log.clear()
a, b = Obj("x"), Obj("y")
a.other, b.other = b, a
ra = weakref.ref(a, lambda r: log.append("cycle"))
del a, b
gc.collect()
print(ra(), log)

# The referent stays alive while something references it.
keep = Obj("kept")
rk = weakref.ref(keep, lambda r: log.append("never"))
gc.collect()
print(rk(), log)


# Exceptions in callbacks are printed to stderr and ignored; later callbacks still run.
class Raiser:
    def __call__(self, ref):
        raise ValueError("callback failed")

    def __repr__(self):
        return "<Raiser>"


log.clear()
o = Obj("d")
r1 = weakref.ref(o, Raiser())
r2 = weakref.ref(o, lambda r: log.append("after raiser"))
del o
gc.collect()
print(log, r1(), r2())

# Callbacks may allocate, create new weakrefs and collect again.
log.clear()
o = Obj("e")


def reviving(ref):
    n = Obj("new")
    log.append(("reviving", weakref.ref(n)() is n))
    gc.collect()


r3 = weakref.ref(o, reviving)
del o
gc.collect()
print(log)

# Proxies with callbacks.
log.clear()
o = Obj("p")
p = weakref.proxy(o, lambda pr: log.append("proxy callback"))
print(p.name)
del o
gc.collect()
print(log)
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

# sys.unraisablehook sees what callbacks raise (as test.support's catcher does).
import sys

print(sys.unraisablehook is sys.__unraisablehook__)
seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.err_msg, repr(args.object),
                 args.exc_traceback is not None))


sys.unraisablehook = hook
o = Obj("u")
ru = weakref.ref(o, Raiser())
del o
gc.collect()
sys.unraisablehook = sys.__unraisablehook__
print(seen)
