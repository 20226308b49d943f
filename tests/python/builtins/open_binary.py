# open() in binary mode: bytes in and out, seek/tell, read sizes, r+b updates and mode errors.
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "b.bin")
    with open(path, "wb") as f:
        print(f.write(bytes(range(10))), f.tell())
    with open(path, "rb") as f:
        print(f.read(3), f.tell(), f.seek(-2, 2), f.read(), f.read(), f.seek(0), f.read1(2) if hasattr(f, "read1") else b"")
    with open(path, "r+b") as f:
        f.seek(5)
        f.write(b"\xff\xfe")
        f.seek(0)
        print(f.read())
    with open(path, "ab") as f:
        f.write(b"!!")
    print(os.path.getsize(path))
    with open(path, "rb") as f:
        print(type(f).__name__, f.readable(), f.writable(), f.seekable(), f.mode)
    with open(path, "wb") as f:
        try:
            f.write("text")
        except TypeError as e:
            print(e)
    for mode in ("rw", "x+b+", "q"):
        try:
            open(path, mode)
        except ValueError as e:
            print(e)
    try:
        open(path, "xb")
    except FileExistsError as e:
        print(type(e).__name__, e.strerror)
