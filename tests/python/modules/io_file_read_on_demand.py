# Regular files opened for reading are read on demand: reads, lines, seek and tell in
# binary and text, a descriptor's own offset, and data appended after the end was read.
import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
with open(p, 'wb') as f:
    f.write(b''.join(b'line %d \xc3\xa9\r\n' % i if i % 3 == 0 else b'line %d\n' % i for i in range(30000)))
size = os.path.getsize(p)
with open(p, 'rb') as f:
    print(f.read(5), f.tell(), f.peek()[:5], f.readline(), f.tell())
    f.seek(100000); print(f.read(8), f.tell())
    f.seek(-10, 2); print(f.read(), f.tell(), f.read(), f.read(3))
    f.seek(3); print(f.read(4)); f.seek(2, 1); print(f.read(3), f.tell())
    f.seek(0); print(len(f.read()) == size)
    f.seek(size + 10); print(f.read(), f.tell())
    f.seek(0); print(sum(1 for _ in f), f.tell() == size)
    f.seek(5); print(len(f.readlines()), len(f.readlines()))
    f.seek(0); b = bytearray(10); print(f.readinto(b), b)
with open(p, 'rb', buffering=0) as f:
    print(f.read(5), f.tell(), f.read(3), f.seek(50), f.read(4), len(f.read()), f.read(2))
with open(p) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(5)))
    lines = f.readlines(); print(len(lines), repr(lines[-1]), f.newlines)
    f.seek(0); print(repr(f.read(20))); f.seek(0, 2); print(repr(f.read()))
    f.seek(0); print(len(f.read()))
with open(p, newline='') as f:
    print(repr(f.readline()), repr(f.readline()), repr(list(f)[-3:]))
with open(p, encoding='utf-8', errors='replace') as f:
    n = 0
    for line in f:
        n += 1
    print(n)
with open(p, encoding='latin-1') as f:
    print(repr(f.readline()), len(f.read()))
fd = os.open(p, os.O_RDONLY); os.lseek(fd, 10, 0)
with open(fd, 'rb') as f:
    print(f.tell(), f.read(5))
# reading what another writer appends after the end was reached
with open(p, 'rb') as f, open(p, 'ab') as w:
    f.seek(0, 2); print(f.read())
    w.write(b'more\n'); w.flush()
    print(f.read(), f.readline())
with open(p, 'r+b') as f:
    print(f.read(4), f.write(b'XX'), f.read(3), f.seek(0), f.read(8))
try:
    open(d)
except OSError as e:
    print(type(e).__name__)
with open(p) as f:
    f.seek(3); print(repr(f.read(3)))
# Binary files that also write (r+b, w+b) read on demand too: writes go where reading
# stands, and reading goes on after them, with nothing stale read ahead.
p2 = os.path.join(d, 'g.bin')
with open(p2, 'wb') as f:
    f.write(bytes(range(256)) * 1000)
with open(p2, 'r+b') as f:
    print(f.read(4), f.write(b'XX'), f.read(3), f.tell(), f.seek(0), f.read(8))
    f.seek(100000); print(f.read(2), f.write(b'YYYY'), f.tell(), f.read(2))
    f.seek(-3, 2); print(f.read(), f.write(b'TAIL'), f.tell(), f.read(), f.seek(-6, 2), f.read())
    f.seek(0); print(f.readline()[:12], f.tell())
    print(f.truncate(1000), f.tell(), len(f.read()), f.seek(0, 2))
    f.seek(5000); print(f.write(b'Z'), f.tell(), f.seek(0, 2), f.seek(990), f.read(20))
    f.seek(500); f.read(1); print(f.truncate(), f.tell(), f.seek(0, 2))
with open(p2, 'rb') as f:
    print(len(f.read()))
with open(p2, 'w+b') as f:
    print(f.read(), f.write(b'hello\nworld\n'), f.tell(), f.read(), f.seek(0), f.readline(), f.read(3))
with open(p2, 'r+b', buffering=0) as f:
    print(f.read(3), f.write(b'_'), f.read(2), f.tell())
with open(p2, 'rb') as f:
    print(f.read())
os.unlink(p2)
os.unlink(p); os.rmdir(d)
