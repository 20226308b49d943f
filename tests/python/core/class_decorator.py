# Class decorators receive the class after creation and may return another object.
def add_repr(cls):
    cls.__repr__ = lambda self: f"{cls.__name__}({vars(self)})"
    return cls


def count_instances(cls):
    cls.count = 0
    orig = cls.__init__

    def init(self, *a):
        cls.count += 1
        orig(self, *a)

    cls.__init__ = init
    return cls


@add_repr
@count_instances
class P:
    def __init__(self, v):
        self.v = v


print(P(1), P(2), P.count)
