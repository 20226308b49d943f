# A generator expression sees the enclosing function's variables at the time of iteration.
def make():
    n = 1
    g = (x * n for x in range(3))
    n = 10
    return list(g)


print(make())
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
print([[j for j in range(i)] for i in range(4)])
