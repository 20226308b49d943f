# fcntl: descriptor flags, errors, and flock()/lockf() between threads: a thread that
# finds the lock held waits until the holder lets go (under pypy-stm, outside its
# transaction).
import fcntl
import os
import tempfile
import threading
import time

r, w = os.pipe()
print("cloexec", fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
flags = fcntl.fcntl(w, fcntl.F_GETFL)
print("setfl", fcntl.fcntl(w, fcntl.F_SETFL, flags | os.O_NONBLOCK))
print("nonblocking", bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK))
print("buffer arg", fcntl.fcntl(r, fcntl.F_GETFD, b"1234"))
for args in (("x", 1), (r, "x"), (-1, fcntl.F_GETFD), (r, 99999)):
    try:
        fcntl.fcntl(*args)
    except (TypeError, ValueError, OSError) as error:
        print(type(error).__name__, error)
for bad in ((-1, fcntl.LOCK_EX), (r, 0)):
    try:
        fcntl.flock(*bad)
    except (ValueError, OSError) as error:
        print(type(error).__name__, error)
try:
    fcntl.lockf(r, 0)
except ValueError as error:
    print("ValueError", error)

path = os.path.join(tempfile.mkdtemp(), "lock")
holder = open(path, "w")
fcntl.flock(holder, fcntl.LOCK_EX)
print("main holds the lock")
events = []


def contender():
    with open(path, "w") as mine:
        try:
            fcntl.flock(mine, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            events.append("non-blocking try: held by another")
        fcntl.flock(mine, fcntl.LOCK_EX)
        events.append("contender has the lock")
        fcntl.flock(mine.fileno(), fcntl.LOCK_UN)


thread = threading.Thread(target=contender)
thread.start()
time.sleep(0.3)
events.append("main lets go")
fcntl.flock(holder, fcntl.LOCK_UN)
thread.join()
print("\n".join(events))

# lockf: record locks, here within one process (they do not exclude its own threads).
fcntl.lockf(holder, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0)
fcntl.lockf(holder, fcntl.LOCK_UN, 10, 0)
print("lockf ok")
holder.close()
os.unlink(path)
