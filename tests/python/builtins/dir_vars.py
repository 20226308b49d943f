# dir() of modules, classes and instances (sorted), dir() without arguments, and vars().
class C:
    cls_attr = 1

    def __init__(self):
        self.inst = 2

    def method(self):
        pass


def f():
    local_one = 1
    local_two = 2
    return dir()


print([n for n in dir(C()) if not n.startswith("_")])
print(f(), dir([])[-3:], "append" in dir(list))
print(sorted(vars(C())), dir(C) == sorted(dir(C)))


class Custom:
    def __dir__(self):
        return ["z", "a", "m"]


print(dir(Custom()))
