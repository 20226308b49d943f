# memoryview.cast to the native single character formats: item size, indexing, slicing,
# tolist, item assignment with range checks, shape/strides/nbytes and casting back.
import struct

raw = bytearray(struct.pack("<4I", 1, 2, 0xFFFFFFFF, 70000))
m = memoryview(raw).cast("I")
print(m.format, m.itemsize, len(m), m.nbytes, m.shape, m.strides, m.tolist())
print(m[0], m[-1], m[1:3].tolist(), m[::2].tolist(), m[::2].strides, m[::-1].tolist())
m[1] = 123456
print(raw[4:8], m.cast("B").tolist()[:8], m.cast("B").format)
for bad in (-1, 2 ** 32, "x", 1.5):
    try:
        m[0] = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for fmt in ("i", "H", "h", "l", "L", "q", "Q", "b", "B", "c", "?", "f", "d"):
    v = memoryview(bytearray(b"\x01\x80\xff\x7f\x00\x00\xf0\x3f")).cast(fmt)
    print(fmt, v.itemsize, len(v), v.tolist())
d = memoryview(bytearray(16)).cast("d")
d[0] = 2.5
d[1] = 3
print(d.tolist(), memoryview(bytearray(8)).cast("q").tolist())
h = memoryview(bytearray(4)).cast("h")
h[0] = -2
h[1:] = memoryview(bytearray(b"\x05\x00")).cast("h")
print(h.tolist(), bytes(h))
for bad in [("I", "f"), ("x",), ("3I",)]:
    try:
        x = memoryview(bytearray(8))
        for f in bad:
            x = x.cast(f)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    memoryview(bytearray(7)).cast("I")
except TypeError as e:
    print("TypeError", e)
try:
    hash(memoryview(b"abcd").cast("I"))
except ValueError as e:
    print("ValueError", e)
print(memoryview(b"abcd").cast("I") == memoryview(b"abcd").cast("i"), memoryview(b"\x00\x00\x80\x3f").cast("f")[0])
