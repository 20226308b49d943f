# __prepare__ supplies the class namespace; it can record definition order or reject duplicates.
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.order.append(k)
        super().__setitem__(k, v)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return Recorder()

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls


class C(metaclass=Meta):
    zeta = 1
    alpha = 2

    def mid(self):
        pass

    zeta = 3


print(C.order, C.zeta)
