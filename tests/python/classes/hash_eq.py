# Defining __eq__ without __hash__ makes instances unhashable; __hash__ = None likewise.
class EqOnly:
    def __eq__(self, o):
        return True


class Both:
    def __init__(self, k):
        self.k = k

    def __eq__(self, o):
        return isinstance(o, Both) and self.k == o.k

    def __hash__(self):
        return hash(self.k)


print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(e)
s = {Both(1), Both(1), Both(2)}
print(len(s), Both(2) in s)
print({Both("a"): 1}[Both("a")])


class Child(Both):
    __hash__ = None


try:
    {Child(1)}
except TypeError as e:
    print(e)
