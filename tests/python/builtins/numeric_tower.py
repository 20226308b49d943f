# numbers ABCs and fractions/decimal interoperate with ints and floats.
import numbers
from fractions import Fraction
from decimal import Decimal

print(isinstance(1, numbers.Integral), isinstance(1.0, numbers.Real), isinstance(1j, numbers.Complex), isinstance(Fraction(1, 2), numbers.Rational))
f = Fraction(3, 4) + Fraction(1, 4) * 2
print(f, Fraction("0.125"), Fraction(0.5), f * 2, float(Fraction(1, 3)), Fraction(1, 3) < 0.34)
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(8), Decimal("1.30").normalize(), round(Decimal("2.675"), 2))
print(sum([Fraction(1, n) for n in range(1, 5)]), Fraction(10, 4).limit_denominator(2), hash(Fraction(1, 2)) == hash(0.5))
