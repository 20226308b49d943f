# Output written before os.close/os.dup2 of a standard descriptor reaches it first; a
# pipe that takes a closed standard descriptor's number is closed by its file object.
import os
import subprocess
import sys

code = 'import sys; sys.stdout.write("apple"); sys.stdout.flush(); sys.stderr.write("orange")'
for fds in ([1], [2], [1, 2]):
    print("before closing", fds, flush=True)
    sys.stderr.write("stderr before closing %s\n" % fds)
    sys.stderr.flush()
    saved = [(fd, os.dup(fd)) for fd in fds]
    for fd in fds:
        os.close(fd)
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    out, err = p.communicate()
    numbers = (p.stdout.closed, p.stderr.closed)
    for fd, copy in saved:
        os.dup2(copy, fd)
        os.close(copy)
    print("after", fds, out, err, numbers, flush=True)
