# Decorators may be arbitrary expressions (PEP 614).
decorators = [lambda f: f, lambda f: lambda: f() + "!"]


class NS:
    deco = staticmethod(lambda f: lambda: f().upper())


@decorators[1]
def a():
    return "a"


@NS.deco
def b():
    return "b"


@(lambda f: f)
def c():
    return "c"


@decorators[0] if True else None
def d():
    return "d"


print(a(), b(), c(), d())
