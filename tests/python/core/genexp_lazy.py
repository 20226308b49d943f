# Generator expressions evaluate the first iterable eagerly and the rest lazily.
log = []


def src(name, n):
    log.append(name)
    return range(n)


g = (a + b for a in src("outer", 2) for b in src("inner", 2))
print(log)
print(next(g))
print(log)
print(list(g))
print(log)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
