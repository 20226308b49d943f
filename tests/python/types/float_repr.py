# float repr is the shortest string that round-trips; exponent notation switches at 1e16 and 1e-4.
vals = [0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234,
        -0.0, 1.0, 100.0, 5e-324, 1.7976931348623157e308, 2.5, 1e22, 1e-7, 123.456, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("nan"))
