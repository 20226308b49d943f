# bz2 over the bzip2 library: one-shot and incremental (de)compression, max_length,
# eof, unused_data, needs_input, errors, bz2.open, and a tar archive compressed with bzip2
# (whose members are read through a BufferedReader subclass).
import bz2, io, os, tarfile, tempfile
data = b"pypy-stm " * 5000 + bytes(range(256)) * 40
c = bz2.compress(data)
print(len(data), len(c), c[:10], bz2.decompress(c) == data)
print(bz2.compress(data, 1) == bz2.compress(data, 1), len(bz2.compress(data, 1)))
comp = bz2.BZ2Compressor(5)
parts = [comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)] + [comp.flush()]
print(sum(len(p) for p in parts), bz2.decompress(b"".join(parts)) == data)
for bad in (lambda: comp.flush(), lambda: comp.compress(b"x"), lambda: bz2.BZ2Compressor(0), lambda: bz2.decompress(b"not bzip2 data"), lambda: bz2.BZ2Compressor().compress("str")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
d = bz2.BZ2Decompressor()
out = d.decompress(c[:100]); print(len(out), d.needs_input, d.eof)
out += d.decompress(c[100:] + b"trailing", max_length=10); print(len(out), d.needs_input, d.eof)
while not d.eof:
    out += d.decompress(b"", max_length=100000)
print(out == data, d.eof, d.unused_data, d.needs_input)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError", e)
print(bz2.decompress(c + c) == data + data)
path = os.path.join(tempfile.mkdtemp(), "f.bz2")
with bz2.open(path, "wt") as f:
    f.write("line one\nline two\n")
with bz2.open(path, "rt") as f:
    print(f.readlines())
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:bz2") as tar:
    info = tarfile.TarInfo("hello.txt"); payload = b"hello tar"; info.size = len(payload)
    tar.addfile(info, io.BytesIO(payload))
buf.seek(0)
with tarfile.open(fileobj=buf, mode="r:bz2") as tar:
    print(tar.getnames(), tar.extractfile("hello.txt").read())
