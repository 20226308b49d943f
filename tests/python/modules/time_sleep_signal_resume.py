# time.sleep under a periodic SIGALRM: each handler run resumes the sleep with what is left of it (PEP 475) instead of starting it over, so the sleep ends; a handler that raises ends it early, and the next sleep is a whole one again
import signal, time

calls = 0
def count(signum, frame):
    global calls
    calls += 1

signal.signal(signal.SIGALRM, count)
signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
t0 = time.monotonic()
time.sleep(0.3)
dt = time.monotonic() - t0
signal.setitimer(signal.ITIMER_REAL, 0, 0)
print("slept at least 0.3:", dt >= 0.3, "ended before 1 s:", dt < 1.0, "handler ran:", calls >= 3)

class Stop(Exception):
    pass
def stop(signum, frame):
    raise Stop
signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
try:
    time.sleep(5)
except Stop:
    print("interrupted after", "< 1 s" if time.monotonic() - t0 < 1 else ">= 1 s")
t0 = time.monotonic()
time.sleep(0.1)
print("next sleep whole:", time.monotonic() - t0 >= 0.1)
