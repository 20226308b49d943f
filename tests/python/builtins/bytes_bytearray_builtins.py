# bytes() and bytearray() constructors: from ints, iterables, strings with encodings, buffers.
print(bytes(4), bytes([1, 2, 255]), bytes("abc", "ascii"), bytes(b"x"), bytes(bytearray(b"y")), bytes(memoryview(b"z")))
print(bytearray(2), bytearray(b"ab"), bytearray("é", "latin-1"), bytearray(range(3)))
for bad in (lambda: bytes(-1), lambda: bytes("x"), lambda: bytes([300]), lambda: bytes(1.5), lambda: bytes("é", "ascii")):
    try:
        bad()
    except (ValueError, TypeError, UnicodeError) as e:
        print(type(e).__name__, e)
