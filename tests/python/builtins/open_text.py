# open() in text mode: write/read, readline/readlines, iteration, append, encodings and newline translation.
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "t.txt")
    with open(path, "w", encoding="utf-8") as f:
        print(f.write("line one\nline two\r\nthird é\n"), f.mode, f.name == path, f.closed)
    print(f.closed)
    with open(path, encoding="utf-8") as f:
        print(repr(f.readline()), repr(f.read(4)), f.readlines())
    with open(path, encoding="utf-8", newline="") as f:
        print([line for line in f])
    with open(path, "a", encoding="utf-8") as f:
        f.write("appended")
    with open(path, encoding="utf-8") as f:
        print(f.read().splitlines()[-1], f.read() == "")
    with open(path, encoding="latin-1") as f:
        print(repr(f.read()[-12:]))
    with open(path, "w", encoding="utf-8", newline="\r\n") as f:
        f.write("a\nb\n")
    with open(path, "rb") as f:
        print(f.read())
    try:
        open(os.path.join(d, "missing.txt"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
