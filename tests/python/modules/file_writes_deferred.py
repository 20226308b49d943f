# Files opened for writing hand their bytes to the running transaction, which writes them
# when it commits: writes of threads must neither tear, repeat nor vanish, and what a
# file shows follows flush(), seek() and close() as in CPython.
import os
import tempfile
import threading

folder = tempfile.mkdtemp()
path = os.path.join(folder, "shared.txt")

# Four threads write lines to one file object (under a lock: CPython's text files tear
# lines otherwise); an aborted attempt must not write twice.
f = open(path, "w")
lock = threading.Lock()
def writer(n):
    for i in range(3000):
        with lock:
            f.write(f"thread {n} line {i:05d} " + "x" * (i % 17) + "\n")
threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
f.close()
with open(path) as g:
    lines = g.read().split("\n")
print(lines[-1] == "", len(lines) - 1)
seen = {}
for line in lines[:-1]:
    parts = line.split(" ")
    assert parts[0] == "thread" and parts[2] == "line", line
    n, i = int(parts[1]), int(parts[3])
    assert parts[4] == "x" * (i % 17), line
    seen.setdefault(n, []).append(i)
print(sorted(seen), [sorted(v) == list(range(3000)) for _, v in sorted(seen.items())])
# Each thread's lines stay in its own order.
print([v == sorted(v) for _, v in sorted(seen.items())])

# A binary file written at positions, in one transaction and across many.
with open(path, "wb") as b:
    for i in range(1000):
        b.write(bytes([65 + i % 26]) * 10)
    b.seek(5)
    b.write(b"-----")
    print(b.tell())
with open(path, "rb") as b:
    data = b.read()
print(len(data), data[:20])

# Without flush() another reader sees nothing yet (CPython's buffer); after it, all.
w = open(path, "w")
w.write("abc")
print(repr(open(path).read()))
w.flush()
print(repr(open(path).read()))
w.write("def")
w.close()
print(repr(open(path).read()))

# A file never closed is written by the end of the program.
import subprocess, sys
late = os.path.join(folder, "late.txt")
code = "g = open(%r, 'w')\nfor i in range(1000): g.write('line %%d\\n' %% i)\n" % late
subprocess.run([sys.executable, "-c", code], check=True)
text = open(late).read()
print(len(text), text[-9:])
