# Infinity and NaN behaviour: comparisons, arithmetic, min/max, sorting keys and conversions.
import math

inf, nan = math.inf, math.nan
print(inf + 1, inf * -1, inf / inf, 0 * inf, inf > 10 ** 400, -inf < -(10 ** 400))
print(nan is nan, nan == nan, [nan] == [nan], nan in [nan], max(1, nan), max(nan, 1))
print(math.copysign(1, -0.0), -0.0 == 0.0, str(-0.0), 1 / inf, -1 / inf, math.atan(inf))
print(float("inf") == inf, float("-nan") != float("-nan"), math.isnan(float("nan")), hash(inf), hash(-inf))
try:
    math.fsum([inf, -inf])
except ValueError as e:
    print(e)
