# int() from strings with bases, underscores and whitespace; invalid literals raise ValueError.
cases = [("42",), ("  -17\n",), ("0x1f", 16), ("0x1f", 0), ("1_000_000",), ("z", 36), ("0b101", 0),
         ("0o17", 0), ("ff", 16), ("+0",), ("١٢٣",), ("10", 2)]
for c in cases:
    print(repr(c), int(*c))
for bad in [("",), ("1.5",), ("12a",), ("0x", 16), ("1__0",), ("_1",), ("9", 8), ("010", 0)]:
    try:
        int(*bad)
    except ValueError as e:
        print(e)
print(int(3.99), int(-3.99), int(True), int(), int(" 7 "))
try:
    int("5", 1)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
