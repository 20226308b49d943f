# A text file that reads and writes (r+, w+, a+, TemporaryFile(mode='w+')) has a real
# binary layer: f.buffer is a BufferedRandom over a FileIO, and text and bytes written
# through either read back alike once flushed.
import io
import os
import shutil
import tempfile

d = tempfile.mkdtemp()
try:
    p = os.path.join(d, "f.txt")
    f = open(p, "w+")
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__)
    print(isinstance(f.buffer, io.BufferedRandom), isinstance(f.buffer.raw, io.FileIO))
    print(f.mode, f.buffer.mode, f.buffer.raw.mode, f.buffer.name == f.name == p)
    print(f.fileno() == f.buffer.fileno() == f.buffer.raw.fileno())
    f.write("hello world\n")
    f.flush()
    print(f.buffer.write(b"bytes\n"))
    f.seek(0)
    print(repr(f.read()))
    f.seek(0)
    print(repr(f.read(2)))
    f.write("X")
    f.seek(0)
    print(repr(f.read()), f.tell())
    # tell() and seek() round trips.
    f.seek(0)
    print(repr(f.readline()), f.tell())
    here = f.tell()
    print(repr(f.readline()))
    f.seek(here)
    print(repr(f.readline()))
    print(f.seek(0, 2), f.tell())
    f.write("end\n")
    f.flush()
    print(f.tell(), f.buffer.tell())
    f.buffer.seek(1)
    print(f.buffer.read(4), f.buffer.raw.tell())
    f.close()
    print(f.closed, f.buffer.closed, f.buffer.raw.closed)

    # a+: writes go to the end; reading starts where asked.
    with open(p, "a+") as f:
        print(f.tell())
        f.write("app\n")
        f.flush()
        f.buffer.write(b"raw\n")
        print(f.tell())
        f.seek(0)
        print(repr(f.read()))

    # r+: the buffer reads what is there.
    with open(p, "r+") as f:
        print(repr(f.buffer.read(5)))
        f.buffer.seek(0)
        print(repr(f.readline()))

    # Another codec: the byte order mark is written once, positions count bytes.
    with open(p, "w+", encoding="utf-16") as f:
        f.write("h\xe9llo\n")
        print(f.tell())
        f.flush()
        print(f.buffer.tell())
        f.seek(0)
        print(repr(f.read()), f.tell())
        f.buffer.seek(0)
        print(f.buffer.read())

    # Newline translation: '\n' written as the newline given; read back as '\n'.
    for newline in (None, "", "\r\n", "\r"):
        with open(p, "w+", newline=newline) as f:
            f.write("a\nb\r\nc\r")
            f.flush()
            f.buffer.write(b"d\r\n")
            f.seek(0)
            print(repr(newline), repr(f.read()), f.tell())
            f.buffer.seek(0)
            print(f.buffer.read())

    # TemporaryFile in text mode, and SpooledTemporaryFile once rolled over.
    with tempfile.TemporaryFile(mode="w+") as f:
        f.write("temp\n")
        f.flush()
        f.buffer.write(b"orary\n")
        f.seek(0)
        print(type(f.buffer).__name__, repr(f.read()))
    with tempfile.SpooledTemporaryFile(max_size=4, mode="w+") as f:
        f.write("spooled")
        f.flush()
        print(type(f._file.buffer).__name__, f.tell())
        f.seek(0)
        print(repr(f.read()))
    with open(p, "w+") as f:
        try:
            f.buffer.write("text")
        except TypeError as e:
            print("TypeError", e)
finally:
    shutil.rmtree(d)
