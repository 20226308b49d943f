# locals() in a function is one dict per frame, refreshed at each call (keys added stay, deleted locals go).
import sys
def f(a):
    b = 2
    loc = locals()
    loc["c"] = 3
    del b
    again = locals()
    return sorted(loc), again is loc, "b" in again, sys._getframe().f_locals is loc
print(f(1))
def g():
    x = 1
    exec("y = x + 1")
    return locals().get("y"), sorted(locals())
print(g())
def h():
    v = 1
    def inner():
        return v
    return sorted(locals())
print(h())
class C:
    y = 5
    print(sorted(k for k in locals() if not k.startswith("__")))
