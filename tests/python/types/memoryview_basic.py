# memoryview: zero-copy slicing of bytes and bytearray, tolist/tobytes, casting, and write-through.
ba = bytearray(b"abcdef")
m = memoryview(ba)
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), m.tolist()[:3], len(m), m.readonly, m.format, m.itemsize)
m[0] = ord("Z")
m[1:3] = b"YX"
print(ba)
sub = m[2:5]
sub[0] = ord("!")
print(ba, sub.tobytes(), sub.nbytes)
ro = memoryview(b"xyz")
try:
    ro[0] = 1
except TypeError as e:
    print(e)
ints = memoryview(bytearray(8)).cast("i")
ints[1] = 258
print(ints.tolist(), len(ints), ints.format, bytes(ints.obj))
print(memoryview(b"ab") == b"ab", m.hex(), list(memoryview(b"\x01\x02")))
