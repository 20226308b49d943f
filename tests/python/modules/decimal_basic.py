# decimal (the pure-Python _pydecimal, which needs contextvars): arithmetic and contexts.
import decimal
from decimal import Decimal, localcontext

print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7))
print(Decimal("2").sqrt(), Decimal("10.25").quantize(Decimal("0.1")), decimal.getcontext().prec)
