# __setattr__ and __delattr__ intercept assignment and deletion, including in __init__.
class Logged:
    def __init__(self):
        self.x = 1

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 10 if isinstance(value, int) else value)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)


l = Logged()
l.y = 2
print(l.x, l.y, sorted(vars(l)))
del l.x
print(hasattr(l, "x"))


class Frozen:
    def __setattr__(self, n, v):
        raise AttributeError(f"{type(self).__name__} is frozen")


try:
    Frozen().a = 1
except AttributeError as e:
    print(e)
try:
    object().attr = 1
except AttributeError as e:
    print(e)
