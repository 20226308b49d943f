# tell() and relative seeks through stream layers: GzipFile (whose tell() is IOBase's
# seek(0, 1)), a BufferedReader over a raw stream it read ahead of, tarfile reading members
# of a compressed archive by seeking, and IOBase's own seek/tell for classes written in
# Python.
import gzip
import io
import tarfile

data = bytes(range(256)) * 40
g = gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(data)))
print(g.read(10)[:4], g.tell())
g.seek(512)
print(g.tell(), g.read(4))
g.seek(100)
print(g.tell(), g.read(4))
print(g.seek(5000), g.read(2), g.tell())

b = io.BufferedReader(io.BytesIO(data))
b.read(10)
b.seek(512)
print(b.read(4), b.tell())
b.seek(3)
print(b.read(2), b.tell(), b.seek(2, 1), b.read(1), b.seek(-1, 1), b.tell())

buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    for name, content in [("x.txt", b"tardata"), ("y.txt", b"second member")]:
        info = tarfile.TarInfo(name)
        info.size = len(content)
        info.mtime = 0
        t.addfile(info, io.BytesIO(content))
buf.seek(0)
with tarfile.open(fileobj=buf, mode="r:*") as t:
    print(t.getnames(), t.extractfile("y.txt").read(), t.extractfile("x.txt").read())


class Raw(io.RawIOBase):
    def readinto(self, b):
        return 0


class Seeking(io.RawIOBase):
    def seek(self, offset, whence=0):
        return 42


for obj in [Raw(), Seeking(), io.BufferedIOBase()]:
    for name, args in [("tell", ()), ("seek", (0,))]:
        try:
            print(type(obj).__name__, name, getattr(obj, name)(*args))
        except io.UnsupportedOperation as e:
            print(type(obj).__name__, name, "UnsupportedOperation:", e)
