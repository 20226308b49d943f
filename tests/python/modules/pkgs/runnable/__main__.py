# Helper: the __main__ module of a package run with -m.
import sys

print("runnable package main", __name__, __package__, sys.argv[1:])
