# BufferedReader.peek() and BufferedRandom.peek(): buffered bytes without moving the
# position, over files, pipes, BytesIO, and through lzma and gzip, which call it.
import gzip
import io
import lzma
import os
import shutil
import tempfile

d = tempfile.mkdtemp()
try:
    p = os.path.join(d, "f")
    with open(p, "wb") as f:
        f.write(b"hello world" * 1000)
    with open(p, "rb") as f:
        first = f.peek()
        print(type(f).__name__, first[:5], len(first) > 0, f.peek(3)[:5], f.tell())
        print(f.read(4), f.peek()[:6], f.tell())
        f.read()
        print(repr(f.peek()))
    try:
        f.peek()
    except ValueError as e:
        print("ValueError:", e)
    with open(p, "r+b") as f:
        print(type(f).__name__, f.peek(1)[:3], f.read(2))
    with open(p, "wb") as f:
        print("writer has peek:", hasattr(f, "peek"))

    gp = os.path.join(d, "g.gz")
    with gzip.open(gp, "wb") as g:
        g.write(b"abc\n" * 10)
    with gzip.open(gp, "rb") as g:
        print(g.peek(1)[:4], g.readline(), g.peek(2)[:4])
finally:
    shutil.rmtree(d)

print("BytesIO has peek:", hasattr(io.BytesIO(), "peek"))
b = io.BufferedReader(io.BytesIO(b"abcdef"))
print(b.peek(), b.read(2), b.peek(1), b.read(), b.peek())
for bad in [("a",), (1, 2)]:
    try:
        b.peek(*bad)
    except TypeError as e:
        print("TypeError:", e)

r, w = os.pipe()
os.write(w, b"xyz")
rf = open(r, "rb")
print(rf.peek(), rf.read(1), rf.peek())
os.close(w)
print(rf.read(), rf.peek())
rf.close()

data = lzma.compress(b"lzma data here")
with lzma.LZMAFile(io.BytesIO(data)) as lf:
    print(lf.peek()[:4], lf.read(), lf.peek())
with gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b"gzip data"))) as gf:
    print(gf.peek(2)[:4], gf.read())
