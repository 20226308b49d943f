# The module-level functions reuse parsed formats; results and errors must not depend on
# what was parsed before.
import struct, sys

for fmt in ["<I", "<I", ">h", "@i", "=q", "<I", b"<I", "3s", "", "<2H"]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.unpack("<I", b"\x01\x00\x00\x00"), struct.unpack(b"<I", b"\x02\x00\x00\x00"))
print(struct.pack("<2H", 1, 2), struct.unpack("<2H", struct.pack("<2H", 1, 2)))
buf = bytes(range(20))
print([struct.unpack_from("<H", buf, i) for i in range(0, 20, 4)])
print(struct.unpack_from("<H", buf, -2), struct.unpack_from("<H", memoryview(buf), 3))
for fmt, args in [("<I", (b"\x00" * 3,)), ("<Z", (b"",)), ("\u00e9", (b"",)), (3, (b"",))]:
    try:
        struct.unpack(fmt, *args)
    except (struct.error, TypeError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
ba = bytearray(10)
for call in [lambda: struct.unpack_from("<I", ba, -2), lambda: struct.unpack_from("<B", ba, -11),
             lambda: struct.pack_into("<I", ba, -2, 1), lambda: struct.pack_into("<I", ba, sys.maxsize, 1),
             lambda: struct.unpack_from("<I", ba, sys.maxsize)]:
    try:
        call()
    except struct.error as e:
        print(e)
for i in range(150):
    assert struct.calcsize("%dx" % i) == i
print(struct.calcsize("<I"), struct.unpack("<I", b"\xff\xff\xff\xff"))
