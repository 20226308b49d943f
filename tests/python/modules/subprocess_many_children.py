# Many children in a row (Popen's fast path, as CPython's vfork): failed execs leak no
# descriptors, and a child starts with default signal handlers and no blocked signals.
import os
import signal
import subprocess
import sys

before = len(os.listdir("/proc/self/fd"))
failures = 0
for i in range(300):
    try:
        subprocess.Popen(["/nonexistent/program"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        failures += 1
print("failed execs:", failures, "descriptors leaked:", len(os.listdir("/proc/self/fd")) - before)

outs = [subprocess.run(["sh", "-c", "echo $0", str(i)], capture_output=True, text=True).stdout
        for i in range(50)]
print(outs[:3], len(set(outs)))

print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True).stdout.strip())
print(subprocess.run(["sh", "-c", "echo $X"], env={"X": "from env"}, capture_output=True,
                     text=True).stdout.strip())
try:
    subprocess.run(["true"], cwd="/nonexistent/dir")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror, e.filename)

signal.signal(signal.SIGUSR1, lambda *a: print("parent got SIGUSR1"))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
child = ("import signal; print(signal.getsignal(signal.SIGUSR1), "
         "sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))")
print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True).stdout.strip())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
print(subprocess.run(["sh", "-c", "kill -USR1 $PPID; sleep 0.2"]).returncode)
