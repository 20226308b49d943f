# Closures capture variables, not values: lambdas made in a loop see the last value,
# unless the value is bound through a default argument.
late = [lambda: i for i in range(4)]
early = [lambda i=i: i for i in range(4)]
print([f() for f in late])
print([f() for f in early])


def outer():
    x = 1
    f = lambda: x
    x = 2
    return f


print(outer()())
