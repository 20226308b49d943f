# sys.tracebacklimit = 0: the exception line alone, no "Traceback" header.
import sys


def inner():
    raise KeyError("gone")


sys.tracebacklimit = 0
inner()
