# Imported first by the multiprocessing tests: their locks are named POSIX semaphores, which
# a sandbox without a writable /dev/shm lacks. There the program says so and ends.
import _multiprocessing, os

try:
    _multiprocessing.SemLock(1, 1, 1, "/pypystm-probe-%d" % os.getpid(), True)
except OSError:
    print("no POSIX named semaphores here")
    raise SystemExit(0)
