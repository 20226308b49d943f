# select.poll: registration, modify/unregister errors, readiness of pipes, timeouts, and
# the selectors and subprocess code built on it.
import os
import select
import selectors
import subprocess
import sys
import time

print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP,
      select.POLLNVAL, select.POLLRDHUP, select.PIPE_BUF)
p = select.poll()
print(type(p).__name__)
r, w = os.pipe()
names = {}


def shown(events):
    return sorted((names.get(fd, fd), mask) for fd, mask in events)


names[r], names[w] = "r", "w"
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(shown(p.poll(0)))
os.write(w, b"x")
print(shown(p.poll(0)))
p.modify(w, select.POLLIN)
print(shown(p.poll(0)))
p.unregister(w)
print(shown(p.poll()))
os.read(r, 1)
start = time.monotonic()
print(p.poll(50), time.monotonic() - start >= 0.04)
print(p.poll(0.5))
for bad in (lambda: p.unregister(w), lambda: p.modify(w, 1), lambda: p.register(-1),
            lambda: p.register("x"), lambda: p.register(r, -1), lambda: p.register(r, 1 << 16),
            lambda: p.poll("1")):
    try:
        bad()
    except KeyError as e:
        print("KeyError", names.get(e.args[0]))
    except Exception as e:
        print(type(e).__name__, e)

class F:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd
p.register(F(w), select.POLLOUT)
print(shown(p.poll(0)))
os.close(w)
print(shown(p.poll(0)))  # the closed write end: POLLNVAL; the read end: POLLHUP

# A writer thread wakes a poll that waits.
import threading
r2, w2 = os.pipe()
q = select.poll()
names[r2] = "r2"
q.register(r2, select.POLLIN)
threading.Timer(0.1, os.write, (w2, b"ping")).start()
print(shown(q.poll(5000)))
print(os.read(r2, 10))

print(selectors.DefaultSelector.__name__ in ("PollSelector", "EpollSelector"))
with selectors.PollSelector() as sel:
    sel.register(r2, selectors.EVENT_READ, "data")
    os.write(w2, b"!")
    print([(key.data, events) for key, events in sel.select(1)])

out = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"],
                     input="through poll", capture_output=True, text=True)
print(out.stdout.strip(), out.returncode)

for big in (1 << 64, 1 << 40, -(1 << 64)):
    try:
        select.poll().poll(big)
    except OverflowError as e:
        print("OverflowError", e)

# One poll object polled by two threads at once: the second call fails.
r3, w3 = os.pipe()
shared = select.poll()
shared.register(r3, select.POLLIN)
waiting = threading.Thread(target=shared.poll, args=(10000,))
waiting.start()
deadline = time.monotonic() + 20
while True:
    try:
        shared.poll(0)
    except RuntimeError as e:
        print("RuntimeError", e)
        break
    if time.monotonic() > deadline:
        print("the other thread never polled")
        break
    time.sleep(0.01)
os.write(w3, b"go")
waiting.join()
print(shown(shared.poll(0)) == [(r3, select.POLLIN)])
