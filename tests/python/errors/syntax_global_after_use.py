# A name used before its global declaration.
x = 1


def f():
    print(x)
    global x
