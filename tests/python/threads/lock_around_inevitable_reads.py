# Eight threads take turns at one lock to read a file in small pieces (each os.read makes
# the reading transaction inevitable), several rounds. With two views (this machine's
# default on 2 cores), an inevitable thread could wait forever for a lock byte that a
# newcomer in the loser's view held, while the newcomer waited to become inevitable.
import os
import tempfile
import threading

data = bytes(range(256)) * 1000
path = os.path.join(tempfile.mkdtemp(), "data.bin")
with open(path, "wb") as f:
    f.write(data)

for round_number in range(8):
    fd = os.open(path, os.O_RDONLY)
    lock = threading.Lock()
    pieces = []

    def reader():
        while True:
            with lock:
                piece = os.read(fd, 7)
                if not piece:
                    return
                pieces.append(piece)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    os.close(fd)
    print(round_number, len(pieces), b"".join(pieces) == data)
os.remove(path)
os.rmdir(os.path.dirname(path))
