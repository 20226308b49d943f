# Class bodies are not enclosing scopes for their methods, and comprehensions in a class body
# cannot see class variables except the first iterable.
x = "module"


class C:
    x = "class"
    y = x
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]

    def method(self):
        return x

    try:
        bad = [x for _ in range(1)]
    except NameError:
        bad = "NameError"


print(C.y, C().method(), C.doubled, C.bad)


def f():
    v = "enclosing"

    class D:
        w = v

    return D.w


print(f())
