# Closures: each call of the factory gets its own cell; nonlocal rebinds it.
def make_counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


a = make_counter(0)
b = make_counter(100)
print(a(), a(), a(5))
print(b(), b(10))
print(a.__code__.co_freevars, a.__closure__[0].cell_contents)
print(make_counter.__code__.co_cellvars)
