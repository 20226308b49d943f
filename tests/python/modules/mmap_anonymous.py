# Anonymous maps (fileno -1): reading and writing, slices with steps, move, seek/tell,
# find/rfind bounds, context managers, and handing a map to bytes-like consumers (bytes(),
# bytearray(), join, re, hashlib, struct, file writes, slice assignment from a map).
import hashlib
import mmap
import os
import re
import shutil
import struct
import tempfile

m = mmap.mmap(-1, 16)
print(len(m), m[:], m.tell(), m.closed, repr(m))
m.write(b"abcdefgh")
print(m.tell(), m[:8])
m[8:16] = b"ijklmnop"
print(m[:], m[::2], m[1::3], m[::-1], m[-3::-4], m[10:2:-2], m[5:5], m[20:30])
m[::4] = b"ABCD"
print(m[:])
m[15:7:-2] = b"1234"
print(m[:])
m[3] = 0
m[-1] = 255
print(m[3], m[-1], m[:4], m[True])
m.move(0, 8, 4)
print(m[:])
m.move(4, 0, 12)
print(m[:])

m.seek(0)
m.write(b"one\ntwo\n\nthree")
m.seek(0)
print(m.readline(), m.readline(), m.readline(), m.readline(), m.readline())
m.seek(2)
print(m.read(0), m.read(2), m.read(None), m.read(-5), m.tell())
print(m.seek(4), m.tell(), m.seek(3, 1), m.tell(), m.seek(-2, 2), m.tell())

m.seek(0)
m[:] = b"xaxbxaxbxxab" + b"\0" * 4
print(m.find(b"x"), m.find(b"a"), m.find(b"ab"), m.find(b"ab", 11), m.find(b"ab", 0, 11))
print(m.rfind(b"x"), m.rfind(b"x", 0, 8), m.rfind(b"b", -8, -2), m.find(b"x", -5))
print(m.find(b""), m.find(b"", 20), m.find(b"", 5, 2), m.rfind(b""), m.rfind(b"", 2, 5),
      m.rfind(b"", 5, 2))
print(m.find(bytearray(b"xb")), m.find(memoryview(b"xx")), m.find(b"zz"))
m.seek(5)
print(m.find(b"x"), m.rfind(b"a"))

m2 = mmap.mmap(-1, 4)
m2[:] = m[0:4]
m3 = mmap.mmap(-1, 2)
m3[:] = b"MM"
m2[0:2] = m3
print(m2[:])
m2.close()
m3.close()

# resize an anonymous map
r = mmap.mmap(-1, 4)
r[:] = b"abcd"
r.resize(mmap.PAGESIZE * 2)
print(len(r), r[:6])
r.resize(2)
print(len(r), r[:])
r.close()

# bytes-like consumers
print(bytes(m), bytearray(m)[:4], b"-".join([m[0:3], m[3:6]]), b"".join([b"<", m, b">"])[:6])
print(hashlib.md5(m).hexdigest() == hashlib.md5(m[:]).hexdigest(), hashlib.sha1(m).hexdigest()[:8])
print(re.search(rb"x(a|b)x", m), re.findall(rb"a.", m))
print(struct.unpack_from("<4s", m, 2), struct.unpack("<16s", m)[0][:4])
print(int.from_bytes(m[:4], "big") == int.from_bytes(m, "big") >> 96, int.from_bytes(m, "little") & 0xFF)
d = tempfile.mkdtemp()
with open(os.path.join(d, "out"), "wb") as f:
    f.write(m)
with open(os.path.join(d, "out"), "rb") as f:
    print(f.read() == m[:])
shutil.rmtree(d)
print(m == m, m == m[:], m[:] == bytes(m))

# private anonymous maps and read-only ones
p = mmap.mmap(-1, 8, flags=mmap.MAP_PRIVATE)
p[:3] = b"pri"
print(p[:3], repr(p))
ro = mmap.mmap(-1, 8, prot=mmap.PROT_READ)
print(ro[:], repr(ro))
c = mmap.mmap(-1, 8, access=mmap.ACCESS_COPY)
c.write(b"copy")
print(c[:4], repr(c))
w = mmap.mmap(-1, 8, access=mmap.ACCESS_WRITE)
w.write_byte(65)
print(w[:2], repr(w))

# context manager; closing twice is fine
with mmap.mmap(-1, 3) as cm:
    cm[:] = b"ctx"
    print(cm[:], cm.closed)
print(cm.closed, repr(cm))
cm.close()

# keyword arguments
k = mmap.mmap(fileno=-1, length=5, access=mmap.ACCESS_WRITE, offset=0)
print(repr(k))
for mm in (m, p, ro, c, w, k):
    mm.close()

print(mmap.PAGESIZE > 0 and mmap.PAGESIZE % 4096 == 0, mmap.ALLOCATIONGRANULARITY == mmap.PAGESIZE)
print(mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANON == mmap.MAP_ANONYMOUS, mmap.PROT_READ,
      mmap.PROT_WRITE, mmap.PROT_EXEC, mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE,
      mmap.ACCESS_COPY)
print(sorted(n for n in dir(mmap) if n.startswith("MADV_")))
print(sorted(n for n in dir(mmap) if n.startswith(("MAP_", "PROT_", "ACCESS_"))))
print(mmap.error is OSError, mmap.mmap.__module__, mmap.mmap.__name__)
print(sorted(n for n in dir(mmap.mmap) if not n.startswith("_")))
print("done")
