# Conversions between int, float and str that must be exact.
print(int(1e15), int(1.5e16), int(-0.9), float(2 ** 53), float(2 ** 53 + 1), int(float(2 ** 63)))
print(float(123456789012345678901234567890), int(1e20), 10 ** 20 == 1e20)
print(str(2 ** 63), repr(2.0 ** 63), float("1e-320"), float(str(0.1)) == 0.1)
print(round(123.456, -1), round(-0.5), round(0.49999999999999994), int("-0"), float("-0"))
print((3).__float__(), (3.7).__int__(), (3.7).__trunc__(), (-3.7).__floor__(), (-3.2).__ceil__())
