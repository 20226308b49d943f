# Truth value: __bool__ first, then __len__; __bool__ must return a bool.
class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class L:
    def __len__(self):
        return 0


class Neither:
    pass


print(bool(B(True)), bool(B(False)), bool(L()), bool(Neither()), not L())
try:
    bool(B(1))
except TypeError as e:
    print(e)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print(e)
print("yes" if B(False) or L() or [0] else "no")
