# The names of os (and posix) that os.py and CPython's posix module provide on Linux:
# which of a fixed list exist (all, as in CPython), what kind of object each is, and that
# the modules that build on them still import.
import os, posix

NAMES = """
CLD_CONTINUED CLD_DUMPED CLD_EXITED CLD_KILLED CLD_STOPPED CLD_TRAPPED EFD_CLOEXEC
EFD_NONBLOCK EFD_SEMAPHORE EX_CANTCREAT EX_CONFIG EX_DATAERR EX_IOERR EX_NOHOST EX_NOINPUT
EX_NOPERM EX_NOUSER EX_OK EX_OSERR EX_OSFILE EX_PROTOCOL EX_SOFTWARE EX_TEMPFAIL
EX_UNAVAILABLE EX_USAGE F_LOCK F_TEST F_TLOCK F_ULOCK GRND_NONBLOCK GRND_RANDOM
MFD_ALLOW_SEALING MFD_CLOEXEC MFD_HUGETLB MFD_HUGE_16GB MFD_HUGE_16MB MFD_HUGE_1GB
MFD_HUGE_1MB MFD_HUGE_256MB MFD_HUGE_2GB MFD_HUGE_2MB MFD_HUGE_32MB MFD_HUGE_512KB
MFD_HUGE_512MB MFD_HUGE_64KB MFD_HUGE_8MB MFD_HUGE_MASK MFD_HUGE_SHIFT NGROUPS_MAX O_ASYNC
O_DIRECT O_DSYNC O_FSYNC O_LARGEFILE O_NDELAY O_NOATIME O_NOCTTY O_PATH O_RSYNC O_SYNC
O_TMPFILE POSIX_FADV_DONTNEED POSIX_FADV_NOREUSE POSIX_FADV_NORMAL POSIX_FADV_RANDOM
POSIX_FADV_SEQUENTIAL POSIX_FADV_WILLNEED POSIX_SPAWN_CLOSE POSIX_SPAWN_DUP2
POSIX_SPAWN_OPEN PRIO_PGRP PRIO_PROCESS PRIO_USER P_ALL P_NOWAIT P_NOWAITO P_PGID P_PID
P_PIDFD P_WAIT RWF_APPEND RWF_DSYNC RWF_HIPRI RWF_NOWAIT RWF_SYNC SCHED_BATCH SCHED_FIFO
SCHED_IDLE SCHED_OTHER SCHED_RESET_ON_FORK SCHED_RR SEEK_DATA SEEK_HOLE SPLICE_F_MORE
SPLICE_F_MOVE SPLICE_F_NONBLOCK ST_APPEND ST_MANDLOCK ST_NOATIME ST_NODEV ST_NODIRATIME
ST_NOEXEC ST_NOSUID ST_RDONLY ST_RELATIME ST_SYNCHRONOUS ST_WRITE TMP_MAX WEXITED WNOWAIT
WSTOPPED XATTR_CREATE XATTR_REPLACE XATTR_SIZE_MAX _fwalk _spawnvef chroot closerange
confstr confstr_names copy_file_range ctermid device_encoding error eventfd eventfd_read
eventfd_write execl execle execlp execlpe execv execve execvp execvpe fchdir forkpty
fpathconf fwalk getgrouplist getlogin getpriority getrandom getresgid getresuid getxattr
initgroups listxattr lockf login_tty major makedev memfd_create minor mknod nice pathconf
pathconf_names pidfd_open posix_fadvise posix_fallocate posix_spawn posix_spawnp preadv
pwritev readv removexattr sched_get_priority_max sched_get_priority_min sched_getparam
sched_getscheduler sched_param sched_rr_get_interval sched_setaffinity sched_setparam
sched_setscheduler sendfile setegid seteuid setgid setgroups setpgrp setpriority setregid
setresgid setresuid setreuid setuid setxattr spawnl spawnle spawnlp spawnlpe spawnv spawnve
spawnvp spawnvpe splice sysconf sysconf_names tcgetpgrp tcsetpgrp ttyname wait wait3 wait4
waitid waitid_result writev
""".split()

