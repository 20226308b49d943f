# __new__ creates and __init__ initializes; __init__ is skipped when __new__ returns a foreign object.
class Tracked:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, v):
        print("init", v)
        self.v = v


t = Tracked(1)


class Weird:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(Weird())


class BadInit:
    def __init__(self):
        return 1


try:
    BadInit()
except TypeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
