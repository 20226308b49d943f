# mmap.resize while other threads read the map: the readers keep seeing its first bytes
# and nothing faults (the old mapping goes only after the resizing transaction commits);
# a file map resized grows the file and keeps its bytes.
import mmap, os, tempfile, threading
big = mmap.mmap(-1, 1 << 20)
big[:4] = b"head"
stop = []
seen = set()
def reader():
    while not stop:
        seen.add(big[:4])
threads = [threading.Thread(target=reader) for _ in range(2)]
for t in threads:
    t.start()
for size in [1 << 21, 1 << 19, 1 << 20] * 10:
    big.resize(size)
stop.append(1)
for t in threads:
    t.join()
print(len(big), sorted(seen))
d = tempfile.mkdtemp()
p = os.path.join(d, "f")
with open(p, "wb") as f:
    f.write(b"abcdef" * 100)
with open(p, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    m.resize(1000)
    m[999] = 65
    m.flush()
    print(len(m), os.path.getsize(p), m[:6], m[598:602])
    m.resize(10)
    print(len(m), os.path.getsize(p), m[:])
    m.close()
print(open(p, "rb").read())
