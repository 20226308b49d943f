# What a producer thread prints before it hands an item over comes out before what the
# consumer prints on receiving it (output is written at commit, before waiters wake).
import subprocess, sys

CHILD = r'''
import queue, threading
q = queue.Queue()
def producer():
    for i in range(300):
        print("put", i)
        q.put(i)
    q.put(None)
def consumer():
    while (i := q.get()) is not None:
        print("got", i)
threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads: t.start()
for t in threads: t.join()
'''

for run in range(3):
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True).stdout
    put, early = set(), []
    for line in out.splitlines():
        word, i = line.split()
        if word == "put":
            put.add(i)
        elif i not in put:
            early.append(i)
    print(len(out.splitlines()), "lines, got before put:", early)
