# dict subclasses with __missing__ handle absent keys for [] but not for get().
class Default(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]


d = Default(a=1)
print(d["a"], d["hello"], d.get("zz"), d)
print("zz" in d)


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()))
