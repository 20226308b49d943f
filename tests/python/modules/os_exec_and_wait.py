# os.execv/execve (in forked children), os.wait, wait3, wait4, waitid (waitid_result or None),
# the spawn functions os.py builds on fork and exec, posix_spawn/posix_spawnp with file
# actions and attributes, and the argument errors of each, as CPython reports them.
import os, sys, tempfile

def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

print("error is OSError:", os.error is OSError)

# exec in a forked child: the status comes back through each kind of wait.
def child_exec(argv, env=None):
    pid = os.fork()
    if pid == 0:
        try:
            if env is None:
                os.execv(argv[0], argv)
            else:
                os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    return pid

pid = child_exec(["/bin/sh", "-c", "exit 3"])
got, status = os.wait()
print("wait:", got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status))

pid = child_exec(["/bin/sh", "-c", "exit 4"])
got, status, usage = os.wait3(0)
print("wait3:", got == pid, os.WEXITSTATUS(status), type(usage).__name__, type(usage.ru_utime).__name__)

pid = child_exec(["/bin/sh", "-c", 'exit "$CODE"'], {"CODE": "5"})
got, status, usage = os.wait4(pid, 0)
print("wait4 with env:", got == pid, os.WEXITSTATUS(status), len(usage))

pid = child_exec(["/bin/sh", "-c", "kill -TERM $$"])
got, status, usage = os.wait4(pid=pid, options=0)
print("signalled:", os.WIFSIGNALED(status), os.WTERMSIG(status))

# waitid: a result for an exited child, WNOWAIT leaves it to reap, WNOHANG with none ready.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(6)
os.close(r)
print("waitid WNOHANG, none ready:", os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG))
os.write(w, b"x")
os.close(w)
res = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
print("waitid:", type(res).__name__, res.si_pid == pid, res.si_signo, res.si_status,
      res.si_code == os.CLD_EXITED, res.si_uid == os.getuid(), len(res))
res = os.waitid(os.P_ALL, 0, os.WEXITED)
print("waitid again (reaps):", res.si_pid == pid, res.si_status)
attempt("waitid, no children", os.waitid, os.P_ALL, 0, os.WEXITED)
attempt("wait, no children", os.wait)
attempt("wait3 WNOHANG, no children", os.wait3, os.WNOHANG)
print(repr(os.waitid_result((1, 2, 3, 4, 5))), os.waitid_result.n_fields)

# The argument errors.
attempt("execv path", os.execv, 1, ["a"])
attempt("execv argv str", os.execv, "/bin/true", "ab")
attempt("execv argv empty", os.execv, "/bin/true", [])
attempt("execv argv[0] empty", os.execv, "/bin/true", [""])
attempt("execv argv int", os.execv, "/bin/true", [1])
attempt("execve argv", os.execve, "/bin/true", "x", {})
attempt("execve empty", os.execve, "/bin/true", (), {})
attempt("execve env", os.execve, "/bin/true", ["a"], 1)
attempt("execve argv[0] empty", os.execve, "/bin/true", [""], {})
attempt("execve bad name", os.execve, "/bin/true", ["a"], {"a=b": "c"})
attempt("execve missing", os.execve, "/nonexistent/x", ["a"], {})
attempt("execv missing", os.execv, "/nonexistent/x", ["a"])
attempt("execve float path", os.execve, 1.5, ["a"], {})
attempt("wait3 no options", os.wait3)
attempt("wait3 str", os.wait3, "x")
attempt("wait4 one", os.wait4, 1)
attempt("waitid two", os.waitid, 1, 2)
attempt("wait arg", os.wait, 1)

# The spawn functions of os.py (fork, exec, waitpid).
print("spawnv:", os.spawnv(os.P_WAIT, "/bin/sh", ["sh", "-c", "exit 7"]))
print("spawnl:", os.spawnl(os.P_WAIT, "/bin/sh", "sh", "-c", "exit 8"))
print("spawnlp:", os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "exit 9"))
print("spawnvpe:", os.spawnvpe(os.P_WAIT, "sh", ["sh", "-c", 'exit "$N"'], {"N": "10", "PATH": os.environ.get("PATH", "/bin:/usr/bin")}))
pid = os.spawnv(os.P_NOWAIT, "/bin/sh", ["sh", "-c", "exit 11"])
print("spawnv P_NOWAIT:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# posix_spawn: file actions (open, dup2, close) send the child's output to a file.
with tempfile.TemporaryDirectory() as d:
    out = os.path.join(d, "out.txt")
    pid = os.posix_spawn("/bin/sh", ["sh", "-c", 'echo "hello $WHO"; echo err >&2; exit 2'],
                         {"WHO": "spawn"},
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT, 0o644),
                                       (os.POSIX_SPAWN_DUP2, 1, 2),
                                       (os.POSIX_SPAWN_CLOSE, 0)])
    got, status = os.waitpid(pid, 0)
    with open(out) as f:
        print("posix_spawn:", got == pid, os.waitstatus_to_exitcode(status), f.read().split())
    pid = os.posix_spawnp("sh", ["sh", "-c", "exit 12"], os.environ, setpgroup=0, resetids=True,
                          setsigmask=[], setsigdef=[15], scheduler=(None, os.sched_param(0)))
    print("posix_spawnp:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
    pid = os.posix_spawn("/bin/sh", ["sh", "-c", "exit 13"], {}, setsid=True)
    print("posix_spawn setsid:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

ok = ["a"]
attempt("spawn argv", os.posix_spawn, "/bin/true", "x", {})
attempt("spawn empty", os.posix_spawn, "/bin/true", [], {})
attempt("spawn env", os.posix_spawn, "/bin/true", ok, 1)
attempt("spawn actions", os.posix_spawn, "/bin/true", ok, {}, file_actions=1)
attempt("spawn action int", os.posix_spawn, "/bin/true", ok, {}, file_actions=[1])
attempt("spawn action empty", os.posix_spawn, "/bin/true", ok, {}, file_actions=[()])
attempt("spawn action unknown", os.posix_spawn, "/bin/true", ok, {}, file_actions=[(99,)])
attempt("spawn open short", os.posix_spawn, "/bin/true", ok, {}, file_actions=[(os.POSIX_SPAWN_OPEN, 1)])
attempt("spawn close str", os.posix_spawn, "/bin/true", ok, {}, file_actions=[(os.POSIX_SPAWN_CLOSE, "x")])
attempt("spawn dup2 short", os.posix_spawn, "/bin/true", ok, {}, file_actions=[(os.POSIX_SPAWN_DUP2, 1)])
attempt("spawn sigmask 0", os.posix_spawn, "/bin/true", ok, {}, setsigmask=[0])
attempt("spawn sigmask int", os.posix_spawn, "/bin/true", ok, {}, setsigmask=1)
attempt("spawn scheduler param", os.posix_spawn, "/bin/true", ok, {}, scheduler=(None, 1))
attempt("spawn scheduler short", os.posix_spawn, "/bin/true", ok, {}, scheduler=(None,))
attempt("spawn setpgroup", os.posix_spawn, "/bin/true", ok, {}, setpgroup="x")
attempt("spawn resetids", os.posix_spawn, "/bin/true", ok, {}, resetids="x")
attempt("spawn keyword", os.posix_spawn, "/bin/true", ok, {}, bad=1)
attempt("spawn two", os.posix_spawn, "/bin/true", ok)
attempt("spawn four", os.posix_spawn, "/bin/true", ok, {}, 1)
attempt("spawn missing", os.posix_spawn, "/nonexistent/x", ok, {})
attempt("spawnp missing", os.posix_spawnp, "nonexistent-program-x", ok, {})
