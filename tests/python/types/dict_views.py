# keys/values/items views are live, support set operations (keys/items), and compare like sets.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
d["c"] = 3
print(k, v, it, len(k))
print(k & {"a", "z"}, sorted(k | {"z"}), k - {"a"}, sorted(k ^ {"a", "q"}))
print(("a", 1) in it, ("a", 2) in it, 3 in v, k == {"a", "b", "c"}, k.isdisjoint(["x"]))
print(list(reversed(k)), list(reversed(it)), it - {("a", 1)})
print(v == v, d.values() == d.values())
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
print(type(k).__name__, type(v).__name__, type(it).__name__)
