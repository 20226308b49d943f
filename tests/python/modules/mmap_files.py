# mmap over files: whole-file and partial maps, offsets, the access modes, flush, resize
# (which grows the file), size(), and what the file holds afterwards.
import mmap
import os
import shutil
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "data.bin")
with open(path, "wb") as f:
    f.write(b"Hello, world!\nsecond line\nthird\n")

# length 0 maps the whole file; writes reach the file
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    print(len(m), m.size(), m.tell(), m.closed)
    print(m.readline(), m.readline(), m.tell())
    print(m.read(3), m.read(), m.read(), m.tell())
    m.seek(0)
    print(m[:5], m[7:12], m[-6:], m[0], m[-1], m[::7])
    m[0:5] = b"HELLO"
    m[7] = ord("W")
    m.seek(0, 2)
    print(m.tell())
    m.seek(-6, 2)
    print(m.read_byte(), m.tell())
    m.seek(-1, 1)
    print(m.read_byte())
    print(m.find(b"line"), m.find(b"line", 20), m.rfind(b"i"), m.find(b"nope"))
    m.seek(0)
    print(m.write(b"J"), m.tell())
    m.write_byte(ord("e"))
    m.flush()
    m.flush(0, len(m))
    print(repr(m))
    m.close()
    print(m.closed, repr(m))
with open(path, "rb") as f:
    print(f.read())

# the map keeps its own descriptor: it outlives the file object
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
print(m[:5], m.size())
m.close()

# offset: a multiple of ALLOCATIONGRANULARITY
big = os.path.join(d, "big.bin")
with open(big, "wb") as f:
    f.write(b"a" * mmap.ALLOCATIONGRANULARITY + b"bcdefgh")
with open(big, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0, offset=mmap.ALLOCATIONGRANULARITY)
    print(len(m), m[:], m.size() == mmap.ALLOCATIONGRANULARITY + 7)
    print(repr(m) == "<mmap.mmap closed=False, access=ACCESS_DEFAULT, length=7, pos=0, offset=%d>"
          % mmap.ALLOCATIONGRANULARITY)
    m.close()
    m = mmap.mmap(f.fileno(), 3, offset=mmap.ALLOCATIONGRANULARITY)
    print(len(m), m[:])
    m.close()

# ACCESS_READ from a read-only file
with open(path, "rb") as f:
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        print(repr(m)[:50], m[:5])
    print(m.closed)

# ACCESS_COPY: writes stay in memory, the file keeps its bytes
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    m[:5] = b"xxxxx"
    m.flush()
    print(m[:7], repr(m)[:45])
    m.close()
with open(path, "rb") as f:
    print(f.read(5))

# ACCESS_WRITE: through to the file
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_WRITE)
    m[:] = b"ABCDE"
    m.close()
with open(path, "rb") as f:
    print(f.read(7))

# prot and flags instead of access
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0, flags=mmap.MAP_PRIVATE, prot=mmap.PROT_READ | mmap.PROT_WRITE)
    m[0] = ord("z")
    print(m[:3], repr(m)[:45])
    m.close()
    m = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)
    print(repr(m)[:43])
    m.close()
with open(path, "rb") as f:
    print(f.read(3))

# resize grows or shrinks the file with the map
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    n = len(m)
    m.resize(n + 10)
    m[n:] = b"0123456789"
    print(len(m), m.size(), m[-10:])
    m.seek(n + 5)
    m.resize(4)
    print(len(m), m.size(), m.tell(), m.read(), m[:])
    m.close()
print(os.path.getsize(path))
with open(path, "rb") as f:
    print(f.read())

# madvise
with open(big, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    print(m.madvise(mmap.MADV_NORMAL), m.madvise(mmap.MADV_SEQUENTIAL, 0, 10),
          m.madvise(mmap.MADV_WILLNEED, 0, 10 ** 9))
    m.close()

# iterating a map gives one-byte bytes objects; `in` goes through them
with open(path, "rb") as f:
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    print(list(m), b"B" in m, ord("B") in m, [b for b in m if b == b"C"])
    m.close()

# a subclass
class Mine(mmap.mmap):
    def head(self):
        return self[:2]

with open(path, "r+b") as f:
    m = Mine(f.fileno(), 0)
    print(type(m).__name__, m.head(), repr(m)[:20], isinstance(m, mmap.mmap))
    m.close()

shutil.rmtree(d)
print("done")
