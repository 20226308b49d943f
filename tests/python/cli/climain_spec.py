# Helper for cli/ specs: what a module run with -m sees of itself.
import os
import sys

print(__name__, __package__ == "", os.path.basename(__file__), os.path.basename(sys.argv[0]))
print(__spec__.name, os.path.basename(__spec__.origin), __spec__.parent == "", __spec__.has_location)
print(type(__loader__).__name__, __loader__.name, __spec__.loader is __loader__)
import importlib.util

print(type(__spec__).__name__, __spec__.name, __spec__.loader is __loader__, __loader__.name)
