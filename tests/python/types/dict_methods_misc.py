# dict.copy is shallow, dict(mapping) copies, keys are compared with == after hash.
inner = [1]
d = {"k": inner}
c = d.copy()
c["k"].append(2)
c["n"] = 0
print(d, c)
print(dict(d) == d, dict(d) is d, {1.0: "a"}.get(1), {True: "t"}.get(1), {0: "z"}.get(False))
d = {"x": 1}
d.update({"x": 2}, x=3)
print(d, dict([["a", 1], ("b", 2)]), list({"a": 1}.items())[0])
print(sorted({3: 1, 1: 2, 2: 3}.items(), key=lambda kv: kv[1], reverse=True))
d = {}
d[[1][0]] = "one"
d.setdefault(2, []).append("two")
print(d, repr({}), str({1: {2: {}}}))
