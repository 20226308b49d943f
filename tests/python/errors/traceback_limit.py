# sys.tracebacklimit keeps the innermost entries of an uncaught exception's traceback.
import sys


def f2():
    1 / 0


def f1():
    f2()


sys.tracebacklimit = 1
f1()
