# A thread that writes more than a pipe holds waits for the reading thread; the reader,
# and a third thread that computes meanwhile, go on (the writer must not block them).
import os, threading

r, w = os.pipe()
data = bytes(range(256)) * 8192  # 2 MiB, far more than a pipe holds
results = {}

def writer():
    with open(w, "wb") as f:
        f.write(data)
    results["writer"] = "done"

def os_writer(fd, payload):
    n = 0
    while n < len(payload):
        n += os.write(fd, payload[n:])
    os.close(fd)

def worker():
    results["sum"] = sum(i * i for i in range(200000))

threads = [threading.Thread(target=writer), threading.Thread(target=worker)]
for t in threads:
    t.start()
chunks = []
with open(r, "rb") as f:
    while True:
        b = f.read(65536)
        if not b:
            break
        chunks.append(b)
for t in threads:
    t.join()
print(results["writer"], results["sum"], b"".join(chunks) == data)

r2, w2 = os.pipe()
t = threading.Thread(target=os_writer, args=(w2, data))
t.start()
got = bytearray()
while True:
    b = os.read(r2, 100000)
    if not b:
        break
    got += b
t.join()
os.close(r2)
print(len(got), bytes(got) == data)
