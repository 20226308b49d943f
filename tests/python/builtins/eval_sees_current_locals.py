# eval() and exec() without namespaces see the function's locals as they are at each call,
# not as they were at the first one; names exec adds stay in the snapshot, as in CPython
# 3.11, while the function's own variables are read again.
def loop():
    for value in [1j, 12, "x"]:
        print(eval("type(value).__name__"), eval("f'{value!r:>5}'"))
        exec("seen = value")
        print(locals()["seen"], sorted(locals()))


def rebinds():
    a = 1
    first = eval("a")
    a = 2
    second = eval("a")
    del a
    try:
        eval("a")
    except NameError as e:
        print("NameError:", e)
    return first, second


loop()
print(rebinds())
