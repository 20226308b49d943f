# importlib.import_module with absolute and relative names.
import importlib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
m = importlib.import_module("shapes.circle")
print(m.__name__, m.Circle(1).area())
rel = importlib.import_module(".base", package="shapes")
print(rel.__name__, rel.Shape.sides)
try:
    importlib.import_module(".base")
except TypeError as e:
    print(e)
