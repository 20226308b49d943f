# dict equality ignores order; deleting and reinserting moves a key to the end.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b))
del a["x"]
a["x"] = 1
print(list(a), a == b)
d = {}
for i in range(10):
    d[i] = i
for i in range(0, 10, 2):
    del d[i]
d[0] = "back"
print(d, list(d.items())[:2])
print({1: 2} == {1: 2.0}, {1: [1]} != {1: [1]}, dict(sorted({"b": 1, "a": 2}.items())))
