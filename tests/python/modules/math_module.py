# math functions with exactly representable or well-defined results.
import math

print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan)
print(math.sqrt(16), math.floor(-1.5), math.ceil(1.2), math.trunc(-1.7), math.fabs(-3), math.copysign(1, -0.0))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.gcd(12, 18, 27), math.lcm(4, 6, 10))
print(math.isqrt(99), math.log(math.e), math.log2(1024), math.log10(1000), math.log(8, 2), math.exp(0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(-math.inf), math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.sin(0), math.cos(0), math.atan2(0, -1) == math.pi)
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.factorial(1.5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.remainder(7, 4), math.fmod(-7, 4))
