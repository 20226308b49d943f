# Reading a pipe as it fills: open() on a pipe must not wait for the writer to close.
import os
import subprocess
import threading
import time

r, w = os.pipe()
os.write(w, b"first line\nsecond")
f = open(r, "rb")
print(f.seekable())
print(f.readline())          # there is a whole line: no need to wait for more
print(f.read1(100))          # what one read gives
os.write(w, b"-more\nlast")
print(f.read(6))             # waits for 6 bytes
os.close(w)
print(f.read())              # then everything up to end of file
print(f.read(), f.readline())
try:
    f.tell()
except OSError as e:
    print(type(e).__name__, e.errno)
f.close()

# Unbuffered: read(n) gives what one read returns.
r, w = os.pipe()
os.write(w, b"abc")
raw = open(r, "rb", buffering=0)
print(type(raw).__name__, raw.read(10))
os.close(w)
print(raw.read(10))
raw.close()

# Text on a pipe, with a character split across two writes.
r, w = os.pipe()
t = open(r, "r", encoding="utf-8")
os.write(w, "h\u00e9\n".encode()[:2])
os.write(w, "h\u00e9\n".encode()[2:] + b"x\r\ny\n")
print(repr(t.readline()))
print(repr(t.readline()))
os.close(w)
print(repr(t.read()))
t.close()

# A writer thread feeding a reader that waits on the pipe: lines come one at a time.
def write_later(w):
    for i in range(3):
        time.sleep(0.02)
        os.write(w, b"line %d\n" % i)
    os.close(w)

for mode in ("rb", "r"):
    r, w = os.pipe()
    reader = open(r, mode)
    th = threading.Thread(target=write_later, args=(w,))
    th.start()
    for line in reader:
        print(repr(line))
    th.join()
    reader.close()
    r, w = os.pipe()
    reader = open(r, mode)
    th = threading.Thread(target=write_later, args=(w,))
    th.start()
    print(reader.readlines())
    th.join()
    reader.close()

# A child's output read line by line while it runs.
p = subprocess.Popen(["sh", "-c", "echo one; sleep 0.1; echo two"], stdout=subprocess.PIPE)
print(p.stdout.readline())
print(p.stdout.readline())
print(p.stdout.readline())
p.stdout.close()
print(p.wait())

# A child reading what this process writes to its stdin.
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b"ping\n")
p.stdin.flush()
print(p.stdout.readline())
p.stdin.close()
print(p.stdout.read(), p.wait())
p.stdout.close()

# Text mode over a child's pipes: a dialogue, each line answered before the next is sent.
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
for word in ("alpha", "b\u00eata"):
    p.stdin.write(word + "\n")
    p.stdin.flush()
    print(repr(p.stdout.readline()))
p.stdin.close()
print(repr(p.stdout.read()), p.wait())
p.stdout.close()

with subprocess.Popen(["sh", "-c", "echo one; sleep 0.1; echo two"], stdout=subprocess.PIPE,
                      text=True) as p:
    for line in p.stdout:
        print(repr(line))
print(p.returncode)
