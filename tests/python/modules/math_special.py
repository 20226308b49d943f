# math's special functions (erf, erfc, gamma, lgamma), the inverse hyperbolic functions,
# cbrt, exp2, the logarithms of ints and their errors, and fsum's exact rounding.
import math

inf, nan = math.inf, math.nan


def show(f, *args):
    try:
        print(f.__name__, args, repr(f(*args)))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(f.__name__, args, type(e).__name__, e)


# Results of the C library (CPython calls it for these): compared bit for bit.
for x in (0.0, -0.0, 0.1, 0.5, 1.0, 1.5, -0.3, -2.0, 3.7, 5.9, 6.0, 27.0, 30.0, -30.0, 1e-300, inf, -inf, nan):
    show(math.erf, x)
    show(math.erfc, x)
for x in (-1e6, -27.0, -8.0, -0.0, 0.0, 1e-310, 2.0, 27.0, 1e300, inf, -inf, nan, 12345.678):
    show(math.cbrt, x)
for x in (-1080.0, -1074.0, -1.5, 0.0, 0.5, 1.0, 10.0, 52.5, 1023.0, 1023.9, 1024.0, 2000, inf, -inf, nan):
    show(math.exp2, x)
for x in (-1e300, -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 1e-300, 3.0, 1e300, inf, -inf, nan):
    show(math.asinh, x)
for x in (0.0, 0.5, 0.9999, 1.0, 1.5, 2.0, 1e300, inf, -inf, nan, -1.0):
    show(math.acosh, x)
for x in (-1.5, -1.0, -0.999, -0.5, -0.0, 0.0, 0.25, 0.5, 0.999999, 1.0, 2.0, inf, nan):
    show(math.atanh, x)

# gamma and lgamma: values where every libm agrees with CPython's own approximation,
# then the edge cases and errors.
for x in (1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 20.5, 0.0, -0.0, -1.0, -2.0, -100.0, 23.0, 171.7, 180.0,
          1e-310, -1e-310, 1e-300, inf, -inf, nan, -1.5e308, 1e308):
    show(math.gamma, x)
for x in (1.0, 2.0, 20.5, 0.1, 0.0, -0.0, -1.0, -7.0, -2.5e300, 1e306, 1e308, inf, -inf, nan):
    show(math.lgamma, x)
for x in (0.5, 1.5, 2.5, 7.25, 100.3, -0.5, -1.5, -170.5, 30.0):
    print('gamma close', x, math.isclose(math.gamma(x), math.exp(math.lgamma(x)) * (-1 if math.gamma(x) < 0 else 1), rel_tol=1e-12))
print(math.isclose(math.gamma(0.5), math.sqrt(math.pi), rel_tol=1e-15), round(math.lgamma(100.3), 9))

# Arguments: ints, bools, objects with __float__, wrong types and counts.
class F:
    def __float__(self):
        return 0.25
    def __repr__(self):
        return 'F()'
show(math.erf, 1)
show(math.erf, True)
show(math.gamma, 6)
show(math.erf, F())
show(math.erfc, "x")
show(math.gamma)
show(math.lgamma, 1, 2)
show(math.erf, 10 ** 400)

# The logarithms: zero and negatives are domain errors; ints of any size work.
for f in (math.log, math.log2, math.log10, math.log1p):
    for x in (0, 0.0, -0.0, -1, -1.5, 1, 2, 1024, 10 ** 300, 2 ** 3000, -(2 ** 3000), inf, -inf, nan):
        show(f, x)
show(math.log, 2 ** 3000, 2)
show(math.log, 10 ** 500, 10)
show(math.log, 8, 1)
show(math.log, 8, 0)
show(math.log, 8, -2)
show(math.log, 100, 2 ** 2000)

# The other one-argument functions' errors.
for f, x in ((math.exp, 710), (math.exp, -1e308), (math.cosh, 1e3), (math.sinh, -1e3), (math.expm1, 1e3),
             (math.sqrt, -0.0), (math.sqrt, -1e-300), (math.asin, 1.0001), (math.acos, -2), (math.sin, inf),
             (math.cos, -inf), (math.tan, nan), (math.exp, nan), (math.exp, -inf), (math.log1p, -1),
             (math.log1p, -2), (math.fabs, -inf)):
    show(f, x)

# fsum: the correctly rounded sum.
show(math.fsum, [])
show(math.fsum, [0.1] * 10)
show(math.fsum, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
show(math.fsum, [2.0 ** 53, -0.5, -2.0 ** -54])
show(math.fsum, [2.0 ** 53, 1.0, 2.0 ** -100])
show(math.fsum, [1.0, 1e-16, 1e-16])
show(math.fsum, [1e308, 1e308])
show(math.fsum, [1e308, 1e308, -1e308])
show(math.fsum, [inf, 1.0, inf])
show(math.fsum, [inf, -inf])
show(math.fsum, [nan, 1.0])
show(math.fsum, [inf, nan])
print(math.fsum(iter([1, 2, 3.5])))
show(math.fsum, ['a'])
show(math.fsum, 3)
import random
rng = random.Random(5)
values = [rng.uniform(-1e10, 1e10) * 10 ** rng.randint(-20, 20) for _ in range(2000)]
print(math.fsum(values), sum(values) == math.fsum(values))
print(math.fsum([x for v in values for x in (v, -v)]), math.fsum(values + [-x for x in values[:1000]]))
