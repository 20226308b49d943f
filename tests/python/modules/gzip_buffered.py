# Buffered streams over raw streams of any kind: io.BufferedReader/BufferedWriter around
# BytesIO and a RawIOBase subclass, and gzip on top of them, in memory and on disk.
import gzip
import io
import os
import tempfile


class Chunks(io.RawIOBase):
    """A raw stream that hands out its data three bytes at a time."""

    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def readinto(self, b):
        n = min(3, len(self.data), len(b))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


r = io.BufferedReader(io.BytesIO(b"abc\ndef\nghi"))
print(r.read(2), r.readline(), r.readlines())
print(r.readable(), r.writable(), type(r.raw).__name__)

c = io.BufferedReader(Chunks(b"0123456789"))
print(c.read(4), c.read())

sink = io.BytesIO()
w = io.BufferedWriter(sink)
print(w.write(b"xyz"), w.writable(), w.readable())
w.write(b"123")
w.flush()
print(sink.getvalue())

text = b"hello gzip\n" * 50 + b"last line"
blob = gzip.compress(text)
print(gzip.decompress(blob) == text)
with gzip.open(io.BytesIO(blob)) as f:
    print(f.readline(), len(f.read()))

path = os.path.join(tempfile.mkdtemp(), "t.gz")
with gzip.open(path, "wt", encoding="utf-8") as f:
    f.write("line one\nline two\n")
with gzip.open(path, "rt", encoding="utf-8") as f:
    print(f.readlines())
with gzip.open(path, "rb") as f:
    print(f.read(4), f.read())
os.remove(path)

try:
    io.BufferedReader(io.RawIOBase())
except OSError as e:
    print(type(e).__name__, e)
try:
    io.BufferedWriter(Chunks(b""))
except OSError as e:
    print(type(e).__name__, e)
