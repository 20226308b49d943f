# locals() in a class body shows the class's names only: a free variable that its methods
# take from the enclosing function neither appears nor overwrites a class attribute.
def f(x):
    class C:
        x = 12
        def m(self):
            return x
        locals()
    return C
print(f(1).x, f(1)().m())
def g(x):
    class C:
        y = x
        def m(self):
            return x
        z = list(locals())
    return C
print(g(1).y, g(1).z, g(1)().m())
def outer():
    x = 1
    def inner():
        y = x
        return locals()
    return inner()
print(outer())
