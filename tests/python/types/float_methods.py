# float methods: is_integer, as_integer_ratio, hex/fromhex, and float() parsing of strings.
print((2.0).is_integer(), (2.5).is_integer(), (0.75).as_integer_ratio(), (0.1).as_integer_ratio())
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
for s in ["3.14", "  -2.5e3 ", "inf", "-Infinity", "nan", "1_000.5", "1e500", ".5", "5.", "+1E-3"]:
    print(repr(s), float(s))
for bad in ["", "1,5", "e5", "1e", "in f", "0x10"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
print(float(10 ** 20), float(True))
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
