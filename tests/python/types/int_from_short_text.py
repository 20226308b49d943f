# int() of short decimal text (the common case, read without a big-integer buffer) and
# of the texts around it that only the general parser accepts or refuses.
cases = [
    "0", "-0", "+0", "7", " 42 ", "\t-13\n", "\v\f+5\r", "123456789012345678",
    "-123456789012345678", "999999999999999999", "1000000000000000000",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    "00", "007", "1_000", "١٢٣", "\u20035\u2003", "\x1c5", "", " ", "+", "-", "+-1",
    "1 2", "12a", "0x10", "0b101", "0o17", "1e3", "١_٢",
]
for base in (10, 0, 16):
    for text in cases:
        for source in (text, text.encode("utf-8", "surrogatepass")):
            try:
                print(base, repr(source), int(source, base))
            except ValueError as e:
                print(base, repr(source), "ValueError:", e)
for text in ("5", " 5 ", "-5"):
    print(repr(text), int(text), type(int(text)).__name__)

class MyInt(int):
    pass
print(MyInt("12"), type(MyInt(" 12 ")).__name__)
print(sum(int(str(i)) for i in range(-1000, 1000, 7)))
