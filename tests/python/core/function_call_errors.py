# TypeError messages of bad calls: missing, unexpected, duplicate and too many arguments.
def f(a, b, *, c):
    pass


def g(x):
    pass


calls = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3, d=4),
    lambda: f(1, a=1, c=2),
    lambda: g(),
    lambda: g(1, 2),
    lambda: g(y=1),
    lambda: g(*[1], **{"x": 2}),
    lambda: g(**{1: 2}),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
