# readv/writev/preadv/pwritev into and from bytearray, array and memoryview; sendfile,
# copy_file_range and splice between files and pipes; eventfd, memfd_create, getrandom,
# posix_fadvise/posix_fallocate, lockf, and their argument errors as CPython reports them.
import array, os, tempfile, threading

def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

d = tempfile.mkdtemp()
path = os.path.join(d, "data")
fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
print("writev:", os.writev(fd, [b"hello ", bytearray(b"vectored "), memoryview(b"world"), array.array("b", [33])]))
os.lseek(fd, 0, os.SEEK_SET)
a, b, c = bytearray(5), array.array("B", bytes(4)), bytearray(10)
m = memoryview(c)[2:6]
print("readv:", os.readv(fd, [a, b, m]), a, b.tobytes(), c)
print("readv at end:", os.readv(fd, [bytearray(3)]))
print("readv no buffers:", os.readv(fd, []))
print("pwritev:", os.pwritev(fd, [b"HELLO", b"!"], 0))
bufs = [bytearray(3), bytearray(4)]
print("preadv:", os.preadv(fd, bufs, 2), bufs)
print("preadv flags:", os.preadv(fd, [bytearray(2)], 0, 0), os.pwritev(fd, [b"z"], 30, 0))
print("size:", os.fstat(fd).st_size)

# readv from a pipe whose writer is another thread waits outside the transaction.
r, w = os.pipe()
t = threading.Thread(target=lambda: (os.write(w, b"from thread"), os.close(w)))
t.start()
buf = bytearray(20)
n = os.readv(r, [buf])
t.join()
print("readv pipe:", n, bytes(buf[:n]))
os.close(r)

# writev to a pipe, splice from the pipe into a file, sendfile from the file into a pipe.
r, w = os.pipe()
print("writev pipe:", os.writev(w, [b"abc", b"def"]))
out = os.open(os.path.join(d, "spliced"), os.O_RDWR | os.O_CREAT, 0o600)
print("splice pipe->file:", os.splice(r, out, 6, offset_dst=0), os.pread(out, 10, 0))
print("splice nothing:", os.splice(r, out, 0))
print("sendfile file->pipe:", os.sendfile(w, out, 1, 3), os.read(r, 10))
os.lseek(out, 0, os.SEEK_SET)
print("sendfile no offset:", os.sendfile(w, out, None, 4), os.read(r, 10), os.lseek(out, 0, os.SEEK_CUR))
print("sendfile keywords:", os.sendfile(out_fd=w, in_fd=out, offset=0, count=2), os.read(r, 10))
os.close(r); os.close(w)

copy = os.open(os.path.join(d, "copy"), os.O_RDWR | os.O_CREAT, 0o600)
print("copy_file_range:", os.copy_file_range(fd, copy, 5, offset_src=0, offset_dst=0), os.pread(copy, 10, 0))
os.lseek(fd, 6, os.SEEK_SET)
print("copy_file_range positions:", os.copy_file_range(fd, copy, 3), os.lseek(fd, 0, os.SEEK_CUR))

# eventfd
efd = os.eventfd(3)
print("eventfd:", os.get_inheritable(efd), os.eventfd_read(efd))
os.eventfd_write(efd, 5)
os.eventfd_write(efd, 2)
print("eventfd sum:", os.eventfd_read(efd))
sem = os.eventfd(2, os.EFD_SEMAPHORE | os.EFD_NONBLOCK)
print("semaphore:", os.eventfd_read(sem), os.eventfd_read(sem))
attempt("empty nonblocking", os.eventfd_read, sem)
# A blocking read waits outside the transaction for another thread's write.
t = threading.Thread(target=lambda: os.eventfd_write(efd, 42))
t.start()
print("eventfd from thread:", os.eventfd_read(efd))
t.join()
os.close(efd); os.close(sem)

# memfd_create, getrandom
mfd = os.memfd_create("test")
os.write(mfd, b"in memory")
print("memfd:", os.pread(mfd, 20, 0), os.get_inheritable(mfd), os.fstat(mfd).st_size)
os.close(mfd)
mfd = os.memfd_create(b"bytes-name", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
os.close(mfd)
print("getrandom:", len(os.getrandom(16)), len(os.getrandom(0)), len(os.getrandom(size=8, flags=os.GRND_NONBLOCK)), type(os.getrandom(1)).__name__)

# posix_fadvise, posix_fallocate, lockf
os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
os.posix_fallocate(fd, 0, 4096)
print("fallocate:", os.fstat(fd).st_size)
os.lockf(fd, os.F_LOCK, 0)
os.lockf(fd, os.F_TEST, 0)
os.lockf(fd, os.F_ULOCK, 0)
os.lockf(fd, os.F_TLOCK, 10)
os.lockf(fd, os.F_ULOCK, 10)
print("lockf done")

attempt("readv not sequence", os.readv, fd, 1)
attempt("readv bytes", os.readv, fd, [b"x"])
attempt("readv int", os.readv, fd, [1])
attempt("writev not sequence", os.writev, fd, 1)
attempt("writev int", os.writev, fd, [1])
attempt("writev str", os.writev, fd, ["x"])
attempt("preadv not sequence", os.preadv, fd, 1, 0)
attempt("pwritev not sequence", os.pwritev, fd, 1, 0)
attempt("readv bad fd", os.readv, 999, [bytearray(1)])
attempt("readv keywords", os.readv, fd=fd, buffers=[])
attempt("getrandom negative", os.getrandom, -1)
attempt("getrandom str", os.getrandom, "x")
attempt("memfd_create int", os.memfd_create, 1)
attempt("eventfd str", os.eventfd, "x")
attempt("eventfd negative", os.eventfd, -1)
attempt("eventfd_write bad fd", os.eventfd_write, 999, 1)
attempt("eventfd_read bad fd", os.eventfd_read, 999)
attempt("fallocate bad fd", os.posix_fallocate, 999, 0, 1)
attempt("fadvise bad fd", os.posix_fadvise, 999, 0, 1, 0)
attempt("fadvise bad advice", os.posix_fadvise, fd, 0, 1, 99)
attempt("lockf bad fd", os.lockf, 999, 0, 0)
attempt("sendfile bad fd", os.sendfile, 999, 998, None, 1)
attempt("copy_file_range negative", os.copy_file_range, fd, copy, -1)
attempt("splice negative", os.splice, fd, copy, -1)
attempt("splice files", os.splice, fd, copy, 1)
attempt("sendfile missing", os.sendfile, 1, 2, 3)

for f in (fd, out, copy):
    os.close(f)
for name in os.listdir(d):
    os.unlink(os.path.join(d, name))
os.rmdir(d)
