# return without a value, with a tuple without parentheses, and implicit None.
def a():
    return


def b():
    return 1, 2


def c():
    pass


def d():
    return *[1], 2


print(a(), b(), c(), d())
