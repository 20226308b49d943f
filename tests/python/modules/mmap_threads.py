# Two threads write disjoint halves of one shared map (anonymous, then file-backed) with
# item and slice assignment, write_byte/read_byte through maps of their own, and maps
# they drop without closing; the main thread checks what landed in memory and in the file.
import gc
import mmap
import os
import shutil
import tempfile
import threading

N = 4096
ROUNDS = 30


def worker(m, lo, hi, tag, errors):
    try:
        for r in range(ROUNDS):
            value = (tag + r) % 256
            for i in range(lo, hi, 97):
                m[i] = value
            m[lo:hi] = bytes([value]) * (hi - lo)
            if m[lo] != value or m[hi - 1] != value:
                errors.append((tag, r))
            # a private map, made and dropped each round
            own = mmap.mmap(-1, 64)
            own.write_byte(tag)
            own.seek(0)
            if own.read_byte() != tag:
                errors.append(("own", tag, r))
            if r % 3 == 0:
                own.close()
        m[lo:lo + 4] = (b"T%d" % tag).ljust(4, b"_")
    except Exception as e:  # reported by the main thread
        errors.append(repr(e))


def run(m):
    errors = []
    threads = [threading.Thread(target=worker, args=(m, 0, N // 2, 1, errors)),
               threading.Thread(target=worker, args=(m, N // 2, N, 2, errors))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    gc.collect()
    first, second = m[:N // 2], m[N // 2:]
    print(errors)
    print(first[:4], set(first[4:]), second[:4], set(second[4:]))


anon = mmap.mmap(-1, N)
run(anon)
anon.close()

d = tempfile.mkdtemp()
path = os.path.join(d, "shared")
with open(path, "wb") as f:
    f.write(b"\0" * N)
with open(path, "r+b") as f:
    fm = mmap.mmap(f.fileno(), 0)
run(fm)
fm.flush()
fm.close()
with open(path, "rb") as f:
    data = f.read()
print(len(data), data[:4], data[N // 2:N // 2 + 4], data.count(bytes([ROUNDS % 256])),
      data.count(bytes([(ROUNDS + 1) % 256])))
shutil.rmtree(d)
print("done")
