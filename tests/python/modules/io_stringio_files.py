# io.StringIO / io.BytesIO, and open() for text and binary files: modes, iteration,
# seek/tell, context managers, errors.
import io
import os

s = io.StringIO()
s.write("hello\n")
print("x", file=s)
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), list(s), s.read())
b = io.BytesIO(b"ab\ncd")
print(b.read(2), b.readlines(), b.getvalue(), b.seek(0, 2))
print(isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase), io.StringIO("abc").read(1))
path = "io_stringio_files.tmp"
with open(path, "w") as f:
    print(f.write("line1\nline2\r\nline3"), f.closed)
print(f.closed)
with open(path) as f:
    print([line for line in f], f.name, f.mode)
with open(path) as f:
    print(repr(f.read(3)), f.readline(), f.readlines())
with open(path, "rb") as f:
    data = f.read()
    print(data, type(data).__name__)
with open(path, "a") as f:
    f.write("!")
with open(path, encoding="utf-8") as f:
    print(f.read().splitlines())
with open(path, "wb") as f:
    f.write(b"\x00\xff")
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    open(path, "rw")
except ValueError as e:
    print(e)
f = io.StringIO("q")
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
