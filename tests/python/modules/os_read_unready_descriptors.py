# os.read on a descriptor that is not open (-1, as asyncore leaves a closed wrapper) or that does not block raises OSError / BlockingIOError at once instead of waiting for it to become readable
import os
for fd in (-1, -5):
    try:
        os.read(fd, 1)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
r, w = os.pipe()
os.set_blocking(r, False)
try:
    os.read(r, 10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
os.write(w, b"abc")
print(os.read(r, 10))
os.close(w)
print(os.read(r, 10))
os.close(r)
try:
    os.read(r, 1)
except OSError as e:
    print(type(e).__name__, e.errno)
