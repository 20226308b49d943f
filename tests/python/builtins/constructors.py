# The constructors of builtin types called with no argument and with conversions.
print(int(), float(), complex(), str(), bytes(), bytearray(), list(), tuple(), dict(), set(), frozenset(), bool())
print(list("ab"), tuple([1]), dict([(1, 2)]), set([1, 1]), str(42), str(b"x", "ascii"), bool("x"))
print(dict({"a": 1}, b=2), list({1: "a"}), str(3.0), float("  1.5\n"), complex(1, 2))
for bad in (lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: list(5), lambda: str(b"x", "nope")):
    try:
        bad()
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)
