def f(a):
    b = a * 2
    return b
print(f(3))
