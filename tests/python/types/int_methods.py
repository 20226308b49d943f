# int methods: to_bytes/from_bytes, as_integer_ratio, conjugate, is_integer-like attributes.
n = 1000
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x03\xe8", "big"), int.from_bytes(b"\xff\xff", "big", signed=True))
try:
    (1000).to_bytes(1, "big")
except OverflowError as e:
    print(e)
try:
    (-5).to_bytes(2, "big")
except OverflowError as e:
    print(e)
print(n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print((10).__round__(-1), round(15, -1), round(25, -1), round(-35, -1), round(7, 2))
print(int.__name__, (5).__class__.__name__, (3).__add__(4), (3).__radd__(4), (3).__truediv__(2))
