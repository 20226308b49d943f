# io.FileIO made directly: unbuffered binary files, with their mode and class.
import io
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "f.bin")
w = io.FileIO(path, "w")
print(type(w).__name__, w.mode, w.writable(), w.readable(), w.write(b"abc\ndef"))
w.close()
print(w.closed)

r = io.FileIO(path)
print(r.mode, r.read(2), r.readall())
r.close()


class Logged(io.FileIO):
    pass


with Logged(path, "rb") as f:
    print(type(f).__name__, f.read())

try:
    io.FileIO(path, "rt")
except ValueError as e:
    print("ValueError:", e)
os.remove(path)
