# dict: insertion order, update/setdefault/pop/popitem/get, merge operators and fromkeys.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), d.get("x"), d.get("x", 0), d.setdefault("a", 99), d.setdefault("z", 0))
print(d.pop("z"), d.pop("nope", "dflt"), d.popitem(), d)
d.update([("q", 1)], w=2)
print(d, d | {"a": -1}, {"n": 1} | d)
d |= {"b": 0}
print(d, dict.fromkeys("xy", 0), dict(zip("ab", range(2))), dict(a=1))
for bad in (lambda: d["missing"], lambda: {}.popitem(), lambda: d.pop("nope")):
    try:
        bad()
    except KeyError as e:
        print("KeyError", e)
print(len(d), "a" in d, 1 in d, {1: "a", 1.0: "b", True: "c"})
