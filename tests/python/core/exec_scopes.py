# exec with separate globals and locals: functions defined inside see globals only.
g = {"x": "global x"}
l = {"x": "local x"}
exec("y = x\ndef f():\n    return x\nz = f()", g, l)
print(l["y"], l["z"], sorted(k for k in l))
ns = {}
exec("class C:\n    a = 1\n    b = a + 1", ns)
print(ns["C"].b)
code = "total = sum(range(n))"
loc = {"n": 5}
exec(code, {}, loc)
print(loc["total"])
