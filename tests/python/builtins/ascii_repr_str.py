# ascii() escapes non-ASCII in repr; repr() and str() of builtin objects.
print(ascii("café"), ascii("日本"), ascii("\U0001f600"), ascii([1, "é"]), ascii(b"\xff"))
print(repr(None), repr(...), repr(NotImplemented), repr(1.0), repr([1, (2,), {3: "4"}]), repr({1}))
print(str(None), str(b"x"), str(1e100), str(-0.0), str(12345678901234567890))
print(repr(int), repr(len), repr(object), repr(type(None)), repr(type(...)))
print(repr(range(3)), repr(slice(1, 2)), repr(frozenset()), repr(bytearray(b"x")))
