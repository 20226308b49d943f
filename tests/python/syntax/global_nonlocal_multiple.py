# global and nonlocal statements with several names.
a = b = 0


def f():
    global a, b
    a, b = 1, 2
    c = d = 0

    def g():
        nonlocal c, d
        c, d = 3, 4

    g()
    return c, d


print(f(), a, b)
