# signal.pause() returns only after a signal came, however long that takes: the
# collection that a long wait runs (when the heap grew) does not end it early.
import signal

got = []
signal.signal(signal.SIGALRM, lambda *args: got.append("alarm"))
junk = [[i] for i in range(100000)]
dropped = open(__file__)  # left to its finalizer
del junk, dropped
signal.setitimer(signal.ITIMER_REAL, 0.8)
signal.pause()
print(got)
