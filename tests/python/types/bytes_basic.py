# bytes: literals, indexing gives ints, slicing gives bytes, repr escapes, and common methods.
b = b"Hello\x00\xff world"
print(b, b[0], b[-1], b[1:5], len(b), b.upper(), b.split(b" "), b.find(b"o"), b.count(b"l"))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(250, 256)), bytes.fromhex("de ad be ef"))
print(b"abc".hex(), b"abc".hex(":"), b"\x01\x02\x03".hex("-", 2), b"a" * 3, b"a" + b"b")
print(b"  x ".strip(), b"a,b".partition(b","), b"-".join([b"x", b"y"]), b"abc".replace(b"b", b"B"))
print(b"\xe2\x82\xac".decode(), b"abc".decode("ascii"), b"\xff".decode("utf-8", "replace"))
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
for bad in (lambda: bytes([256]), lambda: b"a" + "b", lambda: bytes("x"), lambda: b"x"[5]):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(repr(b"'"), repr(b"\"'"), repr(b"\t\n\r\\"), b"abc" < b"abd", b"a" in b"cat", 97 in b"cat")
