# Subclassing list and dict: overridden methods are not used by other built-in methods.
class LoudList(list):
    def append(self, x):
        print("append", x)
        super().append(x)

    def __getitem__(self, i):
        return ("item", super().__getitem__(i))


l = LoudList([1])
l.append(2)
l.extend([3])
print(l, l[0], list(l), len(l))


class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)


d = LowerDict(A=1)
d["B"] = 2
d.update(C=3)
print(sorted(d))
