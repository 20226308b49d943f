# nonlocal naming a variable with no binding in an enclosing function.
def f():
    def g():
        nonlocal missing
        missing = 1
    return g
