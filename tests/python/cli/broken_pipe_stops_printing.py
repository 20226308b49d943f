# SIGPIPE is ignored, as CPython ignores it: a program that prints into a pipe whose reader
# has gone gets BrokenPipeError (and stops) instead of being killed or printing for ever.
import signal, subprocess, sys

print(signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN,
      signal.getsignal(signal.SIGXFSZ) == signal.SIG_IGN)
child = subprocess.Popen([sys.executable, "-c", "while True: print('line')"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(child.stdout.readline())
child.stdout.close()
err = child.stderr.read().decode()
child.wait(timeout=60)
print(child.returncode, err.strip().splitlines()[-1])
# A child started by subprocess gets the default action back.
out = subprocess.run([sys.executable, "-c",
                      "import signal; print(signal.getsignal(signal.SIGPIPE) == signal.SIG_DFL)"],
                     capture_output=True, text=True, restore_signals=True).stdout
print(out.strip())
