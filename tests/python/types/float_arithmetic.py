# float arithmetic: floor division and modulo of floats, infinities and nan propagation, rounding.
import math

print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2))
print(0.1 * 3, 1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
inf, nan = float("inf"), float("nan")
print(inf - inf, inf * 0, nan == nan, nan != nan, inf > 1e308, math.isnan(inf - inf))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.23456, 3), round(1e20, -5))
print(int(2.9), int(-2.9), math.floor(-2.5), math.ceil(-2.5), math.trunc(2.7))
try:
    int(inf)
except OverflowError as e:
    print(e)
try:
    int(nan)
except ValueError as e:
    print(e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
print((-8) ** (1 / 3))
