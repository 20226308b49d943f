# struct: packing and unpacking in every byte order and format character, native
# alignment, Struct objects, buffers with offsets, iter_unpack, and struct.error wording.
import struct

values = (-2, 200, -30000, 60000, -(2**31), 2**32 - 1, -(2**63), 2**64 - 1, True, b"z")
for order in "@=<>!":
    fmt = order + "bBhHiIqQ?c"
    data = struct.pack(fmt, *values)
    print(order, struct.calcsize(fmt), data.hex(), struct.unpack(fmt, data) == values)
print(struct.pack("<lL", -5, 7).hex(), struct.calcsize("@lLnNP"), struct.calcsize("=lL"))
print(struct.unpack("@nNP", struct.pack("@nNP", -3, 2**64 - 1, 4096)))

for f in [0.0, -0.0, 1.5, -2.25, 65504.0, 1e-7, 6e-8, 1e-300, float("inf"), float("-inf"), 1 / 3]:
    print(f, struct.pack(">e", f).hex(), struct.unpack("<e", struct.pack("<e", f))[0],
          struct.pack(">f", f).hex(), struct.unpack("<f", struct.pack("<f", f))[0],
          struct.pack(">d", f).hex())
nan = struct.unpack("<d", struct.pack("<d", float("nan")))[0]
print(nan != nan, struct.pack(">e", float("nan")).hex(), struct.pack("@f", 1e300).hex())

print(struct.pack("5s3s0s", b"abc", b"toolong", b"x"), struct.pack("4p2p", b"ab", b"long"))
print(struct.unpack("5s4p", b"ab\0\0\0\x05xyz"), struct.pack("3x?x", 0), struct.unpack("3x?x", b"\0\0\0\2\0"))
print(struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("@bq0i"), struct.calcsize("@ibb0i"))
print(struct.calcsize("@c?hd"), struct.pack("@bh", 1, 2).hex(), struct.calcsize("< i  h "), struct.calcsize("10x3i"))

s = struct.Struct("<ih2s")
print(s.format, s.size, s.pack(7, -1, b"ok"), s.unpack(b"\x07\0\0\0\xff\xffok"))
print(struct.Struct(b">H").format, struct.Struct(format="=d").size)
buf = bytearray(12)
s.pack_into(buf, 2, 1, 2, b"zz")
struct.pack_into(">H", buf, -2, 0xABCD)
print(buf.hex(), s.unpack_from(buf, 2), struct.unpack_from("<h", buf, offset=-8))
view = memoryview(buf)
struct.pack_into("<I", view, 0, 0x01020304)
print(buf[:4].hex(), struct.unpack("<I", view[:4]), struct.unpack(">I", bytes(view[:4])))
it = struct.iter_unpack("<hB", b"\x01\x00\x02\x03\x00\x04")
print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())


class Index:
    def __index__(self):
        return 77


class Sub(struct.Struct):
    pass


print(struct.pack("<bQ", Index(), Index()), Sub("<h").pack(3), struct.pack("<d", 3), struct.pack("?", []))

for bad in [
    lambda: struct.pack("<b", 128),
    lambda: struct.pack("<B", -1),
    lambda: struct.pack("@h", 40000),
    lambda: struct.pack(">h", 40000),
    lambda: struct.pack(">H", -1),
    lambda: struct.pack("<i", 2**31),
    lambda: struct.pack(">I", 2**32),
    lambda: struct.pack("<q", 2**63),
    lambda: struct.pack(">q", 2**63),
    lambda: struct.pack("<Q", -1),
    lambda: struct.pack("<i", 1.0),
    lambda: struct.pack("<i", "1"),
    lambda: struct.pack("<d", "1"),
    lambda: struct.pack("<f", 1e300),
    lambda: struct.pack("<e", 65520.0),
    lambda: struct.pack("c", b"ab"),
    lambda: struct.pack("s", "text"),
    lambda: struct.pack("ii", 1),
    lambda: struct.pack("i", 1, 2),
    lambda: struct.pack(),
    lambda: struct.pack(5),
    lambda: struct.calcsize("3"),
    lambda: struct.calcsize("<P"),
    lambda: struct.calcsize("iy"),
    lambda: struct.calcsize("i" + chr(0)),
    lambda: struct.calcsize("99999999999999999999i"),
    lambda: struct.unpack("<i", b"abc"),
    lambda: struct.unpack("<i", "abcd"),
    lambda: struct.unpack_from("<i", b"abcdef", 4),
    lambda: struct.unpack_from("<i", b"abcdef", -7),
    lambda: struct.pack_into("<i", bytearray(4), 2, 1),
    lambda: struct.pack_into("<i", bytearray(4), -5, 1),
    lambda: struct.pack_into("<i", bytearray(8), -2, 1),
    lambda: struct.pack_into("<i", b"abcd", 0, 1),
    lambda: struct.pack_into("<i", bytearray(4), 0),
    lambda: list(struct.iter_unpack("<h", b"abc")),
    lambda: struct.iter_unpack("", b""),
    lambda: struct.Struct(5),
]:
    try:
        print(bad())
    except (struct.error, TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(struct.error.__module__, struct.error.__mro__[1].__name__)
