# round(): banker's rounding for ints and floats, ndigits (negative too), and __round__.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), type(round(2.5)).__name__)
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(12345, -2), round(12355, -1), round(-155, -1))
print(round(1.5, None), round(1.25, 1), round(5, 0), type(round(5.0, 0)).__name__, round(1e300, 2))


class R:
    def __round__(self, n=None):
        return f"rounded {n}"


print(round(R()), round(R(), 3))
for bad in (float("inf"), float("nan")):
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    round("1")
except TypeError as e:
    print(e)
