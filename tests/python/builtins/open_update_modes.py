# Files opened for reading and writing (r+, w+, a+, text and binary) read back what was
# written; tempfile's named files (which rename their raw file) work in both modes.
import os
import shutil
import tempfile

d = tempfile.mkdtemp()
try:
    p = os.path.join(d, "f.txt")
    with open(p, "w") as f:
        f.write("hello\nworld\n")
    with open(p, "r+") as f:
        print(repr(f.readline()))
        f.seek(0)
        f.write("J")
        f.seek(0)
        print(repr(f.read()))
        f.write("more\n")
        f.seek(0)
        print(repr(f.read()))
    print(repr(open(p).read()))
    with open(p, "w+") as f:
        for i in range(3):
            f.write("line %d\n" % i)
        f.seek(0)
        print(f.readlines())
        f.write("end")
        f.seek(0)
        print(repr(f.read()))
    print(repr(open(p).read()))
    for mode in ["a+", "a+b"]:
        with open(p, mode) as f:
            print(mode, f.tell(), repr(f.read()))
            f.write(b"X" if "b" in mode else "X")
            print(f.tell())
            f.seek(0)
            print(repr(f.read()), f.tell())
    with open(p, "a") as f:
        f.write("!")
        print(f.tell())
    print(repr(open(p).read()))

    for mode in ["w+b", "w+"]:
        with tempfile.NamedTemporaryFile(mode, suffix=".tmp", dir=d) as tf:
            tf.write(b"abc" if "b" in mode else "abc")
            tf.flush()
            tf.seek(0)
            print(mode, repr(tf.read()), os.path.basename(tf.name).endswith(".tmp"),
                  os.path.getsize(tf.name))
        print(os.path.exists(tf.name))
    with open(p, "rb", buffering=0) as raw:
        raw.name = "renamed"
        print(raw.name)
    try:
        import io
        io.BufferedReader(io.BytesIO(b"")).name = "x"
    except AttributeError as e:
        print("AttributeError:", e)
finally:
    shutil.rmtree(d)