present = sorted(set(dir(os)) & set(NAMES))
print(len(NAMES), "names,", len(present), "present")
print("missing:", sorted(set(NAMES) - set(dir(os))))
kinds = {}
for n in NAMES:
    v = getattr(os, n, None)
    kind = "int" if type(v) is int else "dict" if type(v) is dict else "type" if isinstance(v, type) else "function" if callable(v) else type(v).__name__
    kinds.setdefault(kind, []).append(n)
for kind in sorted(kinds):
    print(kind, len(kinds[kind]), kinds[kind])
print("constants:", {n: getattr(os, n) for n in kinds["int"]})
print("from posix:", sorted(n for n in NAMES if hasattr(posix, n)) == sorted(n for n in NAMES if n in dir(posix)))
# What os.fwalk needs (dir_fd for open and stat, a descriptor for scandir).
print("fwalk's needs:", {os.open, os.stat} <= os.supports_dir_fd, {os.scandir, os.stat} <= os.supports_fd,
      os.stat in os.supports_follow_symlinks)
print("types:", os.waitid_result.__module__, os.sched_param.__module__, os.sched_param.__name__,
      os.waitid_result.__name__, os.error.__name__)

import shutil, subprocess, pty, tempfile, glob, pathlib
print("imports ok:", all(m is not None for m in (shutil, subprocess, pty, tempfile, glob, pathlib)))

# fwalk over a small tree, with a symbolic link it does not follow.
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, "a", "b"))
open(os.path.join(d, "a", "f"), "w").close()
os.symlink("a", os.path.join(d, "link"))
for root, dirs, files, rootfd in os.fwalk(d):
    print("fwalk:", os.path.relpath(root, d), sorted(dirs), sorted(files), type(rootfd).__name__)
for root, dirs, files, rootfd in os.fwalk(d.encode(), topdown=False):
    print("fwalk bytes:", os.path.relpath(root, d.encode()), sorted(dirs), sorted(files))
fd = os.open(d, os.O_RDONLY)
print("listdir(fd):", sorted(os.listdir(fd)), sorted((e.name, e.path, e.is_dir(), e.is_symlink()) for e in os.scandir(fd)))
print("dir_fd:", os.stat("a", dir_fd=fd).st_ino == os.stat(os.path.join(d, "a")).st_ino,
      os.stat("link", dir_fd=fd, follow_symlinks=False).st_ino == os.lstat(os.path.join(d, "link")).st_ino)
g = os.open("a/f", os.O_RDONLY, dir_fd=fd)
os.close(g)
os.close(fd)
try:
    os.open("x", 0, 0, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    os.stat("x", dir_fd="a")
except TypeError as e:
    print("TypeError:", e)
shutil.rmtree(d)
print("removed:", not os.path.exists(d))

# How each positional-only function words a keyword and too many arguments.
for n in ("execv waitpid wait setuid setgid seteuid setegid setreuid setregid setresuid setresgid "
          "getresuid getresgid setgroups getgrouplist initgroups nice setpgrp tcgetpgrp tcsetpgrp "
          "login_tty getlogin ctermid ttyname forkpty sched_getscheduler sched_getparam "
          "sched_setparam sched_setscheduler sched_rr_get_interval sched_setaffinity readv preadv "
          "writev pwritev posix_fadvise posix_fallocate lockf major minor makedev sysconf confstr "
          "fpathconf closerange getpriority setpriority").split():
    for args, kwargs in (((), {"bogus": 1}), (tuple(range(9)), {})):
        if n.endswith("priority") and kwargs:
            continue
        try:
            getattr(os, n)(*args, **kwargs)
        except TypeError as e:
            print(n, "TypeError:", e)
