# sysconf/confstr/pathconf/fpathconf with names and errors, the *_names tables, the sched_*
# getters and sched_param, priorities, device numbers, ttyname/ctermid/device_encoding,
# getresuid/getresgid, the id setters (to the same ids), groups, xattrs, chroot/fchdir,
# closerange, mknod, pidfd_open, forkpty, as CPython reports them.
import os, sys, tempfile

temp = None

def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", r)
    except Exception as e:
        message = str(e)
        if temp:
            message = message.replace(temp, "<tmp>")
        print(label, "->", type(e).__name__, message)

print("sysconf:", os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGESIZE"]),
      os.sysconf("SC_CLK_TCK"), os.sysconf("SC_NPROCESSORS_ONLN") >= 1)
print("names:", len(os.sysconf_names), len(os.confstr_names), sorted(os.pathconf_names.items()))
print("sysconf_names sample:", [(k, os.sysconf_names[k]) for k in ("SC_ARG_MAX", "SC_OPEN_MAX", "SC_PAGE_SIZE")])
print("confstr:", os.confstr("CS_PATH"), type(os.confstr("CS_GNU_LIBC_VERSION")).__name__,
      os.confstr(os.confstr_names["CS_PATH"]) == os.confstr("CS_PATH"))
print("pathconf:", os.pathconf("/", "PC_NAME_MAX"), os.pathconf(path="/", name="PC_PATH_MAX"))
fd = os.open("/", os.O_RDONLY)
print("fpathconf:", os.fpathconf(fd, "PC_NAME_MAX"), os.pathconf(fd, "PC_NAME_MAX"))
attempt("sysconf unknown", os.sysconf, "nope")
attempt("sysconf float", os.sysconf, 1.5)
attempt("sysconf bad number", os.sysconf, 10**6)
attempt("confstr unknown", os.confstr, "nope")
attempt("confstr bad number", os.confstr, 10**6)
attempt("pathconf unknown", os.pathconf, "/", "nope")
attempt("pathconf missing", os.pathconf, "/nonexistent/x", "PC_NAME_MAX")
attempt("pathconf float", os.pathconf, 1.5, "PC_NAME_MAX")
attempt("fpathconf str", os.fpathconf, "x", "PC_NAME_MAX")
attempt("fpathconf bad fd", os.fpathconf, 999, "PC_NAME_MAX")
attempt("sysconf keyword", os.sysconf, name="SC_PAGESIZE")

# Scheduling
print("scheduler:", os.sched_getscheduler(0) == os.SCHED_OTHER, os.sched_getparam(0),
      os.sched_get_priority_min(os.SCHED_FIFO), os.sched_get_priority_max(policy=os.SCHED_FIFO),
      os.sched_get_priority_max(os.SCHED_OTHER), type(os.sched_rr_get_interval(0)).__name__)
p = os.sched_param(5)
print("sched_param:", p, p.sched_priority, p == (5,), type(p).__module__, os.sched_param(sched_priority=2)[0],
      os.sched_param.n_fields, isinstance(p, tuple))
os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
os.sched_setparam(0, os.sched_param(0))
cpus = os.sched_getaffinity(0)
os.sched_setaffinity(0, cpus)
os.sched_setaffinity(0, iter(sorted(cpus)))
print("affinity kept:", os.sched_getaffinity(0) == cpus)
attempt("sched_param none", os.sched_param)
attempt("sched_param two", os.sched_param, 1, 2)
attempt("setparam int", os.sched_setparam, 0, 5)
attempt("setparam tuple", os.sched_setparam, 0, (5,))
attempt("setscheduler int", os.sched_setscheduler, 0, 0, 5)
attempt("setaffinity negative", os.sched_setaffinity, 0, [-1])
attempt("setaffinity str", os.sched_setaffinity, 0, ["x"])
attempt("setaffinity int", os.sched_setaffinity, 0, 5)
attempt("setaffinity huge", os.sched_setaffinity, 0, [10**6])
attempt("setaffinity empty", os.sched_setaffinity, 0, [])
attempt("priority max str", os.sched_get_priority_max, "x")
attempt("priority max bad", os.sched_get_priority_max, 1000)
attempt("getparam none", os.sched_getparam)

# Priorities
nice = os.nice(0)
print("priority:", os.getpriority(os.PRIO_PROCESS, 0) == nice, os.nice(0) == nice)
os.setpriority(os.PRIO_PROCESS, 0, nice)
attempt("getpriority bad", os.getpriority, 99, 0)
attempt("setpriority bad", os.setpriority, 99, 0, 0)
attempt("nice str", os.nice, "x")
attempt("nice none", os.nice)

# Devices
dev = os.makedev(8, 17)
print("devices:", dev, os.major(dev), os.minor(dev), os.major(os.stat("/").st_dev) >= 0,
      os.makedev(os.major(os.stat("/").st_dev), os.minor(os.stat("/").st_dev)) == os.stat("/").st_dev)
attempt("major negative", os.major, -1)
attempt("major str", os.major, "x")
attempt("makedev one", os.makedev, 1)
attempt("makedev str", os.makedev, "x", 0)
attempt("minor huge", os.minor, 2**70)

