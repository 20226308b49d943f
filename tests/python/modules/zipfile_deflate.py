# zipfile writes and reads deflated members in memory (zlib, and io's close() on exit).
import zipfile, io
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", "hello " * 100)
    z.writestr("b.txt", b"\x00\x01" * 50)
print(len(buf.getvalue()) > 0)
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print(z.namelist(), z.read("a.txt")[:12], len(z.read("b.txt")))
