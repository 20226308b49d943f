# math.floor/ceil/trunc honour a float subclass's own methods; pow and fmod take
# infinities as IEEE 754 says; hypot and dist round as CPython's do; comb and perm with
# huge arguments; cmath's special values and errors.
import cmath
import math
import random


class F(float):
    def __floor__(self):
        return 42

    def __ceil__(self):
        return 43

    def __trunc__(self):
        return 44


print(math.floor(F(1.5)), math.ceil(F(1.5)), math.trunc(F(1.5)))
print(math.floor(True), math.ceil(-2.5), math.trunc(-2.7), math.floor(10**30))
for f in (lambda: math.trunc("x"), lambda: math.floor("x")):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

INF = float("inf")
NAN = float("nan")
for x, y in [(0.0, -INF), (-0.0, -INF), (-INF, 2.3), (-INF, 3.0), (0.5, INF), (2.0, -INF),
             (0.0, -1.0), (-2.0, 0.5)]:
    try:
        print("pow", x, y, math.pow(x, y))
    except ValueError as e:
        print("pow", x, y, "ValueError:", e)
for x, y in [(INF, 1.0), (3.0, INF), (-3.0, -INF), (3.0, 0.0), (NAN, 0.0), (7.5, 2.0)]:
    try:
        print("fmod", x, y, math.fmod(x, y))
    except ValueError as e:
        print("fmod", x, y, "ValueError:", e)

random.seed(1234)
norms = []
for _ in range(2000):
    xs = [random.uniform(-1, 1) * 10.0 ** random.randint(-30, 30) for _ in range(random.randint(2, 6))]
    norms.append(math.hypot(*xs).hex())
print(len(set(norms)), norms[:3])
print(math.hypot(), math.hypot(-3), math.hypot(1.7e308, 1.7e308), math.hypot(NAN, -INF))
print(math.hypot(True, False, True, True) == math.sqrt(3), math.hypot(5e-324, 5e-324))
print(math.dist((1, 2, 3), (4, 6, 3)), math.dist((1.5, 2.25), (-0.5, 7.0)))

n = 2**200
print(math.comb(n, n - 1) == n, math.comb(n, n - 2) % 10**9, math.comb(10, 3), math.comb(3, 10))
for f in (lambda: math.comb(2**100, 2**90), lambda: math.perm(2**100, 2**90)):
    try:
        f()
    except OverflowError as e:
        print("OverflowError:", e)

for name, z in [("acosh", complex(0.0, NAN)), ("tanh", complex(-0.0, NAN)), ("tan", complex(NAN, 0.0)),
                ("exp", complex(0.0, INF)), ("sinh", complex(INF, INF)), ("atan", 1j), ("atanh", -1 + 0j),
                ("exp", complex(800, 1)), ("sqrt", complex(-4, 0)), ("cos", complex(1, 2))]:
    try:
        print(name, z, getattr(cmath, name)(z))
    except (ValueError, OverflowError) as e:
        print(name, z, type(e).__name__, e)
for r, phi in [(0.0, INF), (2.3, INF), (INF, 0.0), (-INF, 0.0), (INF, 1.4), (NAN, 0.0), (-0.0, -0.0),
               (INF, NAN), (2.0, 0.5)]:
    try:
        print("rect", r, phi, cmath.rect(r, phi))
    except ValueError as e:
        print("rect", r, phi, "ValueError:", e)
