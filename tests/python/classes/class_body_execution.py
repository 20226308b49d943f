# A class body runs once, top to bottom, at definition time; its locals become attributes.
print("before class")


class C:
    print("in class body")
    x = 1
    y = x + 1
    for i in range(3):
        pass
    del i
    z = [x] * 2


print("after class", C.x, C.y, C.z, hasattr(C, "i"))
print(C.__name__, C.__qualname__, C.__module__)


def f():
    class Local:
        pass

    return Local


print(f().__qualname__, f() is f())
