# A name assigned anywhere in a function is local everywhere in it: reading it first raises UnboundLocalError.
x = "global"


def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = "local"
    return x


print(f())


def g():
    del_me = 1
    del del_me
    try:
        return del_me
    except UnboundLocalError as e:
        return str(e)


print(g())
print(issubclass(UnboundLocalError, NameError))
