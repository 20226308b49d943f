# mmap misuse: the exception types and messages a program sees.
import mmap
import os
import shutil
import tempfile


def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


d = tempfile.mkdtemp()
path = os.path.join(d, "data")
with open(path, "wb") as f:
    f.write(b"0123456789")
empty = os.path.join(d, "empty")
open(empty, "wb").close()

print(mmap.error is OSError)

# construction
show("no args", lambda: mmap.mmap())
show("one arg", lambda: mmap.mmap(-1))
show("too many", lambda: mmap.mmap(-1, 1, 1, 1, 0, 0, 7))
show("bad keyword", lambda: mmap.mmap(-1, 1, size=3))
show("str length", lambda: mmap.mmap(-1, "4"))
show("float length", lambda: mmap.mmap(-1, 4.0))
show("negative length", lambda: mmap.mmap(-1, -1))
show("negative offset", lambda: mmap.mmap(-1, 10, offset=-1))
show("anon zero length", lambda: mmap.mmap(-1, 0))
show("both access and prot", lambda: mmap.mmap(-1, 10, prot=mmap.PROT_READ, access=mmap.ACCESS_READ))
show("both access and flags", lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_WRITE))
show("bad access", lambda: mmap.mmap(-1, 10, access=7))
show("negative access", lambda: mmap.mmap(-1, 10, access=-1))
show("bad fd", lambda: mmap.mmap(987, 10))
show("unaligned offset", lambda: mmap.mmap(-1, 10, offset=100))

with open(empty, "r+b") as f:
    show("empty file", lambda: mmap.mmap(f.fileno(), 0))
with open(path, "r+b") as f:
    show("offset past end", lambda: mmap.mmap(f.fileno(), 0, offset=mmap.ALLOCATIONGRANULARITY))
    show("length past end", lambda: mmap.mmap(f.fileno(), 11))
    show("length+offset past end", lambda: mmap.mmap(f.fileno(), 5, offset=mmap.PAGESIZE))
with open(path, "rb") as f:
    show("write map of read-only fd", lambda: mmap.mmap(f.fileno(), 0))
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)

# a read-only map
show("ro write", lambda: m.write(b"x"))
show("ro write_byte", lambda: m.write_byte(1))
show("ro setitem", lambda: m.__setitem__(0, 1))
show("ro setslice", lambda: m.__setitem__(slice(0, 2), b"ab"))
show("ro move", lambda: m.move(0, 1, 2))
show("ro resize", lambda: m.resize(20))
show("ro flush", lambda: m.flush())
print(m[:])
m.close()

# bounds and types on a writable anonymous map
m = mmap.mmap(-1, 8)
show("index", lambda: m[8])
show("neg index", lambda: m[-9])
show("str index", lambda: m["a"])
show("float index", lambda: m[1.5])
show("huge index", lambda: m[2**70])
show("set index", lambda: m.__setitem__(8, 1))
show("set value 256", lambda: m.__setitem__(0, 256))
show("set value -1", lambda: m.__setitem__(0, -1))
show("set value str", lambda: m.__setitem__(0, "a"))
show("set value bytes", lambda: m.__setitem__(0, b"a"))
show("set str index", lambda: m.__setitem__("a", 1))
show("del item", lambda: m.__delitem__(0))
show("del slice", lambda: m.__delitem__(slice(0, 2)))
show("slice wrong size", lambda: m.__setitem__(slice(0, 2), b"abc"))
show("slice str value", lambda: m.__setitem__(slice(0, 2), "ab"))
show("slice int value", lambda: m.__setitem__(slice(0, 2), 5))
show("slice step zero", lambda: m[::0])
show("write too long", lambda: m.write(b"123456789"))
show("write str", lambda: m.write("abc"))
show("write int", lambda: m.write(3))
show("write_byte 256", lambda: m.write_byte(256))
show("write_byte -1", lambda: m.write_byte(-1))
show("write_byte bytes", lambda: m.write_byte(b"a"))
show("seek past end", lambda: m.seek(9))
show("seek negative", lambda: m.seek(-1))
show("seek whence 3", lambda: m.seek(0, 3))
show("seek from end", lambda: m.seek(1, 2))
show("seek cur negative", lambda: m.seek(-1, 1))
show("seek str", lambda: m.seek("1"))
show("move out of range", lambda: m.move(0, 4, 5))
show("move negative", lambda: m.move(-1, 0, 1))
show("move count negative", lambda: m.move(0, 0, -1))
show("move missing", lambda: m.move(0, 0))
show("flush out of range", lambda: m.flush(0, 9))
show("flush negative", lambda: m.flush(-1))
show("flush unaligned", lambda: m.flush(1, 1))
show("madvise start", lambda: m.madvise(mmap.MADV_NORMAL, 8))
show("madvise negative start", lambda: m.madvise(mmap.MADV_NORMAL, -1))
show("madvise length", lambda: m.madvise(mmap.MADV_NORMAL, 0, -1))
show("madvise bad option", lambda: m.madvise(12345))
show("resize negative", lambda: m.resize(-1))
show("find str", lambda: m.find("a"))
show("find float start", lambda: m.find(b"a", 1.0))
show("read str", lambda: m.read("a"))
show("read too many args", lambda: m.read(1, 2))
show("read keyword", lambda: m.read(n=1))
show("tell with args", lambda: m.tell(1))
show("seek end then read_byte", lambda: (m.seek(0, 2), m.read_byte()))
show("write_byte at end", lambda: m.write_byte(1))
show("write at end", lambda: m.write(b"a"))
show("write empty at end", lambda: m.write(b""))
show("hash", lambda: type(hash(m)))
show("concat", lambda: m + m)
show("repeat", lambda: m * 2)
show("memoryview slice value", lambda: m.__setitem__(slice(0, 3), memoryview(b"xyz")))
print(m[:3])

# a private (copy-on-write) map cannot be resized
with open(path, "r+b") as f:
    c = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    show("copy resize", lambda: c.resize(20))
    c.close()

# a closed map
m.close()
for name, call in [
    ("len", lambda: len(m)),
    ("getitem", lambda: m[0]),
    ("slice", lambda: m[:]),
    ("setitem", lambda: m.__setitem__(0, 1)),
    ("read", lambda: m.read()),
    ("read_byte", lambda: m.read_byte()),
    ("readline", lambda: m.readline()),
    ("write", lambda: m.write(b"a")),
    ("write_byte", lambda: m.write_byte(1)),
    ("seek", lambda: m.seek(0)),
    ("tell", lambda: m.tell()),
    ("size", lambda: m.size()),
    ("find", lambda: m.find(b"a")),
    ("rfind", lambda: m.rfind(b"a")),
    ("flush", lambda: m.flush()),
    ("move", lambda: m.move(0, 0, 1)),
    ("resize", lambda: m.resize(4)),
    ("madvise", lambda: m.madvise(mmap.MADV_NORMAL)),
    ("enter", lambda: m.__enter__()),
    ("iter", lambda: list(m)),
    ("in", lambda: 1 in m),
    ("bytes", lambda: bytes(m)),
    ("close again", lambda: m.close()),
    ("exit", lambda: m.__exit__(None, None, None)),
]:
    show("closed " + name, call)
print(m.closed, repr(m))

shutil.rmtree(d)
print("done")
