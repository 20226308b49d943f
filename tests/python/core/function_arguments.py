# Positional-only, keyword-only, defaults, *args and **kwargs binding rules.
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw


print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, e=6, x=7))
print(f(1, c=3, d=4, b=9))


def g(x, /, **kw):
    return x, kw


print(g(1, x=2))
for call in (lambda: f(d=1), lambda: f(1, 2, 3), lambda: f(1, d=1, c=2, **{"c": 3}), lambda: g(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
