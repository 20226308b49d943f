# A class's __dict__ is a read-only mappingproxy; types.MappingProxyType wraps any mapping.
import types
class C:
    a = 1
d = C.__dict__
print(type(d).__name__, "a" in d, d["a"], d.get("zz", 5), len(d) > 0, sorted(k for k in d if not k.startswith("__")))
try:
    d["x"] = 1
except TypeError as e:
    print(e)
p = types.MappingProxyType({"k": 1})
print(p, repr(p), p | {"j": 2}, {"j": 2} | p, p.copy(), list(p.items()), p == {"k": 1}, list(reversed(p)))
try:
    types.MappingProxyType([1])
except TypeError as e:
    print(e)
try:
    hash(p)
except TypeError as e:
    print(e)
try:
    p |= {}
except TypeError as e:
    print(e)
print(vars(C) is not C.__dict__, type(vars(C)).__name__, isinstance(p, types.MappingProxyType))
