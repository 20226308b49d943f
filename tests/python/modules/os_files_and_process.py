# os: permissions, links, times of files, truncation, offsets, pread/pwrite, umask, fifos,
# shutil.copy2 and realpath over them, times(), load average, affinity, process groups,
# system(), and the errors with their file names.
import os, stat, tempfile, shutil
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("hello world")
os.chmod(p, 0o600); print(oct(stat.S_IMODE(os.stat(p).st_mode)))
os.symlink(p, os.path.join(d, "link")); print(os.readlink(os.path.join(d, "link")) == p, os.readlink(os.fsencode(os.path.join(d, "link"))) == os.fsencode(p))
os.link(p, os.path.join(d, "hard")); print(os.stat(p).st_nlink)
os.utime(p, (1000000000, 1500000000)); st = os.stat(p); print(st.st_atime, st.st_mtime)
os.utime(p, ns=(2000000000123456789, 2000000000987654321)); print(os.stat(p).st_mtime_ns)
os.truncate(p, 5); print(open(p).read())
fd = os.open(p, os.O_RDWR)
print(os.lseek(fd, 0, os.SEEK_END), os.lseek(fd, 1, os.SEEK_SET))
print(os.pread(fd, 3, 1), os.pwrite(fd, b"J", 0))
os.ftruncate(fd, 3); os.fsync(fd); os.fdatasync(fd); os.close(fd)
print(open(p).read())
old = os.umask(0o22); print(oct(os.umask(old)))
fifo = os.path.join(d, "fifo"); os.mkfifo(fifo); print(stat.S_ISFIFO(os.stat(fifo).st_mode))
shutil.copy2(p, os.path.join(d, "copy")); print(os.stat(os.path.join(d, "copy")).st_mtime == os.stat(p).st_mtime)
print(os.path.realpath(os.path.join(d, "link")) == os.path.realpath(p))
t = os.times(); print(type(t).__name__, len(t), all(isinstance(x, float) for x in t))
print(len(os.getloadavg()), len(os.sched_getaffinity(0)) >= 1, os.sched_yield())
print(os.getegid() == os.getgid(), os.getpgrp() == os.getpgid(0), os.getsid(0) == os.getsid(os.getpid()), isinstance(os.getgroups(), list))
print(os.system("exit 3") >> 8)
for bad in (lambda: os.readlink(p), lambda: os.chmod(os.path.join(d, "nope"), 0o600), lambda: os.symlink(p, p), lambda: os.lseek(-1, 0, 0), lambda: os.utime(p, (1, 2), ns=(1, 2))):
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__, e.errno if isinstance(e, OSError) else e, getattr(e, 'filename', None) == p or getattr(e, 'filename', None) is None)
try:
    os.get_terminal_size(os.open(p, os.O_RDONLY))
except OSError as e:
    print("OSError", e.errno)
import shutil
print(shutil.get_terminal_size((77, 11)))
shutil.rmtree(d)
