# A compiled pattern takes weak references (caches keep patterns weakly), as in CPython;
# a match object does not.
import re, weakref
p = re.compile("a+b")
r = weakref.ref(p)
print(r() is p, weakref.proxy(p).match("aab").group())
d = weakref.WeakValueDictionary()
d["k"] = p
print(list(d.keys()))
try:
    weakref.ref(p.match("ab"))
except TypeError as e:
    print("TypeError:", e)
