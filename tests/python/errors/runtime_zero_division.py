# An uncaught ZeroDivisionError in a nested call prints the full traceback chain.
def inner(d):
    return 10 / d


def outer():
    return inner(0)


print("before")
outer()
print("not reached")
