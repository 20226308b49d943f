# Joining strs of different widths (ASCII, Latin-1, BMP, astral) through f-strings,
# str.join and +, and str() of ints, bools, str subclasses and objects with __str__.
pieces = ["ascii", "café", "日本", "😀", "", "x"]
for sep in ["", "-", "·", "→", "😀"]:
    joined = sep.join(pieces)
    print(repr(joined), len(joined))
n = 42
print(f"{n}|{-n}|{True}|{None}|{pieces[1]}{pieces[3]}|{3.5}|{n:>5}|{'😀'!r}")
print([a + b for a in pieces[:4] for b in pieces[2:4]])


class Name(str):
    def __str__(self):
        return "custom " + str.__str__(self)


class Plain(str):
    pass


class Thing:
    def __str__(self):
        return "a thing"


for v in [7, -2**70, True, 2.5, Name("n"), Plain("p"), Thing(), b"raw", None]:
    s = str(v)
    print(type(s).__name__, s)
print(type(str(Plain("p"))) is str, str() == "", str(b"ab", "ascii"), str(object=12))
try:
    "".join(["a", 1])
except TypeError as e:
    print(e)
