# stat.filemode as CPython's C version gives it (stat.py takes it from _stat): a mode with
# no file type bits, as tar members and zip entries store, shows '?'.
import io
import stat
import tarfile
import zipfile

for m in [0o644, 0o100644, 0o40755, 0o120777, 0o20666, 0o60660, 0o10600, 0o140755,
          0o104755, 0o102755, 0o41777, 0o104644, 0o1666, 0o170644, 0, True]:
    print(oct(m), stat.filemode(m))
for bad in (-1, "x", 1.5, 2**40, 2**80):
    try:
        stat.filemode(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)

t = io.BytesIO()
with tarfile.open(fileobj=t, mode="w") as tf:
    for name, mode in (("a.txt", 0o640), ("run.sh", 0o4755)):
        ti = tarfile.TarInfo(name)
        ti.size = 3
        ti.mtime = 1000000000
        ti.mode = mode
        ti.uname = "me"
        tf.addfile(ti, io.BytesIO(b"abc"))
t.seek(0)
with tarfile.open(fileobj=t) as tf:
    tf.list()

z = io.BytesIO()
with zipfile.ZipFile(z, "w") as zf:
    zf.writestr(zipfile.ZipInfo("f.txt", (2021, 5, 6, 7, 8, 10)), "data")
with zipfile.ZipFile(z) as zf:
    print(repr(zf.getinfo("f.txt")))
