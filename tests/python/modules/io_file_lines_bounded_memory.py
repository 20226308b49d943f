# A big file read line by line (and in pieces) holds a window of it, not all of it.
import os
import resource
import tempfile


def peak_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


size_mb = 32
fd, path = tempfile.mkstemp()
chunk = b''.join(b'%07d some text on the line\n' % i for i in range(1024))
with os.fdopen(fd, 'wb') as f:
    for _ in range(size_mb * 1024 * 1024 // len(chunk)):
        f.write(chunk)
size = os.path.getsize(path)
try:
    before = peak_kb()
    count = length = 0
    with open(path, 'rb') as f:
        for line in f:
            count += 1
            length += len(line)
    print('binary lines', count, length == size)
    with open(path, 'r+b') as f:
        count = sum(1 for line in f)
        print('read-write lines', count, f.tell() == size)
    with open(path, encoding='utf-8') as f:
        first = f.readline()
        count = 1
        for line in f:
            count += 1
        print('text lines', count, repr(first))
    with open(path, 'rb') as f:
        total = 0
        while piece := f.read(1 << 16):
            total += len(piece)
        print('pieces', total == size, f.tell() == size)
        f.seek(size // 2)
        print('seek to the middle', f.readline()[-10:], f.tell() > size // 2)
    grew_mb = (peak_kb() - before) / 1024
    print('rss grew less than 20 MB:', grew_mb < 20)
finally:
    os.unlink(path)
