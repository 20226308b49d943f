# faulthandler: the Python stack written on a fatal signal, on demand, at a registered
# signal and when a timer runs out; enable/disable state and argument errors. Thread ids
# vary from run to run, so they are masked.
import faulthandler, os, re, signal, subprocess, sys, tempfile, time

def masked(text):
    return re.sub(r"0x[0-9a-f]{16}", "0x<id>", text).replace(__file__, "<script>")

def read_back(path):
    with open(path) as f:
        return masked(f.read())

d = tempfile.mkdtemp()
path = os.path.join(d, "out.txt")

def inner(f, all_threads):
    faulthandler.dump_traceback(f, all_threads=all_threads)

def outer(f):
    inner(f, True)
    inner(f, False)

with open(path, "w") as f:
    outer(f)
print(read_back(path), end="")

print(faulthandler.is_enabled())
with open(path, "w") as f:
    faulthandler.enable(file=f)
    print(faulthandler.is_enabled())
    print(faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())

# A registered signal writes the stack of the thread it reaches, and the program goes on.
with open(path, "w") as f:
    faulthandler.register(signal.SIGUSR1, file=f, all_threads=False)
    def handler_site():
        os.kill(os.getpid(), signal.SIGUSR1)
    handler_site()
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
print(read_back(path), end="")

# The timer: the main thread's stack while it sleeps.
with open(path, "w") as f:
    faulthandler.dump_traceback_later(0.25, file=f)
    def sleeper():
        time.sleep(1.0)
    sleeper()
    faulthandler.cancel_dump_traceback_later()
print(read_back(path), end="")
with open(path, "w") as f:
    faulthandler.dump_traceback_later(0.5, file=f)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.8)
print(repr(read_back(path)))

for bad in (lambda: faulthandler.enable(file=-1), lambda: faulthandler.register(signal.SIGSEGV),
            lambda: faulthandler.register(999), lambda: faulthandler.dump_traceback_later(0),
            lambda: faulthandler.dump_traceback_later(-1), lambda: faulthandler.enable(file="x"),
            lambda: faulthandler.unregister(0), lambda: faulthandler.enable(1, 2, 3),
            lambda: faulthandler.dump_traceback_later(1e300)):
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)

# A fatal signal: the stack of the thread it hit, then the signal's usual end.
child = """
import faulthandler, os, signal, sys
faulthandler.enable()
print("before", flush=True)
def crash():
    os.kill(os.getpid(), signal.%s)
crash()
print("not reached")
"""
for name in ("SIGSEGV", "SIGABRT", "SIGFPE"):
    r = subprocess.run([sys.executable, "-c", child % name], capture_output=True, text=True)
    print(name, r.returncode, repr(r.stdout))
    print(masked(r.stderr), end="")

# Turned on at start by -X faulthandler and -X dev (PYTHONFAULTHANDLER too, unless -E).
env = dict(os.environ, PYTHONFAULTHANDLER="1")
for options, environment in (([], None), (["-X", "faulthandler"], None), (["-X", "dev"], None), ([], env), (["-E"], env)):
    r = subprocess.run([sys.executable, *options, "-c", "import faulthandler; print(faulthandler.is_enabled())"], capture_output=True, text=True, env=environment)
    print(options, environment is not None, r.stdout.strip())
