# nonlocal reaches the nearest enclosing function scope, skipping levels that do not bind the name.
def level1():
    x = "L1"

    def level2():
        def level3():
            nonlocal x
            x = x + "+L3"
            return x

        return level3()

    r = level2()
    return r, x


print(level1())


def two_cells():
    a, b = 1, 2

    def swap():
        nonlocal a, b
        a, b = b, a

    swap()
    return a, b


print(two_cells())