# Terminals
print("ctermid:", os.ctermid())
print("device_encoding:", os.device_encoding(fd), os.device_encoding(fd=999))
r, w = os.pipe()
attempt("ttyname pipe", os.ttyname, r)
attempt("ttyname bad fd", os.ttyname, 999)
attempt("tcgetpgrp pipe", os.tcgetpgrp, r)
attempt("tcsetpgrp pipe", os.tcsetpgrp, r, os.getpgrp())
attempt("login_tty bad fd", os.login_tty, 999)
print("getlogin:", isinstance(os.getlogin() if sys.stdin.isatty() else "", str))

# ids
print("getresuid:", os.getresuid() == (os.getuid(), os.geteuid(), os.getresuid()[2]),
      os.getresgid() == (os.getgid(), os.getegid(), os.getresgid()[2]))
uid, gid = os.getuid(), os.getgid()
os.setregid(-1, -1)
os.setreuid(-1, -1)
os.setresgid(-1, -1, -1)
os.setresuid(-1, -1, -1)
os.setegid(os.getegid())
os.seteuid(os.geteuid())
os.setgid(gid)
os.setuid(uid)
print("ids unchanged:", (os.getuid(), os.getgid()) == (uid, gid))
groups = os.getgroups()
os.setgroups(groups)
print("groups unchanged:", os.getgroups() == groups)
import pwd
name = pwd.getpwuid(uid).pw_name
gl = os.getgrouplist(name, gid)
print("getgrouplist:", type(gl).__name__, gid in gl)
attempt("setuid str", os.setuid, "x")
attempt("setuid -2", os.setuid, -2)
attempt("setuid 2**32", os.setuid, 2**32)
attempt("setuid 2**70", os.setuid, 2**70)
attempt("setgid float", os.setgid, 1.5)
attempt("setreuid one", os.setreuid, 1)
attempt("setresgid two", os.setresgid, 1, 2)
attempt("setuid keyword", os.setuid, uid=1)
attempt("setgroups int", os.setgroups, 1)
attempt("setgroups str", os.setgroups, ["x"])
attempt("getgrouplist int", os.getgrouplist, 1, 2)
attempt("initgroups int", os.initgroups, 1, 2)

# The file system
with tempfile.TemporaryDirectory() as d:
    temp = d
    f = os.path.join(d, "f")
    open(f, "w").close()
    attempt("getxattr missing file", os.getxattr, os.path.join(d, "missing"), "user.x")
    attempt("listxattr missing file", os.listxattr, os.path.join(d, "missing"))
    attempt("getxattr float", os.getxattr, 1.5, "user.x")
    attempt("setxattr str value", os.setxattr, f, "user.x", "str")
    attempt("fd and follow_symlinks", os.getxattr, fd, "user.x", follow_symlinks=False)
    print("listxattr:", type(os.listxattr(f)).__name__)
    # Where the file system has no user attributes the same lines are printed.
    try:
        os.setxattr(f, "user.test", b"value")
    except OSError as e:
        import errno
        print("xattrs:", e.errno == errno.ENOTSUP and b"value", True, True)
        print("create existing -> FileExistsError [Errno 17] File exists: '<tmp>/f'")
        print("removed:", False)
    else:
        print("xattrs:", os.getxattr(f, "user.test"), "user.test" in os.listxattr(f),
              "user.test" in os.listxattr(f, follow_symlinks=False))
        attempt("create existing", os.setxattr, f, "user.test", b"v", os.XATTR_CREATE)
        os.removexattr(f, "user.test")
        print("removed:", "user.test" in os.listxattr(f))
    fifo = os.path.join(d, "fifo")
    os.mknod(fifo, 0o600 | 0o010000)
    import stat
    print("mknod fifo:", stat.S_ISFIFO(os.stat(fifo).st_mode))
    attempt("mknod exists", os.mknod, fifo)
    attempt("mknod float", os.mknod, 1.5)
    cwd = os.getcwd()
    dfd = os.open(d, os.O_RDONLY)
    os.fchdir(dfd)
    print("fchdir:", os.path.samefile(os.getcwd(), d))
    os.chdir(cwd)
    os.close(dfd)
    attempt("fchdir bad fd", os.fchdir, 999)
    attempt("fchdir str", os.fchdir, "x")
    attempt("chroot missing", os.chroot, os.path.join(d, "missing"))
    attempt("chroot int", os.chroot, 1)

# closerange closes what it is given and ignores the rest.
fds = [os.dup(r) for _ in range(3)]
os.closerange(min(fds), max(fds) + 1)
for x in fds:
    attempt("closed", os.fstat, x)
attempt("closerange str", os.closerange, "a", 1)
os.close(r); os.close(w)
os.close(fd)

# pidfd_open on a child: readable once it exits.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(0)
pidfd = os.pidfd_open(pid)
import select
print("pidfd:", select.select([pidfd], [], [], 10)[0] == [pidfd])
os.close(pidfd)
os.waitpid(pid, 0)
attempt("pidfd_open bad", os.pidfd_open, -5)

# forkpty: the child's output comes through the master end.
sys.stdout.flush()  # what is buffered would reach the terminal from the child too
pid, master = os.forkpty()
if pid == 0:
    print("child on a tty:", os.isatty(0), os.isatty(1), flush=True)
    os._exit(0)
out = b""
while True:
    try:
        chunk = os.read(master, 1024)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.close(master)
print("forkpty:", out.split(), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
