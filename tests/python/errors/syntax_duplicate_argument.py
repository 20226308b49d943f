# Duplicate parameter names in a function definition.
def f(a, b, a):
    pass
